// The dyad command line as a user runs it: formats, streaming, bad input, exit status.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <unistd.h>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::fresh_test_dir("dyad-cli-");
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string file(const std::string& name, const std::string& content) {
    std::string p = (dir_ / name).string();
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  // Runs dyad with `args`; stdout in out, stderr in err; returns the exit status.
  int dyad(const std::string& args, std::string& out, std::string& err) {
    std::string errfile = (dir_ / "stderr.txt").string();
    int rc = test::run(test::binary() + " " + args + " 2>" + errfile, out);
    std::ifstream e(errfile);
    err.assign(std::istreambuf_iterator<char>(e), std::istreambuf_iterator<char>());
    return rc;
  }
  static std::vector<json> lines(const std::string& out) {
    std::vector<json> v;
    size_t start = 0;
    while (start < out.size()) {
      size_t end = out.find('\n', start);
      if (end == std::string::npos) end = out.size();
      if (end > start) v.push_back(json::parse(out.substr(start, end - start)));
      start = end + 1;
    }
    return v;
  }
  fs::path dir_;
};

const char* kReport = "Russian troops shelled Ukrainian positions near Kharkiv on Monday. "
                      "Ukraine condemned Russia for the attack.";

TEST_F(Cli, CodesPlainTextWithDateToJsonLines) {
  std::string out, err;
  std::string p = file("report.txt", kReport);
  ASSERT_EQ(dyad("code --date 2023-03-23 " + p, out, err), 0) << err;
  auto ev = lines(out);
  ASSERT_FALSE(ev.empty());
  for (const auto& e : ev) {
    for (const char* f : {"event_id", "doc_id", "sentence_index", "sentence", "date", "date_precision", "source",
                          "target", "cameo", "cameo_name", "plover", "goldstein", "quad_class", "location", "trigger",
                          "hypothetical"})
      EXPECT_TRUE(e.contains(f)) << f;
    EXPECT_EQ(e["date_precision"], "day");
    EXPECT_EQ(e["doc_id"], "report");
    if (e["cameo"].get<std::string>().rfind("19", 0) == 0) {
      // "shelled ... near Kharkiv on Monday": the Monday before the report, near Kharkiv.
      EXPECT_EQ(e["date"], "2023-03-20");
      ASSERT_TRUE(e["date_span"].is_array());
      ASSERT_TRUE(e["location"].is_object());
      EXPECT_EQ(e["location"]["name"], "Kharkiv");
      EXPECT_EQ(e["location"]["country"], "UKR");
      EXPECT_EQ(e["location"]["geonames_id"], 706483);
      std::string sentence = e["sentence"];
      auto span = e["location"]["span"];
      EXPECT_EQ(sentence.substr(span[0].get<size_t>(), span[1].get<size_t>() - span[0].get<size_t>()), "Kharkiv");
    } else {
      // "Ukraine condemned Russia for the attack": no time or place of its own.
      EXPECT_EQ(e["date"], "2023-03-23");
      EXPECT_TRUE(e["date_span"].is_null());
      EXPECT_TRUE(e["location"].is_null());
    }
    const auto& src = e["source"];
    ASSERT_TRUE(src.is_object());
    std::string sentence = e["sentence"];
    auto span = src["span"];
    EXPECT_EQ(sentence.substr(span[0].get<size_t>(), span[1].get<size_t>() - span[0].get<size_t>()), src["text"]);
  }
  EXPECT_NE(err.find("1 reports"), std::string::npos) << err;
}

