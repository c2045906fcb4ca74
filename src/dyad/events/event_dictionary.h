// EventDictionary: verb and event-noun patterns (data/events/*.txt, format in
// docs/dictionaries.md) indexed by the lemma of their head word, so the coder
// only tries the handful of patterns whose head matches a token.
#pragma once

#include <string>
#include <vector>

#include "dyad/events/cameo_table.h"
#include "dyad/text/lexicon.h"
#include "dyad/util/cache_file.h"
#include "dyad/util/dict_file.h"
#include "dyad/util/string_map.h"
#include "dyad/util/u64_map.h"

namespace dyad {

enum class PatternKind : uint8_t { Verb, Noun };

struct PatternElement {
  enum Type : uint8_t { Word, Set, Gap, Target, Source } type = Word;
  uint32_t id = 0;  // word id (Word) or set index (Set)
};

struct EventPattern {
  PatternKind kind = PatternKind::Verb;
  const CameoCode* cameo = nullptr;
  uint32_t head = 0;                     // lemma id of the head word (0 when the head is a set)
  uint32_t head_set = 0;                 // set index when the pattern starts with &set
  std::vector<PatternElement> rest;      // elements after the head
  bool passive = false;                  // written "be VERB ...": matches the passive itself
  int weight = 0;                        // specificity: more words beat fewer
  std::string text, file;
  int line = 0;
};

class EventDictionary {
 public:
  // Loads every *.txt in `dir`. Later files (and later calls) layer over earlier ones:
  // the same pattern text with a new code replaces the old one.
  bool load_dir(const std::string& dir, Lexicon& lexicon, const CameoTable& cameo, std::vector<DictError>& errors);
  bool load_file(const std::string& path, Lexicon& lexicon, const CameoTable& cameo, std::vector<DictError>& errors);
  bool add_line(const std::string& line, const std::string& file, int no, Lexicon& lexicon, const CameoTable& cameo,
                std::vector<DictError>& errors);

  // Patterns whose head is `lemma` (empty if none).
  const std::vector<uint32_t>& candidates(PatternKind kind, uint32_t lemma) const;
  const EventPattern& pattern(uint32_t i) const { return patterns_[i]; }
  bool in_set(uint32_t set, uint32_t word) const { return set_members_.get((uint64_t(set) << 32) | word) != 0; }
  // Verbs of reported speech: single-word statement (CAMEO 01x) verb patterns.
  bool is_speech_verb(uint32_t lemma) const { return speech_.get(lemma) != 0; }
  size_t size() const { return patterns_.size(); }
  const std::vector<EventPattern>& patterns() const { return patterns_; }

  // Snapshot for the coder cache; load() replaces everything (CAMEO codes are
  // looked up again in `cameo`).
  void save(CacheWriter& w) const;
  void load(CacheReader& r, const CameoTable& cameo);

 private:
  std::vector<EventPattern> patterns_;
  StringMap<uint32_t> by_text_;  // "verb|meet with +" -> pattern index, for layering
  std::vector<std::vector<uint32_t>> by_head_[2];
  StringMap<uint32_t> set_ids_;  // "&talks" -> set index + 1
  std::vector<std::vector<uint32_t>> set_words_;  // set index -> member word ids
  U64Map set_members_;
  U64Map speech_;
  std::vector<uint32_t> empty_;
};

}  // namespace dyad
