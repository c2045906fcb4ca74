#include "dyad/text/lexicon.h"

#include <algorithm>
#include <cstring>
#include <fstream>

#include "dyad/util/strings.h"

namespace dyad {

Lexicon::Lexicon() {
  words_.push_back("");  // id 0: unknown
  info_.emplace_back();
  // Function words. Auxiliaries carry their verb tag and lemma.
  struct Closed {
    const char* word;
    Tag tag;
    const char* lemma;
  };
  static const Closed kClosed[] = {
      {"the", Tag::DT, ""}, {"a", Tag::DT, ""}, {"an", Tag::DT, ""}, {"this", Tag::DT, ""},
      {"these", Tag::DT, ""}, {"those", Tag::DT, ""}, {"each", Tag::DT, ""}, {"every", Tag::DT, ""},
      {"some", Tag::DT, ""}, {"any", Tag::DT, ""}, {"no", Tag::DT, ""}, {"all", Tag::DT, ""},
      {"both", Tag::DT, ""}, {"either", Tag::DT, ""}, {"neither", Tag::DT, ""}, {"another", Tag::DT, ""},
      {"that", Tag::IN, ""}, {"such", Tag::PDT, ""},
      {"i", Tag::PRP, ""}, {"you", Tag::PRP, ""}, {"he", Tag::PRP, ""}, {"she", Tag::PRP, ""},
      {"it", Tag::PRP, ""}, {"we", Tag::PRP, ""}, {"they", Tag::PRP, ""}, {"me", Tag::PRP, ""},
      {"him", Tag::PRP, ""}, {"us", Tag::PRP, ""}, {"them", Tag::PRP, ""}, {"himself", Tag::PRP, ""},
      {"herself", Tag::PRP, ""}, {"itself", Tag::PRP, ""}, {"themselves", Tag::PRP, ""}, {"ourselves", Tag::PRP, ""},
      {"my", Tag::PRPS, ""}, {"your", Tag::PRPS, ""}, {"his", Tag::PRPS, ""}, {"her", Tag::PRPS, ""},
      {"its", Tag::PRPS, ""}, {"our", Tag::PRPS, ""}, {"their", Tag::PRPS, ""},
      {"of", Tag::IN, ""}, {"in", Tag::IN, ""}, {"on", Tag::IN, ""}, {"at", Tag::IN, ""}, {"by", Tag::IN, ""},
      {"for", Tag::IN, ""}, {"with", Tag::IN, ""}, {"from", Tag::IN, ""}, {"about", Tag::IN, ""},
      {"against", Tag::IN, ""}, {"between", Tag::IN, ""}, {"into", Tag::IN, ""}, {"through", Tag::IN, ""},
      {"during", Tag::IN, ""}, {"before", Tag::IN, ""}, {"after", Tag::IN, ""}, {"above", Tag::IN, ""},
      {"below", Tag::IN, ""}, {"over", Tag::IN, ""}, {"under", Tag::IN, ""}, {"since", Tag::IN, ""},
      {"until", Tag::IN, ""}, {"without", Tag::IN, ""}, {"within", Tag::IN, ""}, {"along", Tag::IN, ""},
      {"across", Tag::IN, ""}, {"behind", Tag::IN, ""}, {"beyond", Tag::IN, ""}, {"near", Tag::IN, ""},
      {"upon", Tag::IN, ""}, {"among", Tag::IN, ""}, {"amid", Tag::IN, ""}, {"amidst", Tag::IN, ""},
      {"toward", Tag::IN, ""}, {"towards", Tag::IN, ""}, {"despite", Tag::IN, ""}, {"throughout", Tag::IN, ""},
      {"via", Tag::IN, ""}, {"per", Tag::IN, ""}, {"than", Tag::IN, ""}, {"as", Tag::IN, ""},
      {"like", Tag::IN, ""}, {"onto", Tag::IN, ""}, {"around", Tag::IN, ""}, {"whether", Tag::IN, ""},
      {"if", Tag::IN, ""}, {"because", Tag::IN, ""}, {"although", Tag::IN, ""}, {"though", Tag::IN, ""},
      {"while", Tag::IN, ""}, {"unless", Tag::IN, ""}, {"whereas", Tag::IN, ""}, {"outside", Tag::IN, ""},
      {"inside", Tag::IN, ""}, {"amongst", Tag::IN, ""}, {"alongside", Tag::IN, ""}, {"following", Tag::IN, ""},
      {"including", Tag::IN, ""}, {"regarding", Tag::IN, ""}, {"concerning", Tag::IN, ""},
      {"and", Tag::CC, ""}, {"or", Tag::CC, ""}, {"but", Tag::CC, ""}, {"nor", Tag::CC, ""},
      {"can", Tag::MD, ""}, {"could", Tag::MD, ""}, {"may", Tag::MD, ""}, {"might", Tag::MD, ""},
      {"must", Tag::MD, ""}, {"shall", Tag::MD, ""}, {"should", Tag::MD, ""}, {"will", Tag::MD, ""},
      {"would", Tag::MD, ""}, {"'ll", Tag::MD, "will"}, {"'d", Tag::MD, "would"}, {"ca", Tag::MD, "can"},
      {"wo", Tag::MD, "will"},
      {"is", Tag::VBZ, "be"}, {"are", Tag::VBP, "be"}, {"am", Tag::VBP, "be"}, {"was", Tag::VBD, "be"},
      {"were", Tag::VBD, "be"}, {"be", Tag::VB, "be"}, {"been", Tag::VBN, "be"}, {"being", Tag::VBG, "be"},
      {"'re", Tag::VBP, "be"}, {"'m", Tag::VBP, "be"},
      {"has", Tag::VBZ, "have"}, {"have", Tag::VBP, "have"}, {"had", Tag::VBD, "have"},
      {"having", Tag::VBG, "have"}, {"'ve", Tag::VBP, "have"},
      {"does", Tag::VBZ, "do"}, {"do", Tag::VBP, "do"}, {"did", Tag::VBD, "do"},
      {"not", Tag::RB, ""}, {"n't", Tag::RB, "not"}, {"never", Tag::RB, ""},
      {"to", Tag::TO, ""}, {"which", Tag::WDT, ""}, {"who", Tag::WP, ""}, {"whom", Tag::WP, ""},
      {"whose", Tag::WP, ""}, {"what", Tag::WP, ""}, {"where", Tag::WRB, ""}, {"when", Tag::WRB, ""},
      {"why", Tag::WRB, ""}, {"how", Tag::WRB, ""}, {"there", Tag::EX, ""},
      {"'s", Tag::POS, ""}, {"'", Tag::POS, ""},
      {"up", Tag::RP, ""}, {"out", Tag::RP, ""}, {"down", Tag::RP, ""}, {"off", Tag::RP, ""},
      {"back", Tag::RP, ""}, {"away", Tag::RP, ""},
  };
  for (const Closed& c : kClosed) add_closed(c.word, c.tag, c.lemma);
  // Frequent adverbs that WordNet also lists as nouns or adjectives ("now", "earlier").
  static const char* const kAdverbs[] = {
      "now", "then", "also", "still", "already", "again", "here", "even", "just", "only", "very", "too", "soon",
      "later", "earlier", "yet", "ago", "however", "meanwhile", "moreover", "furthermore", "nevertheless", "thus",
      "therefore", "instead", "almost", "nearly", "perhaps", "reportedly", "allegedly", "recently", "previously",
      "currently", "today", "yesterday", "tomorrow", "tonight", "once", "twice", "ever", "often", "so", "further",
      "jointly", "separately", "publicly", "formally", "officially", "repeatedly", "immediately", "temporarily"};
  for (const char* w : kAdverbs) add_closed(w, Tag::RB, "");
  be_ = find("be");
  have_ = find("have");
  do_ = find("do");
}

void Lexicon::add_closed(std::string_view word, Tag tag, std::string_view lemma) {
  uint32_t id = intern(word);
  info_[id].closed = tag;
  info_[id].closed_lemma = lemma.empty() ? id : intern(lemma);
}

uint32_t Lexicon::intern(std::string_view lower) {
  uint32_t& id = ids_[lower];
  if (id == 0) {
    id = uint32_t(words_.size());
    words_.push_back(ids_.stored_key(lower));
    info_.emplace_back();
  }
  return id;
}

void Lexicon::save(CacheWriter& w) const {
  ids_.save(w);
  w.pod<uint64_t>(words_.size());
  for (std::string_view word : words_) w.str(word);
  w.vec(info_);
  noun_exc_.save(w);
  verb_exc_.save(w);
  adj_exc_.save(w);
  w.pod(be_);
  w.pod(have_);
  w.pod(do_);
}

void Lexicon::load(CacheReader& r) {
  ids_.load(r);
  words_.resize(r.count(8));
  for (std::string_view& word : words_) word = r.str();
  r.vec(info_);
  if (info_.size() != words_.size()) throw CacheError("lexicon: word and info counts differ");
  noun_exc_.load(r);
  verb_exc_.load(r);
  adj_exc_.load(r);
  be_ = r.pod<uint32_t>();
  have_ = r.pod<uint32_t>();
  do_ = r.pod<uint32_t>();
}

bool Lexicon::load_index(const std::string& path, int pos, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = path + ": cannot open WordNet index (install the Debian package wordnet-base)";
    return false;
  }
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;  // licence header
    auto f = split_ws(line);
    if (f.size() < 6) continue;
    std::string_view lemma = f[0];
    if (lemma.find('_') != std::string_view::npos) continue;  // collocations: not single tokens
    size_t p_cnt = 0;
    for (char c : f[3]) p_cnt = p_cnt * 10 + size_t(c - '0');
    size_t tag_idx = 4 + p_cnt + 1;
    unsigned tagsense = 0;
    if (tag_idx < f.size())
      for (char c : f[tag_idx]) tagsense = tagsense * 10 + unsigned(c - '0');
    uint32_t id = intern(lemma);
    WordInfo& w = info_[id];
    w.wn_pos |= uint8_t(1u << pos);
    w.freq[pos] = uint16_t(std::min(tagsense + 1, 65535u));  // +1: attested at all
  }
  return true;
}

