// dyad: the command line. Thin on purpose: it parses options, opens inputs
// and outputs, and hands everything else to the library.
#include <CLI/CLI.hpp>

#include <atomic>
#include <fstream>
#include <algorithm>
#include <iostream>
#include <mutex>

#include "dyad/dict/lint.h"
#include "dyad/eval/scorer.h"
#include "dyad/eval/setting_scorer.h"
#include "dyad/where/place_key.h"
#include "dyad/output/partitioned_writer.h"
#include "dyad/output/writer.h"
#include "dyad/pipeline/batch_coder.h"
#include "dyad/pipeline/coder.h"
#include "dyad/reader/reader.h"
#include "dyad/util/date.h"
#include "common.h"
#include "store_commands.h"

namespace {

using namespace dyad_cli;

// Where `dyad code` writes: one stream (-o or standard output), or a partitioned directory (--out-dir).
struct CodeOutput {
  std::string file;
  std::string format = "jsonl";
  std::string dir;
  uint64_t partition_events = 1000000;
  std::string compress = "zstd";
  bool overwrite = false;
};

int run_code(const CommonOptions& o, const CodeOutput& co, int threads, bool quiet) {
  if (!o.date.empty() && !dyad::parse_iso_date(o.date)) {
    std::cerr << "dyad: --date must be YYYY-MM-DD, got '" << o.date << "'\n";
    return 2;
  }
  dyad::PartitionedOutputOptions po;
  if (!co.dir.empty()) {
    po.dir = co.dir;
    po.events_per_file = co.partition_events;
    po.overwrite = co.overwrite;
    if (!dyad::parse_partition_format(co.format, po.format)) {
      std::cerr << "dyad: --out-dir writes jsonl or csv, not " << co.format << "\n";
      return 2;
    }
    dyad::parse_compression(co.compress, po.compression);
  }
  auto coder = load_coder(o);
  if (!coder) return 2;
  try {
    std::unique_ptr<dyad::PartitionedOutput> parts;
    std::unique_ptr<dyad::EventWriter> writer;
    std::ofstream file;
    std::ostream* out = nullptr;
    if (!co.dir.empty()) {
      try {
        parts = std::make_unique<dyad::PartitionedOutput>(po);
      } catch (const dyad::OutputExistsError& e) {
        std::cerr << "dyad: " << e.what() << "; --overwrite replaces it\n";
        return 2;
      }
    } else {
      out = open_output(co.file, file);
      if (!out) return 2;
      std::ios::sync_with_stdio(false);
      auto format = co.format == "tsv"   ? dyad::OutputFormat::Tsv
                    : co.format == "csv" ? dyad::OutputFormat::Csv
                                         : dyad::OutputFormat::Jsonl;
      writer = dyad::make_writer(format, *out);
    }
    dyad::BatchCoder batch(*coder, threads, [&](const dyad::Event& e) {
      if (parts) parts->write(e);
      else writer->write(e);
    });
    size_t problems = for_each_report(o, *coder, [&](dyad::Report r) { batch.add(std::move(r)); });
    batch.flush();
    std::string written;
    if (parts) {
      size_t n = parts->finish().size();
      written = std::string(", written to ").append(co.dir).append(" (").append(std::to_string(n));
      written.append(n == 1 ? " file)" : " files)");
    } else {
      out->flush();
      if (!*out) {
        std::cerr << "dyad: error writing output\n";
        return 2;
      }
    }
    if (!quiet)
      std::cerr << "dyad: " << batch.reports() << " reports, " << batch.sentences() << " sentences, " << batch.events()
                << " events" << (problems ? ", " + std::to_string(problems) + " problem(s) reported above" : "")
                << written << "\n";
    return problems ? 1 : 0;
  } catch (const std::runtime_error& e) {  // partitioned output: a file or the directory could not be written
    std::cerr << "dyad: " << e.what() << "\n";
    return 2;
  }
}

int run_analyze(const CommonOptions& o) {
  auto coder = load_coder(o);
  if (!coder) return 2;
  dyad::CoderSession session(*coder);
  size_t problems = for_each_report(o, *coder, [&](dyad::Report r) {
    std::vector<dyad::AnalyzedSentence> sentences;
    session.analyze(r, sentences);
    for (size_t i = 0; i < sentences.size(); ++i) {
      const auto& s = sentences[i];
      std::cout << "# " << r.id << " sentence " << i << ": " << s.text << "\n";
      for (const auto& t : s.tokens)
        std::cout << t.text << "\t" << t.tag << "\t" << t.lemma << "\t" << s.clause_kinds[size_t(t.clause)] << "#"
                  << t.clause << "\n";
      for (const auto& a : s.actors) std::cout << "actor\t" << a << "\n";
      std::cout << "\n";
    }
  });
  return problems ? 1 : 0;
}

int run_place(const CommonOptions& o, const std::vector<std::string>& names) {
  auto coder = load_coder(o);
  if (!coder) return 2;
  const dyad::Gazetteer& gaz = coder->gazetteer();
  std::string key;
  int missing = 0;
  for (const std::string& name : names) {
    dyad::place_key(name, key);
    std::vector<const dyad::Place*> found;
    for (uint32_t id : gaz.find(key)) found.push_back(&gaz.place(id));
    std::stable_sort(found.begin(), found.end(), [](const dyad::Place* a, const dyad::Place* b) {
      return a->rank != b->rank ? a->rank > b->rank : a->population > b->population;
    });
    std::cout << name << " (key \"" << key << "\"): " << found.size() << " places\n";
    if (found.empty()) ++missing;
    for (const dyad::Place* p : found) {
      char buf[256];
      std::snprintf(buf, sizeof buf, "  %-28s %-3s %-10s %9.5f %10.5f  population %-9u geonames %u\n",
                    std::string(p->name).c_str(), p->country, std::string(p->feature).c_str(), p->lat, p->lon,
                    p->population, p->geonames_id);
      std::cout << buf;
    }
  }
  return missing ? 1 : 0;
}

int run_eval(const std::string& gold_path, const std::string& data_dir, const std::vector<std::string>& dicts,
             size_t show) {
  CommonOptions o;
  o.data_dir = data_dir;
  o.dict_dirs = dicts;
  auto coder = load_coder(o);
  if (!coder) return 2;
  std::string error;
  if (dyad::is_setting_gold(gold_path)) {  // when-where gold: dates and places
    std::vector<dyad::SettingGoldRecord> gold;
    if (!dyad::load_setting_gold(gold_path, gold, error)) {
      std::cerr << "dyad: " << error << "\n";
      return 2;
    }
    std::cout << "gold: " << gold_path << "\n";
    dyad::print_setting_eval(dyad::evaluate_setting(*coder, gold), std::cout, show);
    return 0;
  }
  std::vector<dyad::GoldRecord> gold;
  if (!dyad::load_gold(gold_path, gold, error)) {
    std::cerr << "dyad: " << error << "\n";
    return 2;
  }
  dyad::PloverVersions versions;
  std::vector<dyad::DictError> errors;
  if (!versions.load(dyad::resolve_data_dir(data_dir) + "/cameo/plover-0.5.tsv", errors)) {
    for (const auto& e : errors) std::cerr << "dyad: " << e.str() << "\n";
    return 2;
  }
  std::cout << "gold: " << gold_path << "\n";
  dyad::print_eval(dyad::evaluate(*coder, gold, versions), std::cout, show);
  return 0;
}

int run_dict(bool lint, const std::string& data_dir, const std::vector<std::string>& dicts) {
  CommonOptions o;
  o.data_dir = data_dir;
  o.dict_dirs = dicts;
  // Syntax errors stop here, with file and line; lint lists the entries a start would refuse.
  auto coder = load_coder(o, !lint);
  if (!coder) return 1;
  if (!lint) {
    dyad::print_stats(*coder, std::cout);
    return 0;
  }
  bool from_iso = false;
  auto countries = dyad::known_country_codes(from_iso);
  if (!from_iso) std::cerr << "dyad: iso-codes not installed; country codes are not checked\n";
  auto issues = dyad::lint_dictionaries(*coder, countries);
  for (const auto& i : issues) std::cout << i.str() << "\n";
  std::cerr << "dyad dict lint: " << issues.size() << " problem(s)\n";
  return issues.empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"dyad: political event coding from news reports (CAMEO and PLOVER)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "dyad 0.1.0");

  CommonOptions code_opts;
  CodeOutput code_out;
  int threads = 1;
  bool quiet = false;
  auto* code = app.add_subcommand("code", "code news reports into events (JSON Lines, TSV or CSV)");
  add_common(code, code_opts);
  auto* out_file = code->add_option("-o,--out", code_out.file, "output file (default: standard output)");
  code->add_option("--output", code_out.format, "output format: jsonl, tsv or csv (--out-dir: jsonl or csv)")
      ->check(CLI::IsMember({"jsonl", "tsv", "csv"}));
  auto* out_dir = code->add_option("--out-dir", code_out.dir,
                                   "write partitioned files part-NNNNN.* and manifest.json into this directory")
                      ->excludes(out_file);
  code->add_option("--partition-events", code_out.partition_events, "events per file with --out-dir (default 1000000)")
      ->check(CLI::PositiveNumber)
      ->needs(out_dir);
  code->add_option("--compress", code_out.compress, "compression of --out-dir files: zstd (default) or none")
      ->check(CLI::IsMember({"zstd", "none"}))
      ->needs(out_dir);
  code->add_flag("--overwrite", code_out.overwrite, "replace the output already in --out-dir")->needs(out_dir);
  code->add_option("-j,--threads", threads, "worker threads")->check(CLI::Range(1, 256));
  code->add_flag("-q,--quiet", quiet, "no summary line on standard error");

  CommonOptions analyze_opts;
  auto* analyze = app.add_subcommand("analyze", "show tokens, tags, lemmas, clauses and actors of each sentence");
  add_common(analyze, analyze_opts);

  std::string gold_path, eval_data;
  std::vector<std::string> eval_dicts;
  size_t show = 50;
  auto* eval = app.add_subcommand("eval", "measure accuracy against gold records (PLOVER GSR JSON or dyad JSON Lines)");
  eval->add_option("gold", gold_path, "gold file")->required();
  eval->add_option("--show", show, "how many misses and false events to list");
  eval->add_option("--data", eval_data, "data directory");
  eval->add_option("--dict", eval_dicts, "extra dictionary directory (repeatable)");

  std::vector<std::string> place_names;
  CommonOptions place_opts;
  auto* place = app.add_subcommand("place", "look place names up in the gazetteer (every candidate, most prominent first)");
  place->add_option("names", place_names, "place names")->required();
  place->add_option("--data", place_opts.data_dir, "data directory");
  place->add_option("--dict", place_opts.dict_dirs, "extra dictionary directory (repeatable)");

  std::string dict_data;
  std::vector<std::string> dict_layers;
  auto* dict = app.add_subcommand("dict", "check and count the dictionaries");
  dict->require_subcommand(1);
  auto* lint = dict->add_subcommand("lint", "report duplicates, conflicts, overlapping dates and unknown codes");
  auto* stats = dict->add_subcommand("stats", "count entries by kind");
  for (auto* sub : {lint, stats}) {
    sub->add_option("--data", dict_data, "data directory");
    sub->add_option("--dict", dict_layers, "extra dictionary directory (repeatable)");
  }

  dyad_cli::add_store_commands(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (*code) return run_code(code_opts, code_out, threads, quiet);
  if (*analyze) return run_analyze(analyze_opts);
  if (*eval) return run_eval(gold_path, eval_data, eval_dicts, show);
  if (*dict) return run_dict(bool(*lint), dict_data, dict_layers);
  if (*place) return run_place(place_opts, place_names);
  if (int rc = dyad_cli::run_store_command(); rc >= 0) return rc;
  return 2;
}
