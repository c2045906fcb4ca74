// Partitioned output (dyad code --out-dir): zstd streams, CSV quoting, the
// manifest, partition rollover, refusing earlier output, and the command line.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "dyad/output/partitioned_writer.h"
#include "dyad/output/writer.h"
#include "test_support.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Decompresses a whole .zst file with libzstd's streaming API; fails the test on a
// corrupt or truncated frame.
std::string zstd_decompress(const fs::path& p) {
  std::string in = read_file(p), out;
  ZSTD_DCtx* d = ZSTD_createDCtx();
  std::vector<char> buf(ZSTD_DStreamOutSize());
  ZSTD_inBuffer input{in.data(), in.size(), 0};
  size_t last = 0;
  while (input.pos < input.size) {
    ZSTD_outBuffer output{buf.data(), buf.size(), 0};
    last = ZSTD_decompressStream(d, &output, &input);
    if (ZSTD_isError(last)) {
      ADD_FAILURE() << p << ": " << ZSTD_getErrorName(last);
      break;
    }
    out.append(buf.data(), output.pos);
  }
  // Flush whatever the decoder still holds.
  for (;;) {
    ZSTD_outBuffer output{buf.data(), buf.size(), 0};
    size_t r = ZSTD_decompressStream(d, &output, &input);
    if (ZSTD_isError(r)) break;
    out.append(buf.data(), output.pos);
    if (output.pos == 0) break;
    last = r;
  }
  EXPECT_EQ(last, 0u) << p << ": the zstd frame is not complete";
  ZSTD_freeDCtx(d);
  return out;
}

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> v;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    v.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return v;
}

// An RFC 4180 reader: rows of cells; quoted cells may hold commas, doubled quotes, CR and LF.
std::vector<std::vector<std::string>> parse_csv(const std::string& s) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, in_cell = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        cell.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell.push_back(c);
      }
    } else if (c == '"') {
      EXPECT_TRUE(cell.empty()) << "quote inside an unquoted cell at byte " << i;
      quoted = in_cell = true;
    } else if (c == ',') {
      row.push_back(std::move(cell));
      cell.clear();
      in_cell = true;
    } else if (c == '\n') {
      row.push_back(std::move(cell));
      cell.clear();
      rows.push_back(std::move(row));
      row.clear();
      in_cell = false;
    } else {
      EXPECT_NE(c, '\r') << "bare CR outside quotes at byte " << i;
      cell.push_back(c);
      in_cell = true;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quoted cell";
  if (in_cell || !row.empty()) {
    row.push_back(cell);
    rows.push_back(row);
  }
  return rows;
}

std::vector<std::string> cells_of(const Event& e) {
  std::vector<std::string> v;
  for_each_event_cell(e, [&](std::string_view c) { v.emplace_back(c); });
  return v;
}

std::string json_line(const Event& e) {
  std::string s;
  append_event_json(e, s);
  return s;
}

// Real events from the coder: `n` of them, cycling through a few reports (ids made unique).
std::vector<Event> sample_events(size_t n) {
  static const std::vector<Event> base = [] {
    std::vector<Event> v;
    for (const char* text : {"Russian troops shelled Ukrainian positions near Kharkiv on Monday. "
                             "Ukraine condemned Russia for the attack.",
                             "Azerbaijani activists blocked the Lachin Corridor. Armenia accused Azerbaijan of "
                             "a blockade, and Russia urged both sides to negotiate.",
                             "Sudanese army forces attacked Rapid Support Forces in Khartoum last week."}) {
      auto ev = test::code_text(text);
      v.insert(v.end(), ev.begin(), ev.end());
    }
    return v;
  }();
  EXPECT_FALSE(base.empty());
  std::vector<Event> out;
  for (size_t i = 0; i < n && !base.empty(); ++i) {
    Event e = base[i % base.size()];
    e.event_id = std::string("ev-").append(std::to_string(i));
    out.push_back(std::move(e));
  }
  return out;
}

