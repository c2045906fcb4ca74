// Tokens and sentences: plain structs over a document's normalised text.
// Offsets are byte offsets into that text; nothing here owns strings.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace dyad {

// Penn Treebank part-of-speech tags (the subset an English news tagger needs).
enum class Tag : uint8_t {
  None, NN, NNS, NNP, NNPS, VB, VBD, VBG, VBN, VBP, VBZ, MD, JJ, JJR, JJS, RB, RP, IN, DT, PDT,
  PRP, PRPS, WDT, WP, WRB, CC, TO, CD, POS, EX, UH, Punct, Hyph, Dash, Quote, Sym
};
const char* tag_name(Tag t);

inline bool is_noun(Tag t) { return t == Tag::NN || t == Tag::NNS || t == Tag::NNP || t == Tag::NNPS; }
inline bool is_verb(Tag t) {
  return t == Tag::VB || t == Tag::VBD || t == Tag::VBG || t == Tag::VBN || t == Tag::VBP || t == Tag::VBZ;
}
inline bool is_finite_verb(Tag t) { return t == Tag::VBD || t == Tag::VBP || t == Tag::VBZ; }
inline bool is_adj(Tag t) { return t == Tag::JJ || t == Tag::JJR || t == Tag::JJS; }

enum TokenFlags : uint16_t {
  kCapitalized = 1 << 0,   // first letter upper case
  kAllCaps = 1 << 1,       // every letter upper case, at least two letters
  kSpaceBefore = 1 << 2,   // white space right before the token
  kParagraph = 1 << 3,     // first token after a blank line
  kAbbrev = 1 << 4,        // word with its abbreviation period ("Gen.", "U.S.")
  kNewline = 1 << 5,       // first token after a line break
  kSentenceStart = 1 << 6,
};

struct Token {
  uint32_t begin = 0, end = 0;  // byte offsets into the document text
  uint32_t word = 0;            // vocabulary id of the lower-cased form (0: unknown)
  uint32_t lemma = 0;           // vocabulary id of the lemma (0: unknown, use word)
  Tag tag = Tag::None;
  uint16_t flags = 0;
  bool has(uint16_t f) const { return (flags & f) != 0; }
};

struct Sentence {
  uint32_t first_token = 0, last_token = 0;  // [first, last) into the document's tokens
  uint32_t begin = 0, end = 0;               // byte range in the document text
};

}  // namespace dyad
