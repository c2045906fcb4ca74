// Micro-benchmarks of each pipeline stage on a fixed news paragraph. Each
// reports sentences/s (items) and bytes/s; the end-to-end figure comes from
// bench/end_to_end.sh on the generated corpus.
#include <benchmark/benchmark.h>

#include <cstdio>

#include "dyad/pipeline/coder.h"
#include "dyad/text/normalize.h"
#include "dyad/text/tagger.h"
#include "dyad/text/tokenizer.h"

namespace {

const char* kParagraph =
    "Russian Foreign Minister Sergey Lavrov said on Monday that Moscow was ready to host talks between Armenia and "
    "Azerbaijan. Azerbaijani troops shelled Armenian positions near the border overnight, the Armenian defence "
    "ministry said. The unrest was caused by a group of environmental activists from Azerbaijan who are blocking the "
    "only road between Armenia and Nagorno-Karabakh. Ukrainian soldiers were attacked by Russian forces near Kharkiv. "
    "The European Union urged both sides to respect the ceasefire and return to negotiations. Israeli police arrested "
    "dozens of Palestinian protesters in Jerusalem on Friday. The weather in the capital stayed mild and markets were "
    "calm. Turkish President Recep Tayyip Erdogan criticized Israel for the strikes on Gaza.";

const dyad::Coder& coder() {
  static std::unique_ptr<dyad::Coder> c = [] {
    dyad::CoderOptions o;
    o.data_dir = std::string(DYAD_SOURCE_DIR) + "/data";
    std::vector<dyad::DictError> errors;
    auto loaded = dyad::Coder::load(o, errors);
    if (!loaded) {
      for (auto& e : errors) std::fprintf(stderr, "%s\n", e.str().c_str());
      std::abort();
    }
    return loaded;
  }();
  return *c;
}

struct Prepared {
  std::string text = dyad::normalize_text(kParagraph);
  std::vector<dyad::Token> tokens;
  std::vector<dyad::Sentence> sentences;
  Prepared() {
    dyad::Tokenizer::tokenize(text, tokens);
    dyad::Tokenizer::split_sentences(text, tokens, sentences);
  }
};

void BM_Tokenize(benchmark::State& state) {
  std::string text = dyad::normalize_text(kParagraph);
  std::vector<dyad::Token> tokens;
  std::vector<dyad::Sentence> sentences;
  for (auto _ : state) {
    dyad::Tokenizer::tokenize(text, tokens);
    dyad::Tokenizer::split_sentences(text, tokens, sentences);
    benchmark::DoNotOptimize(sentences.data());
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(sentences.size()));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
}
BENCHMARK(BM_Tokenize);

void BM_Tag(benchmark::State& state) {
  Prepared p;
  dyad::Tagger tagger(coder().lexicon());
  for (auto _ : state)
    for (const auto& s : p.sentences) tagger.tag(p.text, p.tokens, s);
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(p.sentences.size()));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(p.text.size()));
}
BENCHMARK(BM_Tag);

void BM_Actors(benchmark::State& state) {
  Prepared p;
  dyad::Tagger tagger(coder().lexicon());
  for (const auto& s : p.sentences) tagger.tag(p.text, p.tokens, s);
  dyad::ActorPhraseBuilder builder(coder().actors(), coder().lexicon());
  dyad::DiscourseMemory memory;
  std::vector<dyad::ActorPhrase> phrases;
  for (auto _ : state)
    for (const auto& s : p.sentences) builder.build(p.text, p.tokens, s.first_token, s.last_token, 19000, memory, phrases);
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(p.sentences.size()));
}
BENCHMARK(BM_Actors);

void BM_EndToEndSession(benchmark::State& state) {
  dyad::CoderSession session(coder());
  dyad::Report r;
  r.id = "bench";
  r.date = "2023-03-23";
  r.text = kParagraph;
  std::vector<dyad::Event> out;
  size_t sentences = 0;
  for (auto _ : state) {
    out.clear();
    size_t before = session.sentences_coded();
    session.code(r, out);
    sentences += session.sentences_coded() - before;
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(int64_t(sentences));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(r.text.size()));
}
BENCHMARK(BM_EndToEndSession);

}  // namespace

BENCHMARK_MAIN();
