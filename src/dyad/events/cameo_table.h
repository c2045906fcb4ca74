// CameoTable: every CAMEO code with its name, Goldstein weight, QuadClass
// and PLOVER mapping, read from data/cameo/cameo.tsv.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dyad/util/dict_file.h"
#include "dyad/util/string_map.h"

namespace dyad {

struct CameoCode {
  std::string code;
  std::string name;
  double goldstein = 0;
  int quad_class = 0;  // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  std::string plover_event, plover_mode, plover_context;  // empty when the table has '-'
};

class CameoTable {
 public:
  bool load(const std::string& path, std::vector<DictError>& errors);
  const CameoCode* find(std::string_view code) const {
    const uint32_t* i = index_.find(code);
    return i ? &codes_[*i] : nullptr;
  }
  const std::vector<CameoCode>& codes() const { return codes_; }

 private:
  std::vector<CameoCode> codes_;
  StringMap<uint32_t> index_;
};

}  // namespace dyad
