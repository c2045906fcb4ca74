#include "dyad/text/tokenizer.h"

#include <array>
#include <cstring>

#include "dyad/util/strings.h"

namespace dyad {

namespace {

inline bool is_word_byte(unsigned char c) { return is_ascii_alpha(char(c)) || is_ascii_digit(char(c)) || c >= 0x80; }
inline bool is_letter_byte(unsigned char c) { return is_ascii_alpha(char(c)) || c >= 0x80; }

bool in_list(std::string_view w, const char* const* list) {
  for (; *list; ++list)
    if (w == *list) return true;
  return false;
}

// Abbreviations written with a final period (lower case, without the period).
const char* const kAbbrevs[] = {
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "adm", "gov", "sen", "rep", "pres",
    "prof", "st", "jr", "sr", "rev", "hon", "amb", "cmdr", "cpl", "pvt", "brig", "insp", "supt", "messrs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vs",
    "etc", "inc", "ltd", "co", "corp", "dept", "approx", "est", "mt", "ft", "fig", "vol", "al", "ave", "blvd",
    nullptr};
// Abbreviations that precede a name or number and so never end a sentence.
const char* const kTitleAbbrevs[] = {"mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "adm",
                                     "gov", "sen", "rep", "pres", "prof", "st", "rev", "hon", "amb", "cmdr",
                                     "cpl", "pvt", "brig", "insp", "supt", "messrs", "jan", "feb", "mar", "apr",
                                     "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vs",
                                     "mt", "ft", "fig", "vol", nullptr};
const char* const kClitics[] = {"'s", "'re", "'ve", "'ll", "'d", "'m", nullptr};

bool lower_equals_any(std::string_view w, const char* const* list) {
  char buf[16];
  if (w.size() >= sizeof buf) return false;
  for (size_t i = 0; i < w.size(); ++i) buf[i] = ascii_lower(w[i]);
  return in_list(std::string_view(buf, w.size()), list);
}

bool lower_eq(std::string_view w, std::string_view lit) {
  if (w.size() != lit.size()) return false;
  for (size_t i = 0; i < w.size(); ++i)
    if (ascii_lower(w[i]) != lit[i]) return false;
  return true;
}

}  // namespace

bool is_title_abbreviation(std::string_view word_lower) { return in_list(word_lower, kTitleAbbrevs); }

void Tokenizer::tokenize(std::string_view text, std::vector<Token>& tokens) {
  tokens.clear();
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  size_t i = 0;
  uint16_t pending = 0;
  int newlines = 0;
  auto push = [&](size_t b, size_t e, uint16_t extra) {
    Token t;
    t.begin = uint32_t(b);
    t.end = uint32_t(e);
    t.flags = uint16_t(pending | extra);
    if (newlines >= 2) t.flags |= kParagraph;
    if (newlines >= 1) t.flags |= kNewline;
    if (is_ascii_upper(char(s[b]))) {
      t.flags |= kCapitalized;
      size_t letters = 0, upper = 0;
      for (size_t k = b; k < e; ++k)
        if (is_ascii_alpha(char(s[k]))) {
          ++letters;
          upper += is_ascii_upper(char(s[k]));
        }
      if (letters >= 2 && letters == upper) t.flags |= kAllCaps;
    }
    tokens.push_back(t);
    pending = 0;
    newlines = 0;
  };
  while (i < n) {
    unsigned char c = s[i];
    if (c == ' ' || c == '\n') {
      pending |= kSpaceBefore;
      if (c == '\n') ++newlines;
      ++i;
      continue;
    }
    if (is_word_byte(c)) {
      size_t b = i;
      bool digits_only = is_ascii_digit(char(c));
      bool negation = false;
      while (i < n) {
        unsigned char d = s[i];
        if (is_word_byte(d)) {
          if (!is_ascii_digit(char(d))) digits_only = false;
          ++i;
          continue;
        }
        // A slash between letters joins one name: "SPLM/A", "and/or".
        if (d == '/' && i + 1 < n && is_letter_byte(s[i + 1]) && is_letter_byte(s[i - 1])) {
          ++i;
          continue;
        }
        // Inner punctuation that belongs to the token: 3,000 / 12.5 / O'Brien / U.S.
        if ((d == ',' || d == '.') && digits_only && i + 1 < n && is_ascii_digit(char(s[i + 1]))) {
          ++i;
          continue;
        }
        if (d == '\'' && i + 1 < n && is_letter_byte(s[i + 1])) {
          if (i > b + 1 && ascii_lower(char(s[i - 1])) == 'n' && ascii_lower(char(s[i + 1])) == 't' &&
              (i + 2 >= n || !is_word_byte(s[i + 2]))) {
            negation = true;  // don't -> do + n't
            break;
          }
          // Clitic? then stop before the apostrophe.
          std::string_view rest(text.data() + i, std::min<size_t>(4, n - i));
          bool clitic = false;
          for (const char* const* c2 = kClitics; *c2; ++c2) {
            size_t len = std::strlen(*c2);
            if (rest.size() >= len && lower_eq(rest.substr(0, len), *c2) &&
                (i + len >= n || !is_word_byte(s[i + len]))) {
              clitic = true;
              break;
            }
          }
          if (clitic) break;
          ++i;
          continue;
        }
        break;
      }
      if (negation) {
        push(b, i - 1, 0);
        push(i - 1, i + 2, 0);
        i += 2;
        continue;
      }
      // Abbreviation with periods: U.S., U.N., a.m., or a listed one like "Gen."
      if (i < n && s[i] == '.') {
        std::string_view w(text.data() + b, i - b);
        bool initials = false;
        size_t j = i;
        if (w.size() == 1 && is_letter_byte(s[b])) {
          // Single letter followed by "." and maybe more "X." groups.
          initials = true;
          while (j + 2 < n && s[j] == '.' && is_ascii_alpha(char(s[j + 1])) && s[j + 2] == '.') j += 2;
        }
        if (initials || lower_equals_any(w, kAbbrevs)) {
          push(b, j + 1, kAbbrev);
          i = j + 1;
          continue;
        }
      }
      push(b, i, 0);
      continue;
    }
    if (c == '\'' && i + 1 < n) {
      // Clitic after a word: 's 're 've ...
      for (const char* const* c2 = kClitics; *c2; ++c2) {
        size_t len = std::strlen(*c2);
        if (i + len <= n && lower_eq(text.substr(i, len), *c2) &&
            (i + len >= n || !is_word_byte(s[i + len])) && !tokens.empty() && !(pending & kSpaceBefore)) {
          push(i, i + len, 0);
          i += len;
          goto next;
        }
      }
      // Possessive of a plural: "ministers'"
      if (!tokens.empty() && !(pending & kSpaceBefore) && i > 0 && (s[i - 1] == 's' || s[i - 1] == 'S') &&
          (i + 1 >= n || !is_word_byte(s[i + 1]))) {
        push(i, i + 1, 0);
        ++i;
        continue;
      }
    }
    if (c >= 0x80) {  // unreachable: non-ASCII bytes are word bytes
      ++i;
      continue;
    }
    if (c == '.' && i + 2 < n && s[i + 1] == '.' && s[i + 2] == '.') {
      push(i, i + 3, 0);
      i += 3;
      continue;
    }
    push(i, i + 1, 0);
    ++i;
  next:;
  }
}

// The longest sentence coded as one: longer runs without an end are cut here.
constexpr size_t kMaxSentenceTokens = 300;

void Tokenizer::split_sentences(std::string_view text, std::vector<Token>& tokens, std::vector<Sentence>& sentences) {
  sentences.clear();
  size_t n = tokens.size();
  size_t start = 0;
  auto close = [&](size_t end) {
    if (end <= start) return;
    Sentence s;
    s.first_token = uint32_t(start);
    s.last_token = uint32_t(end);
    s.begin = tokens[start].begin;
    s.end = tokens[end - 1].end;
    tokens[start].flags |= kSentenceStart;
    sentences.push_back(s);
    start = end;
  };
  auto tok_text = [&](size_t k) { return text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin); };
  for (size_t k = 0; k < n; ++k) {
    if (k > start && tokens[k].has(kParagraph)) close(k);
    // No real sentence is this long; cutting keeps the coding of unpunctuated
    // text (a 100 MB "sentence") linear (docs/reliability.md).
    if (k - start >= kMaxSentenceTokens) close(k);
    std::string_view t = tok_text(k);
    bool end = false;
    if (t == "." || t == "!" || t == "?" || t == "...") {
      end = true;
    } else if (tokens[k].has(kAbbrev)) {
      // "etc." or "U.S." may end a sentence: only when the next word starts a new one.
      std::string lower = to_lower(t.substr(0, t.size() - 1));
      if (!is_title_abbreviation(lower) && k + 1 < n && tokens[k + 1].has(kCapitalized)) {
        std::string next = to_lower(tok_text(k + 1));
        static const char* const kStarters[] = {"the", "a", "an", "he", "she", "it", "they", "we", "i", "in",
                                                "on", "this", "that", "but", "and", "however", "its", "their",
                                                "his", "her", "there", "at", "after", "on", "meanwhile", nullptr};
        end = lower == "etc" || in_list(next, kStarters);
      }
    }
    if (!end) continue;
    // Take closing quotes and brackets along.
    size_t e = k + 1;
    while (e < n && (tok_text(e) == "\"" || tok_text(e) == "'" || tok_text(e) == ")") && !tokens[e].has(kSpaceBefore)) ++e;
    if (e < n && !tokens[e].has(kParagraph)) {
      // Only a real boundary if something sentence-like follows.
      std::string_view next = tok_text(e);
      unsigned char c = static_cast<unsigned char>(next[0]);
      if (!(is_ascii_upper(char(c)) || is_ascii_digit(char(c)) || c == '"' || c == '\'' || c == '(' || c >= 0x80))
        continue;
    }
    close(e);
    k = e - 1;
  }
  close(n);
}

std::vector<PhraseToken> tokenize_phrase(std::string_view phrase) {
  std::vector<Token> tokens;
  Tokenizer::tokenize(phrase, tokens);
  std::vector<PhraseToken> out;
  for (const Token& t : tokens)
    out.push_back({phrase.substr(t.begin, t.end - t.begin), t.has(kAbbrev), t.has(kCapitalized), t.has(kAllCaps)});
  return out;
}

}  // namespace dyad
