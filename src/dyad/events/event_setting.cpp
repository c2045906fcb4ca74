#include "dyad/events/event_setting.h"

#include <algorithm>
#include <cstdlib>

namespace dyad {

namespace {

// Tokens between a mention and the trigger [tb, te); 0 when they overlap.
uint32_t distance(const RawEvent& e, uint32_t begin, uint32_t end) {
  if (begin >= e.trigger_end) return begin - e.trigger_end + 1;
  if (end <= e.trigger_begin) return e.trigger_begin - end + 1;
  return 0;
}

// True if clause c holds a word of the trigger: a pattern can span clauses
// ("the conflict ... that flared up in September 2020").
bool trigger_clause(const RawEvent& e, const ClauseMap& clauses, uint32_t first, int c) {
  for (uint32_t k = e.trigger_begin; k < e.trigger_end; ++k)
    if (clauses.clause_of(k, first) == c) return true;
  return false;
}

// A destination ("travelled to Moscow") locates only visits.
bool is_visit(const RawEvent& e) {
  const std::string& c = e.cameo->code;
  return c.rfind("042", 0) == 0 || c.rfind("043", 0) == 0;
}

const char* const kBlockers[] = {"over", "for", "about", "after", "against", "during", "because", "despite",
                                 "following", "amid", "before", "since"};

// True for an initial participial clause hanging on c: "Speaking in Kyiv on Friday, Zelensky said ..."
bool initial_participle_of(const ClauseMap& clauses, int pc, int c) {
  const Clause& p = clauses.clauses[size_t(pc)];
  if (p.kind != ClauseKind::Participial || !p.initial) return false;
  return p.parent == c || (p.parent < 0 && clauses.clauses[size_t(c)].kind == ClauseKind::Main);
}

}  // namespace

EventSetting::EventSetting(const Lexicon& lexicon) {
  for (const char* w : kBlockers)
    if (uint32_t id = lexicon.find(w)) blockers_.push_back(id);
  w_to_ = lexicon.find("to");
  w_about_ = lexicon.find("about");
}

bool EventSetting::blocked(const RawEvent& e, const PlaceMention& p, const std::vector<Token>& tokens) const {
  if (p.begin < e.trigger_end || p.role == PlaceRole::Object) return false;
  // Inside the trigger's own pattern only a gerund hands over ("accused X of attacking").
  for (uint32_t k = e.trigger_begin + 1; k < p.prep; ++k) {
    const Token& t = tokens[k];
    // A gerund after a preposition: "of bombing", "for ordering" (not "a tower housing offices").
    if (t.tag == Tag::VBG && k > 0 && (tokens[k - 1].tag == Tag::IN || tokens[k - 1].tag == Tag::TO)) return true;
    if (k < e.trigger_end) continue;
    // "about 1,200 people" is a number, not a topic.
    bool approximate = t.word == w_about_ && k + 1 < tokens.size() && tokens[k + 1].tag == Tag::CD;
    if (!approximate && std::find(blockers_.begin(), blockers_.end(), t.word) != blockers_.end()) return true;
    if (t.word == w_to_ && k + 1 < p.prep && tokens[k + 1].tag == Tag::VB) return true;
  }
  return false;
}

const TimeMention* EventSetting::time(const RawEvent& e, const ClauseMap& clauses, uint32_t first,
                                      const std::vector<TimeMention>& times) const {
  // The trigger's own clauses first, nearest mention first.
  const TimeMention* best = nullptr;
  uint32_t best_d = UINT32_MAX;
  for (const TimeMention& t : times) {
    if (t.future || t.bound || !trigger_clause(e, clauses, first, clauses.clause_of(t.begin, first))) continue;
    uint32_t d = distance(e, t.begin, t.end);
    if (d < best_d) best = &t, best_d = d;
  }
  if (best) return best;
  // Then the clauses it hangs on, innermost first.
  int c = clauses.clauses[size_t(clauses.clause_of(e.trigger_begin, first))].parent;
  for (int guard = 0; c >= 0 && guard < 32; ++guard) {
    for (const TimeMention& t : times) {
      int tc = clauses.clause_of(t.begin, first);
      if (t.future || t.bound || (tc != c && !initial_participle_of(clauses, tc, c))) continue;
      uint32_t d = distance(e, t.begin, t.end);
      if (d < best_d) best = &t, best_d = d;
    }
    if (best) return best;
    c = clauses.clauses[size_t(c)].parent;
  }
  return nullptr;
}

const PlaceMention* EventSetting::place(const RawEvent& e, const ClauseMap& clauses, uint32_t first,
                                        const std::vector<Token>& tokens, const std::vector<PlaceMention>& places,
                                        const std::vector<RawEvent>& all) const {
  int c = clauses.clause_of(e.trigger_begin, first);
  const Clause& own = clauses.clauses[size_t(c)];
  auto has_own_event = [&](int clause) {
    for (const RawEvent& o : all)
      if (&o != &e && clauses.clause_of(o.trigger_begin, first) == clause) return true;
    return false;
  };
  bool visit = is_visit(e);
  bool withdrawal = e.cameo->code.rfind("087", 0) == 0 || e.cameo->code.rfind("166", 0) == 0;
  const PlaceMention* best = nullptr;
  int best_rank = 3;
  bool best_country = true;
  uint32_t best_d = UINT32_MAX;
  for (const PlaceMention& p : places) {
    if (p.role == PlaceRole::Destination && !visit) continue;
    if (p.role == PlaceRole::Origin && !withdrawal) continue;
    // A place as the object of the trigger itself: "shelled Kharkiv", "visited Beijing".
    // A country there is the target actor ("Iran attacked Israel"), not a location.
    if (p.role == PlaceRole::Object &&
        (p.country_level() ||
         !((visit || e.cameo->quad_class == 4) && p.prep >= e.trigger_begin && p.prep < e.trigger_end)))
      continue;
    if (blocked(e, p, tokens)) continue;
    int pc = clauses.clause_of(p.begin, first);
    const Clause& theirs = clauses.clauses[size_t(pc)];
    int rank;
    if (pc == c || trigger_clause(e, clauses, first, pc)) rank = 0;
    else if (theirs.parent == c && theirs.kind != ClauseKind::Complement && !has_own_event(pc))
      rank = 1;  // "which runs through ..."; not "who visited troops in X", an event of its own
    else if (own.parent == pc && own.kind == ClauseKind::Participial) rank = 1;     // "..., killing three in X"
    else continue;
    bool country = p.country_level();
    uint32_t d = distance(e, p.begin, p.end);
    // Nearer clause first; then a named place over its country; then the nearest.
    bool better = rank < best_rank || (rank == best_rank && (best_country && !country)) ||
                  (rank == best_rank && country == best_country && d < best_d);
    if (better) {
      best = &p;
      best_rank = rank;
      best_country = country;
      best_d = d;
    }
  }
  return best;
}

}  // namespace dyad