bool Lexicon::load_exceptions(const std::string& path, int pos, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = path + ": cannot open WordNet exception list";
    return false;
  }
  StringMap<uint32_t>& exc = pos == 0 ? noun_exc_ : pos == 1 ? verb_exc_ : adj_exc_;
  std::string line;
  while (std::getline(in, line)) {
    auto f = split_ws(line);
    if (f.size() < 2 || f[0].find('_') != std::string_view::npos || f[1].find('_') != std::string_view::npos)
      continue;
    uint32_t& slot = exc[f[0]];
    if (slot == 0) slot = intern(f[1]);
  }
  return true;
}

namespace {
const char* const kWordNetPos[] = {"noun", "verb", "adj", "adv"};
constexpr int kIndexFiles = 4, kExceptionFiles = 3;  // no adverb exception list is read
}  // namespace

std::vector<std::string> Lexicon::wordnet_files(const std::string& dir) {
  std::vector<std::string> files;
  for (int p = 0; p < kIndexFiles; ++p) files.push_back(dir + "/index." + kWordNetPos[p]);
  for (int p = 0; p < kExceptionFiles; ++p) files.push_back(dir + "/" + kWordNetPos[p] + ".exc");
  return files;
}

bool Lexicon::load_wordnet(const std::string& dir, std::string& error) {
  std::vector<std::string> files = wordnet_files(dir);
  for (int p = 0; p < kIndexFiles; ++p)
    if (!load_index(files[size_t(p)], p, error)) return false;
  for (int p = 0; p < kExceptionFiles; ++p)
    if (!load_exceptions(files[size_t(kIndexFiles + p)], p, error)) return false;
  return true;
}

