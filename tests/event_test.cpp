// Event coding: who did what to whom, from sentences built to exercise each rule.
#include <gtest/gtest.h>

#include <algorithm>

#include "dyad/events/event_dictionary.h"
#include "test_support.h"

namespace dyad {
namespace {

using test::code_text;
using test::summarize;

// True if some event has that source code, target code and CAMEO root.
bool has_root(const std::vector<Event>& ev, const std::string& src, const std::string& tgt, const std::string& root) {
  for (const auto& e : ev)
    if ((e.source ? e.source->code : "-") == src && (e.target ? e.target->code : "-") == tgt &&
        e.cameo->code.substr(0, root.size()) == root)
      return true;
  return false;
}

std::string dump(const std::vector<Event>& ev) {
  std::string s;
  for (const auto& x : summarize(ev)) s += x + " ";
  return s;
}

TEST(EventCoder, ActiveSubjectVerbObject) {
  auto ev = code_text("Russian troops attacked Ukrainian soldiers near the border.");
  EXPECT_TRUE(has_root(ev, "RUSMIL", "UKRMIL", "19")) << dump(ev);
}

TEST(EventCoder, PassiveWithAgent) {
  auto ev = code_text("Ukrainian soldiers were attacked by Russian troops on Monday.");
  EXPECT_TRUE(has_root(ev, "RUSMIL", "UKRMIL", "19")) << dump(ev);
  EXPECT_FALSE(has_root(ev, "UKRMIL", "RUSMIL", "19")) << dump(ev);
}

TEST(EventCoder, ReportedSpeechCodesTheReportedEvent) {
  auto ev = code_text("The Armenian defence ministry said that Azerbaijani forces shelled Armenian positions.");
  EXPECT_TRUE(has_root(ev, "AZEMIL", "ARM", "19")) << dump(ev);
  for (const auto& e : ev) EXPECT_NE(e.cameo->code.substr(0, 2), "01") << "the saying is not the event: " << dump(ev);
}

TEST(EventCoder, NegatedEventsAreNotEmitted) {
  EXPECT_TRUE(code_text("Russia did not attack Ukraine.").empty()) << dump(code_text("Russia did not attack Ukraine."));
  EXPECT_TRUE(code_text("Russia never attacked Ukraine.").empty());
  EXPECT_TRUE(code_text("Russia refused to attack Ukraine.").size() <= 1);
  for (const auto& e : code_text("Russia refused to attack Ukraine.")) EXPECT_NE(e.cameo->code.substr(0, 2), "19");
}

TEST(EventCoder, HypotheticalEventsAreFlagged) {
  // Possible events keep their code and are flagged.
  for (const char* s : {"Russia may attack Ukraine.", "Russia could shell Kyiv."}) {
    auto ev = code_text(s);
    bool found = false;
    for (const auto& e : ev)
      if (e.cameo->code.substr(0, 2) == "19") {
        found = true;
        EXPECT_TRUE(e.hypothetical) << s;
      }
    EXPECT_TRUE(found) << s << ": " << dump(ev);
  }
  // Announced hostility is a threat (CAMEO 13, PLOVER THREATEN), still flagged: the attack has not happened.
  for (const char* s : {"Russia will attack Ukraine.", "Russia threatens to attack Ukraine."}) {
    auto ev = code_text(s);
    EXPECT_TRUE(has_root(ev, "RUSGOV", "UKRGOV", "13")) << s << ": " << dump(ev);
    for (const auto& e : ev) EXPECT_NE(e.cameo->code.substr(0, 2), "19") << s;
  }
  for (const auto& e : code_text("Russia will attack Ukraine.")) EXPECT_TRUE(e.hypothetical);
  auto real = code_text("Russia attacked Ukraine.");
  ASSERT_FALSE(real.empty());
  EXPECT_FALSE(real[0].hypothetical);
}

TEST(EventCoder, PromisedCooperationIsIntent) {
  // PLOVER AGREE / CAMEO 03: "will give", "is willing to send".
  auto aid = code_text("Finland will give Tanzania a grant of 60 million dollars.");
  EXPECT_TRUE(has_root(aid, "FINGOV", "TZAGOV", "03")) << dump(aid);
  auto meet = code_text("Afghan rebel leaders said they would meet the U.N. envoy.");
  bool intent = false;
  for (const auto& e : meet) intent = intent || (e.cameo->code.substr(0, 3) == "036" && e.hypothetical);
  EXPECT_TRUE(intent) << dump(meet);
}

TEST(EventCoder, ReportedObligationIsADemand) {
  auto ev = code_text("A senior British minister said that Libya must hand over the suspects.");
  EXPECT_TRUE(has_root(ev, "GBRGOV", "LBYGOV", "10")) << dump(ev);
  // The demanded action itself is not an event.
  for (const auto& e : ev) EXPECT_NE(e.cameo->code.substr(0, 2), "08") << dump(ev);
}

TEST(EventCoder, TargetFromComplementSubject) {
  auto ev = code_text("The United States demanded that North Korea abandon its nuclear program.");
  EXPECT_TRUE(has_root(ev, "USAGOV", "PRKGOV", "10")) << dump(ev);
}

TEST(EventCoder, BackgroundNounsAreNotTheSubjectsEvents) {
  auto ev = code_text("Bosnia and Slovenia agreed to a ceasefire after two days of fierce fighting.");
  for (const auto& e : ev) EXPECT_NE(e.cameo->code.substr(0, 2), "19") << dump(ev);
}

TEST(EventCoder, CompoundActorsGiveOneEventPerPair) {
  auto ev = code_text("Russia urged Armenia and Azerbaijan to resume talks.");
  EXPECT_TRUE(has_root(ev, "RUSGOV", "ARMGOV", "02")) << dump(ev);
  EXPECT_TRUE(has_root(ev, "RUSGOV", "AZEGOV", "02")) << dump(ev);
}

TEST(EventCoder, ReciprocalCompoundGoesEachWay) {
  auto ev = code_text("The United States and Jordan agreed on a new trade pact.");
  EXPECT_TRUE(has_root(ev, "USAGOV", "JORGOV", "03") || has_root(ev, "USAGOV", "JORGOV", "05")) << dump(ev);
  EXPECT_TRUE(has_root(ev, "JORGOV", "USAGOV", "03") || has_root(ev, "JORGOV", "USAGOV", "05")) << dump(ev);
  // An appeal by a compound is not among its members.
  for (const auto& e : code_text("Saudi Arabia and the United States urged both sides to respect a truce.")) {
    EXPECT_FALSE(e.source && e.target && e.source->country == "SAU" && e.target->country == "USA");
  }
}

TEST(EventCoder, CompoundAdjectiveIsNotAnEvent) {
  auto ev = code_text("Israel mounted its long-threatened invasion of Lebanon.");
  for (const auto& e : ev) EXPECT_NE(e.cameo->code.substr(0, 2), "13") << dump(ev);
  EXPECT_TRUE(has_root(ev, "ISRGOV", "LBNGOV", "19")) << dump(ev);
}

TEST(EventCoder, SymmetricEventBetweenPair) {
  auto ev = code_text("Fighting flared up again on the border between Armenia and Azerbaijan.");
  bool pair = has_root(ev, "ARMGOV", "AZEGOV", "19") || has_root(ev, "AZEGOV", "ARMGOV", "19");
  EXPECT_TRUE(pair) << dump(ev);
}

TEST(EventCoder, CapitalAsMetonym) {
  auto ev = code_text("Moscow condemned Kyiv for the strike.");
  EXPECT_TRUE(has_root(ev, "RUSGOV", "UKRGOV", "11")) << dump(ev);
}

TEST(EventCoder, RelativeClauseTakesAntecedent) {
  auto ev = code_text("Protesters from Azerbaijan who are blocking the road to Armenia said they would stay.");
  EXPECT_TRUE(has_root(ev, "AZECVL", "ARMGOV", "191") || has_root(ev, "AZECVL", "ARMGOV", "14")) << dump(ev);
}

TEST(EventCoder, PronounResolvesToEarlierPerson) {
  auto ev = code_text("Turkish President Recep Tayyip Erdogan spoke in Ankara. He criticized Israel for the strikes.");
  EXPECT_TRUE(has_root(ev, "TURGOV", "ISRGOV", "11")) << dump(ev);
}

TEST(EventCoder, NoActorOnItself) {
  for (const char* s : {"Russia and Russia met.", "The Russian government criticized Russian officials."}) {
    for (const auto& e : code_text(s)) {
      if (e.source && e.target) {
        EXPECT_FALSE(e.source->code == e.target->code) << s;
      }
    }
  }
}

TEST(EventCoder, SpansPointIntoTheSentence) {
  auto ev = code_text("Israeli police arrested Palestinian protesters in Jerusalem.");
  ASSERT_FALSE(ev.empty());
  const Event& e = ev[0];
  ASSERT_TRUE(e.source && e.target);
  EXPECT_EQ(e.sentence.substr(e.source->span.begin, e.source->span.end - e.source->span.begin), e.source->text);
  EXPECT_EQ(e.sentence.substr(e.target->span.begin, e.target->span.end - e.target->span.begin), e.target->text);
  EXPECT_EQ(e.sentence.substr(e.trigger.begin, e.trigger.end - e.trigger.begin), e.trigger_text);
  EXPECT_EQ(e.trigger_text.substr(0, 8), "arrested");
}

TEST(EventCoder, EveryEventCarriesCameoPloverGoldsteinQuad) {
  auto ev = code_text("Azerbaijan and Armenia signed a ceasefire agreement in Moscow.");
  ASSERT_FALSE(ev.empty());
  for (const auto& e : ev) {
    ASSERT_NE(e.cameo, nullptr);
    EXPECT_FALSE(e.cameo->name.empty());
    EXPECT_GE(e.cameo->quad_class, 1);
    EXPECT_LE(e.cameo->quad_class, 4);
    EXPECT_FALSE(e.cameo->plover_event.empty()) << e.cameo->code;
  }
}

TEST(EventCoder, BareComplementAfterSpeechVerb) {
  auto ev = code_text("The Red Cross said US and British forces must ensure security in the city.");
  EXPECT_TRUE(has_root(ev, "NGOICR", "USAMIL", "10") || has_root(ev, "NGOICR", "USAGOV", "10")) << dump(ev);
  EXPECT_TRUE(has_root(ev, "NGOICR", "GBRMIL", "10")) << dump(ev);
}

TEST(EventCoder, WhatIsRejectedIsNotAnEvent) {
  auto ev = code_text("Palestinian leader Yasser Arafat rejected a US offer to host a summit with Israel.");
  ASSERT_FALSE(ev.empty());
  for (const auto& e : ev) EXPECT_EQ(e.cameo->code.substr(0, 2), "12") << dump(ev);
}

TEST(EventCoder, AttributiveStatesAndPlaceAdjectives) {
  // "Israeli-occupied" describes; "the Thai border" is a place.
  auto ev = code_text("Palestinians of the Israeli-occupied West Bank protested against new settlements.");
  for (const auto& e : ev) EXPECT_NE(e.cameo->code.substr(0, 2), "19") << dump(ev);
  auto border = code_text("Burmese troops captured a rebel stronghold on the Thai border.");
  for (const auto& e : border) EXPECT_FALSE(e.target && e.target->country == "THA") << dump(border);
}

TEST(EventCoder, SpeakerIsTheSubjectOfTheSpeechVerb) {
  // The clashes are reported by "media reports", not by the two countries of the first clause.
  auto ev = code_text("Armenia and Azerbaijan agreed to talks but media reports said new clashes were continuing.");
  for (const auto& e : ev) EXPECT_NE(e.cameo->code.substr(0, 2), "19") << dump(ev);
}

TEST(EventCoder, ConditionsAndPurposesAreNotEvents) {
  auto cond = code_text("The party said it will boycott the elections unless the president agrees to step down.");
  for (const auto& e : cond) EXPECT_NE(e.cameo->code.substr(0, 2), "03") << dump(cond);
  auto purpose = code_text("Egyptian police opened fire to disperse demonstrators in Cairo.");
  for (const auto& e : purpose) EXPECT_NE(e.trigger_text.substr(0, 8), "disperse") << dump(purpose);
  // ... except a protest: "shunned work to protest" is the protest.
  auto protest = code_text("Palestinian workers stayed home to protest against the new settlements.");
  bool found = false;
  for (const auto& e : protest) found = found || e.cameo->code.substr(0, 2) == "14";
  EXPECT_TRUE(found) << dump(protest);
}

TEST(EventCoder, MilitaryForceAndBombingsAreKeptApart) {
  auto bombing = code_text("Two Palestinian militants killed 23 people in a suicide bombing in Tel Aviv.");
  bool assault = false;
  for (const auto& e : bombing) assault = assault || (e.source && e.source->code == "PSEREB" && e.cameo->code.substr(0, 2) == "18");
  EXPECT_TRUE(assault) << dump(bombing);
  auto army = code_text("Russian troops killed 46 Afghan civilians in an attack on a village.");
  EXPECT_TRUE(has_root(army, "RUSMIL", "AFGCVL", "19")) << dump(army);
}

TEST(EventCoder, AspectVerbs) {
  // "prepared to resume shelling": preparing to fight is mobilisation (PLOVER MOBILIZE).
  auto prep = code_text("The Macedonian army prepared to resume shelling rebel positions.");
  bool mobilize = false;
  for (const auto& e : prep) mobilize = mobilize || (e.source && e.source->code == "MKDMIL" && e.cameo->code.substr(0, 2) == "15");
  EXPECT_TRUE(mobilize) << dump(prep);
  // "stopped shelling" is no shelling.
  for (const auto& e : code_text("Russian troops stopped shelling Ukrainian positions."))
    EXPECT_NE(e.cameo->code.substr(0, 2), "19") << e.trigger_text;
}

TEST(EventDictionary, PatternsAndErrors) {
  Lexicon lex;
  CameoTable cameo;
  std::vector<DictError> errors;
  ASSERT_TRUE(cameo.load(test::data_dir() + "/cameo/cameo.tsv", errors));
  EventDictionary d;
  EXPECT_TRUE(d.add_line("&talks = talk | negotiation", "e.txt", 1, lex, cameo, errors));
  EXPECT_TRUE(d.add_line("verb 036 = agree to * &talks | meet with +", "e.txt", 2, lex, cameo, errors));
  EXPECT_FALSE(d.add_line("verb 999 = explode", "e.txt", 3, lex, cameo, errors));
  EXPECT_FALSE(d.add_line("verb 190 = fight * &nosuchset", "e.txt", 4, lex, cameo, errors));
  EXPECT_FALSE(d.add_line("adverb 190 = fight", "e.txt", 5, lex, cameo, errors));
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].str(), "e.txt:3: unknown CAMEO code '999'");
  EXPECT_EQ(d.size(), 2u);
  // Layering: the same pattern again with another code replaces the code.
  EXPECT_TRUE(d.add_line("verb 040 = meet with +", "user.txt", 1, lex, cameo, errors));
  EXPECT_EQ(d.size(), 2u);
  EXPECT_EQ(d.pattern(1).cameo->code, "040");
}

}  // namespace
}  // namespace dyad
