// The event store: merging (and not merging) reports of one event,
// idempotent and crash-safe ingest, series arithmetic and alert firing.
#include <gtest/gtest.h>

#include <cmath>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "dyad/store/event_store.h"
#include "dyad/store/merge_rule.h"
#include "dyad/store/query.h"
#include "dyad/store/schema.h"
#include "dyad/watch/series.h"
#include "test_support.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

MergeKey key(const char* src, const char* tgt, const char* cameo, int32_t day) {
  MergeKey k;
  k.source_country = src;
  k.target_country = tgt;
  k.cameo = cameo;
  k.day = day;
  k.has_day = true;
  k.date = Date::from_days(day).iso();
  k.precision = "day";
  return k;
}

TEST(MergeRule, ReportsOfOneEventMerge) {
  int32_t d = Date{2020, 10, 11}.days();
  MergeKey a = key("ARM", "AZE", "190", d);
  EXPECT_TRUE(same_event(a, key("ARM", "AZE", "190", d)));
  EXPECT_TRUE(same_event(a, key("ARM", "AZE", "190", d + 1)));  // reported the next day
  EXPECT_TRUE(same_event(a, key("ARM", "AZE", "194", d)));      // 190 is root 19 unspecified
  EXPECT_TRUE(same_event(key("ARM", "AZE", "19", d), key("ARM", "AZE", "1951", d)));
  MergeKey ganja = a, ganja2 = a;
  ganja.has_place = ganja2.has_place = true;
  ganja.lat = 40.68, ganja.lon = 46.36;
  ganja2.lat = 40.60, ganja2.lon = 46.50;  // 15 km away
  EXPECT_TRUE(same_event(ganja, ganja2));
  EXPECT_TRUE(same_event(ganja, a));  // one report gives no place
  MergeKey month = key("ARM", "AZE", "0871", Date{2020, 11, 1}.days());
  month.date = "2020-11";
  month.precision = "month";
  EXPECT_TRUE(same_event(month, month));
}

TEST(MergeRule, DifferentEventsDoNotMerge) {
  int32_t d = Date{2020, 10, 11}.days();
  MergeKey a = key("ARM", "AZE", "190", d);
  EXPECT_FALSE(same_event(a, key("AZE", "ARM", "190", d)));      // the other direction
  EXPECT_FALSE(same_event(a, key("ARM", "TUR", "190", d)));      // another dyad
  EXPECT_FALSE(same_event(a, key("ARM", "AZE", "190", d + 2)));  // two days apart
  EXPECT_FALSE(same_event(a, key("ARM", "AZE", "173", d)));      // another root
  EXPECT_FALSE(same_event(key("ARM", "AZE", "193", d), key("ARM", "AZE", "195", d)));  // siblings
  MergeKey threat = a;
  threat.hypothetical = true;
  EXPECT_FALSE(same_event(a, threat));
  MergeKey ganja = a, stepanakert = a;
  ganja.has_place = stepanakert.has_place = true;
  ganja.lat = 40.68, ganja.lon = 46.36;
  stepanakert.lat = 39.82, stepanakert.lon = 46.75;  // about 100 km
  EXPECT_FALSE(same_event(ganja, stepanakert));
  MergeKey month = key("ARM", "AZE", "190", Date{2020, 10, 1}.days());
  month.date = "2020-10";
  month.precision = "month";
  EXPECT_FALSE(same_event(a, month));  // a day and a month
  MergeKey undated = a;
  undated.has_day = false;
  EXPECT_FALSE(same_event(undated, undated));
}

class Store : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string name = "dyad-store-";
    name += std::to_string(::getpid());
    name += "-";
    name += ::testing::UnitTest::GetInstance()->current_test_info()->name();
    dir_ = fs::temp_directory_path() / name;
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  // Codes and stores one report.
  static bool add(EventStore& store, const std::string& id, const std::string& date, const std::string& publisher,
                  const std::string& text, IngestStats& stats) {
    Report r;
    r.id = id;
    r.date = date;
    r.source = publisher;
    r.text = text;
    CoderSession session(test::coder());
    std::vector<Event> events;
    session.code(r, events);
    return store.add_report(r, events, stats);
  }
  static size_t scalar(EventStore& store, const char* sql) {
    Statement s(store.db(), sql);
    return s.step() ? size_t(s.int64(0)) : 0;
  }
  int dyad(const std::string& args, std::string& out) { return test::run(test::binary() + " " + args + " 2>&1", out); }

  fs::path dir_;
};

