// Clause segmentation: which tokens of a sentence belong to which clause,
// and how clauses hang together (a relative clause's antecedent, a
// complement's governing speech verb, a participial adjunct's main clause).
// Shallow, punctuation- and function-word-driven, no parse tree: the event
// coder only needs to know where to look for a verb's subject and object.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "dyad/text/lexicon.h"
#include "dyad/text/token.h"

namespace dyad {

enum class ClauseKind : uint8_t { Main, Complement, Relative, Participial, Subordinate, Parenthetical };
const char* clause_kind_name(ClauseKind k);

struct Clause {
  ClauseKind kind = ClauseKind::Main;
  int parent = -1;          // the clause this one depends on
  uint32_t opener = 0;      // token that opened it (relative pronoun, "that", dash, participle ...)
  bool initial = false;     // opened at the start of the sentence (closes at the first comma)
  bool conditional = false; // "if", "unless": what it reports has not happened
  bool reported = false;    // the words of a speaker (a complement, or the clause before "..., X says")
  int governor = -1;        // for a complement: the verb token that introduces it, when known
};

struct ClauseMap {
  std::vector<Clause> clauses;
  std::vector<int16_t> of_token;  // clause index per token, relative to the sentence's first token
  int clause_of(uint32_t token, uint32_t first) const { return of_token[token - first]; }
};

class ClauseSegmenter {
 public:
  explicit ClauseSegmenter(const Lexicon& lexicon);
  void segment(std::string_view text, const std::vector<Token>& tokens, uint32_t first, uint32_t last, ClauseMap& out) const;

 private:
  uint32_t w_that_, w_although_, w_though_, w_while_, w_because_, w_whereas_,
      w_unless_, w_if_, w_but_, w_where_;
};

}  // namespace dyad
