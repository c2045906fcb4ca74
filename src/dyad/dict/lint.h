// Dictionary checks and counts for `dyad dict lint` and `dyad dict stats`:
// the problems a loader accepts but a curator wants to know about.
#pragma once

#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "dyad/pipeline/coder.h"

namespace dyad {

struct LintIssue {
  std::string file;
  int line = 0;
  std::string kind;  // duplicate, conflict, overlap, unknown-code, unknown-sector, duplicate-pattern
  std::string message;
  std::string str() const { return file + ":" + std::to_string(line) + ": " + kind + ": " + message; }
};

// Country codes the actor dictionaries may use: ISO 3166-1 alpha-3 (read from Debian's
// iso-codes when present, else accepted as any three capitals) and dyad's non-state codes.
std::set<std::string> known_country_codes(bool& from_iso);

std::vector<LintIssue> lint_dictionaries(const Coder& coder, const std::set<std::string>& countries);
void print_stats(const Coder& coder, std::ostream& out);

}  // namespace dyad
