// Page boilerplate ("Scroll to Top", "Share this article") is not news text.
// The phrases live in data/boilerplate.txt so users can extend the list.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dyad/util/string_map.h"

namespace dyad {

class BoilerplateFilter {
 public:
  // Loads one phrase per line ('#' comments); returns false with `error` set on failure.
  bool load(const std::string& path, std::string& error);
  void add(std::string_view phrase);
  // True when the whole line (trimmed, case-insensitive, trailing punctuation ignored) is boilerplate.
  bool is_boilerplate(std::string_view line) const;
  // Removes boilerplate lines from `text` in place.
  void strip(std::string& text) const;

 private:
  StringMap<char> phrases_;
};

}  // namespace dyad
