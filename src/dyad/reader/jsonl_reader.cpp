// JSON Lines: one report per line, {"id","date","text",...}. A malformed line
// is reported with its line number and skipped; the next line is read. Lines
// are read in pieces, so a line longer than the record limit is rejected as
// soon as it passes the limit and the rest of it is read and dropped.
#include <simdjson.h>

#include <istream>
#include <memory>

#include "dyad/reader/boilerplate.h"
#include "dyad/reader/readers.h"
#include "dyad/util/date.h"
#include "dyad/util/strings.h"

namespace dyad {

namespace {

class JsonlReader : public ReportReader {
 public:
  JsonlReader(std::istream& in, const ReaderOptions& options, ErrorSink errors)
      : in_(in), options_(options), errors_(std::move(errors)) {}

  bool next(Report& report) override {
    while (read_line()) {
      if (oversized_) continue;
      std::string_view t = trim(line_);
      if (t.empty()) continue;
      if (parse(report)) return true;
    }
    if (line_no_ == 0) errors_(options_.name + ": empty input, no report");
    return false;
  }

 private:
  std::string where() const { return options_.name + ":" + std::to_string(line_no_); }

  // Reads the next line into line_, without its '\n'; false at the end of input.
  // The line is read in pieces of at most kPieceBytes and never grows past
  // options_.max_record_bytes: a longer line is reported as soon as it passes
  // the limit, and the rest of it, up to its '\n', is read and dropped
  // (oversized_ is then set and line_ is empty).
  bool read_line() {
    line_.clear();
    oversized_ = false;
    const size_t limit = options_.max_record_bytes;
    for (bool first = true;; first = false) {
      // While the line is kept, read at most one byte past the limit, so that
      // a line of exactly `limit` bytes is kept and a longer one is seen at once.
      const size_t room = limit - line_.size();
      const size_t want = oversized_ || room >= kPieceBytes ? kPieceBytes : room + 1;
      in_.getline(piece_.get(), std::streamsize(want + 1));  // stores up to `want` bytes
      const size_t got = size_t(in_.gcount());               // bytes taken, with the '\n' if it was
      size_t stored = got;
      bool more = false;  // the line goes on after this piece
      if (!in_.fail()) {
        if (!in_.eof()) --stored;  // ended by its '\n'; else the input ended without one
      } else if (!in_.eof() && !in_.bad() && got == want) {
        in_.clear();  // the piece is full and the line goes on
        more = true;
      } else if (first) {
        return false;  // nothing left
      }
      if (first) ++line_no_;
      if (!oversized_) {
        if (line_.size() + stored <= limit) {
          line_.append(piece_.get(), stored);
        } else {
          oversized_ = true;
          std::string().swap(line_);  // the memory of the kept part is not held on to
          errors_(where() + ": record longer than " + size_text(limit) + "; skipped");
        }
      }
      if (!more) return true;
    }
  }

  // "256 MB" for whole megabytes, else "N bytes".
  static std::string size_text(size_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MB";
    return std::to_string(bytes) + " bytes";
  }

  bool string_field(simdjson::dom::object& obj, const char* key, std::string& out, bool& type_error) {
    simdjson::dom::element el;
    if (obj[key].get(el)) return false;
    if (el.is_null()) return false;
    std::string_view sv;
    if (!el.get_string().get(sv)) {
      out.assign(sv);
      return true;
    }
    int64_t n;
    if (!el.get_int64().get(n)) {
      out = std::to_string(n);
      return true;
    }
    type_error = true;
    return false;
  }

  bool parse(Report& report) {
    simdjson::dom::element doc;
    auto error = parser_.parse(line_.data(), line_.size(), true).get(doc);
    if (error) {
      errors_(where() + ": malformed JSON (" + std::string(simdjson::error_message(error)) + "); record skipped");
      return false;
    }
    simdjson::dom::object obj;
    if (doc.get_object().get(obj)) {
      errors_(where() + ": not a JSON object; record skipped");
      return false;
    }
    report = Report{};
    report.origin = where();
    bool type_error = false;
    string_field(obj, "id", report.id, type_error);
    std::string label = report.id.empty() ? where() : where() + " (id " + report.id + ")";
    if (!string_field(obj, "text", report.text, type_error) && !string_field(obj, "body", report.text, type_error)) {
      errors_(label + ": no \"text\" field; record skipped");
      return false;
    }
    string_field(obj, "title", report.title, type_error);
    string_field(obj, "source", report.source, type_error);
    string_field(obj, "url", report.url, type_error);
    std::string date;
    string_field(obj, "date", date, type_error);
    if (type_error) errors_(label + ": a field has the wrong JSON type (strings expected); it was ignored");
    if (report.id.empty()) {
      report.id = id_from_name(options_.name) + "-" + std::to_string(line_no_);
      errors_(where() + ": no \"id\"; coded as " + report.id);
    }
    if (!date.empty()) {
      if (auto d = parse_iso_date(date)) {
        report.date = d->iso();
      } else {
        report.date = options_.default_date;
        errors_(label + ": date \"" + date + "\" is not YYYY-MM-DD; " +
                (report.date.empty() ? "coded without a date" : "used --date " + report.date));
      }
    } else {
      report.date = options_.default_date;
      if (report.date.empty()) errors_(label + ": no \"date\" and no --date; coded without a date");
    }
    if (options_.boilerplate) options_.boilerplate->strip(report.text);
    return true;
  }

  static constexpr size_t kPieceBytes = 64u << 10;

  std::istream& in_;
  ReaderOptions options_;
  ErrorSink errors_;
  simdjson::dom::parser parser_;
  std::unique_ptr<char[]> piece_ = std::make_unique_for_overwrite<char[]>(kPieceBytes + 1);
  std::string line_;
  bool oversized_ = false;  // line_ was longer than the limit and was dropped
  size_t line_no_ = 0;
};

}  // namespace

std::unique_ptr<ReportReader> make_jsonl_reader(std::istream& in, const ReaderOptions& options, ErrorSink errors) {
  return std::make_unique<JsonlReader>(in, options, std::move(errors));
}

}  // namespace dyad
