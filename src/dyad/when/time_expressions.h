// Time expressions: the phrases of a sentence that say when something
// happened ("on Saturday", "last December", "since December 12, 2022",
// "two days ago", "in February"), each resolved against the report's date to
// a calendar date and a precision. Which event an expression belongs to is
// decided later, from the clause structure (events/event_setting.h).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "dyad/events/clauses.h"
#include "dyad/text/lexicon.h"
#include "dyad/text/token.h"
#include "dyad/util/date.h"

namespace dyad {

enum class DatePrecision : uint8_t { Day, Week, Month, Year };
const char* precision_name(DatePrecision p);

// A date at a precision; `date` holds the first day of the week, month or year.
struct FuzzyDate {
  Date date;
  DatePrecision precision = DatePrecision::Day;
  // "2023-02-14" (day), "2023-02-13" (week: its Monday), "2023-02" (month), "2023" (year).
  std::string text() const;
};

struct TimeMention {
  uint32_t begin = 0, end = 0;  // tokens
  FuzzyDate when;
  bool future = false;  // "next week", "tomorrow", "will meet on Monday": not when anything reported happened
  bool bound = false;   // "until March", "by Friday": a deadline or end, not when it happened
};

class TimeFinder {
 public:
  // Adds the words the finder looks for to the vocabulary; call while loading.
  static void add_words(Lexicon& lexicon);
  explicit TimeFinder(const Lexicon& lexicon);

  // Time expressions of tokens [first, last), resolved against `report_day`
  // (days since 1970-01-01). `clauses` tells which clause a token is in (for
  // "will"). Appends to `out` (cleared first).
  void find(std::string_view text, const std::vector<Token>& tokens, uint32_t first, uint32_t last,
            const ClauseMap& clauses, int32_t report_day, std::vector<TimeMention>& out);

 private:
  struct Word {
    uint8_t kind = 0;  // a WordKind (time_expressions.cpp)
    int value = 0;  // month 1-12, weekday 0 (Monday)-6, unit (0 day, 1 week, 2 month, 3 year), number
  };
  Word word(uint32_t k) const;
  int number(uint32_t k) const;  // value of a digit token ("12", "12th"), or -1
  bool match(uint32_t k, TimeMention& m) const;  // an expression starting at token k
  bool core(uint32_t j, bool cued, TimeMention& m) const;
  bool month_form(uint32_t j, bool cued, int relation, TimeMention& m) const;
  bool in_future_clause(uint32_t k) const;

  std::vector<uint32_t> words_;  // by word id: kind << 8 | value, 0 for other words
  std::vector<uint32_t> kinds_;
  std::vector<uint32_t> aspect_;  // lemmas whose infinitive happened: "began to shell"  // per token of the sentence: its words_ value, or 0
  // Per call.
  std::string_view text_;
  const std::vector<Token>* tokens_ = nullptr;
  const ClauseMap* clauses_ = nullptr;
  uint32_t first_ = 0, last_ = 0;
  Date today_;
};

}  // namespace dyad
