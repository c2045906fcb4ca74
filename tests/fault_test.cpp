// Faults during ingest (docs/reliability.md): kill -9 at random points, a full
// disk, a read-only database, a second writer, readers during ingest, and
// dictionary errors at start-up. After each, the database passes PRAGMA
// integrity_check, holds whole reports only, and a re-run ends with exactly
// the events of one clean ingest.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <thread>

#include "dyad/store/sqlite.h"
#include "dyad/serve/api.h"
#include "dyad/store/schema.h"
#include "test_support.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// ---- processes ------------------------------------------------------------

struct Child {
  pid_t pid = -1;
};

// Starts the dyad binary with `args`; stdout and stderr go to `log` (appended).
// With `as_nobody`, the child drops root to uid/gid 65534 first.
Child start(const std::vector<std::string>& args, const std::string& log, const std::vector<std::string>& env = {},
            bool as_nobody = false) {
  std::vector<std::string> argv{test::binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  Child c;
  c.pid = test::spawn(argv, log, log, true, [&] {
    for (const std::string& e : env) putenv(const_cast<char*>(e.c_str()));
    if (as_nobody) {
      setgroups(0, nullptr);
      if (setgid(65534) != 0 || setuid(65534) != 0) _exit(126);
    }
  });
  return c;
}

// Exit status, or -signal when killed.
int wait_for(Child c) {
  int status = 0;
  waitpid(c.pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

bool running(Child c) { return waitpid(c.pid, nullptr, WNOHANG) == 0; }

int run_dyad(const std::vector<std::string>& args, const std::string& log, const std::vector<std::string>& env = {},
             bool as_nobody = false) {
  fs::remove(log);
  return wait_for(start(args, log, env, as_nobody));
}

using test::slurp;

// ---- database snapshots ---------------------------------------------------

uint64_t fnv(uint64_t h, const std::string& s) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return (h ^ 0xff) * 1099511628211ull;
}

struct Snapshot {
  std::string integrity;
  int64_t reports = 0, events = 0, mentions = 0, sentences = 0;
  uint64_t events_sum = 0, mentions_sum = 0;
  std::map<std::string, int64_t> mentions_per_report;  // report key -> mentions
};

int64_t scalar(Database& db, const char* sql) {
  Statement s(db, sql);
  return s.step() ? s.int64(0) : -1;
}

// Reads everything in one read transaction, so that a snapshot taken during
// an ingest sees one committed state.
Snapshot snapshot(const std::string& path) {
  Snapshot snap;
  Database db(path, false);
  db.exec("BEGIN");
  {
    Statement check(db, "PRAGMA integrity_check");
    snap.integrity = check.step() ? check.text(0) : "no answer";
    snap.reports = scalar(db, "SELECT count(*) FROM reports");
    snap.events = scalar(db, "SELECT count(*) FROM events");
    snap.mentions = scalar(db, "SELECT count(*) FROM mentions");
    snap.sentences = scalar(db, "SELECT count(*) FROM sentences");
    // The content of every event (actors and places by value, not by row id), in id order.
    Statement ev(db,
                 "SELECT e.id, e.date, e.date_precision, e.day, sa.code, ta.code, e.source_country, e.target_country, "
                 "e.cameo, e.root, e.quad_class, e.goldstein, e.plover_event, p.name, p.lat, p.lon, e.hypothetical, "
                 "e.num_mentions, e.num_reports, e.num_sources FROM events e LEFT JOIN actors sa ON sa.id = "
                 "e.source_actor LEFT JOIN actors ta ON ta.id = e.target_actor LEFT JOIN places p ON p.id = e.place "
                 "ORDER BY e.id");
    uint64_t h = 1469598103934665603ull;
    while (ev.step())
      for (int c = 0; c < ev.columns(); ++c) h = fnv(h, ev.is_null(c) ? std::string("\x01") : ev.text(c));
    snap.events_sum = h;
    Statement me(db,
                 "SELECT r.report_key, m.coded_id, m.event, m.cameo, m.trigger_text, m.source_text, m.target_text, "
                 "m.date, s.idx, s.text FROM mentions m JOIN reports r ON r.id = m.report JOIN sentences s ON s.id = "
                 "m.sentence ORDER BY r.report_key, m.coded_id");
    h = 1469598103934665603ull;
    while (me.step())
      for (int c = 0; c < me.columns(); ++c) h = fnv(h, me.is_null(c) ? std::string("\x01") : me.text(c));
    snap.mentions_sum = h;
    Statement per(db, "SELECT r.report_key, count(m.id) FROM reports r LEFT JOIN mentions m ON m.report = r.id GROUP BY r.id");
    while (per.step()) snap.mentions_per_report[per.text(0)] = per.int64(1);
  }
  db.exec("COMMIT");
  return snap;
}

// ---- the shared corpus and its clean ingest -------------------------------

struct Corpus {
  fs::path dir;
  std::string jsonl, clean_db;
  Snapshot clean;
  double clean_seconds = 0;
};

const Corpus& corpus() {
  static Corpus c = [] {
    Corpus k;
    k.dir = fs::temp_directory_path() / (std::string("dyad-fault-corpus-").append(std::to_string(::getpid())));
    fs::remove_all(k.dir);
    fs::create_directories(k.dir);
    fs::permissions(k.dir, fs::perms::all);  // the read-only test runs a child as nobody
    k.jsonl = (k.dir / "corpus.jsonl").string();
    std::string out;
    if (test::run(test::corpus_gen() + " --mb 1 --seed 11 > " + k.jsonl, out) != 0) std::abort();
    k.clean_db = (k.dir / "clean.db").string();
    auto t0 = Clock::now();
    if (run_dyad({"ingest", "-q", "--db", k.clean_db, k.jsonl}, (k.dir / "clean.log").string()) != 0) std::abort();
    k.clean_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    k.clean = snapshot(k.clean_db);
    return k;
  }();
  return c;
}

struct CorpusCleanup : ::testing::Environment {
  void TearDown() override {
    fs::remove_all(fs::temp_directory_path() / (std::string("dyad-fault-corpus-").append(std::to_string(::getpid()))));
  }
};
const auto* const kCleanup = ::testing::AddGlobalTestEnvironment(new CorpusCleanup);

void expect_whole_reports(const Snapshot& s, const Snapshot& clean) {
  for (const auto& [key, n] : s.mentions_per_report) {
    auto it = clean.mentions_per_report.find(key);
    ASSERT_NE(it, clean.mentions_per_report.end()) << key;
    EXPECT_EQ(n, it->second) << "report " << key << " is stored in part";
  }
}

void expect_same_as_clean(const Snapshot& s, const Snapshot& clean) {
  EXPECT_EQ(s.integrity, "ok");
  EXPECT_EQ(s.reports, clean.reports);
  EXPECT_EQ(s.events, clean.events);
  EXPECT_EQ(s.mentions, clean.mentions);
  EXPECT_EQ(s.sentences, clean.sentences);
  EXPECT_EQ(s.events_sum, clean.events_sum) << "the events table differs from a clean ingest";
  EXPECT_EQ(s.mentions_sum, clean.mentions_sum) << "the mentions differ from a clean ingest";
}

class Fault : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::fresh_test_dir("dyad-fault-");
    fs::permissions(dir_, fs::perms::all);
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_, ec);
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

TEST_F(Fault, CleanIngestOfTheCorpus) {
  const Corpus& c = corpus();
  EXPECT_EQ(c.clean.integrity, "ok");
  EXPECT_GT(c.clean.reports, 100);
  EXPECT_GT(c.clean.events, 1000);
  std::printf("[ clean ingest: %lld reports, %lld events, %lld mentions in %.1f s ]\n", (long long)c.clean.reports,
              (long long)c.clean.events, (long long)c.clean.mentions, c.clean_seconds);
}

// kill -9 at seeded random moments: during start-up, schema creation, coding
// and commits. Every kill leaves a consistent database of whole reports; the
// ingests go on where the last one stopped; the last run completes.
TEST_F(Fault, KillNineAtRandomPointsLeavesWholeReportsAndARerunEqualsACleanIngest) {
  const Corpus& c = corpus();
  std::string db = path("killed.db"), log = path("ingest.log");
  std::mt19937 rng(20261128);
  // Delays spread over a clean run's time (it includes start-up, so early kills hit start-up).
  int max_ms = std::max(300, int(c.clean_seconds * 1000 * 0.4));
  std::uniform_int_distribution<int> delay(20, max_ms);
  int killed_mid_way = 0;
  int64_t last = 0;
  for (int i = 0; i < 8; ++i) {
    int ms = i == 0 ? 20 : delay(rng);
    Child child = start({"ingest", "-q", "--batch", "10", "--db", db, c.jsonl}, log);
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    ::kill(child.pid, SIGKILL);
    int status = wait_for(child);
    if (!fs::exists(db)) continue;  // killed before the file was created
    Snapshot s = snapshot(db);
    EXPECT_EQ(s.integrity, "ok") << "iteration " << i << " killed after " << ms << " ms";
    expect_whole_reports(s, c.clean);
    EXPECT_GE(s.reports, last) << "a kill lost committed reports";
    if (status == -SIGKILL && s.reports > last && s.reports < c.clean.reports) ++killed_mid_way;
    last = s.reports;
    std::printf("[ kill %d after %4d ms: %s, %lld of %lld reports stored ]\n", i, ms,
                status == -SIGKILL ? "killed" : "had finished", (long long)s.reports, (long long)c.clean.reports);
  }
  EXPECT_GE(killed_mid_way, 2) << "too few kills landed in the middle of an ingest; see the delays above";
  ASSERT_EQ(run_dyad({"ingest", "-q", "--db", db, c.jsonl}, log), 0) << slurp(log);
  expect_same_as_clean(snapshot(db), c.clean);
}

// A full disk, simulated with a page limit (PRAGMA max_page_count through
// DYAD_DB_MAX_PAGES): a clear message naming the file, exit 2, the batches
// committed before kept; a re-run with room completes.
TEST_F(Fault, DiskFullStopsWithAClearMessageAndARerunWithRoomCompletes) {
  const Corpus& c = corpus();
  std::string db = path("full.db"), log = path("ingest.log");
  // About half the clean database's pages.
  int64_t pages = 0;
  {
    Database clean(c.clean_db, false);
    pages = scalar(clean, "PRAGMA page_count");
  }
  ASSERT_GT(pages, 40);
  std::string limit = "DYAD_DB_MAX_PAGES=";
  limit += std::to_string(pages / 2);
  EXPECT_EQ(run_dyad({"ingest", "--batch", "20", "--db", db, c.jsonl}, log, {limit}), 2);
  std::string msg = slurp(log);
  EXPECT_NE(msg.find(db + ": database or disk is full"), std::string::npos) << msg;
  EXPECT_NE(msg.find("whole reports"), std::string::npos) << msg;
  Snapshot s = snapshot(db);
  EXPECT_EQ(s.integrity, "ok");
  EXPECT_GT(s.reports, 0);
  EXPECT_LT(s.reports, c.clean.reports);
  expect_whole_reports(s, c.clean);
  ASSERT_EQ(run_dyad({"ingest", "-q", "--db", db, c.jsonl}, log), 0) << slurp(log);
  expect_same_as_clean(snapshot(db), c.clean);
}

// A database that cannot be written: as root (where file modes do not stop
// writes) the ingest runs as the user nobody.
TEST_F(Fault, ReadOnlyDatabaseIsAClearErrorAndNothingChanges) {
  const Corpus& c = corpus();
  bool root = ::geteuid() == 0;
  std::string db = path("ro.db"), log = path("ingest.log"), small = path("small.jsonl");
  fs::copy_file(c.clean_db, db);
  std::ofstream(small) << R"({"id":"new-1","date":"2023-03-01","text":"Russian troops shelled Ukrainian positions near Kharkiv."})"
                       << "\n";
  fs::permissions(small, fs::perms::all);
  std::string before = slurp(db);
  fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(dir_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                            fs::perms::others_read | fs::perms::others_exec);  // no new files beside it
  int rc = run_dyad({"ingest", "--db", db, small}, log, {}, root);
  if (rc == 126) GTEST_SKIP() << "cannot drop root to the user nobody to test a read-only database";
  std::string msg = slurp(log);
  EXPECT_EQ(rc, 2) << msg;
  EXPECT_NE(msg.find(db + ": the database is read-only"), std::string::npos) << msg;
  EXPECT_EQ(slurp(db), before) << "the read-only database changed";
  EXPECT_FALSE(fs::exists(db + "-wal"));
  // Reading it still works: query, series and export as that user answer as
  // they do with write access (their output goes to a log opened before the
  // child drops root).
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"query", "--db", db, "--dyad", "RUS,UKR", "--format", "csv"},
        std::vector<std::string>{"series", "--db", db, "--dyad", "RUS,UKR", "--by", "month"},
        std::vector<std::string>{"export", "--db", db, "--format", "jsonl"}}) {
    std::string ro_log = path("ro.out"), rw_log = path("rw.out");
    std::vector<std::string> rw = args;
    rw[2] = c.clean_db;
    ASSERT_EQ(run_dyad(args, ro_log, {}, root), 0) << args[0] << ": " << slurp(ro_log);
    ASSERT_EQ(run_dyad(rw, rw_log), 0) << slurp(rw_log);
    EXPECT_GT(slurp(ro_log).size(), 100u) << args[0];
    EXPECT_EQ(slurp(ro_log), slurp(rw_log)) << args[0];
  }
  EXPECT_EQ(slurp(db), before) << "reading changed the read-only database";
}

