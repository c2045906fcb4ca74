// Text analysis: normalisation, tokens, sentences, tags and lemmas.
#include <gtest/gtest.h>

#include "dyad/text/normalize.h"
#include "dyad/text/tagger.h"
#include "dyad/text/tokenizer.h"
#include "test_support.h"

namespace dyad {
namespace {

std::vector<std::string> token_texts(const std::string& text) {
  std::vector<Token> toks;
  Tokenizer::tokenize(text, toks);
  std::vector<std::string> out;
  for (const auto& t : toks) out.push_back(text.substr(t.begin, t.end - t.begin));
  return out;
}

std::vector<std::string> sentences(const std::string& text) {
  std::vector<Token> toks;
  std::vector<Sentence> sents;
  Tokenizer::tokenize(text, toks);
  Tokenizer::split_sentences(text, toks, sents);
  std::vector<std::string> out;
  for (const auto& s : sents) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

// "word/TAG/lemma" for every token of the first sentence.
std::vector<std::string> tagged(const std::string& raw) {
  std::string text = normalize_text(raw);
  std::vector<Token> toks;
  std::vector<Sentence> sents;
  Tokenizer::tokenize(text, toks);
  Tokenizer::split_sentences(text, toks, sents);
  Tagger tagger(test::coder().lexicon());
  tagger.tag(text, toks, sents.at(0));
  std::vector<std::string> out;
  for (uint32_t k = sents[0].first_token; k < sents[0].last_token; ++k) {
    const Token& t = toks[k];
    std::string lemma = t.lemma ? std::string(test::coder().lexicon().word(t.lemma)) : "?";
    out.push_back(text.substr(t.begin, t.end - t.begin) + "/" + tag_name(t.tag) + "/" + lemma);
  }
  return out;
}

TEST(Normalize, TypographyBecomesAscii) {
  EXPECT_EQ(normalize_text("Armenia\u2019s \u201cpeace\u201d \u2013 talks"), "Armenia's \"peace\" - talks");
  EXPECT_EQ(normalize_text("a\u00a0b\u200bc"), "a bc");
  EXPECT_EQ(normalize_text("wait\u2026"), "wait...");
  EXPECT_EQ(normalize_text("two  spaces\t\tand tabs"), "two spaces and tabs");
}

TEST(Normalize, ComposesToNfc) {
  // "e" + combining acute becomes the single code point U+00E9.
  EXPECT_EQ(normalize_text("Erdog\u0306an Ce\u0301sar"), "Erdo\u011fan C\u00e9sar");
}

TEST(Tokenizer, SplitsCliticsAndHyphens) {
  EXPECT_EQ(token_texts("Armenia's troops didn't leave."),
            (std::vector<std::string>{"Armenia", "'s", "troops", "did", "n't", "leave", "."}));
  EXPECT_EQ(token_texts("Armenian-Azerbaijani talks"),
            (std::vector<std::string>{"Armenian", "-", "Azerbaijani", "talks"}));
  EXPECT_EQ(token_texts("3,000 troops and 12.5 km"), (std::vector<std::string>{"3,000", "troops", "and", "12.5", "km"}));
  EXPECT_EQ(token_texts("O'Brien met U.S. Gen. Smith"),
            (std::vector<std::string>{"O'Brien", "met", "U.S.", "Gen.", "Smith"}));
}

TEST(Sentences, AbbreviationsDoNotEndSentences) {
  auto s = sentences("Gen. Smith met U.S. officials on Dec. 12 in Baku. They discussed talks. Then they left.");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "Gen. Smith met U.S. officials on Dec. 12 in Baku.");
}

TEST(Sentences, AbbreviationAtEndOfSentence) {
  auto s = sentences("They met officials from the U.S. The talks ended. Meetings of parliamentarians, etc. Zakharova spoke.");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0], "They met officials from the U.S.");
}

TEST(Sentences, ParagraphBreakEndsSentence) {
  auto s = sentences("Headline Without A Period\n\nThe body starts here.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "Headline Without A Period");
}

TEST(Tagger, VerbsNounsAndLemmas) {
  auto t = tagged("Russian troops attacked the village and were meeting officials.");
  EXPECT_EQ(t[1], "troops/NNS/troop");
  EXPECT_EQ(t[2], "attacked/VBD/attack");
  EXPECT_EQ(t[4], "village/NN/village");
  EXPECT_EQ(t[6], "were/VBD/be");
  EXPECT_EQ(t[7], "meeting/VBG/meet");
}

TEST(Tagger, PassiveAndIrregular) {
  auto t = tagged("The convoy was attacked by rebels who went home.");
  EXPECT_EQ(t[3], "attacked/VBN/attack");
  EXPECT_EQ(t[4], "by/IN/by");
  EXPECT_EQ(t[7], "went/VBD/go");
}

TEST(Tagger, NounAfterDeterminerAndThatAfterVerb) {
  auto t = tagged("She said that the attack was a meeting point.");
  EXPECT_EQ(t[2], "that/IN/that");
  EXPECT_EQ(t[4], "attack/NN/attack");
  EXPECT_EQ(t[7], "meeting/NN/meeting");
}

TEST(Tagger, RelativeThatAndParticle) {
  auto t = tagged("Activists that are blocking the road flared up.");
  EXPECT_EQ(t[1], "that/WDT/that");
  EXPECT_EQ(t[3], "blocking/VBG/block");
  EXPECT_EQ(t[7], "up/RP/up");
}

// Fuzzing regression (fuzz/corpus/html_reader/crash-that-first.html,
// fuzz/corpus/dictionary/crash-that-first.txt): "that" opening a sentence
// looked at the token before it, tokens[-1] at the start of a text (caught by
// _GLIBCXX_ASSERTIONS in the fuzz and sanitizer builds).
TEST(Tagger, ThatOpeningASentenceLooksAtNoTokenBeforeIt) {
  auto t = tagged("that");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0], "that/IN/that");
  t = tagged("That attack was condemned.");
  EXPECT_EQ(t[0], "That/DT/that");
}

}  // namespace
}  // namespace dyad
