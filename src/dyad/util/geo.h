// Great-circle distance between two WGS84 points, in kilometres (haversine
// on a sphere of the Earth's mean radius: well within 0.5 % of the ellipsoid).
#pragma once

#include <algorithm>
#include <cmath>

namespace dyad {

inline double distance_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0, kEarth = 6371.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarth * std::asin(std::min(1.0, std::sqrt(a)));
}

}  // namespace dyad
