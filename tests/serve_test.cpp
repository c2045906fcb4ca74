// The HTTP API (docs/api.md): every endpoint through Api::handle, bad
// parameters (400, never 500), limits, the ingest guard; and the server
// itself over a socket: static files without path traversal.
#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <httplib.h>

#include "dyad/serve/api.h"
#include "test_support.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// One database of the sample corpus for the whole file, removed at exit.
struct TempDb {
  std::string path;
  ~TempDb() {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
  }
};

const std::string& sample_db() {
  static TempDb db{[] {
    std::string p = (fs::temp_directory_path() / ("dyad-serve-" + std::to_string(::getpid()) + ".db")).string();
    std::string out;
    int rc = test::run(test::binary() + " ingest -q --db " + p + " " + test::source_dir() + "/examples/corpus.jsonl 2>&1", out);
    if (rc != 0) ADD_FAILURE() << out;
    return p;
  }()};
  return db.path;
}

class ServeApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { api_ = new Api(sample_db(), &test::coder(), ApiOptions{true, "secret-token-0123456789", 1 << 20, 8 << 10, 1000}); }
  static void TearDownTestSuite() {
    delete api_;
    api_ = nullptr;
  }
  static ApiResponse get(const std::string& path, std::multimap<std::string, std::string> params = {}) {
    ApiRequest r;
    r.path = path;
    r.params = std::move(params);
    return api_->handle(r);
  }
  static ApiResponse post(const std::string& path, const std::string& body, const std::string& auth = "") {
    ApiRequest r;
    r.method = "POST";
    r.path = path;
    r.body = body;
    r.authorization = auth;
    return api_->handle(r);
  }
  static json body(const ApiResponse& r) { return json::parse(r.body); }
  static void expect_error(const ApiResponse& r, int status, const std::string& mentions) {
    EXPECT_EQ(r.status, status) << r.body;
    json j = body(r);
    ASSERT_TRUE(j.contains("error")) << r.body;
    EXPECT_EQ(j["error"]["status"], status);
    EXPECT_NE(j["error"]["message"].get<std::string>().find(mentions), std::string::npos) << r.body;
  }
  static Api* api_;
};
Api* ServeApi::api_ = nullptr;

TEST_F(ServeApi, Healthz) {
  auto r = get("/healthz");
  ASSERT_EQ(r.status, 200);
  json j = body(r);
  EXPECT_EQ(j["status"], "ok");
  EXPECT_GT(j["events"].get<int>(), 300);
  EXPECT_EQ(j["reports"], 153);
  EXPECT_EQ(j["first_date"], "2020-01-30");
}

TEST_F(ServeApi, EventsFilterAndPageWithACursor) {
  auto r = get("/api/events", {{"dyad", "ARM,AZE"}, {"root", "19"}, {"since", "2020-09-27"}, {"until", "2020-11-10"}, {"limit", "5"}});
  ASSERT_EQ(r.status, 200) << r.body;
  json j = body(r);
  ASSERT_EQ(j["events"].size(), 5u);
  for (const json& e : j["events"]) {
    EXPECT_EQ(e["root"], "19");
    EXPECT_GE(e["date"].get<std::string>(), "2020-09-27");
    std::set<std::string> pair = {e["source"]["country"], e["target"]["country"]};
    EXPECT_EQ(pair, (std::set<std::string>{"ARM", "AZE"}));
  }
  ASSERT_TRUE(j["next_cursor"].is_string());
  // Every page continues where the last stopped; together they are the whole set, without repeats.
  std::set<int64_t> seen;
  size_t total = 0;
  std::string cursor;
  for (int page = 0; page < 100; ++page) {
    std::multimap<std::string, std::string> p = {{"dyad", "ARM,AZE"}, {"root", "19"}, {"limit", "7"}};
    if (!cursor.empty()) p.emplace("cursor", cursor);
    json pj = body(get("/api/events", p));
    for (const json& e : pj["events"]) {
      EXPECT_TRUE(seen.insert(e["id"].get<int64_t>()).second);
      ++total;
    }
    if (pj["next_cursor"].is_null()) break;
    cursor = pj["next_cursor"];
  }
  json all = body(get("/api/events", {{"dyad", "ARM,AZE"}, {"root", "19"}, {"limit", "1000"}}));
  EXPECT_EQ(total, all["events"].size());
  EXPECT_TRUE(all["next_cursor"].is_null());
  // Other filters.
  json places = body(get("/api/events", {{"bbox", "46.0,39.5,47.0,40.0"}, {"limit", "1000"}}));
  ASSERT_FALSE(places["events"].empty());
  for (const json& e : places["events"]) {
    EXPECT_GE(e["place"]["lon"].get<double>(), 46.0);
    EXPECT_LE(e["place"]["lat"].get<double>(), 40.0);
  }
  json text = body(get("/api/events", {{"q", "Lachin"}}));
  ASSERT_FALSE(text["events"].empty());
  json plover = body(get("/api/events", {{"plover", "ASSAULT"}, {"quad", "4"}, {"actor", "AZE"}}));
  for (const json& e : plover["events"]) EXPECT_EQ(e["plover"]["event"], "ASSAULT");
  json src = body(get("/api/events", {{"source", "RUS"}, {"cameo", "0871"}}));
  for (const json& e : src["events"]) EXPECT_EQ(e["source"]["country"], "RUS");
  json in_aze = body(get("/api/events", {{"country", "AZE"}, {"limit", "1000"}}));
  ASSERT_FALSE(in_aze["events"].empty());
  for (const json& e : in_aze["events"]) EXPECT_EQ(e["place"]["country"], "AZE");
  json mil = body(get("/api/events", {{"actor", "ARMMIL"}, {"limit", "1000"}}));
  ASSERT_FALSE(mil["events"].empty());
  for (const json& e : mil["events"])
    EXPECT_TRUE((!e["source"].is_null() && e["source"]["code"] == "ARMMIL") ||
                (!e["target"].is_null() && e["target"]["code"] == "ARMMIL"));
}

