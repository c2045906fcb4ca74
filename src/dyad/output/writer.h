// Event writers: JSON Lines (the full record, docs/output.md) and TSV (the
// same content in GDELT-like column order, for spreadsheets).
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "dyad/events/event.h"

namespace dyad {

enum class OutputFormat { Jsonl, Tsv };

class EventWriter {
 public:
  virtual ~EventWriter() = default;
  virtual void write(const Event& e) = 0;
};

std::unique_ptr<EventWriter> make_writer(OutputFormat format, std::ostream& out);

// Appends `s` as a TSV cell: tabs and newlines, which would break the row, become spaces.
void append_tsv_field(std::string_view s, std::string& out);
// Appends `s` as a JSON string literal (quotes included) to `out`.
void append_json_string(std::string_view s, std::string& out);
// Appends the JSON object of one event (no newline).
void append_event_json(const Event& e, std::string& out);

}  // namespace dyad
