// JSON Lines: one report per line, {"id","date","text",...}. A malformed line
// is reported with its line number and skipped; the next line is read.
#include <simdjson.h>

#include <istream>

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
      std::string_view t = trim(line_);
      if (t.empty()) continue;
      if (parse(report)) return true;
    }
    if (line_no_ == 0) errors_(options_.name + ": empty input, no report");
    return false;
  }

 private:
  std::string where() const { return options_.name + ":" + std::to_string(line_no_); }

  bool read_line() {
    line_.clear();
    if (!std::getline(in_, line_)) return false;
    ++line_no_;
    return true;
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
    if (line_.size() > kMaxRecordBytes) {
      errors_(where() + ": record longer than " + std::to_string(kMaxRecordBytes >> 20) + " MB; skipped");
      return false;
    }
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

  std::istream& in_;
  ReaderOptions options_;
  ErrorSink errors_;
  simdjson::dom::parser parser_;
  std::string line_;
  size_t line_no_ = 0;
};

}  // namespace

std::unique_ptr<ReportReader> make_jsonl_reader(std::istream& in, const ReaderOptions& options, ErrorSink errors) {
  return std::make_unique<JsonlReader>(in, options, std::move(errors));
}

}  // namespace dyad