TEST_F(ServeApi, OneEventWithItsMentionsAndSpans) {
  json list = body(get("/api/events", {{"q", "Ganja"}, {"root", "19"}}));
  ASSERT_FALSE(list["events"].empty());
  int64_t id = list["events"][0]["id"];
  auto r = get("/api/events/" + std::to_string(id));
  ASSERT_EQ(r.status, 200);
  json e = body(r);
  ASSERT_FALSE(e["mentions"].empty());
  for (const json& m : e["mentions"]) {
    std::string s = m["sentence"];
    auto span = m["trigger"]["span"];
    EXPECT_EQ(s.substr(span[0].get<size_t>(), span[1].get<size_t>() - span[0].get<size_t>()), m["trigger"]["text"]);
    if (!m["source"].is_null()) {
      auto ss = m["source"]["span"];
      EXPECT_EQ(s.substr(ss[0].get<size_t>(), ss[1].get<size_t>() - ss[0].get<size_t>()), m["source"]["text"]);
    }
    EXPECT_TRUE(m["report"]["doc_id"].is_string());
  }
  expect_error(get("/api/events/99999999"), 404, "no event");
  expect_error(get("/api/events/abc"), 400, "event id");
}

TEST_F(ServeApi, ActorsDyadsSeriesAlerts) {
  json actors = body(get("/api/actors", {{"limit", "5"}}));
  ASSERT_EQ(actors["actors"].size(), 5u);
  EXPECT_GE(actors["actors"][0]["events"].get<int>(), actors["actors"][1]["events"].get<int>());
  json dyads = body(get("/api/dyads"));
  EXPECT_EQ(dyads["dyads"][0]["a"], "ARM");
  EXPECT_EQ(dyads["dyads"][0]["b"], "AZE");
  json series = body(get("/api/series", {{"dyad", "ARM,AZE"}, {"by", "month"}, {"since", "2020-09-01"}, {"until", "2020-12-31"}}));
  ASSERT_EQ(series["series"].size(), 4u);
  EXPECT_EQ(series["series"][1]["period"], "2020-10");
  json oct = series["series"][1];
  EXPECT_EQ(oct["events"].get<int>(), oct["verbal_cooperation"].get<int>() + oct["material_cooperation"].get<int>() +
                                           oct["verbal_conflict"].get<int>() + oct["material_conflict"].get<int>());
  json alerts = body(get("/api/alerts", {{"dyad", "ARM,AZE"}}));
  ASSERT_GE(alerts["alerts"].size(), 3u);
  EXPECT_EQ(alerts["alerts"][1]["period"], "2020-09-21");
  EXPECT_FALSE(alerts["alerts"][0]["why"].get<std::string>().empty());
}

TEST_F(ServeApi, CodeATextWithoutStoringIt) {
  size_t before = body(get("/healthz"))["events"];
  auto r = post("/api/code", R"({"text":"Russian troops shelled Ukrainian positions near Kharkiv on Monday.","date":"2024-03-15"})");
  ASSERT_EQ(r.status, 200) << r.body;
  json j = body(r);
  ASSERT_FALSE(j["events"].empty());
  EXPECT_EQ(j["events"][0]["date"], "2024-03-11");
  EXPECT_EQ(j["events"][0]["location"]["name"], "Kharkiv");
  EXPECT_EQ(body(get("/healthz"))["events"].get<size_t>(), before);
}