Analysis Lexicon::analyze(std::string_view w) const {
  Analysis a;
  if (w.empty() || w.size() > 48) return a;
  char buf[64];
  auto with = [&](std::string_view stem, std::string_view add) -> std::string_view {
    std::memcpy(buf, stem.data(), stem.size());
    std::memcpy(buf + stem.size(), add.data(), add.size());
    return std::string_view(buf, stem.size() + add.size());
  };
  auto strip = [&](size_t n) { return w.substr(0, w.size() - n); };
  auto set_verb = [&](uint32_t lemma, uint16_t form) {
    if (!a.verb_lemma) a.verb_lemma = lemma;
    if (a.verb_lemma == lemma) a.forms |= form;
  };
  auto try_verb = [&](std::string_view cand, uint16_t form) {
    if (cand.size() >= 2 && is_lemma(cand, kWnVerb)) set_verb(find(cand), form);
  };
  auto try_noun_pl = [&](std::string_view cand) {
    if (!a.noun_lemma && cand.size() >= 2 && is_lemma(cand, kWnNoun)) {
      a.noun_lemma = find(cand);
      a.forms |= kNounPl;
    }
  };

  uint32_t id = find(w);
  if (id) {
    const WordInfo& info = info_[id];
    if (info.wn_pos & kWnNoun) {
      a.noun_lemma = id;
      a.forms |= kNounSg;
    }
    if (info.wn_pos & kWnVerb) set_verb(id, kVerbBase);
    if (info.wn_pos & kWnAdj) {
      a.adj_lemma = id;
      a.forms |= kAdj;
    }
    if (info.wn_pos & kWnAdv) a.forms |= kAdv;
  }
  // Verbs whose past forms equal the base ("were put on alert", "cut ties").
  static const char* const kInvariantPast[] = {"put", "cut", "hit", "set", "let", "shut", "spread", "cast", "cost",
                                               "hurt", "quit", "split", "burst", "bid", "thrust", "upset",
                                               "broadcast", "forecast", "read", "beat", "shed", nullptr};
  for (const char* const* p = kInvariantPast; *p; ++p)
    if (w == *p && id) set_verb(id, kVerbPast);
  // Irregular forms.
  if (const uint32_t* v = verb_exc_.find(w)) {
    std::string_view lemma = word(*v);
    uint16_t form = ends_with(w, "ing") ? kVerbIng : ends_with(w, "s") && !ends_with(w, "ss") ? kVerbS : kVerbPast;
    if (lemma != w) set_verb(*v, form);
  }
  if (const uint32_t* n = noun_exc_.find(w)) {
    if (!a.noun_lemma || !(a.forms & kNounSg)) {
      a.noun_lemma = *n;
      a.forms |= kNounPl;
    }
  }
  if (const uint32_t* j = adj_exc_.find(w)) {
    if (!a.adj_lemma) a.adj_lemma = *j;
    a.forms |= kAdj;
  }
  size_t n = w.size();
  // Verb suffixes.
  if (n > 4 && ends_with(w, "ing")) {
    std::string_view stem = strip(3);
    try_verb(stem, kVerbIng);
    try_verb(with(stem, "e"), kVerbIng);
    if (stem.size() >= 3 && stem[stem.size() - 1] == stem[stem.size() - 2]) try_verb(stem.substr(0, stem.size() - 1), kVerbIng);
    if (ends_with(stem, "y")) try_verb(with(stem.substr(0, stem.size() - 1), "ie"), kVerbIng);
  }
  if (n > 3 && ends_with(w, "ed")) {
    std::string_view stem = strip(2);
    try_verb(strip(1), kVerbPast);  // agreed -> agree
    try_verb(stem, kVerbPast);
    if (ends_with(stem, "i")) try_verb(with(stem.substr(0, stem.size() - 1), "y"), kVerbPast);
    if (stem.size() >= 3 && stem[stem.size() - 1] == stem[stem.size() - 2]) try_verb(stem.substr(0, stem.size() - 1), kVerbPast);
  }
  if (n > 2 && w.back() == 's' && !ends_with(w, "ss")) {
    if (ends_with(w, "ies")) {
      std::string_view y = with(strip(3), "y");
      try_verb(y, kVerbS);
      try_noun_pl(with(strip(3), "y"));
    }
    if (ends_with(w, "es")) {
      try_verb(strip(2), kVerbS);
      try_noun_pl(strip(2));
    }
    try_verb(strip(1), kVerbS);
    try_noun_pl(strip(1));
  }
  if (n > 3 && ends_with(w, "men")) try_noun_pl(with(strip(3), "man"));
  // WordNet lists some plurals as lemmas of their own ("troops", "talks"); the singular
  // is the better lemma when it exists, so "troops" and "troop" match the same patterns.
  if ((a.forms & kNounSg) && a.noun_lemma == id && n > 3 && w.back() == 's' && !ends_with(w, "ss") &&
      !ends_with(w, "us") && !ends_with(w, "is")) {
    std::string_view sg = ends_with(w, "ies") ? with(strip(3), "y") : strip(1);
    if (is_lemma(sg, kWnNoun)) {
      a.noun_lemma = find(sg);
      a.forms = uint16_t((a.forms & ~kNounSg) | kNounPl);
    }
  }
  // Adjective degrees.
  if (!(a.forms & kAdj) && n > 4) {
    if (ends_with(w, "est")) {
      for (std::string_view c : {strip(3), std::string_view(with(strip(3), "e")), strip(4)}) {
        if (is_lemma(c, kWnAdj)) {
          a.adj_lemma = find(c);
          a.forms |= kAdj | kAdjSup;
          break;
        }
      }
    } else if (ends_with(w, "er")) {
      for (std::string_view c : {strip(2), std::string_view(with(strip(2), "e")), strip(3)}) {
        if (is_lemma(c, kWnAdj)) {
          a.adj_lemma = find(c);
          a.forms |= kAdj | kAdjComp;
          break;
        }
      }
    }
  }
  return a;
}

}  // namespace dyad