// An event whose text cells hold every character CSV must quote.
Event awkward_event() {
  Event e = sample_events(1).at(0);
  e.sentence = "He said, \"stop the \"\"shelling\"\" now\",\nthen left.\r\nEnd";
  e.trigger_text = "said\rnow";  // a CR alone must be quoted too
  e.doc_id = "doc \"7\"";
  e.url = "https://example.org/a,b?q=\"x\"";
  if (e.source) e.source->text = "Russia, \"the\" state";
  return e;
}

class OutputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::fresh_test_dir("dyad-output-");
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::vector<std::string> names(const fs::path& d) const {
    std::vector<std::string> v;
    for (const auto& entry : fs::directory_iterator(d)) v.push_back(entry.path().filename().string());
    std::sort(v.begin(), v.end());
    return v;
  }
  json manifest(const fs::path& d) const { return json::parse(read_file(d / "manifest.json")); }
  fs::path dir_;
};

// ---------------------------------------------------------------------------
// Shared columns: TSV and CSV

TEST_F(OutputTest, TsvHeaderIsTheDocumentedColumnList) {
  std::ostringstream out;
  make_writer(OutputFormat::Tsv, out);
  EXPECT_EQ(out.str(),
            "EventID\tDate\tDatePrecision\tActor1Code\tActor1Name\tActor1CountryCode\tActor1Sector\t"
            "Actor2Code\tActor2Name\tActor2CountryCode\tActor2Sector\tIsHypothetical\tEventCode\tEventBaseCode\t"
            "EventRootCode\tEventName\tQuadClass\tGoldsteinScale\tPloverEvent\tPloverMode\tPloverContext\t"
            "ActionGeoName\tActionGeoCountryCode\tActionGeoFeature\tActionGeoLat\tActionGeoLong\tActionGeoGeoNamesID\t"
            "Trigger\tDocID\tSentenceIndex\tSentence\tSourceURL\n");
  EXPECT_EQ(event_table_columns().size(), 32u);
}

TEST_F(OutputTest, TsvAndCsvRowsHoldTheSameCells) {
  auto events = sample_events(6);
  events.push_back(awkward_event());
  std::ostringstream tsv, csv;
  auto t = make_writer(OutputFormat::Tsv, tsv);
  auto c = make_writer(OutputFormat::Csv, csv);
  for (const Event& e : events) {
    t->write(e);
    c->write(e);
  }
  auto tsv_rows = split_lines(tsv.str());
  auto csv_rows = parse_csv(csv.str());
  ASSERT_EQ(tsv_rows.size(), events.size() + 1);
  ASSERT_EQ(csv_rows.size(), events.size() + 1);
  std::vector<std::string> header(event_table_columns().begin(), event_table_columns().end());
  EXPECT_EQ(csv_rows[0], header);
  for (size_t i = 0; i < events.size(); ++i) {
    auto cells = cells_of(events[i]);
    ASSERT_EQ(cells.size(), header.size());
    EXPECT_EQ(csv_rows[i + 1], cells) << "row " << i;
    std::string expected_tsv;
    for (size_t k = 0; k < cells.size(); ++k) {
      if (k) expected_tsv.push_back('\t');
      append_tsv_field(cells[k], expected_tsv);
    }
    EXPECT_EQ(tsv_rows[i + 1], expected_tsv) << "row " << i;
  }
  // Spot checks of cell values against the event itself.
  const Event& e = events[0];
  auto cells = cells_of(e);
  EXPECT_EQ(cells[0], e.event_id);
  EXPECT_EQ(cells[12], e.cameo->code);
  EXPECT_EQ(cells[14], e.cameo->code.substr(0, 2));
  EXPECT_EQ(cells[16], std::to_string(e.cameo->quad_class));
  EXPECT_EQ(cells[30], e.sentence);
}

TEST(JsonString, EscapesQuotesBackslashesAndControlBytesOnly) {
  std::string out;
  append_json_string("plain", out);
  EXPECT_EQ(out, "\"plain\"");
  out.clear();
  append_json_string("a\"b\\c\nd\re\tf\x01g\x1fh\xC3\xA9 \xD5\x80", out);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fh\xC3\xA9 \xD5\x80\"");
  out.clear();
  append_json_string(std::string("\0", 1), out);
  EXPECT_EQ(out, "\"\\u0000\"");
  out.clear();
  append_json_string("", out);
  EXPECT_EQ(out, "\"\"");
}

