// A news report as the readers hand it to the coder.
#pragma once

#include <string>

namespace dyad {

struct Report {
  std::string id;      // record id; for files without ids, the file name
  std::string date;    // report date, YYYY-MM-DD, or empty when unknown
  std::string title;
  std::string text;    // article body, paragraphs separated by blank lines
  std::string source;  // publisher, when known
  std::string url;
  std::string origin;  // where it came from, for messages: "file:line"
  int part = 0;  // a long plain-text report comes in parts; sentence numbering goes on across them
};

}  // namespace dyad
