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
const char* const kPlaceNouns[] = {"city", "cities", "town", "towns", "village", "villages", "region", "province",
                                   "provinces", "district", "districts", "neighbourhood", "neighbourhoods",
                                   "neighborhood", "neighborhoods", "area", "outskirts", "control",
                                   "suburb", "suburbs", "port", "state", "county", "governorate", "oblast",
                                   "municipality", "vicinity", "centre", "center", "heart", "north", "south", "east",
                                   "west", "northeast", "northwest", "southeast", "southwest", "edge", "streets",
                                   "territory", "border", "borders", "coast", "capital", "enclave", "settlement",
                                   "strip", "island", "islands", "part", "parts", "areas", "regions"};
// "Azerbaijani territory", "Syrian airspace": a country's land, sea or air.
const char* const kTerritoryNouns[] = {"territory", "soil", "airspace", "waters", "border", "borders", "side",
                                       "land", "lands", "countryside", "mainland"};
// "Baghdad International Airport": a facility named after its city lies in or by it.
const char* const kFacilities[] = {"airport", "airbase", "base", "port", "harbour", "harbor", "station", "bridge",
                                   "dam", "hospital", "university", "stadium", "square", "palace", "prison",
                                   "cathedral", "mosque", "church", "market", "camp", "plant", "refinery"};
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
  for (const char* w : kFacilities) lexicon.intern(w);
}

