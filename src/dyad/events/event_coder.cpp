#include "dyad/events/event_coder.h"

#include <algorithm>
#include <initializer_list>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace dyad {

namespace {

// Words a pattern's `*` may skip inside the trigger's clause ("captured part of a rebel stronghold").
constexpr int kMaxGap = 5;

bool np_tag(Tag t) {
  return is_noun(t) || is_adj(t) || t == Tag::DT || t == Tag::PDT || t == Tag::CD || t == Tag::POS ||
         t == Tag::PRPS || t == Tag::Hyph || t == Tag::PRP;
}

const char* const kHypotheticalGovernors[] = {
    "threaten", "plan", "intend", "want", "seek", "hope", "expect", "aim", "prepare", "try", "vow", "pledge",
    "promise", "propose", "offer", "consider", "need", "wish", "attempt", "urge", "ask", "call", "demand",
    "request", "encourage", "invite", "warn", "plot", "mean", "like", "would", "ready", "willing", "able",
    "likely", "going", "set", "due", "expected", "scheduled", nullptr};
// Governors that announce what their subject will do ("is willing to send", "plans to attack").
const char* const kIntentGovernors[] = {"willing", "ready", "prepared", "plan", "intend", "decide", "offer", "promise",
                                        "pledge", "vow", "swear", "want", "seek", "hope", "going", "determined", "aim",
                                        "threaten", nullptr};
const char* const kNegatingGovernors[] = {"refuse", "fail", "decline", "deny", "reject", "avoid", "stop",
                                          "cease", "halt", "unable", "unwilling", "reluctant", nullptr};

// Vocabulary ids of the listed words that the lexicon knows (unknown words would all be id 0).
std::vector<uint32_t> word_ids(const Lexicon& lex, std::initializer_list<const char*> words) {
  std::vector<uint32_t> ids;
  for (const char* w : words)
    if (uint32_t id = lex.find(w)) ids.push_back(id);
  return ids;
}
std::vector<uint32_t> word_ids(const Lexicon& lex, const char* const* words) {
  std::vector<uint32_t> ids;
  for (; *words; ++words)
    if (uint32_t id = lex.find(*words)) ids.push_back(id);
  return ids;
}

}  // namespace

EventCoder::EventCoder(const EventDictionary& dict, const CameoTable& cameo, const Lexicon& lex)
    : dict_(dict), cameo_(cameo), lex_(lex), segmenter_(lex) {
  // DYAD_TRACE=1 prints each trigger and the roles found for it (for dictionary and rule work).
  const char* trace = std::getenv("DYAD_TRACE");
  trace_ = trace && *trace && *trace != '0';
  w_by_ = lex.find("by"); w_not_ = lex.find("not"); w_nt_ = lex.find("n't"); w_never_ = lex.find("never");
  w_no_ = lex.find("no"); w_of_ = lex.find("of"); w_between_ = lex.find("between"); w_to_ = lex.find("to");
  w_s_ = lex.find("'s"); w_that_ = lex.find("that"); w_for_ = lex.find("for"); w_at_ = lex.find("at");
  w_aim_ = lex.find("aim"); w_prepare_ = lex.find("prepare"); w_prepared_ = lex.find("prepared"); w_including_ = lex.find("including");
  w_such_ = lex.find("such"); w_as_ = lex.find("as");
  hypothetical_governors_ = word_ids(lex, kHypotheticalGovernors);
  negating_governors_ = word_ids(lex, kNegatingGovernors);
  intent_governors_ = word_ids(lex, kIntentGovernors);
  future_modals_ = word_ids(lex, {"will", "would", "shall", "'ll", "wo"});
  obligation_modals_ = word_ids(lex, {"must", "should", "ought"});
  bomb_words_ = word_ids(lex, {"bomb", "bomber", "bombing", "explosive", "explosion", "suicide", "ied", "landmine"});
  background_preps_ = word_ids(lex, {"since", "after", "before", "during", "amid", "amidst", "despite", "following",
                                     "until", "throughout", "ahead"});
  aspect_verbs_ = word_ids(lex, {"resume", "continue", "start", "begin", "keep", "stop", "halt", "cease"});
  w_must_ = lex.find("must");
  w_need_ = lex.find("need");
}

int EventCoder::phrase_at(uint32_t k) const {
  const auto& ph = *phrases_;
  for (size_t i = 0; i < ph.size(); ++i)
    if (k >= ph[i].begin && k < ph[i].end) return int(i);
  return -1;
}

int EventCoder::phrase_starting(uint32_t k) const {
  const auto& t = *tokens_;
  const uint32_t from = k;
  while (k < last_ && (t[k].tag == Tag::DT || t[k].tag == Tag::PRPS || t[k].tag == Tag::PDT)) ++k;
  if (k >= last_) return -1;
  // Only a phrase that starts here, not one that began before the slot.
  auto starts_here = [&](int p) { return p >= 0 && (*phrases_)[size_t(p)].begin >= from ? p : -1; };
  int p = starts_here(phrase_at(k));
  if (p >= 0) return p;
  // Allow a few modifiers before the actor ("the embattled Armenian government").
  for (uint32_t j = k; j + 1 < last_ && j < k + 3 && (is_adj(t[j].tag) || t[j].tag == Tag::VBN); ++j) {
    p = starts_here(phrase_at(j + 1));
    if (p >= 0) return p;
  }
  return -1;
}

bool EventCoder::match_rest(const EventPattern& p, size_t e, uint32_t pos, Match& m) const {
  const auto& t = *tokens_;
  if (e == p.rest.size()) {
    m.end = pos;
    return true;
  }
  const PatternElement& el = p.rest[e];
  switch (el.type) {
    case PatternElement::Word:
    case PatternElement::Set: {
      while (pos < last_ && t[pos].tag == Tag::RB && t[pos].word != w_not_ && t[pos].word != w_nt_) ++pos;
      if (pos >= last_) return false;
      const Token& tok = t[pos];
      bool ok = el.type == PatternElement::Word ? (tok.lemma == el.id || tok.word == el.id)
                                                : (dict_.in_set(el.id, tok.lemma) || dict_.in_set(el.id, tok.word));
      return ok && match_rest(p, e + 1, pos + 1, m);
    }
    case PatternElement::Gap: {
      // Up to four tokens of the trigger's own clause; a parenthetical ("- a region on the
      // border -") and a relative pronoun in between are skipped for free.
      const auto& cl = clauses_.clauses;
      auto nested = [&](int cq) {
        for (int x = cq; x >= 0; x = cl[size_t(x)].parent)
          if (x == match_clause_) return x != cq;
        return false;
      };
      // Most gaps are followed by a word: only positions holding it (or an adverb, which
      // the word's own matching skips) are worth the recursive call.
      const PatternElement* next = e + 1 < p.rest.size() ? &p.rest[e + 1] : nullptr;
      auto may_start = [&](uint32_t at) {
        if (!next || next->type != PatternElement::Word) return true;
        if (at >= last_) return false;
        return t[at].tag == Tag::RB || t[at].lemma == next->id || t[at].word == next->id;
      };
      uint32_t q = pos;
      for (int counted = 0;;) {
        if (may_start(q) && match_rest(p, e + 1, q, m)) return true;
        if (q >= last_) return false;
        const Token& g = t[q];
        int cq = clause(q);
        bool in_paren = nested(cq) && cl[size_t(cq)].kind == ClauseKind::Parenthetical;
        bool opens_paren = g.tag == Tag::Dash && q + 1 < last_ && nested(clause(q + 1)) &&
                           cl[size_t(clause(q + 1))].kind == ClauseKind::Parenthetical;
        bool free = in_paren || opens_paren || g.tag == Tag::WDT || g.tag == Tag::WP || g.tag == Tag::Hyph;
        if (!free) {
          if (g.tag == Tag::Punct || g.tag == Tag::Dash || is_finite_verb(g.tag) || g.tag == Tag::MD) return false;
          if (++counted > kMaxGap) return false;
        }
        ++q;
      }
    }
    case PatternElement::Target:
    case PatternElement::Source: {
      int ph = phrase_starting(pos);
      if (ph < 0) return false;
      int saved_t = m.target, saved_s = m.source;
      (el.type == PatternElement::Target ? m.target : m.source) = ph;
      if (match_rest(p, e + 1, (*phrases_)[ph].end, m)) return true;
      m.target = saved_t;
      m.source = saved_s;
      return false;
    }
  }
  return false;
}