// Two ingests of one database at once: the second fails at once with a clear
// message (the first holds the ingest lock); the first completes.
TEST_F(Fault, SecondWriterFailsClearlyAndTheFirstCompletes) {
  const Corpus& c = corpus();
  std::string db = path("two.db"), log_a = path("a.log"), log_b = path("b.log");
  Child a = start({"ingest", "-q", "--batch", "10", "--db", db, c.jsonl}, log_a);
  // Wait until the first has stored something (it holds the lock from the start).
  for (int i = 0; i < 3000; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (!fs::exists(db)) continue;
    try {
      Database peek(db, false);
      if (scalar(peek, "SELECT count(*) FROM reports") > 0) break;
    } catch (const SqliteError&) {
    }
  }
  ASSERT_TRUE(running(a)) << "the first ingest finished too soon";
  auto t0 = Clock::now();
  int rc_b = run_dyad({"ingest", "-q", "--db", db, c.jsonl}, log_b);
  double waited = std::chrono::duration<double>(Clock::now() - t0).count();
  std::string msg = slurp(log_b);
  EXPECT_EQ(rc_b, 2) << msg;
  EXPECT_NE(msg.find(db + ": the database is locked by another dyad ingest"), std::string::npos) << msg;
  EXPECT_LT(waited, 8.0) << "the second ingest should fail at once, not wait";
  ASSERT_EQ(wait_for(a), 0) << slurp(log_a);
  expect_same_as_clean(snapshot(db), c.clean);
  // Once the first has finished, the same command adds nothing.
  ASSERT_EQ(run_dyad({"ingest", "--db", db, c.jsonl}, log_b), 0) << slurp(log_b);
  EXPECT_NE(slurp(log_b).find("0 reports added"), std::string::npos);
}

