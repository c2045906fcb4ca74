#include "dyad/events/cameo_table.h"

#include <charconv>
#include <fstream>

#include "dyad/util/strings.h"

namespace dyad {

bool CameoTable::load(const std::string& path, std::vector<DictError>& errors) {
  std::ifstream in(path);
  if (!in) {
    errors.push_back({path, 0, "cannot open CAMEO table"});
    return false;
  }
  std::string line;
  int no = 0;
  bool ok = true;
  while (std::getline(in, line)) {
    ++no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (trim(line).empty() || trim(line).front() == '#') continue;
    auto f = split(line, '\t');
    auto fail = [&](const std::string& m) {
      errors.push_back({path, no, m});
      ok = false;
    };
    if (f.size() != 7) {
      fail("expected 7 tab-separated columns, found " + std::to_string(f.size()));
      continue;
    }
    CameoCode c;
    c.code = trim(f[0]);
    bool digits = c.code.size() >= 2 && c.code.size() <= 4;
    for (char ch : c.code) digits = digits && is_ascii_digit(ch);
    if (!digits) {
      fail("bad CAMEO code '" + c.code + "'");
      continue;
    }
    c.name = trim(f[1]);
    std::string_view g = trim(f[2]), q = trim(f[3]);
    try {
      c.goldstein = std::stod(std::string(g));
    } catch (...) {
      fail("bad Goldstein weight '" + std::string(g) + "'");
      continue;
    }
    if (c.goldstein < -10 || c.goldstein > 10) {
      fail("Goldstein weight out of range");
      continue;
    }
    if (q.size() != 1 || q[0] < '1' || q[0] > '4') {
      fail("QuadClass must be 1-4");
      continue;
    }
    c.quad_class = q[0] - '0';
    auto opt = [](std::string_view s) { return trim(s) == "-" ? std::string() : std::string(trim(s)); };
    c.plover_event = opt(f[4]);
    c.plover_mode = opt(f[5]);
    c.plover_context = opt(f[6]);
    if (index_.contains(c.code)) {
      fail("duplicate CAMEO code " + c.code);
      continue;
    }
    index_[c.code] = uint32_t(codes_.size());
    codes_.push_back(std::move(c));
  }
  // Stable pointers: index_ holds positions, and codes_ no longer grows.
  return ok;
}

}  // namespace dyad
