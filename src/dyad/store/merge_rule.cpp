#include "dyad/store/merge_rule.h"

#include <cstdlib>

#include "dyad/util/geo.h"

namespace dyad {

namespace {

// "190" is CAMEO's "not specified below" for root 19: as general as "19".
std::string general(const std::string& c) { return c.size() == 3 && c[2] == '0' ? c.substr(0, 2) : c; }

bool compatible_codes(const std::string& code_a, const std::string& code_b) {
  std::string a = general(code_a), b = general(code_b);
  if (a.size() < 2 || b.size() < 2 || a.compare(0, 2, b, 0, 2) != 0) return false;
  if (a.rfind(b, 0) == 0 || b.rfind(a, 0) == 0) return true;  // one refines the other
  return a.size() >= 3 && b.size() >= 3 && a.compare(0, 3, b, 0, 3) == 0;
}

bool fine(const std::string& precision) { return precision == "day"; }

}  // namespace

bool same_event(const MergeKey& a, const MergeKey& b) {
  if (!a.has_day || !b.has_day) return false;
  if (a.source_country != b.source_country || a.target_country != b.target_country) return false;
  if (a.hypothetical != b.hypothetical) return false;
  if (!compatible_codes(a.cameo, b.cameo)) return false;
  if (fine(a.precision) && fine(b.precision)) {
    if (std::abs(a.day - b.day) > 1) return false;
  } else if (a.precision != b.precision || a.date != b.date) {
    return false;
  }
  if (a.has_place && b.has_place && distance_km(a.lat, a.lon, b.lat, b.lon) > kMergeDistanceKm) return false;
  return true;
}

}  // namespace dyad