TEST_F(ServeApi, BadRequestsAre4xxNever500) {
  expect_error(get("/api/events", {{"since", "2020-13-45"}}), 400, "since");
  expect_error(get("/api/events", {{"dyad", "ARMENIA"}}), 400, "dyad");
  expect_error(get("/api/events", {{"actor", "arm"}}), 400, "actor");
  expect_error(get("/api/events", {{"country", "Azerbaijan"}}), 400, "country");
  expect_error(get("/api/events", {{"limit", "0"}}), 400, "limit");
  expect_error(get("/api/events", {{"limit", "5000"}}), 400, "limit");
  expect_error(get("/api/events", {{"quad", "7"}}), 400, "quad");
  expect_error(get("/api/events", {{"cameo", "19a"}}), 400, "cameo");
  expect_error(get("/api/events", {{"bbox", "1,2,3"}}), 400, "bbox");
  expect_error(get("/api/events", {{"bbox", "10,0,5,1"}}), 400, "bbox");
  expect_error(get("/api/events", {{"cursor", "abc"}}), 400, "cursor");
  expect_error(get("/api/events", {{"q", "\"unbalanced"}}), 400, "q");
  expect_error(get("/api/events", {{"plover", "drop table"}}), 400, "plover");
  expect_error(get("/api/series", {}), 400, "dyad or actor");
  expect_error(get("/api/series", {{"dyad", "ARM,AZE"}, {"by", "year"}}), 400, "by");
  expect_error(get("/api/alerts", {{"window", "x"}}), 400, "window");
  expect_error(get("/api/nothing"), 404, "no such endpoint");
  expect_error(post("/api/events", "{}"), 405, "not allowed");
  expect_error(post("/api/code", "not json"), 400, "body");
  expect_error(post("/api/code", R"({"text": 5})"), 400, "text");
  expect_error(post("/api/code", R"({"text":"x","date":"yesterday"})"), 400, "date");
  expect_error(post("/api/code", std::string(2 << 20, 'x')), 413, "too large");
  expect_error(get("/api/events", {{"q", std::string(9000, 'a')}}), 414, "too long");
}

TEST_F(ServeApi, IngestNeedsTheTokenAndIsIdempotent) {
  std::string report = R"({"id":"api-1","date":"2024-03-15","text":"Russian troops shelled Ukrainian positions near Kharkiv on Monday."})";
  expect_error(post("/api/ingest", report), 401, "token");
  expect_error(post("/api/ingest", report, "Bearer wrong"), 401, "token");
  auto r = post("/api/ingest", report, "Bearer secret-token-0123456789");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(body(r)["reports_added"], 1);
  r = post("/api/ingest", report, "Bearer secret-token-0123456789");
  EXPECT_EQ(body(r)["reports_skipped"], 1);
  Api read_only(sample_db(), &test::coder(), ApiOptions{});
  ApiRequest q;
  q.method = "POST";
  q.path = "/api/ingest";
  q.body = report;
  q.authorization = "Bearer secret-token-0123456789";
  expect_error(read_only.handle(q), 403, "read-only");
}

TEST(ServeHttp, ServesApiAndDashboardWithoutPathTraversal) {
  std::string db = sample_db();
  fs::path web = fs::temp_directory_path() / ("dyad-web-" + std::to_string(::getpid()));
  fs::create_directories(web);
  std::ofstream(web / "index.html") << "<!doctype html><title>dyad test page</title>";
  std::string out_file = (web.parent_path() / ("dyad-serve-out-" + std::to_string(::getpid()))).string();
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    FILE* f = std::freopen(out_file.c_str(), "w", stdout);
    (void)f;
    std::string b = test::binary();
    execl(b.c_str(), b.c_str(), "serve", "--db", db.c_str(), "--port", "0", "--web", web.c_str(), (char*)nullptr);
    _exit(127);
  }
  int port = 0;
  for (int i = 0; i < 400 && !port; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    std::ifstream in(out_file);
    std::string line;
    if (std::getline(in, line)) {
      size_t colon = line.rfind(':');
      if (colon != std::string::npos) port = std::atoi(line.c_str() + colon + 1);
    }
  }
  ASSERT_GT(port, 0) << "the server printed no address";
  httplib::Client client("127.0.0.1", port);
  auto health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  auto page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("dyad test page"), std::string::npos);
  for (const char* evil : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/.hidden", "/..%2fetc%2fpasswd"}) {
    auto r = client.Get(evil);
    ASSERT_TRUE(r) << evil;
    EXPECT_NE(r->status, 200) << evil;
    EXPECT_EQ(r->body.find("root:"), std::string::npos) << evil;
  }
  auto bad = client.Get("/api/events?since=nope");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("\"error\""), std::string::npos);
  ::kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  fs::remove_all(web);
  fs::remove(out_file);
}

}  // namespace
}  // namespace dyad
