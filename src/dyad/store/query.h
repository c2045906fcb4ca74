// Reading merged events back out of the store: filters for `dyad query`,
// everything for `dyad export`, written as JSON Lines, CSV or TSV.
#pragma once

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

#include "dyad/store/sqlite.h"

namespace dyad {

struct EventQuery {
  std::string a, b;        // --dyad A,B: events between A and B, either direction (both set)
  std::string actor;       // --actor A: events with A as source or target
  std::string since, until;  // YYYY-MM-DD, inclusive, on the event date's first day
  std::string cameo;       // code prefix: "19", "0871"
  int quad_class = 0;      // 1-4, 0 for any
  std::string text;        // full-text search over the mentions' sentences (SQLite FTS5 syntax)
  size_t limit = 0;        // 0: no limit
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
