#include "dyad/eval/setting_scorer.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>

#include <simdjson.h>

#include "dyad/eval/scorer.h"
#include "dyad/util/date.h"
#include "dyad/util/dict_file.h"
#include "dyad/util/strings.h"
#include "dyad/where/place_key.h"

namespace dyad {

bool is_setting_gold(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (trim(line).empty()) continue;
    return trim(line).front() == '{' && line.find("\"report_date\"") != std::string::npos;
  }
  return false;
}

namespace {

bool get_string(simdjson::dom::object o, const char* key, std::string& out) {
  std::string_view v;
  if (o[key].get(v)) return false;
  out.assign(v);
  return true;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

}  // namespace

bool load_setting_gold(const std::string& path, std::vector<SettingGoldRecord>& out, std::string& error) {
  std::string content;
  if (!read_file(path, content)) {
    error = path + ": cannot open";
    return false;
  }
  simdjson::dom::parser parser;
  int no = 0;
  for (std::string_view line : split(content, '\n')) {
    ++no;
    if (trim(line).empty()) continue;
    auto fail = [&](const std::string& why) {
      error = path + ":" + std::to_string(no) + ": " + why;
      return false;
    };
    simdjson::dom::element doc;
    simdjson::dom::object obj;
    if (parser.parse(line.data(), line.size()).get(doc) || doc.get_object().get(obj)) return fail("malformed JSON");
    SettingGoldRecord r;
    get_string(obj, "id", r.id);
    get_string(obj, "form", r.form);
    if (!get_string(obj, "report_date", r.report_date) || !parse_iso_date(r.report_date)) return fail("no valid report_date");
    if (!get_string(obj, "text", r.text)) return fail("no text");
    simdjson::dom::array events;
    if (obj["events"].get(events)) return fail("no events list");
    for (simdjson::dom::element ev : events) {
      simdjson::dom::object eo;
      if (ev.get_object().get(eo)) return fail("an event is not an object");
      SettingGoldEvent g;
      if (!get_string(eo, "trigger", g.trigger) || g.trigger.empty()) return fail("an event has no trigger");
      if (!get_string(eo, "date", g.date) || !get_string(eo, "precision", g.precision))
        return fail("an event has no date or precision");
      simdjson::dom::element place;
      if (!eo["place"].get(place) && !place.is_null()) {
        simdjson::dom::object po;
        double lat, lon;
        if (place.get_object().get(po) || po["lat"].get(lat) || po["lon"].get(lon))
          return fail("a place needs lat and lon");
        g.has_place = true;
        g.lat = lat;
        g.lon = lon;
        get_string(po, "name", g.place_name);
        get_string(po, "country", g.place_country);
      }
      r.events.push_back(std::move(g));
    }
    if (r.id.empty()) r.id = path + ":" + std::to_string(no);
    out.push_back(std::move(r));
  }
  return true;
}

namespace {

int precision_level(const std::string& p) {
  if (p == "day") return 0;
  if (p == "week") return 1;
  if (p == "month") return 2;
  if (p == "year") return 3;
  return -1;
}

// The Monday of the week of a YYYY-MM-DD date.
std::string monday_of(const std::string& day) {
  auto d = parse_iso_date(day);
  if (!d) return {};
  int32_t n = d->days();
  int weekday = int(((n % 7) + 7 + 3) % 7);
  return Date::from_days(n - weekday).iso();
}

// A name's key without a generic last word: "Rakhine state" and "Rakhine" are one area.
std::string key_of(std::string_view name) {
  std::string k;
  place_key(name, k);
  for (const char* generic : {" state", " region", " province", " oblast", " governorate", " district"}) {
    size_t n = std::strlen(generic);
    if (k.size() > n && k.compare(k.size() - n, n, generic) == 0) k.resize(k.size() - n);
  }
  return k;
}

// Within 25 km; or, for a country or region, the same area: two "centres" of a
// country or a province are both right and can lie far apart.
bool place_agrees(const Location& l, const SettingGoldEvent& g) {
  if (distance_km(g.lat, g.lon, l.lat, l.lon) <= 25.0) return true;
  bool area = l.feature == "country" || l.feature == "region" || l.feature == "territory";
  return area && key_of(l.name) == key_of(g.place_name) && (l.country.empty() || l.country == g.place_country);
}

}  // namespace

bool date_agrees(const std::string& date, const std::string& precision, const std::string& gold_date,
                 const std::string& gold_precision) {
  int mine = precision_level(precision), gold = precision_level(gold_precision);
  if (mine < 0 || gold < 0 || date.empty()) return false;
  // dyad must be at least as precise as the gold; a week is no finer than a month's days.
  if (mine > gold) return false;
  switch (gold) {
    case 0: return mine == 0 && date == gold_date;
    case 1: return (mine == 0 ? monday_of(date) : date) == gold_date;
    case 2: return date.substr(0, 7) == gold_date.substr(0, 7);
    default: return date.substr(0, 4) == gold_date.substr(0, 4);
  }
}

SettingResult evaluate_setting(const Coder& coder, const std::vector<SettingGoldRecord>& gold) {
  SettingResult r;
  CoderSession session(coder);
  std::vector<Event> events;
  char buf[512];
  for (const SettingGoldRecord& g : gold) {
    ++r.records;
    code_gold_text(session, g.id, g.report_date, g.text, events);
    for (const SettingGoldEvent& ge : g.events) {
      ++r.events;
      SettingResult::Form& form = r.per_form[g.form.empty() ? "-" : g.form];
      ++form.events;
      std::string want = lower(ge.trigger);
      const Event* match = nullptr;
      for (const Event& e : events) {
        std::string have = lower(e.trigger_text);
        if (have.empty() || lower(e.sentence).find(want) == std::string::npos) continue;
        if (have.find(want) != std::string::npos || want.find(have) != std::string::npos) {
          match = &e;
          break;
        }
      }
      if (!match) {
        std::snprintf(buf, sizeof buf, "%s [%s] no event at \"%s\"", g.id.c_str(), g.form.c_str(), ge.trigger.c_str());
        r.errors.push_back(buf);
        continue;
      }
      ++r.found;
      bool date_ok = date_agrees(match->date, match->date_precision, ge.date, ge.precision);
      bool place_ok;
      std::string where = "none";
      if (match->location) {
        std::snprintf(buf, sizeof buf, "%s (%.2f, %.2f)", match->location->name.c_str(), match->location->lat,
                      match->location->lon);
        where = buf;
      }
      if (!ge.has_place) place_ok = !match->location;
      else place_ok = match->location && place_agrees(*match->location, ge);
      if (date_ok) ++r.date_ok, ++form.date_ok;
      if (place_ok) ++r.place_ok, ++form.place_ok;
      if (!date_ok) {
        std::snprintf(buf, sizeof buf, "%s [%s] \"%s\": date %s %s, gold %s %s", g.id.c_str(), g.form.c_str(),
                      ge.trigger.c_str(), match->date.c_str(), match->date_precision.c_str(), ge.date.c_str(),
                      ge.precision.c_str());
        r.errors.push_back(buf);
      }
      if (!place_ok) {
        std::string gold_where = "none";
        if (ge.has_place) {
          char g2[160];
          std::snprintf(g2, sizeof g2, "%s (%.2f, %.2f)", ge.place_name.c_str(), ge.lat, ge.lon);
          gold_where = g2;
        }
        std::snprintf(buf, sizeof buf, "%s [%s] \"%s\": place %s, gold %s", g.id.c_str(), g.form.c_str(),
                      ge.trigger.c_str(), where.c_str(), gold_where.c_str());
        r.errors.push_back(buf);
      }
    }
  }
  return r;
}

void print_setting_eval(const SettingResult& r, std::ostream& out, size_t max_items) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "records: %zu, gold events: %zu, found by dyad: %zu\n", r.records, r.events, r.found);
  out << buf;
  std::snprintf(buf, sizeof buf, "date accuracy:  %.3f (%zu/%zu, exact at the gold's precision)\n", r.date_accuracy(),
                r.date_ok, r.events);
  out << buf;
  std::snprintf(buf, sizeof buf, "place accuracy: %.3f (%zu/%zu, within 25 km, or no place in both)\n",
                r.place_accuracy(), r.place_ok, r.events);
  out << buf;
  out << "(events dyad did not find count as wrong in both)\n\nform                      events   date  place\n";
  for (const auto& [form, f] : r.per_form) {
    std::snprintf(buf, sizeof buf, "%-24s %7zu %6.2f %6.2f\n", form.c_str(), f.events,
                  f.events ? double(f.date_ok) / double(f.events) : 0, f.events ? double(f.place_ok) / double(f.events) : 0);
    out << buf;
  }
  if (!r.errors.empty()) {
    out << "\nerrors (" << r.errors.size() << "):\n";
    for (size_t i = 0; i < r.errors.size() && i < max_items; ++i) out << "  " << r.errors[i] << "\n";
  }
}

}  // namespace dyad
