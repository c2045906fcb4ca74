// Coder: everything dyad knows (lexicon, dictionaries, CAMEO table), loaded
// once and then shared read-only by any number of threads. Each thread codes
// reports through its own CoderSession, which owns the scratch buffers and
// caches, so the hot path allocates nothing per token.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dyad/actors/actor_dictionary.h"
#include "dyad/actors/actor_phrase.h"
#include "dyad/events/cameo_table.h"
#include "dyad/events/event.h"
#include "dyad/events/event_coder.h"
#include "dyad/events/event_dictionary.h"
#include "dyad/events/event_setting.h"
#include "dyad/reader/boilerplate.h"
#include "dyad/reader/report.h"
#include "dyad/text/lexicon.h"
#include "dyad/text/tagger.h"
#include "dyad/util/cache_file.h"
#include "dyad/when/time_expressions.h"
#include "dyad/where/gazetteer.h"
#include "dyad/where/place_finder.h"

namespace dyad {

struct CoderOptions {
  std::string data_dir;                 // empty: $DYAD_DATA, then the build's data directory
  std::string wordnet_dir;              // empty: $DYAD_WORDNET, then /usr/share/wordnet
  std::vector<std::string> dict_dirs;   // user dictionaries layered over data/ (actors/, events/, places/ inside each)
  std::string gazetteer;                // compiled GeoNames index; empty: $DYAD_GAZETTEER, then the build's
  std::string cache_dir;                // coder cache (pipeline/coder_cache.h); "off" disables; empty: see resolve_cache_dir
  // Refuse actor entries that parse but are wrong (dict/lint.h is_fatal: an
  // unknown country or sector code, overlapping dated roles). Off only for
  // `dyad dict lint`, which lists them all; such a coder is never cached.
  bool refuse_bad_entries = true;
};

// The data directory that will be used for `requested` (see CoderOptions::data_dir).
std::string resolve_data_dir(const std::string& requested);

class Coder {
 public:
  // Loads everything; on any dictionary error returns nullptr with every error in `errors`
  // (never a half-loaded coder).
  static std::unique_ptr<Coder> load(const CoderOptions& options, std::vector<DictError>& errors);

  const Lexicon& lexicon() const { return lexicon_; }
  const ActorDictionary& actors() const { return *actors_; }
  const EventDictionary& events() const { return events_; }
  const CameoTable& cameo() const { return cameo_; }
  const BoilerplateFilter& boilerplate() const { return boilerplate_; }
  const Gazetteer& gazetteer() const { return gazetteer_; }

  // Whether this coder was mapped from the cache, and the cache file (empty when
  // caching is off or the file could not be written).
  bool from_cache() const { return from_cache_; }
  const std::string& cache_path() const { return cache_path_; }

 private:
  Coder() = default;
  static std::unique_ptr<Coder> load_cached(const std::string& data, const std::string& path, uint64_t key);
  void save_snapshot(CacheWriter& w) const;

  // Declared first so that it is unmapped last: loaded strings point into it.
  std::unique_ptr<MappedFile> cache_file_;
  std::string cache_path_;
  bool from_cache_ = false;
  Lexicon lexicon_;
  CameoTable cameo_;
  std::unique_ptr<ActorDictionary> actors_;
  EventDictionary events_;
  BoilerplateFilter boilerplate_;
  Gazetteer gazetteer_;
};

// One analysed sentence, for tools that want to see the analysis (dyad analyze, tests).
struct AnalyzedSentence {
  std::string text;
  struct Tok {
    std::string text, lemma, tag;
    int clause = 0;
  };
  std::vector<Tok> tokens;
  std::vector<std::string> clause_kinds;
  std::vector<std::string> actors;  // "text=RUS/GOV+ARM/GOV"
};

class CoderSession {
 public:
  explicit CoderSession(const Coder& coder);

  // Codes one report, appending its events to `out`.
  void code(const Report& report, std::vector<Event>& out);
  // Same analysis, exposed for inspection.
  void analyze(const Report& report, std::vector<AnalyzedSentence>& out);

  size_t sentences_coded() const { return sentences_; }

 private:
  void prepare(const Report& report);

  const Coder& coder_;
  Tagger tagger_;
  ActorPhraseBuilder phrases_;
  EventCoder events_;
  TimeFinder times_;
  PlaceFinder places_;
  EventSetting setting_;
  DiscourseMemory memory_;
  ReportCountries report_countries_;
  std::vector<TimeMention> time_buf_;
  std::vector<PlaceMention> place_buf_;
  std::vector<uint32_t> object_verbs_;
  std::string text_;
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_v_;
  std::vector<ActorPhrase> phrase_buf_;
  std::vector<RawEvent> raw_;
  std::string last_doc_;
  int next_sentence_ = 0;
  int32_t day_ = 0;
  std::string report_day_iso_;  // the report date as YYYY-MM-DD
  int sentence_base_ = 0;
  size_t sentences_ = 0;
};

}  // namespace dyad
