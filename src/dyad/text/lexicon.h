// Lexicon: the vocabulary shared by every stage (each distinct lower-cased
// word gets an id once, so tries and pattern indexes compare integers), with
// what WordNet knows about each word: which parts of speech it has and how
// often each was seen in WordNet's tagged corpus. Closed-class English words
// (determiners, pronouns, auxiliaries ...) are built in. analyze() does
// WordNet-style morphology (exception lists, then suffix rules checked
// against the index) to find lemmas of inflected forms.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/text/token.h"
#include "dyad/util/cache_file.h"
#include "dyad/util/string_map.h"

namespace dyad {

enum WordNetPos : uint8_t { kWnNoun = 1, kWnVerb = 2, kWnAdj = 4, kWnAdv = 8 };

struct WordInfo {
  uint8_t wn_pos = 0;        // WordNetPos bits: the word is a lemma of these parts of speech
  Tag closed = Tag::None;    // closed-class tag, if the word is a function word
  uint16_t unused = 0;       // explicit padding: the record is saved byte for byte in the coder cache
  uint32_t closed_lemma = 0; // lemma of a function word ("was" -> "be")
  uint16_t freq[4] = {0, 0, 0, 0};  // WordNet tagged-sense counts: noun, verb, adj, adv
};

// Inflectional readings of a lower-case form.
enum FormBits : uint16_t {
  kNounSg = 1, kNounPl = 2, kVerbBase = 4, kVerbS = 8, kVerbPast = 16, kVerbIng = 32, kAdj = 64, kAdv = 128,
  kAdjComp = 256, kAdjSup = 512,
};

struct Analysis {
  uint16_t forms = 0;
  uint32_t noun_lemma = 0, verb_lemma = 0, adj_lemma = 0;
};

class Lexicon {
 public:
  Lexicon();
  // Loads index.{noun,verb,adj,adv} and the *.exc files from a WordNet database directory.
  bool load_wordnet(const std::string& dir, std::string& error);
  // The files load_wordnet reads, in order (the coder cache's key covers them).
  static std::vector<std::string> wordnet_files(const std::string& dir);

  uint32_t intern(std::string_view lower);
  uint32_t find(std::string_view lower) const {
    const uint32_t* id = ids_.find(lower);
    return id ? *id : 0;
  }
  const WordInfo& info(uint32_t id) const { return info_[id]; }
  std::string_view word(uint32_t id) const { return words_[id]; }
  size_t size() const { return words_.size(); }

  // Readings of an open-class lower-case form (uncached; the tagger caches).
  Analysis analyze(std::string_view lower) const;

  // Snapshot for the coder cache; load() replaces everything (its strings point into the cache).
  void save(CacheWriter& w) const;
  void load(CacheReader& r);

  uint32_t id_be() const { return be_; }
  uint32_t id_have() const { return have_; }
  uint32_t id_do() const { return do_; }

 private:
  void add_closed(std::string_view word, Tag tag, std::string_view lemma);
  bool load_index(const std::string& path, int pos, std::string& error);
  bool load_exceptions(const std::string& path, int pos, std::string& error);
  bool is_lemma(std::string_view w, uint8_t pos) const {
    uint32_t id = find(w);
    return id && (info_[id].wn_pos & pos);
  }

  StringMap<uint32_t> ids_;
  std::vector<std::string_view> words_;
  std::vector<WordInfo> info_;
  // Irregular forms from WordNet's exception lists: form -> lemma id, per part of speech.
  StringMap<uint32_t> noun_exc_, verb_exc_, adj_exc_;
  uint32_t be_ = 0, have_ = 0, do_ = 0;
};

}  // namespace dyad
