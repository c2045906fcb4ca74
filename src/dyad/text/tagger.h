// Tagger: gives every token its vocabulary id, Penn part-of-speech tag and
// lemma. Candidate readings come from the Lexicon (closed-class words and
// WordNet morphology); a small set of ordered contextual rules picks one,
// with WordNet's tagged-sense counts as the tie-breaker. One Tagger per
// thread: it caches analyses of the words it has seen.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dyad/text/lexicon.h"
#include "dyad/text/token.h"
#include "dyad/util/string_map.h"

namespace dyad {

class Tagger {
 public:
  explicit Tagger(const Lexicon& lexicon) : lex_(lexicon) {}

  // Tags tokens[s.first_token, s.last_token) of a document whose text is `text`.
  void tag(std::string_view text, std::vector<Token>& tokens, const Sentence& s);

 private:
  Analysis analysis(std::string_view lower);
  Tag decide(std::string_view text, std::vector<Token>& tokens, size_t k, size_t first, size_t last,
             const Analysis& a, bool title_case);

  const Lexicon& lex_;
  StringMap<Analysis> cache_;
  std::string lower_;
  std::vector<Analysis> readings_;  // per token of the current sentence (copies: the cache may grow)
};

}  // namespace dyad
