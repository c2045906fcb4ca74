#include "dyad/output/writer.h"

#include <charconv>
#include <cstdio>
#include <memory>

namespace dyad {

void append_tsv_field(std::string_view s, std::string& out) {
  for (char c : s) out.push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
}

void append_json_string(std::string_view s, std::string& out) {
  out.push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(char(c));
        }
    }
  }
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

std::string goldstein_text(double g) {
  std::string s;
  append_fixed(g, 1, s);
  return s;
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

class TsvWriter : public EventWriter {
 public:
  explicit TsvWriter(std::ostream& out) : out_(out) {
    out_ << "EventID\tDate\tDatePrecision\tActor1Code\tActor1Name\tActor1CountryCode\tActor1Sector\t"
            "Actor2Code\tActor2Name\tActor2CountryCode\tActor2Sector\tIsHypothetical\tEventCode\tEventBaseCode\t"
            "EventRootCode\tEventName\tQuadClass\tGoldsteinScale\tPloverEvent\tPloverMode\tPloverContext\t"
            "ActionGeoName\tActionGeoCountryCode\tActionGeoFeature\tActionGeoLat\tActionGeoLong\tActionGeoGeoNamesID\t"
            "Trigger\tDocID\tSentenceIndex\tSentence\tSourceURL\n";
  }
  void write(const Event& e) override {
    buf_.clear();
    auto field = [&](std::string_view s) {
      append_tsv_field(s, buf_);
      buf_.push_back('\t');
    };
    auto actor = [&](const std::optional<ActorRecord>& a) {
      field(a ? a->code : "");
      field(a ? a->text : "");
      field(a ? a->country : "");
      field(a ? a->sector : "");
    };
    const std::string& code = e.cameo->code;
    field(e.event_id);
    field(e.date);
    field(e.date_precision);
    actor(e.source);
    actor(e.target);
    field(e.hypothetical ? "1" : "0");
    field(code);
    field(code.substr(0, 3));
    field(code.substr(0, 2));
    field(e.cameo->name);
    field(std::to_string(e.cameo->quad_class));
    field(goldstein_text(e.cameo->goldstein));
    field(e.cameo->plover_event);
    field(e.cameo->plover_mode);
    field(e.cameo->plover_context);
    if (e.location) {
      field(e.location->name);
      field(e.location->country);
      field(e.location->feature);
      append_fixed(e.location->lat, 5, buf_);
      buf_.push_back('\t');
      append_fixed(e.location->lon, 5, buf_);
      buf_.push_back('\t');
      field(e.location->geonames_id ? std::to_string(e.location->geonames_id) : "");
    } else {
      for (int i = 0; i < 6; ++i) field("");
    }
    field(e.trigger_text);
    field(e.doc_id);
    field(std::to_string(e.sentence_index));
    field(e.sentence);
    append_tsv_field(e.url, buf_);
    buf_.push_back('\n');
    out_.write(buf_.data(), std::streamsize(buf_.size()));
  }

 private:
  std::ostream& out_;
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

std::unique_ptr<EventWriter> make_writer(OutputFormat format, std::ostream& out) {
  if (format == OutputFormat::Tsv) return std::make_unique<TsvWriter>(out);
  return std::make_unique<JsonlWriter>(out);
}

}  // namespace dyad
