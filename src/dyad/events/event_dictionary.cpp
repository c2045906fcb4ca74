#include "dyad/events/event_dictionary.h"


#include "dyad/text/tokenizer.h"
#include "dyad/util/strings.h"

namespace dyad {

bool EventDictionary::load_dir(const std::string& dir, Lexicon& lexicon, const CameoTable& cameo,
                               std::vector<DictError>& errors) {
  auto files = dictionary_files(dir, ".txt");
  if (files.empty()) {
    errors.push_back({dir, 0, "no event pattern files (*.txt) found"});
    return false;
  }
  // Synonym sets first, wherever they are defined, so any file may use any set.
  bool ok = true;
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& f : files) {
      std::vector<DictError> open_errors;
      ok = for_each_line(f, pass == 0 ? errors : open_errors, [&](const std::string& line, int no) {
             bool is_set = trim(line).substr(0, 1) == "&";
             return is_set != (pass == 0) || add_line(line, f, no, lexicon, cameo, errors);
           }) && ok;
    }
  }
  return ok;
}

bool EventDictionary::load_file(const std::string& path, Lexicon& lexicon, const CameoTable& cameo,
                                std::vector<DictError>& errors) {
  return for_each_line(path, errors,
                       [&](const std::string& line, int no) { return add_line(line, path, no, lexicon, cameo, errors); });
}

void EventDictionary::save(CacheWriter& w) const {
  w.pod<uint64_t>(patterns_.size());
  for (const EventPattern& p : patterns_) {
    w.pod(p.kind);
    w.str(p.cameo ? std::string_view(p.cameo->code) : std::string_view());
    w.pod(p.head);
    w.pod(p.head_set);
    w.pod<uint64_t>(p.rest.size());
    for (const PatternElement& e : p.rest) {
      w.pod(e.type);
      w.pod(e.id);
    }
    w.pod<uint8_t>(p.passive);
    w.pod(p.weight);
    w.str(p.text);
    w.str(p.file);
    w.pod(p.line);
  }
  by_text_.save(w);
  for (const auto& heads : by_head_) {
    w.pod<uint64_t>(heads.size());
    for (const auto& v : heads) w.vec(v);
  }
  set_ids_.save(w);
  w.pod<uint64_t>(set_words_.size());
  for (const auto& v : set_words_) w.vec(v);
  set_members_.save(w);
  speech_.save(w);
}

void EventDictionary::load(CacheReader& r, const CameoTable& cameo) {
  patterns_.resize(r.count(16));
  for (EventPattern& p : patterns_) {
    p.kind = r.pod<PatternKind>();
    std::string_view code = r.str();
    p.cameo = code.empty() ? nullptr : cameo.find(code);
    if (!code.empty() && !p.cameo) throw CacheError("events: unknown CAMEO code");
    p.head = r.pod<uint32_t>();
    p.head_set = r.pod<uint32_t>();
    p.rest.resize(r.count(5));
    for (PatternElement& e : p.rest) {
      e.type = r.pod<PatternElement::Type>();
      e.id = r.pod<uint32_t>();
    }
    p.passive = r.pod<uint8_t>() != 0;
    p.weight = r.pod<int>();
    p.text = r.str();
    p.file = r.str();
    p.line = r.pod<int>();
  }
  by_text_.load(r);
  for (auto& heads : by_head_) {
    heads.resize(r.count(8));
    for (auto& v : heads) {
      r.vec(v);
      for (uint32_t i : v)
        if (i >= patterns_.size()) throw CacheError("events: pattern index out of range");
    }
  }
  set_ids_.load(r);
  set_words_.resize(r.count(8));
  for (auto& v : set_words_) r.vec(v);
  set_members_.load(r);
  speech_.load(r);
}

const std::vector<uint32_t>& EventDictionary::candidates(PatternKind kind, uint32_t lemma) const {
  const auto& v = by_head_[int(kind)];
  return lemma < v.size() ? v[lemma] : empty_;
}