// A server allowed to ingest is a writer too: while it runs, it holds the
// ingest lock, so an ingest (or a second such server) fails at once with a
// clear message instead of interleaving its writes with the server's.
TEST_F(Fault, AServerAllowedToIngestHoldsTheIngestLock) {
  const Corpus& c = corpus();
  std::string db = path("served.db"), log = path("ingest.log");
  fs::copy_file(c.clean_db, db);
  {
    Api api(db, nullptr, ApiOptions{true, "secret-token-0123456789", 1 << 20, 8 << 10, 1000});
    EXPECT_EQ(run_dyad({"ingest", "-q", "--db", db, c.jsonl}, log), 2);
    EXPECT_NE(slurp(log).find(db + ": the database is locked by another dyad ingest"), std::string::npos) << slurp(log);
    EXPECT_EQ(run_dyad({"serve", "--db", db, "--port", "0", "--allow-ingest", "--token", "secret-token-0123456789"}, log), 2);
    EXPECT_NE(slurp(log).find("another dyad ingest is writing the database"), std::string::npos) << slurp(log);
    // Reading is not writing: the API still answers.
    EXPECT_EQ(api.handle(ApiRequest{"GET", "/healthz", {}, "", ""}).status, 200);
  }
  ASSERT_EQ(run_dyad({"ingest", "--db", db, c.jsonl}, log), 0) << slurp(log);
  EXPECT_NE(slurp(log).find("0 reports added"), std::string::npos) << slurp(log);
}

