// Scorer: codes the text of gold records and compares dyad's events with the
// gold's, as precision, recall and F1 for the event category alone and for the
// (category, source country, target country) triple. CAMEO codes are mapped to
// the gold's PLOVER version (0.5 names such as DEMAND and FIGHT, or 2021 names).
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "dyad/eval/gold.h"
#include "dyad/events/cameo_table.h"
#include "dyad/pipeline/coder.h"

namespace dyad {

class PloverVersions {
 public:
  // Loads data/cameo/plover-0.5.tsv (CAMEO prefix -> PLOVER 0.5 category).
  bool load(const std::string& path, std::vector<DictError>& errors);
  // The category of `code` in PLOVER `version` ("0.5b1" uses the 0.5 table; anything else the 2021 names).
  std::string category(const CameoCode& code, const std::string& version) const;

 private:
  std::vector<std::pair<std::string, std::string>> v05_;  // prefix, category; longest first
};

struct Counts {
  size_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0; }
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct EvalItem {  // a miss or a false event, for the report
  std::string id, what, sentence;
};

struct EvalResult {
  size_t records = 0;
  std::string version;
  Counts category, triple;
  std::map<std::string, Counts> per_category;
  std::vector<EvalItem> misses, false_events;
};

// Codes a gold record's text as one report dated `date`; `out` is cleared first.
void code_gold_text(CoderSession& session, const std::string& id, const std::string& date, const std::string& text,
                    std::vector<Event>& out);

EvalResult evaluate(const Coder& coder, const std::vector<GoldRecord>& gold, const PloverVersions& versions);
void print_eval(const EvalResult& r, std::ostream& out, size_t max_items);

// Gold files from older coders use a few codes that are not ISO 3166 (JAP for Japan);
// the scorer reads them as their ISO equivalents.
std::string normalize_country(const std::string& code);

}  // namespace dyad
