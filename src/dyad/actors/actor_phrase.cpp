#include "dyad/actors/actor_phrase.h"

#include <algorithm>
#include <cstring>

#include "dyad/util/strings.h"

namespace dyad {

namespace {

void copy_code(char (&dst)[4], std::string_view src) {
  size_t n = std::min<size_t>(3, src.size());
  std::memcpy(dst, src.data(), n);
  dst[n] = 0;
}

const char* const kPartitives[] = {"group", "groups", "number", "dozens", "hundreds", "thousands", "millions",
                                   "tens", "scores", "dozen", "hundred", "thousand", "million", "handful",
                                   "member", "members", "team", "delegation", "some", "many", "most", "part",
                                   "representatives", "representative", "head", "leader", "leaders", "chief",
                                   "army", "unit", "units", "band", "crowd", "coalition", "alliance", "bloc",
                                   "contingent", "battalion", "brigade", "faction", "wing", nullptr};

bool is_modifier(Tag t) { return is_adj(t) || t == Tag::NN || t == Tag::NNP || t == Tag::VBN || t == Tag::Hyph || t == Tag::CD; }

}  // namespace

bool is_partitive(std::string_view word) {
  // Compared on the text, case-insensitively: plurals like "thousands" have no vocabulary id.
  for (const char* const* p = kPartitives; *p; ++p) {
    std::string_view w(*p);
    if (w.size() != word.size()) continue;
    bool same = true;
    for (size_t i = 0; i < w.size() && same; ++i) same = ascii_lower(word[i]) == w[i];
    if (same) return true;
  }
  return false;
}

ActorPhraseBuilder::ActorPhraseBuilder(const ActorDictionary& dict, const Lexicon& lexicon) : dict_(dict), lex_(lexicon) {
  auto id = [&](const char* w) { return lex_.find(w); };
  w_of_ = id("of"); w_for_ = id("for"); w_from_ = id("from"); w_in_ = id("in"); w_and_ = id("and");
  w_or_ = id("or"); w_the_ = id("the"); w_s_ = id("'s"); w_apos_ = id("'"); w_two_ = id("two");
  w_both_ = id("both"); w_country_ = id("country"); w_side_ = id("side"); w_nation_ = id("nation"); w_he_ = id("he");
  w_she_ = id("she"); w_him_ = id("him"); w_her_ = id("her"); w_they_ = id("they"); w_them_ = id("them"); w_it_ = id("it");
  w_at_ = id("at");
}

void ActorPhraseBuilder::match_units(const std::vector<Token>& tokens, uint32_t first, uint32_t last, int32_t day) {
  matches_.clear();
  for (uint32_t k = first; k < last;) {
    ActorMatch m = dict_.match(tokens, k, last, day);
    if (m.entry) {
      matches_.push_back(m);
      k = m.end;
    } else {
      ++k;
    }
  }
  units_.clear();
  for (const ActorMatch& m : matches_) {
    const ActorEntry& e = *m.entry;
    Unit u{};
    u.begin = m.begin;
    u.end = m.end;
    u.head = m.end - 1;
    u.member.begin = m.begin;
    u.member.end = m.end;
    switch (e.kind) {
      case ActorKind::Agent:
        u.agent_only = true;
        copy_code(u.member.sector, e.sector);
        u.plural = is_noun(tokens[m.end - 1].tag) && (tokens[m.end - 1].tag == Tag::NNS);
        break;
      case ActorKind::Adjective:
        u.adjective_only = true;
        u.has_country = true;
        copy_code(u.member.country, e.country);
        break;
      case ActorKind::Country:
      case ActorKind::Capital:
        u.has_country = true;
        copy_code(u.member.country, e.country);
        copy_code(u.member.sector, e.sector.empty() ? "GOV" : e.sector);
        u.bare_country = e.sector.empty();
        break;
      case ActorKind::Person:
      case ActorKind::Org:
        u.has_country = true;
        copy_code(u.member.country, e.country);
        copy_code(u.member.sector, e.sector);
        u.member.person = e.kind == ActorKind::Person;
        u.plural = e.kind == ActorKind::Org;
        u.organisation = e.kind == ActorKind::Org;
        break;
    }
    units_.push_back(u);
  }
}

void ActorPhraseBuilder::build(std::string_view text, const std::vector<Token>& tokens, uint32_t first, uint32_t last,
                               int32_t day, DiscourseMemory& memory, std::vector<ActorPhrase>& out) {
  out.clear();
  match_units(tokens, first, last, day);

  // 1. Merge units that name one actor: "Russian Foreign Ministry", "Azerbaijan's troops",
  //    "Prime Minister Nikol Pashinyan", "activists from Azerbaijan".
  std::vector<Unit> merged;
  merged.reserve(units_.size());
  for (size_t i = 0; i < units_.size(); ++i) {
    Unit u = units_[i];
    while (i + 1 < units_.size()) {
      const Unit& v = units_[i + 1];
      // Tokens between u and v.
      uint32_t gap_begin = u.end, gap_end = v.begin;
      bool modifiers_only = true;
      for (uint32_t k = gap_begin; k < gap_end; ++k) modifiers_only = modifiers_only && is_modifier(tokens[k].tag);
      // "Azerbaijan's troops", "Taiwan's Vice Foreign Minister": a possessive, then modifiers.
      bool possessive = gap_end > gap_begin && (tokens[gap_begin].word == w_s_ || tokens[gap_begin].word == w_apos_);
      for (uint32_t k = gap_begin + 1; possessive && k < gap_end; ++k) possessive = is_modifier(tokens[k].tag);
      if ((u.has_country && !u.member.person) && v.agent_only && gap_end - gap_begin <= 3 && (modifiers_only || possessive)) {
        // Country or adjective + agent; an organisation keeps its own code ("U.N. envoy").
        if (!u.organisation) copy_code(u.member.sector, v.member.sector_sv());
        u.adjective_only = false;
        u.bare_country = false;
        u.end = v.end;
        u.head = v.head;
        u.member.end = v.end;
        u.plural = v.plural;
        ++i;
        continue;
      }
      if ((u.agent_only || (u.has_country && !u.member.person)) && v.member.person && gap_end == gap_begin) {
        // Title + name: the person's own entry wins.
        Unit p = v;
        p.begin = u.begin;
        p.member.begin = u.begin;
        u = p;
        ++i;
        continue;
      }
      if (u.agent_only && !v.agent_only && !v.member.person && v.has_country) {
        // Agent + of/for/from/in + [the] + country: the country's agent. Compounds after the
        // preposition are handled in step 2, which copies the sector to every member.
        uint32_t k = gap_begin;
        bool prep = k < gap_end && (tokens[k].word == w_of_ || tokens[k].word == w_for_ || tokens[k].word == w_from_ ||
                                    tokens[k].word == w_in_ || tokens[k].word == w_at_);
        if (prep) ++k;
        while (k < gap_end && (tokens[k].word == w_the_ || is_modifier(tokens[k].tag))) ++k;
        if (prep && k == gap_end) {
          Unit w = v;
          if (!w.member.sector[0] || w.adjective_only || std::string_view(w.member.sector) == "GOV")
            copy_code(w.member.sector, u.member.sector_sv());
          w.adjective_only = false;
          w.begin = u.begin;
          w.member.begin = u.begin;
          w.head = u.head;
          w.plural = u.plural;
          w.agent_only = false;
          w.bare_country = false;
          w.agent_pp = true;
          // Remember the agent's sector for compound members that follow.
          u = w;
          ++i;
          continue;
        }
      }
      break;
    }
    merged.push_back(u);
  }

  // A national adjective before a place noun names a place, not an actor: "the Thai border".
  static const char* const kPlaceNouns[] = {"border", "borders", "frontier", "territory", "territories", "soil",
                                            "airspace", "waters", "coast", "city", "town", "village", "region",
                                            "province", "side", "capital", "countryside", "mainland", nullptr};
  merged.erase(std::remove_if(merged.begin(), merged.end(),
                              [&](const Unit& u) {
                                if (!u.adjective_only || u.end >= last) return false;
                                std::string_view next = text.substr(tokens[u.end].begin, tokens[u.end].end - tokens[u.end].begin);
                                for (const char* const* p = kPlaceNouns; *p; ++p)
                                  if (next == *p) return true;
                                return false;
                              }),
               merged.end());

  // 2. Compounds: "Armenia and Azerbaijan", "Russia, Armenia, and Azerbaijan", "Armenian-Azerbaijani".
  std::vector<const Unit*> chain;
  size_t i = 0;
  auto separator = [&](uint32_t b, uint32_t e, bool& has_conj, bool& has_comma) {
    for (uint32_t k = b; k < e; ++k) {
      const Token& t = tokens[k];
      if (t.word == w_and_ || t.word == w_or_) has_conj = true;
      else if (t.tag == Tag::Punct && text.substr(t.begin, 1) == ",") has_comma = true;
      else if (t.tag == Tag::Hyph) has_conj = true;
      else if (t.word == w_the_) continue;
      else return false;
    }
    return e > b;
  };
  // An agent with no country of its own ("the police", "President Mugabe") belongs to the
  // sentence's country when the sentence names exactly one.
  std::string_view only_country;
  bool several = false;
  for (const Unit& u : merged) {
    if (!u.has_country || !u.member.country[0]) continue;
    if (only_country.empty()) only_country = u.member.country_sv();
    else if (only_country != u.member.country_sv()) several = true;
  }
  if (!several && !only_country.empty()) {
    std::string country(only_country);
    for (Unit& u : merged) {
      if (!u.agent_only) continue;
      copy_code(u.member.country, country);
      u.agent_only = false;
      u.has_country = true;
    }
  }
  while (i < merged.size()) {
    if (merged[i].agent_only) {
      ++i;
      continue;
    }
    size_t j = i;
    bool any_conj = false, last_conj = false, any_comma = false;
    while (j + 1 < merged.size() && !merged[j + 1].agent_only) {
      bool conj = false, comma = false;
      if (!separator(merged[j].end, merged[j + 1].begin, conj, comma)) break;
      any_conj = any_conj || conj;
      any_comma = any_comma || comma;
      last_conj = conj;
      ++j;
    }
    // "A, B" alone is an apposition or a list cut by a clause, not a compound; three or more
    // names in a row are a list even when its "and" comes later ("Iran, Libya, Sudan, and ... Cuba").
    if (j == i + 1 && any_comma && !last_conj) j = i;
    (void)any_conj;
    ActorPhrase p;
    p.begin = merged[i].begin;
    p.end = merged[j].end;
    p.head = merged[i].head;
    p.plural = j > i || merged[i].plural;
    std::string_view sector = merged[i].member.sector_sv();
    for (size_t k = i; k <= j; ++k) {
      ActorMember m = merged[k].member;
      // "foreign ministers of Russia, Armenia, and Azerbaijan": the agent's sector applies to all.
      if (k > i && merged[i].agent_pp && merged[k].bare_country) copy_code(m.sector, sector);
      if (merged[k].adjective_only && m.sector[0] == 0) {
        // A plural demonym on its own ("Armenians") names people.
        const Token& t = tokens[merged[k].end - 1];
        bool followed_by_noun = merged[k].end < last && (is_noun(tokens[merged[k].end].tag) || is_adj(tokens[merged[k].end].tag));
        if (!followed_by_noun && text[t.end - 1] == 's' && t.tag != Tag::JJ) copy_code(m.sector, "CVL");
      }
      p.add(m);
    }
    out.push_back(p);
    i = j + 1;
  }

  // 3. Pronouns and "the two countries".
  for (uint32_t k = first; k < last; ++k) {
    const Token& t = tokens[k];
    const ActorPhrase* ref = nullptr;
    uint32_t end = k + 1;
    bool singular = t.word == w_he_ || t.word == w_she_ || t.word == w_him_ || t.word == w_her_;
    bool plural = t.word == w_they_ || t.word == w_them_;
    if (t.tag == Tag::PRP && t.word == w_it_) {
      // "it" only for a state or organisation named earlier in the same sentence ("Nigeria said it would").
      for (size_t i = out.size(); i-- > 0 && !ref;) {
        const ActorPhrase& p = out[i];
        if (p.end <= k && !p.pronoun && p.count == 1 && !p.members[0].person) ref = &p;
      }
    } else if (t.tag == Tag::PRP && (singular || plural)) {
      // The nearest earlier actor of this sentence that fits, else the report's last one.
      for (size_t i = out.size(); i-- > 0 && !ref;) {
        const ActorPhrase& p = out[i];
        if (p.end > k || p.pronoun) continue;
        bool person = p.count == 1 && (p.members[0].person || !p.plural);
        if ((singular && person) || (plural && (p.plural || p.count > 1))) ref = &p;
      }
      if (!ref && singular && memory.has_person) ref = &memory.last_person;
      if (!ref && plural && memory.has_group) ref = &memory.last_group;
    } else if ((t.word == w_the_ || t.word == w_both_) && k + 1 < last) {
      uint32_t j = k + 1;
      if (t.word == w_the_ && tokens[j].word == w_two_) ++j;
      else if (t.word == w_the_) continue;
      // Plurals have no vocabulary id of their own; their lemma does ("countries" -> country).
      bool plural_noun = j < last && (tokens[j].tag == Tag::NNS || tokens[j].tag == Tag::NNPS);
      if (plural_noun && (tokens[j].lemma == w_country_ || tokens[j].lemma == w_side_ || tokens[j].lemma == w_nation_) &&
          memory.has_pair) {
        ref = &memory.last_pair;
        end = j + 1;
      }
    }
    if (!ref) continue;
    // Only where no dictionary actor already covers the token.
    bool covered = false;
    for (const ActorPhrase& p : out) covered = covered || (k >= p.begin && k < p.end);
    if (covered) continue;
    ActorPhrase p = *ref;
    p.begin = k;
    p.end = end;
    p.head = end - 1;
    p.pronoun = true;
    for (int m = 0; m < p.count; ++m) {
      p.members[m].begin = k;
      p.members[m].end = end;
    }
    out.push_back(p);
  }
  std::sort(out.begin(), out.end(), [](const ActorPhrase& a, const ActorPhrase& b) { return a.begin < b.begin; });

  // 4. Remember this sentence's actors for the next ones.
  for (const ActorPhrase& p : out) {
    if (p.pronoun) continue;
    if (p.count == 1 && !p.plural && (p.members[0].person || tokens[p.head].tag == Tag::NN || tokens[p.head].tag == Tag::NNP)) {
      memory.last_person = p;
      memory.has_person = true;
    }
    if (p.plural || p.count > 1) {
      memory.last_group = p;
      memory.has_group = true;
    }
    if (p.count == 2) {
      memory.last_pair = p;
      memory.has_pair = true;
    }
  }
}

}  // namespace dyad
