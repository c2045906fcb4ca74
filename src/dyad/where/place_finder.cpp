#include "dyad/where/place_finder.h"

#include <algorithm>
#include <cmath>

#include "dyad/where/place_key.h"

namespace dyad {

void ReportCountries::add(std::string_view c) {
  if (!c.empty() && !has(c)) codes.emplace_back(c);
}
bool ReportCountries::has(std::string_view c) const {
  return std::find(codes.begin(), codes.end(), c) != codes.end();
}

namespace {

// Prepositions whose object is where something happened; "to" is a destination.
const char* const kLocative[] = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within",
                                 "along", "through", "into", "toward", "towards", "off", "beyond", "on"};
// Nouns of "the city of X", "the outskirts of X", "north of X".
const char* const kPlaceNouns[] = {"city", "town", "village", "region", "province", "district", "area", "outskirts",
                                   "suburb", "suburbs", "port", "state", "county", "governorate", "oblast",
                                   "municipality", "vicinity", "centre", "center", "heart", "north", "south", "east",
                                   "west", "northeast", "northwest", "southeast", "southwest", "edge", "streets",
                                   "territory", "border", "borders", "coast", "capital", "enclave", "settlement",
                                   "strip", "island", "islands", "part", "parts", "areas", "regions"};
// "Azerbaijani territory", "Syrian airspace": a country's land, sea or air.
const char* const kTerritoryNouns[] = {"territory", "soil", "airspace", "waters", "border", "borders", "side",
                                       "land", "lands", "countryside", "mainland"};
const char* const kUnits[] = {"km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres",
                              "meters", "yards"};

template <size_t N>
std::vector<uint32_t> ids_of(const Lexicon& lex, const char* const (&words)[N]) {
  std::vector<uint32_t> out;
  for (const char* w : words)
    if (uint32_t id = lex.find(w)) out.push_back(id);
  return out;
}

bool contains(const std::vector<uint32_t>& v, uint32_t id) {
  return id && std::find(v.begin(), v.end(), id) != v.end();
}

}  // namespace

void PlaceFinder::add_words(Lexicon& lexicon) {
  for (const char* w : kLocative) lexicon.intern(w);
  for (const char* w : kPlaceNouns) lexicon.intern(w);
  for (const char* w : kTerritoryNouns) lexicon.intern(w);
  for (const char* w : kUnits) lexicon.intern(w);
}

PlaceFinder::PlaceFinder(const Gazetteer& gazetteer, const ActorDictionary& actors, const Lexicon& lexicon)
    : gaz_(gazetteer), actors_(actors) {
  locative_ = ids_of(lexicon, kLocative);
  place_nouns_ = ids_of(lexicon, kPlaceNouns);
  territory_nouns_ = ids_of(lexicon, kTerritoryNouns);
  units_ = ids_of(lexicon, kUnits);
  w_to_ = lexicon.find("to");
  w_from_ = lexicon.find("from");
  w_at_ = lexicon.find("at");
  w_of_ = lexicon.find("of");
  w_the_ = lexicon.find("the");
  w_a_ = lexicon.find("a");
  w_s_ = lexicon.find("'s");
  w_and_ = lexicon.find("and");
  w_on_ = lexicon.find("on");
  for (const ActorEntry& a : actors.entries())
    if (a.kind == ActorKind::Country && a.from == INT32_MIN && a.to == INT32_MAX) country_names_.emplace(a.country, a.phrase);
  w_capital_ = lexicon.find("capital");
}

std::string_view PlaceFinder::country_name(std::string_view iso3) const {
  auto it = country_names_.find(std::string(iso3));
  return it == country_names_.end() ? iso3 : std::string_view(it->second);
}

bool PlaceFinder::in_time(uint32_t k) const {
  for (const TimeMention& t : *times_)
    if (k >= t.begin && k < t.end) return true;
  return false;
}

uint32_t PlaceFinder::longest_name(uint32_t j, Gazetteer::Candidates& found) {
  const std::vector<Token>& tokens = *tokens_;
  uint32_t best = j;
  for (uint32_t e = j + 1; e <= last_ && e <= j + 7; ++e) {
    const Token& t = tokens[e - 1];
    if (t.tag == Tag::Punct || t.tag == Tag::Quote || t.tag == Tag::Dash) break;
    if (e > j + 1 && t.tag == Tag::Hyph) continue;  // a hyphen joins; the key treats it as a space
    place_key(text_.substr(tokens[j].begin, t.end - tokens[j].begin), key_);
    if (key_.empty()) break;
    Gazetteer::Candidates c = gaz_.find(key_);
    if (!c.empty()) {
      best = e;
      found = c;
    }
    if (!gaz_.has_longer(key_)) break;
  }
  return best;
}

