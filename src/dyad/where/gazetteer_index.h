// The on-disk layout of the compiled gazetteer index (see docs/places.md).
// Little-endian, fixed-size records, names sorted by key so that the
// gazetteer can be searched as soon as it is read.
#pragma once

#include <cstdint>

namespace dyad {

inline constexpr char kGazetteerMagic[8] = {'D', 'Y', 'A', 'D', 'G', 'Z', '0', '1'};

struct GazetteerHeader {
  char magic[8];
  uint32_t places = 0, names = 0, strings = 0, reserved = 0;
};

struct GazetteerPlaceRecord {
  uint32_t geonames_id = 0;
  int32_t lat_e5 = 0, lon_e5 = 0;  // degrees * 1e5
  uint32_t population = 0;
  uint32_t name = 0;               // offset of the display name in the string block
  char country[4] = {0, 0, 0, 0};  // ISO 3166-1 alpha-3
  char feature[8] = {0, 0, 0, 0, 0, 0, 0, 0};  // GeoNames feature code
};

struct GazetteerNameRecord {
  uint32_t key = 0;    // offset of the key (see place_key.h) in the string block
  uint32_t place = 0;  // index of the place record
};

}  // namespace dyad
