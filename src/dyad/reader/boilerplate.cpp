#include "dyad/reader/boilerplate.h"

#include <fstream>

#include "dyad/util/strings.h"

namespace dyad {

namespace {
std::string key_of(std::string_view line) {
  line = trim(line);
  while (!line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == ':' ||
                           line.back() == '>' || line.back() == '|'))
    line.remove_suffix(1);
  std::string key;
  bool space = false;
  for (char c : trim(line)) {
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space && !key.empty()) key.push_back(' ');
    space = false;
    key.push_back(ascii_lower(c));
  }
  return key;
}
}  // namespace

void BoilerplateFilter::add(std::string_view phrase) {
  std::string key = key_of(phrase);
  if (!key.empty()) phrases_[key] = 1;
}

bool BoilerplateFilter::load(const std::string& path, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = path + ": cannot open";
    return false;
  }
  std::string line;
  while (std::getline(in, line)) {
    std::string_view t = trim(line);
    if (t.empty() || t.front() == '#') continue;
    add(t);
  }
  return true;
}

bool BoilerplateFilter::is_boilerplate(std::string_view line) const {
  line = trim(line);
  if (line.empty() || line.size() > 80) return false;
  return phrases_.contains(key_of(line));
}

void BoilerplateFilter::strip(std::string& text) const {
  if (phrases_.size() == 0) return;
  std::string out;
  out.reserve(text.size());
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    if (!is_boilerplate(line)) {
      out.append(line);
      if (end < text.size()) out.push_back('\n');
    }
    start = end + 1;
  }
  text.swap(out);
}

}  // namespace dyad