TEST_F(Store, ThreeReportsOfOneShellingBecomeOneEventWithTheirCounts) {
  EventStore store(path("e.db"));
  IngestStats stats;
  store.begin();
  add(store, "a", "2020-10-11", "Caucasus Wire", "Armenian forces shelled Azerbaijani positions near Ganja on Sunday.", stats);
  add(store, "b", "2020-10-12", "Global Desk", "Armenian troops shelled Azerbaijani troops in Ganja on Sunday, officials said.", stats);
  add(store, "c", "2020-10-12", "Global Desk", "Armenian artillery shelled Azerbaijani soldiers in Ganja.", stats);  // dated the 12th
  store.commit();
  EXPECT_EQ(stats.reports_added, 3u);
  Statement s(store.db(), "SELECT num_mentions, num_reports, num_sources, cameo FROM events WHERE source_country = 'ARM'");
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.int64(0), 3);
  EXPECT_EQ(s.int64(1), 3);
  EXPECT_EQ(s.int64(2), 2);  // two publishers
  EXPECT_FALSE(s.step()) << "the three reports should have merged";
  EXPECT_EQ(scalar(store, "SELECT count(*) FROM mentions"), 3u);  // no mention lost
}

TEST_F(Store, ShellingsOfTwoDistantTownsStayTwoEvents) {
  EventStore store(path("e.db"));
  IngestStats stats;
  store.begin();
  add(store, "a", "2020-10-11", "Caucasus Wire", "Armenian forces shelled Azerbaijani positions near Ganja on Sunday.", stats);
  add(store, "b", "2020-10-11", "Global Desk", "Armenian forces shelled Azerbaijani positions near Tartar on Sunday.", stats);
  add(store, "c", "2020-10-11", "Global Desk", "Armenian forces shelled Azerbaijani positions near Ganja on Thursday.", stats);
  store.commit();
  EXPECT_EQ(scalar(store, "SELECT count(*) FROM events WHERE source_country = 'ARM'"), 3u);
  EXPECT_EQ(scalar(store, "SELECT max(num_mentions) FROM events"), 1u);
}

TEST_F(Store, ProvenanceLeadsBackToReportAndSentence) {
  EventStore store(path("e.db"));
  IngestStats stats;
  store.begin();
  add(store, "a", "2022-12-14", "Caucasus Wire",
      "The talks stalled. Azerbaijani activists blocked the Lachin corridor on Monday.", stats);
  store.commit();
  Statement s(store.db(),
              "SELECT r.doc_id, s.idx, s.text, m.trigger_text, p.name FROM mentions m JOIN reports r ON r.id = m.report "
              "JOIN sentences s ON s.id = m.sentence JOIN events e ON e.id = m.event JOIN places p ON p.id = e.place");
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.text(0), "a");
  EXPECT_EQ(s.int64(1), 1);
  EXPECT_NE(s.text(2).find("Lachin"), std::string::npos);
  EXPECT_EQ(s.text(3).substr(0, 7), "blocked");
  EXPECT_EQ(s.text(4), "Lachin Corridor");
  // Full-text search finds the sentence.
  size_t n = 0;
  EventQuery q;
  q.filter.text = "lachin";
  query_events(store.db(), q, [&](const StoredEvent& e) {
    ++n;
    EXPECT_EQ(e.date, "2022-12-12");
  });
  EXPECT_EQ(n, 1u);
}

TEST_F(Store, ReingestingAddsNothing) {
  std::string db = path("e.db"), out;
  std::string feed = test::source_dir() + "/examples/corpus.jsonl";
  ASSERT_EQ(dyad("ingest --db " + db + " " + feed, out), 0) << out;
  EventStore first(db, false);
  size_t reports = first.count("reports"), events = first.count("events"), mentions = first.count("mentions");
  EXPECT_GE(reports, 60u);
  ASSERT_EQ(dyad("ingest --db " + db + " " + feed + " " + feed, out), 0) << out;  // twice over, and the file twice
  EXPECT_NE(out.find("0 reports added"), std::string::npos) << out;
  EventStore again(db, false);
  EXPECT_EQ(again.count("reports"), reports);
  EXPECT_EQ(again.count("events"), events);
  EXPECT_EQ(again.count("mentions"), mentions);
  // Reports without ids are keyed by their content.
  std::string text = path("a.txt");
  std::ofstream(text) << "Russian troops shelled Ukrainian positions near Kharkiv on Monday.";
  ASSERT_EQ(dyad("ingest --db " + db + " --date 2023-03-23 " + text + " " + text, out), 0) << out;
  EXPECT_NE(out.find("1 reports added, 1 already stored"), std::string::npos) << out;
}

