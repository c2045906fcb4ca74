// Gazetteer: the places dyad can name. GeoNames cities come from the index the
// build compiles (tools/build_gazetteer.cpp); regions, disputed territories,
// corridors, crossings, country points and other spellings come from the
// project's data/places/*.txt (format in docs/places.md), layered at load
// time like the other dictionaries. Names are looked up by place_key().
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/util/dict_file.h"

namespace dyad {

struct Place {
  std::string_view name;     // the name dyad reports
  std::string_view feature;  // "capital", "city", "country", or a data/places feature word
  char country[4] = {0, 0, 0, 0};  // ISO 3166-1 alpha-3; empty for seas and cross-border regions
  double lat = 0, lon = 0;
  uint32_t geonames_id = 0;  // 0 for project-written places
  uint32_t population = 0;
  uint8_t rank = 0;          // prominence: 0 town, 1 district seat, 3 province seat, 4 capital; project places 3
  std::string_view country_sv() const { return std::string_view(country); }
};

class Gazetteer {
 public:
  // Reads the compiled GeoNames index.
  bool load_index(const std::string& path, std::string& error);
  // Reads every *.txt of a data/places directory; later files and calls override
  // earlier names. Returns false on malformed lines (all recorded in `errors`).
  bool load_dir(const std::string& dir, std::vector<DictError>& errors);
  bool load_file(const std::string& path, std::vector<DictError>& errors);
  // One line of a places file; call finish() after adding lines by hand.
  bool add_line(std::string_view line, const std::string& file, int line_no, std::vector<DictError>& errors);
  void finish();

  // Indexes of the places named exactly `key` (a place_key), as [first, last) into names.
  struct Candidates {
    const uint32_t* begin_ = nullptr;
    const uint32_t* end_ = nullptr;
    const uint32_t* begin() const { return begin_; }
    const uint32_t* end() const { return end_; }
    bool empty() const { return begin_ == end_; }
  };
  Candidates find(std::string_view key) const;
  // True if some name is longer than `key` and starts with `key` + " ".
  bool has_longer(std::string_view key) const;

  const Place& place(uint32_t i) const { return places_[i]; }
  size_t size() const { return places_.size(); }
  size_t name_count() const { return keys_.size(); }
  // The representative point of a country (data/places/countries.txt), or nullptr.
  const Place* country(std::string_view iso3) const;
  // The capital of a country (its most populous GeoNames PPLC), or nullptr.
  const Place* capital(std::string_view iso3) const;

 private:
  void add_name(std::string_view key, uint32_t place);
  uint32_t add_place(const Place& p);

  std::vector<Place> places_;
  std::unordered_map<uint32_t, uint32_t> by_geonames_id_;
  std::unordered_map<std::string, uint32_t> countries_, capitals_;
  // Names: keys_[i] names place ids_[i]; sorted by finish(), so that one binary
  // search answers both find() and has_longer().
  std::vector<std::string_view> keys_;
  std::vector<uint32_t> ids_;
  std::string index_strings_;
  std::deque<std::string> own_strings_;
};

}  // namespace dyad
