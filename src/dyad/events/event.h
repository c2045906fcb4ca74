// The coded event record dyad outputs (fields documented in docs/output.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "dyad/events/cameo_table.h"

namespace dyad {

struct Span {
  uint32_t begin = 0, end = 0;  // byte offsets into the event's sentence
};

struct ActorRecord {
  std::string text;     // the words naming the actor
  std::string code;     // country + sector, CAMEO style: "RUSGOV"
  std::string country;  // ISO 3166-1 alpha-3, or IGO/NGO/...
  std::string sector;   // GOV, MIL, ... or empty
  Span span;
};

// Where an event happened: a gazetteer place (docs/places.md).
struct Location {
  std::string name;
  double lat = 0, lon = 0;
  std::string country;   // ISO 3166-1 alpha-3; empty for seas and cross-border regions
  std::string feature;   // capital, city, country, region, corridor, ...
  uint32_t geonames_id = 0;  // 0 for places the project's data/places files define
  Span span;             // the words naming it in the sentence
};

struct Event {
  std::string event_id;
  std::string doc_id;
  int sentence_index = 0;
  std::string sentence;
  std::string date;            // YYYY-MM-DD, empty when unknown
  std::string date_precision;  // day, week, month, year; empty with date
  std::optional<Span> date_span;  // the time expression that dated it; none when it is the report date
  std::optional<Location> location;
  std::optional<ActorRecord> source, target;
  const CameoCode* cameo = nullptr;
  std::string trigger_text;
  Span trigger;
  bool hypothetical = false;
  std::string url, report_source, title;
};

}  // namespace dyad