TEST_F(Store, KilledIngestLeavesAConsistentDatabaseAndARerunCompletes) {
  std::string corpus = path("corpus.jsonl"), out;
  ASSERT_EQ(test::run(test::corpus_gen() + " --mb 6 --seed 3 > " + corpus, out), 0);
  std::string clean = path("clean.db"), killed = path("killed.db");
  ASSERT_EQ(dyad("ingest -q --db " + clean + " " + corpus, out), 0) << out;
  EventStore reference(clean, false);

  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    int devnull = ::open("/dev/null", O_WRONLY);
    dup2(devnull, 2);
    std::string b = test::binary();
    execl(b.c_str(), b.c_str(), "ingest", "-q", "--batch", "20", "--db", killed.c_str(), corpus.c_str(), (char*)nullptr);
    _exit(127);
  }
  // Kill it as soon as some batches are committed.
  size_t seen = 0;
  for (int i = 0; i < 2000 && seen < 40; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (!fs::exists(killed)) continue;
    try {
      // A plain reader: it must not take part in creating the schema (EventStore would migrate).
      Database peek(killed, false);
      Statement count(peek, "SELECT count(*) FROM reports");
      if (count.step()) seen = size_t(count.int64(0));
    } catch (const SqliteError&) {  // not created yet
    }
  }
  ::kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the ingest finished before it could be killed; use a bigger corpus";
  {
    EventStore after(killed, false);
    Statement check(after.db(), "PRAGMA integrity_check");
    ASSERT_TRUE(check.step());
    EXPECT_EQ(check.text(0), "ok");
    size_t stored = after.count("reports");
    EXPECT_GT(stored, 0u);
    EXPECT_LT(stored, reference.count("reports"));
    // Whole reports only: every stored report has as many mentions as the clean run gave it.
    Statement per_report(after.db(), "SELECT r.report_key, count(m.id) FROM reports r LEFT JOIN mentions m ON m.report = r.id GROUP BY r.id");
    Statement ref(reference.db(), "SELECT count(m.id) FROM reports r LEFT JOIN mentions m ON m.report = r.id WHERE r.report_key = ?");
    while (per_report.step()) {
      ref.bind(1, per_report.text(0));
      ASSERT_TRUE(ref.step());
      EXPECT_EQ(per_report.int64(1), ref.int64(0)) << per_report.text(0);
      ref.reset();
    }
  }
  ASSERT_EQ(dyad("ingest -q --db " + killed + " " + corpus, out), 0) << out;
  EventStore done(killed, false);
  EXPECT_EQ(done.count("reports"), reference.count("reports"));
  EXPECT_EQ(done.count("mentions"), reference.count("mentions"));
  EXPECT_EQ(done.count("events"), reference.count("events"));
  EXPECT_EQ(done.count("sentences"), reference.count("sentences"));
}

TEST(Series, BucketsByWeekWithEmptyWeeksAndLeavesOutCoarseDates) {
  auto day = [](int y, int m, int d) { return Date{y, m, d}.days(); };
  std::vector<SeriesRow> rows = {
      {day(2022, 9, 13), "day", 4, -10, 3},  // Tuesday, three mentions
      {day(2022, 9, 14), "day", 4, -9.5, 1},
      {day(2022, 9, 16), "day", 1, 3.5, 1},
      {day(2022, 9, 1), "month", 4, -10, 1},  // a month: not in a weekly series
      {day(2022, 9, 26), "day", 2, 7, 2},    // two weeks later
  };
  auto s = build_series(rows, Period::Week);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].period, "2022-09-12");
  EXPECT_EQ(s[0].events, 3u);
  EXPECT_EQ(s[0].quad[4], 2u);
  EXPECT_EQ(s[0].quad[1], 1u);
  EXPECT_EQ(s[0].mentions[4], 4u);
  EXPECT_DOUBLE_EQ(s[0].goldstein_sum, -16.0);
  EXPECT_NEAR(s[0].goldstein_mean(), -16.0 / 3, 1e-9);
  EXPECT_NEAR(s[0].conflict_share(), 2.0 / 3, 1e-9);
  EXPECT_EQ(s[1].period, "2022-09-19");
  EXPECT_EQ(s[1].events, 0u);
  EXPECT_EQ(s[2].period, "2022-09-26");
  auto m = build_series(rows, Period::Month);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].period, "2022-09");
  EXPECT_EQ(m[0].events, 5u);
  auto d = build_series(rows, Period::Day, day(2022, 9, 13), day(2022, 9, 15));
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[2].events, 0u);
}