EventCoder::Match EventCoder::best_match(PatternKind kind, uint32_t k, bool head_only) const {
  Match best;
  const Token& t = (*tokens_)[k];
  match_clause_ = clause(k);
  for (int pass = 0; pass < 2; ++pass) {
    uint32_t key = pass == 0 ? t.lemma : t.word;
    if (pass == 1 && key == t.lemma) break;
    for (uint32_t idx : dict_.candidates(kind, key)) {
      const EventPattern& p = dict_.pattern(idx);
      if (head_only && !p.rest.empty()) continue;
      if (p.passive && !is_passive(k)) continue;
      Match m;
      m.pattern = &p;
      if (!match_rest(p, 0, k + 1, m)) continue;
      // A pattern written for the passive beats the same words in the active.
      int weight = p.weight + (p.passive ? 1 : 0);
      if (!best.pattern || weight > best.pattern->weight + (best.pattern->passive ? 1 : 0)) best = m;
    }
  }
  return best;
}

uint32_t EventCoder::verb_group_start(uint32_t k) const {
  const auto& t = *tokens_;
  uint32_t g = k;
  while (g > first_) {
    const Token& p = t[g - 1];
    bool aux = is_verb(p.tag) && (p.lemma == lex_.id_be() || p.lemma == lex_.id_have() || p.lemma == lex_.id_do());
    if (p.tag == Tag::RB || p.tag == Tag::MD || aux) --g;
    else break;
  }
  return g;
}

bool EventCoder::is_passive(uint32_t k) const {
  const auto& t = *tokens_;
  if (t[k].tag != Tag::VBN) return false;
  uint32_t g = verb_group_start(k);
  for (uint32_t i = g; i < k; ++i)
    if (is_verb(t[i].tag) && t[i].lemma == lex_.id_be()) return true;
  for (uint32_t i = g; i < k; ++i)
    if (is_verb(t[i].tag) && t[i].lemma == lex_.id_have()) return false;  // "has attacked"
  // Reduced passive: "activists - supported by Baku -", ", based on", "troops deployed by Russia".
  uint32_t n = k + 1;
  while (n < last_ && t[n].tag == Tag::RB) ++n;
  bool by_follows = n < last_ && t[n].word == w_by_;
  const Clause& c = clauses_.clauses[clause(k)];
  bool opens_clause = c.opener == k || (g > first_ && (t[g - 1].tag == Tag::Dash || t[g - 1].tag == Tag::Punct));
  return by_follows || (opens_clause && c.kind != ClauseKind::Main);
}

int EventCoder::np_head_phrase(uint32_t b, uint32_t e) const {
  const auto& t = *tokens_;
  uint32_t i = b;
  for (int guard = 0; guard < 8; ++guard) {
    while (i < e && !(is_noun(t[i].tag) || t[i].tag == Tag::PRP)) ++i;
    if (i >= e) return -2;
    uint32_t j = i;
    while (j + 1 < e && (is_noun(t[j + 1].tag) || t[j + 1].tag == Tag::Hyph || t[j].tag == Tag::Hyph)) ++j;
    if (!is_noun(t[j].tag) && t[j].tag != Tag::PRP) {  // "self-described": a modifier, not the head
      i = j + 1;
      continue;
    }
    if (j + 1 < e && t[j + 1].tag == Tag::POS) {  // possessor: the head follows
      int owner = phrase_at(j);
      i = j + 2;
      bool more = false;
      for (uint32_t q = i; q < e; ++q) more = more || is_noun(t[q].tag);
      if (!more) return owner >= 0 ? owner : -2;
      continue;
    }
    std::string_view w = text_.substr(t[j].begin, t[j].end - t[j].begin);
    if (j + 1 < e && t[j + 1].word == w_of_ && is_partitive(w)) {
      i = j + 2;
      continue;
    }
    int ph = phrase_at(j);
    if (ph < 0) ph = phrase_at(i);
    // "prime minister Andreas Papandreou": a title phrase followed only by a name.
    for (uint32_t q = j; ph < 0 && q > i;) {
      --q;
      if (t[q + 1].tag != Tag::NNP && t[q + 1].tag != Tag::NNPS) break;
      ph = phrase_at(q);
    }
    // "Iraqi Kurds", "Palestinian detainees": a national adjective before the head names the actor.
    for (uint32_t q = i; ph < 0 && q > b;) {
      --q;
      if (!(is_adj(t[q].tag) || is_noun(t[q].tag) || t[q].tag == Tag::Hyph || t[q].tag == Tag::VBN)) break;
      ph = phrase_at(q);
    }
    return ph >= 0 ? ph : -2;
  }
  return -2;
}