const Place* PlaceFinder::choose(Gazetteer::Candidates found, std::string_view qualifier, uint32_t b,
                                 uint32_t e) const {
  const Place* best = nullptr;
  double best_score = -1e9;
  for (uint32_t id : found) {
    const Place& p = gaz_.place(id);
    std::string_view c = p.country_sv();
    bool in_sentence = false;
    for (const CountryMention& m : sentence_countries_)
      if (m.country == c && (m.end <= b || m.begin >= e)) in_sentence = true;
    bool in_report = report_->has(c);
    // Prominence first; the text's countries break near ties ("Tripoli" with "Lebanese").
    double score = p.rank + std::log10(double(p.population) + 1.0);
    if (p.geonames_id == 0) score += 5;  // a project-written feature: chosen for news use
    if (!qualifier.empty() && c == qualifier) score += 8;
    if (in_sentence) score += 2.5;
    else if (in_report) score += 1.5;
    // Villages that share a name with something common need the text's support.
    bool supported = in_sentence || in_report || (!qualifier.empty() && c == qualifier);
    if (p.rank == 0 && p.population < 20000 && !supported && p.geonames_id != 0) continue;
    if (score > best_score) {
      best_score = score;
      best = &p;
    }
  }
  return best;
}

void PlaceFinder::push(uint32_t begin, uint32_t end, uint32_t prep, const Place* place, std::string_view name,
                       PlaceRole role, std::vector<PlaceMention>& out) const {
  PlaceMention pm;
  pm.begin = begin;
  pm.end = end;
  pm.prep = prep;
  pm.place = place;
  pm.name = name;
  pm.role = role;
  out.push_back(pm);
}

bool PlaceFinder::country_mention(uint32_t j, const ActorMatch& m, uint32_t p, PlaceRole role,
                                  std::vector<PlaceMention>& out) const {
  const Place* c = gaz_.country(m.entry->country);
  if (!c) return false;
  push(j, m.end, p, c, m.entry->phrase, role, out);
  return true;
}

