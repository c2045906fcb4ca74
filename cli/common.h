// What the dyad subcommands share: the input options, loading the coder, and
// reading every report of every input with problems reported as they come.
#pragma once

#include <CLI/CLI.hpp>

#include <atomic>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "dyad/pipeline/coder.h"
#include "dyad/reader/reader.h"

namespace dyad_cli {

struct CommonOptions {
  std::string data_dir;
  std::vector<std::string> dict_dirs;
  std::string date;
  std::string input_format = "auto";
  std::vector<std::string> inputs;
};

inline void add_common(CLI::App* cmd, CommonOptions& o) {
  cmd->add_option("inputs", o.inputs, "input files: .txt, .html, .jsonl, or - for standard input")->required();
  cmd->add_option("--date", o.date, "report date (YYYY-MM-DD) for inputs that carry none");
  cmd->add_option("--input-format", o.input_format, "auto, text, html or jsonl")
      ->check(CLI::IsMember({"auto", "text", "txt", "html", "jsonl", "json"}));
  cmd->add_option("--data", o.data_dir, "data directory (default: $DYAD_DATA or the built-in one)");
  cmd->add_option("--dict", o.dict_dirs, "extra dictionary directory layered over the defaults (repeatable)");
}

// The stream output goes to: standard output for "" and "-", else `name`
// opened in `file`; null (with a message) when it cannot be written.
inline std::ostream* open_output(const std::string& name, std::ofstream& file) {
  if (name.empty() || name == "-") return &std::cout;
  file.open(name, std::ios::binary);
  if (!file) {
    std::cerr << "dyad: " << name << ": cannot write\n";
    return nullptr;
  }
  return &file;
}

inline std::unique_ptr<dyad::Coder> load_coder(const CommonOptions& o, bool refuse_bad_entries = true) {
  dyad::CoderOptions co;
  co.data_dir = o.data_dir;
  co.dict_dirs = o.dict_dirs;
  co.refuse_bad_entries = refuse_bad_entries;
  std::vector<dyad::DictError> errors;
  auto coder = dyad::Coder::load(co, errors);
  if (!coder) {
    for (const auto& e : errors) std::cerr << "dyad: " << e.str() << "\n";
    std::cerr << "dyad: dictionaries not loaded; nothing coded\n";
    return nullptr;
  }
  return coder;
}

// Calls f(report) for every report of every input; returns the number of problems reported.
template <typename F>
size_t for_each_report(const CommonOptions& o, const dyad::Coder& coder, F&& f) {
  std::atomic<size_t> problems{0};
  dyad::InputFormat format;
  dyad::parse_input_format(o.input_format, format);
  for (const std::string& name : o.inputs) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (name != "-") {
      file.open(name, std::ios::binary);
      if (!file) {
        std::cerr << "dyad: " << name << ": cannot open\n";
        ++problems;
        continue;
      }
      in = &file;
    }
    dyad::ReaderOptions ro;
    ro.name = name;
    ro.default_date = o.date;
    ro.format = format;
    ro.boilerplate = &coder.boilerplate();
    auto reader = dyad::open_reader(*in, ro, [&](const std::string& msg) {
      std::cerr << "dyad: " << msg << "\n";
      ++problems;
    });
    dyad::Report report;
    while (reader->next(report)) f(std::move(report));
  }
  return problems;
}

}  // namespace dyad_cli
