// Actor dictionaries and actor phrases.
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "dyad/actors/actor_dictionary.h"
#include "dyad/actors/actor_phrase.h"
#include "dyad/text/normalize.h"
#include "dyad/text/tagger.h"
#include "dyad/text/tokenizer.h"
#include "dyad/util/date.h"
#include "test_support.h"

namespace dyad {
namespace {

// The actor phrases of one sentence as "text=CCC/SEC+CCC/SEC".
std::vector<std::string> phrases_of(const std::string& raw, const std::string& date = "2023-03-23") {
  CoderSession session(test::coder());
  Report r;
  r.id = "p";
  r.date = date;
  r.text = raw;
  std::vector<AnalyzedSentence> out;
  session.analyze(r, out);
  return out.back().actors;
}

TEST(ActorDictionary, ParsesKindsCodesAndDates) {
  Lexicon lex;
  ActorDictionary d(lex);
  std::vector<DictError> errors;
  EXPECT_TRUE(d.add_line("country ARM = Armenia | Republic of Armenia", "a.txt", 1, errors));
  EXPECT_TRUE(d.add_line("person ARM/GOV = Nikol Pashinyan | Pashinyan @ 2018-05-08..", "a.txt", 2, errors));
  EXPECT_TRUE(d.add_line("person ARM/OPP = Nikol Pashinyan | Pashinyan @ ..2018-05-07", "a.txt", 3, errors));
  EXPECT_TRUE(d.add_line("  # comment", "a.txt", 4, errors));
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(d.entries().size(), 6u);
  EXPECT_EQ(d.entries()[2].sector, "GOV");
  EXPECT_EQ(d.entries()[2].from, parse_iso_date("2018-05-08")->days());
}

TEST(ActorDictionary, ErrorsNameFileAndLine) {
  Lexicon lex;
  ActorDictionary d(lex);
  std::vector<DictError> errors;
  EXPECT_FALSE(d.add_line("country ARMENIA = Armenia", "bad.txt", 7, errors));
  EXPECT_FALSE(d.add_line("nation ARM = Armenia", "bad.txt", 8, errors));
  EXPECT_FALSE(d.add_line("person ARM = Someone", "bad.txt", 9, errors));
  EXPECT_FALSE(d.add_line("person ARM/GOV = X @ 2020-01-01..2019-01-01", "bad.txt", 10, errors));
  EXPECT_FALSE(d.add_line("country ARM Armenia", "bad.txt", 11, errors));
  ASSERT_EQ(errors.size(), 5u);
  EXPECT_EQ(errors[0].str().substr(0, 10), "bad.txt:7:");
  EXPECT_NE(errors[1].str().find("unknown kind 'nation'"), std::string::npos);
  EXPECT_NE(errors[3].str().find("ends before it starts"), std::string::npos);
}

TEST(ActorDictionary, LongestMatchCaseAndDates) {
  Lexicon lex;
  ActorDictionary d(lex);
  std::vector<DictError> errors;
  d.add_line("country GIN = Guinea", "a", 1, errors);
  d.add_line("country PNG = Papua New Guinea", "a", 2, errors);
  d.add_line("country USA = US | United States", "a", 3, errors);
  d.add_line("person ARM/GOV = Pashinyan @ 2018-05-08..", "a", 4, errors);
  d.add_line("person ARM/OPP = Pashinyan @ ..2018-05-07", "a", 5, errors);
  ASSERT_TRUE(errors.empty());
  auto first_match = [&](const std::string& text, const std::string& date) {
    std::vector<Token> toks;
    Tokenizer::tokenize(text, toks);
    std::string key;
    for (auto& t : toks) {
      token_key(std::string_view(text).substr(t.begin, t.end - t.begin), t.has(kAbbrev), key);
      t.word = lex.find(key);
    }
    int32_t day = date.empty() ? INT32_MIN : parse_iso_date(date)->days();
    for (uint32_t k = 0; k < toks.size(); ++k) {
      ActorMatch m = d.match(toks, k, uint32_t(toks.size()), day);
      if (m.entry) return m.entry->country + "/" + m.entry->sector + ":" + std::to_string(m.end - m.begin);
    }
    return std::string("none");
  };
  EXPECT_EQ(first_match("in Papua New Guinea today", ""), "PNG/:3");
  EXPECT_EQ(first_match("the US said", ""), "USA/:1");
  EXPECT_EQ(first_match("let us talk", ""), "none");
  EXPECT_EQ(first_match("Pashinyan said", "2019-01-01"), "ARM/GOV:1");
  EXPECT_EQ(first_match("Pashinyan said", "2016-01-01"), "ARM/OPP:1");
}

TEST(ActorDictionary, ShippedDictionariesLoadCleanly) {
  const Coder& c = test::coder();
  EXPECT_GT(c.actors().entries().size(), 2000u);
}

TEST(ActorDictionary, EveryIsoCountryHasAnEntry) {
  std::ifstream in("/usr/share/iso-codes/json/iso_3166-1.json");
  if (!in) GTEST_SKIP() << "iso-codes not installed";
  std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::set<std::string> have;
  for (const auto& e : test::coder().actors().entries())
    if (e.kind == ActorKind::Country) have.insert(e.country);
  size_t pos = 0, count = 0;
  while ((pos = json.find("\"alpha_3\": \"", pos)) != std::string::npos) {
    std::string code = json.substr(pos + 12, 3);
    EXPECT_TRUE(have.count(code)) << "no country entry for " << code;
    ++count;
    pos += 12;
  }
  EXPECT_GT(count, 240u);
}

TEST(ActorPhrases, CountryAdjectiveAndAgent) {
  EXPECT_EQ(phrases_of("The Russian peacekeepers arrived."), (std::vector<std::string>{"Russian peacekeepers=RUS/MIL"}));
  EXPECT_EQ(phrases_of("Environmental activists from Azerbaijan gathered."),
            (std::vector<std::string>{"activists from Azerbaijan=AZE/CVL"}));
  EXPECT_EQ(phrases_of("The spokesperson for Russian Foreign Ministry spoke."),
            (std::vector<std::string>{"spokesperson for Russian Foreign Ministry=RUS/GOV"}));
  EXPECT_EQ(phrases_of("Moscow said nothing."), (std::vector<std::string>{"Moscow=RUS/GOV"}));
  EXPECT_EQ(phrases_of("Azerbaijan's troops moved."), (std::vector<std::string>{"Azerbaijan's troops=AZE/MIL"}));
}

TEST(ActorPhrases, Compounds) {
  EXPECT_EQ(phrases_of("Armenia and Azerbaijan met."), (std::vector<std::string>{"Armenia and Azerbaijan=ARM/GOV+AZE/GOV"}));
  EXPECT_EQ(phrases_of("The foreign ministers of Russia, Armenia, and Azerbaijan met."),
            (std::vector<std::string>{"foreign ministers of Russia, Armenia, and Azerbaijan=RUS/GOV+ARM/GOV+AZE/GOV"}));
  EXPECT_EQ(phrases_of("Armenian-Azerbaijani talks resumed."),
            (std::vector<std::string>{"Armenian-Azerbaijani=ARM/+AZE/"}));
  // A list cut by a comma with no "and" is not a compound.
  EXPECT_EQ(phrases_of("After talks in Armenia, Russia left.").size(), 2u);
}

TEST(ActorPhrases, PronounsAndTheTwoCountries) {
  auto p = phrases_of("Maria Zakharova spoke on Monday. She said talks between Armenia and Azerbaijan must resume. "
                      "The two countries agreed.");
  EXPECT_EQ(p, (std::vector<std::string>{"The two countries=ARM/GOV+AZE/GOV"}));
}

TEST(ActorPhrases, PeopleByDate) {
  auto now = phrases_of("Pashinyan spoke.", "2023-01-01");
  ASSERT_EQ(now.size(), 1u);
  EXPECT_EQ(now[0], "Pashinyan=ARM/GOV");
  auto before = phrases_of("Pashinyan spoke.", "2017-06-01");
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0], "Pashinyan=ARM/OPP");
  EXPECT_TRUE(phrases_of("Pashinyan spoke.", "2005-01-01").empty());
}

}  // namespace
}  // namespace dyad