bool EventDictionary::add_line(const std::string& raw, const std::string& file, int no, Lexicon& lex,
                               const CameoTable& cameo, std::vector<DictError>& errors) {
  std::string_view line = trim(raw);
  if (line.empty() || line.front() == '#') return true;
  auto fail = [&](const std::string& m) {
    errors.push_back({file, no, m});
    return false;
  };
  size_t eq = line.find('=');
  if (eq == std::string_view::npos) return fail("expected '=': '&set = a | b' or 'verb|noun CODE = pattern | ...'");
  std::string_view lhs = trim(line.substr(0, eq));
  std::string_view rhs = line.substr(eq + 1);
  if (lhs.empty()) return fail("nothing before '=': expected '&set' or 'verb|noun CODE'");
  std::string key;
  if (lhs.front() == '&') {
    if (lhs.size() < 2 || lhs.find(' ') != std::string_view::npos) return fail("bad set name '" + std::string(lhs) + "'");
    uint32_t& id = set_ids_[lhs];
    if (id == 0) id = uint32_t(set_ids_.size());
    if (set_words_.size() <= id) set_words_.resize(id + 1);
    bool any = false;
    for (std::string_view w : split(rhs, '|')) {
      w = trim(w);
      if (w.empty()) continue;
      if (w.find(' ') != std::string_view::npos) return fail("set members are single words: '" + std::string(w) + "'");
      token_key(w, false, key);
      uint32_t word = lex.intern(key);
      if (!in_set(id, word)) set_words_[id].push_back(word);
      set_members_.set((uint64_t(id) << 32) | word, 1);
      any = true;
    }
    if (!any) return fail("empty set");
    return true;
  }
  auto head = split_ws(lhs);
  if (head.size() != 2) return fail("expected 'verb CODE' or 'noun CODE' before '='");
  PatternKind kind;
  if (head[0] == "verb") kind = PatternKind::Verb;
  else if (head[0] == "noun") kind = PatternKind::Noun;
  else return fail("unknown pattern kind '" + std::string(head[0]) + "' (verb or noun)");
  const CameoCode* code = cameo.find(head[1]);
  if (!code) return fail("unknown CAMEO code '" + std::string(head[1]) + "'");
  bool any = false;
  for (std::string_view text : split(rhs, '|')) {
    text = trim(text);
    if (text.empty()) continue;
    any = true;
    EventPattern p;
    p.kind = kind;
    p.cameo = code;
    p.text = text;
    p.file = file;
    p.line = no;
    auto words = split_ws(text);
    size_t i = 0;
    if (kind == PatternKind::Verb && words.size() >= 2 && words[0] == "be") {
      p.passive = true;
      i = 1;
    }
    bool have_head = false;
    for (; i < words.size(); ++i) {
      std::string_view w = words[i];
      PatternElement e;
      if (w == "*") e.type = PatternElement::Gap;
      else if (w == "+") e.type = PatternElement::Target;
      else if (w == "$") e.type = PatternElement::Source;
      else if (w.front() == '&') {
        const uint32_t* id = set_ids_.find(w);
        if (!id) return fail("undefined set '" + std::string(w) + "'");
        e.type = PatternElement::Set;
        e.id = *id;
        if (!have_head) {
          p.head_set = *id;
          have_head = true;
          p.weight += 3;
          continue;
        }
      } else {
        // A word may itself tokenise into several ("cease-fire" -> cease - fire).
        auto toks = tokenize_phrase(w);
        for (size_t t = 0; t < toks.size(); ++t) {
          token_key(toks[t].text, toks[t].abbrev, key);
          PatternElement we{PatternElement::Word, lex.intern(key)};
          if (!have_head) {
            p.head = we.id;
            have_head = true;
          } else {
            p.rest.push_back(we);
          }
          p.weight += 4;
        }
        continue;
      }
      if (!have_head) return fail("pattern '" + std::string(text) + "' must start with a word");
      p.weight += e.type == PatternElement::Gap ? 0 : e.type == PatternElement::Set ? 3 : 2;
      p.rest.push_back(e);
    }
    if (!have_head) return fail("pattern '" + std::string(text) + "' has no word");
    std::string layer_key = std::string(head[0]) + "|" + std::string(text);
    if (const uint32_t* old = by_text_.find(layer_key)) {
      patterns_[*old].cameo = code;  // layered file overrides the code
      patterns_[*old].file = file;
      patterns_[*old].line = no;
      continue;
    }
    uint32_t index = uint32_t(patterns_.size());
    by_text_[layer_key] = index;
    auto& heads = by_head_[int(kind)];
    std::vector<uint32_t> head_words = p.head_set ? set_words_[p.head_set] : std::vector<uint32_t>{p.head};
    for (uint32_t w : head_words) {
      if (heads.size() <= w) heads.resize(w + 1);
      heads[w].push_back(index);
    }
    if (kind == PatternKind::Verb && p.rest.empty() && !p.passive && !p.head_set && code->code.substr(0, 2) == "01")
      speech_.set(p.head, 1);
    patterns_.push_back(std::move(p));
  }
  if (!any) return fail("no pattern after '='");
  return true;
}

}  // namespace dyad
