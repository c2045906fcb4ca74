#include "dyad/store/query.h"

#include <vector>

#include "dyad/output/writer.h"

namespace dyad {

bool parse_table_format(const std::string& s, TableFormat& out) {
  if (s == "jsonl" || s == "json") out = TableFormat::Jsonl;
  else if (s == "csv") out = TableFormat::Csv;
  else if (s == "tsv") out = TableFormat::Tsv;
  else return false;
  return true;
}

std::string SqlBinds::placeholder(Value v) {
  values_.push_back(std::move(v));
  return std::string("?").append(std::to_string(values_.size()));
}

void SqlBinds::bind(Statement& s) const {
  for (size_t i = 0; i < values_.size(); ++i) {
    int at = int(i + 1);
    if (const auto* t = std::get_if<std::string>(&values_[i])) s.bind(at, *t);
    else if (const auto* n = std::get_if<int64_t>(&values_[i])) s.bind(at, *n);
    else s.bind(at, std::get<double>(values_[i]));
  }
}

void append_filters(const EventFilter& f, std::string& sql, SqlBinds& binds) {
  if (!f.a.empty() && !f.b.empty()) {
    std::string a = binds.add(f.a), b = binds.add(f.b);
    sql += " AND ((e.source_country = " + a + " AND e.target_country = " + b + ") OR (e.source_country = " + b +
           " AND e.target_country = " + a + "))";
  }
  if (!f.actor.empty()) {
    std::string x = binds.add(f.actor);
    if (f.actor.size() == 3) sql += " AND (e.source_country = " + x + " OR e.target_country = " + x + ")";
    else sql += " AND (sa.code = " + x + " OR ta.code = " + x + ")";
  }
  if (!f.source.empty()) sql += " AND e.source_country = " + binds.add(f.source);
  if (!f.target.empty()) sql += " AND e.target_country = " + binds.add(f.target);
  if (!f.place_country.empty()) sql += " AND p.country = " + binds.add(f.place_country);
  if (!f.cameo.empty()) sql += " AND e.cameo LIKE " + binds.add(f.cameo + "%");
  if (!f.root.empty()) sql += " AND e.root = " + binds.add(f.root);
  if (!f.plover.empty()) sql += " AND e.plover_event = " + binds.add(f.plover);
  if (f.quad_class) sql += " AND e.quad_class = " + binds.add(int64_t(f.quad_class));
  if (f.since) sql += " AND e.day >= " + binds.add(int64_t(*f.since));
  if (f.until) sql += " AND e.day <= " + binds.add(int64_t(*f.until));
  if (f.bbox) {
    const auto& v = *f.bbox;
    sql += " AND p.lon BETWEEN " + binds.add(v[0]) + " AND " + binds.add(v[2]) + " AND p.lat BETWEEN " +
           binds.add(v[1]) + " AND " + binds.add(v[3]);
  }
  if (!f.text.empty())
    sql += " AND e.id IN (SELECT mm.event FROM mentions mm WHERE mm.sentence IN "
           "(SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH " + binds.add(f.text) + "))";
  if (f.id) sql += " AND e.id = " + binds.add(f.id);
}

std::string event_page_sql(const std::string& columns, const EventFilter& f, const std::optional<PageAfter>& after,
                           size_t limit, SqlBinds& binds) {
  const char* actors = " LEFT JOIN actors sa ON sa.id = e.source_actor LEFT JOIN actors ta ON ta.id = e.target_actor";
  const char* place = " LEFT JOIN places p ON p.id = e.place";
  std::string page = "SELECT e.id AS id, coalesce(e.day, -100000000) AS d FROM events e";
  // Only the joins the filters use (see append_filters): without them the
  // countries-and-day filters are answered from an index alone, no table row read.
  if (!f.actor.empty() && f.actor.size() != 3) page += actors;
  if (!f.place_country.empty() || f.bbox) page += place;
  page += " WHERE 1";
  append_filters(f, page, binds);
  if (after) {
    std::string day = binds.add(after->d);
    page += " AND (d > " + day + " OR (d = " + day + " AND e.id > " + binds.add(after->id) + "))";
  }
  page += " ORDER BY d, e.id";
  if (limit) page += " LIMIT " + std::to_string(limit);
  std::string sql = "SELECT " + columns + " FROM (" + page + ") page JOIN events e ON e.id = page.id";
  sql += actors;
  sql += place;
  sql += " JOIN mentions m ON m.id = (SELECT min(id) FROM mentions WHERE event = e.id)"
         " JOIN sentences s ON s.id = m.sentence JOIN reports r ON r.id = m.report ORDER BY page.d, page.id";
  return sql;
}

void query_events(Database& db, const EventQuery& q, const std::function<void(const StoredEvent&)>& fn) {
  SqlBinds binds;
  std::string sql = event_page_sql(
      "e.id, e.date, e.date_precision, sa.code, e.source_country, ta.code, e.target_country, e.cameo, "
      "e.plover_event, e.quad_class, e.goldstein, p.name, p.country, p.lat, p.lon, e.num_mentions, e.num_reports, "
      "e.num_sources, e.hypothetical, s.text, r.doc_id, r.url",
      q.filter, std::nullopt, q.limit, binds);
  Statement s(db, sql.c_str());
  binds.bind(s);
  StoredEvent e;
  while (s.step()) {
    e.id = s.int64(0);
    e.date = s.text(1);
    e.precision = s.text(2);
    e.source = s.text(3);
    e.source_country = s.text(4);
    e.target = s.text(5);
    e.target_country = s.text(6);
    e.cameo = s.text(7);
    e.plover_event = s.text(8);
    e.quad_class = int(s.int64(9));
    e.goldstein = s.real(10);
    e.has_place = !s.is_null(11);
    e.place = s.text(11);
    e.place_country = s.text(12);
    e.lat = s.real(13);
    e.lon = s.real(14);
    e.mentions = s.int64(15);
    e.reports = s.int64(16);
    e.sources = s.int64(17);
    e.hypothetical = s.int64(18) != 0;
    e.sentence = s.text(19);
    e.doc_id = s.text(20);
    e.url = s.text(21);
    fn(e);
  }
}

namespace {

const char* const kColumns[] = {"id", "date", "date_precision", "source", "source_country", "target",
                                "target_country", "cameo", "plover_event", "quad_class", "goldstein", "place",
                                "place_country", "lat", "lon", "num_mentions", "num_reports", "num_sources",
                                "hypothetical", "sentence", "doc_id", "url"};

std::string number(double v, int places) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", places, v);
  return buf;
}

}  // namespace

