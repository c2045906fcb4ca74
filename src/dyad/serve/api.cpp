#include "dyad/serve/api.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <climits>
#include <cstdio>
#include <optional>
#include <thread>
#include <tuple>

#include <nlohmann/json.hpp>

#include "dyad/output/writer.h"
#include "dyad/store/connection_pool.h"
#include "dyad/store/query.h"
#include "dyad/store/schema.h"
#include "dyad/util/date.h"
#include "dyad/watch/series.h"

namespace dyad {

namespace {

using nlohmann::json;

struct ApiError {
  int status;
  std::string message;
};

[[noreturn]] void fail(int status, const std::string& message) { throw ApiError{status, message}; }

ApiResponse json_response(const json& j, int status = 200) {
  ApiResponse r;
  r.status = status;
  r.body = j.dump(-1, ' ', false, json::error_handler_t::replace);
  return r;
}

// Query parameters, validated: a malformed one is a 400 naming it.
class Params {
 public:
  explicit Params(const std::multimap<std::string, std::string>& p) : p_(p) {}
  std::optional<std::string> get(const std::string& name) const {
    auto it = p_.find(name);
    if (it == p_.end() || it->second.empty()) return std::nullopt;
    return it->second;
  }
  std::string country(const std::string& name) const {
    auto v = get(name);
    if (!v) return {};
    if (!is_code(*v)) fail(400, name + ": expected a country code such as ARM");
    return *v;
  }
  std::pair<std::string, std::string> dyad(const std::string& name) const {
    auto v = get(name);
    if (!v) return {};
    size_t comma = v->find(',');
    if (comma == std::string::npos || !is_code(v->substr(0, comma)) || !is_code(v->substr(comma + 1)))
      fail(400, name + ": expected two country codes such as ARM,AZE");
    return {v->substr(0, comma), v->substr(comma + 1)};
  }
  std::optional<int32_t> date(const std::string& name) const {
    auto v = get(name);
    if (!v) return std::nullopt;
    auto d = parse_iso_date(*v);
    if (!d || v->size() != 10) fail(400, name + ": expected YYYY-MM-DD");
    return d->days();
  }
  long integer(const std::string& name, long lo, long hi, long fallback) const {
    auto v = get(name);
    if (!v) return fallback;
    long n = 0;
    auto r = std::from_chars(v->data(), v->data() + v->size(), n);
    if (r.ec != std::errc() || r.ptr != v->data() + v->size() || n < lo || n > hi)
      fail(400, name + ": expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    return n;
  }
  double number(const std::string& name, double fallback) const {
    auto v = get(name);
    if (!v) return fallback;
    double n = 0;
    auto r = std::from_chars(v->data(), v->data() + v->size(), n);
    if (r.ec != std::errc() || r.ptr != v->data() + v->size()) fail(400, name + ": expected a number");
    return n;
  }
  std::string digits(const std::string& name, size_t min_len, size_t max_len) const {
    auto v = get(name);
    if (!v) return {};
    if (v->size() < min_len || v->size() > max_len || v->find_first_not_of("0123456789") != std::string::npos)
      fail(400, name + ": expected a CAMEO code of " + std::to_string(min_len) + " to " + std::to_string(max_len) + " digits");
    return *v;
  }

 private:
  static bool is_code(const std::string& s) {
    return s.size() == 3 && s.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos;
  }
  const std::multimap<std::string, std::string>& p_;
};

json actor_json(const Statement& s, int col) {
  if (s.is_null(col)) return nullptr;
  return {{"code", s.text(col)},
          {"country", s.is_null(col + 1) ? json() : json(s.text(col + 1))},
          {"sector", s.is_null(col + 2) ? json() : json(s.text(col + 2))}};
}

json text_or_null(const Statement& s, int col) { return s.is_null(col) ? json() : json(s.text(col)); }

// The columns event_json reads, over event_page_sql's aliases; page.d (31st) is the cursor's day.
const char* kEventColumns =
    "e.id, e.date, e.date_precision, sa.code, sa.country, sa.sector, ta.code, ta.country, ta.sector, "
    "e.cameo, e.root, e.quad_class, e.goldstein, e.plover_event, e.plover_mode, e.plover_context, "
    "p.name, p.lat, p.lon, p.country, p.feature, p.geonames_id, e.hypothetical, e.num_mentions, e.num_reports, "
    "e.num_sources, s.text, r.doc_id, r.title, r.url, page.d";

size_t pool_size(size_t asked) {
  if (asked) return asked;
  return std::max<size_t>(4, 2 * std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace

struct Api::Impl {
  Impl(const std::string& path, const Coder* c, ApiOptions o)
      : store(path, StoreOpenOptions{false, o.allow_ingest, 0}),
        readers(path, pool_size(o.max_connections)),
        coder(c),
        opt(std::move(o)) {}

  EventStore store;        // the writer: POST /api/ingest, one at a time under write_mu
  std::mutex write_mu;
  ConnectionPool readers;  // every GET borrows one of these
  const Coder* coder;
  ApiOptions opt;
  // /healthz counts every event: its answer is reused for a second (and dropped
  // when this server ingests), so that a monitor polling it costs nothing.
  std::mutex health_mu;
  std::string health_body;
  std::chrono::steady_clock::time_point health_at;

  json event_json(const Statement& s) {
    std::string cameo = s.text(9);
    const CameoCode* code = coder ? coder->cameo().find(cameo) : nullptr;
    json place = nullptr;
    if (!s.is_null(16))
      place = {{"name", s.text(16)}, {"lat", s.real(17)}, {"lon", s.real(18)}, {"country", text_or_null(s, 19)},
               {"feature", text_or_null(s, 20)}, {"geonames_id", s.is_null(21) ? json() : json(s.int64(21))}};
    return {{"id", s.int64(0)},
            {"date", text_or_null(s, 1)},
            {"date_precision", text_or_null(s, 2)},
            {"source", actor_json(s, 3)},
            {"target", actor_json(s, 6)},
            {"cameo", cameo},
            {"cameo_name", code ? json(code->name) : json()},
            {"root", s.text(10)},
            {"quad_class", s.int64(11)},
            {"goldstein", s.real(12)},
            {"plover", {{"event", text_or_null(s, 13)}, {"mode", text_or_null(s, 14)}, {"context", text_or_null(s, 15)}}},
            {"place", place},
            {"hypothetical", s.int64(22) != 0},
            {"num_mentions", s.int64(23)},
            {"num_reports", s.int64(24)},
            {"num_sources", s.int64(25)},
            {"sentence", s.text(26)},
            {"doc_id", s.text(27)},
            {"title", text_or_null(s, 28)},
            {"url", text_or_null(s, 29)}};
  }

  ApiResponse health() {
    std::lock_guard<std::mutex> lock(health_mu);
    auto now = std::chrono::steady_clock::now();
    if (health_body.empty() || now - health_at > std::chrono::seconds(1)) {
      auto lease = readers.acquire();
      // First and last day through the day index, not min()/max() over every row.
      Statement s(lease.db(),
                  "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM reports), "
                  "(SELECT date FROM events WHERE date_precision = 'day' ORDER BY day LIMIT 1), "
                  "(SELECT date FROM events WHERE date_precision = 'day' ORDER BY day DESC LIMIT 1)");
      s.step();
      health_body = json_response({{"status", "ok"}, {"events", s.int64(0)}, {"reports", s.int64(1)},
                                   {"first_date", text_or_null(s, 2)}, {"last_date", text_or_null(s, 3)},
                                   {"schema", kSchemaVersion}}).body;
      health_at = now;
    }
    ApiResponse r;
    r.body = health_body;
    return r;
  }

  ApiResponse events(Database& db, const Params& p) {
    EventFilter f;
    std::tie(f.a, f.b) = p.dyad("dyad");
    if (auto a = p.get("actor")) {
      // A country ("RUS": any of its actors) or an actor code ("RUSMIL").
      bool code = a->size() >= 3 && a->size() <= 12 && a->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos;
      if (!code) fail(400, "actor: expected a country code such as RUS or an actor code such as RUSMIL");
      f.actor = *a;
    }
    f.place_country = p.country("country");
    f.source = p.country("source");
    f.target = p.country("target");
    f.cameo = p.digits("cameo", 2, 4);
    f.root = p.digits("root", 2, 2);
    if (auto v = p.get("plover")) {
      if (v->size() > 32 || v->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ_-") != std::string::npos)
        fail(400, "plover: expected a PLOVER event such as ASSAULT");
      f.plover = *v;
    }
    f.quad_class = int(p.integer("quad", 1, 4, 0));
    f.since = p.date("since");
    f.until = p.date("until");
    if (auto b = p.get("bbox")) {
      std::array<double, 4> v;
      size_t at = 0;
      for (int i = 0; i < 4; ++i) {
        size_t comma = b->find(',', at);
        std::string part = b->substr(at, comma == std::string::npos ? std::string::npos : comma - at);
        auto r = std::from_chars(part.data(), part.data() + part.size(), v[size_t(i)]);
        if (part.empty() || r.ec != std::errc() || r.ptr != part.data() + part.size() || (i < 3 && comma == std::string::npos) ||
            (i == 3 && comma != std::string::npos))
          fail(400, "bbox: expected minLon,minLat,maxLon,maxLat");
        at = comma + 1;
      }
      if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90 || v[0] > v[2] || v[1] > v[3])
        fail(400, "bbox: expected minLon,minLat,maxLon,maxLat within -180..180 and -90..90");
      f.bbox = v;
    }
    if (auto q = p.get("q")) {
      if (q->size() > 500) fail(400, "q: at most 500 characters");
      f.text = *q;
    }
    std::optional<PageAfter> after;
    if (auto c = p.get("cursor")) {
      size_t colon = c->find(':');
      long long d = 0, id = 0;
      bool ok = colon != std::string::npos;
      if (ok) {
        auto r1 = std::from_chars(c->data(), c->data() + colon, d);
        auto r2 = std::from_chars(c->data() + colon + 1, c->data() + c->size(), id);
        ok = r1.ec == std::errc() && r1.ptr == c->data() + colon && r2.ec == std::errc() && r2.ptr == c->data() + c->size();
      }
      if (!ok) fail(400, "cursor: not a cursor this server gave");
      after = PageAfter{d, id};
    }
    long limit = p.integer("limit", 1, long(opt.max_limit), 100);
    SqlBinds binds;
    std::string sql = event_page_sql(kEventColumns, f, after, size_t(limit) + 1, binds);
    json list = json::array();
    std::string next;
    try {
      Statement s(db, sql.c_str());
      binds.bind(s);
      bool more = false;
      while (s.step()) {
        if (long(list.size()) == limit) {
          more = true;  // the extra row: there is a next page
          break;
        }
        list.push_back(event_json(s));
        next = std::to_string(s.int64(30));
        next += ":";
        next += std::to_string(s.int64(0));
      }
      if (!more) next.clear();
    } catch (const SqliteError&) {
      if (!f.text.empty()) fail(400, "q: not a valid search expression");
      throw;
    }
    return json_response({{"events", list}, {"next_cursor", next.empty() ? json() : json(next)}});
  }

  ApiResponse event(Database& db, int64_t id) {
    EventFilter f;
    f.id = id;
    SqlBinds binds;
    Statement s(db, event_page_sql(kEventColumns, f, std::nullopt, 1, binds).c_str());
    binds.bind(s);
    if (!s.step()) fail(404, "no event " + std::to_string(id));
    json e = event_json(s);
    Statement m(db,
                "SELECT r.doc_id, r.date, r.publisher, r.title, r.url, s.text, m.trigger_text, m.trigger_begin, "
                "m.trigger_end, m.source_text, m.source_begin, m.source_end, m.target_text, m.target_begin, "
                "m.target_end, m.date, m.date_begin, m.date_end, p.name, m.place_begin, m.place_end "
                "FROM mentions m JOIN reports r ON r.id = m.report JOIN sentences s ON s.id = m.sentence "
                "LEFT JOIN places p ON p.id = m.place WHERE m.event = ? ORDER BY m.id");
    m.bind(1, id);
    json mentions = json::array();
    auto span = [&](int text_col, int begin_col) -> json {
      if (m.is_null(begin_col)) return nullptr;
      return {{"text", m.text(text_col)}, {"span", {m.int64(begin_col), m.int64(begin_col + 1)}}};
    };
    while (m.step()) {
      mentions.push_back({{"report", {{"doc_id", m.text(0)}, {"date", text_or_null(m, 1)}, {"publisher", text_or_null(m, 2)},
                                      {"title", text_or_null(m, 3)}, {"url", text_or_null(m, 4)}}},
                          {"sentence", m.text(5)},
                          {"trigger", {{"text", m.text(6)}, {"span", {m.int64(7), m.int64(8)}}}},
                          {"source", span(9, 10)},
                          {"target", span(12, 13)},
                          {"date", m.is_null(16) ? json() : json({{"text", m.text(15)}, {"span", {m.int64(16), m.int64(17)}}})},
                          {"place", m.is_null(19) ? json() : json({{"text", m.text(18)}, {"span", {m.int64(19), m.int64(20)}}})}});
    }
    e["mentions"] = mentions;
    return json_response(e);
  }

  ApiResponse actors(Database& db, const Params& p) {
    long limit = p.integer("limit", 1, long(opt.max_limit), 100);
    Statement s(db,
                "SELECT c, sum(src), sum(tgt) FROM (SELECT source_country AS c, 1 AS src, 0 AS tgt FROM events "
                "WHERE source_country IS NOT NULL UNION ALL SELECT target_country, 0, 1 FROM events "
                "WHERE target_country IS NOT NULL) GROUP BY c ORDER BY sum(src) + sum(tgt) DESC, c LIMIT ?");
    s.bind(1, int64_t(limit));
    json list = json::array();
    while (s.step())
      list.push_back({{"country", s.text(0)}, {"events", s.int64(1) + s.int64(2)}, {"as_source", s.int64(1)},
                      {"as_target", s.int64(2)}});
    return json_response({{"actors", list}});
  }

  ApiResponse dyads(Database& db, const Params& p) {
    long limit = p.integer("limit", 1, long(opt.max_limit), 100);
    Statement s(db,
                "SELECT min(source_country, target_country), max(source_country, target_country), count(*) "
                "FROM events WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND "
                "source_country != target_country GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?");
    s.bind(1, int64_t(limit));
    json list = json::array();
    while (s.step()) list.push_back({{"a", s.text(0)}, {"b", s.text(1)}, {"events", s.int64(2)}});
    return json_response({{"dyads", list}});
  }

  Period period(const Params& p, std::string& name) {
    name = p.get("by").value_or("week");
    Period by;
    if (!parse_period(name, by)) fail(400, "by: expected day, week or month");
    return by;
  }

  ApiResponse series(Database& db, const Params& p) {
    auto [a, b] = p.dyad("dyad");
    if (a.empty()) a = p.country("actor");
    if (a.empty()) fail(400, "dyad or actor: one is needed");
    std::string by_name;
    Period by = period(p, by_name);
    int32_t from = p.date("since").value_or(INT32_MIN), to = p.date("until").value_or(INT32_MAX);
    if (from != INT32_MIN && to != INT32_MAX && to - from > 366 * 200) fail(400, "since/until: at most 200 years");
    auto rows = fetch_rows(db, a, b, from, to);
    // Counted before the series is built: since=1011-09-01 by day would otherwise
    // build 370,000 periods first (over 10 s; found by fuzz/http_fuzzer.cpp).
    if (series_length(rows, by, from, to) > 20000)
      fail(400, "the series would have more than 20000 periods: narrow since/until");
    auto points = build_series(rows, by, from, to);
    // Up to 20,000 periods: written straight into the answer rather than built
    // as a JSON tree first (a weekly RUS-UKR series: 69 -> 200 requests/s).
    ApiResponse r;
    std::string& out = r.body;
    out.reserve(points.size() * 300 + 64);
    out += "{\"by\":";
    append_json_string(by_name, out);
    out += ",\"series\":[";
    auto field = [&out](const char* name, auto v) {
      char buf[40];
      out += ",\"";
      out += name;
      out += "\":";
      out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
    };
    for (size_t i = 0; i < points.size(); ++i) {
      const SeriesPoint& pt = points[i];
      out += i ? ",{\"period\":" : "{\"period\":";
      append_json_string(pt.period, out);
      out += ",\"start\":\"";
      out += Date::from_days(pt.start).iso();
      out += "\"";
      field("events", pt.events);
      field("verbal_cooperation", pt.quad[1]);
      field("material_cooperation", pt.quad[2]);
      field("verbal_conflict", pt.quad[3]);
      field("material_conflict", pt.quad[4]);
      field("material_conflict_mentions", pt.mentions[4]);
      field("goldstein_sum", pt.goldstein_sum);
      field("goldstein_mean", pt.goldstein_mean());
      field("conflict_share", pt.conflict_share());
      out += "}";
    }
    out += "]}";
    return r;
  }

  ApiResponse alerts(Database& db, const Params& p) {
    std::string by_name;
    Period by = period(p, by_name);
    AlertOptions o;
    o.window = int(p.integer("window", 2, 520, o.window));
    o.threshold = p.number("threshold", o.threshold);
    o.min_events = size_t(p.integer("min_events", 1, 1000000, long(o.min_events)));
    std::vector<std::pair<std::string, std::string>> dyads;
    if (auto d = p.dyad("dyad"); !d.first.empty()) dyads.push_back(d);
    else dyads = conflict_dyads(db, o.min_events);
    json list = json::array();
    for (const auto& [a, b] : dyads)
      for (const Alert& al : find_alerts(a + "-" + b, build_series(fetch_rows(db, a, b, INT32_MIN, INT32_MAX), by), o))
        list.push_back({{"dyad", al.dyad}, {"period", al.period}, {"value", al.value}, {"mean", al.mean},
                        {"sd", al.sd}, {"z", al.z}, {"why", al.why}});
    return json_response({{"alerts", list}});
  }

  static Report report_from(const json& j) {
    if (!j.is_object()) fail(400, "body: expected a JSON object with text and date");
    Report r;
    auto str = [&](const char* k) -> std::string {
      if (!j.contains(k) || j[k].is_null()) return {};
      if (!j[k].is_string()) fail(400, std::string(k) + ": expected a string");
      return j[k].get<std::string>();
    };
    r.text = str("text");
    r.date = str("date");
    r.id = str("id");
    r.title = str("title");
    r.source = str("publisher");
    r.url = str("url");
    if (r.text.empty()) fail(400, "text: required");
    if (!r.date.empty() && (!parse_iso_date(r.date) || r.date.size() != 10)) fail(400, "date: expected YYYY-MM-DD");
    return r;
  }

  static json parse_body(const std::string& body) {
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded()) fail(400, "body: not valid JSON");
    return j;
  }

  ApiResponse code(const ApiRequest& req) {
    if (!coder) fail(503, "this server has no coder loaded");
    Report r = report_from(parse_body(req.body));
    if (r.id.empty()) r.id = "posted";
    CoderSession session(*coder);
    std::vector<Event> events;
    session.code(r, events);
    std::string out = "{\"events\":[";
    for (size_t i = 0; i < events.size(); ++i) {
      if (i) out += ",";
      append_event_json(events[i], out);
    }
    out += "]}";
    ApiResponse resp;
    resp.body = std::move(out);
    return resp;
  }

  ApiResponse ingest(const ApiRequest& req) {
    if (!opt.allow_ingest) fail(403, "this server is read-only (start it with --allow-ingest --token TOKEN)");
    if (opt.token.empty() || req.authorization != "Bearer " + opt.token) fail(401, "a valid bearer token is required");
    if (!coder) fail(503, "this server has no coder loaded");
    json body = parse_body(req.body);
    std::vector<Report> reports;
    if (body.is_object() && body.contains("reports")) {
      if (!body["reports"].is_array()) fail(400, "reports: expected a list");
      for (const json& r : body["reports"]) reports.push_back(report_from(r));
    } else {
      reports.push_back(report_from(body));
    }
    CoderSession session(*coder);
    IngestStats stats;
    std::lock_guard<std::mutex> lock(write_mu);
    store.begin();
    try {
      for (const Report& r : reports) {
        std::vector<Event> events;
        session.code(r, events);
        store.add_report(r, events, stats);
      }
      store.commit();
    } catch (...) {
      store.rollback();
      throw;
    }
    {
      std::lock_guard<std::mutex> health_lock(health_mu);
      health_body.clear();
    }
    return json_response({{"reports_added", stats.reports_added}, {"reports_skipped", stats.reports_skipped},
                          {"mentions", stats.mentions}});
  }
};

Api::Api(const std::string& db_path, const Coder* coder, ApiOptions options)
    : impl_(std::make_unique<Impl>(db_path, coder, std::move(options))) {}

Api::~Api() = default;

ApiResponse Api::handle(const ApiRequest& req) {
  try {
    size_t query_bytes = 0;
    for (const auto& [k, v] : req.params) query_bytes += k.size() + v.size() + 2;
    if (query_bytes > impl_->opt.max_query) fail(414, "query string too long");
    if (req.body.size() > impl_->opt.max_body) fail(413, "request body too large");
    Params p(req.params);
    const std::string& path = req.path;
    bool get = req.method == "GET" || req.method == "HEAD", post = req.method == "POST";
    auto only = [&](bool ok) {
      if (!ok) fail(405, "method " + req.method + " not allowed on " + path);
    };
    auto reader = [&] { return impl_->readers.acquire(); };
    if (path == "/healthz") return only(get), impl_->health();
    if (path == "/api/events") return only(get), impl_->events(reader().db(), p);
    if (path.rfind("/api/events/", 0) == 0) {
      only(get);
      std::string id = path.substr(12);
      int64_t n = 0;
      auto r = std::from_chars(id.data(), id.data() + id.size(), n);
      if (id.empty() || r.ec != std::errc() || r.ptr != id.data() + id.size() || n <= 0)
        fail(400, "event id: expected a positive whole number");
      return impl_->event(reader().db(), n);
    }
    if (path == "/api/actors") return only(get), impl_->actors(reader().db(), p);
    if (path == "/api/dyads") return only(get), impl_->dyads(reader().db(), p);
    if (path == "/api/series") return only(get), impl_->series(reader().db(), p);
    if (path == "/api/alerts") return only(get), impl_->alerts(reader().db(), p);
    if (path == "/api/code") return only(post), impl_->code(req);
    if (path == "/api/ingest") return only(post), impl_->ingest(req);
    fail(404, "no such endpoint: " + path);
  } catch (const ApiError& e) {
    return json_response({{"error", {{"status", e.status}, {"message", e.message}}}}, e.status);
  } catch (const SqliteError&) {
    return json_response({{"error", {{"status", 500}, {"message", "database error"}}}}, 500);
  } catch (const std::exception&) {
    return json_response({{"error", {{"status", 500}, {"message", "internal error"}}}}, 500);
  }
}

}  // namespace dyad
