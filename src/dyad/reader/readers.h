// The concrete readers; callers use open_reader() in reader.h.
#pragma once

#include "dyad/reader/reader.h"

namespace dyad {

std::unique_ptr<ReportReader> make_text_reader(std::istream& in, const ReaderOptions& options, ErrorSink errors);
std::unique_ptr<ReportReader> make_html_reader(std::istream& in, const ReaderOptions& options, ErrorSink errors);
std::unique_ptr<ReportReader> make_jsonl_reader(std::istream& in, const ReaderOptions& options, ErrorSink errors);

// Base name of a path without extension, used as the id of a file's single report.
std::string id_from_name(const std::string& name);

}  // namespace dyad
