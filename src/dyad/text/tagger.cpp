#include "dyad/text/tagger.h"

#include "dyad/text/tokenizer.h"
#include "dyad/util/strings.h"

namespace dyad {

namespace {
constexpr size_t kMaxCache = 1u << 20;  // distinct forms cached per thread
const Analysis kNoAnalysis{};

bool is_punct_text(std::string_view t) {
  return t.size() == 1 && !is_ascii_alpha(t[0]) && !is_ascii_digit(t[0]) && static_cast<unsigned char>(t[0]) < 0x80;
}
}  // namespace

const char* tag_name(Tag t) {
  static const char* const kNames[] = {"", "NN", "NNS", "NNP", "NNPS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ",
                                       "MD", "JJ", "JJR", "JJS", "RB", "RP", "IN", "DT", "PDT", "PRP", "PRP$",
                                       "WDT", "WP", "WRB", "CC", "TO", "CD", "POS", "EX", "UH", ".", "HYPH", ":",
                                       "``", "SYM"};
  return kNames[static_cast<int>(t)];
}

Analysis Tagger::analysis(std::string_view lower) {
  if (const Analysis* a = cache_.find(lower)) return *a;
  Analysis a = lex_.analyze(lower);
  if (cache_.size() < kMaxCache) cache_[lower] = a;
  return a;
}

void Tagger::tag(std::string_view text, std::vector<Token>& tokens, const Sentence& s) {
  size_t first = s.first_token, last = s.last_token;
  // Headlines are in title case: capitals are then no evidence of a name.
  size_t words = 0, caps = 0;
  for (size_t k = first; k < last; ++k) {
    char c = text[tokens[k].begin];
    if (is_ascii_alpha(c)) {
      ++words;
      caps += is_ascii_upper(c);
    }
  }
  bool title_case = words >= 4 && caps * 10 >= words * 7;

  readings_.assign(last - first, kNoAnalysis);
  for (size_t k = first; k < last; ++k) {
    Token& t = tokens[k];
    std::string_view tt = text.substr(t.begin, t.end - t.begin);
    token_key(tt, t.has(kAbbrev), lower_);
    t.word = lex_.find(lower_);
    t.lemma = t.word;
    t.tag = Tag::None;
    // "US", "WHO", "IT" in capitals are names, not the function words "us", "who", "it".
    bool acronym = t.has(kAllCaps) && !title_case && tt.size() <= 4;
    if (t.word && lex_.info(t.word).closed != Tag::None && !acronym) {
      t.tag = lex_.info(t.word).closed;
      t.lemma = lex_.info(t.word).closed_lemma;
      continue;
    }
    if (is_ascii_digit(tt[0])) {
      t.tag = Tag::CD;
      continue;
    }
    if (is_punct_text(tt)) {
      char c = tt[0];
      if (c == '"' || c == '\'') t.tag = Tag::Quote;
      else if (c == '-') {
        bool attached = !t.has(kSpaceBefore) && k + 1 < last && !tokens[k + 1].has(kSpaceBefore) && k > first;
        t.tag = attached ? Tag::Hyph : Tag::Dash;
      } else if (c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(' || c == ')' ||
                 c == '[' || c == ']')
        t.tag = Tag::Punct;
      else
        t.tag = Tag::Sym;
      continue;
    }
    if (tt == "...") {
      t.tag = Tag::Punct;
      continue;
    }
    readings_[k - first] = analysis(lower_);
  }
  for (size_t k = first; k < last; ++k) {
    Token& t = tokens[k];
    if (t.tag != Tag::None) {
      // Context-dependent function words.
      std::string_view w = lex_.word(t.word);
      Tag next = k + 1 < last ? tokens[k + 1].tag : Tag::Punct;
      const Analysis* na = k + 1 < last ? &readings_[k + 1 - first] : &kNoAnalysis;
      bool next_nominal = is_noun(next) || is_adj(next) || next == Tag::CD ||
                          (next == Tag::None && (na->forms & (kNounSg | kNounPl | kAdj)) &&
                           !(na->forms & (kVerbPast | kVerbS)));
      if (next == Tag::None && k + 1 < last && tokens[k + 1].has(kCapitalized) && !title_case) next_nominal = true;
      if (w == "that") {
        // Complementiser after a verb, relative pronoun before a verb, determiner before a noun.
        int64_t pp = int64_t(k) - 1;
        Tag prev = pp >= int64_t(first) ? tokens[pp].tag : Tag::Punct;
        // (At the sentence's start there is no token before: prev is Punct by default.)
        bool prev_nominal = is_noun(prev) || prev == Tag::Dash || prev == Tag::PRP ||
                            (pp >= int64_t(first) && prev == Tag::Punct && text[tokens[size_t(pp)].begin] == ')');
        bool next_verb = is_verb(next) || next == Tag::MD ||
                         (next == Tag::None && (na->forms & (kVerbPast | kVerbS)) && !(na->forms & kNounSg));
        if (is_verb(prev)) t.tag = Tag::IN;
        else if (next_verb) t.tag = prev_nominal ? Tag::WDT : Tag::IN;
        else if (next_nominal && !prev_nominal) t.tag = Tag::DT;
        else t.tag = Tag::IN;
      } else if (w == "her") {
        t.tag = next_nominal ? Tag::PRPS : Tag::PRP;
      } else if (w == "'s") {
        // "it's", "she's been": the verb be, not a possessive.
        Tag prev = k > first ? tokens[k - 1].tag : Tag::Punct;
        if (prev == Tag::PRP || prev == Tag::EX || prev == Tag::WP) {
          t.tag = Tag::VBZ;
          t.lemma = lex_.id_be();
        }
      } else if (w == "there") {
        if (!(k + 1 < last && tokens[k + 1].lemma == lex_.id_be())) t.tag = Tag::RB;
      } else if (t.tag == Tag::RP && !(k > first && is_verb(tokens[k - 1].tag))) {
        t.tag = Tag::RB;  // a particle only right after its verb ("flared up")
      }
      continue;
    }
    t.tag = decide(text, tokens, k, first, last, readings_[k - first], title_case);
    const Analysis& a = readings_[k - first];
    if (is_noun(t.tag)) t.lemma = a.noun_lemma ? a.noun_lemma : t.word;
    else if (is_verb(t.tag)) t.lemma = a.verb_lemma ? a.verb_lemma : t.word;
    else if (is_adj(t.tag)) t.lemma = a.adj_lemma ? a.adj_lemma : t.word;
  }
}

Tag Tagger::decide(std::string_view text, std::vector<Token>& tokens, size_t k, size_t first, size_t last,
                   const Analysis& a, bool title_case) {
  const Token& t = tokens[k];
  std::string_view tt = text.substr(t.begin, t.end - t.begin);
  uint16_t f = a.forms;
  bool sentence_start = k == first || tokens[k - 1].tag == Tag::Quote || (k == first + 1 && tokens[first].tag == Tag::Quote);
  if (t.has(kCapitalized) && (!title_case || f == 0) && (!sentence_start || f == 0)) {
    if (t.has(kAbbrev) || f == 0 || !(f & (kNounSg | kNounPl)) || !sentence_start) return Tag::NNP;
  }
  if (f == 0) {
    // Not in WordNet: guess from the suffix.
    if (ends_with(tt, "ing")) return Tag::VBG;
    if (ends_with(tt, "ed")) return Tag::VBN;
    if (ends_with(tt, "ly")) return Tag::RB;
    if (t.has(kCapitalized)) return Tag::NNP;
    return ends_with(tt, "s") && !ends_with(tt, "ss") ? Tag::NNS : Tag::NN;
  }
  const uint16_t verbish = kVerbBase | kVerbS | kVerbPast | kVerbIng;
  bool N = f & (kNounSg | kNounPl), V = f & verbish, J = f & kAdj;
  Tag noun = (f & kNounSg) ? Tag::NN : Tag::NNS;
  if (!V) {
    if (N && J) {
      // Adjective before a noun, noun otherwise.
      const Analysis* na = k + 1 < last ? &readings_[k + 1 - first] : &kNoAnalysis;
      Tag next = k + 1 < last ? tokens[k + 1].tag : Tag::Punct;
      bool before_noun = (na->forms & (kNounSg | kNounPl)) || next == Tag::NNP;
      if (before_noun && lex_.info(a.adj_lemma).freq[2] >= lex_.info(a.noun_lemma).freq[0] / 2) return Tag::JJ;
      // Not before a noun, a noun-or-adjective word ends its noun phrase: "a top U.S. official today".
      bool np_before = k > first && (tokens[k - 1].tag == Tag::NNP || tokens[k - 1].tag == Tag::DT ||
                                     is_adj(tokens[k - 1].tag) || tokens[k - 1].tag == Tag::PRPS);
      if (np_before && !before_noun && (next == Tag::RB || is_verb(next) || next == Tag::MD || next == Tag::None ||
                                         next == Tag::Punct))
        return noun;
      return lex_.info(a.adj_lemma).freq[2] > lex_.info(a.noun_lemma).freq[0] ? Tag::JJ : noun;
    }
    if (N) return noun;
    if (J) return (f & kAdjSup) ? Tag::JJS : (f & kAdjComp) ? Tag::JJR : Tag::JJ;
    return Tag::RB;
  }
  // Effective previous token, skipping adverbs.
  size_t p = k;
  while (p > first && tokens[p - 1].tag == Tag::RB) --p;
  Tag prev = p > first ? tokens[p - 1].tag : Tag::Punct;
  uint32_t prev_lemma = p > first ? tokens[p - 1].lemma : 0;
  Tag next = k + 1 < last ? tokens[k + 1].tag : Tag::Punct;
  // A capitalised plural ("the Palestinians", "the Serbs") heads its noun phrase and is a plural subject.
  std::string_view prev_text = p > first ? text.substr(tokens[p - 1].begin, tokens[p - 1].end - tokens[p - 1].begin) : "";
  bool prev_proper_plural = prev == Tag::NNP && prev_text.size() > 3 && prev_text.back() == 's' &&
                            prev_text[prev_text.size() - 2] != 's';
  std::string_view next_word = k + 1 < last ? lex_.word(tokens[k + 1].word) : std::string_view();

  // A plural noun reading right before a verb is the subject: "Azerbaijani forces shelled".
  if ((f & kNounPl) && (f & kVerbS)) {
    const Analysis& na = k + 1 < last ? readings_[k + 1 - first] : kNoAnalysis;
    bool next_is_verb = next == Tag::MD || (is_verb(next) && next != Tag::VBG) ||
                        (next == Tag::None && (na.forms & (kVerbPast | kVerbS)) && !(na.forms & (kNounSg | kNounPl)));
    if (next_is_verb || is_adj(prev)) return Tag::NNS;
    // "Ivory Coast rebels on Friday rejected ...": an unambiguous finite verb later in the
    // clause means this one is the subject noun.
    if (prev == Tag::NNP || prev == Tag::NNPS) {
      for (size_t q = k + 1; q < last; ++q) {
        const Token& n = tokens[q];
        if (n.tag == Tag::Punct || n.tag == Tag::CC || n.tag == Tag::WDT || (n.tag == Tag::IN && lex_.word(n.word) == "that")) break;
        const Analysis& r = readings_[q - first];
        bool finite = n.tag == Tag::MD || is_finite_verb(n.tag) ||
                      (n.tag == Tag::None && (r.forms & kVerbPast) && !(r.forms & (kNounSg | kNounPl)));
        if (finite) return Tag::NNS;
      }
    }
  }
  if (prev == Tag::TO || prev == Tag::MD) {
    if (f & kVerbBase) return Tag::VB;
  }
  if (is_verb(prev) && prev_lemma == lex_.id_do() && (f & kVerbBase)) return Tag::VB;
  if (is_verb(prev) && prev_lemma == lex_.id_be()) {
    if (f & kVerbIng) return Tag::VBG;
    if (f & kVerbPast) return Tag::VBN;
    if (J) return Tag::JJ;
    if (N) return noun;
  }
  if (is_verb(prev) && prev_lemma == lex_.id_have() && (f & kVerbPast)) return Tag::VBN;
  // Right after a full verb, a word that can be a noun is its object: "held talks", "signed deals".
  if (is_verb(prev) && p == k && prev_lemma != lex_.id_be() && prev_lemma != lex_.id_have() &&
      prev_lemma != lex_.id_do() && prev != Tag::VBG && N && !(f & kVerbIng) && !(f & kVerbPast))
    return noun;
  // A participle between a verb and its object noun is adjectival: "reject proposed changes".
  if (is_verb(prev) && (f & kVerbPast) && k + 1 < last &&
      (tokens[k + 1].tag == Tag::NNP || tokens[k + 1].tag == Tag::JJ ||
       (readings_[k + 1 - first].forms & (kNounSg | kNounPl | kAdj))))
    return Tag::JJ;
  if (prev == Tag::Hyph) {
    if (f & kVerbPast) return Tag::VBN;
    if (f & kVerbIng) return Tag::VBG;
    if (N) return noun;
    if (J) return Tag::JJ;
  }
  // Inside a noun phrase ("the alleged illegal Armenian mining"): nominal readings win.
  bool in_np = false;
  for (size_t q = p; q > first; --q) {
    Tag b = tokens[q - 1].tag;
    if (b == Tag::DT || b == Tag::PRPS || b == Tag::POS || b == Tag::PDT) {
      in_np = true;
      break;
    }
    // After a full verb and modifiers: the verb's object ("reject proposed Israeli changes").
    if (q < p && is_verb(b) && tokens[q - 1].lemma != lex_.id_be() && tokens[q - 1].lemma != lex_.id_have()) {
      in_np = true;
      break;
    }
    if (!(is_adj(b) || b == Tag::NNP || b == Tag::NN || b == Tag::Hyph || b == Tag::VBN || b == Tag::CD)) break;
    if (q == p && b == Tag::CD && (f & kVerbPast)) break;  // "2020 ended"
  }
  // After a common noun, or a past form after a name, we are past the noun phrase's head.
  if (prev == Tag::NN || prev == Tag::NNS || prev_proper_plural || ((f & kVerbPast) && is_noun(prev))) in_np = false;
  if (in_np) {
    if (N) return noun;
    if (J) return Tag::JJ;
    if (f & kVerbPast) return Tag::JJ;  // "the alleged"
    if (f & kVerbIng) return Tag::NN;
  }
  if (prev == Tag::CC && p >= first + 2 && is_adj(tokens[p - 2].tag) && (J || (f & kVerbPast))) return Tag::JJ;
  if (is_adj(prev) && (f & kVerbIng) && N) return noun;  // "fierce fighting"
  if (prev == Tag::IN || prev == Tag::TO) {
    if (f & kVerbIng) return Tag::VBG;
    if (N) return noun;
    if (J) return Tag::JJ;
  }
  if (prev == Tag::CC && p >= first + 2 && is_verb(tokens[p - 2].tag)) {
    Tag before = tokens[p - 2].tag;
    if ((before == Tag::VBD || before == Tag::VBN) && (f & kVerbPast)) return before;
    if (before == Tag::VBZ && (f & kVerbS)) return Tag::VBZ;
    if (before == Tag::VBG && (f & kVerbIng)) return Tag::VBG;
    if ((before == Tag::VB || before == Tag::VBP) && (f & kVerbBase)) return before;
  }
  bool subject_before = is_noun(prev) || prev == Tag::PRP || prev == Tag::WDT || prev == Tag::WP || prev == Tag::EX;
  bool object_after = next == Tag::DT || next == Tag::NNP || next == Tag::PRP || next == Tag::PRPS ||
                      next == Tag::CD || next == Tag::TO || next == Tag::IN || next == Tag::None ||
                      (k + 1 < last && tokens[k + 1].has(kCapitalized));
  if (subject_before) {
    if (f & kVerbPast) return next_word == "by" ? Tag::VBN : Tag::VBD;
    if (f & kVerbS) {
      if ((f & kNounPl) && (prev == Tag::NN) && !object_after) return Tag::NNS;
      return Tag::VBZ;
    }
    if (f & kVerbBase) {
      // "The Palestinians reject": a capitalised plural ("Palestinians", "Serbs") is a plural subject.
      bool plural_subject = prev == Tag::NNS || prev == Tag::NNPS || prev == Tag::PRP || prev == Tag::WDT ||
                            prev == Tag::WP || prev_proper_plural;
      if (plural_subject && (!N || object_after)) return Tag::VBP;
      // "demanded that North Korea abandon its program": a determiner after means a verb with an object.
      bool object_next = next == Tag::DT || next == Tag::PRPS || next == Tag::PRP || next == Tag::CD;
      if (object_next && lex_.info(a.verb_lemma).freq[1] > 0) return plural_subject ? Tag::VBP : Tag::VB;
      if (N && is_noun(prev)) return noun;
      if (!N) return Tag::VBP;
    }
    if (f & kVerbIng) return N && is_noun(prev) && !object_after ? noun : Tag::VBG;
  }
  if (prev == Tag::Punct || prev == Tag::Dash || prev == Tag::Quote || p == first) {
    if (f & kVerbIng) return Tag::VBG;
    if (f & kVerbPast)
      return (p == first || next_word == "by" || next == Tag::IN || next == Tag::TO) ? Tag::VBN : Tag::VBD;
  }
  // Fall back on WordNet's frequencies.
  unsigned nf = N ? lex_.info(a.noun_lemma).freq[0] : 0;
  unsigned vf = lex_.info(a.verb_lemma).freq[1];
  unsigned jf = J ? lex_.info(a.adj_lemma).freq[2] : 0;
  if (f & kVerbPast) return (f & kNounSg) && nf > vf * 2 ? Tag::NN : Tag::VBD;
  if ((f & kVerbIng) && !(f & kNounSg)) return Tag::VBG;
  if (J && jf >= nf && jf >= vf) return Tag::JJ;
  if (N && nf >= vf) return noun;
  if (f & kVerbS) return Tag::VBZ;
  if (f & kVerbIng) return Tag::VBG;
  if (f & kVerbBase) return N ? noun : Tag::VB;
  return noun;
}

}  // namespace dyad
