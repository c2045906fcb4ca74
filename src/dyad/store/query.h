// Reading merged events back out of the store: filters for `dyad query`,
// everything for `dyad export`, written as JSON Lines, CSV or TSV.
#pragma once

#include <cstdint>
#include <functional>
#include <ostream>
#include <array>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "dyad/store/sqlite.h"

namespace dyad {

// Filters on stored events, shared by `dyad query` and the HTTP API. Empty
// fields filter nothing; values are validated by the caller.
struct EventFilter {
  std::string a, b;            // events between countries a and b, either direction (both set)
  std::string actor;           // a country as source or target ("RUS"), or an actor code ("RUSMIL")
  std::string source, target;  // countries
  std::string place_country;   // where the event happened
  std::string cameo;           // code prefix: "19", "0871"
  std::string root;            // two digits
  std::string plover;          // PLOVER event: "ASSAULT"
  int quad_class = 0;          // 1-4, 0 for any
  std::optional<int32_t> since, until;            // days since 1970-01-01, inclusive, on the date's first day
  std::optional<std::array<double, 4>> bbox;      // minLon, minLat, maxLon, maxLat of the place
  std::string text;            // full-text search over the mentions' sentences (SQLite FTS5 syntax)
  int64_t id = 0;              // one event, 0 for any
};

// Values for the ?N placeholders of a statement being built.
class SqlBinds {
 public:
  std::string add(std::string v) { return placeholder(Value(std::move(v))); }
  std::string add(int64_t v) { return placeholder(Value(v)); }
  std::string add(double v) { return placeholder(Value(v)); }
  void bind(Statement& s) const;

 private:
  using Value = std::variant<std::string, int64_t, double>;
  std::string placeholder(Value v);
  std::vector<Value> values_;
};

// Appends " AND ..." for every filter of `f` to `sql`, over the aliases e (events),
// sa and ta (source and target actors) and p (places).
void append_filters(const EventFilter& f, std::string& sql, SqlBinds& binds);

// Where a page of events starts: after the event `id` on day `d` (the sort key
// of event_page_sql, days since 1970 with undated events first).
struct PageAfter {
  int64_t d = 0, id = 0;
};

// A statement selecting `columns` for the events matching `f`, in order of
// day then id, at most `limit` of them (0: all), starting after `after`. Over
// the aliases e (events), sa and ta (actors), p (place), m (the first mention),
// s (its sentence) and r (its report); `page.d` is the sort key. The matching
// ids are picked and sorted first, so that the per-event joins (the first
// mention, its sentence and report) are made for the page only, not for every
// match: the first page of /api/events?dyad=RUS,UKR on 1M events (11,389
// matches) from 77 ms to 5 ms in SQLite, warm cache.
std::string event_page_sql(const std::string& columns, const EventFilter& f, const std::optional<PageAfter>& after,
                           size_t limit, SqlBinds& binds);

struct EventQuery {
  EventFilter filter;
  size_t limit = 0;  // 0: no limit
};

struct StoredEvent {
  int64_t id = 0;
  std::string date, precision, source, source_country, target, target_country, cameo, plover_event;
  int quad_class = 0;
  double goldstein = 0;
  bool has_place = false;
  std::string place, place_country;
  double lat = 0, lon = 0;
  int64_t mentions = 0, reports = 0, sources = 0;
  bool hypothetical = false;
  std::string sentence, doc_id, url;  // of the first mention
};

// Calls fn for every matching event, oldest first; throws SqliteError.
void query_events(Database& db, const EventQuery& q, const std::function<void(const StoredEvent&)>& fn);

enum class TableFormat { Jsonl, Csv, Tsv };
bool parse_table_format(const std::string& s, TableFormat& out);
void write_header(TableFormat f, std::ostream& out);
void write_event(const StoredEvent& e, TableFormat f, std::ostream& out);

}  // namespace dyad
