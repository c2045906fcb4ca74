#include "dyad/events/cameo_table.h"

#include "dyad/util/strings.h"

namespace dyad {

bool CameoTable::load(const std::string& path, std::vector<DictError>& errors) {
  return for_each_line(path, errors, [&](const std::string& line, int no) {
    if (trim(line).empty() || trim(line).front() == '#') return true;
    auto f = split(line, '\t');
    auto fail = [&](const std::string& m) {
      errors.push_back({path, no, m});
      return false;
    };
    if (f.size() != 7) return fail("expected 7 tab-separated columns, found " + std::to_string(f.size()));
    CameoCode c;
    c.code = trim(f[0]);
    bool digits = c.code.size() >= 2 && c.code.size() <= 4;
    for (char ch : c.code) digits = digits && is_ascii_digit(ch);
    if (!digits) return fail("bad CAMEO code '" + c.code + "'");
    c.name = trim(f[1]);
    std::string_view g = trim(f[2]), q = trim(f[3]);
    try {
      c.goldstein = std::stod(std::string(g));
    } catch (...) {
      return fail("bad Goldstein weight '" + std::string(g) + "'");
    }
    if (c.goldstein < -10 || c.goldstein > 10) return fail("Goldstein weight out of range");
    if (q.size() != 1 || q[0] < '1' || q[0] > '4') return fail("QuadClass must be 1-4");
    c.quad_class = q[0] - '0';
    auto opt = [](std::string_view s) { return trim(s) == "-" ? std::string() : std::string(trim(s)); };
    c.plover_event = opt(f[4]);
    c.plover_mode = opt(f[5]);
    c.plover_context = opt(f[6]);
    if (index_.contains(c.code)) return fail("duplicate CAMEO code " + c.code);
    index_[c.code] = uint32_t(codes_.size());
    codes_.push_back(std::move(c));
    return true;
  });
}

}  // namespace dyad