TEST_F(OutputTest, CsvFieldQuotingFollowsRfc4180) {
  std::string out;
  append_csv_field("plain", out);
  EXPECT_EQ(out, "plain");
  out.clear();
  append_csv_field("a,b", out);
  EXPECT_EQ(out, "\"a,b\"");
  out.clear();
  append_csv_field("say \"hi\"", out);
  EXPECT_EQ(out, "\"say \"\"hi\"\"\"");
  out.clear();
  append_csv_field("line\nbreak", out);
  EXPECT_EQ(out, "\"line\nbreak\"");
  out.clear();
  append_csv_field("cr\rhere", out);
  EXPECT_EQ(out, "\"cr\rhere\"");
  out.clear();
  append_csv_field("", out);
  EXPECT_EQ(out, "");
}

// ---------------------------------------------------------------------------
// PartitionWriter

TEST_F(OutputTest, FileNames) {
  EXPECT_EQ(partition_file_name(0, PartitionFormat::Jsonl, Compression::Zstd), "part-00000.jsonl.zst");
  EXPECT_EQ(partition_file_name(7, PartitionFormat::Csv, Compression::None), "part-00007.csv");
  EXPECT_EQ(partition_file_name(12345, PartitionFormat::Csv, Compression::Zstd), "part-12345.csv.zst");
  EXPECT_EQ(partition_file_name(3, PartitionFormat::Jsonl, Compression::None), "part-00003.jsonl");
}

TEST_F(OutputTest, JsonlZstdRoundTrip) {
  // Enough events for several 256 KB buffers, so that the stream is fed and written in pieces.
  auto events = sample_events(4000);
  PartitionWriter w(dir_.string(), 3, PartitionFormat::Jsonl, Compression::Zstd);
  for (const Event& e : events) w.write(e);
  PartitionFile f = w.close();
  EXPECT_EQ(f.path, "part-00003.jsonl.zst");
  EXPECT_EQ(f.records, events.size());
  fs::path p = dir_ / f.path;
  ASSERT_TRUE(fs::exists(p));
  EXPECT_EQ(f.bytes, fs::file_size(p));
  EXPECT_EQ(names(dir_), std::vector<std::string>{"part-00003.jsonl.zst"});  // no temporary file left
  std::string text = zstd_decompress(p);
  EXPECT_GT(text.size(), 3 * (size_t(256) << 10));
  EXPECT_LT(f.bytes, text.size() / 4);  // it is really compressed
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  auto lines = split_lines(text);
  ASSERT_EQ(lines.size(), events.size());
  for (size_t i = 0; i < events.size(); ++i) ASSERT_EQ(lines[i], json_line(events[i])) << "line " << i;
}

TEST_F(OutputTest, UncompressedJsonlIsTheEventJson) {
  auto events = sample_events(50);
  PartitionWriter w(dir_.string(), 0, PartitionFormat::Jsonl, Compression::None);
  for (const Event& e : events) w.write(e);
  PartitionFile f = w.close();
  std::string expected;
  for (const Event& e : events) expected.append(json_line(e)).push_back('\n');
  EXPECT_EQ(read_file(dir_ / "part-00000.jsonl"), expected);
  EXPECT_EQ(f.bytes, expected.size());
}

