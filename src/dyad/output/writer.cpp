#include "dyad/output/writer.h"

#include <charconv>
#include <cstdio>
#include <memory>

namespace dyad {

void append_tsv_field(std::string_view s, std::string& out) {
  for (char c : s) out.push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
}

void append_csv_field(std::string_view s, std::string& out) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(s);
    return;
  }
  out.push_back('"');
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

void append_json_string(std::string_view s, std::string& out) {
  out.push_back('"');
  // Runs of characters that need no escape are appended at once: most text is one run.
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        static const char kHex[] = "0123456789abcdef";
        char buf[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out.append(buf, 6);
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

namespace {

void append_opt_string(std::string_view s, std::string& out) {
  if (s.empty()) out += "null";
  else append_json_string(s, out);
}

// Number formatting without printf: the writer runs once per event.
void append_uint(uint64_t v, std::string& out) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, size_t(r.ptr - buf));
}

// A decimal with `places` fixed digits (coordinates: 5, Goldstein: 1), rounded half away from zero.
void append_fixed(double v, int places, std::string& out) {
  static const double kScale[] = {1, 10, 100, 1000, 10000, 100000};
  bool negative = v < 0;
  uint64_t scaled = uint64_t((negative ? -v : v) * kScale[places] + 0.5);
  uint64_t whole = scaled / uint64_t(kScale[places]), frac = scaled % uint64_t(kScale[places]);
  if (negative && scaled != 0) out.push_back('-');
  append_uint(whole, out);
  out.push_back('.');
  char digits[8];
  for (int i = places - 1; i >= 0; --i, frac /= 10) digits[i] = char('0' + frac % 10);
  out.append(digits, size_t(places));
}

void append_span(const Span& s, std::string& out) {
  out.push_back('[');
  append_uint(s.begin, out);
  out.push_back(',');
  append_uint(s.end, out);
  out.push_back(']');
}

void append_actor(const std::optional<ActorRecord>& a, std::string& out) {
  if (!a) {
    out += "null";
    return;
  }
  out += "{\"text\":";
  append_json_string(a->text, out);
  out += ",\"code\":";
  append_json_string(a->code, out);
  out += ",\"country\":";
  append_opt_string(a->country, out);
  out += ",\"sector\":";
  append_opt_string(a->sector, out);
  out += ",\"span\":";
  append_span(a->span, out);
  out += "}";
}

void append_location(const std::optional<Location>& l, std::string& out) {
  if (!l) {
    out += "null";
    return;
  }
  out += "{\"name\":";
  append_json_string(l->name, out);
  out += ",\"lat\":";
  append_fixed(l->lat, 5, out);
  out += ",\"lon\":";
  append_fixed(l->lon, 5, out);
  out += ",\"country\":";
  append_opt_string(l->country, out);
  out += ",\"feature\":";
  append_json_string(l->feature, out);
  out += ",\"geonames_id\":";
  if (l->geonames_id) append_uint(l->geonames_id, out);
  else out += "null";
  out += ",\"span\":";
  append_span(l->span, out);
  out += "}";
}

class JsonlWriter : public EventWriter {
 public:
  explicit JsonlWriter(std::ostream& out) : out_(out) {}
  void write(const Event& e) override {
    buf_.clear();
    append_event_json(e, buf_);
    buf_.push_back('\n');
    out_.write(buf_.data(), std::streamsize(buf_.size()));
  }

 private:
  std::ostream& out_;
  std::string buf_;
};

// TSV and CSV: the same rows (append_table_row), with a header.
class TableWriter : public EventWriter {
 public:
  TableWriter(std::ostream& out, TableStyle style) : out_(out), style_(style) {
    append_table_header(style_, buf_);
    out_.write(buf_.data(), std::streamsize(buf_.size()));
  }
  void write(const Event& e) override {
    buf_.clear();
    append_table_row(e, style_, buf_);
    out_.write(buf_.data(), std::streamsize(buf_.size()));
  }

 private:
  std::ostream& out_;
  TableStyle style_;
  std::string buf_;
};

}  // namespace

