#include "dyad/reader/reader.h"

#include <utf8proc.h>

#include "dyad/reader/boilerplate.h"
#include "dyad/reader/readers.h"
#include "dyad/util/strings.h"

namespace dyad {

size_t repair_utf8(std::string& s) {
  // Fast path: valid text is the norm.
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  size_t n = s.size(), i = 0, bad = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(p + i, utf8proc_ssize_t(n - i), &cp);
    if (len < 0) {
      ++bad;
      break;
    }
    i += size_t(len);
  }
  if (bad == 0) return 0;
  bad = 0;
  std::string out;
  out.reserve(n + 16);
  i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      out.push_back(char(p[i++]));
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(p + i, utf8proc_ssize_t(n - i), &cp);
    if (len < 0) {
      out.append("\xEF\xBF\xBD");
      ++bad;
      ++i;
    } else {
      out.append(s, i, size_t(len));
      i += size_t(len);
    }
  }
  s.swap(out);
  return bad;
}

InputFormat format_from_name(const std::string& name) {
  std::string lower = to_lower(name);
  if (ends_with(lower, ".jsonl") || ends_with(lower, ".ndjson") || ends_with(lower, ".json")) return InputFormat::Jsonl;
  if (ends_with(lower, ".html") || ends_with(lower, ".htm") || ends_with(lower, ".xhtml")) return InputFormat::Html;
  if (name == "-") return InputFormat::Auto;
  return InputFormat::Text;
}

bool parse_input_format(const std::string& s, InputFormat& out) {
  if (s == "auto") out = InputFormat::Auto;
  else if (s == "text" || s == "txt") out = InputFormat::Text;
  else if (s == "html") out = InputFormat::Html;
  else if (s == "jsonl" || s == "json") out = InputFormat::Jsonl;
  else return false;
  return true;
}

std::unique_ptr<ReportReader> open_reader(std::istream& in, const ReaderOptions& options, ErrorSink errors) {
  InputFormat format = options.format;
  if (format == InputFormat::Auto) format = format_from_name(options.name);
  if (format == InputFormat::Auto) {
    // A stream: look at its first non-space byte.
    int c;
    while ((c = in.peek()) != EOF && is_space(char(c))) in.get();
    format = c == '{' ? InputFormat::Jsonl : c == '<' ? InputFormat::Html : InputFormat::Text;
  }
  switch (format) {
    case InputFormat::Jsonl: return make_jsonl_reader(in, options, std::move(errors));
    case InputFormat::Html: return make_html_reader(in, options, std::move(errors));
    default: return make_text_reader(in, options, std::move(errors));
  }
}

}  // namespace dyad
