// Acceptance: the seed article in ../shared/seed must code as expected.json says.
// Every entry's date (at its precision) and place (name and bounding box) are checked too.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "dyad/eval/setting_scorer.h"
#include "dyad/reader/reader.h"
#include "test_support.h"

namespace dyad {
namespace {

using nlohmann::json;

struct Seed {
  json expected;
  std::vector<Event> events;
};

const Seed& seed() {
  static Seed s = [] {
    Seed s;
    std::ifstream ej(test::shared_dir() + "/seed/expected.json");
    s.expected = json::parse(ej);
    std::ifstream in(test::shared_dir() + "/seed/article.txt");
    ReaderOptions o;
    o.name = "article.txt";
    o.default_date = s.expected["document"]["report_date"];
    o.boilerplate = &test::coder().boilerplate();
    auto reader = open_reader(in, o, [](const std::string& m) { ADD_FAILURE() << m; });
    CoderSession session(test::coder());
    Report r;
    while (reader->next(r)) session.code(r, s.events);
    return s;
  }();
  return s;
}

bool actor_matches(const std::optional<ActorRecord>& a, const json& want) {
  if (!a) return false;
  if (want.contains("country") && a->country != want["country"].get<std::string>()) return false;
  if (want.contains("sector") && a->sector != want["sector"].get<std::string>()) return false;
  return true;
}

bool location_matches(const std::optional<Location>& l, const json& want) {
  if (!l) return false;
  if (want.contains("name_contains") && l->name.find(want["name_contains"].get<std::string>()) == std::string::npos)
    return false;
  if (want.contains("lat") && (l->lat < want["lat"][0].get<double>() || l->lat > want["lat"][1].get<double>()))
    return false;
  if (want.contains("lon") && (l->lon < want["lon"][0].get<double>() || l->lon > want["lon"][1].get<double>()))
    return false;
  return true;
}

bool matches(const Event& e, const json& m) {
  if (e.sentence.find(m["sentence_contains"].get<std::string>()) == std::string::npos) return false;
  if (m.contains("source") && !actor_matches(e.source, m["source"])) return false;
  if (m.contains("target") && !actor_matches(e.target, m["target"])) return false;
  if (m.contains("dyad_any_direction")) {
    std::string a = m["dyad_any_direction"][0], b = m["dyad_any_direction"][1];
    if (!e.source || !e.target) return false;
    bool fwd = e.source->country == a && e.target->country == b;
    bool back = e.source->country == b && e.target->country == a;
    if (!fwd && !back) return false;
  }
  if (m.contains("cameo")) {
    bool ok = false;
    for (const auto& c : m["cameo"]) ok = ok || e.cameo->code.rfind(c.get<std::string>(), 0) == 0;
    if (!ok) return false;
  }
  if (m.contains("date") && !date_agrees(e.date, e.date_precision, m["date"]["value"], m["date"]["precision"]))
    return false;
  if (m.contains("location") && !location_matches(e.location, m["location"])) return false;
  return true;
}

// Largest matching of entries to distinct events (augmenting paths); returns matched entry ids.
std::vector<std::string> matched_ids(const json& entries, const std::vector<Event>& events) {
  std::vector<int> owner(events.size(), -1);
  std::function<bool(size_t, std::vector<bool>&)> assign = [&](size_t i, std::vector<bool>& seen) {
    for (size_t e = 0; e < events.size(); ++e) {
      if (seen[e] || !matches(events[e], entries[i])) continue;
      seen[e] = true;
      if (owner[e] < 0 || assign(size_t(owner[e]), seen)) {
        owner[e] = int(i);
        return true;
      }
    }
    return false;
  };
  std::vector<std::string> ids;
  for (size_t i = 0; i < entries.size(); ++i) {
    std::vector<bool> seen(events.size(), false);
    assign(i, seen);
  }
  for (size_t e = 0; e < events.size(); ++e)
    if (owner[e] >= 0) ids.push_back(entries[size_t(owner[e])]["id"]);
  return ids;
}

std::string dump(const std::vector<Event>& events) {
  std::string s;
  for (const auto& e : events)
    s += std::to_string(e.sentence_index) + " " + (e.source ? e.source->code : "-") + ">" +
         (e.target ? e.target->code : "-") + " " + e.cameo->code + " [" + e.trigger_text + "] " + e.date + " " +
         e.date_precision + " " + (e.location ? e.location->name : "-") + "\n";
  return s;
}

class SeedArticle : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!test::have_shared()) GTEST_SKIP() << "../shared/seed is absent: seed acceptance test skipped";
  }
};

TEST_F(SeedArticle, EveryMustEntryIsMatchedByADistinctEvent) {
  const Seed& s = seed();
  auto ids = matched_ids(s.expected["must"], s.events);
  for (const auto& m : s.expected["must"]) {
    std::string id = m["id"];
    EXPECT_TRUE(std::find(ids.begin(), ids.end(), id) != ids.end()) << "must entry not matched: " << id << "\n"
                                                                      << dump(s.events);
  }
}

TEST_F(SeedArticle, ShouldEntriesThatPass) {
  // Entries of "should" that dyad gets today; a regression here is a failure.
  const std::vector<std::string> kPassing = {"war-2020", "russia-mediated-ceasefire", "baku-supports-activists",
                                             "karabakh-place"};
  const Seed& s = seed();
  auto ids = matched_ids(s.expected["should"], s.events);
  for (const auto& id : kPassing)
    EXPECT_TRUE(std::find(ids.begin(), ids.end(), id) != ids.end()) << "should entry regressed: " << id << "\n"
                                                                      << dump(s.events);
  for (const auto& m : s.expected["should"])
    std::printf("should %-28s %s\n", m["id"].get<std::string>().c_str(),
                std::find(ids.begin(), ids.end(), m["id"]) != ids.end() ? "matched" : "not matched");
}

TEST_F(SeedArticle, NothingFromMustNot) {
  const Seed& s = seed();
  for (const auto& rule : s.expected["must_not"]) {
    for (const auto& e : s.events) {
      if (rule.contains("sentence_contains")) {
        EXPECT_EQ(e.sentence.find(rule["sentence_contains"].get<std::string>()), std::string::npos) << rule["why"];
      }
      if (rule.contains("date_after")) {
        EXPECT_LE(e.date, rule["date_after"].get<std::string>()) << rule["why"];
      }
      if (rule.contains("source_equals_target") && e.source && e.target) {
        EXPECT_FALSE(e.source->country == e.target->country && e.source->sector == e.target->sector)
            << rule["why"] << ": " << e.sentence;
      }
    }
  }
}

TEST_F(SeedArticle, BoilerplateIsNotASentence) {
  size_t sentences = 0;
  for (const auto& e : seed().events) {
    EXPECT_EQ(e.sentence.find("Scroll to Top"), std::string::npos);
    sentences = std::max<size_t>(sentences, size_t(e.sentence_index) + 1);
  }
  // The title and the eleven sentences of the body; "Scroll to Top" is dropped by the reader.
  EXPECT_LE(sentences, 12u);
}

}  // namespace
}  // namespace dyad
