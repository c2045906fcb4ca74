#include "dyad/text/normalize.h"

#include <utf8proc.h>

#include <cstdlib>

namespace dyad {

namespace {

// Replacement for a code point, or nullptr to keep it. "" deletes it.
const char* replacement(int32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: case 0x00B4: case 0x0060:
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
      return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: case 0xFE58:
    case 0xFE63: case 0xFF0D:
      return "-";
    case 0x00A0: case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004: case 0x2005: case 0x2006:
    case 0x2007: case 0x2008: case 0x2009: case 0x200A: case 0x202F: case 0x205F: case 0x3000: case 0x0009:
      return " ";
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
      return "";
    case 0x2026:
      return "...";
    case 0x2028: case 0x2029: case 0x0085:
      return "\n";
    default:
      return nullptr;
  }
}

void push_space_aware(std::string& out, const char* s) {
  for (; *s; ++s) {
    if (*s == ' ' && (out.empty() || out.back() == ' ' || out.back() == '\n')) continue;
    out.push_back(*s);
  }
}

}  // namespace

std::string normalize_text(std::string_view text) {
  bool ascii = true;
  for (unsigned char c : text)
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  std::string composed;
  if (!ascii) {
    // NFC; on failure (invalid UTF-8 slipped through) keep the bytes as they are.
    utf8proc_uint8_t* nfc = nullptr;
    utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                      utf8proc_ssize_t(text.size()), &nfc, utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (n >= 0 && nfc) composed.assign(reinterpret_cast<char*>(nfc), size_t(n));
    else composed.assign(text);
    std::free(nfc);
    text = composed;
  }
  std::string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  size_t n = text.size();
  for (size_t i = 0; i < n;) {
    unsigned char c = p[i];
    if (c < 0x80) {
      if (c == '\r') {
        ++i;
        continue;
      }
      if (c == ' ' || c == '\t') {
        if (!out.empty() && out.back() != ' ' && out.back() != '\n') out.push_back(' ');
      } else if (c == '\n') {
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out.push_back('\n');
      } else if (c < 0x20) {
        if (!out.empty() && out.back() != ' ') out.push_back(' ');  // other control bytes
      } else {
        out.push_back(char(c));
      }
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(p + i, utf8proc_ssize_t(n - i), &cp);
    if (len <= 0) {
      out.append("\xEF\xBF\xBD");
      ++i;
      continue;
    }
    if (const char* r = replacement(cp)) push_space_aware(out, r);
    else out.append(text.substr(i, size_t(len)));
    i += size_t(len);
  }
  return out;
}

}  // namespace dyad
