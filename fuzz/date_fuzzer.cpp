// libFuzzer target: dates. The first line of the input is parsed by
// parse_iso_date (and a parsed date must survive days() -> from_days() ->
// iso() -> parse_iso_date); it is also the report date. The rest is a report
// text, analysed as CoderSession does before it looks for time expressions
// (normalised, tokenised, split, tagged, clauses segmented), and every
// sentence goes through TimeFinder::find against the report date (or none,
// INT32_MIN, as for a report without a date).
#include <climits>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/events/clauses.h"
#include "dyad/util/date.h"
#include "dyad/when/time_expressions.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  dyad::fuzz::coder();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t nl = input.find('\n');
  std::string_view first = input.substr(0, nl);
  std::string_view rest = nl == std::string_view::npos ? std::string_view() : input.substr(nl + 1);

  int32_t day = INT32_MIN;
  if (auto d = dyad::parse_iso_date(first)) {
    if (!d->valid()) __builtin_trap();
    day = d->days();
    dyad::Date back = dyad::Date::from_days(day);
    if (!(back == *d)) __builtin_trap();
    std::string iso = back.iso();
    auto again = dyad::parse_iso_date(iso);
    if (!again || !(*again == *d)) __builtin_trap();
  }

  const dyad::Coder& coder = dyad::fuzz::coder();
  const dyad::Lexicon& lexicon = coder.lexicon();
  dyad::ClauseSegmenter segmenter(lexicon);
  dyad::TimeFinder finder(lexicon);
  dyad::ClauseMap clauses;
  std::vector<dyad::TimeMention> mentions;
  dyad::fuzz::for_each_tagged_sentence(
      rest, lexicon, [&](std::string_view text, const std::vector<dyad::Token>& tokens, const dyad::Sentence& s) {
        segmenter.segment(text, tokens, s.first_token, s.last_token, clauses);
        finder.find(text, tokens, s.first_token, s.last_token, clauses, day, mentions);
        for (const dyad::TimeMention& m : mentions) {
          if (m.begin < s.first_token || m.end > s.last_token || m.begin >= m.end) __builtin_trap();
          (void)m.when.text();
        }
      });
  return 0;
}
