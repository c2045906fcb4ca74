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

struct Event {
  std::string event_id;
  std::string doc_id;
  int sentence_index = 0;
  std::string sentence;
  std::string date;            // YYYY-MM-DD, empty when unknown
  std::string date_precision;  // day, month, year; empty with date
  std::optional<ActorRecord> source, target;
  const CameoCode* cameo = nullptr;
  std::string trigger_text;
  Span trigger;
  bool hypothetical = false;
  std::string url, report_source, title;
};

}  // namespace dyad
