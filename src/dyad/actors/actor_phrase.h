// Actor phrases: the actors a sentence names, after combining dictionary
// matches the way news language does. "Russian" + "peacekeepers" is RUS/MIL;
// "activists from Azerbaijan" is AZE/CVL; "Russia, Armenia, and Azerbaijan"
// and "Armenian-Azerbaijani" are compounds with one member per country;
// "she" and "the two countries" point back to earlier actors of the report.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "dyad/actors/actor_dictionary.h"
#include "dyad/text/lexicon.h"
#include "dyad/text/token.h"

namespace dyad {

struct ActorMember {
  char country[4] = {0, 0, 0, 0};
  char sector[4] = {0, 0, 0, 0};
  uint32_t begin = 0, end = 0;  // tokens naming this member (within the sentence)
  bool person = false;
  std::string_view country_sv() const { return std::string_view(country); }
  std::string_view sector_sv() const { return std::string_view(sector); }
  bool same_actor(const ActorMember& o) const {
    return country_sv() == o.country_sv() && sector_sv() == o.sector_sv();
  }
};

struct ActorPhrase {
  static constexpr int kMaxMembers = 8;
  uint32_t begin = 0, end = 0;  // token range of the whole phrase
  uint32_t head = 0;            // token of the phrase's head noun or name
  ActorMember members[kMaxMembers];
  uint8_t count = 0;
  bool pronoun = false;         // resolved from a pronoun or "the two countries"
  bool plural = false;
  void add(const ActorMember& m) {
    for (int i = 0; i < count; ++i)
      if (members[i].same_actor(m)) return;
    if (count < kMaxMembers) members[count++] = m;
  }
};

// What earlier sentences of a report said, for pronouns. Reset per report.
struct DiscourseMemory {
  ActorPhrase last_person, last_group, last_pair;
  bool has_person = false, has_group = false, has_pair = false;
  void clear() { *this = DiscourseMemory(); }
};

class ActorPhraseBuilder {
 public:
  ActorPhraseBuilder(const ActorDictionary& dict, const Lexicon& lexicon);

  // Finds the actor phrases of tokens[first, last), in order. `day` picks dated entries.
  void build(std::string_view text, const std::vector<Token>& tokens, uint32_t first, uint32_t last, int32_t day,
             DiscourseMemory& memory, std::vector<ActorPhrase>& out);

 private:
  struct Unit {  // one or more matches that name a single actor
    uint32_t begin, end, head;
    ActorMember member;
    bool has_country = false, agent_only = false, adjective_only = false, plural = false;
    bool bare_country = false;  // a country or capital name on its own (its sector is only the default GOV)
    bool agent_pp = false;      // "ministers of Russia": the sector came from an agent before a preposition
    bool organisation = false;  // an org entry: its code is its own, agents do not change it
  };
  void match_units(const std::vector<Token>& tokens, uint32_t first, uint32_t last, int32_t day);

  const ActorDictionary& dict_;
  const Lexicon& lex_;
  std::vector<ActorMatch> matches_;
  std::vector<Unit> units_;
  // Vocabulary ids of the function words the rules look for (all in the lexicon's closed
  // class or WordNet, so none is 0).
  uint32_t w_of_, w_for_, w_from_, w_in_, w_and_, w_or_, w_the_, w_s_, w_apos_, w_two_, w_both_, w_country_, w_side_,
      w_nation_, w_he_, w_she_, w_him_, w_her_, w_they_, w_them_, w_at_, w_it_;
};

// True for words like "group", "number", "thousands" in "a group of activists" (any case).
bool is_partitive(std::string_view word);

}  // namespace dyad
