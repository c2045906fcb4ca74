// Event writers: JSON Lines (the full record, docs/output.md), and TSV and CSV
// (the same content in GDELT-like column order, for spreadsheets).
#pragma once

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/events/event.h"

namespace dyad {

enum class OutputFormat { Jsonl, Tsv, Csv };

class EventWriter {
 public:
  virtual ~EventWriter() = default;
  virtual void write(const Event& e) = 0;
};

std::unique_ptr<EventWriter> make_writer(OutputFormat format, std::ostream& out);

// The columns of the tabular output (TSV, CSV), in order: EventID, Date, ... (docs/output.md).
const std::vector<std::string_view>& event_table_columns();
// Calls `cell` with the value of every column of `e`, in the order of
// event_table_columns(); an empty value stands for null. The one place that
// decides what the TSV and CSV rows hold.
void for_each_event_cell(const Event& e, const std::function<void(std::string_view)>& cell);
// Tab-separated (tabs and newlines in cells become spaces) or comma-separated (RFC 4180 quoting).
enum class TableStyle { Tsv, Csv };
// Appends the header row (the column names), then '\n'.
void append_table_header(TableStyle style, std::string& out);
// Appends one event as a row of the cells of for_each_event_cell, then '\n'.
void append_table_row(const Event& e, TableStyle style, std::string& out);

// Appends `s` as a TSV cell: tabs and newlines, which would break the row, become spaces.
void append_tsv_field(std::string_view s, std::string& out);
// Appends `s` as a CSV cell (RFC 4180): quoted, with quotes doubled, when it
// holds a comma, a quote, CR or LF; as is otherwise.
void append_csv_field(std::string_view s, std::string& out);
// Appends `s` as a JSON string literal (quotes included) to `out`.
void append_json_string(std::string_view s, std::string& out);
// Appends the JSON object of one event (no newline).
void append_event_json(const Event& e, std::string& out);

}  // namespace dyad
