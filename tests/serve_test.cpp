// The HTTP API (docs/api.md): every endpoint through Api::handle, bad
// parameters (400, never 500), limits, the ingest guard; and the server
// itself over a socket: static files without path traversal, and slow,
// idle, oversized and malformed clients that neither crash nor block it.
#include <gtest/gtest.h>

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <httplib.h>

#include "dyad/serve/api.h"
#include "dyad/serve/http_server.h"
#include "dyad/util/date.h"
#include "dyad/watch/series.h"
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

// The series answer is written by hand, not through the JSON library: every
// field of every period must be what build_series computes.
TEST_F(ServeApi, SeriesAnswerCarriesEveryPeriodOfBuildSeries) {
  json got = body(get("/api/series", {{"dyad", "ARM,AZE"}, {"by", "week"}}));
  EXPECT_EQ(got["by"], "week");
  Database db(sample_db(), false);
  auto want = build_series(fetch_rows(db, "ARM", "AZE", INT32_MIN, INT32_MAX), Period::Week);
  ASSERT_GT(want.size(), 100u);
  ASSERT_EQ(got["series"].size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const json& g = got["series"][i];
    const SeriesPoint& w = want[i];
    SCOPED_TRACE(w.period);
    EXPECT_EQ(g["period"], w.period);
    EXPECT_EQ(g["start"], Date::from_days(w.start).iso());
    EXPECT_EQ(g["events"].get<size_t>(), w.events);
    EXPECT_EQ(g["verbal_cooperation"].get<size_t>(), w.quad[1]);
    EXPECT_EQ(g["material_cooperation"].get<size_t>(), w.quad[2]);
    EXPECT_EQ(g["verbal_conflict"].get<size_t>(), w.quad[3]);
    EXPECT_EQ(g["material_conflict"].get<size_t>(), w.quad[4]);
    EXPECT_EQ(g["material_conflict_mentions"].get<size_t>(), w.mentions[4]);
    EXPECT_DOUBLE_EQ(g["goldstein_sum"].get<double>(), w.goldstein_sum);
    EXPECT_DOUBLE_EQ(g["goldstein_mean"].get<double>(), w.goldstein_mean());
    EXPECT_DOUBLE_EQ(g["conflict_share"].get<double>(), w.conflict_share());
  }
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

// Fuzzing regression (docs/reliability.md, fuzz/corpus/http/timeout-series-by-day.txt):
// a daily series since 1011 built 370,000 periods before the 20,000 cap was
// checked, over 10 s. Now refused before it is built.
TEST_F(ServeApi, FuzzLongDailySeriesIsRefusedQuickly) {
  auto start = std::chrono::steady_clock::now();
  expect_error(get("/api/series", {{"actor", "ARM"}, {"by", "day"}, {"since", "1011-09-01"}}), 400, "20000 periods");
  expect_error(get("/api/series", {{"actor", "ARM"}, {"by", "week"}, {"until", "2500-01-01"}}), 400, "20000 periods");
  expect_error(get("/api/series", {{"dyad", "ARM,AZE"}, {"by", "day"}, {"since", "1900-01-01"}, {"until", "2000-01-01"}}),
               400, "20000 periods");
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
  // Long ranges in coarser periods are still answered.
  EXPECT_EQ(get("/api/series", {{"actor", "ARM"}, {"by", "month"}, {"since", "1900-01-01"}}).status, 200);
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

// ---- Slow and malformed clients against an in-process HttpServer ----------

using Ms = std::chrono::milliseconds;
using SteadyClock = std::chrono::steady_clock;

int connect_to(int port, int rcvbuf = 0) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  if (rcvbuf > 0) ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(uint16_t(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

bool send_all(int fd, const std::string& data) {
  size_t at = 0;
  while (at < data.size()) {
    ssize_t n = ::send(fd, data.data() + at, data.size() - at, MSG_NOSIGNAL);
    if (n <= 0) return false;
    at += size_t(n);
  }
  return true;
}

// Everything the server sends until it closes the connection (or `timeout_ms` passes).
std::string read_all(int fd, int timeout_ms) {
  std::string out;
  auto end = SteadyClock::now() + Ms(timeout_ms);
  char buf[65536];
  while (SteadyClock::now() < end) {
    pollfd p{fd, POLLIN, 0};
    int left = int(std::chrono::duration_cast<Ms>(end - SteadyClock::now()).count());
    if (::poll(&p, 1, std::max(left, 1)) <= 0) break;
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, size_t(n));
  }
  return out;
}

// The status of a raw HTTP answer, 0 when there is none (the connection was closed).
int status_of(const std::string& answer) {
  if (answer.rfind("HTTP/1.1 ", 0) != 0 || answer.size() < 12) return 0;
  return std::atoi(answer.c_str() + 9);
}

class ServeLimits : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { api_ = new Api(sample_db(), &test::coder(), ApiOptions{true, kToken, 1 << 20, 8 << 10, 1000}); }
  static void TearDownTestSuite() {
    delete api_;
    api_ = nullptr;
  }
  // Tight limits so that the tests are quick: a request must arrive within 2 s.
  static ServeOptions tight(size_t max_threads = 16) {
    ServeOptions o;
    o.port = 0;
    o.read_timeout_ms = 1000;
    o.request_timeout_ms = 2000;
    o.write_timeout_ms = 1000;
    o.keep_alive_timeout_ms = 1000;
    o.min_threads = 2;
    o.max_threads = max_threads;
    return o;
  }
  void start(ServeOptions o) {
    server_ = std::make_unique<HttpServer>(*api_, o);
    std::string error;
    ASSERT_TRUE(server_->bind(error)) << error;
    server_->start();
  }
  void TearDown() override { server_.reset(); }
  // A well-behaved client: a fresh connection, answered within `within_ms`.
  void expect_served(int within_ms, const char* path = "/healthz") {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_connection_timeout(std::chrono::milliseconds(within_ms));
    c.set_read_timeout(std::chrono::milliseconds(within_ms));
    auto t0 = SteadyClock::now();
    auto r = c.Get(path);
    auto ms = std::chrono::duration_cast<Ms>(SteadyClock::now() - t0).count();
    ASSERT_TRUE(r) << path << ": no answer within " << within_ms << " ms";
    EXPECT_EQ(r->status, 200) << r->body;
    EXPECT_LE(ms, within_ms) << path;
  }
  // Slowloris: `n` connections each sending a request head one byte every
  // `gap_ms`, never finishing it. Returns, per connection, how long the server
  // took to close it (or -1 if it never did within `give_up_ms`).
  std::vector<long> slowloris(int n, int gap_ms, int give_up_ms, const std::function<void()>& meanwhile) {
    std::vector<long> closed_after(size_t(n), -1);
    std::vector<std::thread> slow;
    std::atomic<int> connected{0};
    for (int i = 0; i < n; ++i)
      slow.emplace_back([&, i] {
        int fd = connect_to(server_->port());
        if (fd < 0) return;
        ++connected;
        auto t0 = SteadyClock::now();
        std::string head = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
        for (size_t k = 0; SteadyClock::now() - t0 < Ms(give_up_ms); ++k) {
          char c = k < head.size() ? head[k] : 'a';
          if (::send(fd, &c, 1, MSG_NOSIGNAL) != 1) break;
          pollfd p{fd, POLLIN, 0};
          if (::poll(&p, 1, gap_ms) > 0) {  // the server answered or closed
            char buf[512];
            if (::recv(fd, buf, sizeof buf, 0) <= 0) break;
          }
        }
        auto ms = std::chrono::duration_cast<Ms>(SteadyClock::now() - t0).count();
        if (ms < give_up_ms) closed_after[size_t(i)] = long(ms);
        ::close(fd);
      });
    for (int i = 0; i < 200 && connected < n; ++i) std::this_thread::sleep_for(Ms(5));
    std::this_thread::sleep_for(Ms(300));  // every slow connection holds a worker by now
    meanwhile();
    for (auto& t : slow) t.join();
    return closed_after;
  }
  static constexpr const char* kToken = "secret-token-0123456789";
  static Api* api_;
  std::unique_ptr<HttpServer> server_;
};
Api* ServeLimits::api_ = nullptr;

TEST_F(ServeLimits, SlowlorisNeitherBlocksOthersNorKeepsItsConnections) {
  start(tight(32));
  auto closed = slowloris(12, 100, 6000, [&] {
    for (int i = 0; i < 5; ++i) {
      expect_served(2000);
      expect_served(2000, "/api/events?limit=5");
    }
  });
  // Each slow connection is closed once its request deadline (2 s) passes,
  // although it never went silent for the read timeout.
  for (long ms : closed) {
    EXPECT_GE(ms, 0) << "a slow connection was never closed";
    EXPECT_LE(ms, 2000 + 1500);
  }
  EXPECT_GT(server_->threads(), 12u);  // the pool grew past the slow connections
}

TEST_F(ServeLimits, MoreSlowClientsThanThreadsOnlyDelayOthersUntilTheDeadline) {
  start(tight(4));  // 8 slow connections, 4 workers: each wave is cut off after 2 s
  auto closed = slowloris(8, 100, 8000, [&] { expect_served(2 * 2000 + 1500); });
  for (long ms : closed) EXPECT_GE(ms, 0) << "a slow connection was never closed";
  expect_served(1000);
}

TEST_F(ServeLimits, OversizedAndMalformedHeadsAreRefusedAndTheServerGoesOn) {
  start(tight());
  auto ask = [&](const std::string& request) {
    int fd = connect_to(server_->port());
    EXPECT_GE(fd, 0);
    send_all(fd, request);  // may fail half way when the server gives up first
    std::string answer = read_all(fd, 4000);
    ::close(fd);
    return answer;
  };
  // One 100 KB header line.
  std::string a = ask("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(100 << 10, 'a') + "\r\n\r\n");
  EXPECT_TRUE(status_of(a) == 431 || status_of(a) == 400 || a.empty()) << a.substr(0, 200);
  expect_served(2000);
  // 1000 header lines (about 80 KB).
  std::string many = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 1000; ++i) many += "X-Header-" + std::to_string(i) + ": " + std::string(64, 'b') + "\r\n";
  a = ask(many + "\r\n");
  EXPECT_EQ(status_of(a), 431) << a.substr(0, 200);
  EXPECT_NE(a.find(R"("status":431)"), std::string::npos) << a.substr(0, 400);
  expect_served(2000);
  // A 20 KB request line.
  a = ask("GET /api/events?q=" + std::string(20 << 10, 'c') + " HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_TRUE(status_of(a) == 414 || status_of(a) == 400 || a.empty()) << a.substr(0, 200);
  // Garbage, a bare newline, a request line without a version, a bad Content-Length.
  static const char kBinary[] = "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 binary junk\r\n\r\n";
  for (std::string junk : {std::string(kBinary, sizeof kBinary - 1),
                           std::string("\r\n\r\n"), std::string("GET\r\n\r\n"),
                           std::string("POST /api/code HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n")}) {
    a = ask(junk);
    EXPECT_TRUE(status_of(a) == 400 || status_of(a) == 413 || a.empty()) << a.substr(0, 200);
  }
  expect_served(2000);
  // A head just under the cap is fine.
  std::string fine = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
  for (int i = 0; i < 300; ++i) fine += "X-Header-" + std::to_string(i) + ": " + std::string(64, 'b') + "\r\n";
  EXPECT_EQ(status_of(ask(fine + "\r\n")), 200);
}

TEST_F(ServeLimits, InvalidJsonAndOversizedBodiesAreJsonErrors) {
  start(tight());
  httplib::Client c("127.0.0.1", server_->port());
  c.set_read_timeout(std::chrono::seconds(5));
  auto expect_error = [](const httplib::Result& r, int status, const std::string& what) {
    ASSERT_TRUE(r) << what;
    EXPECT_EQ(r->status, status) << what << ": " << r->body;
    json j = json::parse(r->body, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << what << ": " << r->body;
    EXPECT_EQ(j["error"]["status"], status) << what;
  };
  expect_error(c.Post("/api/code", "{\"text\": \"unterminated", "application/json"), 400, "truncated JSON");
  expect_error(c.Post("/api/code", "[1, 2, 3]", "application/json"), 400, "a JSON list");
  expect_error(c.Post("/api/code", std::string("{\"text\":\"\xff\xfe\"}"), "application/json"), 400, "invalid UTF-8");
  expect_error(c.Post("/api/code", "", "application/json"), 400, "empty body");
  expect_error(c.Post("/api/code", std::string(1 << 20, '{'), "application/json"), 400, "1 MiB of braces");
  httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kToken}};
  expect_error(c.Post("/api/ingest", auth, "{\"reports\": [", "application/json"), 400, "ingest: truncated JSON");
  expect_error(c.Post("/api/ingest", auth, "{\"reports\": 5}", "application/json"), 400, "ingest: reports not a list");
  // Bodies over 1 MiB: 413, whether the Api or httplib refuses them.
  expect_error(c.Post("/api/code", std::string((1 << 20) + 1, 'x'), "application/json"), 413, "1 MiB + 1");
  httplib::Client c2("127.0.0.1", server_->port());
  auto big = c2.Post("/api/code", std::string(4 << 20, 'x'), "application/json");
  if (big) expect_error(big, 413, "4 MiB");  // or the server closed before the client finished sending
  expect_served(2000);
  auto fine = c.Post("/api/code", R"({"text":"Russian troops shelled Ukrainian positions near Kharkiv on Monday.","date":"2024-03-15"})",
                     "application/json");
  ASSERT_TRUE(fine);
  EXPECT_EQ(fine->status, 200) << fine->body;
}

TEST_F(ServeLimits, AbandonedConnectionsDoNotBlockOthers) {
  start(tight(16));
  std::vector<int> idle;
  for (int i = 0; i < 100; ++i) {  // open, send nothing, keep open
    int fd = connect_to(server_->port());
    ASSERT_GE(fd, 0);
    idle.push_back(fd);
  }
  for (int i = 0; i < 100; ++i) {  // open and close at once, or half way through a request
    int fd = connect_to(server_->port());
    ASSERT_GE(fd, 0);
    if (i % 2) send_all(fd, "GET /api/ev");
    ::close(fd);
  }
  std::this_thread::sleep_for(Ms(100));
  for (int i = 0; i < 3; ++i) expect_served(2000);
  // The idle connections are closed by the server (keep-alive timeout, 1 s).
  std::this_thread::sleep_for(Ms(1500));
  size_t closed = 0;
  for (int fd : idle) {
    pollfd p{fd, POLLIN, 0};
    char b;
    if (::poll(&p, 1, 0) > 0 && ::recv(fd, &b, 1, MSG_DONTWAIT) <= 0) ++closed;
    ::close(fd);
  }
  EXPECT_EQ(closed, idle.size());
  expect_served(1000);
}

TEST_F(ServeLimits, AClientThatNeverReadsItsAnswersDoesNotBlockOthers) {
  start(tight(16));
  std::vector<int> stuck;
  for (int k = 0; k < 4; ++k) {
    int fd = connect_to(server_->port(), 4096);
    ASSERT_GE(fd, 0);
    std::string pipeline;
    for (int i = 0; i < 50; ++i) pipeline += "GET /api/events?limit=1000 HTTP/1.1\r\nHost: x\r\n\r\n";
    send_all(fd, pipeline);  // many large answers; none read
    stuck.push_back(fd);
  }
  std::this_thread::sleep_for(Ms(300));
  for (int i = 0; i < 5; ++i) expect_served(2000, "/api/events?limit=50");
  // (On loopback the kernel buffers some 20 MB per connection, so whether the
  // server gives up on them after the write timeout is not what this checks.)
  for (int fd : stuck) ::close(fd);
  expect_served(1000);
}

}  // namespace
}  // namespace dyad
