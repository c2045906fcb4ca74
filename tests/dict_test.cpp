// Dictionary tooling and the scorer: lint finds each kind of problem, stats counts,
// event patterns layer, and the scorer measures (and catches a wrong code).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "dyad/dict/lint.h"
#include "dyad/eval/scorer.h"
#include "test_support.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

class DictTools : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::fresh_test_dir("dyad-dict-");
    fs::create_directories(dir_ / "actors");
    fs::create_directories(dir_ / "events");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& rel, const std::string& content) { std::ofstream(dir_ / rel) << content; }
  int dyad(const std::string& args, std::string& out) {
    return test::run(test::binary() + " " + args + " 2>&1", out);
  }
  fs::path dir_;
};

TEST_F(DictTools, ShippedDictionariesLintClean) {
  std::string out;
  EXPECT_EQ(dyad("dict lint", out), 0) << out;
  EXPECT_NE(out.find("0 problem(s)"), std::string::npos) << out;
}

TEST_F(DictTools, LintReportsEachProblemWithFileAndLine) {
  write("actors/mine.txt",
        "country ARM = Armenia\n"                                       // 1 duplicate of the default
        "country AZE = Armenia\n"                                       // 2 conflict
        "person RUS/GOV = Ivan Testov @ 2000-01-01..2010-12-31\n"       // 3
        "person RUS/MIL = Ivan Testov @ 2005-01-01..\n"                 // 4 overlap with 3
        "country UKX = Qualandia\n"                                     // 5 unknown code
        "person RUS/XYZ = Pyotr Testov\n");                             // 6 unknown sector
  std::string out;
  EXPECT_EQ(dyad("dict lint --dict " + dir_.string(), out), 1) << out;
  std::string f = (dir_ / "actors/mine.txt").string();
  for (const std::string& want : {f + ":1: duplicate", f + ":2: conflict", f + ":4: overlap", f + ":5: unknown-code",
                                  f + ":6: unknown-sector"})
    EXPECT_NE(out.find(want), std::string::npos) << want << "\n" << out;
  // Lines 4-6 stop every other start; lines 1-2 alone do not.
  EXPECT_EQ(dyad("dict stats --dict " + dir_.string(), out), 1) << out;
  EXPECT_NE(out.find(f + ":5: unknown-code: 'UKX'"), std::string::npos) << out;
  write("actors/mine.txt", "country ARM = Armenia\ncountry AZE = Armenia\ncountry XQL = Qualandia\n");
  EXPECT_EQ(dyad("dict stats --dict " + dir_.string(), out), 0) << out;  // XQL: ISO leaves X.. to users
  EXPECT_EQ(dyad("dict lint --dict " + dir_.string(), out), 1) << out;
}

TEST_F(DictTools, SyntaxErrorsStopWithFileAndLine) {
  write("events/bad.txt", "verb 190 = attack\nverb 19x = shoot\n");
  std::string out;
  EXPECT_NE(dyad("dict lint --dict " + dir_.string(), out), 0);
  EXPECT_NE(out.find("bad.txt:2: unknown CAMEO code '19x'"), std::string::npos) << out;
}

// Fuzzing regression (docs/reliability.md): an event line with nothing before
// '=' read the first character of an empty name (std::string_view::front() on
// an empty view; a libstdc++ assertion under _GLIBCXX_ASSERTIONS). It is now a
// clear error (fuzz/corpus/dictionary/empty-lhs.txt).
TEST(DictParsers, FuzzEventLineWithNothingBeforeEqualsIsAnError) {
  Lexicon lexicon;
  CameoTable cameo;
  std::vector<DictError> errors;
  ASSERT_TRUE(cameo.load(test::data_dir() + "/cameo/cameo.tsv", errors));
  EventDictionary events;
  for (const char* line : {"= say | state", "   =", "=&x"}) {
    errors.clear();
    EXPECT_FALSE(events.add_line(line, "fuzz.txt", 7, lexicon, cameo, errors)) << line;
    ASSERT_EQ(errors.size(), 1u) << line;
    EXPECT_EQ(errors[0].line, 7);
    EXPECT_NE(errors[0].message.find("nothing before '='"), std::string::npos) << errors[0].message;
  }
  EXPECT_EQ(events.size(), 0u);
  // The same lines are errors for the actor and place parsers too, and nothing is half-loaded.
  ActorDictionary actors(lexicon);
  Gazetteer places;
  errors.clear();
  EXPECT_FALSE(actors.add_line("= Armenia", "fuzz.txt", 1, errors));
  EXPECT_FALSE(places.add_line("= AZE region 1 2", "fuzz.txt", 1, errors));
  EXPECT_EQ(errors.size(), 2u);
  EXPECT_TRUE(actors.entries().empty());
  EXPECT_EQ(places.size(), 0u);
}

