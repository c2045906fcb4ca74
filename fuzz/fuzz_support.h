// Shared by the libFuzzer targets: the Coder, loaded once per process from
// the source tree's data/ (through the coder cache in $DYAD_CACHE_DIR, which
// scripts/fuzz.sh sets; the build's cache/ otherwise).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "dyad/pipeline/coder.h"

namespace dyad::fuzz {

inline std::string source_dir() { return DYAD_SOURCE_DIR; }

inline const Coder& coder() {
  static std::unique_ptr<Coder> c = [] {
    if (const char* env = std::getenv("DYAD_CACHE_DIR"); !env || !*env) setenv("DYAD_CACHE_DIR", DYAD_FUZZ_CACHE_DIR, 1);
    CoderOptions o;
    o.data_dir = source_dir() + "/data";
    std::vector<DictError> errors;
    auto loaded = Coder::load(o, errors);
    for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.str().c_str());
    if (!loaded) {
      std::fprintf(stderr, "fuzzer: the coder could not be loaded\n");
      std::abort();
    }
    return loaded;
  }();
  return *c;
}

}  // namespace dyad::fuzz