void PlaceFinder::object_of(uint32_t p, PlaceRole role, std::vector<PlaceMention>& out) {
  const std::vector<Token>& tokens = *tokens_;
  std::string_view qualifier;  // a country the text ties the place to
  uint32_t j = p + 1;
  bool needs_noun = role == PlaceRole::Locative && is_word(p, w_on_), saw_place_noun = false;
  size_t before = out.size();
  for (int steps = 0; j < last_ && steps < 10; ++steps) {
    const Token& t = tokens[j];
    if (in_time(j)) return;
    bool caps = t.has(kCapitalized);
    if (!caps) {
      if (t.tag == Tag::DT || t.tag == Tag::PRPS || t.tag == Tag::CD || t.tag == Tag::Hyph ||
          ((is_adj(t.tag) || t.tag == Tag::VBN) && j + 1 < last_)) {
        ++j;
        continue;
      }
      if (contains(units_, t.word) || (is_noun(t.tag) && j + 1 < last_ && tokens[j + 1].tag == Tag::Hyph)) {
        ++j;  // "30 km", "rebel-held"
        continue;
      }
      if (contains(place_nouns_, t.word) && is_word(j + 1, w_of_)) {
        j += 2;
        saw_place_noun = true;
        continue;
      }
      if (!qualifier.empty() && contains(territory_nouns_, t.word)) {
        // "Azerbaijani territory": the country itself, unless an appositive names the place.
        if (const Place* c = gaz_.country(qualifier)) {
          push(j, j + 1, p, c, country_name(qualifier), role, out);
          j += 1;
        }
        break;
      }
      if (!qualifier.empty() && t.word == w_capital_ && !is_word(j + 1, w_of_)) {  // "the Ukrainian capital"
        if (const Place* c = gaz_.capital(qualifier)) {
          push(j, j + 1, p, c, c->name, role, out);
          j += 1;
        }
        break;
      }
      return;
    }
    // A capitalised word: a dictionary actor, a place, or neither. "on" locates only
    // through a noun ("on the outskirts of Kyiv"), never directly ("sanctions on Moscow").
    if (needs_noun && !saw_place_noun) return;
    ActorMatch am = actors_.match(tokens, j, last_, day_);
    Gazetteer::Candidates found;
    uint32_t g_end = longest_name(j, found);
    if (am.entry && am.end >= g_end) {
      ActorKind kind = am.entry->kind;
      if (kind == ActorKind::Country && is_word(am.end, w_s_)) {  // "Azerbaijan's Shusha"
        qualifier = am.entry->country;
        j = am.end + 1;
        continue;
      }
      if (kind == ActorKind::Adjective) {  // "Russian-occupied Melitopol", "Azerbaijani territory"
        qualifier = am.entry->country;
        j = am.end;
        continue;
      }
      if (kind == ActorKind::Country) {
        // "fired missiles at Israel": a country after "at" is a target, never a location.
        if (!is_word(p, w_at_)) country_mention(j, am, p, role, out);
        j = am.end;
        break;
      }
      if (kind == ActorKind::Capital && g_end <= j) {  // "at the Kremlin": the capital city
        if (const Place* c = gaz_.capital(am.entry->country)) push(j, am.end, p, c, c->name, role, out);
        j = am.end;
        break;
      }
      if (g_end <= j) return;  // a person, organisation or agent
    }
    // "Kashmir's Poonch district": a place's possessive ties the next name to its country.
    if (g_end > j && is_word(g_end, w_s_) && g_end + 1 < last_ && tokens[g_end + 1].has(kCapitalized)) {
      if (const Place* owner = choose(found, qualifier, j, g_end); owner && owner->country[0]) {
        qualifier = owner->country_sv();
        j = g_end + 1;
        continue;
      }
    }
    // "the Nagorno-Karabakh issue", "the Gaza ceasefire": a name modifying a noun is no location.
    if (g_end > j && g_end < last_ && !tokens[g_end].has(kCapitalized) && is_noun(tokens[g_end].tag) &&
        !contains(place_nouns_, tokens[g_end].word) && !in_time(g_end))
      return;
    // "a former Green Beret": a name that runs on past the place's is not the place.
    if (g_end > j && g_end < last_ && tokens[g_end].has(kCapitalized) && !in_time(g_end)) return;
    // "the Old City of Mosul": the part lies in the place named after "of".
    if (g_end > j && is_word(g_end, w_of_) && g_end + 1 < last_ && tokens[g_end + 1].has(kCapitalized)) {
      Gazetteer::Candidates whole;
      uint32_t e2 = longest_name(g_end + 1, whole);
      if (e2 > g_end + 1) {
        found = whole;
        j = g_end + 1;
        g_end = e2;
      }
    }
    if (g_end > j) {
      // "Kherson, Ukraine": a country after a comma settles the name.
      std::string_view after_comma;
      if (g_end + 1 < last_ && token_text(g_end) == ",") {
        ActorMatch cm = actors_.match(tokens, g_end + 1, last_, day_);
        if (cm.entry && cm.entry->kind == ActorKind::Country) after_comma = cm.entry->country;
      }
      const Place* place = choose(found, !after_comma.empty() ? after_comma : qualifier, j, g_end);
      if (place) {
        push(j, g_end, p, place, place->name, role, out);
      }
      j = g_end;
    }
    break;
  }
  if (out.size() == before) return;
  // "through Azerbaijani territory, the Lachin Corridor": an appositive names the place exactly.
  // "in Kyiv and Kharkiv": a second place of the same preposition.
  uint32_t k = j;
  if (k < last_ && (token_text(k) == "," || is_word(k, w_and_))) {
    ++k;
    if (is_word(k, w_the_)) ++k;
    if (k < last_ && tokens[k].has(kCapitalized)) {
      Gazetteer::Candidates found;
      uint32_t e = longest_name(k, found);
      ActorMatch am = actors_.match(tokens, k, last_, day_);
      if (e > k && !(am.entry && am.end >= e)) {
        if (const Place* place = choose(found, qualifier, k, e)) {
          push(k, e, p, place, place->name, role, out);
        }
      }
    }
  }
}

void PlaceFinder::find(std::string_view text, const std::vector<Token>& tokens, uint32_t first, uint32_t last,
                       int32_t day, const std::vector<ActorPhrase>& phrases, const std::vector<TimeMention>& times,
                       const ReportCountries& report, std::vector<PlaceMention>& out) {
  out.clear();
  text_ = text;
  tokens_ = &tokens;
  times_ = &times;
  report_ = &report;
  first_ = first;
  last_ = last;
  day_ = day;
  sentence_countries_.clear();
  for (const ActorPhrase& ph : phrases)
    for (int m = 0; m < ph.count; ++m)
      sentence_countries_.push_back({ph.members[m].country_sv(), ph.members[m].begin, ph.members[m].end});
  for (uint32_t k = first; k + 1 < last; ++k) {
    const Token& t = tokens[k];
    if (is_verb(t.tag) && !in_time(k + 1) && tokens[k + 1].tag != Tag::IN && tokens[k + 1].tag != Tag::TO) {
      object_of(k, PlaceRole::Object, out);
      continue;
    }
    if (t.tag != Tag::IN && t.tag != Tag::TO && t.tag != Tag::RB && t.tag != Tag::RP) continue;
    PlaceRole role = t.word == w_to_ ? PlaceRole::Destination
                     : t.word == w_from_ ? PlaceRole::Origin
                                         : PlaceRole::Locative;
    if (role == PlaceRole::Locative && !contains(locative_, t.word)) continue;
    if (in_time(k + 1)) continue;
    object_of(k, role, out);
  }
}

}  // namespace dyad