TEST_F(DictTools, StatsCountEntriesByKind) {
  std::string out;
  ASSERT_EQ(dyad("dict stats", out), 0) << out;
  for (const char* kind : {"country", "adjective", "capital", "person", "org", "agent"})
    EXPECT_NE(out.find("  " + std::string(kind) + " "), std::string::npos) << kind;
  EXPECT_NE(out.find("CAMEO codes (data/cameo/cameo.tsv): "), std::string::npos);
  size_t pos = out.find("countries and territories: ");
  ASSERT_NE(pos, std::string::npos);
  EXPECT_GE(std::stoi(out.substr(pos + 27)), 249);
}

TEST_F(DictTools, EventPatternLayerChangesTheCode) {
  write("events/mine.txt", "verb 1823 = shell\n");  // a user decides shelling is kidnapping, say
  std::string text = (dir_ / "r.txt").string();
  std::ofstream(text) << "Russian troops shelled Ukrainian positions.";
  std::string base, layered;
  ASSERT_EQ(test::run(test::binary() + " code -q --date 2023-01-01 " + text, base), 0);
  ASSERT_EQ(test::run(test::binary() + " code -q --date 2023-01-01 --dict " + dir_.string() + " " + text, layered), 0);
  EXPECT_EQ(base.find("\"cameo\":\"1823\""), std::string::npos) << base;
  EXPECT_NE(layered.find("\"cameo\":\"1823\""), std::string::npos) << layered;
}

// --- scorer ---

PloverVersions versions() {
  PloverVersions v;
  std::vector<DictError> errors;
  EXPECT_TRUE(v.load(test::data_dir() + "/cameo/plover-0.5.tsv", errors));
  return v;
}

GoldRecord record(const std::string& text, const std::string& cat, std::vector<std::string> src,
                  std::vector<std::string> tgt, const std::string& version = "0.5b1") {
  GoldRecord r;
  r.id = text.substr(0, 12);
  r.date = "2023-01-01";
  r.text = text;
  r.version = version;
  r.events.push_back({cat, std::move(src), std::move(tgt)});
  return r;
}

TEST(Scorer, PerfectAndPartialMatches) {
  std::vector<GoldRecord> gold = {
      record("Russian troops shelled Ukrainian positions near Kharkiv.", "FIGHT", {"RUS"}, {"UKR"}),
      record("Ukraine condemned Russia for the attack.", "DISAPPROVE", {"UKR"}, {"RUS"}),
      record("Israeli police arrested Palestinian protesters.", "COERCE", {"ISR"}, {"PSE"}),
  };
  EvalResult r = evaluate(test::coder(), gold, versions());
  EXPECT_EQ(r.records, 3u);
  EXPECT_EQ(r.category.tp, 3u);
  EXPECT_EQ(r.category.fn, 0u);
  EXPECT_EQ(r.triple.tp, 3u);
  EXPECT_DOUBLE_EQ(r.category.recall(), 1.0);
  EXPECT_DOUBLE_EQ(r.triple.recall(), 1.0);
  EXPECT_TRUE(r.misses.empty());
}

TEST(Scorer, NegativeControlCatchesWrongCodes) {
  // The same sentences with wrong gold: a wrong category, then a wrong target country.
  std::vector<GoldRecord> gold = {
      record("Russian troops shelled Ukrainian positions near Kharkiv.", "AGREE", {"RUS"}, {"UKR"}),
      record("Ukraine condemned Russia for the attack.", "DISAPPROVE", {"UKR"}, {"FRA"}),
  };
  EvalResult r = evaluate(test::coder(), gold, versions());
  EXPECT_EQ(r.category.tp, 1u);  // DISAPPROVE
  EXPECT_EQ(r.category.fn, 1u);  // AGREE not produced
  EXPECT_GE(r.category.fp, 1u);  // FIGHT not in the gold
  EXPECT_EQ(r.triple.tp, 0u);
  EXPECT_EQ(r.triple.fn, 2u);
  EXPECT_LT(r.triple.f1(), 0.01);
  ASSERT_EQ(r.misses.size(), 2u);
  EXPECT_NE(r.misses[0].what.find("AGREE RUS>UKR"), std::string::npos) << r.misses[0].what;
}