PlaceFinder::PlaceFinder(const Gazetteer& gazetteer, const ActorDictionary& actors, const Lexicon& lexicon)
    : gaz_(gazetteer), actors_(actors), lex_(lexicon) {
  locative_ = ids_of(lexicon, kLocative);
  place_nouns_ = ids_of(lexicon, kPlaceNouns);
  territory_nouns_ = ids_of(lexicon, kTerritoryNouns);
  units_ = ids_of(lexicon, kUnits);
  facilities_ = ids_of(lexicon, kFacilities);
  w_to_ = lexicon.find("to");
  w_from_ = lexicon.find("from");
  w_at_ = lexicon.find("at");
  w_of_ = lexicon.find("of");
  w_the_ = lexicon.find("the");
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

bool PlaceFinder::modifies_place_noun(uint32_t k) const {
  return k < last_ && !(*tokens_)[k].has(kCapitalized) && contains(place_nouns_, (*tokens_)[k].word);
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
  const Token& first = (*tokens_)[b];
  bool common_word = e == b + 1 && first.word && lex_.info(first.word).wn_pos != 0;
  const Place* best = nullptr;
  double best_score = -1e9;
  for (uint32_t id : found) {
    const Place& p = gaz_.place(id);
    std::string_view c = p.country_sv();
    // The sentence's actors: police, troops or protesters of a country mostly act at home
    // ("Spanish police ... in Cordoba"); a government acts anywhere ("talks in Geneva").
    double context = 0;
    for (const CountryMention& m : sentence_countries_)
      if (m.country == c && (m.end <= b || m.begin >= e)) context = std::max(context, m.domestic ? 2.5 : 1.25);
    if (context == 0 && report_->has(c)) context = 1.0;
    // Prominence: population on a log scale, a little more for capitals and provincial seats.
    static const double kRankBonus[] = {0, 0.5, 0.5, 1.0, 1.5};
    double score = std::log10(double(p.population) + 1.0) + kRankBonus[std::min<int>(p.rank, 4)] + context;
    if (p.geonames_id == 0) score = 7 + context;  // a project-written feature: as prominent as a large city
    if (!qualifier.empty() && c == qualifier) score += 8;
    // Small places named like an English word ("Mission", "Independence") need the text's support.
    bool supported = context > 0 || (!qualifier.empty() && c == qualifier);
    if (!supported && p.rank == 0 && p.geonames_id != 0 &&
        (p.population < 5000 || (common_word && p.population < 20000)))
      continue;
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
  int modifiers = 0;
  const Place* owner = nullptr;  // "Odesa's Transfiguration Cathedral": Odesa, when the rest names nothing
  uint32_t owner_begin = 0, owner_end = 0;
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
      // Other modifiers of a head still to come: "the last rebel-held districts of ...".
      if ((is_noun(t.tag) || t.tag == Tag::VBG) && modifiers++ < 3 && j + 1 < last_ &&
          !tokens[j + 1].has(kCapitalized) && (is_noun(tokens[j + 1].tag) || is_adj(tokens[j + 1].tag))) {
        ++j;
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
      if (g_end <= j && !modifies_place_noun(am.end)) break;  // a person, organisation or agent
    }
    // "the Tigrayan capital of Mekelle", "Kurdish towns": a name modifying a place noun.
    if (g_end <= j) {
      uint32_t run = am.entry ? am.end : j + 1;
      if (modifies_place_noun(run)) {
        j = run;
        continue;
      }
    }
    // "Kashmir's Poonch district": a place's possessive ties the next name to its country.
    if (g_end > j && is_word(g_end, w_s_) && g_end + 1 < last_ && tokens[g_end + 1].has(kCapitalized)) {
      if (const Place* o = choose(found, qualifier, j, g_end); o && o->country[0]) {
        owner = o;
        owner_begin = j;
        owner_end = g_end;
        qualifier = o->country_sv();
        j = g_end + 1;
        continue;
      }
    }
    // "the Nagorno-Karabakh issue", "the Gaza ceasefire": a name modifying a noun is no location.
    if (g_end > j && g_end < last_ && !tokens[g_end].has(kCapitalized) && is_noun(tokens[g_end].tag) &&
        !contains(place_nouns_, tokens[g_end].word) && !in_time(g_end))
      return;
    // "a former Green Beret": a name that runs on past the place's is not the place,
    // unless it names a facility there ("Baghdad International Airport").
    if (g_end > j && g_end < last_ && tokens[g_end].has(kCapitalized) && !in_time(g_end)) {
      bool facility = false;
      for (uint32_t k = g_end; k < last_ && k < g_end + 4 && tokens[k].has(kCapitalized); ++k)
        facility = facility || contains(facilities_, tokens[k].word);
      if (!facility) break;
    }
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
      // "Paris, Texas": so does a region of a country.
      std::string_view after_comma;
      if (g_end + 1 < last_ && token_text(g_end) == ",") {
        ActorMatch cm = actors_.match(tokens, g_end + 1, last_, day_);
        Gazetteer::Candidates region;
        uint32_t re = longest_name(g_end + 1, region);
        if (cm.entry && cm.entry->kind == ActorKind::Country && cm.end >= re) {
          after_comma = cm.entry->country;
        } else if (re > g_end + 1) {
          for (uint32_t id : region)
            if (gaz_.place(id).feature == "region" && gaz_.place(id).country[0]) after_comma = gaz_.place(id).country_sv();
        }
      }
      const Place* place = choose(found, !after_comma.empty() ? after_comma : qualifier, j, g_end);
      if (place) {
        push(j, g_end, p, place, place->name, role, out);
      }
      j = g_end;
    }
    break;
  }
  if (out.size() == before && owner) push(owner_begin, owner_end, p, owner, owner->name, role, out);
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
                       const std::vector<uint32_t>& object_verbs, const ReportCountries& report,
                       std::vector<PlaceMention>& out) {
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
    for (int m = 0; m < ph.count; ++m) {
      std::string_view sector = ph.members[m].sector_sv();
      sentence_countries_.push_back({ph.members[m].country_sv(), ph.members[m].begin, ph.members[m].end,
                                     !sector.empty() && sector != "GOV"});
    }
  for (uint32_t k = first; k + 1 < last; ++k) {
    const Token& t = tokens[k];
    if (is_verb(t.tag) && !in_time(k + 1) && tokens[k + 1].tag != Tag::IN && tokens[k + 1].tag != Tag::TO &&
        std::find(object_verbs.begin(), object_verbs.end(), k) != object_verbs.end()) {
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
