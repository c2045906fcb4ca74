// Shared helpers for dyad's tests: one Coder loaded from the source tree's
// data/, and the location of ../shared (the acceptance material).
#pragma once

#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "dyad/pipeline/coder.h"
#include "dyad/util/dict_file.h"

namespace dyad::test {

inline std::string source_dir() { return DYAD_SOURCE_DIR; }
inline std::string data_dir() { return source_dir() + "/data"; }
inline std::string shared_dir() { return source_dir() + "/../shared"; }
inline bool have_shared() { return std::filesystem::exists(shared_dir() + "/seed/article.txt"); }

// A fresh, empty temporary directory named after `prefix`, the process and the
// running test (so that tests running in parallel never share one).
inline std::filesystem::path fresh_test_dir(const std::string& prefix) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = std::string(prefix).append(std::to_string(::getpid()));
  if (info) name.append("-").append(info->name());
  auto dir = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline const Coder& coder() {
  static std::unique_ptr<Coder> c = [] {
    CoderOptions o;
    o.data_dir = data_dir();
    std::vector<DictError> errors;
    auto loaded = Coder::load(o, errors);
    for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.str().c_str());
    if (!loaded) std::abort();
    return loaded;
  }();
  return *c;
}

// Codes `text` as one report dated `date`.
inline std::vector<Event> code_text(const std::string& text, const std::string& date = "2023-03-23") {
  CoderSession session(coder());
  Report r;
  r.id = "t";
  r.date = date;
  r.text = text;
  std::vector<Event> out;
  session.code(r, out);
  return out;
}

// "SRC>TGT:CAMEO" strings for compact assertions; "-" for a missing actor.
inline std::vector<std::string> summarize(const std::vector<Event>& events) {
  std::vector<std::string> s;
  for (const auto& e : events)
    s.push_back((e.source ? e.source->code : "-") + ">" + (e.target ? e.target->code : "-") + ":" + e.cameo->code);
  return s;
}

// Runs a shell command, returning its exit status and filling `out` with its standard output.
inline int run(const std::string& cmd, std::string& out) {
  out.clear();
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return -1;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

inline std::string binary() { return DYAD_BINARY; }

// The whole content of a file; empty when it cannot be read.
inline std::string slurp(const std::string& path) {
  std::string s;
  read_file(path, s);
  return s;
}

// Starts argv (argv[0] a path) in a child process with stdout to `out` and
// stderr to `err` (one file when the names are equal), appended to or
// truncated; `in_child` runs in the child just before exec (environment,
// dropping root). Returns the child's pid.
inline pid_t spawn(const std::vector<std::string>& argv, const std::string& out, const std::string& err, bool append,
                   const std::function<void()>& in_child = {}) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  int mode = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC);
  int o = ::open(out.c_str(), mode, 0666);
  int e = err == out ? o : ::open(err.c_str(), mode, 0666);
  if (o >= 0) dup2(o, 1);
  if (e >= 0) dup2(e, 2);
  if (in_child) in_child();
  std::vector<std::string> args = argv;
  std::vector<char*> p;
  for (auto& a : args) p.push_back(a.data());
  p.push_back(nullptr);
  execv(p[0], p.data());
  _exit(127);
}
inline std::string corpus_gen() { return DYAD_CORPUS_GEN; }

}  // namespace dyad::test