void append_event_json(const Event& e, std::string& out) {
  out += "{\"event_id\":";
  append_json_string(e.event_id, out);
  out += ",\"doc_id\":";
  append_json_string(e.doc_id, out);
  out += ",\"sentence_index\":";
  append_uint(uint64_t(e.sentence_index), out);
  out += ",\"sentence\":";
  append_json_string(e.sentence, out);
  out += ",\"date\":";
  append_opt_string(e.date, out);
  out += ",\"date_precision\":";
  append_opt_string(e.date_precision, out);
  out += ",\"date_span\":";
  if (e.date_span) append_span(*e.date_span, out);
  else out += "null";
  out += ",\"source\":";
  append_actor(e.source, out);
  out += ",\"target\":";
  append_actor(e.target, out);
  out += ",\"cameo\":";
  append_json_string(e.cameo->code, out);
  out += ",\"cameo_name\":";
  append_json_string(e.cameo->name, out);
  out += ",\"plover\":{\"event\":";
  append_opt_string(e.cameo->plover_event, out);
  out += ",\"mode\":";
  append_opt_string(e.cameo->plover_mode, out);
  out += ",\"context\":";
  append_opt_string(e.cameo->plover_context, out);
  out += "},\"goldstein\":";
  append_fixed(e.cameo->goldstein, 1, out);
  out += ",\"quad_class\":";
  out += std::to_string(e.cameo->quad_class);
  out += ",\"location\":";
  append_location(e.location, out);
  out += ",\"trigger\":{\"text\":";
  append_json_string(e.trigger_text, out);
  out += ",\"span\":";
  append_span(e.trigger, out);
  out += "},\"hypothetical\":";
  out += e.hypothetical ? "true" : "false";
  out += ",\"url\":";
  append_opt_string(e.url, out);
  out += ",\"publisher\":";
  append_opt_string(e.report_source, out);
  out += "}";
}

const std::vector<std::string_view>& event_table_columns() {
  // GDELT-like order; actor 1 is the source, actor 2 the target.
  static const std::vector<std::string_view> kColumns = {
      "EventID", "Date", "DatePrecision",
      "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Sector",
      "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Sector",
      "IsHypothetical", "EventCode", "EventBaseCode", "EventRootCode", "EventName", "QuadClass", "GoldsteinScale",
      "PloverEvent", "PloverMode", "PloverContext",
      "ActionGeoName", "ActionGeoCountryCode", "ActionGeoFeature", "ActionGeoLat", "ActionGeoLong",
      "ActionGeoGeoNamesID",
      "Trigger", "DocID", "SentenceIndex", "Sentence", "SourceURL"};
  return kColumns;
}

void for_each_event_cell(const Event& e, const std::function<void(std::string_view)>& cell) {
  std::string number;  // numeric cells are formatted here
  auto numeric = [&](auto&& format) {
    number.clear();
    format(number);
    cell(number);
  };
  auto actor = [&](const std::optional<ActorRecord>& a) {
    cell(a ? std::string_view(a->code) : "");
    cell(a ? std::string_view(a->text) : "");
    cell(a ? std::string_view(a->country) : "");
    cell(a ? std::string_view(a->sector) : "");
  };
  std::string_view code = e.cameo->code;
  cell(e.event_id);
  cell(e.date);
  cell(e.date_precision);
  actor(e.source);
  actor(e.target);
  cell(e.hypothetical ? "1" : "0");
  cell(code);
  cell(code.substr(0, 3));
  cell(code.substr(0, 2));
  cell(e.cameo->name);
  numeric([&](std::string& s) { append_uint(uint64_t(e.cameo->quad_class), s); });
  numeric([&](std::string& s) { append_fixed(e.cameo->goldstein, 1, s); });
  cell(e.cameo->plover_event);
  cell(e.cameo->plover_mode);
  cell(e.cameo->plover_context);
  if (e.location) {
    cell(e.location->name);
    cell(e.location->country);
    cell(e.location->feature);
    numeric([&](std::string& s) { append_fixed(e.location->lat, 5, s); });
    numeric([&](std::string& s) { append_fixed(e.location->lon, 5, s); });
    if (e.location->geonames_id) numeric([&](std::string& s) { append_uint(e.location->geonames_id, s); });
    else cell("");
  } else {
    for (int i = 0; i < 6; ++i) cell("");
  }
  cell(e.trigger_text);
  cell(e.doc_id);
  numeric([&](std::string& s) { append_uint(uint64_t(e.sentence_index), s); });
  cell(e.sentence);
  cell(e.url);
}

void append_table_header(TableStyle style, std::string& out) {
  const char sep = style == TableStyle::Csv ? ',' : '\t';
  bool first = true;
  for (std::string_view c : event_table_columns()) {
    if (!first) out.push_back(sep);
    first = false;
    out.append(c);
  }
  out.push_back('\n');
}

void append_table_row(const Event& e, TableStyle style, std::string& out) {
  bool first = true;
  if (style == TableStyle::Csv) {
    for_each_event_cell(e, [&](std::string_view v) {
      if (!first) out.push_back(',');
      first = false;
      append_csv_field(v, out);
    });
  } else {
    for_each_event_cell(e, [&](std::string_view v) {
      if (!first) out.push_back('\t');
      first = false;
      append_tsv_field(v, out);
    });
  }
  out.push_back('\n');
}

std::unique_ptr<EventWriter> make_writer(OutputFormat format, std::ostream& out) {
  if (format == OutputFormat::Tsv) return std::make_unique<TableWriter>(out, TableStyle::Tsv);
  if (format == OutputFormat::Csv) return std::make_unique<TableWriter>(out, TableStyle::Csv);
  return std::make_unique<JsonlWriter>(out);
}

}  // namespace dyad