int EventCoder::subject_before(uint32_t k, int c) const {
  const auto& t = *tokens_;
  const auto& cl = clauses_.clauses;
  auto nested_in = [&](int inner, int outer) {
    for (int x = inner; x >= 0; x = cl[x].parent)
      if (x == outer) return true;
    return false;
  };
  int64_t p = int64_t(k) - 1;
  bool found_end = false;
  uint32_t np_end = 0, np_begin = 0;
  bool skipped_comma = false;
  for (; p >= int64_t(first_); --p) {
    uint32_t q = uint32_t(p);
    int cq = clause(q);
    if (cq != c) {
      if (nested_in(cq, c) && cq != c) continue;  // an interrupting relative or parenthetical
      if (!found_end) return -1;
      break;
    }
    const Token& tk = t[q];
    if (!found_end) {
      if (tk.tag == Tag::RB) continue;
      if (tk.tag == Tag::Punct && text_[tk.begin] == ',' && !skipped_comma) {
        skipped_comma = true;  // "..., Maria Zakharova, says"
        continue;
      }
      if (tk.tag == Tag::WDT || tk.tag == Tag::WP) return -1;
      if (tk.tag == Tag::EX) return -2;
      // The opening dash or bracket of a parenthetical between subject and verb.
      bool opens_nested = (tk.tag == Tag::Dash || (tk.tag == Tag::Punct && text_[tk.begin] == '(')) &&
                          q + 1 < last_ && clause(q + 1) != c && nested_in(clause(q + 1), c);
      if (opens_nested) continue;
      if (!np_tag(tk.tag)) return -1;
      found_end = true;
      np_end = q + 1;
      np_begin = q;
      continue;
    }
    bool in_phrase = phrase_at(q) >= 0;
    // "French Assembly president Laurent Fabius and a group of deputies": an actor just before "and".
    bool conjoined = false;
    for (uint32_t b = q; tk.tag == Tag::CC && b > first_ && q - b < 3 && !conjoined;) conjoined = phrase_at(--b) >= 0;
    bool continues = np_tag(tk.tag) || conjoined ||
                     (tk.tag == Tag::IN && tk.word != w_that_ && q > first_ && np_tag(t[q - 1].tag) && tk.word != w_by_) ||
                     (in_phrase && (tk.tag == Tag::CC || tk.tag == Tag::Punct)) || tk.tag == Tag::VBN ||
                     (tk.tag == Tag::VBG && q + 1 < last_ && is_noun(t[q + 1].tag));
    if (!continues) break;
    np_begin = q;
  }
  if (!found_end) return -1;
  // A leading preposition means we walked into a prepositional phrase: the subject is after it.
  while (np_begin < np_end && t[np_begin].tag == Tag::IN) ++np_begin;
  int head = np_head_phrase(np_begin, np_end);
  // "Pakistan, a key U.S. ally, has refused": an apposition; the subject is the actor before it.
  if (head < 0 && np_begin >= first_ + 2 && t[np_begin - 1].tag == Tag::Punct && text_[t[np_begin - 1].begin] == ',' &&
      phrase_at(np_begin - 2) >= 0 && clause(np_begin - 2) == c)
    return phrase_at(np_begin - 2);
  return head;
}

int EventCoder::by_agent_after(uint32_t k, int c) const {
  const auto& t = *tokens_;
  uint32_t n = k + 1;
  while (n < last_ && (t[n].tag == Tag::RB || (clause(n) != c && t[n].tag != Tag::IN))) ++n;
  if (n < last_ && t[n].word != w_by_ && is_passive(k)) {
    // "was accused of misusing public funds by the new government": a later "by" in the clause.
    for (uint32_t q = n; q < last_ && q < k + 14 && clause(q) == c; ++q) {
      if (t[q].tag == Tag::Punct || is_finite_verb(t[q].tag)) break;
      if (t[q].word == w_by_) {
        n = q;
        break;
      }
    }
  }
  if (n >= last_ || t[n].word != w_by_) return -1;
  uint32_t b = n + 1, e = b;
  while (e < last_ && (np_tag(t[e].tag) || t[e].tag == Tag::VBN ||
                       (t[e].tag == Tag::IN && t[e].word != w_by_ && e + 1 < last_ && np_tag(t[e + 1].tag)) ||
                       (phrase_at(e) >= 0)))
    ++e;
  if (e == b) return -1;
  int h = np_head_phrase(b, e);
  return h;
}

int EventCoder::first_phrase_after(uint32_t k, int c, int exclude) const {
  const auto& ph = *phrases_;
  for (size_t i = 0; i < ph.size(); ++i) {
    if (ph[i].begin <= k || int(i) == exclude) continue;
    if (clause(ph[i].begin) != c) continue;
    // "a Russia-brokered deal": the attributive agent is not the target.
    uint32_t e = ph[i].end;
    if (e + 1 < last_ && (*tokens_)[e].tag == Tag::Hyph && is_verb((*tokens_)[e + 1].tag)) continue;
    if (exclude >= 0 && ph[exclude].count == 1 && ph[i].count == 1 &&
        ph[i].members[0].same_actor(ph[exclude].members[0]))
      continue;
    return int(i);
  }
  return -1;
}

int EventCoder::antecedent_of(int c) const {
  const auto& t = *tokens_;
  const Clause& cl = clauses_.clauses[c];
  int outer = cl.parent;
  int64_t p = int64_t(cl.opener) - 1;
  // Skip a comma and any parenthetical between the noun and the relative pronoun.
  while (p >= int64_t(first_)) {
    uint32_t q = uint32_t(p);
    bool punct = t[q].tag == Tag::Dash || (t[q].tag == Tag::Punct && (text_[t[q].begin] == ',' || text_[t[q].begin] == ')'));
    if (punct || (outer >= 0 && clause(q) != outer)) {
      --p;
      continue;
    }
    break;
  }
  if (p < int64_t(first_)) return -1;
  uint32_t e = uint32_t(p) + 1, b = uint32_t(p);
  while (b > first_) {
    const Token& tk = t[b - 1];
    bool cont = np_tag(tk.tag) || tk.tag == Tag::VBN || (tk.tag == Tag::IN && tk.word != w_by_ && tk.word != w_that_) ||
                (phrase_at(b - 1) >= 0);
    if (!cont || (outer >= 0 && clause(b - 1) != outer)) break;
    --b;
  }
  while (b < e && t[b].tag == Tag::IN) ++b;
  int h = np_head_phrase(b, e);
  return h >= 0 ? h : -1;
}

int EventCoder::clause_agent(int c) const {
  if (c < 0) return -1;
  const auto& t = *tokens_;
  for (uint32_t k = first_; k < last_; ++k) {
    if (clause(k) != c || !is_verb(t[k].tag)) continue;
    // Skip auxiliaries to the main verb of the group.
    uint32_t v = k;
    while (v + 1 < last_ && clause(v + 1) == c && (is_verb(t[v + 1].tag) || t[v + 1].tag == Tag::RB)) ++v;
    while (v > k && !is_verb(t[v].tag)) --v;
    if (is_passive(v)) {
      int a = by_agent_after(v, c);
      return a >= 0 ? a : -1;
    }
    int s = subject_before(verb_group_start(k), c);
    if (s != -1) return s;
    const Clause& cl = clauses_.clauses[c];
    if (cl.kind == ClauseKind::Relative || cl.kind == ClauseKind::Parenthetical) return antecedent_of(c);
    if (cl.kind == ClauseKind::Participial) {
      int parent = cl.parent;
      if (parent < 0 || parent == c) {
        // A sentence-initial participle belongs to the main clause that follows it.
        for (size_t x = size_t(c) + 1; x < clauses_.clauses.size(); ++x)
          if (clauses_.clauses[x].kind == ClauseKind::Main) {
            parent = int(x);
            break;
          }
      }
      return parent >= 0 && parent != c ? clause_agent(parent) : -1;
    }
    return -1;
  }
  return -1;
}

