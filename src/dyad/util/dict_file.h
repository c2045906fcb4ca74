// Helpers for dyad's line-oriented dictionary files: listing a directory's
// files in a stable order and reporting errors as "file:line: message".
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace dyad {

struct DictError {
  std::string file;
  int line = 0;
  std::string message;
  std::string str() const { return file + ":" + std::to_string(line) + ": " + message; }
};

// The regular files in `dir` ending in `suffix`, sorted by name; empty if `dir` is missing.
std::vector<std::string> dictionary_files(const std::string& dir, const std::string& suffix);

// Calls fn(line, line_number) for every line of `path`; records "cannot open" in `errors`
// and returns false if the file cannot be read. Returns false if any call returned false.
bool for_each_line(const std::string& path, std::vector<DictError>& errors,
                   const std::function<bool(const std::string&, int)>& fn);

// Reads a whole small file; false if it cannot be opened.
bool read_file(const std::string& path, std::string& out);

}  // namespace dyad
