// Gold-standard records for measuring accuracy: PLOVER GSR JSON (an array of
// records with "source"/"target" lists of {"actorText","code"} and "event")
// and dyad's own JSON Lines gold format (docs/eval.md).
#pragma once

#include <string>
#include <vector>

namespace dyad {

struct GoldEvent {
  std::string category;              // PLOVER category in the gold's version ("AGREE")
  std::vector<std::string> sources;  // country codes; empty when the gold gives none
  std::vector<std::string> targets;
};

struct GoldRecord {
  std::string id, date, text;
  std::string version;  // PLOVER version of the categories ("0.5b1", "0.8"); empty: dyad's own (0.8)
  std::vector<GoldEvent> events;
};

// Loads a gold file (format detected from its first byte: '[' GSR JSON, '{' JSON Lines).
// Returns false with `error` naming the file (and record) on malformed input.
bool load_gold(const std::string& path, std::vector<GoldRecord>& out, std::string& error);

}  // namespace dyad
