// Shared by the libFuzzer targets: the Coder, loaded once per process from
// the source tree's data/ (through the coder cache in $DYAD_CACHE_DIR, which
// scripts/fuzz.sh sets; the build's cache/ otherwise).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/pipeline/coder.h"
#include "dyad/text/normalize.h"
#include "dyad/text/tagger.h"
#include "dyad/text/tokenizer.h"

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

// A text as CoderSession prepares it: normalised, tokenised and split into
// sentences; fn(text, tokens, sentence) for each sentence once it is tagged
// with `lexicon`.
template <typename F>
void for_each_tagged_sentence(std::string_view input, const Lexicon& lexicon, F&& fn) {
  std::string text = normalize_text(input);
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  Tokenizer::tokenize(text, tokens);
  Tokenizer::split_sentences(text, tokens, sentences);
  Tagger tagger(lexicon);
  for (const Sentence& s : sentences) {
    tagger.tag(text, tokens, s);
    fn(std::string_view(text), tokens, s);
  }
}

}  // namespace dyad::fuzz
