#include "store_commands.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>

#include "common.h"
#include "dyad/pipeline/batch_coder.h"
#include "dyad/serve/http_server.h"
#include "dyad/store/event_store.h"
#include "dyad/store/query.h"
#include "dyad/util/date.h"
#include "dyad/watch/series.h"

namespace dyad_cli {

namespace {

struct StoreOptions {
  std::string db = "events.db";
  std::string dyad, actor, since, until, cameo, text, by = "week", format;
  int quad = 0;
  size_t limit = 0;
  std::string output;
  // ingest
  CommonOptions common;
  int threads = 1;
  size_t batch = 500;
  bool quiet = false;
  // alerts
  dyad::AlertOptions alert;
  // serve
  dyad::ServeOptions serve;
  bool allow_ingest = false;
  std::string token;
};

StoreOptions opts;
CLI::App *ingest_cmd, *query_cmd, *series_cmd, *alerts_cmd, *export_cmd, *serve_cmd;

// "ARM,AZE" -> a, b.
bool split_dyad(const std::string& s, std::string& a, std::string& b) {
  size_t comma = s.find(',');
  if (comma == std::string::npos) return false;
  a = s.substr(0, comma);
  b = s.substr(comma + 1);
  return a.size() == 3 && b.size() == 3;
}

bool check_dates() {
  for (const std::string* d : {&opts.since, &opts.until}) {
    if (!d->empty() && !dyad::parse_iso_date(*d)) {
      std::cerr << "dyad: dates are YYYY-MM-DD, got '" << *d << "'\n";
      return false;
    }
  }
  return true;
}

int32_t day_or(const std::string& d, int32_t fallback) { return d.empty() ? fallback : dyad::parse_iso_date(d)->days(); }

// The read commands and the server never create a database.
bool database_exists() {
  if (std::filesystem::exists(opts.db)) return true;
  std::cerr << "dyad: " << opts.db << ": no such database (create it with dyad ingest --db " << opts.db << ")\n";
  return false;
}

std::unique_ptr<dyad::EventStore> open_existing() {
  return database_exists() ? std::make_unique<dyad::EventStore>(opts.db, false) : nullptr;
}

// --by, then the database: the start of series and alerts.
std::unique_ptr<dyad::EventStore> open_by_period(dyad::Period& by) {
  if (!dyad::parse_period(opts.by, by)) {
    std::cerr << "dyad: --by is day, week or month\n";
    return nullptr;
  }
  return open_existing();
}

int ingest_into(dyad::EventStore& store, const dyad::Coder& coder, dyad::IngestStats& stats, size_t& pending);

int run_ingest() {
  if (!opts.common.date.empty() && !dyad::parse_iso_date(opts.common.date)) {
    std::cerr << "dyad: --date must be YYYY-MM-DD, got '" << opts.common.date << "'\n";
    return 2;
  }
  auto coder = load_coder(opts.common);
  if (!coder) return 2;
  dyad::StoreOpenOptions open_options;
  open_options.ingest_lock = true;  // a second ingest of the same file fails at once (docs/reliability.md)
  dyad::EventStore store(opts.db, open_options);
  dyad::IngestStats stats;
  size_t pending = 0;
  try {
    return ingest_into(store, *coder, stats, pending);
  } catch (const dyad::SqliteError& e) {
    // A failed batch (disk full, I/O error) is rolled back whole; the batches
    // committed before it stay, and a re-run of the same ingest adds the rest.
    std::cerr << "dyad: " << e.what() << "\n";
    try {
      store.rollback();
    } catch (const dyad::SqliteError&) {  // SQLite rolled it back already
    }
    size_t kept = 0;
    try {
      kept = store.count("reports");
    } catch (const dyad::SqliteError&) {
    }
    std::fprintf(stderr,
                 "dyad ingest: stopped; the batch being written was rolled back and %s keeps %zu whole reports "
                 "(run the same ingest again to add the rest)\n",
                 opts.db.c_str(), kept);
    return 2;
  }
}

int ingest_into(dyad::EventStore& store, const dyad::Coder& coder_ref, dyad::IngestStats& stats, size_t& pending) {
  const dyad::Coder* coder = &coder_ref;
  store.begin();
  // Reports already stored are not coded again; batches commit between reports,
  // never inside one, so that a killed ingest leaves whole reports only.
  dyad::BatchCoder batch(*coder, opts.threads, [&](const dyad::Report& r, const std::vector<dyad::Event>& events) {
    if (r.part > 0) {
      store.add_events(r, events, stats);
      return;
    }
    if (pending >= opts.batch) {
      store.commit();
      store.begin();
      pending = 0;
    }
    store.add_report(r, events, stats);
    ++pending;
  });
  std::string skipping;  // the key of a stored report whose later parts are skipped too
  size_t problems = for_each_report(opts.common, *coder, [&](dyad::Report r) {
    std::string key = dyad::EventStore::report_key(r);
    if (r.part == 0) {
      skipping.clear();
      if (store.has_report(key)) {
        skipping = key;
        ++stats.reports_skipped;
        return;
      }
    } else if (key == skipping) {
      return;
    }
    batch.add(std::move(r));
  });
  batch.flush();
  store.commit();
  if (!opts.quiet) {
    std::fprintf(stderr,
                 "dyad ingest: %zu reports added, %zu already stored; %zu mentions: %zu new events, %zu merged into "
                 "earlier ones; %s now holds %zu reports, %zu events, %zu mentions%s\n",
                 stats.reports_added, stats.reports_skipped, stats.mentions, stats.events_new, stats.events_merged,
                 opts.db.c_str(), store.count("reports"), store.count("events"), store.count("mentions"),
                 problems ? (", " + std::to_string(problems) + " problem(s) reported above").c_str() : "");
  }
  return problems ? 1 : 0;
}

int run_query(bool everything) {
  dyad::TableFormat format = dyad::TableFormat::Jsonl;
  if (!opts.format.empty() && !dyad::parse_table_format(opts.format, format)) {
    std::cerr << "dyad: --format is jsonl, csv or tsv\n";
    return 2;
  }
  dyad::EventQuery q;
  if (!everything) {
    dyad::EventFilter& f = q.filter;
    if (!opts.dyad.empty() && !split_dyad(opts.dyad, f.a, f.b)) {
      std::cerr << "dyad: --dyad takes two country codes, e.g. ARM,AZE\n";
      return 2;
    }
    f.actor = opts.actor;
    if (!opts.since.empty()) f.since = dyad::parse_iso_date(opts.since)->days();
    if (!opts.until.empty()) f.until = dyad::parse_iso_date(opts.until)->days();
    f.cameo = opts.cameo;
    f.quad_class = opts.quad;
    f.text = opts.text;
    q.limit = opts.limit;
  }
  auto store = open_existing();
  if (!store) return 2;
  std::ofstream file;
  std::ostream* out = open_output(opts.output, file);
  if (!out) return 2;
  dyad::write_header(format, *out);
  size_t n = 0;
  dyad::query_events(store->db(), q, [&](const dyad::StoredEvent& e) {
    dyad::write_event(e, format, *out);
    ++n;
  });
  out->flush();
  if (!opts.quiet) std::cerr << "dyad: " << n << " events\n";
  return *out ? 0 : 2;
}

int run_series() {
  std::string a, b;
  if (!opts.dyad.empty() ? !split_dyad(opts.dyad, a, b) : opts.actor.size() != 3) {
    std::cerr << "dyad: series needs --dyad A,B or --actor A (country codes)\n";
    return 2;
  }
  if (a.empty()) a = opts.actor;
  dyad::Period by;
  auto store = open_by_period(by);
  if (!store) return 2;
  int32_t from = day_or(opts.since, INT32_MIN), to = day_or(opts.until, INT32_MAX);
  auto rows = dyad::fetch_rows(store->db(), a, b, from, to);
  auto series = dyad::build_series(rows, by, from, to);
  bool csv = opts.format == "csv", jsonl = opts.format == "jsonl";
  if (csv)
    std::cout << "period,events,verbal_cooperation,material_cooperation,verbal_conflict,material_conflict,"
                 "goldstein_sum,goldstein_mean,conflict_share,material_conflict_mentions\n";
  else if (!jsonl)
    std::cout << "period        events  vcoop  mcoop  vconf  mconf  goldstein_sum  goldstein_mean  conflict_share  "
                 "mconf_mentions\n";
  for (const dyad::SeriesPoint& p : series) {
    char buf[320];
    if (csv)
      std::snprintf(buf, sizeof buf, "%s,%zu,%zu,%zu,%zu,%zu,%.1f,%.2f,%.3f,%zu\n", p.period.c_str(), p.events,
                    p.quad[1], p.quad[2], p.quad[3], p.quad[4], p.goldstein_sum, p.goldstein_mean(), p.conflict_share(),
                    p.mentions[4]);
    else if (jsonl)
      std::snprintf(buf, sizeof buf,
                    "{\"period\":\"%s\",\"events\":%zu,\"verbal_cooperation\":%zu,\"material_cooperation\":%zu,"
                    "\"verbal_conflict\":%zu,\"material_conflict\":%zu,\"goldstein_sum\":%.1f,\"goldstein_mean\":%.2f,"
                    "\"conflict_share\":%.3f,\"material_conflict_mentions\":%zu}\n",
                    p.period.c_str(), p.events, p.quad[1], p.quad[2], p.quad[3], p.quad[4], p.goldstein_sum,
                    p.goldstein_mean(), p.conflict_share(), p.mentions[4]);
    else
      std::snprintf(buf, sizeof buf, "%-12s %7zu %6zu %6zu %6zu %6zu %14.1f %15.2f %15.3f %15zu\n", p.period.c_str(),
                    p.events, p.quad[1], p.quad[2], p.quad[3], p.quad[4], p.goldstein_sum, p.goldstein_mean(),
                    p.conflict_share(), p.mentions[4]);
    std::cout << buf;
  }
  return 0;
}

int run_alerts() {
  dyad::Period by;
  auto store = open_by_period(by);
  if (!store) return 2;
  std::vector<std::pair<std::string, std::string>> dyads;
  if (!opts.dyad.empty()) {
    std::string a, b;
    if (!split_dyad(opts.dyad, a, b)) {
      std::cerr << "dyad: --dyad takes two country codes, e.g. ARM,AZE\n";
      return 2;
    }
    dyads.emplace_back(a, b);
  } else {
    dyads = dyad::conflict_dyads(store->db(), opts.alert.min_events);
  }
  int32_t from = day_or(opts.since, INT32_MIN), to = day_or(opts.until, INT32_MAX);
  std::vector<dyad::Alert> alerts;
  for (const auto& [a, b] : dyads) {
    auto series = dyad::build_series(dyad::fetch_rows(store->db(), a, b, INT32_MIN, INT32_MAX), by);
    for (dyad::Alert& al : dyad::find_alerts(a + "-" + b, series, opts.alert)) {
      int32_t start = dyad::parse_iso_date(al.period.size() == 7 ? al.period + "-01" : al.period)->days();
      if (start >= (from == INT32_MIN ? INT32_MIN : from - 31) && start <= to) alerts.push_back(std::move(al));
    }
  }
  std::sort(alerts.begin(), alerts.end(), [](const dyad::Alert& x, const dyad::Alert& y) {
    return x.period != y.period ? x.period < y.period : x.dyad < y.dyad;
  });
  for (const dyad::Alert& al : alerts) {
    if (opts.format == "jsonl") {
      std::printf("{\"dyad\":\"%s\",\"period\":\"%s\",\"material_conflict_mentions\":%.0f,\"baseline_mean\":%.3f,"
                  "\"baseline_sd\":%.3f,\"z\":%.2f,\"why\":\"%s\"}\n",
                  al.dyad.c_str(), al.period.c_str(), al.value, al.mean, al.sd, al.z, al.why.c_str());
    } else {
      std::printf("ALERT %s %s: %s\n", al.dyad.c_str(), al.period.c_str(), al.why.c_str());
    }
  }
  if (!opts.quiet) std::fprintf(stderr, "dyad alerts: %zu alert(s) over %zu dyad(s)\n", alerts.size(), dyads.size());
  return 0;
}

int run_serve() {
  if (opts.allow_ingest && opts.token.size() < 16) {
    std::cerr << "dyad: --allow-ingest needs --token with at least 16 characters\n";
    return 2;
  }
  if (!database_exists()) return 2;
#ifdef __GLIBC__
  // The server runs many more threads than cores, and glibc gives each thread
  // its own malloc arena, which keeps what that thread freed: under the load
  // test RSS settled at 218 MB with the default, 116 MB with two arenas per core.
  mallopt(M_ARENA_MAX, int(2 * std::max(1u, std::thread::hardware_concurrency())));
#endif
  auto coder = load_coder(opts.common);  // for POST /api/code and names of CAMEO codes
  if (!coder) return 2;
  dyad::ApiOptions ao;
  ao.allow_ingest = opts.allow_ingest;
  ao.token = opts.token;
  std::unique_ptr<dyad::Api> api;
  try {
    api = std::make_unique<dyad::Api>(opts.db, coder.get(), ao);
  } catch (const dyad::StoreLockedError&) {
    // With --allow-ingest the server is a writer and holds the ingest lock while it runs.
    std::cerr << "dyad: " << opts.db << ": another dyad ingest is writing the database; start the server "
              << "without --allow-ingest to only read it, or when that ingest has finished\n";
    return 2;
  }
  std::string error;
  bool ok = dyad::run_server(*api, opts.serve, [&](int port) {
    std::printf("dyad serve: http://%s:%d/ (%s%s)\n", opts.serve.host.c_str(), port, opts.db.c_str(),
                opts.allow_ingest ? ", ingest allowed with the token" : ", read-only");
    std::fflush(stdout);
  }, error);
  if (!ok && !error.empty()) {
    std::cerr << "dyad: " << error << "\n";
    return 2;
  }
  return ok ? 0 : 2;
}

}  // namespace

void add_store_commands(CLI::App& app) {
  ingest_cmd = app.add_subcommand("ingest", "code reports and store them in the event database (safe to re-run)");
  add_common(ingest_cmd, opts.common);
  ingest_cmd->add_option("--db", opts.db, "database file (created if missing)")->required();
  ingest_cmd->add_option("-j,--threads", opts.threads, "worker threads")->check(CLI::Range(1, 256));
  ingest_cmd->add_option("--batch", opts.batch, "reports per transaction")->check(CLI::Range(1, 1000000));
  ingest_cmd->add_flag("-q,--quiet", opts.quiet, "no summary line");

  query_cmd = app.add_subcommand("query", "events from the database that match filters");
  export_cmd = app.add_subcommand("export", "every event of the database");
  series_cmd = app.add_subcommand("series", "a dyad's (or one actor's) events by day, week or month");
  alerts_cmd = app.add_subcommand("alerts", "dyads whose material conflict rises above their own baseline");
  for (CLI::App* c : {query_cmd, export_cmd, series_cmd, alerts_cmd}) {
    c->add_option("--db", opts.db, "database file")->required();
    c->add_flag("-q,--quiet", opts.quiet, "no summary line");
  }
  for (CLI::App* c : {query_cmd, series_cmd, alerts_cmd}) {
    c->add_option("--dyad", opts.dyad, "two country codes, either direction: ARM,AZE");
    c->add_option("--since", opts.since, "first day, YYYY-MM-DD");
    c->add_option("--until", opts.until, "last day, YYYY-MM-DD");
  }
  for (CLI::App* c : {query_cmd, series_cmd}) c->add_option("--actor", opts.actor, "one country code, as source or target");
  query_cmd->add_option("--cameo", opts.cameo, "CAMEO code or prefix (19: all fighting)");
  query_cmd->add_option("--quad", opts.quad, "QuadClass 1-4")->check(CLI::Range(1, 4));
  query_cmd->add_option("--text", opts.text, "full-text search in the sentences (SQLite FTS5 syntax)");
  query_cmd->add_option("--limit", opts.limit, "at most this many events");
  for (CLI::App* c : {query_cmd, export_cmd}) {
    c->add_option("--format", opts.format, "jsonl (default), csv or tsv");
    c->add_option("-o,--out", opts.output, "output file (default: standard output)");
  }
  series_cmd->add_option("--by", opts.by, "day, week (default) or month");
  series_cmd->add_option("--format", opts.format, "table (default), csv or jsonl");
  alerts_cmd->add_option("--by", opts.by, "day, week (default) or month");
  alerts_cmd->add_option("--window", opts.alert.window, "periods of trailing baseline (default 8)")->check(CLI::Range(2, 520));
  alerts_cmd->add_option("--threshold", opts.alert.threshold, "z-score that fires (default 3)");
  alerts_cmd->add_option("--min-events", opts.alert.min_events, "material-conflict mentions a period needs (default 3)");
  alerts_cmd->add_option("--format", opts.format, "text (default) or jsonl");

  serve_cmd = app.add_subcommand("serve", "the HTTP API and the dashboard over an event database (docs/api.md)");
  serve_cmd->add_option("--db", opts.db, "database file")->required();
  serve_cmd->add_option("--host", opts.serve.host, "address to bind (default 127.0.0.1)");
  serve_cmd->add_option("--port", opts.serve.port, "port (default 8080; 0: any free port)")->check(CLI::Range(0, 65535));
  opts.serve.web_dir = DYAD_WEB_DIR;
  serve_cmd->add_option("--web", opts.serve.web_dir, "directory of the built dashboard");
  serve_cmd->add_flag("--allow-ingest", opts.allow_ingest, "accept POST /api/ingest (with --token)");
  serve_cmd->add_option("--token", opts.token, "bearer token for POST /api/ingest");
  serve_cmd->add_option("--data", opts.common.data_dir, "data directory");
  serve_cmd->add_option("--dict", opts.common.dict_dirs, "extra dictionary directory (repeatable)");
}

int run_store_command() {
  try {
    if (!check_dates()) return 2;
    if (*ingest_cmd) return run_ingest();
    if (*query_cmd) return run_query(false);
    if (*export_cmd) return run_query(true);
    if (*series_cmd) return run_series();
    if (*alerts_cmd) return run_alerts();
    if (*serve_cmd) return run_serve();
  } catch (const dyad::SqliteError& e) {
    std::cerr << "dyad: " << e.what() << "\n";
    return 2;
  }
  return -1;
}

}  // namespace dyad_cli
