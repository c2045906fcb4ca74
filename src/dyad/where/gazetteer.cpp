#include "dyad/where/gazetteer.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstdio>
#include <cstring>

#include "dyad/util/strings.h"
#include "dyad/where/gazetteer_index.h"
#include "dyad/where/place_key.h"

namespace dyad {

namespace {

// Prominence of a GeoNames populated-place code: capitals first, then seats of
// provinces and districts, then everything else.
uint8_t rank_of(std::string_view code) {
  if (code == "PPLC") return 4;
  if (code == "PPLA") return 3;
  if (code == "PPLA2") return 1;
  return 0;
}

const char* const kFeatures[] = {"region", "territory", "district", "corridor", "crossing", "border", "strait",
                                 "sea", "gulf", "lake", "river", "island", "peninsula", "mountain", "valley",
                                 "desert", "base", "plant", "site", "camp", "village", "town", "city",
                                 "neighbourhood"};

std::string_view known_feature(std::string_view word) {
  for (const char* f : kFeatures)
    if (word == f) return f;
  return {};
}

bool parse_coordinate(std::string_view s, double lo, double hi, double& out) {
  // from_chars for double is in GCC 12's libstdc++.
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && out >= lo && out <= hi;
}

bool valid_country(std::string_view c) {
  return c.size() == 3 && std::all_of(c.begin(), c.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

}  // namespace

bool Gazetteer::load_index(const std::string& path, std::string& error) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    error = path + ": cannot open the gazetteer index (built by `cmake --build`; see docs/places.md)";
    return false;
  }
  GazetteerHeader h;
  std::vector<GazetteerPlaceRecord> records;
  std::vector<GazetteerNameRecord> names;
  bool ok = std::fread(&h, sizeof h, 1, f) == 1 && std::memcmp(h.magic, kGazetteerMagic, 8) == 0 &&
            h.places < (1u << 26) && h.names < (1u << 26) && h.strings < (1u << 30);
  if (ok) {
    records.resize(h.places);
    names.resize(h.names);
    index_strings_.resize(h.strings);
    ok = std::fread(records.data(), sizeof(GazetteerPlaceRecord), h.places, f) == h.places &&
         std::fread(names.data(), sizeof(GazetteerNameRecord), h.names, f) == h.names &&
         std::fread(index_strings_.data(), 1, h.strings, f) == h.strings && !index_strings_.empty() &&
         index_strings_.back() == '\0';
  }
  std::fclose(f);
  if (!ok) {
    error = path + ": not a dyad gazetteer index, or truncated";
    return false;
  }
  auto string_at = [&](uint32_t off) -> std::string_view {
    if (off >= index_strings_.size()) return {};
    return std::string_view(index_strings_.data() + off);
  };
  size_t base = places_.size();
  places_.reserve(base + records.size());
  for (const GazetteerPlaceRecord& r : records) {
    Place p;
    p.name = string_at(r.name);
    std::string_view code(r.feature, strnlen(r.feature, sizeof r.feature));
    p.rank = rank_of(code);
    p.feature = p.rank == 4 ? "capital" : "city";
    std::memcpy(p.country, r.country, 3);
    p.lat = r.lat_e5 / 1e5;
    p.lon = r.lon_e5 / 1e5;
    p.geonames_id = r.geonames_id;
    p.population = r.population;
    by_geonames_id_.emplace_back(p.geonames_id, uint32_t(places_.size()));
    if (p.rank == 4) {
      auto [it, fresh] = capitals_.emplace(std::string(p.country_sv()), uint32_t(places_.size()));
      if (!fresh && places_[it->second].population < p.population) it->second = uint32_t(places_.size());
    }
    places_.push_back(p);
  }
  std::sort(by_geonames_id_.begin(), by_geonames_id_.end());
  bool first_load = names_.empty();
  names_.reserve(names_.size() + names.size());
  for (const GazetteerNameRecord& n : names) {
    if (n.place >= records.size()) {
      error = path + ": name record points past the places";
      return false;
    }
    names_.push_back({string_at(n.key), uint32_t(base + n.place)});
  }
  // The compiler wrote the names sorted; finish() then only sorts what the place files add.
  if (first_load && std::is_sorted(names_.begin(), names_.end())) sorted_ = names_.size();
  return true;
}

uint32_t Gazetteer::add_place(const Place& p) {
  places_.push_back(p);
  return uint32_t(places_.size() - 1);
}

void Gazetteer::add_name(std::string_view name, uint32_t place) {
  std::string key;
  place_key(name, key);
  if (key.empty()) return;
  own_strings_.push_back(std::move(key));
  names_.push_back({own_strings_.back(), place});
}

void Gazetteer::finish() {
  if (sorted_ == names_.size()) return;
  auto middle = names_.begin() + std::ptrdiff_t(sorted_);
  if (!std::is_sorted(names_.begin(), middle)) std::sort(names_.begin(), middle);
  if (!std::is_sorted(middle, names_.end())) std::sort(middle, names_.end());  // the index comes sorted
  std::inplace_merge(names_.begin(), middle, names_.end());
  names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
  sorted_ = names_.size();
  // Every key lives in the index's string block or own_strings_, so the maps need not copy them.
  first_ = StringMap<uint32_t>();
  longer_ = StringMap<uint8_t>();
  first_.reserve(names_.size());
  for (size_t i = 0; i < names_.size(); ++i) {
    std::string_view k = names_[i].key;
    if (i > 0 && names_[i - 1].key == k) continue;
    first_.insert_stable(k) = uint32_t(i);
    for (size_t sp = k.find(' '); sp != std::string_view::npos; sp = k.find(' ', sp + 1))
      longer_.insert_stable(k.substr(0, sp)) = 1;
  }
}

namespace {

// Places and names as the coder cache stores them: fixed records, read in one pass.
struct PlaceRec {
  StrRef name, feature;
  uint64_t lat, lon;  // the doubles' bits
  uint32_t geonames_id, population;
  char country[4];
  uint8_t rank, unused[3];
};
struct NameRec {
  StrRef key;
  uint32_t place;
};

}  // namespace

void Gazetteer::save(CacheWriter& w) const {
  std::vector<PlaceRec> places(places_.size());
  for (size_t i = 0; i < places_.size(); ++i) {
    const Place& p = places_[i];
    PlaceRec& r = places[i];
    r = PlaceRec{w.ref(p.name), w.ref(p.feature), std::bit_cast<uint64_t>(p.lat), std::bit_cast<uint64_t>(p.lon), p.geonames_id, p.population, {}, p.rank, {}};
    std::memcpy(r.country, p.country, sizeof r.country);
  }
  w.vec(places);
  std::vector<NameRec> names(names_.size());
  for (size_t i = 0; i < names_.size(); ++i) names[i] = NameRec{w.ref(names_[i].key), names_[i].place};
  w.vec(names);
  std::vector<uint32_t> by_id;
  for (const auto& [gid, place] : by_geonames_id_) by_id.insert(by_id.end(), {gid, place});
  w.vec(by_id);
  for (const auto* table : {&countries_, &capitals_}) {
    w.pod<uint64_t>(table->size());
    for (const auto& [code, place] : *table) {
      w.str(code);
      w.pod(place);
    }
  }
  first_.save(w);
  longer_.save(w);
}

void Gazetteer::load(CacheReader& r) {
  auto [places, np] = r.array<PlaceRec>();
  places_.resize(np);
  for (size_t i = 0; i < np; ++i) {
    const PlaceRec& rec = places[i];
    Place& p = places_[i];
    p.name = r.view(rec.name);
    p.feature = r.view(rec.feature);
    std::memcpy(p.country, rec.country, sizeof p.country);
    p.country[3] = '\0';
    p.lat = std::bit_cast<double>(rec.lat);
    p.lon = std::bit_cast<double>(rec.lon);
    p.geonames_id = rec.geonames_id;
    p.population = rec.population;
    p.rank = rec.rank;
  }
  auto [names, nn] = r.array<NameRec>();
  names_.resize(nn);
  for (size_t i = 0; i < nn; ++i) {
    if (names[i].place >= np) throw CacheError("gazetteer: place index out of range");
    names_[i] = Name{r.view(names[i].key), names[i].place};
  }
  sorted_ = names_.size();
  auto [by_id, nb] = r.array<uint32_t>();
  if (nb % 2) throw CacheError("gazetteer: odd id table");
  by_geonames_id_.resize(nb / 2);
  for (size_t i = 0; i < nb / 2; ++i) {
    if (by_id[2 * i + 1] >= np) throw CacheError("gazetteer: place index out of range");
    by_geonames_id_[i] = {by_id[2 * i], by_id[2 * i + 1]};
  }
  for (auto* table : {&countries_, &capitals_}) {
    table->clear();
    size_t n = r.count(12);
    for (size_t i = 0; i < n; ++i) {
      std::string code(r.str());
      uint32_t place = r.pod<uint32_t>();
      if (place >= np) throw CacheError("gazetteer: place index out of range");
      (*table)[code] = place;
    }
  }
  first_.load(r);
  longer_.load(r);
  first_.for_each([&](std::string_view, uint32_t i) {
    if (i >= names_.size()) throw CacheError("gazetteer: name index out of range");
  });
  index_strings_.clear();
  own_strings_.clear();
}

Gazetteer::Candidates Gazetteer::find(std::string_view key) const {
  Candidates c;
  const uint32_t* at = first_.find(key);
  if (!at) return c;
  c.begin_ = names_.data() + *at;
  c.end_ = c.begin_;
  const Name* end = names_.data() + names_.size();
  while (c.end_ != end && c.end_->key == key) ++c.end_;
  return c;
}

bool Gazetteer::has_longer(std::string_view key) const { return longer_.contains(key); }

const Place* Gazetteer::country(std::string_view iso3) const {
  auto it = countries_.find(std::string(iso3));
  return it == countries_.end() ? nullptr : &places_[it->second];
}

const Place* Gazetteer::capital(std::string_view iso3) const {
  auto it = capitals_.find(std::string(iso3));
  return it == capitals_.end() ? nullptr : &places_[it->second];
}

bool Gazetteer::load_dir(const std::string& dir, std::vector<DictError>& errors) {
  bool ok = true;
  for (const std::string& f : dictionary_files(dir, ".txt")) ok = load_file(f, errors) && ok;
  return ok;
}

bool Gazetteer::load_file(const std::string& path, std::vector<DictError>& errors) {
  return for_each_line(path, errors, [&](const std::string& line, int no) { return add_line(line, path, no, errors); });
}

// Lines (docs/places.md):
//   centroid CCC = LAT LON
//   place NAME | ALT ... = CCC|- FEATURE LAT LON
//   alias NAME | ALT ... = geonames:ID
bool Gazetteer::add_line(std::string_view line, const std::string& file, int line_no, std::vector<DictError>& errors) {
  std::string_view s = trim(line);
  if (s.empty() || s.front() == '#') return true;
  auto fail = [&](const std::string& message) {
    errors.push_back({file, line_no, message});
    return false;
  };
  size_t sp = s.find(' ');
  size_t eq = s.find('=');
  if (sp == std::string_view::npos || eq == std::string_view::npos || eq < sp)
    return fail("expected `centroid CCC = LAT LON`, `place NAMES = CCC FEATURE LAT LON` or `alias NAMES = geonames:ID`");
  std::string_view kind = s.substr(0, sp);
  std::string_view names = trim(s.substr(sp + 1, eq - sp - 1));
  std::vector<std::string_view> rhs = split_ws(trim(s.substr(eq + 1)));
  std::vector<std::string_view> alternates;
  for (std::string_view n : split(names, '|')) {
    n = trim(n);
    if (n.empty()) return fail("empty name");
    alternates.push_back(n);
  }
  if (alternates.empty()) return fail("no name");

  if (kind == "centroid") {
    double lat, lon;
    if (alternates.size() != 1 || !valid_country(alternates[0])) return fail("centroid needs one ISO alpha-3 code");
    if (rhs.size() != 2 || !parse_coordinate(rhs[0], -90, 90, lat) || !parse_coordinate(rhs[1], -180, 180, lon))
      return fail("centroid needs `= LAT LON` in decimal degrees");
    Place p;
    own_strings_.emplace_back(alternates[0]);
    p.name = own_strings_.back();  // replaced by the country's name where it is matched
    p.feature = "country";
    std::memcpy(p.country, alternates[0].data(), 3);
    p.lat = lat;
    p.lon = lon;
    p.rank = 3;
    countries_[std::string(alternates[0])] = add_place(p);
    return true;
  }
  if (kind == "place") {
    double lat, lon;
    std::string_view feature;
    if (rhs.size() != 4) return fail("place needs `= CCC FEATURE LAT LON`");
    if (rhs[0] != "-" && !valid_country(rhs[0])) return fail("bad country code `" + std::string(rhs[0]) + "` (ISO alpha-3 or -)");
    if ((feature = known_feature(rhs[1])).empty()) return fail("unknown feature `" + std::string(rhs[1]) + "`");
    if (!parse_coordinate(rhs[2], -90, 90, lat) || !parse_coordinate(rhs[3], -180, 180, lon))
      return fail("bad coordinates (decimal degrees: LAT in [-90, 90], LON in [-180, 180])");
    Place p;
    own_strings_.emplace_back(alternates[0]);
    p.name = own_strings_.back();
    p.feature = feature;
    if (rhs[0] != "-") std::memcpy(p.country, rhs[0].data(), 3);
    p.lat = lat;
    p.lon = lon;
    p.rank = 3;
    uint32_t id = add_place(p);
    for (std::string_view n : alternates) add_name(n, id);
    return true;
  }
  if (kind == "alias") {
    uint32_t gid = 0;
    if (rhs.size() != 1 || rhs[0].substr(0, 9) != "geonames:" ||
        std::from_chars(rhs[0].data() + 9, rhs[0].data() + rhs[0].size(), gid).ec != std::errc())
      return fail("alias needs `= geonames:ID`");
    auto it = std::lower_bound(by_geonames_id_.begin(), by_geonames_id_.end(), std::make_pair(gid, 0u));
    if (it == by_geonames_id_.end() || it->first != gid)
      return fail("GeoNames id " + std::to_string(gid) + " is not in the gazetteer index");
    // The alias's first name is the spelling dyad reports ("Shusha", not "Shushi").
    own_strings_.emplace_back(alternates[0]);
    places_[it->second].name = own_strings_.back();
    for (std::string_view n : alternates) add_name(n, it->second);
    return true;
  }
  return fail("unknown entry kind `" + std::string(kind) + "`");
}

}  // namespace dyad
