// Scoring when and where: gold reports whose events carry the expected date
// (at a precision) and place (coordinates, or none), in dyad's when-where
// JSON Lines format (docs/eval.md). Date accuracy is exact agreement at the
// gold's precision; place accuracy is agreement within 25 km (or both none;
// a country or region also agrees when it is the same one by name and country).
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "dyad/pipeline/coder.h"
#include "dyad/util/geo.h"

namespace dyad {

struct SettingGoldEvent {
  std::string trigger;
  std::string date, precision;  // precision: day, week, month, year
  bool has_place = false;       // false: the gold says the text gives no place
  std::string place_name, place_country;
  double lat = 0, lon = 0;
};

struct SettingGoldRecord {
  std::string id, report_date, form, text;
  std::vector<SettingGoldEvent> events;
};

// True if the file's first record looks like when-where gold (it has "report_date").
bool is_setting_gold(const std::string& path);
bool load_setting_gold(const std::string& path, std::vector<SettingGoldRecord>& out, std::string& error);

struct SettingResult {
  size_t records = 0, events = 0, found = 0, date_ok = 0, place_ok = 0;
  struct Form {
    size_t events = 0, date_ok = 0, place_ok = 0;
  };
  std::map<std::string, Form> per_form;
  std::vector<std::string> errors;  // one line per wrong date or place
  double date_accuracy() const { return events ? double(date_ok) / double(events) : 0; }
  double place_accuracy() const { return events ? double(place_ok) / double(events) : 0; }
};

// True if dyad's `date` at `precision` agrees with the gold's at the gold's precision.
bool date_agrees(const std::string& date, const std::string& precision, const std::string& gold_date,
                 const std::string& gold_precision);

SettingResult evaluate_setting(const Coder& coder, const std::vector<SettingGoldRecord>& gold);
void print_setting_eval(const SettingResult& r, std::ostream& out, size_t max_items);

}  // namespace dyad
