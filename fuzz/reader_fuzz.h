// The reader fuzzers' common body: the input as one stream through
// dyad::open_reader in a given format, every report read, and each report
// coded by a fresh CoderSession (so no state carries over between inputs).
#pragma once

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "dyad/reader/reader.h"
#include "fuzz_support.h"

namespace dyad::fuzz {

inline void read_and_code(const uint8_t* data, size_t size, InputFormat format, const char* name) {
  const Coder& c = coder();
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  ReaderOptions options;
  options.name = name;
  options.default_date = "2023-03-23";
  options.format = format;
  options.boilerplate = &c.boilerplate();
  size_t messages = 0;
  auto reader = open_reader(in, options, [&](const std::string& message) {
    if (message.empty()) __builtin_trap();  // every problem is reported with a message
    ++messages;
  });
  if (!reader) return;
  CoderSession session(c);
  Report report;
  std::vector<Event> events;
  while (reader->next(report)) {
    events.clear();
    session.code(report, events);
    // Every span lies inside the sentence it points into (docs/output.md).
    for (const Event& e : events) {
      auto check = [&](const Span& s) {
        if (s.begin > s.end || s.end > e.sentence.size()) __builtin_trap();
      };
      if (e.source) check(e.source->span);
      if (e.target) check(e.target->span);
      if (e.location) check(e.location->span);
      if (e.date_span) check(*e.date_span);
      check(e.trigger);
      if (!e.cameo) __builtin_trap();
    }
  }
}

}  // namespace dyad::fuzz