// series_length counts what build_series would build, without building it.
TEST(Series, LengthIsTheNumberOfPeriodsBuilt) {
  auto day = [](int y, int m, int d) { return Date{y, m, d}.days(); };
  std::vector<SeriesRow> rows = {
      {day(2021, 12, 30), "day", 4, -10, 1}, {day(2022, 9, 14), "day", 1, 3.5, 1}, {day(2022, 3, 1), "month", 4, -10, 1}};
  for (Period by : {Period::Day, Period::Week, Period::Month})
    for (auto [from, to] : {std::pair{INT32_MIN, INT32_MAX}, std::pair{day(2021, 1, 1), INT32_MAX},
                            std::pair{INT32_MIN, day(2023, 2, 28)}, std::pair{day(1011, 9, 1), day(2023, 1, 1)},
                            std::pair{day(2022, 1, 1), day(2022, 1, 31)}, std::pair{day(2023, 1, 1), INT32_MAX}})
      EXPECT_EQ(series_length(rows, by, from, to), build_series(rows, by, from, to).size())
          << int(by) << " " << from << " " << to;
  EXPECT_EQ(series_length(rows, Period::Month), 10u);  // 2021-12 .. 2022-09
  EXPECT_EQ(series_length({}, Period::Day), 0u);
}

std::vector<SeriesPoint> weekly(const std::vector<size_t>& conflict) {
  std::vector<SeriesPoint> s;
  for (size_t i = 0; i < conflict.size(); ++i) {
    SeriesPoint p;
    p.period = std::string("w").append(std::to_string(i));
    p.quad[4] = conflict[i];
    p.mentions[4] = conflict[i];
    p.events = conflict[i];
    s.push_back(p);
  }
  return s;
}

TEST(Alerts, ASurgeAboveTheBaselineFires) {
  AlertOptions o;
  auto alerts = find_alerts("ARM-AZE", weekly({0, 1, 0, 0, 1, 0, 0, 0, 9, 2}), o);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].period, "w8");
  EXPECT_DOUBLE_EQ(alerts[0].mean, 0.25);                       // 2 events over 8 weeks
  EXPECT_NEAR(alerts[0].sd, std::sqrt(0.1875), 1e-9);           // population sd of the baseline
  EXPECT_NEAR(alerts[0].z, (9 - 0.25) / 1.0, 1e-9);             // sd below the floor of 1
  EXPECT_NE(alerts[0].why.find("9 mentions of material conflict"), std::string::npos) << alerts[0].why;
}

TEST(Alerts, SteadyConflictQuietNoiseAndShortHistoryDoNotFire) {
  AlertOptions o;
  EXPECT_TRUE(find_alerts("X", weekly({8, 9, 7, 8, 10, 8, 9, 8, 9, 10}), o).empty());  // high but steady
  EXPECT_TRUE(find_alerts("X", weekly({0, 0, 0, 0, 0, 0, 0, 0, 2}), o).empty());      // below min_events
  EXPECT_TRUE(find_alerts("X", weekly({0, 0, 9}), o).empty());                        // no baseline yet
  o.min_history = 2;
  EXPECT_EQ(find_alerts("X", weekly({0, 0, 9}), o).size(), 1u);
}

TEST_F(Store, SampleCorpusTellsTheEscalationStory) {
  std::string db = path("e.db"), out;
  ASSERT_EQ(dyad("ingest -q --db " + db + " " + test::source_dir() + "/examples/corpus.jsonl", out), 0) << out;
  ASSERT_EQ(dyad("alerts --db " + db + " --dyad ARM,AZE", out), 0) << out;
  EXPECT_NE(out.find("ALERT ARM-AZE 2020-09-2"), std::string::npos) << out;  // the 44-day war
  EXPECT_NE(out.find("ALERT ARM-AZE 2022-09-12"), std::string::npos) << out;  // attacks on Armenia
  ASSERT_EQ(dyad("series --db " + db + " --dyad ARM,AZE --by month --format csv", out), 0) << out;
  EXPECT_NE(out.find("2020-10,"), std::string::npos);
  ASSERT_EQ(dyad("query --db " + db + " --dyad ARM,AZE --since 2020-09-27 --until 2020-11-10 --cameo 19 --format csv", out), 0);
  EXPECT_NE(out.find("Ganja"), std::string::npos) << out;
  ASSERT_EQ(dyad("export --db " + db + " --format jsonl", out), 0);
  EXPECT_GT(std::count(out.begin(), out.end(), '\n'), 300);
  EXPECT_EQ(dyad("query --db " + path("none.db") + " --dyad ARM,AZE", out), 2);  // no database: an error, none made
  EXPECT_FALSE(fs::exists(path("none.db")));
}

