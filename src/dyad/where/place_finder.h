// PlaceFinder: the places a sentence names as locations — a gazetteer name or
// a country after a locative preposition ("near Azerbaijan's Shusha", "in the
// southern city of Kherson", "through Azerbaijani territory, the Lachin
// Corridor", "in eastern Ukraine"). A capital that is the subject of a verb
// ("Moscow said") is an actor, not a location, and is not reported here.
// Ambiguous names are settled by the countries of the sentence and report,
// an explicit country ("Azerbaijan's", ", Ukraine"), prominence and population.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/actors/actor_dictionary.h"
#include "dyad/actors/actor_phrase.h"
#include "dyad/text/lexicon.h"
#include "dyad/text/token.h"
#include "dyad/when/time_expressions.h"
#include "dyad/where/gazetteer.h"

namespace dyad {

// How a place is tied to its sentence.
enum class PlaceRole : uint8_t {
  Locative,     // "in X", "near X", "through X": where something happened
  Destination,  // "to X": the location only of visits
  Origin,       // "from X": the location only of withdrawals
  Object,       // the direct object of a verb: "shelled Kharkiv", "visited Beijing"
};

struct PlaceMention {
  uint32_t begin = 0, end = 0;  // tokens naming the place
  uint32_t prep = 0;            // the preposition (or, for objects, the verb) that introduces it
  const Place* place = nullptr;
  std::string_view name;        // the name to report (a country's dictionary name for countries)
  PlaceRole role = PlaceRole::Locative;
  bool country_level() const { return place && place->feature == "country"; }
};

// The countries a report has named so far, for settling ambiguous names.
struct ReportCountries {
  std::vector<std::string> codes;
  void add(std::string_view c);
  bool has(std::string_view c) const;
  void clear() { codes.clear(); }
};

class PlaceFinder {
 public:
  // Adds the words the finder looks for to the vocabulary; call while loading.
  static void add_words(Lexicon& lexicon);
  PlaceFinder(const Gazetteer& gazetteer, const ActorDictionary& actors, const Lexicon& lexicon);

  // `object_verbs`: the tokens whose direct objects may be places (the verbs of
  // the sentence's event triggers); objects of other verbs are not read.
  void find(std::string_view text, const std::vector<Token>& tokens, uint32_t first, uint32_t last, int32_t day,
            const std::vector<ActorPhrase>& phrases, const std::vector<TimeMention>& times,
            const std::vector<uint32_t>& object_verbs, const ReportCountries& report, std::vector<PlaceMention>& out);

 private:
  // Longest gazetteer name starting at token j: its end token, or j when none.
  uint32_t longest_name(uint32_t j, Gazetteer::Candidates& found);
  // The best candidate for the name at tokens [b, e); the name itself never counts as context.
  const Place* choose(Gazetteer::Candidates found, std::string_view qualifier, uint32_t b, uint32_t e) const;
  // The object of the preposition at p; appends what it names.
  void object_of(uint32_t p, PlaceRole role, std::vector<PlaceMention>& out);
  bool country_mention(uint32_t j, const ActorMatch& m, uint32_t p, PlaceRole role, std::vector<PlaceMention>& out) const;
  void push(uint32_t begin, uint32_t end, uint32_t prep, const Place* place, std::string_view name, PlaceRole role,
            std::vector<PlaceMention>& out) const;
  bool in_time(uint32_t k) const;
  bool modifies_place_noun(uint32_t k) const;  // token k is a lower-case place noun ("capital", "towns")
  std::string_view country_name(std::string_view iso3) const;  // its first undated dictionary name
  bool is_word(uint32_t k, uint32_t id) const { return k < last_ && (*tokens_)[k].word == id && id != 0; }
  std::string_view token_text(uint32_t k) const {
    return text_.substr((*tokens_)[k].begin, (*tokens_)[k].end - (*tokens_)[k].begin);
  }

  const Gazetteer& gaz_;
  const ActorDictionary& actors_;
  const Lexicon& lex_;
  std::unordered_map<std::string, std::string> country_names_;
  std::vector<uint32_t> locative_, place_nouns_, territory_nouns_, units_, facilities_;
  uint32_t w_to_, w_from_, w_at_, w_of_, w_the_, w_s_, w_and_, w_on_, w_capital_;

  // Per sentence.
  std::string_view text_;
  const std::vector<Token>* tokens_ = nullptr;
  const std::vector<TimeMention>* times_ = nullptr;
  const ReportCountries* report_ = nullptr;
  uint32_t first_ = 0, last_ = 0;
  int32_t day_ = 0;
  struct CountryMention {
    std::string_view country;
    uint32_t begin, end;
    bool domestic;  // police, troops, protesters ...: actors that mostly act at home
  };
  std::vector<CountryMention> sentence_countries_;
  std::string key_;
};

}  // namespace dyad
