// libFuzzer target: the dictionary line parsers. Every line of the input goes
// to ActorDictionary::add_line, EventDictionary::add_line and
// Gazetteer::add_line (docs/dictionaries.md, docs/places.md); then what was
// loaded is used: the gazetteer is finished and asked for every line's key,
// and the actor dictionary matched against the tagged input. Dictionaries
// and their Lexicon are fresh for each input (no state carries over); the
// CAMEO table is read once.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/actors/actor_dictionary.h"
#include "dyad/events/cameo_table.h"
#include "dyad/events/event_dictionary.h"
#include "dyad/text/lexicon.h"
#include "dyad/where/gazetteer.h"
#include "dyad/where/place_key.h"
#include "fuzz_support.h"

namespace {

const dyad::CameoTable& cameo() {
  static dyad::CameoTable table = [] {
    dyad::CameoTable t;
    std::vector<dyad::DictError> errors;
    if (!t.load(dyad::fuzz::source_dir() + "/data/cameo/cameo.tsv", errors)) __builtin_trap();
    return t;
  }();
  return table;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  cameo();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  dyad::Lexicon lexicon;
  dyad::ActorDictionary actors(lexicon);
  dyad::EventDictionary events;
  dyad::Gazetteer gazetteer;
  std::vector<dyad::DictError> errors;
  std::vector<std::string> lines;
  int no = 0;
  for (size_t pos = 0; pos <= input.size();) {
    size_t nl = input.find('\n', pos);
    if (nl == std::string_view::npos) nl = input.size();
    std::string line(input.substr(pos, nl - pos));
    ++no;
    size_t before = errors.size();
    bool ok = actors.add_line(line, "fuzz.txt", no, errors);
    if (ok != (errors.size() == before)) __builtin_trap();  // false exactly when an error was recorded
    before = errors.size();
    ok = events.add_line(line, "fuzz.txt", no, lexicon, cameo(), errors);
    if (ok != (errors.size() == before)) __builtin_trap();
    before = errors.size();
    ok = gazetteer.add_line(line, "fuzz.txt", no, errors);
    if (ok != (errors.size() == before)) __builtin_trap();
    lines.push_back(std::move(line));
    pos = nl + 1;
  }
  for (const auto& e : errors)
    if (e.message.empty()) __builtin_trap();

  gazetteer.finish();
  std::string key;
  for (const std::string& line : lines) {
    dyad::place_key(line, key);
    for (uint32_t p : gazetteer.find(key))
      if (p >= gazetteer.size()) __builtin_trap();
    (void)gazetteer.has_longer(key);
  }

  dyad::fuzz::for_each_tagged_sentence(
      input, lexicon, [&](std::string_view, const std::vector<dyad::Token>& tokens, const dyad::Sentence& s) {
        for (uint32_t k = s.first_token; k < s.last_token; ++k) {
          dyad::ActorMatch m = actors.match(tokens, k, s.last_token, 19000);
          if (m.entry && (m.begin != k || m.end <= k || m.end > s.last_token)) __builtin_trap();
        }
      });
  for (const dyad::EventPattern& p : events.patterns())
    if (!p.cameo) __builtin_trap();
  return 0;
}