TEST_F(OutputTest, CsvZstdQuotesCommasQuotesAndNewlines) {
  auto events = sample_events(20);
  events.insert(events.begin() + 5, awkward_event());
  PartitionWriter w(dir_.string(), 0, PartitionFormat::Csv, Compression::Zstd);
  for (const Event& e : events) w.write(e);
  PartitionFile f = w.close();
  EXPECT_EQ(f.path, "part-00000.csv.zst");
  EXPECT_EQ(f.records, events.size());  // the header is not a record
  EXPECT_EQ(f.bytes, fs::file_size(dir_ / f.path));
  auto rows = parse_csv(zstd_decompress(dir_ / f.path));
  ASSERT_EQ(rows.size(), events.size() + 1);
  EXPECT_EQ(rows[0], std::vector<std::string>(event_table_columns().begin(), event_table_columns().end()));
  for (size_t i = 0; i < events.size(); ++i) EXPECT_EQ(rows[i + 1], cells_of(events[i])) << "row " << i;
  const auto& awkward = rows[6];
  EXPECT_EQ(awkward[30], "He said, \"stop the \"\"shelling\"\" now\",\nthen left.\r\nEnd");
  EXPECT_EQ(awkward[27], "said\rnow");
  EXPECT_EQ(awkward[28], "doc \"7\"");
  EXPECT_EQ(awkward[31], "https://example.org/a,b?q=\"x\"");
}

TEST_F(OutputTest, NothingVisibleUntilClose) {
  auto events = sample_events(10);
  PartitionWriter w(dir_.string(), 0, PartitionFormat::Jsonl, Compression::Zstd);
  for (const Event& e : events) w.write(e);
  EXPECT_FALSE(fs::exists(dir_ / "part-00000.jsonl.zst"));
  for (const auto& n : names(dir_)) EXPECT_NE(n.rfind("part-", 0), 0u) << n;
  w.close();
  EXPECT_TRUE(fs::exists(dir_ / "part-00000.jsonl.zst"));
}

TEST_F(OutputTest, UnclosedWriterRemovesItsFile) {
  {
    PartitionWriter w(dir_.string(), 0, PartitionFormat::Csv, Compression::Zstd);
    for (const Event& e : sample_events(3000)) w.write(e);  // some of it already written out
    EXPECT_EQ(names(dir_).size(), 1u);
  }
  EXPECT_TRUE(names(dir_).empty());
}

TEST_F(OutputTest, WriterCreatesTheDirectory) {
  fs::path sub = dir_ / "a" / "b";
  PartitionWriter w(sub.string(), 1, PartitionFormat::Jsonl, Compression::None);
  w.write(sample_events(1)[0]);
  w.close();
  EXPECT_TRUE(fs::exists(sub / "part-00001.jsonl"));
}

TEST_F(OutputTest, UncreatableFileThrowsNamingIt) {
  std::ofstream(dir_ / "plain-file") << "x";
  std::string bad = (dir_ / "plain-file" / "out").string();  // a directory under a regular file
  try {
    PartitionWriter w(bad, 0, PartitionFormat::Jsonl, Compression::Zstd);
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
  }
}

// ---------------------------------------------------------------------------
// PartitionedOutput and the manifest

