// When two coded events are one happening reported twice. Several reports
// (or sentences) of the same event are merged into one stored event with
// all their mentions (docs/store.md states the rule; tests/store_test.cpp
// checks events that must and must not merge).
#pragma once

#include <cstdint>
#include <string>

namespace dyad {

struct MergeKey {
  std::string source_country, target_country;  // empty when the event has none
  std::string cameo;                            // "190", "0871"
  int32_t day = 0;                              // the date's first day, days since 1970-01-01
  bool has_day = false;                         // false: undated, never merged
  std::string date, precision;                  // as output: "2023-02", "month"
  bool has_place = false;
  double lat = 0, lon = 0;
  bool hypothetical = false;
};

// Places farther apart than this are different events.
inline constexpr double kMergeDistanceKm = 50.0;

// True if `a` and `b` are the same event: same directed dyad; CAMEO codes of
// one root where one refines the other (19 / 190 / 1951 ...) or that share
// their base code; both asserted or both hypothetical; dated to the day no
// more than one day apart (coarser dates: the same date at the same
// precision); and, if both are located, no more than 50 km apart.
bool same_event(const MergeKey& a, const MergeKey& b);

}  // namespace dyad