TEST_F(Store, SchemaIsVersionedAndANewerDatabaseIsRefused) {
  std::string db = path("e.db");
  {
    EventStore store(db);
    Statement v(store.db(), "PRAGMA user_version");
    ASSERT_TRUE(v.step());
    EXPECT_EQ(v.int64(0), kSchemaVersion);
    Statement wal(store.db(), "PRAGMA journal_mode");
    ASSERT_TRUE(wal.step());
    EXPECT_EQ(wal.text(0), "wal");
    store.db().exec("PRAGMA user_version=99");
  }
  EXPECT_THROW(EventStore(db, false), SqliteError);
}

TEST_F(Store, AVersionOneDatabaseGetsTheCoveringSeriesIndexesAndKeepsItsEvents) {
  std::string db = path("e.db"), out, before, after;
  ASSERT_EQ(dyad("ingest --db " + db + " " + test::source_dir() + "/examples/corpus.jsonl", out), 0) << out;
  ASSERT_EQ(dyad("series --db " + db + " --dyad ARM,AZE --by month --format csv", before), 0) << before;
  {
    // Back to schema 1 as version 1 of dyad made it.
    Database d(db, false);
    d.exec("DROP INDEX events_dyad; DROP INDEX events_target;"
           "CREATE INDEX events_dyad ON events (source_country, target_country, day);"
           "CREATE INDEX events_target ON events (target_country, day); PRAGMA user_version=1;");
  }
  EventStore store(db, false);
  Statement v(store.db(), "PRAGMA user_version");
  ASSERT_TRUE(v.step());
  EXPECT_EQ(v.int64(0), 2);
  for (auto [index, columns] : {std::pair{"events_dyad", 7}, std::pair{"events_target", 6}}) {
    Statement info(store.db(), (std::string("PRAGMA index_info(") + index + ")").c_str());
    int n = 0;
    while (info.step()) ++n;
    EXPECT_EQ(n, columns) << index;
  }
  Statement plan(store.db(),
                 "EXPLAIN QUERY PLAN SELECT day, date_precision, quad_class, goldstein, num_mentions FROM events "
                 "WHERE source_country = 'ARM' AND target_country = 'AZE'");
  ASSERT_TRUE(plan.step());
  EXPECT_NE(plan.text(3).find("COVERING INDEX events_dyad"), std::string::npos) << plan.text(3);
  ASSERT_EQ(dyad("series --db " + db + " --dyad ARM,AZE --by month --format csv", after), 0) << after;
  EXPECT_EQ(before, after);
  EXPECT_NE(after.find("2020-09,"), std::string::npos) << after;
}

TEST_F(Store, SeedArticleIsStoredWithItsDatesAndPlaces) {
  if (!test::have_shared()) GTEST_SKIP() << "../shared/seed is absent: seed ingest skipped";
  std::string db = path("e.db"), out;
  ASSERT_EQ(dyad("ingest --db " + db + " --date 2023-03-23 " + test::shared_dir() + "/seed/article.txt", out), 0) << out;
  ASSERT_EQ(dyad("query --db " + db + " --actor RUS --cameo 07 --format csv", out), 0) << out;
  EXPECT_NE(out.find("2022-12-12"), std::string::npos) << out;  // peacekeepers near Shusha since December 12, 2022
  EXPECT_NE(out.find("Shusha"), std::string::npos) << out;
  ASSERT_EQ(dyad("query --db " + db + " --dyad ARM,AZE --cameo 0871", out), 0) << out;
  EXPECT_NE(out.find("\"date\":\"2020-11\""), std::string::npos) << out;
  ASSERT_EQ(dyad("series --db " + db + " --dyad ARM,AZE --by month --format csv", out), 0) << out;
  EXPECT_NE(out.find("2020-09,"), std::string::npos) << out;
  ASSERT_EQ(dyad("export --db " + db + " --format tsv", out), 0) << out;
  EXPECT_EQ(out.find("Scroll to Top"), std::string::npos);
}

}  // namespace
}  // namespace dyad