TEST(Scorer, VersionMapping) {
  PloverVersions v = versions();
  const CameoTable& t = test::coder().cameo();
  EXPECT_EQ(v.category(*t.find("190"), "0.5b1"), "FIGHT");
  EXPECT_EQ(v.category(*t.find("190"), "0.8"), "ASSAULT");
  EXPECT_EQ(v.category(*t.find("112"), "0.5b1"), "DISAPPROVE");
  EXPECT_EQ(v.category(*t.find("112"), ""), "ACCUSE");
  EXPECT_EQ(v.category(*t.find("026"), "0.5b1"), "DEMAND");
  EXPECT_EQ(v.category(*t.find("0871"), "0.5b1"), "RETREAT");
  EXPECT_EQ(v.category(*t.find("010"), "0.5b1"), "");
}

TEST(Gold, ReadsGsrJsonAndDyadJsonLines) {
  fs::path dir = fs::temp_directory_path() / ("dyad-gold-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "g.json") << R"([{"id":"a","date":"2000-01-01","event":"AGREE","version":"0.5b1",
      "source":[{"actorText":"United States","code":"USA"},{"actorText":"Jordan","code":"JOR"}],"target":"",
      "text":"The United States and Jordan agreed."}])";
  std::ofstream(dir / "g.jsonl") << R"({"id":"b","date":"2020-01-01","text":"Russia attacked Ukraine.","events":[{"event":"ASSAULT","source":"RUS","target":["UKR"]}]})"
                                 << "\n";
  std::vector<GoldRecord> gsr, own;
  std::string error;
  ASSERT_TRUE(load_gold((dir / "g.json").string(), gsr, error)) << error;
  ASSERT_TRUE(load_gold((dir / "g.jsonl").string(), own, error)) << error;
  ASSERT_EQ(gsr.size(), 1u);
  EXPECT_EQ(gsr[0].events[0].sources, (std::vector<std::string>{"USA", "JOR"}));
  EXPECT_TRUE(gsr[0].events[0].targets.empty());
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].events[0].targets, (std::vector<std::string>{"UKR"}));
  std::ofstream(dir / "bad.jsonl") << "{\"id\":\"x\"}\n";
  std::vector<GoldRecord> bad;
  EXPECT_FALSE(load_gold((dir / "bad.jsonl").string(), bad, error));
  EXPECT_NE(error.find("bad.jsonl:1: no \"text\""), std::string::npos) << error;
  fs::remove_all(dir);
}

TEST(Gold, DevGoldTargetsAreMet) {
  // Issue targets on the PLOVER GSR dev gold: category F1 >= 0.80, triple F1 >= 0.60.
  // A coding change that loses accuracy fails here.
  if (!test::have_shared()) GTEST_SKIP() << "../shared is absent: dev gold accuracy not measured";
  std::vector<GoldRecord> gold;
  std::string error;
  ASSERT_TRUE(load_gold(test::shared_dir() + "/gold/plover-gsr-dev.json", gold, error)) << error;
  EvalResult r = evaluate(test::coder(), gold, versions());
  std::printf("dev gold: category F1 %.3f, triple F1 %.3f\n", r.category.f1(), r.triple.f1());
  EXPECT_GE(r.category.f1(), 0.80);
  EXPECT_GE(r.triple.f1(), 0.60);
}

TEST(Gold, DevGoldLoadsWhenShared) {
  if (!test::have_shared()) GTEST_SKIP() << "../shared is absent";
  std::vector<GoldRecord> gold;
  std::string error;
  ASSERT_TRUE(load_gold(test::shared_dir() + "/gold/plover-gsr-dev.json", gold, error)) << error;
  EXPECT_GT(gold.size(), 100u);
}

}  // namespace
}  // namespace dyad
