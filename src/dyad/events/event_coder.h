// EventCoder: finds the events of one analysed sentence. Verb and noun
// triggers come from the EventDictionary; who did it and to whom comes from
// the clause structure (subject, passive "by" agent, relative antecedent,
// reported speech) and the actor phrases. One EventCoder per thread.
#pragma once

#include <algorithm>
#include <string_view>
#include <vector>

#include "dyad/actors/actor_phrase.h"
#include "dyad/events/clauses.h"
#include "dyad/events/event_dictionary.h"

namespace dyad {

// An event in token terms; the pipeline turns it into an output record.
struct RawEvent {
  const CameoCode* cameo = nullptr;
  ActorMember source, target;
  bool has_source = false, has_target = false;
  uint32_t trigger_begin = 0, trigger_end = 0;  // tokens
  bool hypothetical = false;
};

// True for CAMEO codes whose actors act with each other (consult, agree, fight ...),
// so that a compound actor alone yields one event per pair.
bool is_reciprocal(const CameoCode& code);
// True where "the X of Y" makes Y the one who did X (visits, aid, protests, withdrawals).
bool of_is_agent(const CameoCode& code);

class EventCoder {
 public:
  EventCoder(const EventDictionary& dict, const CameoTable& cameo, const Lexicon& lexicon);

  void code(std::string_view text, const std::vector<Token>& tokens, uint32_t first, uint32_t last,
            const std::vector<ActorPhrase>& phrases, std::vector<RawEvent>& out);

  const ClauseMap& clauses() const { return clauses_; }

 private:
  struct Match {
    const EventPattern* pattern = nullptr;
    uint32_t end = 0;  // token after the last matched word
    int target = -1, source = -1;  // phrase indexes from slots
  };
  struct Trigger {
    uint32_t token;
    Match match;
  };

  bool match_rest(const EventPattern& p, size_t e, uint32_t pos, Match& m) const;
  Match best_match(PatternKind kind, uint32_t k, bool head_only) const;
  void restructure_inverted_reporting();
  void restructure_bare_complements();
  int phrase_at(uint32_t k) const;        // actor phrase containing token k, or -1
  int phrase_starting(uint32_t k) const;  // phrase beginning at k (after a determiner), or -1
  int clause(uint32_t k) const { return clauses_.clause_of(k, first_); }

  // Roles. Return a phrase index, -1 for "none found", -2 for "a subject that is not an actor".
  int subject_before(uint32_t k, int clause_id) const;
  int np_head_phrase(uint32_t begin, uint32_t end) const;
  int by_agent_after(uint32_t k, int clause_id) const;
  int first_phrase_after(uint32_t k, int clause_id, int exclude) const;
  int clause_agent(int clause_id) const;  // subject (or by-agent) of a clause's first verb
  int antecedent_of(int clause_id) const;
  int between_pair() const;
  uint32_t verb_group_start(uint32_t k) const;
  bool is_passive(uint32_t k) const;

  RawEvent prototype(uint32_t k, const Match& m, bool hypothetical, const CameoCode* code = nullptr) const;
  const CameoCode* intent_code(const CameoCode& code) const;
  int complement_subject(int clause_id, uint32_t after) const;
  bool governed_by_speech(const Clause& complement) const;
  int speaker(const Clause& complement) const;
  bool has_condition(int clause_id) const;  // an if/unless clause hangs on this clause
  bool clause_has_finite_trigger(int clause_id, uint32_t before) const;
  bool in_background_phrase(uint32_t k) const;
  static bool in_list_words(const std::vector<uint32_t>& v, uint32_t id) {
    return std::find(v.begin(), v.end(), id) != v.end();
  }
  bool punctuation_between(uint32_t from, uint32_t to) const;
  bool attributive_state(uint32_t k, const CameoCode& code) const;
  void emit(const RawEvent& proto, int source, int target, std::vector<RawEvent>& out) const;

  const EventDictionary& dict_;
  const CameoTable& cameo_;
  const Lexicon& lex_;
  ClauseSegmenter segmenter_;
  ClauseMap clauses_;

  // Per-sentence state, reused.
  std::string_view text_;
  const std::vector<Token>* tokens_ = nullptr;
  const std::vector<ActorPhrase>* phrases_ = nullptr;
  uint32_t first_ = 0, last_ = 0;
  mutable int match_clause_ = 0;  // clause of the trigger being matched
  bool trace_ = false;
  std::vector<uint8_t> consumed_;
  std::vector<uint8_t> in_list_;  // tokens whose events are not asserted: examples, purposes, a speaker's description
  uint32_t speaker_begin_ = 0, speaker_end_ = 0;
  std::vector<Trigger> triggers_;

  uint32_t w_for_ = 0, w_at_ = 0, w_aim_ = 0, w_prepare_ = 0, w_prepared_ = 0, w_by_, w_not_, w_nt_, w_never_, w_no_, w_of_, w_between_, w_to_, w_s_, w_that_, w_including_, w_such_, w_as_;
  std::vector<uint32_t> hypothetical_governors_, negating_governors_, intent_governors_, future_modals_,
      obligation_modals_, bomb_words_, background_preps_, aspect_verbs_;
  uint32_t w_must_ = 0, w_need_ = 0;
  std::vector<uint8_t> demanded_;  // per clause: the content of a reported demand
};

}  // namespace dyad
