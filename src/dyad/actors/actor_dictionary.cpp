#include "dyad/actors/actor_dictionary.h"

#include <algorithm>

#include "dyad/text/tokenizer.h"
#include "dyad/util/date.h"
#include "dyad/util/strings.h"

namespace dyad {

const char* actor_kind_name(ActorKind k) {
  switch (k) {
    case ActorKind::Country: return "country";
    case ActorKind::Adjective: return "adjective";
    case ActorKind::Capital: return "capital";
    case ActorKind::Person: return "person";
    case ActorKind::Org: return "org";
    case ActorKind::Agent: return "agent";
  }
  return "?";
}

namespace {

bool parse_kind(std::string_view s, ActorKind& k) {
  if (s == "country") k = ActorKind::Country;
  else if (s == "adjective") k = ActorKind::Adjective;
  else if (s == "capital") k = ActorKind::Capital;
  else if (s == "person") k = ActorKind::Person;
  else if (s == "org") k = ActorKind::Org;
  else if (s == "agent") k = ActorKind::Agent;
  else return false;
  return true;
}

bool is_code(std::string_view s) {
  if (s.size() != 3) return false;
  for (char c : s)
    if (!is_ascii_upper(c) && !is_ascii_digit(c)) return false;
  return true;
}

// Regular English plural of a phrase's last word ("peacekeeper" -> "peacekeepers").
std::string pluralize(std::string_view phrase) {
  std::string p(phrase);
  if (p.empty()) return p;
  if (ends_with(p, "man")) return p.substr(0, p.size() - 3) + "men";
  if (ends_with(p, "person")) return p.substr(0, p.size() - 6) + "people";
  char last = p.back();
  char before = p.size() > 1 ? p[p.size() - 2] : ' ';
  if (last == 'y' && std::string_view("aeiou").find(before) == std::string_view::npos) return p.substr(0, p.size() - 1) + "ies";
  if (last == 's' || last == 'x' || ends_with(p, "sh") || ends_with(p, "ch")) return p + "es";
  return p + "s";
}

}  // namespace

void ActorDictionary::save(CacheWriter& w) const {
  w.pod<uint64_t>(entries_.size());
  for (const ActorEntry& e : entries_) {
    w.pod(e.kind);
    w.str(e.country);
    w.str(e.sector);
    w.pod(e.from);
    w.pod(e.to);
    w.str(e.phrase);
    w.str(e.file);
    w.pod(e.line);
    w.pod<uint8_t>(e.generated);
  }
  w.pod<uint64_t>(nodes_.size());
  for (const Node& n : nodes_) {
    w.vec(n.entries);
    w.pod(n.caps);
  }
  edges_.save(w);
}

void ActorDictionary::load(CacheReader& r) {
  entries_.resize(r.count(16));
  for (ActorEntry& e : entries_) {
    e.kind = r.pod<ActorKind>();
    if (uint8_t(e.kind) > uint8_t(ActorKind::Agent)) throw CacheError("actors: bad kind");
    e.country = r.str();
    e.sector = r.str();
    e.from = r.pod<int32_t>();
    e.to = r.pod<int32_t>();
    e.phrase = r.str();
    e.file = r.str();
    e.line = r.pod<int>();
    e.generated = r.pod<uint8_t>() != 0;
  }
  nodes_.resize(r.count(9));
  for (Node& n : nodes_) {
    r.vec(n.entries);
    for (uint32_t e : n.entries)
      if (e >= entries_.size()) throw CacheError("actors: entry index out of range");
    n.caps = r.pod<uint8_t>();
  }
  if (nodes_.empty()) throw CacheError("actors: no root");
  edges_.load(r);
}

bool ActorDictionary::load_dir(const std::string& dir, std::vector<DictError>& errors) {
  auto files = dictionary_files(dir, ".txt");
  if (files.empty()) {
    errors.push_back({dir, 0, "no actor dictionary files (*.txt) found"});
    return false;
  }
  bool ok = true;
  for (const auto& f : files) ok = load_file(f, errors) && ok;
  return ok;
}

bool ActorDictionary::load_file(const std::string& path, std::vector<DictError>& errors) {
  return for_each_line(path, errors, [&](const std::string& line, int no) { return add_line(line, path, no, errors); });
}

bool ActorDictionary::add_line(const std::string& raw, const std::string& file, int no, std::vector<DictError>& errors) {
  std::string_view line = trim(raw);
  if (line.empty() || line.front() == '#') return true;
  auto fail = [&](const std::string& msg) {
    errors.push_back({file, no, msg});
    return false;
  };
  size_t eq = line.find('=');
  if (eq == std::string_view::npos) return fail("expected 'KIND CODE = phrase | phrase'");
  auto head = split_ws(line.substr(0, eq));
  if (head.size() != 2) return fail("expected 'KIND CODE' before '='");
  ActorEntry e;
  if (!parse_kind(head[0], e.kind))
    return fail("unknown kind '" + std::string(head[0]) + "' (country, adjective, capital, person, org, agent)");
  std::string_view code = head[1];
  if (e.kind == ActorKind::Agent) {
    if (!is_code(code)) return fail("agent code must be a three-letter sector, got '" + std::string(code) + "'");
    e.sector = code;
  } else {
    auto parts = split(code, '/');
    if (parts.size() > 2 || !is_code(parts[0]) || (parts.size() == 2 && !is_code(parts[1])))
      return fail("code must be CCC or CCC/SEC, got '" + std::string(code) + "'");
    e.country = parts[0];
    if (parts.size() == 2) e.sector = parts[1];
    if ((e.kind == ActorKind::Person || e.kind == ActorKind::Org) && e.sector.empty())
      return fail(std::string(actor_kind_name(e.kind)) + " needs a CCC/SEC code");
  }
  std::string_view rest = line.substr(eq + 1);
  size_t at = rest.find('@');
  if (at != std::string_view::npos) {
    std::string_view range = trim(rest.substr(at + 1));
    rest = rest.substr(0, at);
    size_t dots = range.find("..");
    if (dots == std::string_view::npos) return fail("date range must be FROM..TO");
    std::string_view from = trim(range.substr(0, dots)), to = trim(range.substr(dots + 2));
    if (!from.empty()) {
      auto d = parse_iso_date(from);
      if (!d) return fail("bad date '" + std::string(from) + "'");
      e.from = d->days();
    }
    if (!to.empty()) {
      auto d = parse_iso_date(to);
      if (!d) return fail("bad date '" + std::string(to) + "'");
      e.to = d->days();
    }
    if (e.from > e.to) return fail("date range ends before it starts");
  }
  e.file = file;
  e.line = no;
  bool any = false;
  std::string key;
  for (std::string_view phrase : split(rest, '|')) {
    phrase = trim(phrase);
    if (phrase.empty()) continue;
    any = true;
    std::vector<std::string> variants{std::string(phrase)};
    if (e.kind == ActorKind::Agent) {
      std::string plural = pluralize(phrase);
      if (plural != phrase) variants.push_back(plural);
    }
    for (const std::string& v : variants) {
      auto toks = tokenize_phrase(v);
      if (toks.empty()) continue;
      std::vector<uint32_t> words;
      std::vector<uint8_t> caps;
      for (const auto& t : toks) {
        token_key(t.text, t.abbrev, key);
        words.push_back(lex_.intern(key));
        // Acronyms must match in capitals; other capitalised name words must be capitalised.
        size_t letters = 0;
        for (char c : t.text) letters += is_ascii_alpha(c);
        caps.push_back(t.all_caps && letters <= 4 ? 2 : (t.capitalized && e.kind != ActorKind::Agent) ? 1 : 0);
      }
      ActorEntry copy = e;
      copy.phrase = v;
      copy.generated = &v != &variants.front();
      entries_.push_back(std::move(copy));
      add_phrase(words, caps, uint32_t(entries_.size() - 1));
    }
  }
  if (!any) return fail("no phrase after '='");
  return true;
}

void ActorDictionary::add_phrase(const std::vector<uint32_t>& words, const std::vector<uint8_t>& caps, uint32_t entry) {
  uint32_t node = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    uint64_t key = (uint64_t(node) << 32) | words[i];
    uint32_t child = edges_.get(key);
    if (!child) {
      child = uint32_t(nodes_.size());
      nodes_.emplace_back();
      edges_.set(key, child);
    }
    // A node shared by several phrases ("US", "Us...") keeps the weakest case requirement.
    Node& n = nodes_[child];
    n.caps = std::min(n.caps, caps[i]);
    node = child;
  }
  // Layering: an entry for the same phrase and kind replaces the earlier one
  // unless both are dated (then they are alternative roles over time).
  Node& n = nodes_[node];
  const ActorEntry& e = entries_[entry];
  bool dated = e.from != INT32_MIN || e.to != INT32_MAX;
  for (auto it = n.entries.begin(); it != n.entries.end();) {
    const ActorEntry& old = entries_[*it];
    bool old_dated = old.from != INT32_MIN || old.to != INT32_MAX;
    if (old.kind == e.kind && !(dated && old_dated) && old.file != e.file) it = n.entries.erase(it);
    else ++it;
  }
  n.entries.push_back(entry);
}

ActorMatch ActorDictionary::match(const std::vector<Token>& tokens, uint32_t k, uint32_t end, int32_t day) const {
  ActorMatch best;
  uint32_t node = 0;
  for (uint32_t i = k; i < end; ++i) {
    const Token& t = tokens[i];
    if (!t.word) break;
    uint32_t child = edges_.get((uint64_t(node) << 32) | t.word);
    if (!child) break;
    const Node& n = nodes_[child];
    if (n.caps == 2 && !t.has(kAllCaps)) break;
    if (n.caps == 1 && !t.has(kCapitalized)) break;
    node = child;
    const ActorEntry* pick = nullptr;
    for (uint32_t idx : n.entries) {
      const ActorEntry& e = entries_[idx];
      if (day != INT32_MIN && !e.valid_on(day)) continue;
      if (day == INT32_MIN && e.to != INT32_MAX && pick) continue;  // undated report: prefer open-ended roles
      pick = &e;
    }
    if (pick) best = ActorMatch{k, i + 1, pick};
  }
  return best;
}

}  // namespace dyad
