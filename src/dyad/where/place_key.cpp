#include "dyad/where/place_key.h"

#include <cstdlib>

#include <utf8proc.h>

namespace dyad {

namespace {

// Letters that Unicode does not decompose into a base letter and a mark.
const char* fold_letter(utf8proc_int32_t cp) {
  switch (cp) {
    case 0x0131: return "i";   // dotless i (Azerbaijani, Turkish)
    case 0x0259: case 0x018F: return "e";  // schwa (Azerbaijani)
    case 0x0142: case 0x0141: return "l";
    case 0x00F8: case 0x00D8: return "o";
    case 0x0111: case 0x0110: return "d";
    case 0x00E6: case 0x00C6: return "ae";
    case 0x0153: case 0x0152: return "oe";
    case 0x00FE: return "th";
    case 0x00F0: return "d";
    default: return nullptr;
  }
}

bool is_apostrophe(utf8proc_int32_t cp) {
  return cp == '\'' || cp == '`' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x02BB || cp == 0x02B9;
}

void push_separator(std::string& out) {
  if (!out.empty() && out.back() != ' ') out.push_back(' ');
}

}  // namespace

void place_key(std::string_view name, std::string& out) {
  out.clear();
  bool ascii = true;
  for (unsigned char c : name)
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) {
    for (char c : name) {
      if (c >= 'A' && c <= 'Z') out.push_back(char(c - 'A' + 'a'));
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
      else if (c == '\'' || c == '`') continue;
      else push_separator(out);
    }
  } else {
    utf8proc_uint8_t* folded = nullptr;
    utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(name.data()),
                                      utf8proc_ssize_t(name.size()), &folded,
                                      utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
                                                        UTF8PROC_STRIPMARK));
    if (n < 0 || !folded) {
      std::free(folded);
      return;  // invalid UTF-8 names nothing
    }
    for (utf8proc_ssize_t i = 0; i < n;) {
      utf8proc_int32_t cp;
      utf8proc_ssize_t len = utf8proc_iterate(folded + i, n - i, &cp);
      if (len <= 0) break;
      i += len;
      if (cp < 0x80) {
        char c = char(cp);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
        else if (c == '\'' || c == '`') continue;
        else push_separator(out);
      } else if (is_apostrophe(cp)) {
        continue;
      } else if (const char* r = fold_letter(cp)) {
        out.append(r);
      } else {
        int32_t cat = utf8proc_category(cp);
        if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) {
          out.append(reinterpret_cast<const char*>(folded) + i - len, size_t(len));  // other scripts kept
        } else if (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO) {
          out.append(reinterpret_cast<const char*>(folded) + i - len, size_t(len));
        } else {
          push_separator(out);
        }
      }
    }
    std::free(folded);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && out.front() == ' ') out.erase(0, 1);
  // "St. Petersburg", "St Petersburg" and "Saint Petersburg" are one name.
  for (size_t i = 0; i + 1 < out.size() || i + 1 == out.size();) {
    bool word_start = i == 0 || out[i - 1] == ' ';
    auto word_is = [&](const char* w, size_t n) {
      return out.compare(i, n, w) == 0 && (i + n == out.size() || out[i + n] == ' ');
    };
    if (word_start && word_is("st", 2)) {
      out.replace(i, 2, "saint");
      i += 5;
    } else if (word_start && word_is("ste", 3)) {
      out.replace(i, 3, "sainte");
      i += 6;
    } else {
      ++i;
    }
  }
}

}  // namespace dyad
