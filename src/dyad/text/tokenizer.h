// Splits normalised text into tokens and sentences in one pass. Tokens keep
// byte offsets; words keep internal apostrophes of names (O'Brien) but split
// English clitics ('s, n't, 're ...); a hyphen between letters is its own token
// so compounds ("Armenian-Azerbaijani") expose their parts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dyad/text/token.h"

namespace dyad {

class Tokenizer {
 public:
  // Appends the tokens of `text` to `tokens` (cleared first). Offsets are relative to `text`.
  static void tokenize(std::string_view text, std::vector<Token>& tokens);
  // Groups tokens into sentences (cleared first): sentence ends at . ! ? that are not
  // abbreviations, and at paragraph breaks. Marks kSentenceStart on first tokens.
  static void split_sentences(std::string_view text, std::vector<Token>& tokens, std::vector<Sentence>& sentences);
};

// The lower-case lookup key of a token: "Gen." -> "gen", "U.S." -> "u.s.", "Armenia" -> "armenia".
// Every stage and every dictionary builds keys this way, so they agree.
inline void token_key(std::string_view token_text, bool abbrev, std::string& out) {
  out.clear();
  if (abbrev && token_text.size() > 1 && token_text.find('.') == token_text.size() - 1)
    token_text.remove_suffix(1);
  for (char c : token_text) out.push_back((c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c);
}

// Tokenises a dictionary phrase; returns each token's text and abbreviation flag.
struct PhraseToken {
  std::string_view text;
  bool abbrev = false;
  bool capitalized = false;
  bool all_caps = false;
};
std::vector<PhraseToken> tokenize_phrase(std::string_view phrase);

// True for abbreviations whose period never ends a sentence when a name or number follows ("Gen.", "Dec.").
bool is_title_abbreviation(std::string_view word_lower);

}  // namespace dyad
