// ActorDictionary: the actor entries of data/actors/*.txt (format in
// docs/dictionaries.md), compiled into a trie over vocabulary ids so that
// matching a sentence costs one hash probe per token and the longest
// multi-word name wins.
#pragma once

#include <climits>
#include <cstdint>
#include <string>
#include <vector>

#include "dyad/text/lexicon.h"
#include "dyad/text/token.h"
#include "dyad/util/cache_file.h"
#include "dyad/util/dict_file.h"
#include "dyad/util/u64_map.h"

namespace dyad {

enum class ActorKind : uint8_t { Country, Adjective, Capital, Person, Org, Agent };
const char* actor_kind_name(ActorKind k);

struct ActorEntry {
  ActorKind kind = ActorKind::Country;
  std::string country;  // ISO alpha-3 or IGO/NGO/...; empty for agents
  std::string sector;   // GOV, MIL, ...; empty when the entry gives none
  int32_t from = INT32_MIN, to = INT32_MAX;  // validity, days since 1970-01-01 (inclusive)
  std::string phrase;   // as written in the file
  std::string file;
  int line = 0;
  bool generated = false;  // a regular plural the loader added for an agent
  bool valid_on(int32_t day) const { return day >= from && day <= to; }
};

// A dictionary match over tokens [begin, end).
struct ActorMatch {
  uint32_t begin = 0, end = 0;
  const ActorEntry* entry = nullptr;
};

class ActorDictionary {
 public:
  explicit ActorDictionary(Lexicon& lexicon) : lex_(lexicon) { nodes_.emplace_back(); }

  // Loads every *.txt in `dir`; entries of later calls are layered over earlier ones.
  // Returns false and fills `errors` on any malformed line (nothing is half-loaded
  // from a bad line; the caller decides whether to stop).
  bool load_dir(const std::string& dir, std::vector<DictError>& errors);
  bool load_file(const std::string& path, std::vector<DictError>& errors);
  // Parses one entry line; used by load_file and tests.
  bool add_line(const std::string& line, const std::string& file, int line_no, std::vector<DictError>& errors);

  // Longest match starting at token k (within [k, end)); day picks dated entries (INT32_MIN: undated).
  ActorMatch match(const std::vector<Token>& tokens, uint32_t k, uint32_t end, int32_t day) const;

  const std::vector<ActorEntry>& entries() const { return entries_; }

  // Snapshot for the coder cache; load() replaces everything.
  void save(CacheWriter& w) const;
  void load(CacheReader& r);

 private:
  struct Node {
    std::vector<uint32_t> entries;  // entry indexes ending here
    uint8_t caps = 2;  // token on the edge into this node: 0 any case, 1 capitalised, 2 in capitals
  };
  void add_phrase(const std::vector<uint32_t>& words, const std::vector<uint8_t>& caps, uint32_t entry);

  Lexicon& lex_;
  std::vector<ActorEntry> entries_;
  std::vector<Node> nodes_;
  U64Map edges_;  // (node << 32 | word) -> child node
};

}  // namespace dyad
