// When and where an event happened: of a sentence's time expressions and
// place mentions, the ones that belong to the event. A time expression
// belongs to the clause it is in, and a clause without one takes the time of
// the clause it hangs on ("Lavrov said in February that a meeting remains on
// the agenda": the meeting-intent is February); in "X said on Monday that Y
// attacked Z on Saturday" the attack is Saturday. A place belongs to the
// event's clause or to a relative or adverbial clause hanging on it, never
// across reported speech: where a speaker spoke is not where the reported
// thing happened.
#pragma once

#include <cstdint>
#include <vector>

#include "dyad/events/clauses.h"
#include "dyad/events/event_coder.h"
#include "dyad/when/time_expressions.h"
#include "dyad/where/place_finder.h"

namespace dyad {

class EventSetting {
 public:
  explicit EventSetting(const Lexicon& lexicon);

  // The time expression that dates `e`, or nullptr (the report date).
  const TimeMention* time(const RawEvent& e, const ClauseMap& clauses, uint32_t first,
                          const std::vector<TimeMention>& times) const;

  // The place where `e` happened, or nullptr. `all` are the sentence's events (`e` among them).
  const PlaceMention* place(const RawEvent& e, const ClauseMap& clauses, uint32_t first,
                            const std::vector<Token>& tokens, const std::vector<PlaceMention>& places,
                            const std::vector<RawEvent>& all) const;

 private:
  // True if words between the trigger and the place hand the place to another
  // happening: "accused Israel of bombing a hospital in Gaza", "condemned X over
  // a strike in Damascus", "urged NATO to send ... to Y".
  bool blocked(const RawEvent& e, const PlaceMention& p, const std::vector<Token>& tokens) const;

  std::vector<uint32_t> blockers_;
  uint32_t w_to_ = 0, w_about_ = 0;
};

}  // namespace dyad
