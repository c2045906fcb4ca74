// Plain text: one report per file. A long file is handed on in parts of about
// kPartBytes, cut at paragraph ends, so memory stays bounded whatever its size.
#include <istream>

#include "dyad/reader/boilerplate.h"
#include "dyad/reader/readers.h"
#include "dyad/util/strings.h"

namespace dyad {

std::string id_from_name(const std::string& name) {
  if (name.empty() || name == "-") return "stdin";
  size_t slash = name.find_last_of('/');
  std::string base = slash == std::string::npos ? name : name.substr(slash + 1);
  size_t dot = base.find_last_of('.');
  if (dot != std::string::npos && dot > 0) base.resize(dot);
  return base;
}

namespace {

constexpr size_t kPartBytes = 1u << 20;

class TextReader : public ReportReader {
 public:
  TextReader(std::istream& in, const ReaderOptions& options, ErrorSink errors)
      : in_(in), options_(options), errors_(std::move(errors)) {}

  bool next(Report& report) override {
    if (done_) return false;
    report = Report{};
    report.id = id_from_name(options_.name);
    report.date = options_.default_date;
    report.origin = options_.name;
    report.part = part_;
    std::string& text = report.text;
    std::string line;
    bool any = false;
    while (std::getline(in_, line)) {
      ++line_no_;
      any = true;
      if (line.find('\0') != std::string::npos) {
        errors_(options_.name + ":" + std::to_string(line_no_) + ": binary data (NUL byte); line skipped");
        if (++binary_lines_ >= 3 && !seen_text_) {
          errors_(options_.name + ": looks like a binary file; rest of file skipped");
          done_ = true;
          break;
        }
        continue;
      }
      if (size_t bad = repair_utf8(line))
        errors_(options_.name + ":" + std::to_string(line_no_) + ": invalid UTF-8 (" + std::to_string(bad) +
                " byte(s) replaced by U+FFFD)");
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (options_.boilerplate && options_.boilerplate->is_boilerplate(line)) continue;
      if (!trim(line).empty()) seen_text_ = true;
      text += line;
      text.push_back('\n');
      // Cut at a paragraph end once the part is big enough.
      if (text.size() >= kPartBytes && trim(line).empty()) break;
      if (text.size() >= 4 * kPartBytes) {
        break;  // no paragraph break for a long stretch: cut at a line end
      }
    }
    if (in_.eof()) done_ = true;
    if (!any && part_ == 0) {
      errors_(options_.name + ": empty input, no report");
      done_ = true;
      return false;
    }
    if (!any) return false;
    if (part_ == 0 && !seen_text_) {
      errors_(options_.name + ": no text in input, no report");
      done_ = true;
      return false;
    }
    if (part_ > 0) report.origin += " (part " + std::to_string(part_ + 1) + ")";
    ++part_;
    return true;
  }

 private:
  std::istream& in_;
  ReaderOptions options_;
  ErrorSink errors_;
  size_t line_no_ = 0;
  int part_ = 0;
  int binary_lines_ = 0;
  bool seen_text_ = false;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<ReportReader> make_text_reader(std::istream& in, const ReaderOptions& options, ErrorSink errors) {
  return std::make_unique<TextReader>(in, options, std::move(errors));
}

}  // namespace dyad
