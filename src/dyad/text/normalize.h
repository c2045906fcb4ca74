// Unicode normalisation of report text before analysis: NFC, then the
// typographic variants that news sites use are mapped to plain ASCII forms
// (curly quotes, dashes, non-breaking and zero-width spaces, ellipses), so
// that every later stage can compare bytes. Newlines are kept: a blank line
// is a paragraph break.
#pragma once

#include <string>
#include <string_view>

namespace dyad {

// Returns the normalised text. Runs of spaces and tabs become one space.
std::string normalize_text(std::string_view text);

}  // namespace dyad
