// Readers: plain text, HTML and JSON Lines, including malformed input.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <new>
#include <sstream>

#include "dyad/reader/boilerplate.h"
#include "dyad/reader/reader.h"
#include "test_support.h"

// The size of the largest single allocation made while a LargestAllocation is
// alive: a reader that held an oversized record whole would need one block as
// large as the record. This test program replaces the global operator new and
// delete (all of the unaligned ones, so that ASan sees malloc/free pairs).
namespace {
std::atomic<bool> g_watch_allocations{false};
std::atomic<size_t> g_largest_allocation{0};

void* counted_malloc(std::size_t n) {
  if (g_watch_allocations.load(std::memory_order_relaxed)) {
    size_t seen = g_largest_allocation.load(std::memory_order_relaxed);
    while (n > seen && !g_largest_allocation.compare_exchange_weak(seen, n, std::memory_order_relaxed)) {
    }
  }
  return std::malloc(n ? n : 1);
}

void* counted_new(std::size_t n) {
  if (void* p = counted_malloc(n)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t n) { return counted_new(n); }
void* operator new[](std::size_t n) { return counted_new(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return counted_malloc(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return counted_malloc(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace dyad {
namespace {

class LargestAllocation {
 public:
  LargestAllocation() {
    g_largest_allocation = 0;
    g_watch_allocations = true;
  }
  ~LargestAllocation() { g_watch_allocations = false; }
  size_t bytes() const { return g_largest_allocation; }
};

struct ReadResult {
  std::vector<Report> reports;
  std::vector<std::string> errors;
};

ReadResult read_all(const std::string& input, const std::string& name, const std::string& date = "") {
  std::istringstream in(input);
  ReadResult r;
  ReaderOptions o;
  o.name = name;
  o.default_date = date;
  o.boilerplate = &test::coder().boilerplate();
  auto reader = open_reader(in, o, [&](const std::string& m) { r.errors.push_back(m); });
  Report rep;
  while (reader->next(rep)) r.reports.push_back(rep);
  return r;
}

TEST(TextReader, OneReportPerFileWithDateAndNoBoilerplate) {
  auto r = read_all("Title line\n\nRussia said it would talk.\nScroll to Top\n", "news/article.txt", "2023-03-23");
  ASSERT_EQ(r.reports.size(), 1u);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(r.reports[0].id, "article");
  EXPECT_EQ(r.reports[0].date, "2023-03-23");
  EXPECT_EQ(r.reports[0].text.find("Scroll to Top"), std::string::npos);
  EXPECT_NE(r.reports[0].text.find("Russia said"), std::string::npos);
}

TEST(TextReader, EmptyFileIsReported) {
  auto r = read_all("", "empty.txt");
  EXPECT_TRUE(r.reports.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("empty.txt: empty input"), std::string::npos);
}

TEST(TextReader, InvalidUtf8IsRepairedAndReportedWithLine) {
  auto r = read_all("first line\nbad \xff\xfe bytes here\n", "bad.txt");
  ASSERT_EQ(r.reports.size(), 1u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("bad.txt:2: invalid UTF-8"), std::string::npos);
  EXPECT_NE(r.reports[0].text.find("bad \xEF\xBF\xBD\xEF\xBF\xBD bytes"), std::string::npos);
}

TEST(TextReader, BinaryFileIsSkipped) {
  std::string bin;
  for (int i = 0; i < 2000; ++i) bin.push_back(char(i % 7 == 0 ? '\n' : i % 3 == 0 ? 0 : 'x'));
  auto r = read_all(bin, "blob.bin");
  EXPECT_FALSE(r.errors.empty());
  EXPECT_NE(r.errors[0].find("NUL"), std::string::npos);
  EXPECT_TRUE(r.reports.empty());
}

TEST(TextReader, TenMegabyteLineIsRead) {
  std::string big;
  while (big.size() < 10u << 20) big += "Armenia and Azerbaijan held talks in Moscow. ";
  auto r = read_all(big + "\n", "big.txt");
  EXPECT_TRUE(r.errors.empty());
  size_t total = 0;
  for (const auto& rep : r.reports) total += rep.text.size();
  EXPECT_GE(total, big.size());
}

TEST(TextReader, LongTextComesInBoundedParts) {
  std::string para = "Russian troops shelled the village near the border on Monday, officials said.\n\n";
  std::string text;
  while (text.size() < (3u << 20)) text += para;
  auto r = read_all(text, "long.txt");
  ASSERT_GT(r.reports.size(), 1u);
  for (size_t i = 0; i < r.reports.size(); ++i) {
    EXPECT_EQ(r.reports[i].part, int(i));
    EXPECT_LE(r.reports[i].text.size(), (1u << 20) + para.size());
  }
}

TEST(HtmlReader, KeepsArticleDropsFurniture) {
  std::string html = R"(<!doctype html><html><head><title>Site | Peace talks</title>
    <meta property="article:published_time" content="2023-03-20T10:00:00Z">
    <script>var x = "Russia attacked";</script></head>
    <body><nav><a>Home</a><a>World</a></nav>
    <div class="cookie-banner">We use cookies</div>
    <article><h1>Peace talks must resume, Russia says</h1>
      <p>Russia urged Armenia and Azerbaijan to resume talks.</p>
      <div class="share-buttons">Share on Facebook</div>
      <p>The <b>foreign ministry</b> said so on Monday.</p>
      <p>Scroll to Top</p>
    </article><footer>Copyright 2023</footer></body></html>)";
  auto r = read_all(html, "page.html");
  ASSERT_EQ(r.reports.size(), 1u);
  const Report& rep = r.reports[0];
  EXPECT_EQ(rep.title, "Peace talks must resume, Russia says");
  EXPECT_EQ(rep.date, "2023-03-20");
  EXPECT_NE(rep.text.find("Russia urged Armenia and Azerbaijan to resume talks."), std::string::npos);
  EXPECT_NE(rep.text.find("The foreign ministry said so on Monday."), std::string::npos);
  for (const char* junk : {"Home", "cookies", "Share on Facebook", "Scroll to Top", "Copyright", "var x"})
    EXPECT_EQ(rep.text.find(junk), std::string::npos) << junk;
}

TEST(HtmlReader, DateFallsBackToOption) {
  auto r = read_all("<html><body><p>Talks began.</p></body></html>", "p.html", "2021-01-02");
  ASSERT_EQ(r.reports.size(), 1u);
  EXPECT_EQ(r.reports[0].date, "2021-01-02");
}

// Fuzzing regression (docs/reliability.md): a page nested tens of thousands of
// elements deep overflowed the stack in the reader's recursive tree walks (a
// crash at 50,000 nested <div>s) and took gumbo time quadratic in the depth.
// It is now refused with a message before parsing (fuzz/corpus/html_reader/deep-nesting.html).
// The html_reader fuzzer then found a page below the first limit (10,000)
// that took gumbo 50 s: 9,610 nested <i> with paragraphs among them
// (fuzz/corpus/html_reader/timeout-nested-formatting.html); the limit is 1,000.
TEST(HtmlReader, FuzzDeeplyNestedPageIsRefusedNotCrashed) {
  std::string html = "<html><body><p>Russia attacked Ukraine.</p>";
  for (int i = 0; i < 50000; ++i) html += "<div>";
  html += "x</body></html>";
  auto r = read_all(html, "deep.html", "2023-01-01");
  EXPECT_TRUE(r.reports.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("deep.html: HTML elements nested more than 1000 deep"), std::string::npos) << r.errors[0];

  std::string committed = test::slurp(test::source_dir() + "/fuzz/corpus/html_reader/deep-nesting.html");
  ASSERT_FALSE(committed.empty()) << "fuzz/corpus/html_reader/deep-nesting.html";
  r = read_all(committed, "deep-nesting.html");
  EXPECT_TRUE(r.reports.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("nested more than"), std::string::npos) << r.errors[0];
}

TEST(HtmlReader, FuzzTimeoutNestedFormattingIsRefusedQuickly) {
  std::string page = test::slurp(test::source_dir() + "/fuzz/corpus/html_reader/timeout-nested-formatting.html");
  ASSERT_FALSE(page.empty()) << "fuzz/corpus/html_reader/timeout-nested-formatting.html";
  auto start = std::chrono::steady_clock::now();
  auto r = read_all(page, "timeout.html", "2023-01-01");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(r.reports.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("nested more than 1000 deep"), std::string::npos) << r.errors[0];
  EXPECT_LT(seconds, 5.0);
}

// Below the limit, deep pages are read, and what only looks like tags (script bodies, unclosed <p>, <li>,
// void elements) does not count towards it.
TEST(HtmlReader, FuzzNestingBelowTheLimitIsRead) {
  std::string html = "<html><body><p>Russia attacked Ukraine.</p>";
  for (int i = 0; i < 900; ++i) html += "<span>";
  html += "deep text";
  for (int i = 0; i < 900; ++i) html += "</span>";
  html += "<script>";
  for (int i = 0; i < 20000; ++i) html += "if (a<b) x<y;";
  html += "</script>";
  for (int i = 0; i < 5000; ++i) html += "<p>para<br><img src=x><li>item";
  html += "</body></html>";
  auto r = read_all(html, "wide.html", "2023-01-01");
  ASSERT_EQ(r.reports.size(), 1u);
  EXPECT_TRUE(r.errors.empty()) << r.errors[0];
  EXPECT_NE(r.reports[0].text.find("Russia attacked Ukraine."), std::string::npos);
  auto events = test::code_text(r.reports[0].text);
  EXPECT_FALSE(events.empty());
}

TEST(JsonlReader, ReadsFieldsAndSurvivesBadLines) {
  std::string input =
      R"({"id":"a1","date":"2023-01-05","title":"T","text":"Russia met Armenia.","url":"http://x","source":"Wire"})"
      "\n"
      "{not json\n"
      "\n"
      R"({"id":"a3","date":"2023-01-07"})"
      "\n"
      R"({"date":"2023-01-08","text":"No id here."})"
      "\n"
      R"({"id":"a5","text":"No date here."})"
      "\n"
      R"({"id":"a6","date":"yesterday","text":"Bad date."})"
      "\n"
      R"({"id":7,"date":"2023-01-09","text":"Numeric id."})"
      "\n";
  auto r = read_all(input, "feed.jsonl");
  ASSERT_EQ(r.reports.size(), 5u);
  EXPECT_EQ(r.reports[0].id, "a1");
  EXPECT_EQ(r.reports[0].date, "2023-01-05");
  EXPECT_EQ(r.reports[0].url, "http://x");
  EXPECT_EQ(r.reports[0].source, "Wire");
  EXPECT_EQ(r.reports[1].id, "feed-5");  // no id: file name and line
  EXPECT_EQ(r.reports[2].date, "");
  EXPECT_EQ(r.reports[4].id, "7");
  std::string all;
  for (const auto& e : r.errors) all += e + "\n";
  EXPECT_NE(all.find("feed.jsonl:2: malformed JSON"), std::string::npos) << all;
  EXPECT_NE(all.find("feed.jsonl:4 (id a3): no \"text\""), std::string::npos) << all;
  EXPECT_NE(all.find("feed.jsonl:5: no \"id\""), std::string::npos) << all;
  EXPECT_NE(all.find("feed.jsonl:6 (id a5): no \"date\""), std::string::npos) << all;
  EXPECT_NE(all.find("feed.jsonl:7 (id a6): date \"yesterday\""), std::string::npos) << all;
}

TEST(JsonlReader, InvalidUtf8RecordIsRejectedOthersKept) {
  std::string input = R"({"id":"ok1","date":"2023-01-01","text":"fine"})" "\n"
                      "{\"id\":\"bad\",\"date\":\"2023-01-01\",\"text\":\"x\xff\"}\n"
                      R"({"id":"ok2","date":"2023-01-01","text":"fine"})" "\n";
  auto r = read_all(input, "u.jsonl");
  ASSERT_EQ(r.reports.size(), 2u);
  EXPECT_EQ(r.reports[1].id, "ok2");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("u.jsonl:2"), std::string::npos);
}

// A JSON Lines record of exactly `bytes` bytes (without its '\n').
std::string record_of_size(const std::string& id, size_t bytes) {
  std::string head = R"({"id":")" + id + R"(","date":"2023-01-02","text":"Russia met Armenia. )";
  std::string tail = "\"}";
  return head + std::string(bytes - head.size() - tail.size(), 'x') + tail;
}

// A line longer than the record limit (ReaderOptions::max_record_bytes) is
// rejected while it is read: reported with its line number as soon as it
// passes the limit, the rest of it read and dropped in pieces, never held
// whole; the lines before and after it are read. A line of exactly the limit
// is kept, one byte more is not.
TEST(JsonlReader, OversizedRecordIsSkippedWhileReadingWithoutBeingHeld) {
  constexpr size_t kLimit = 64u << 10;
  const std::string before = R"({"id":"before","date":"2023-01-01","text":"Russia met Armenia in Moscow."})";
  const std::string big = record_of_size("big", 10 * kLimit);
  const std::string after = R"({"id":"after","date":"2023-01-03","text":"Turkey criticised Greece."})";
  const std::string at_limit = record_of_size("at-limit", kLimit);
  const std::string one_over = record_of_size("one-over", kLimit + 1);
  const std::string last = R"({"id":"last","date":"2023-01-04","text":"No newline after me."})";
  std::istringstream in(before + "\n" + big + "\n" + after + "\n" + at_limit + "\n" + one_over + "\n" + last);
  ReaderOptions o;
  o.name = "big.jsonl";
  o.max_record_bytes = kLimit;
  std::vector<std::string> errors;
  std::vector<std::streamoff> taken_at_error;  // bytes taken from the input when each error was reported
  auto reader = open_reader(in, o, [&](const std::string& m) {
    errors.push_back(m);
    taken_at_error.push_back(in.rdbuf()->pubseekoff(0, std::ios::cur, std::ios::in));
  });
  std::vector<Report> reports;
  Report rep;
  ASSERT_TRUE(reader->next(rep));
  reports.push_back(rep);
  size_t largest;
  {
    LargestAllocation watch;  // reading past the 640 KB line to the record after it
    ASSERT_TRUE(reader->next(rep));
    largest = watch.bytes();
  }
  reports.push_back(rep);
  while (reader->next(rep)) reports.push_back(rep);

  ASSERT_EQ(reports.size(), 4u);
  EXPECT_EQ(reports[0].id, "before");
  EXPECT_EQ(reports[1].id, "after");
  EXPECT_EQ(reports[1].origin, "big.jsonl:3");
  EXPECT_EQ(reports[1].text, "Turkey criticised Greece.");
  EXPECT_EQ(reports[2].id, "at-limit");
  EXPECT_EQ(reports[2].text.size(), kLimit - 47);  // the record less its 47 bytes of JSON around the text
  EXPECT_EQ(reports[3].id, "last");
  EXPECT_EQ(reports[3].origin, "big.jsonl:6");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0], "big.jsonl:2: record longer than 65536 bytes; skipped");
  EXPECT_EQ(errors[1], "big.jsonl:5: record longer than 65536 bytes; skipped");
  // Rejected on the first byte past the limit, not after reading the whole 640 KB line...
  ASSERT_EQ(taken_at_error.size(), 2u);
  EXPECT_EQ(size_t(taken_at_error[0]), before.size() + 1 + kLimit + 1);
  // ...and never held whole: no block anywhere near the size of the line was allocated.
  EXPECT_LT(largest, 2 * kLimit) << "the oversized line was buffered";
  EXPECT_GE(largest, kLimit) << "the allocation watch saw nothing";  // the kept part, up to the limit
  EXPECT_TRUE(in.eof());
}

// Lines around and across the reader's pieces (64 KB) are read whole, byte for byte.
TEST(JsonlReader, LongLinesAcrossReadPiecesAreReadWhole) {
  const size_t sizes[] = {(64u << 10) - 1, 64u << 10, (64u << 10) + 1, (192u << 10) + 5, 3u << 20};
  std::string input;
  for (size_t n : sizes) input += record_of_size("r" + std::to_string(n), n) + "\n";
  auto r = read_all(input + "\n\n", "long.jsonl");
  EXPECT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.reports.size(), std::size(sizes));
  for (size_t i = 0; i < std::size(sizes); ++i) {
    EXPECT_EQ(r.reports[i].id, "r" + std::to_string(sizes[i]));
    EXPECT_EQ(r.reports[i].origin, "long.jsonl:" + std::to_string(i + 1));
    ASSERT_EQ(r.reports[i].text.size(), sizes[i] - 39 - r.reports[i].id.size());  // less the JSON around it
    EXPECT_EQ(r.reports[i].text.find_first_not_of('x', 20), std::string::npos);
  }
}

// The default limit is kMaxRecordBytes (256 MB); a limit in whole megabytes is named in MB.
TEST(JsonlReader, RecordLimitDefaultsTo256MegabytesAndIsNamedInMegabytes) {
  EXPECT_EQ(ReaderOptions{}.max_record_bytes, size_t(256) << 20);
  EXPECT_EQ(kMaxRecordBytes, size_t(256) << 20);
  std::istringstream in(record_of_size("big", (1u << 20) + 1) + "\n" + record_of_size("ok", 100) + "\n");
  ReaderOptions o;
  o.name = "mb.jsonl";
  o.max_record_bytes = 1u << 20;
  std::vector<std::string> errors;
  auto reader = open_reader(in, o, [&](const std::string& m) { errors.push_back(m); });
  Report rep;
  ASSERT_TRUE(reader->next(rep));
  EXPECT_EQ(rep.id, "ok");
  EXPECT_FALSE(reader->next(rep));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "mb.jsonl:1: record longer than 1 MB; skipped");
}

TEST(Reader, StdinFormatIsSniffed) {
  auto j = read_all(R"({"id":"s","date":"2023-01-01","text":"x"})" "\n", "-");
  ASSERT_EQ(j.reports.size(), 1u);
  EXPECT_EQ(j.reports[0].id, "s");
  auto h = read_all("<html><body><p>Talks.</p></body></html>", "-");
  ASSERT_EQ(h.reports.size(), 1u);
  EXPECT_EQ(h.reports[0].text, "Talks.");
}

}  // namespace
}  // namespace dyad