void write_header(TableFormat f, std::ostream& out) {
  if (f == TableFormat::Jsonl) return;
  const char* sep = f == TableFormat::Csv ? "," : "\t";
  for (size_t i = 0; i < sizeof kColumns / sizeof kColumns[0]; ++i) out << (i ? sep : "") << kColumns[i];
  out << "\n";
}

void write_event(const StoredEvent& e, TableFormat f, std::ostream& out) {
  std::vector<std::string> v = {std::to_string(e.id), e.date, e.precision, e.source, e.source_country, e.target,
                                e.target_country, e.cameo, e.plover_event, std::to_string(e.quad_class),
                                number(e.goldstein, 1), e.place, e.place_country,
                                e.has_place ? number(e.lat, 5) : "", e.has_place ? number(e.lon, 5) : "",
                                std::to_string(e.mentions), std::to_string(e.reports), std::to_string(e.sources),
                                e.hypothetical ? "1" : "0", e.sentence, e.doc_id, e.url};
  if (f == TableFormat::Jsonl) {
    std::string line = "{";
    // Numbers stay numbers; empty strings are null.
    static const bool kNumeric[] = {true, false, false, false, false, false, false, false, false, true, true,
                                    false, false, true, true, true, true, true, false, false, false, false};
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) line += ",";
      line += "\"";
      line += kColumns[i];
      line += "\":";
      if (i == 18) line += e.hypothetical ? "true" : "false";
      else if (v[i].empty()) line += "null";
      else if (kNumeric[i]) line += v[i];
      else append_json_string(v[i], line);
    }
    out << line << "}\n";
    return;
  }
  std::string row;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) row += f == TableFormat::Csv ? "," : "\t";
    if (f == TableFormat::Csv) append_csv_field(v[i], row);
    else append_tsv_field(v[i], row);
  }
  out << row << "\n";
}

}  // namespace dyad
