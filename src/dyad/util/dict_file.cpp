#include "dyad/util/dict_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dyad {

std::vector<std::string> dictionary_files(const std::string& dir, const std::string& suffix) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (!e.is_regular_file(ec)) continue;
    std::string p = e.path().string();
    if (p.size() >= suffix.size() && p.compare(p.size() - suffix.size(), suffix.size(), suffix) == 0)
      files.push_back(p);
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool for_each_line(const std::string& path, std::vector<DictError>& errors,
                   const std::function<bool(const std::string&, int)>& fn) {
  std::ifstream in(path);
  if (!in) {
    errors.push_back({path, 0, "cannot open"});
    return false;
  }
  std::string line;
  int no = 0;
  bool ok = true;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    ok = fn(line, ++no) && ok;
  }
  return ok;
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

}  // namespace dyad