// Readers while an ingest runs: dyad query and series never fail, and a
// snapshot never sees part of a report.
TEST_F(Fault, ReadersDuringIngestNeverFailNorSeeHalfAReport) {
  const Corpus& c = corpus();
  std::string db = path("busy.db"), log = path("ingest.log"), rlog = path("reader.log");
  Child a = start({"ingest", "-q", "--batch", "10", "-j", "2", "--db", db, c.jsonl}, log);
  // Readers start once the schema exists (before that, "no such database" is the right answer).
  for (int i = 0; i < 3000; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (!fs::exists(db)) continue;
    try {
      Database peek(db, false);
      if (scalar(peek, "PRAGMA user_version") == kSchemaVersion) break;
    } catch (const SqliteError&) {
    }
  }
  int rounds = 0, partial = 0;
  int64_t seen_max = 0;
  while (running(a)) {
    ++rounds;
    int rc = run_dyad({"query", "-q", "--db", db, "--dyad", "RUS,UKR", "--limit", "5"}, rlog);
    EXPECT_EQ(rc, 0) << slurp(rlog);
    rc = run_dyad({"series", "--db", db, "--dyad", "RUS,UKR", "--by", "month"}, rlog);
    EXPECT_EQ(rc, 0) << slurp(rlog);
    Snapshot s = snapshot(db);
    EXPECT_EQ(s.integrity, "ok");
    for (const auto& [key, n] : s.mentions_per_report)
      if (n != c.clean.mentions_per_report.at(key)) ++partial;
    seen_max = std::max(seen_max, s.reports);
  }
  int status = wait_for(a);
  ASSERT_EQ(status, 0) << slurp(log);
  EXPECT_EQ(partial, 0) << "a reader saw a report with some of its mentions";
  EXPECT_GE(rounds, 2);
  std::printf("[ %d reader rounds during the ingest, up to %lld reports seen ]\n", rounds, (long long)seen_max);
  expect_same_as_clean(snapshot(db), c.clean);
}