void EventCoder::restructure_inverted_reporting() {
  // "Russia reiterates the need for talks, the spokesperson ..., Maria Zakharova, says."
  // The final speech clause becomes the main clause; what precedes it is what was said.
  const auto& t = *tokens_;
  uint32_t end = last_;
  while (end > first_ && (t[end - 1].tag == Tag::Punct || t[end - 1].tag == Tag::Quote)) --end;
  if (end <= first_ + 2) return;
  uint32_t v = end - 1;
  bool finite = t[v].tag == Tag::VBZ || t[v].tag == Tag::VBD ||
                (t[v].tag == Tag::VBN && v > first_ && t[v - 1].lemma == lex_.id_have());  // "..., a member has said."
  if (!finite || !dict_.is_speech_verb(t[v].lemma)) return;
  const uint32_t speech_verb = v;
  if (t[v].tag == Tag::VBN) --v;  // the speaker ends before the auxiliary
  // The speaker: an actor phrase (with appositions and participle modifiers: "a member of the
  // Chadian team trying to broker a pact") between a comma and the verb.
  uint32_t k = v;
  auto speaker_word = [&](const Token& x) {
    return np_tag(x.tag) || x.tag == Tag::IN || x.tag == Tag::VBG || x.tag == Tag::VBN || x.tag == Tag::TO ||
           x.tag == Tag::VB || x.tag == Tag::RB;
  };
  while (k > first_ && (speaker_word(t[k - 1]) || phrase_at(k - 1) >= 0 ||
                        (t[k - 1].tag == Tag::Punct && text_[t[k - 1].begin] == ',' && k - 1 > first_ &&
                         phrase_at(k - 2) >= 0)))
    --k;
  if (k <= first_ + 1 || !(t[k - 1].tag == Tag::Punct && text_[t[k - 1].begin] == ',')) return;
  bool has_actor = false;
  for (uint32_t i = k; i < v; ++i) has_actor = has_actor || phrase_at(i) >= 0;
  if (!has_actor) return;
  speaker_begin_ = k;  // ", a member of the Chadian team trying to broker a pact, said": no events in there
  speaker_end_ = v;
  int main_clause = clause(first_);
  Clause speech;
  speech.kind = ClauseKind::Main;
  speech.opener = k - 1;
  clauses_.clauses.push_back(speech);
  int sc = int(clauses_.clauses.size() - 1);
  for (uint32_t i = k - 1; i < last_; ++i) clauses_.of_token[i - first_] = int16_t(sc);
  Clause& reported = clauses_.clauses[size_t(main_clause)];
  if (reported.kind == ClauseKind::Main) {
    reported.kind = ClauseKind::Complement;
    reported.parent = sc;
    reported.reported = true;
    reported.governor = int(speech_verb);
  }
}

bool EventCoder::attributive_state(uint32_t k, const CameoCode& code) const {
  // "X-brokered", "X-backed" report cooperation; "X-occupied", "X-held" describe a state of affairs.
  const auto& t = *tokens_;
  bool attributive = k >= first_ + 2 && t[k - 1].tag == Tag::Hyph && phrase_at(k - 2) >= 0 &&
                     (t[k].tag == Tag::VBN || t[k].tag == Tag::JJ) && k + 1 < last_ &&
                     (is_noun(t[k + 1].tag) || is_adj(t[k + 1].tag));
  return attributive && code.quad_class >= 3;
}

bool EventCoder::punctuation_between(uint32_t from, uint32_t to) const {
  for (uint32_t i = from; i < to && i < last_; ++i)
    if ((*tokens_)[i].tag == Tag::Punct || (*tokens_)[i].tag == Tag::Dash) return true;
  return false;
}

bool EventCoder::in_background_phrase(uint32_t k) const {
  // A noun under a preposition of time or circumstance ("since last month's invasion",
  // "after two days of fighting") dates or explains the report's event; it is not one.
  const auto& t = *tokens_;
  uint32_t q = k;
  while (q > first_ && (np_tag(t[q - 1].tag) || t[q - 1].tag == Tag::VBN)) --q;
  return q > first_ && t[q - 1].tag == Tag::IN && in_list_words(background_preps_, t[q - 1].word);
}

bool EventCoder::clause_has_finite_trigger(int c, uint32_t before) const {
  for (const Trigger& tr : triggers_)
    if (tr.token < before && clause(tr.token) == c && is_finite_verb((*tokens_)[tr.token].tag)) return true;
  return false;
}

bool EventCoder::has_condition(int c) const {
  for (const Clause& x : clauses_.clauses)
    if (x.conditional && (x.parent == c || x.parent < 0)) return true;
  return false;
}

int EventCoder::speaker(const Clause& cl) const {
  // The subject of the verb that introduces the complement ("media reports said ..."), else
  // the agent of the clause it hangs on.
  if (cl.governor >= 0) {
    uint32_t v = uint32_t(cl.governor);
    int s = subject_before(verb_group_start(v), clause(v));
    if (s >= 0) return s;
    if (s == -2) return -1;
  }
  return clause_agent(cl.parent);
}

bool EventCoder::governed_by_speech(const Clause& cl) const {
  // "said that", "said on Friday that": the segmenter recorded the introducing verb.
  return cl.governor >= 0 && dict_.is_speech_verb((*tokens_)[uint32_t(cl.governor)].lemma);
}

int EventCoder::complement_subject(int c, uint32_t after) const {
  const auto& t = *tokens_;
  for (size_t x = 0; x < clauses_.clauses.size(); ++x) {
    const Clause& cl = clauses_.clauses[x];
    if (cl.parent != c || cl.kind != ClauseKind::Complement || cl.opener <= after) continue;
    for (uint32_t k = cl.opener; k < last_; ++k)
      if (clause(k) == int(x) && (is_verb(t[k].tag) || t[k].tag == Tag::MD)) {
        int s = subject_before(verb_group_start(k), int(x));
        return s >= 0 ? s : -1;
      }
  }
  return -1;
}

void EventCoder::restructure_bare_complements() {
  // "The Red Cross said US forces must ensure security": a speech verb followed directly by
  // a clause (a subject, then a verb) introduces what was said, as "said that" would.
  const auto& t = *tokens_;
  for (uint32_t v = first_; v + 2 < last_; ++v) {
    bool finite = t[v].tag == Tag::VBD || t[v].tag == Tag::VBZ || t[v].tag == Tag::VBP ||
                  (t[v].tag == Tag::VBN && v > first_ && t[v - 1].lemma == lex_.id_have());  // "has said"
    if (!finite || !dict_.is_speech_verb(t[v].lemma)) continue;
    int c = clause(v);
    uint32_t q = v + 1;
    while (q < last_ && t[q].tag == Tag::RB) ++q;
    // Time adjuncts between verb and clause: "said on Tuesday their forces had ...".
    if (q < last_ && t[q].tag == Tag::IN && q + 1 < last_ && (t[q + 1].tag == Tag::NNP || t[q + 1].tag == Tag::CD))
      q += 2;
    uint32_t start = q;
    bool subject = false, verb = false;
    for (uint32_t n = 0; q < last_ && n < 10 && clause(q) == c; ++q, ++n) {
      const Token& x = t[q];
      if (!verb && (np_tag(x.tag) || x.tag == Tag::CC)) {
        subject = true;
        continue;
      }
      if (subject && (is_finite_verb(x.tag) || x.tag == Tag::MD)) verb = true;
      break;
    }
    if (!subject || !verb || start >= last_)
      continue;
    Clause comp;
    comp.kind = ClauseKind::Complement;
    comp.parent = c;
    comp.opener = start;
    comp.reported = true;
    comp.governor = int(v);
    clauses_.clauses.push_back(comp);
    int16_t id = int16_t(clauses_.clauses.size() - 1);
    for (uint32_t k = start; k < last_ && clause(k) == c; ++k) clauses_.of_token[k - first_] = id;
  }
}

