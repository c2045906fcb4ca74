// Compiles the GeoNames sources into the gazetteer index dyad loads at start-up.
// Run by the build (tools/CMakeLists.txt); usage:
//   dyad_build_gazetteer CITIES.pbf ENGLISH.mo ISO_3166-1.json OUT.bin
#include <cstdio>
#include <string>

#include "dyad/where/geonames_import.h"

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: %s CITIES.pbf ENGLISH.mo ISO_3166-1.json OUT.bin\n", argv[0]);
    return 2;
  }
  std::string error;
  std::vector<dyad::GeoNamesCity> cities;
  std::unordered_map<uint32_t, std::string> english;
  std::unordered_map<std::string, std::string> alpha3;
  if (!dyad::read_cities_pbf(argv[1], cities, error) || !dyad::read_mo_names(argv[2], english, error) ||
      !dyad::read_iso_alpha3(argv[3], alpha3, error) ||
      !dyad::write_gazetteer_index(argv[4], cities, english, alpha3, error)) {
    std::fprintf(stderr, "dyad_build_gazetteer: %s\n", error.c_str());
    return 1;
  }
  std::fprintf(stderr, "dyad_build_gazetteer: %zu places, %zu English names -> %s\n", cities.size(), english.size(), argv[4]);
  return 0;
}