// Dictionary errors stop the start with file and line; nothing is coded.
// Unknown country codes and overlapping dated roles are found by `dyad dict
// lint` (with file and line), not refused at load (docs/reliability.md).
TEST_F(Fault, DictionaryErrorsStopTheStartWithFileAndLine) {
  std::string report = path("r.txt");
  std::ofstream(report) << "Russian troops shelled Ukrainian positions near Kharkiv on Monday.\n";
  struct Case {
    const char* name;
    const char* file;  // under the --dict directory
    const char* text;
    const char* message;
    bool stops_load;
  };
  const Case cases[] = {
      {"syntax", "actors/bad.txt", "# comment\nperson RUS/GOV Vladimir Testov\n", "actors/bad.txt:2: expected", true},
      {"unknown-cameo", "events/bad.txt", "verb 999 = frobnicate\n", "events/bad.txt:1: unknown CAMEO code '999'", true},
      {"unknown-country", "actors/bad.txt", "\n\ncountry ARX = Freedonia\n", "actors/bad.txt:3: unknown-code: 'ARX'", true},
      {"unknown-sector", "actors/bad.txt", "person ARM/XYZ = Aram Testyan\n", "actors/bad.txt:1: unknown-sector: sector 'XYZ'", true},
      {"overlapping-roles", "actors/bad.txt",
       "person ARM/GOV = Aram Testyan @ 2018-01-01..2020-12-31\nperson ARM/MIL = Aram Testyan @ 2020-06-01..\n",
       "actors/bad.txt:2: overlap: 'Aram Testyan' (ARM/MIL) overlaps the dates of", true},
      {"duplicate-is-only-linted", "actors/bad.txt", "person ARM/GOV = Aram Testyan\nperson ARM/GOV = Aram Testyan\n",
       "actors/bad.txt:2: duplicate: 'Aram Testyan' repeats", false},
  };
  for (const Case& k : cases) {
    SCOPED_TRACE(k.name);
    fs::path dict = dir_ / k.name;
    fs::create_directories((dict / k.file).parent_path());
    std::ofstream((dict / k.file).string()) << k.text;
    std::string out_file = path(std::string(k.name).append(".out")), log = path("code.log");
    if (k.stops_load) {
      int rc = run_dyad({"code", "--dict", dict.string(), "--date", "2023-03-01", "-o", out_file, report}, log);
      std::string msg = slurp(log);
      EXPECT_EQ(rc, 2) << msg;
      EXPECT_NE(msg.find(k.message), std::string::npos) << msg;
      EXPECT_NE(msg.find("dictionaries not loaded; nothing coded"), std::string::npos) << msg;
      EXPECT_TRUE(!fs::exists(out_file) || fs::file_size(out_file) == 0) << "output written by a half-loaded coder";
    } else {
      int rc = run_dyad({"dict", "lint", "--dict", dict.string()}, log);
      std::string msg = slurp(log);
      EXPECT_EQ(rc, 1) << msg;
      EXPECT_NE(msg.find(k.message), std::string::npos) << msg;
      // A curator's warning, not an error: coding goes on.
      EXPECT_EQ(run_dyad({"code", "--dict", dict.string(), "--date", "2023-03-01", "-o", out_file, report}, log), 0)
          << slurp(log);
    }
  }
}

}  // namespace
}  // namespace dyad
