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

#include "dyad/util/cache_file.h"
#include "dyad/util/dict_file.h"
#include "dyad/util/string_map.h"

namespace dyad {

struct Place {
  std::string_view name;     // the name dyad reports
  std::string_view feature;  // "capital", "city", "country", or a data/places feature word
  char country[4] = {0, 0, 0, 0};  // ISO 3166-1 alpha-3; empty for seas and cross-border regions
  double lat = 0, lon = 0;
  uint32_t geonames_id = 0;  // 0 for project-written places
  uint32_t population = 0;
  uint8_t rank = 0;          // prominence: 0 town, 1 district seat, 3 province seat, 4 capital; project places 3
  std::string_view country_sv() const { return std::string_view(country, country[0] ? 3 : 0); }
};

class Gazetteer {
 public:
  // Reads the compiled GeoNames index.
  bool load_index(const std::string& path, std::string& error);
  // Reads every *.txt of a data/places directory; names add to earlier ones.
  // Returns false on malformed lines (all recorded in `errors`). Call finish()
  // once everything is loaded, before any lookup.
  bool load_dir(const std::string& dir, std::vector<DictError>& errors);
  bool load_file(const std::string& path, std::vector<DictError>& errors);
  // One line of a places file.
  bool add_line(std::string_view line, const std::string& file, int line_no, std::vector<DictError>& errors);
  // Sorts and hashes the names: lookups work from here on.
  void finish();
  // Snapshot of a finished gazetteer for the coder cache; load() replaces
  // everything, and the loaded strings point into the cache.
  void save(CacheWriter& w) const;
  void load(CacheReader& r);

  struct Name {
    std::string_view key;
    uint32_t place;
    friend bool operator<(const Name& a, const Name& b) { return a.key != b.key ? a.key < b.key : a.place < b.place; }
    friend bool operator==(const Name& a, const Name& b) = default;
  };
  // The places named exactly `key` (a place_key); iterating yields place indexes.
  struct Candidates {
    struct Iter {
      const Name* n;
      uint32_t operator*() const { return n->place; }
      Iter& operator++() { return ++n, *this; }
      bool operator!=(const Iter& o) const { return n != o.n; }
    };
    const Name* begin_ = nullptr;
    const Name* end_ = nullptr;
    Iter begin() const { return {begin_}; }
    Iter end() const { return {end_}; }
    bool empty() const { return begin_ == end_; }
  };
  Candidates find(std::string_view key) const;
  // True if some name is longer than `key` and starts with `key` + " ".
  bool has_longer(std::string_view key) const;

  const Place& place(uint32_t i) const { return places_[i]; }
  size_t size() const { return places_.size(); }
  size_t name_count() const { return names_.size(); }
  // The representative point of a country (data/places/countries.txt), or nullptr.
  const Place* country(std::string_view iso3) const;
  // The capital of a country (its most populous GeoNames PPLC), or nullptr.
  const Place* capital(std::string_view iso3) const;

 private:
  void add_name(std::string_view key, uint32_t place);
  uint32_t add_place(const Place& p);

  std::vector<Place> places_;
  std::vector<std::pair<uint32_t, uint32_t>> by_geonames_id_;  // (GeoNames id, place), sorted: for alias lines
  std::unordered_map<std::string, uint32_t> countries_, capitals_;
  // Sorted by finish(), so that one binary search answers both find() and
  // has_longer(). The first sorted_ are in order already (the index's, then
  // earlier files'); finish() sorts what came after and merges.
  std::vector<Name> names_;
  size_t sorted_ = 0;
  // Built by finish() for the hot path: one hash probe per lookup instead of a binary search.
  StringMap<uint32_t> first_;   // key -> index of its first name in names_
  StringMap<uint8_t> longer_;   // keys that begin a longer name ("gaza" for "gaza strip")
  std::string index_strings_;
  std::deque<std::string> own_strings_;
};

}  // namespace dyad