TEST_F(OutputTest, RolloverAndManifest) {
  auto events = sample_events(23);
  PartitionedOutputOptions o;
  o.dir = (dir_ / "out").string();
  o.events_per_file = 5;
  PartitionedOutput out(o);
  for (const Event& e : events) out.write(e);
  const auto& files = out.finish();
  EXPECT_EQ(out.records(), 23u);
  ASSERT_EQ(files.size(), 5u);  // 5 + 5 + 5 + 5 + 3

  json m = manifest(o.dir);
  EXPECT_EQ(m["format"], "jsonl");
  EXPECT_EQ(m["compression"], "zstd");
  EXPECT_EQ(m["dyad_version"], "0.1.0");
  EXPECT_TRUE(std::regex_match(m["created"].get<std::string>(),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
      << m["created"];
  EXPECT_EQ(m["records"], 23);
  ASSERT_EQ(m["files"].size(), 5u);
  uint64_t sum = 0;
  std::vector<std::string> expected_names;
  size_t line = 0;
  for (size_t i = 0; i < 5; ++i) {
    const json& f = m["files"][i];
    std::string name = partition_file_name(i, PartitionFormat::Jsonl, Compression::Zstd);
    expected_names.push_back(name);
    EXPECT_EQ(f["path"], name);
    EXPECT_EQ(f["records"], i < 4 ? 5 : 3);
    EXPECT_EQ(f["bytes"].get<uint64_t>(), fs::file_size(fs::path(o.dir) / name));
    EXPECT_EQ(f["path"], files[i].path);
    sum += f["records"].get<uint64_t>();
    // Each file holds its own events, in order.
    auto lines = split_lines(zstd_decompress(fs::path(o.dir) / name));
    ASSERT_EQ(lines.size(), f["records"].get<size_t>());
    for (const auto& l : lines) EXPECT_EQ(l, json_line(events[line++]));
  }
  EXPECT_EQ(sum, 23u);
  expected_names.insert(expected_names.begin(), "manifest.json");
  EXPECT_EQ(names(o.dir), expected_names);  // nothing else: no temporary files
}

TEST_F(OutputTest, ExactMultipleMakesNoEmptyFile) {
  PartitionedOutputOptions o;
  o.dir = dir_.string();
  o.events_per_file = 5;
  o.format = PartitionFormat::Csv;
  o.compression = Compression::None;
  PartitionedOutput out(o);
  for (const Event& e : sample_events(10)) out.write(e);
  ASSERT_EQ(out.finish().size(), 2u);
  EXPECT_EQ(names(dir_), (std::vector<std::string>{"manifest.json", "part-00000.csv", "part-00001.csv"}));
  json m = manifest(dir_);
  EXPECT_EQ(m["format"], "csv");
  EXPECT_EQ(m["compression"], "none");
  EXPECT_EQ(parse_csv(read_file(dir_ / "part-00001.csv")).size(), 6u);  // header + 5
}

TEST_F(OutputTest, NoEventsStillWriteOneFile) {
  PartitionedOutputOptions o;
  o.dir = dir_.string();
  o.format = PartitionFormat::Csv;
  PartitionedOutput out(o);
  ASSERT_EQ(out.finish().size(), 1u);
  json m = manifest(dir_);
  EXPECT_EQ(m["records"], 0);
  ASSERT_EQ(m["files"].size(), 1u);
  EXPECT_EQ(m["files"][0]["records"], 0);
  auto rows = parse_csv(zstd_decompress(dir_ / "part-00000.csv.zst"));
  ASSERT_EQ(rows.size(), 1u);  // the header alone
  EXPECT_EQ(rows[0].size(), event_table_columns().size());
}

TEST_F(OutputTest, SourceDateEpochFixesTheManifestTime) {
  ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  write_manifest(dir_.string(), PartitionFormat::Jsonl, Compression::Zstd, {{"part-00000.jsonl.zst", 2, 10}});
  ::unsetenv("SOURCE_DATE_EPOCH");
  json m = manifest(dir_);
  EXPECT_EQ(m["created"], "2023-11-14T22:13:20Z");
  EXPECT_EQ(m["records"], 2);
  // Key order is the documented one.
  std::string text = read_file(dir_ / "manifest.json");
  size_t prev = 0;
  for (const char* key : {"\"format\"", "\"compression\"", "\"dyad_version\"", "\"created\"", "\"records\"",
                          "\"files\""}) {
    size_t at = text.find(key);
    ASSERT_NE(at, std::string::npos) << key;
    EXPECT_GT(at, prev) << key;
    prev = at;
  }
}

TEST_F(OutputTest, RefusesEarlierOutputUnlessOverwrite) {
  PartitionedOutputOptions o;
  o.dir = dir_.string();
  o.events_per_file = 2;
  {
    PartitionedOutput out(o);
    for (const Event& e : sample_events(9)) out.write(e);
    EXPECT_EQ(out.finish().size(), 5u);
  }
  std::ofstream(dir_ / "README.txt") << "not ours";
  std::string before = read_file(dir_ / "manifest.json");
  EXPECT_THROW(PartitionedOutput{o}, OutputExistsError);
  EXPECT_EQ(read_file(dir_ / "manifest.json"), before);
  EXPECT_EQ(names(dir_).size(), 7u);  // untouched

  // Part files without a manifest (an interrupted run) are refused too.
  fs::remove(dir_ / "manifest.json");
  EXPECT_THROW(PartitionedOutput{o}, OutputExistsError);

  o.overwrite = true;
  PartitionedOutput out(o);
  for (const Event& e : sample_events(3)) out.write(e);
  EXPECT_EQ(out.finish().size(), 2u);
  EXPECT_EQ(names(dir_), (std::vector<std::string>{"README.txt", "manifest.json", "part-00000.jsonl.zst",
                                                   "part-00001.jsonl.zst"}));
  EXPECT_EQ(manifest(dir_)["records"], 3);
}

TEST_F(OutputTest, WithoutFinishThereIsNoManifest) {
  PartitionedOutputOptions o;
  o.dir = dir_.string();
  o.events_per_file = 4;
  {
    PartitionedOutput out(o);
    for (const Event& e : sample_events(10)) out.write(e);
  }
  // The two full files stay, the third (unfinished) is gone, and nothing says the output is complete.
  EXPECT_EQ(names(dir_), (std::vector<std::string>{"part-00000.jsonl.zst", "part-00001.jsonl.zst"}));
}

// ---------------------------------------------------------------------------
// The command line

class OutDirCli : public OutputTest {
 protected:
  // Runs dyad with `args`; stdout in out, stderr in err; returns the exit status.
  int dyad(const std::string& args, std::string& out, std::string& err) {
    std::string errfile = (dir_ / "stderr.txt").string();
    int rc = test::run("SOURCE_DATE_EPOCH=1700000000 " + test::binary() + " " + args + " 2>" + errfile, out);
    err = read_file(errfile);
    return rc;
  }
  // The concatenated contents of the files the manifest lists, in order.
  std::string concatenated(const fs::path& d, bool csv = false) {
    json m = manifest(d);
    std::string all;
    bool compressed = m["compression"] == "zstd";
    for (const auto& f : m["files"]) {
      fs::path p = d / f["path"].get<std::string>();
      std::string text = compressed ? zstd_decompress(p) : read_file(p);
      if (csv && !all.empty()) text.erase(0, text.find('\n') + 1);  // one header
      all += text;
    }
    return all;
  }
  std::string corpus() const { return test::source_dir() + "/examples/corpus.jsonl"; }
};

TEST_F(OutDirCli, PartitionsConcatenateToThePlainOutput) {
  std::string plain, out, err;
  ASSERT_EQ(dyad("code -q " + corpus(), plain, err), 0) << err;
  auto plain_lines = split_lines(plain);
  ASSERT_GT(plain_lines.size(), 300u);
  fs::path d = dir_ / "jsonl";
  ASSERT_EQ(dyad("code --out-dir " + d.string() + " --partition-events 100 " + corpus(), out, err), 0) << err;
  EXPECT_TRUE(out.empty());
  EXPECT_NE(err.find("written to " + d.string()), std::string::npos) << err;
  json m = manifest(d);
  EXPECT_EQ(m["records"].get<size_t>(), plain_lines.size());
  EXPECT_EQ(m["files"].size(), (plain_lines.size() + 99) / 100);
  for (size_t i = 0; i + 1 < m["files"].size(); ++i) EXPECT_EQ(m["files"][i]["records"], 100);
  EXPECT_EQ(concatenated(d), plain);

  // CSV: the same rows as `dyad code --output csv` (which writes the header once).
  std::string plain_csv;
  ASSERT_EQ(dyad("code -q --output csv " + corpus(), plain_csv, err), 0) << err;
  EXPECT_EQ(parse_csv(plain_csv).size(), plain_lines.size() + 1);
  fs::path c = dir_ / "csv";
  ASSERT_EQ(dyad("code -q --output csv --compress none --out-dir " + c.string() + " --partition-events 250 " +
                     corpus(),
                 out, err),
            0)
      << err;
  EXPECT_EQ(manifest(c)["files"][0]["path"], "part-00000.csv");
  EXPECT_EQ(concatenated(c, true), plain_csv);
}

TEST_F(OutDirCli, SameFilesWithOneAndTwoThreads) {
  std::string out, err;
  std::string input = (dir_ / "gen.jsonl").string();
  ASSERT_EQ(test::run(test::corpus_gen() + " --mb 2 --seed 11 > " + input + " 2>/dev/null", out), 0);
  fs::path one = dir_ / "j1", two = dir_ / "j2";
  ASSERT_EQ(dyad("code -q -j 1 --partition-events 4000 --out-dir " + one.string() + " " + input, out, err), 0) << err;
  ASSERT_EQ(dyad("code -q -j 2 --partition-events 4000 --out-dir " + two.string() + " " + input, out, err), 0) << err;
  auto files = names(one);
  EXPECT_GE(files.size(), 4u);  // several partitions and the manifest
  EXPECT_EQ(names(two), files);
  for (const auto& f : files) EXPECT_TRUE(read_file(one / f) == read_file(two / f)) << f << " differs";
}

TEST_F(OutDirCli, RefusesAnExistingManifestWithoutOverwrite) {
  std::string out, err;
  fs::path d = dir_ / "out";
  ASSERT_EQ(dyad("code -q --out-dir " + d.string() + " " + corpus(), out, err), 0) << err;
  std::string before = read_file(d / "manifest.json");
  auto files = names(d);
  EXPECT_EQ(dyad("code -q --out-dir " + d.string() + " " + corpus(), out, err), 2);
  EXPECT_NE(err.find(d.string()), std::string::npos) << err;
  EXPECT_NE(err.find("manifest.json"), std::string::npos) << err;
  EXPECT_NE(err.find("--overwrite"), std::string::npos) << err;
  EXPECT_EQ(names(d), files);
  EXPECT_EQ(read_file(d / "manifest.json"), before);

  ASSERT_EQ(dyad("code -q --overwrite --output csv --out-dir " + d.string() + " " + corpus(), out, err), 0) << err;
  EXPECT_EQ(names(d), (std::vector<std::string>{"manifest.json", "part-00000.csv.zst"}));
  EXPECT_EQ(manifest(d)["format"], "csv");
}

TEST_F(OutDirCli, UnwritableDirectoryExitsTwoNamingIt) {
  std::string out, err;
  std::ofstream(dir_ / "plain-file") << "x";
  std::string bad = (dir_ / "plain-file" / "out").string();
  EXPECT_EQ(dyad("code -q --out-dir " + bad + " " + corpus(), out, err), 2);
  EXPECT_NE(err.find(bad), std::string::npos) << err;
  if (::geteuid() != 0) {  // root writes anywhere
    fs::path ro = dir_ / "read-only";
    fs::create_directories(ro);
    fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec);
    EXPECT_EQ(dyad("code -q --out-dir " + ro.string() + " " + corpus(), out, err), 2);
    EXPECT_NE(err.find(ro.string()), std::string::npos) << err;
    fs::permissions(ro, fs::perms::owner_all);
  }
}

TEST_F(OutDirCli, OptionsThatNeedOrExcludeOutDir) {
  std::string out, err;
  std::string d = (dir_ / "out").string();
  EXPECT_EQ(dyad("code -q --partition-events 10 " + corpus(), out, err), 2);
  EXPECT_NE(err.find("--out-dir"), std::string::npos) << err;
  EXPECT_EQ(dyad("code -q --compress none " + corpus(), out, err), 2);
  EXPECT_EQ(dyad("code -q --overwrite " + corpus(), out, err), 2);
  EXPECT_EQ(dyad("code -q -o " + (dir_ / "x.jsonl").string() + " --out-dir " + d + " " + corpus(), out, err), 2);
  EXPECT_EQ(dyad("code -q --output tsv --out-dir " + d + " " + corpus(), out, err), 2);
  EXPECT_NE(err.find("tsv"), std::string::npos) << err;
  EXPECT_EQ(dyad("code -q --partition-events 0 --out-dir " + d + " " + corpus(), out, err), 2);
  EXPECT_EQ(dyad("code -q --compress gzip --out-dir " + d + " " + corpus(), out, err), 2);
  EXPECT_FALSE(fs::exists(d));  // nothing was written by any of them
}

}  // namespace
}  // namespace dyad