int EventCoder::between_pair() const {
  const auto& ph = *phrases_;
  const auto& t = *tokens_;
  for (size_t i = 0; i < ph.size(); ++i)
    if (ph[i].count >= 2 && ph[i].begin > first_ && t[ph[i].begin - 1].word == w_between_) return int(i);
  return -1;
}

const CameoCode* EventCoder::intent_code(const CameoCode& code) const {
  // PLOVER codes promised cooperation as AGREE and announced hostility as THREATEN; CAMEO's
  // 03 and 13 families say the same. Each action maps to its intent or threat code.
  static const std::pair<const char*, const char*> kMap[] = {
      {"04", "036"}, {"045", "039"}, {"05", "032"}, {"06", "031"}, {"061", "0311"}, {"062", "0312"},
      {"063", "0313"}, {"064", "0314"}, {"07", "033"}, {"071", "0331"}, {"072", "0332"}, {"073", "0333"},
      {"074", "0334"}, {"08", "035"}, {"081", "0351"}, {"082", "0352"}, {"084", "0353"}, {"085", "0354"},
      {"086", "0355"}, {"087", "0356"}, {"14", "133"}, {"15", "130"}, {"16", "131"}, {"161", "1313"},
      {"162", "1311"}, {"163", "1312"}, {"17", "137"}, {"172", "132"}, {"18", "138"}, {"19", "138"},
      {"191", "1381"}, {"192", "1382"}, {"190", "1384"}, {"193", "1384"}, {"194", "1384"}, {"195", "1384"},
      {"20", "1383"}, {"204", "1385"}};
  const char* best = nullptr;
  size_t best_len = 0;
  for (const auto& [prefix, to] : kMap) {
    size_t n = std::strlen(prefix);
    if (n > best_len && code.code.compare(0, n, prefix) == 0) {
      best = to;
      best_len = n;
    }
  }
  if (!best) return &code;
  const CameoCode* c = cameo_.find(best);
  return c ? c : &code;
}

bool of_is_agent(const CameoCode& code) {
  // In "the X of Y", Y did X for arrivals, visits, aid, protests, deployments and withdrawals;
  // for arrests, killings or releases Y is the one X was done to.
  std::string_view c = code.code;
  return c.substr(0, 2) == "04" || c.substr(0, 2) == "07" || c.substr(0, 2) == "14" || c.substr(0, 2) == "15" ||
         c.substr(0, 3) == "087";
}

bool is_reciprocal(const CameoCode& code) {
  // Events that members of a compound do with each other: agree, consult, cooperate, yield, fight.
  std::string_view root = std::string_view(code.code).substr(0, 2);
  return root == "03" || root == "04" || root == "06" || root == "08" || root == "19" || code.code == "050" ||
         code.code == "057";
}

RawEvent EventCoder::prototype(uint32_t k, const Match& m, bool hypothetical, const CameoCode* code) const {
  RawEvent proto;
  proto.cameo = code ? code : m.pattern->cameo;
  proto.trigger_begin = k;
  proto.trigger_end = m.end > k ? m.end : k + 1;
  // The trigger is the pattern's words, not the target phrase its slot matched.
  if (m.target >= 0 && proto.trigger_end == (*phrases_)[m.target].end) proto.trigger_end = (*phrases_)[m.target].begin;
  if (proto.trigger_end <= k) proto.trigger_end = k + 1;
  proto.hypothetical = hypothetical;
  return proto;
}

void EventCoder::emit(const RawEvent& proto, int src, int tgt, std::vector<RawEvent>& out) const {
  const auto& ph = *phrases_;
  auto push = [&](const ActorMember* s, const ActorMember* t) {
    if (s && t) {
      // An actor never acts on itself: same country and same sector (or neither has a sector).
      if (s->same_actor(*t)) return;
    }
    RawEvent e = proto;
    if (s) {
      e.source = *s;
      e.has_source = true;
    }
    if (t) {
      e.target = *t;
      e.has_target = true;
    }
    out.push_back(e);
  };
  if (src < 0) return;
  const ActorPhrase& S = ph[src];
  if (tgt < 0 || tgt == src) {
    if (S.count >= 2 && is_reciprocal(*proto.cameo)) {
      // A compound acting with itself ("Armenia and Azerbaijan clashed", "the US and Jordan agreed"):
      // each did it to the other, so one event each way per pair.
      for (int i = 0; i < S.count; ++i)
        for (int j = 0; j < S.count; ++j)
          if (i != j) push(&S.members[i], &S.members[j]);
    } else if (proto.cameo->code.substr(0, 2) != "01" || !proto.cameo->plover_event.empty()) {
      // A plain statement needs someone it is about; a denial (016) or praise (018, 019) does not.
      for (int i = 0; i < S.count; ++i) push(&S.members[i], nullptr);
    }
    return;
  }
  const ActorPhrase& T = ph[tgt];
  for (int i = 0; i < S.count; ++i)
    for (int j = 0; j < T.count; ++j) push(&S.members[i], &T.members[j]);
}

