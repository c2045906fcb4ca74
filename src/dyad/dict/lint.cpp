#include "dyad/dict/lint.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "dyad/text/tokenizer.h"
#include "dyad/util/dict_file.h"
#include "dyad/util/strings.h"

namespace dyad {

namespace {

const std::set<std::string> kSectors = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "OPP", "REB", "CVL", "BUS",
                                        "MED", "EDU", "REL", "HLH", "REF", "LAB", "ENV", "HRI", "ELI", "UAF",
                                        "AGR", "CRM", "DEV", "IGO", "NGO", "MNC", "SEP", "INS", "MOD", "RAD"};
const std::set<std::string> kNonState = {"IGO", "NGO", "MNC", "REB", "XKX"};

// A phrase as the matcher sees it: its token keys.
std::string phrase_key(const std::string& phrase) {
  std::string key, out;
  for (const auto& t : tokenize_phrase(phrase)) {
    token_key(t.text, t.abbrev, key);
    if (!out.empty()) out.push_back(' ');
    out += key;
  }
  return out;
}

// ISO 3166 leaves these alpha-3 codes to users: a dictionary may code an
// entity ISO does not list with one of them (XKX for Kosovo is one), while any
// other code that is not ISO's is a mistake.
bool user_assigned(const std::string& c) {
  if (c.size() != 3) return false;
  return (c[0] == 'A' && c[1] == 'A') || (c[0] == 'Q' && c[1] >= 'M' && c[1] <= 'Z') || c[0] == 'X' ||
         (c[0] == 'Z' && c[1] == 'Z');
}

bool overlaps(const ActorEntry& a, const ActorEntry& b) { return a.from <= b.to && b.from <= a.to; }
std::string code_of(const ActorEntry& e) {
  return e.kind == ActorKind::Agent ? e.sector : e.sector.empty() ? e.country : e.country + "/" + e.sector;
}

}  // namespace

std::set<std::string> known_country_codes(bool& from_iso) {
  std::set<std::string> codes = kNonState;
  // Current codes, and the withdrawn ones of ISO 3166-3 (DDR, YUG, SUN ...) for historical actors.
  from_iso = false;
  for (const char* file : {"/usr/share/iso-codes/json/iso_3166-1.json", "/usr/share/iso-codes/json/iso_3166-3.json"}) {
    std::string json;
    if (!read_file(file, json)) continue;
    from_iso = true;
    for (size_t pos = 0; (pos = json.find("\"alpha_3\": \"", pos)) != std::string::npos; pos += 12)
      codes.insert(json.substr(pos + 12, 3));
  }
  return codes;
}

bool is_fatal(const LintIssue& issue) {
  return issue.kind == "unknown-code" || issue.kind == "unknown-sector" || issue.kind == "overlap";
}

std::vector<LintIssue> lint_actor_entries(const std::vector<ActorEntry>& entries, const std::set<std::string>& countries) {
  std::vector<LintIssue> issues;
  bool any_country = countries.size() <= kNonState.size();  // no ISO list: accept any code
  std::map<std::string, std::vector<const ActorEntry*>> by_phrase;
  std::set<std::pair<std::string, int>> code_checked;  // one report per line, not per phrase
  for (const ActorEntry& e : entries) {
    if (e.generated) continue;
    by_phrase[phrase_key(e.phrase)].push_back(&e);
    if (!code_checked.insert({e.file, e.line}).second) continue;
    if (!e.country.empty() && !any_country && !countries.count(e.country) && !user_assigned(e.country))
      issues.push_back({e.file, e.line, "unknown-code",
                        "'" + e.country + "' is not an ISO 3166 alpha-3 code (nor IGO/NGO/MNC/REB, nor one of "
                        "ISO's user-assigned codes AAA-AAZ, QMA-QZZ, XAA-XZZ, ZZA-ZZZ for entities of your own)"});
    // Behind IGO/NGO/MNC/REB the second part names the organisation (IGO/UNO), not a sector.
    bool org_code = kNonState.count(e.country) && e.country != "XKX";
    if (!e.sector.empty() && !org_code && !kSectors.count(e.sector))
      issues.push_back({e.file, e.line, "unknown-sector", "sector '" + e.sector + "' is not a documented sector code"});
  }
  for (const auto& [key, list] : by_phrase) {
    for (size_t i = 0; i < list.size(); ++i) {
      for (size_t j = i + 1; j < list.size(); ++j) {
        const ActorEntry& a = *list[i];
        const ActorEntry& b = *list[j];
        if (!overlaps(a, b)) continue;
        if (a.file == b.file && a.line == b.line) continue;  // spelling variants of one entry ("St"/"St.")
        bool dated = a.from != INT32_MIN || a.to != INT32_MAX || b.from != INT32_MIN || b.to != INT32_MAX;
        bool same_code = code_of(a) == code_of(b);
        if (same_code && a.kind == b.kind) {
          issues.push_back({b.file, b.line, "duplicate",
                            "'" + b.phrase + "' repeats " + a.file + ":" + std::to_string(a.line)});
        } else if (dated && a.kind == ActorKind::Person && b.kind == ActorKind::Person) {
          issues.push_back({b.file, b.line, "overlap",
                            "'" + b.phrase + "' (" + code_of(b) + ") overlaps the dates of " + a.file + ":" +
                                std::to_string(a.line) + " (" + code_of(a) + ")"});
        } else if (!same_code && a.kind == b.kind) {
          issues.push_back({b.file, b.line, "conflict",
                            "'" + b.phrase + "' is " + code_of(b) + " here but " + code_of(a) + " at " + a.file + ":" +
                                std::to_string(a.line)});
        }
      }
    }
  }
  return issues;
}

