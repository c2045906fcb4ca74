// Readers turn an input stream into Reports, one at a time, so input of any
// size is processed in bounded memory. A malformed record is reported through
// the ErrorSink and skipped; reading goes on with the next record.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <memory>
#include <string>

#include "dyad/reader/report.h"

namespace dyad {

enum class InputFormat { Auto, Text, Html, Jsonl };

// Receives "where: what" messages about records that could not be read whole.
using ErrorSink = std::function<void(const std::string& message)>;

class ReportReader {
 public:
  virtual ~ReportReader() = default;
  // Fills `report` with the next report; false at end of input.
  virtual bool next(Report& report) = 0;
};

class BoilerplateFilter;

// Largest single input record (a JSON line, an HTML page) read into memory.
constexpr size_t kMaxRecordBytes = 256u << 20;

struct ReaderOptions {
  std::string name;          // file name for messages and default ids ("-" is stdin)
  std::string default_date;  // --date: used when a report has none
  InputFormat format = InputFormat::Auto;
  const BoilerplateFilter* boilerplate = nullptr;  // lines to drop; none when null
  // JSON Lines: the longest line kept. A longer one is reported and skipped
  // while it is read, so it takes no more memory than about this much.
  // (HTML pages are held to kMaxRecordBytes.)
  size_t max_record_bytes = kMaxRecordBytes;
};

// Picks a reader by option, file extension or, for Auto on a stream, the first byte.
std::unique_ptr<ReportReader> open_reader(std::istream& in, const ReaderOptions& options, ErrorSink errors);

InputFormat format_from_name(const std::string& name);
bool parse_input_format(const std::string& s, InputFormat& out);

// Checks UTF-8 and replaces each invalid sequence by U+FFFD; returns how many were replaced.
size_t repair_utf8(std::string& s);

}  // namespace dyad
