// The coder cache: a second start maps what the first compiled, codes exactly
// the same, and is never read when its inputs changed or it is damaged.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "dyad/output/writer.h"
#include "dyad/pipeline/batch_coder.h"
#include "dyad/reader/reader.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace dyad {
namespace {

struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name) : path(test::fresh_test_dir(name)) {}
  ~TempDir() { fs::remove_all(path); }
};

std::unique_ptr<Coder> load(const std::string& data, const std::string& cache) {
  CoderOptions o;
  o.data_dir = data;
  o.cache_dir = cache;
  std::vector<DictError> errors;
  auto c = Coder::load(o, errors);
  for (const auto& e : errors) ADD_FAILURE() << e.str();
  return c;
}

// Every event of the sample corpus as JSON lines.
std::vector<std::string> code_corpus(const Coder& coder) {
  std::ifstream in(test::source_dir() + "/examples/corpus.jsonl");
  ReaderOptions ro;
  ro.name = "corpus.jsonl";
  ro.format = InputFormat::Jsonl;
  auto reader = open_reader(in, ro, [](const std::string& m) { ADD_FAILURE() << m; });
  std::vector<std::string> lines;
  BatchCoder batch(coder, 1, [&](const Event& e) {
    std::string line;
    append_event_json(e, line);
    lines.push_back(std::move(line));
  });
  Report r;
  while (reader->next(r)) batch.add(std::move(r));
  batch.flush();
  return lines;
}

TEST(CoderCache, SecondStartIsMappedFromTheCacheAndCodesTheSame) {
  TempDir dir("dyad-cache-same");
  auto first = load(test::data_dir(), dir.path.string());
  ASSERT_TRUE(first);
  EXPECT_FALSE(first->from_cache());
  ASSERT_FALSE(first->cache_path().empty());
  EXPECT_TRUE(fs::exists(first->cache_path()));
  auto second = load(test::data_dir(), dir.path.string());
  ASSERT_TRUE(second);
  EXPECT_TRUE(second->from_cache());
  EXPECT_EQ(second->cache_path(), first->cache_path());
  EXPECT_EQ(second->lexicon().size(), first->lexicon().size());
  EXPECT_EQ(second->actors().entries().size(), first->actors().entries().size());
  EXPECT_EQ(second->events().size(), first->events().size());
  EXPECT_EQ(second->gazetteer().size(), first->gazetteer().size());
  EXPECT_EQ(second->gazetteer().name_count(), first->gazetteer().name_count());
  // Dictionary provenance survives (dyad dict lint reports file and line).
  const ActorEntry& e = second->actors().entries().back();
  EXPECT_EQ(e.file, first->actors().entries().back().file);
  EXPECT_EQ(e.line, first->actors().entries().back().line);
  auto a = code_corpus(*first), b = code_corpus(*second);
  ASSERT_GT(a.size(), 300u);
  EXPECT_EQ(a, b);
}

TEST(CoderCache, AnEditedDictionaryIsReadAgainNotTakenFromTheCache) {
  TempDir dir("dyad-cache-edit");
  fs::path data = dir.path / "data";
  fs::copy(test::data_dir(), data, fs::copy_options::recursive);
  std::string cache = (dir.path / "cache").string();
  auto before = load(data.string(), cache);
  ASSERT_TRUE(before);
  auto cached = load(data.string(), cache);
  ASSERT_TRUE(cached && cached->from_cache());
  const std::string text = "The Zembla Liberation Front attacked Armenian soldiers.";
  auto code = [&](const Coder& c) {
    CoderSession s(c);
    Report r;
    r.id = "z";
    r.date = "2023-03-01";
    r.text = text;
    std::vector<Event> out;
    s.code(r, out);
    return out;
  };
  for (const Event& ev : code(*cached)) EXPECT_FALSE(ev.source && ev.source->text.find("Zembla") != std::string::npos);
  {
    std::ofstream add(data / "actors" / "groups.txt", std::ios::app);
    add << "\norg ZMB/REB = Zembla Liberation Front\n";
  }
  auto after = load(data.string(), cache);
  ASSERT_TRUE(after);
  EXPECT_FALSE(after->from_cache());
  EXPECT_NE(after->cache_path(), cached->cache_path());
  bool found = false;
  for (const Event& ev : code(*after)) found = found || (ev.source && ev.source->code == "ZMBREB");
  EXPECT_TRUE(found) << "the actor added to the dictionary is not used";
  auto again = load(data.string(), cache);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->from_cache());
}

TEST(CoderCache, ADamagedCacheIsIgnoredAndRewritten) {
  TempDir dir("dyad-cache-damaged");
  auto first = load(test::data_dir(), dir.path.string());
  ASSERT_TRUE(first);
  std::string path = first->cache_path();
  auto size = fs::file_size(path);
  for (auto damage : {0, 1, 2}) {
    if (damage == 0) fs::resize_file(path, size / 2);  // truncated
    if (damage == 1) {                                 // garbage in the middle
      std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(std::streamoff(size / 3));
      std::string junk(4096, '\xff');
      f.write(junk.data(), std::streamsize(junk.size()));
    }
    if (damage == 2) std::ofstream(path, std::ios::trunc) << "not a cache";
    auto c = load(test::data_dir(), dir.path.string());
    ASSERT_TRUE(c) << "damage " << damage;
    EXPECT_FALSE(c->from_cache()) << "damage " << damage;
    auto again = load(test::data_dir(), dir.path.string());
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->from_cache()) << "not rewritten after damage " << damage;
    EXPECT_EQ(fs::file_size(path), size);
  }
}

TEST(CoderCache, OffOrUnwritableMeansNoCacheButAWorkingCoder) {
  auto off = load(test::data_dir(), "off");
  ASSERT_TRUE(off);
  EXPECT_FALSE(off->from_cache());
  EXPECT_TRUE(off->cache_path().empty());
  auto unwritable = load(test::data_dir(), "/proc/dyad-no-such-dir");
  ASSERT_TRUE(unwritable);
  EXPECT_TRUE(unwritable->cache_path().empty());
}

}  // namespace
}  // namespace dyad