void EventCoder::code(std::string_view text, const std::vector<Token>& tokens, uint32_t first, uint32_t last,
                      const std::vector<ActorPhrase>& phrases, std::vector<RawEvent>& out) {
  out.clear();
  text_ = text;
  tokens_ = &tokens;
  phrases_ = &phrases;
  first_ = first;
  last_ = last;
  segmenter_.segment(text, tokens, first, last, clauses_);
  consumed_.assign(last - first, 0);
  triggers_.clear();
  speaker_begin_ = speaker_end_ = 0;
  restructure_inverted_reporting();
  restructure_bare_complements();
  // Examples after "including" / "such as" are not asserted events.
  in_list_.assign(last - first, 0);
  for (uint32_t k = speaker_begin_; k < speaker_end_; ++k) in_list_[k - first] = 1;
  for (uint32_t k = first; k < last; ++k) {
    if (tokens[k].word != w_including_ && !(tokens[k].word == w_such_ && k + 1 < last && tokens[k + 1].word == w_as_))
      continue;
    for (uint32_t j = k + 1; j < last; ++j) {
      const Clause& cj = clauses_.clauses[size_t(clause(j))];
      if (cj.kind == ClauseKind::Main && cj.opener > k && clause(j) != clause(k)) break;
      if (is_finite_verb(tokens[j].tag) || tokens[j].tag == Tag::MD) break;  // the list is over: "X, including Y, killed"
      in_list_[j - first] = 1;
    }
  }

  const auto& t = tokens;
  auto has_complement = [&](int c) {
    for (const Clause& x : clauses_.clauses)
      if (x.parent == c && x.kind == ClauseKind::Complement) return true;
    return false;
  };
  auto speaker_of = [&](int c) {
    for (int x = c; x >= 0; x = clauses_.clauses[x].parent) {
      const Clause& cl = clauses_.clauses[x];
      if (cl.kind != ClauseKind::Complement) continue;
      // Only reported speech has a speaker: "said that", not "the fact that".
      if (!(cl.reported || governed_by_speech(cl))) return -1;
      return speaker(cl);
    }
    return -1;
  };
  auto fallback_source = [&](int& src, int& tgt, uint32_t trigger_end) {
    if (src >= 0) {
      // "X mediated" with the parties named elsewhere: "between Armenia and Azerbaijan".
      int pair = tgt < 0 ? between_pair() : -1;
      if (pair >= 0 && pair != src) tgt = pair;
      return;
    }
    int pair = between_pair();
    if (pair >= 0) {
      src = tgt = pair;
    } else if (tgt >= 0 && phrases[tgt].count >= 2 && phrases[tgt].begin <= trigger_end + 3 &&
               !punctuation_between(trigger_end, phrases[tgt].begin)) {
      // "a meeting of the foreign ministers of Russia, Armenia, and Azerbaijan": the compound
      // right after the trigger takes part in it; a compound further away does not.
      src = tgt;
    }
  };

  // Purpose infinitives ("opened fire to disperse the crowd", "efforts to improve its record"):
  // "to" after a noun phrase rather than after a verb says what an action was for, not what happened.
  for (uint32_t k = first + 1; k + 1 < last; ++k) {
    // "talks aimed at ending the war": what the talks were for.
    if (tokens[k].word == w_at_ && tokens[k + 1].tag == Tag::VBG && is_verb(tokens[k - 1].tag) &&
        tokens[k - 1].lemma == w_aim_) {
      for (uint32_t j = k; j < last && tokens[j].tag != Tag::Punct; ++j) in_list_[j - first] = 1;
      continue;
    }
    if (tokens[k].tag != Tag::TO || tokens[k + 1].tag != Tag::VB) continue;
    uint32_t q = k;
    while (q > first && tokens[q - 1].tag == Tag::RB) --q;
    const Token& before = tokens[q - 1];
    bool complement = is_verb(before.tag) || is_adj(before.tag) || before.tag == Tag::MD || before.tag == Tag::TO;
    if (complement) continue;
    for (uint32_t j = k; j < last && tokens[j].tag != Tag::Punct && tokens[j].tag != Tag::Dash && tokens[j].tag != Tag::CC; ++j)
      in_list_[j - first] = 1;
  }

  // 1. Verb triggers.
  for (uint32_t k = first; k < last; ++k) {
    if (!is_verb(t[k].tag)) continue;
    if (consumed_[k - first]) {
      if (trace_) std::fprintf(stderr, "trace: verb token %u skipped (part of an earlier event)\n", k);
      continue;
    }
    // An attributive participle ("a Russia-brokered declaration") has no object of its own.
    bool attributive = (t[k].tag == Tag::VBN || t[k].tag == Tag::VBG) && k >= first + 2 && t[k - 1].tag == Tag::Hyph &&
                       k + 1 < last && (is_noun(t[k + 1].tag) || is_adj(t[k + 1].tag));
    // "its long-threatened invasion", "a much-delayed vote": a compound adjective, not an event.
    if (attributive && phrase_at(k - 2) < 0) continue;
    // "suspected of blowing up a plane": a gerund after "of" names what is alleged, not an event.
    if (t[k].tag == Tag::VBG && k > first && t[k - 1].word == w_of_) continue;
    Match m = best_match(PatternKind::Verb, k, attributive);
    if (!m.pattern) continue;
    // Not asserted (an example, a purpose, a speaker's description) - except that "shunned work
    // to protest" is a protest: what the action was, not only what it was for.
    bool purpose_protest = k > first && t[k - 1].tag == Tag::TO && m.pattern->cameo->code.compare(0, 2, "14") == 0;
    if (in_list_[k - first] && !purpose_protest) {
      if (trace_) std::fprintf(stderr, "trace: verb token %u skipped (not asserted)\n", k);
      continue;
    }
    triggers_.push_back({k, m});
    for (uint32_t i = k; i < m.end; ++i) {
      bool in_target = m.target >= 0 && i >= phrases[m.target].begin && i < phrases[m.target].end;
      bool attributive_agent = i > k && t[i].tag == Tag::VBN && t[i - 1].tag == Tag::Hyph;  // "Russia-brokered"
      if (!in_target && !attributive_agent) consumed_[i - first] = 1;
    }
    // What an action is done to is not an event of its own: "rejected a US offer to host a summit",
    // "opposed the deployment of peacekeepers". (What a speaker says is: statements keep their objects.)
    if (m.pattern->cameo->code.substr(0, 2) != "01" && !attributive) {
      uint32_t i = m.end;
      // The object and the phrases that say whom and why: "indicted by the court for his part in atrocities".
      auto object_word = [&](const Token& x) {
        return np_tag(x.tag) || x.tag == Tag::VBN || x.tag == Tag::VBG || x.tag == Tag::TO || x.tag == Tag::VB ||
               x.word == w_of_ || x.word == w_by_ || x.word == w_for_ || x.word == w_as_;  // "denounced as a crime"
      };
      while (i < last && clause(i) == clause(k) && object_word(t[i])) consumed_[i++ - first] = 1;
    }
  }
  // Reported obligations: "X said Y must do Z" is X's demand on Y (CAMEO 10; "should": an appeal, 02).
  demanded_.assign(clauses_.clauses.size(), 0);
  for (size_t x = 0; x < clauses_.clauses.size(); ++x) {
    const Clause& cl = clauses_.clauses[x];
    if (cl.kind != ClauseKind::Complement || cl.parent < 0) continue;
    if (!(cl.reported || governed_by_speech(cl))) continue;
    for (uint32_t k = first; k < last; ++k) {
      if (clause(k) != int(x) || !(t[k].tag == Tag::MD || is_verb(t[k].tag))) continue;
      bool must = t[k].tag == Tag::MD && in_list_words(obligation_modals_, t[k].word);
      bool have_to = is_verb(t[k].tag) && (t[k].lemma == lex_.id_have() || t[k].lemma == w_need_) && k + 1 < last &&
                     t[k + 1].tag == Tag::TO;
      if (must || have_to) {
        int subject = subject_before(k, int(x));
        int speaker = this->speaker(cl);
        const CameoCode* code = cameo_.find(t[k].word == w_must_ || have_to ? "100" : "020");
        if (subject >= 0 && speaker >= 0 && code) {
          RawEvent proto;
          proto.cameo = code;
          proto.trigger_begin = k;
          proto.trigger_end = k + 1;
          emit(proto, speaker, subject, out);
          demanded_[x] = 1;
        }
      }
      break;  // only the clause's first verb group
    }
  }
  // What is demanded, appealed for, threatened or rejected ("demanding that the government
  // provide information") is the content of that event, not an event of its own.
  for (const Trigger& trig : triggers_) {
    std::string_view root = std::string_view(trig.match.pattern->cameo->code).substr(0, 2);
    if (!(root == "02" || root == "10" || root == "11" || root == "12" || root == "13")) continue;
    int c = clause(trig.token);
    for (size_t x = 0; x < clauses_.clauses.size(); ++x)
      if (clauses_.clauses[x].parent == c && clauses_.clauses[x].kind == ClauseKind::Complement &&
          clauses_.clauses[x].opener > trig.token)
        demanded_[x] = 1;
  }
  for (const Trigger& trig : triggers_) {
    uint32_t k = trig.token;
    const Match& m = trig.match;
    const EventPattern& p = *m.pattern;
    int c = clause(k);
    uint32_t g = verb_group_start(k);
    // "prepared to resume shelling": the gerund after an aspect verb is the action; its subject,
    // modality and governor are the aspect verb's.
    if (t[k].tag == Tag::VBG && k > first && is_verb(t[k - 1].tag) && in_list_words(aspect_verbs_, t[k - 1].lemma)) {
      if (in_list_words(negating_governors_, t[k - 1].lemma)) continue;  // "stopped shelling" is no shelling
      g = verb_group_start(k - 1);
    }
    if (demanded_[size_t(c)]) continue;  // the content of a demand ("Libya must hand over ...")
    if (clauses_.clauses[size_t(c)].conditional) continue;  // "unless the president agrees to step down" is no event
    if (trace_) std::fprintf(stderr, "trace: trigger at token %u '%s'\n", k, p.text.c_str());
    bool negated = false, hypothetical = clauses_.clauses[c].conditional;
    bool intent = false;  // announced or promised: coded as intent (03) or threat (13)
    bool preparing = false;  // "prepared to resume shelling"
    for (uint32_t i = g; i < k; ++i) {
      if (t[i].word == w_not_ || t[i].word == w_nt_ || t[i].word == w_never_) negated = true;
      if (t[i].tag == Tag::MD) {
        hypothetical = true;
        // "will halt", or "may halt ... if cooperation founders": an announced conditional action.
        if (in_list_words(future_modals_, t[i].word) || clauses_.clauses[c].conditional || has_condition(c)) intent = true;
      }
    }
    // Infinitives take their subject, negation and modality from the governing verb.
    int governor = -1;
    if (g > first && t[g - 1].tag == Tag::TO) {
      int64_t q = int64_t(g) - 2;
      while (q >= int64_t(first) && (t[q].tag == Tag::RB)) --q;
      if (q >= int64_t(first) && (is_verb(t[q].tag) || is_adj(t[q].tag))) {
        governor = int(q);
        uint32_t gl = t[q].lemma;
        if (in_list_words(negating_governors_, gl)) negated = true;
        else if (in_list_words(hypothetical_governors_, gl) || in_list_words(hypothetical_governors_, t[q].word)) hypothetical = true;
        if (in_list_words(intent_governors_, gl) || in_list_words(intent_governors_, t[q].word)) intent = true;
        preparing = gl == w_prepare_ || t[q].word == w_prepare_ || t[q].word == w_prepared_;
        for (uint32_t i = verb_group_start(uint32_t(q)); i < uint32_t(q); ++i) {
          if (t[i].word == w_not_ || t[i].word == w_nt_ || t[i].word == w_never_) negated = !negated;
          if (t[i].tag == Tag::MD) {
            hypothetical = true;
            if (in_list_words(future_modals_, t[i].word)) intent = true;
          }
        }
      } else {
        hypothetical = true;
      }
    }
    if (negated) {
      if (trace_) std::fprintf(stderr, "trace: verb '%s' negated\n", p.text.c_str());
      continue;
    }
    bool passive = is_passive(k);
    if (p.passive && !passive) continue;
    int src = m.source, tgt = m.target;
    if (passive && !p.passive) {
      if (src < 0) src = by_agent_after(m.end > k ? m.end - 1 : k, c);
      int subj = subject_before(g, c);
      if (subj == -1) {
        ClauseKind kind = clauses_.clauses[c].kind;
        if (kind == ClauseKind::Relative || kind == ClauseKind::Parenthetical) subj = antecedent_of(c);
        else if (kind == ClauseKind::Participial) subj = -1;
      }
      if (tgt < 0 && subj >= 0) tgt = subj;
    } else {
      if (attributive_state(k, *p.cameo)) continue;  // "the Israeli-occupied West Bank" describes, not reports
      if (src < 0 && k >= first + 2 && t[k - 1].tag == Tag::Hyph) {
        int h = phrase_at(k - 2);  // "Russia-brokered": the agent; the parties are the clause's subject
        if (h >= 0) {
          src = h;
          int parties = clause_agent(c);
          if (tgt < 0 && parties >= 0 && parties != h) tgt = parties;
        }
      }
      if (src < 0 && in_list_[k - first]) src = clause_agent(c);  // "converged on Lagos to protest"
      if (src < 0) {
        uint32_t from = governor >= 0 ? verb_group_start(uint32_t(governor)) : g;
        int s = subject_before(from, c);
        // A bare participle ("demonstrated ... calling for independence") shares its clause's subject.
        bool bare_participle = g == k && (t[k].tag == Tag::VBG || t[k].tag == Tag::VBN) && governor < 0 && k > first &&
                               !(t[k - 1].tag == Tag::IN || t[k - 1].tag == Tag::DT || is_adj(t[k - 1].tag) ||
                                 t[k - 1].tag == Tag::PRPS || t[k - 1].tag == Tag::POS || t[k - 1].tag == Tag::TO);
        // "demonstrated ... calling for independence": the participle says how the clause's event went.
        if (bare_participle && t[k].tag == Tag::VBG && clause_has_finite_trigger(c, k)) continue;
        if (s == -1 || (s == -2 && bare_participle)) s = clause_agent(c);
        if (s >= 0) src = s;
      }
      if (tgt < 0) tgt = first_phrase_after(k, c, src);
      // "demanded that the government provide ...": the target is the complement's subject.
      if (tgt < 0) tgt = complement_subject(c, k);
    }
    if (trace_)
      std::fprintf(stderr, "trace: verb '%s' pattern '%s' (%s) clause %s source %d target %d%s%s\n",
                   std::string(text.substr(t[k].begin, t[k].end - t[k].begin)).c_str(), p.text.c_str(),
                   p.cameo->code.c_str(), clause_kind_name(clauses_.clauses[size_t(c)].kind), src, tgt,
                   intent ? " intent" : "", hypothetical ? " hypothetical" : "");
    // A verb of saying is not itself the event when it reports one, or says nothing about anyone;
    // a denial (016) still is a rejection.
    bool statement = p.rest.empty() && dict_.is_speech_verb(p.head) && p.cameo->plover_event.empty();
    if (statement && (has_complement(c) || tgt < 0)) continue;
    fallback_source(src, tgt, m.end);
    const CameoCode* code = intent ? intent_code(*p.cameo) : nullptr;
    // Preparing to fight is a military preparation (PLOVER MOBILIZE), not yet a threat.
    if (intent && preparing && p.cameo->quad_class == 4 && p.cameo->code.compare(0, 1, "1") == 0 &&
        p.cameo->code >= "18")
      code = cameo_.find("150") ? cameo_.find("150") : code;
    emit(prototype(k, m, hypothetical, code), src, tgt, out);
  }

  // 2. Event nouns: "ceasefire", "a letter to", "the need for negotiations".
  for (uint32_t k = first; k < last; ++k) {
    if (consumed_[k - first] || in_list_[k - first] || !is_noun(t[k].tag)) continue;
    Match m = best_match(PatternKind::Noun, k, false);
    if (!m.pattern) continue;
    for (uint32_t i = k; i < m.end; ++i) consumed_[i - first] = 1;
    if (demanded_[size_t(clause(k))] || clauses_.clauses[size_t(clause(k))].conditional) continue;
    const EventPattern& p = *m.pattern;
    int64_t q = int64_t(k) - 1;
    while (q >= int64_t(first) && (is_adj(t[q].tag) || t[q].tag == Tag::VBN || t[q].tag == Tag::NN)) --q;
    if (q >= int64_t(first) && t[q].word == w_no_) continue;  // "no ceasefire"
    if (in_background_phrase(k)) continue;  // "since last month's U.S. invasion"
    int c = clause(k);
    int src = m.source, tgt = m.target;
    bool hypothetical = clauses_.clauses[c].conditional;
    if (src < 0) {
      // "Russia's proposal", "the Russian proposal".
      if (q >= int64_t(first) && t[q].word == w_s_ && q > int64_t(first)) src = phrase_at(uint32_t(q - 1));
      else if (k > first && phrase_at(k - 1) >= 0 && phrase_at(k - 1) != phrase_at(k)) src = phrase_at(k - 1);
      if (src >= 0 && phrase_at(k) == src) src = -1;
    }
    if (src < 0) src = by_agent_after(m.end > k ? m.end - 1 : k, c);
    if (src < 0 && k + 2 < last && t[k + 1].word == w_of_ && of_is_agent(*p.cameo)) {
      src = phrase_starting(k + 2);  // "the deployment of NATO troops", "a visit of the Russian envoy"
    }
    if (src >= 0 && phrases[src].count >= 2 && phrases[src].end <= k) tgt = src;  // "Azerbaijan-Armenia negotiations"
    // The verb group after a subject noun: "negotiations must resume".
    for (uint32_t v = m.end; v < last && clause(v) == c; ++v) {
      if (t[v].tag == Tag::MD) hypothetical = true;
      if (is_verb(t[v].tag) && t[v].lemma != lex_.id_be() && t[v].lemma != lex_.id_have()) break;
      if (t[v].tag == Tag::Punct) break;
    }
    bool subject_is_other = false, object_of_verb = false;
    if (src < 0) {
      // The noun as the object of its clause's verb: "Russia reiterates the need for ...".
      for (int64_t v = int64_t(k) - 1; v >= int64_t(first); --v) {
        if (clause(uint32_t(v)) != c) continue;
        if (is_verb(t[v].tag)) {
          for (uint32_t i = verb_group_start(uint32_t(v)); i <= uint32_t(v); ++i)
            if (t[i].tag == Tag::MD) hypothetical = true;
          // Only the verb's own object counts ("held talks", "a round of talks"); a noun inside
          // another prepositional phrase ("at talks", "after two days of fighting") is background.
          bool adjunct = false;
          for (uint32_t i = uint32_t(v) + 1; i < k; ++i) adjunct = adjunct || (t[i].tag == Tag::IN && t[i].word != w_of_);
          if (adjunct) break;
          object_of_verb = true;
          bool pass = is_passive(uint32_t(v));
          int s = pass ? by_agent_after(uint32_t(v), c) : subject_before(verb_group_start(uint32_t(v)), c);
          if (s == -1 && !pass) s = clause_agent(c);
          if (s >= 0) src = s;
          subject_is_other = s == -2;
          break;
        }
      }
    }
    // What a speaker says was put on the table ("said that high on the agenda remains a meeting")
    // is the speaker's; a noun that is the reported clause's subject ("insisted unrest there
    // reflected ...") is not.
    if (src < 0 && object_of_verb && (!subject_is_other || clauses_.clauses[c].kind == ClauseKind::Complement))
      src = speaker_of(c);
    if (tgt < 0) tgt = first_phrase_after(k, c, src);
    fallback_source(src, tgt, m.end);
    emit(prototype(k, m, hypothetical), src, tgt, out);
  }

  // CAMEO keeps military force (19) apart from unconventional violence (18): killing by an
  // army is 190, a non-state group's bombing is 183.
  bool bombing = false;
  for (uint32_t k = first; k < last && !bombing; ++k) bombing = in_list_words(bomb_words_, t[k].lemma) || in_list_words(bomb_words_, t[k].word);
  for (RawEvent& e : out) {
    std::string_view sector = e.has_source ? e.source.sector_sv() : std::string_view();
    bool state_forces = sector == "MIL" || sector == "COP";
    bool non_state = sector == "REB" || sector == "UAF" || sector == "CVL";
    if (e.cameo->code == "180" && state_forces) {
      if (const CameoCode* c = cameo_.find("190")) e.cameo = c;
    } else if (e.cameo->code == "190" && non_state && bombing) {
      if (const CameoCode* c = cameo_.find("183")) e.cameo = c;
    }
  }

  // 3. A bare statement is dropped where its speaker's words carry a real event.
  auto is_statement = [](const RawEvent& e) { return e.cameo->code.substr(0, 2) == "01"; };
  std::vector<RawEvent> kept;
  kept.reserve(out.size());
  for (const RawEvent& e : out) {
    if (is_statement(e)) {
      bool covered = false;
      for (const RawEvent& o : out)
        covered = covered || (!is_statement(o) && o.has_source && e.has_source && o.source.same_actor(e.source));
      if (covered) continue;
    }
    bool dup = false;
    for (const RawEvent& o : kept)
      dup = dup || (o.cameo == e.cameo && o.has_source == e.has_source && o.has_target == e.has_target &&
                    (!e.has_source || o.source.same_actor(e.source)) && (!e.has_target || o.target.same_actor(e.target)));
    if (!dup) kept.push_back(e);
  }
  out.swap(kept);
}

}  // namespace dyad