TEST_F(Cli, JsonlFileToOutputFileAndStdinStreaming) {
  std::string feed = std::string(R"({"id":"r1","date":"2022-12-13","text":")") + kReport + "\"}\n" +
                     R"({"id":"r2","date":"2022-12-14","title":"Talks","text":"Armenia and Azerbaijan held talks in Brussels."})" "\n";
  std::string in = file("feed.jsonl", feed);
  std::string outp = (dir_ / "events.jsonl").string();
  std::string out, err;
  ASSERT_EQ(dyad("code " + in + " -o " + outp, out, err), 0) << err;
  std::ifstream f(outp);
  std::string written((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  auto ev = lines(written);
  ASSERT_GE(ev.size(), 2u);
  EXPECT_EQ(ev.front()["doc_id"], "r1");
  EXPECT_EQ(ev.back()["doc_id"], "r2");
  EXPECT_EQ(ev.back()["date"], "2022-12-14");
  // The same feed through standard input gives the same events.
  std::string piped;
  ASSERT_EQ(dyad("code - < " + in, piped, err), 0) << err;
  EXPECT_EQ(piped, written);
}

TEST_F(Cli, HtmlPageToTsv) {
  std::string page = file("page.html", std::string("<html><head><meta name=\"date\" content=\"2023-01-10\"></head><body>"
                                                   "<nav>Home | World | Scroll to Top</nav><article><p>") +
                                           kReport + "</p></article></body></html>");
  std::string out, err;
  ASSERT_EQ(dyad("code --output tsv " + page, out, err), 0) << err;
  std::vector<std::string> rows;
  size_t start = 0;
  while (start < out.size()) {
    size_t end = out.find('\n', start);
    rows.push_back(out.substr(start, end - start));
    start = end + 1;
  }
  ASSERT_GE(rows.size(), 2u);
  EXPECT_EQ(rows[0].substr(0, 13), "EventID\tDate\t");
  size_t header_cols = std::count(rows[0].begin(), rows[0].end(), '\t');
  for (size_t i = 1; i < rows.size(); ++i) {
    EXPECT_EQ(size_t(std::count(rows[i].begin(), rows[i].end(), '\t')), header_cols);
    bool attack = rows[i].find("\tshelled\t") != std::string::npos;
    EXPECT_NE(rows[i].find(attack ? "\t2023-01-09\tday\t" : "\t2023-01-10\tday\t"), std::string::npos) << rows[i];
    if (attack) {
      EXPECT_NE(rows[i].find("\tKharkiv\tUKR\tcity\t"), std::string::npos) << rows[i];
    }
  }
}

TEST_F(Cli, BadRecordsAreReportedOthersCodedExitNonZero) {
  std::string feed = std::string(R"({"id":"good1","date":"2023-01-01","text":")") + kReport + "\"}\n" +
                     "{broken json\n" +
                     R"({"id":"notext","date":"2023-01-01"})" "\n" +
                     std::string(R"({"id":"good2","date":"2023-01-02","text":")") + kReport + "\"}\n";
  std::string in = file("mixed.jsonl", feed);
  std::string out, err;
  EXPECT_EQ(dyad("code " + in, out, err), 1);
  EXPECT_NE(err.find("mixed.jsonl:2: malformed JSON"), std::string::npos) << err;
  EXPECT_NE(err.find("mixed.jsonl:3 (id notext): no \"text\""), std::string::npos) << err;
  std::set<std::string> docs;
  for (const auto& e : lines(out)) docs.insert(e["doc_id"]);
  EXPECT_EQ(docs, (std::set<std::string>{"good1", "good2"}));
}

TEST_F(Cli, EmptyBinaryAndMissingFiles) {
  std::string empty = file("empty.txt", "");
  std::string binary = file("blob.bin", std::string("\x7f" "ELF\0\0\0\x01\x02\n\0\0\n\0\0\0\n", 17));
  std::string good = file("good.txt", kReport);
  std::string out, err;
  int rc = dyad("code --date 2023-01-01 " + empty + " " + binary + " " + (dir_ / "missing.txt").string() + " " + good, out,
                err);
  EXPECT_EQ(rc, 1);
  EXPECT_NE(err.find("empty.txt: empty input"), std::string::npos) << err;
  EXPECT_NE(err.find("blob.bin"), std::string::npos) << err;
  EXPECT_NE(err.find("missing.txt: cannot open"), std::string::npos) << err;
  EXPECT_FALSE(lines(out).empty());  // the good file is still coded
}

TEST_F(Cli, InvalidUtf8AndHugeLine) {
  std::string big = "{\"id\":\"big\",\"date\":\"2023-01-01\",\"text\":\"";
  big += "Russia and Ukraine held talks in Istanbul. ";
  while (big.size() < (10u << 20)) big += "The weather stayed mild and the markets were calm. ";
  big += "\"}\n";
  std::string feed = big + "{\"id\":\"bad\",\"date\":\"2023-01-01\",\"text\":\"caf\xe9 talks\"}\n" +
                     std::string(R"({"id":"after","date":"2023-01-01","text":")") + kReport + "\"}\n";
  std::string in = file("huge.jsonl", feed);
  std::string out, err;
  EXPECT_EQ(dyad("code -q " + in, out, err), 1);
  EXPECT_NE(err.find("huge.jsonl:2"), std::string::npos) << err;
  std::set<std::string> docs;
  for (const auto& e : lines(out)) docs.insert(e["doc_id"]);
  EXPECT_TRUE(docs.count("big"));
  EXPECT_TRUE(docs.count("after"));
}

TEST_F(Cli, ThreadsGiveByteIdenticalOutput) {
  std::string feed;
  for (int i = 0; i < 300; ++i)
    feed += "{\"id\":\"r" + std::to_string(i) + "\",\"date\":\"2023-01-01\",\"text\":\"" + kReport + "\"}\n";
  std::string in = file("many.jsonl", feed);
  std::string one, four, err;
  ASSERT_EQ(dyad("code -q -j 1 " + in, one, err), 0) << err;
  ASSERT_EQ(dyad("code -q -j 4 " + in, four, err), 0) << err;
  EXPECT_FALSE(one.empty());
  EXPECT_EQ(one, four);
}

TEST_F(Cli, UsageErrorsExitTwo) {
  std::string out, err;
  EXPECT_EQ(dyad("code --date 23/03/2023 " + file("x.txt", kReport), out, err), 2);
  EXPECT_NE(err.find("--date must be YYYY-MM-DD"), std::string::npos);
  EXPECT_EQ(dyad("frobnicate", out, err), 2);
}

TEST_F(Cli, BrokenUserDictionaryStopsWithFileAndLine) {
  fs::create_directories(dir_ / "dict" / "actors");
  file("dict/actors/mine.txt", "country XYZ = Freedonia\nagent = nothing\n");
  std::string out, err;
  EXPECT_EQ(dyad("code --dict " + (dir_ / "dict").string() + " " + file("x.txt", kReport), out, err), 2);
  EXPECT_NE(err.find("mine.txt:2:"), std::string::npos) << err;
  EXPECT_TRUE(out.empty());
}

TEST_F(Cli, UserDictionaryLayersOverDefaults) {
  fs::create_directories(dir_ / "dict" / "actors");
  file("dict/actors/mine.txt", "country XFD = Freedonia\n");
  std::string out, err;
  std::string p = file("f.txt", "Freedonia attacked Ukraine on Monday.");
  ASSERT_EQ(dyad("code --date 2023-01-01 --dict " + (dir_ / "dict").string() + " " + p, out, err), 0) << err;
  auto ev = lines(out);
  ASSERT_FALSE(ev.empty());
  EXPECT_EQ(ev[0]["source"]["country"], "XFD");
  // Without the layer, Freedonia is nobody.
  ASSERT_EQ(dyad("code --date 2023-01-01 " + p, out, err), 0) << err;
  for (const auto& e : lines(out)) EXPECT_TRUE(e["source"].is_null() || e["source"]["country"] != "XFD");
}

TEST_F(Cli, GeneratedNewsCorpusCodesCleanly) {
  // Two megabytes of the benchmark corpus: thousands of varied constructions, no crash,
  // no message, events in every report that has an actor and a verb.
  std::string corpus = (dir_ / "corpus.jsonl").string();
  std::string out, err;
  ASSERT_EQ(test::run(test::corpus_gen() + " --mb 2 --seed 7 > " + corpus + " 2>/dev/null", out), 0);
  ASSERT_EQ(dyad("code -q " + corpus, out, err), 0) << err;
  EXPECT_TRUE(err.empty()) << err;
  auto ev = lines(out);
  EXPECT_GT(ev.size(), 5000u);
  std::set<std::string> roots;
  for (const auto& e : ev) roots.insert(e["cameo"].get<std::string>().substr(0, 2));
  EXPECT_GE(roots.size(), 15u);  // the corpus exercises most of CAMEO
}

TEST_F(Cli, PlaceLooksNamesUpInTheGazetteer) {
  std::string out, err;
  ASSERT_EQ(dyad("place Shusha \"Nagorno Karabakh\"", out, err), 0) << err;
  EXPECT_NE(out.find("Shusha"), std::string::npos) << out;
  EXPECT_NE(out.find("147105"), std::string::npos) << out;  // the GeoNames id of the city
  EXPECT_NE(out.find("Nagorno-Karabakh"), std::string::npos) << out;
  EXPECT_EQ(dyad("place Xyzzyville", out, err), 1);  // nothing found
  EXPECT_NE(out.find("0 places"), std::string::npos) << out;
}

TEST_F(Cli, MissingGazetteerIsAnErrorAndNothingIsCoded) {
  std::string out, err;
  std::string p = file("report.txt", kReport);
  int rc = test::run("DYAD_GAZETTEER=" + (dir_ / "none.bin").string() + " " + test::binary() + " code --date 2023-03-23 " +
                         p + " 2>&1",
                     out);
  EXPECT_EQ(rc, 2);
  EXPECT_NE(out.find("none.bin"), std::string::npos) << out;
  EXPECT_EQ(out.find("\"event_id\""), std::string::npos) << out;
}

TEST_F(Cli, PlaceLayerAddsPlacesAndReportsBadLines) {
  fs::create_directories(dir_ / "mine" / "places");
  file("mine/places/extra.txt", "# a village of our own\nplace Xyzzyville | Xyzzy = ARM village 40.10 45.20\n");
  std::string p = file("r.jsonl", R"({"id":"r","date":"2024-03-15","text":"Armenian police arrested protesters in Xyzzyville on Monday."})" "\n");
  std::string out, err;
  ASSERT_EQ(dyad("code --dict " + (dir_ / "mine").string() + " " + p, out, err), 0) << err;
  auto ev = lines(out);
  ASSERT_FALSE(ev.empty());
  ASSERT_TRUE(ev[0]["location"].is_object()) << out;
  EXPECT_EQ(ev[0]["location"]["name"], "Xyzzyville");
  EXPECT_EQ(ev[0]["location"]["feature"], "village");
  EXPECT_TRUE(ev[0]["location"]["geonames_id"].is_null());
  EXPECT_EQ(ev[0]["date"], "2024-03-11");
  // A malformed place line stops the start with its file and line; nothing is coded.
  file("mine/places/extra.txt", "place Xyzzyville = ARM village 140.10 45.20\n");
  EXPECT_EQ(dyad("code --dict " + (dir_ / "mine").string() + " " + p, out, err), 2);
  EXPECT_NE(err.find("extra.txt:1:"), std::string::npos) << err;
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace dyad
