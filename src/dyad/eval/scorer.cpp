#include "dyad/eval/scorer.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <tuple>

#include "dyad/util/strings.h"

namespace dyad {

bool PloverVersions::load(const std::string& path, std::vector<DictError>& errors) {
  bool ok = for_each_line(path, errors, [&](const std::string& line, int no) {
    std::string_view t = trim(line);
    if (t.empty() || t.front() == '#') return true;
    auto f = split_ws(t);
    if (f.size() != 2) {
      errors.push_back({path, no, "expected 'CAMEO-prefix CATEGORY'"});
      return false;
    }
    v05_.emplace_back(std::string(f[0]), std::string(f[1]));
    return true;
  });
  std::stable_sort(v05_.begin(), v05_.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  return ok;
}

std::string PloverVersions::category(const CameoCode& code, const std::string& version) const {
  if (starts_with(version, "0.5") || starts_with(version, "0.6") || starts_with(version, "0.7")) {
    for (const auto& [prefix, cat] : v05_)
      if (starts_with(code.code, prefix)) return cat;
    return {};
  }
  return code.plover_event;
}

std::string normalize_country(const std::string& code) {
  static const std::map<std::string, std::string> kAliases = {
      {"JAP", "JPN"}, {"ROM", "ROU"}, {"ZAR", "COD"}, {"TMP", "TLS"}, {"BUR", "MMR"}, {"YUG", "SRB"}};
  auto it = kAliases.find(code);
  return it == kAliases.end() ? code : it->second;
}

namespace {

using Triple = std::tuple<std::string, std::string, std::string>;  // category, source, target ("" for none)

std::string triple_text(const Triple& t) {
  return std::get<0>(t) + " " + (std::get<1>(t).empty() ? "-" : std::get<1>(t)) + ">" +
         (std::get<2>(t).empty() ? "-" : std::get<2>(t));
}

// A predicted triple matches a gold one on category and source; the target must match too
// unless the gold gives none.
bool triple_matches(const Triple& pred, const Triple& gold) {
  if (std::get<0>(pred) != std::get<0>(gold)) return false;
  if (!std::get<1>(gold).empty() && std::get<1>(pred) != std::get<1>(gold)) return false;
  if (!std::get<2>(gold).empty() && std::get<2>(pred) != std::get<2>(gold)) return false;
  return true;
}

}  // namespace

void code_gold_text(CoderSession& session, const std::string& id, const std::string& date, const std::string& text,
                    std::vector<Event>& out) {
  Report report;
  report.id = id;
  report.date = date;
  report.text = text;
  out.clear();
  session.code(report, out);
}

EvalResult evaluate(const Coder& coder, const std::vector<GoldRecord>& gold, const PloverVersions& versions) {
  EvalResult r;
  r.records = gold.size();
  if (!gold.empty()) r.version = gold.front().version.empty() ? "2021 (0.8)" : gold.front().version;
  CoderSession session(coder);
  std::vector<Event> events;
  for (const GoldRecord& g : gold) {
    code_gold_text(session, g.id, g.date, g.text, events);

    std::set<std::string> gold_cats, pred_cats;
    std::set<Triple> gold_triples, pred_triples;
    for (const GoldEvent& ge : g.events) {
      gold_cats.insert(ge.category);
      std::vector<std::string> s = ge.sources.empty() ? std::vector<std::string>{""} : ge.sources;
      std::vector<std::string> t = ge.targets.empty() ? std::vector<std::string>{""} : ge.targets;
      for (const auto& a : s)
        for (const auto& b : t) gold_triples.insert({ge.category, normalize_country(a), normalize_country(b)});
    }
    for (const Event& e : events) {
      std::string cat = versions.category(*e.cameo, g.version);
      if (cat.empty()) continue;  // no equivalent in the gold's PLOVER version (public statements)
      pred_cats.insert(cat);
      pred_triples.insert({cat, e.source ? e.source->country : "", e.target ? e.target->country : ""});
    }
    std::string sentence = g.text.size() > 160 ? g.text.substr(0, 157) + "..." : g.text;
    std::string predicted;
    for (const auto& t : pred_triples) predicted += (predicted.empty() ? "" : ", ") + triple_text(t);
    for (const auto& c : gold_cats) {
      bool hit = pred_cats.count(c) > 0;
      (hit ? r.category.tp : r.category.fn)++;
      (hit ? r.per_category[c].tp : r.per_category[c].fn)++;
    }
    for (const auto& c : pred_cats) {
      if (gold_cats.count(c)) continue;
      r.category.fp++;
      r.per_category[c].fp++;
    }
    for (const auto& gt : gold_triples) {
      bool hit = std::any_of(pred_triples.begin(), pred_triples.end(), [&](const Triple& p) { return triple_matches(p, gt); });
      if (hit) {
        r.triple.tp++;
      } else {
        r.triple.fn++;
        r.misses.push_back({g.id, triple_text(gt) + " (dyad: " + (predicted.empty() ? "nothing" : predicted) + ")", sentence});
      }
    }
    for (const auto& pt : pred_triples) {
      bool hit = std::any_of(gold_triples.begin(), gold_triples.end(), [&](const Triple& gt) { return triple_matches(pt, gt); });
      if (!hit) {
        r.triple.fp++;
        std::string want;
        for (const auto& gt : gold_triples) want += (want.empty() ? "" : ", ") + triple_text(gt);
        r.false_events.push_back({g.id, triple_text(pt) + " (gold: " + want + ")", sentence});
      }
    }
  }
  return r;
}

void print_eval(const EvalResult& r, std::ostream& out, size_t max_items) {
  char buf[256];
  out << "records: " << r.records << ", PLOVER version " << r.version << "\n\n";
  out << "                       precision  recall     F1      tp    fp    fn\n";
  auto row = [&](const std::string& name, const Counts& c) {
    std::snprintf(buf, sizeof buf, "%-22s %9.3f %7.3f %6.3f %7zu %5zu %5zu\n", name.c_str(), c.precision(), c.recall(),
                  c.f1(), c.tp, c.fp, c.fn);
    out << buf;
  };
  row("category", r.category);
  row("category+source+target", r.triple);
  out << "\nper category:\n";
  for (const auto& [name, c] : r.per_category) row("  " + name, c);
  auto list = [&](const char* title, const std::vector<EvalItem>& items) {
    out << "\n" << title << " (" << items.size() << "):\n";
    for (size_t i = 0; i < items.size() && i < max_items; ++i)
      out << "  " << items[i].id << "  " << items[i].what << "\n      " << items[i].sentence << "\n";
    if (items.size() > max_items) out << "  ... " << items.size() - max_items << " more (use --show N)\n";
  };
  list("misses: gold events dyad did not produce", r.misses);
  list("false events: dyad events the gold does not have", r.false_events);
}

}  // namespace dyad