std::vector<LintIssue> lint_dictionaries(const Coder& coder, const std::set<std::string>& countries) {
  std::vector<LintIssue> issues = lint_actor_entries(coder.actors().entries(), countries);
  // Event patterns: the same words written twice in one kind.
  std::map<std::string, const EventPattern*> seen;
  for (const EventPattern& p : coder.events().patterns()) {
    std::string key = std::string(p.kind == PatternKind::Verb ? "verb " : "noun ") + p.text;
    auto [it, fresh] = seen.emplace(key, &p);
    if (!fresh && it->second->file == p.file)
      issues.push_back({p.file, p.line, "duplicate-pattern", "'" + p.text + "' repeats line " + std::to_string(it->second->line)});
  }
  std::sort(issues.begin(), issues.end(), [](const LintIssue& a, const LintIssue& b) {
    return std::tie(a.file, a.line, a.kind) < std::tie(b.file, b.line, b.kind);
  });
  return issues;
}

void print_stats(const Coder& coder, std::ostream& out) {
  std::map<std::string, size_t> entries, phrases_by_kind;
  std::map<std::string, std::set<std::string>> codes;
  std::set<std::pair<std::string, int>> lines, dated_people;
  for (const ActorEntry& e : coder.actors().entries()) {
    std::string kind = actor_kind_name(e.kind);
    if (lines.insert({e.file, e.line}).second) ++entries[kind];
    ++phrases_by_kind[kind];
    codes[kind].insert(code_of(e));
    if (e.kind == ActorKind::Person && (e.from != INT32_MIN || e.to != INT32_MAX)) dated_people.insert({e.file, e.line});
  }
  char buf[160];
  out << "actors (data/actors, plus --dict layers)\n";
  out << "  kind         entries  phrases  distinct codes\n";
  for (const auto& [kind, n] : entries) {
    std::snprintf(buf, sizeof buf, "  %-10s %9zu %8zu %9zu\n", kind.c_str(), n, phrases_by_kind[kind], codes[kind].size());
    out << buf;
  }
  std::set<std::string> states;
  for (const ActorEntry& e : coder.actors().entries())
    if (e.kind == ActorKind::Country) states.insert(e.country);
  out << "  countries and territories: " << states.size() << "; person entries with dated roles: " << dated_people.size() << "\n";

  std::map<std::string, size_t> by_root[2];
  size_t verbs = 0, nouns = 0;
  for (const EventPattern& p : coder.events().patterns()) {
    (p.kind == PatternKind::Verb ? verbs : nouns)++;
    by_root[p.kind == PatternKind::Verb ? 0 : 1][p.cameo->code.substr(0, 2)]++;
  }
  out << "\nevent patterns (data/events): " << verbs << " verb, " << nouns << " noun\n";
  out << "  root   verb  noun\n";
  std::set<std::string> roots;
  for (const auto& m : by_root)
    for (const auto& [r, n] : m) roots.insert(r);
  for (const auto& r : roots) {
    std::snprintf(buf, sizeof buf, "  %-5s %5zu %5zu\n", r.c_str(), by_root[0][r], by_root[1][r]);
    out << buf;
  }
  std::map<int, size_t> quads;
  size_t with_plover = 0;
  for (const CameoCode& c : coder.cameo().codes()) {
    ++quads[c.quad_class];
    with_plover += !c.plover_event.empty();
  }
  out << "\nCAMEO codes (data/cameo/cameo.tsv): " << coder.cameo().codes().size() << " (" << with_plover
      << " with a PLOVER category); by QuadClass:";
  for (const auto& [q, n] : quads) out << " " << q << ":" << n;
  out << "\nlexicon: " << coder.lexicon().size() << " words (WordNet and dictionaries)\n";
  // Places: GeoNames cities from the compiled index, the rest from data/places.
  const Gazetteer& gaz = coder.gazetteer();
  std::map<std::string, size_t> features;
  size_t geonames = 0;
  for (size_t k = 0; k < gaz.size(); ++k) {
    const Place& p = gaz.place(uint32_t(k));
    if (p.geonames_id) ++geonames;
    else ++features[std::string(p.feature)];
  }
  out << "\nplaces: " << geonames << " GeoNames places, " << gaz.name_count() << " names in all\n";
  for (const auto& [f, n] : features) {
    std::snprintf(buf, sizeof buf, "  %-14s %5zu\n", f.c_str(), n);
    out << buf;
  }
}

}  // namespace dyad
