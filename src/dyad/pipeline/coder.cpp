#include "dyad/pipeline/coder.h"

#include <climits>
#include <cstdlib>
#include <filesystem>

#include "dyad/dict/lint.h"
#include "dyad/text/normalize.h"
#include "dyad/text/tokenizer.h"
#include "dyad/events/event_setting.h"
#include "dyad/pipeline/coder_cache.h"
#include "dyad/util/date.h"

#ifndef DYAD_DEFAULT_DATA_DIR
#define DYAD_DEFAULT_DATA_DIR "data"
#endif
#ifndef DYAD_DEFAULT_GAZETTEER
#define DYAD_DEFAULT_GAZETTEER "gazetteer.bin"
#endif
#ifndef DYAD_DEFAULT_WORDNET_DIR
#define DYAD_DEFAULT_WORDNET_DIR "/usr/share/wordnet"
#endif

namespace dyad {

namespace {

// `given`, else the environment variable `var`, else `fallback`.
std::string env_or(const std::string& given, const char* var, const char* fallback) {
  if (!given.empty()) return given;
  const char* env = std::getenv(var);
  return env && *env ? env : fallback;
}

}  // namespace

std::string resolve_data_dir(const std::string& requested) {
  return env_or(requested, "DYAD_DATA", DYAD_DEFAULT_DATA_DIR);
}

std::unique_ptr<Coder> Coder::load(const CoderOptions& options, std::vector<DictError>& errors) {
  std::string data = resolve_data_dir(options.data_dir);
  std::string wordnet = env_or(options.wordnet_dir, "DYAD_WORDNET", DYAD_DEFAULT_WORDNET_DIR);
  std::string gazetteer = env_or(options.gazetteer, "DYAD_GAZETTEER", DYAD_DEFAULT_GAZETTEER);

  // Every file the text load reads, in order: the cache key covers them all.
  std::vector<std::string> inputs = Lexicon::wordnet_files(wordnet);
  inputs.push_back(gazetteer);
  inputs.push_back(data + "/boilerplate.txt");
  inputs.push_back(data + "/cameo/cameo.tsv");
  for (const char* sub : {"/actors", "/events", "/places"})
    for (auto& f : dictionary_files(data + sub, ".txt")) inputs.push_back(std::move(f));
  for (const std::string& dir : options.dict_dirs)
    for (const char* sub : {"/actors", "/events", "/places"}) {
      inputs.push_back(dir + sub);  // a layer's file list is part of the key
      for (auto& f : dictionary_files(dir + sub, ".txt")) inputs.push_back(std::move(f));
    }
  std::string cache_dir = resolve_cache_dir(options.cache_dir);
  std::string cache_path;
  uint64_t key = 0;
  if (!cache_dir.empty()) {
    key = coder_cache_key(inputs);
    cache_path = coder_cache_path(cache_dir, key);
    if (auto c = load_cached(data, cache_path, key)) return c;
  }

  std::unique_ptr<Coder> c(new Coder());
  std::string error;
  if (!c->lexicon_.load_wordnet(wordnet, error)) {
    errors.push_back({wordnet, 0, error});
    return nullptr;
  }
  if (!c->gazetteer_.load_index(gazetteer, error)) {
    errors.push_back({gazetteer, 0, error});
    return nullptr;
  }
  TimeFinder::add_words(c->lexicon_);
  PlaceFinder::add_words(c->lexicon_);
  size_t before = errors.size();
  if (!c->boilerplate_.load(data + "/boilerplate.txt", error)) errors.push_back({data + "/boilerplate.txt", 0, error});
  c->cameo_.load(data + "/cameo/cameo.tsv", errors);
  c->actors_ = std::make_unique<ActorDictionary>(c->lexicon_);
  c->actors_->load_dir(data + "/actors", errors);
  c->events_.load_dir(data + "/events", c->lexicon_, c->cameo_, errors);
  c->gazetteer_.load_dir(data + "/places", errors);
  for (const std::string& dir : options.dict_dirs) {
    bool any = false;
    for (const auto& f : dictionary_files(dir + "/actors", ".txt")) {
      c->actors_->load_file(f, errors);
      any = true;
    }
    for (const auto& f : dictionary_files(dir + "/events", ".txt")) {
      c->events_.load_file(f, c->lexicon_, c->cameo_, errors);
      any = true;
    }
    for (const auto& f : dictionary_files(dir + "/places", ".txt")) {
      c->gazetteer_.load_file(f, errors);
      any = true;
    }
    if (!any) errors.push_back({dir, 0, "no dictionary files in actors/*.txt, events/*.txt or places/*.txt"});
  }
  if (errors.size() == before && options.refuse_bad_entries) {
    // Entries that parse but cannot be right (a code no country has, a person
    // holding two roles on one day) would code wrong events for years: refuse them.
    bool from_iso = false;
    for (const LintIssue& i : lint_actor_entries(c->actors_->entries(), known_country_codes(from_iso)))
      if (is_fatal(i)) errors.push_back({i.file, i.line, i.kind + ": " + i.message});
  }
  if (errors.size() > before) return nullptr;
  c->gazetteer_.finish();
  if (!cache_path.empty() && options.refuse_bad_entries) {
    CacheWriter w;
    c->save_snapshot(w);
    // The cache only speeds up the next start: failing to write it (read-only or full disk) is not an error.
    c->cache_path_ = write_coder_cache(cache_path, w.finish(key)) ? cache_path : "";
  }
  return c;
}

void Coder::save_snapshot(CacheWriter& w) const {
  lexicon_.save(w);
  actors_->save(w);
  events_.save(w);
  gazetteer_.save(w);
}

std::unique_ptr<Coder> Coder::load_cached(const std::string& data, const std::string& path, uint64_t key) {
  std::string error;
  auto file = MappedFile::open(path, error);
  if (!file) return nullptr;
  std::unique_ptr<Coder> c(new Coder());
  std::vector<DictError> errors;
  // The CAMEO table and boilerplate list are a few hundred lines: read as text.
  if (!c->boilerplate_.load(data + "/boilerplate.txt", error) || !c->cameo_.load(data + "/cameo/cameo.tsv", errors))
    return nullptr;
  try {
    CacheReader r(file->data(), file->size(), key);
    c->lexicon_.load(r);
    c->actors_ = std::make_unique<ActorDictionary>(c->lexicon_);
    c->actors_->load(r);
    c->events_.load(r, c->cameo_);
    c->gazetteer_.load(r);
    if (!r.at_end()) throw CacheError("trailing bytes");
  } catch (const CacheError&) {
    return nullptr;  // damaged or foreign: the text files are loaded instead, and the cache rewritten
  }
  c->cache_file_ = std::move(file);
  c->cache_path_ = path;
  c->from_cache_ = true;
  return c;
}

CoderSession::CoderSession(const Coder& coder)
    : coder_(coder), tagger_(coder.lexicon()), phrases_(coder.actors(), coder.lexicon()),
      events_(coder.events(), coder.cameo(), coder.lexicon()), times_(coder.lexicon()),
      places_(coder.gazetteer(), coder.actors(), coder.lexicon()), setting_(coder.lexicon()) {}

void CoderSession::prepare(const Report& report) {
  if (report.part == 0 || report.id != last_doc_) {
    memory_.clear();
    report_countries_.clear();
    next_sentence_ = 0;
  }
  last_doc_ = report.id;
  sentence_base_ = next_sentence_;
  day_ = INT32_MIN;
  report_day_iso_.clear();
  if (auto d = parse_iso_date(report.date)) {
    day_ = d->days();
    report_day_iso_ = d->iso();
  }
  if (!report.title.empty() && report.part == 0) {
    text_ = normalize_text(report.title);
    text_ += "\n\n";
    text_ += normalize_text(report.text);
  } else {
    text_ = normalize_text(report.text);
  }
  Tokenizer::tokenize(text_, tokens_);
  Tokenizer::split_sentences(text_, tokens_, sentences_v_);
  next_sentence_ += int(sentences_v_.size());
}

namespace {

ActorRecord actor_record(const ActorMember& m, const std::vector<Token>& tokens, std::string_view text,
                         const Sentence& s) {
  ActorRecord r;
  uint32_t b = tokens[m.begin].begin, e = tokens[m.end - 1].end;
  r.text.assign(text.substr(b, e - b));
  r.country = m.country_sv();
  r.sector = m.sector_sv();
  r.code = r.country + r.sector;
  r.span = {b - s.begin, e - s.begin};
  return r;
}

}  // namespace

void CoderSession::code(const Report& report, std::vector<Event>& out) {
  prepare(report);
  std::string_view text = text_;
  for (size_t si = 0; si < sentences_v_.size(); ++si) {
    const Sentence& s = sentences_v_[si];
    ++sentences_;
    tagger_.tag(text, tokens_, s);
    phrases_.build(text, tokens_, s.first_token, s.last_token, day_, memory_, phrase_buf_);
    for (const ActorPhrase& p : phrase_buf_)
      for (int m = 0; m < p.count; ++m) report_countries_.add(p.members[m].country_sv());
    if (phrase_buf_.empty()) continue;  // no actor, no event
    events_.code(text, tokens_, s.first_token, s.last_token, phrase_buf_, raw_);
    if (raw_.empty()) continue;
    // When and where: only for sentences with events.
    const ClauseMap& clauses = events_.clauses();
    times_.find(text, tokens_, s.first_token, s.last_token, clauses, day_, time_buf_);
    object_verbs_.clear();
    for (const RawEvent& r : raw_)
      for (uint32_t k = r.trigger_begin; k < r.trigger_end; ++k)
        if (is_verb(tokens_[k].tag)) object_verbs_.push_back(k);
    places_.find(text, tokens_, s.first_token, s.last_token, day_, phrase_buf_, time_buf_, object_verbs_,
                 report_countries_, place_buf_);
    // "both sides" and "the two countries" later in the report point back to the last dyad.
    for (const RawEvent& r : raw_) {
      if (!r.has_source || !r.has_target) continue;
      ActorPhrase pair;
      pair.add(r.source);
      pair.add(r.target);
      pair.plural = true;
      memory_.last_pair = pair;
      memory_.has_pair = true;
    }
    int n = 0;
    for (const RawEvent& r : raw_) {
      Event e;
      e.doc_id = report.id;
      e.sentence_index = sentence_base_ + int(si);
      e.event_id = report.id + "-" + std::to_string(e.sentence_index) + "-" + std::to_string(n++);
      e.sentence.assign(text.substr(s.begin, s.end - s.begin));
      auto span_of = [&](uint32_t b, uint32_t end) {
        return Span{tokens_[b].begin - s.begin, tokens_[end - 1].end - s.begin};
      };
      if (const TimeMention* t = setting_.time(r, clauses, s.first_token, time_buf_)) {
        e.date = t->when.text();
        e.date_precision = precision_name(t->when.precision);
        e.date_span = span_of(t->begin, t->end);
      } else if (day_ != INT32_MIN) {
        e.date = report_day_iso_;
        e.date_precision = "day";
      }
      const PlaceMention* p = setting_.place(r, clauses, s.first_token, tokens_, place_buf_, raw_);
      if (p) {
        Location l;
        l.name.assign(p->name);
        l.lat = p->place->lat;
        l.lon = p->place->lon;
        l.country.assign(p->place->country_sv());
        l.feature.assign(p->place->feature);
        l.geonames_id = p->place->geonames_id;
        l.span = span_of(p->begin, p->end);
        e.location = std::move(l);
      }
      if (r.has_source) e.source = actor_record(r.source, tokens_, text, s);
      if (r.has_target) e.target = actor_record(r.target, tokens_, text, s);
      e.cameo = r.cameo;
      // "captured Shusha": what is captured is a town, not a person: occupying territory, not an arrest.
      if (p && p->role == PlaceRole::Object && !p->country_level() && !r.has_target &&
          (r.cameo->code == "173" || r.cameo->code == "181"))
        if (const CameoCode* occupy = coder_.cameo().find("192")) e.cameo = occupy;
      // "Armenian forces shelled the Azerbaijani city of Ganja": a town attacked stands for
      // its country, which is the target when the text names no other (never the attacker's own).
      if (!r.has_target && r.has_source && p && p->role == PlaceRole::Object && r.cameo->quad_class == 4 &&
          p->place->country[0] && p->place->country_sv() != r.source.country_sv()) {
        ActorRecord t;
        uint32_t b = tokens_[p->begin].begin, en = tokens_[p->end - 1].end;
        t.text.assign(text.substr(b, en - b));
        t.country.assign(p->place->country_sv());
        t.code = t.country;
        t.span = {b - s.begin, en - s.begin};
        e.target = std::move(t);
      }
      uint32_t tb = tokens_[r.trigger_begin].begin, te = tokens_[r.trigger_end - 1].end;
      e.trigger_text.assign(text.substr(tb, te - tb));
      e.trigger = {tb - s.begin, te - s.begin};
      e.hypothetical = r.hypothetical;
      e.url = report.url;
      e.report_source = report.source;
      e.title = report.title;
      out.push_back(std::move(e));
    }
  }
}

void CoderSession::analyze(const Report& report, std::vector<AnalyzedSentence>& out) {
  prepare(report);
  std::string_view text = text_;
  const Lexicon& lex = coder_.lexicon();
  for (const Sentence& s : sentences_v_) {
    tagger_.tag(text, tokens_, s);
    phrases_.build(text, tokens_, s.first_token, s.last_token, day_, memory_, phrase_buf_);
    events_.code(text, tokens_, s.first_token, s.last_token, phrase_buf_, raw_);
    AnalyzedSentence a;
    a.text.assign(text.substr(s.begin, s.end - s.begin));
    const ClauseMap& cm = events_.clauses();
    for (const Clause& c : cm.clauses) a.clause_kinds.push_back(clause_kind_name(c.kind));
    for (uint32_t k = s.first_token; k < s.last_token; ++k) {
      const Token& t = tokens_[k];
      AnalyzedSentence::Tok tok;
      tok.text.assign(text.substr(t.begin, t.end - t.begin));
      tok.lemma = t.lemma ? std::string(lex.word(t.lemma)) : tok.text;
      tok.tag = tag_name(t.tag);
      tok.clause = cm.clause_of(k, s.first_token);
      a.tokens.push_back(std::move(tok));
    }
    for (const ActorPhrase& p : phrase_buf_) {
      std::string desc(text.substr(tokens_[p.begin].begin, tokens_[p.end - 1].end - tokens_[p.begin].begin));
      desc += "=";
      for (int m = 0; m < p.count; ++m) {
        if (m) desc += "+";
        desc += std::string(p.members[m].country_sv()) + "/" + std::string(p.members[m].sector_sv());
      }
      a.actors.push_back(desc);
    }
    out.push_back(std::move(a));
  }
}

}  // namespace dyad
