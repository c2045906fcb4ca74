// Dictionary checks and counts for `dyad dict lint` and `dyad dict stats`.
// Some problems are errors that stop every start (Coder::load refuses the
// dictionaries: an unknown country or sector code, a person with two roles at
// once); the others (duplicates, conflicting codes for one phrase) are only
// reported by `dyad dict lint`, for a curator.
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

// Every problem of the actor entries, fatal or not.
std::vector<LintIssue> lint_actor_entries(const std::vector<ActorEntry>& entries, const std::set<std::string>& countries);
// Kinds that stop the start: unknown-code, unknown-sector, overlap.
bool is_fatal(const LintIssue& issue);

std::vector<LintIssue> lint_dictionaries(const Coder& coder, const std::set<std::string>& countries);
void print_stats(const Coder& coder, std::ostream& out);

}  // namespace dyad
