// The lookup key of a place name: lower case, diacritics stripped, every run of
// spaces, hyphens and periods one space, apostrophes dropped. "Laçın",
// "LACIN" and "Lacin" share a key, as do "Nagorno-Karabakh" and "Nagorno
// Karabakh", "Sana'a" and "Sanaa". The gazetteer compiler and the place
// finder both key names this way, so they agree.
#pragma once

#include <string>
#include <string_view>

namespace dyad {

// Writes the key of `name` into `out` (cleared first). Allocates only for
// non-ASCII names, which go through Unicode decomposition.
void place_key(std::string_view name, std::string& out);

}  // namespace dyad
