#include "dyad/store/event_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include "dyad/store/merge_rule.h"
#include "dyad/store/schema.h"
#include "dyad/util/date.h"
#include "dyad/util/string_map.h"

namespace dyad {

namespace {

std::string hex64(uint64_t v) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string content_hash(const Report& r) { return hex64(hash_bytes(r.title + "\n" + r.text)); }

std::string now_utc() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The first day an output date stands for: "2023-02" -> 2023-02-01, "2023" -> 2023-01-01.
bool first_day(const std::string& date, int32_t& day) {
  std::string full = date;
  if (full.size() == 4) full += "-01-01";
  else if (full.size() == 7) full += "-01";
  auto d = parse_iso_date(full);
  if (!d) return false;
  day = d->days();
  return true;
}

MergeKey key_of(const Event& e) {
  MergeKey k;
  if (e.source) k.source_country = e.source->country;
  if (e.target) k.target_country = e.target->country;
  k.cameo = e.cameo->code;
  k.has_day = !e.date.empty() && first_day(e.date, k.day);
  k.date = e.date;
  k.precision = e.date_precision;
  if (e.location) {
    k.has_place = true;
    k.lat = e.location->lat;
    k.lon = e.location->lon;
  }
  k.hypothetical = e.hypothetical;
  return k;
}

}  // namespace

EventStore::FileLock::~FileLock() {
  if (fd >= 0) ::close(fd);
}

EventStore::EventStore(const std::string& path, bool create) : EventStore(path, StoreOpenOptions{create, false, 0}) {}

EventStore::EventStore(const std::string& path, const StoreOpenOptions& options) : db_(path, options.create) {
  if (options.ingest_lock) {
    if (db_.read_only())
      throw SqliteError(path + ": the database is read-only (the file or its directory cannot be written); nothing was ingested");
    // SQLite has the file open: a second descriptor for our lock. It is closed only after
    // SQLite closes the file (lock_ outlives db_), as closing a descriptor of a file drops
    // the process's POSIX locks on it. An OFD lock on a byte past SQLite's lock bytes
    // (0x40000000 + 0..511) never meets SQLite's own locks.
    lock_.fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    if (lock_.fd < 0)
      throw SqliteError(path + ": the database is read-only (" + std::strerror(errno) + "); nothing was ingested");
    struct flock fl {};
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    fl.l_start = 0x40000000 + 1024;
    fl.l_len = 1;
    if (::fcntl(lock_.fd, F_OFD_SETLK, &fl) != 0) {
      if (errno == EAGAIN || errno == EACCES)
        throw StoreLockedError(path + ": the database is locked by another dyad ingest; nothing was ingested "
                                      "(run this one again when that one has finished)");
      throw SqliteError(path + ": cannot lock the database for ingest (" + std::strerror(errno) + ")");
    }
  }
  int64_t max_pages = options.max_pages;
  if (const char* env = std::getenv("DYAD_DB_MAX_PAGES")) max_pages = std::atoll(env);
  if (max_pages > 0) {
    std::string pragma = "PRAGMA max_page_count=";
    pragma += std::to_string(max_pages);
    Statement set(db_, pragma.c_str());
    set.step();
  }
  migrate(db_);
  find_report_ = std::make_unique<Statement>(db_, "SELECT id FROM reports WHERE report_key = ?");
  insert_report_ = std::make_unique<Statement>(
      db_,
      "INSERT OR IGNORE INTO reports (report_key, doc_id, date, publisher, url, title, content_hash, ingested_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  find_sentence_ = std::make_unique<Statement>(db_, "SELECT id FROM sentences WHERE report = ? AND idx = ?");
  insert_sentence_ = std::make_unique<Statement>(db_, "INSERT INTO sentences (report, idx, text) VALUES (?, ?, ?)");
  find_actor_ = std::make_unique<Statement>(db_, "SELECT id FROM actors WHERE code = ?");
  insert_actor_ = std::make_unique<Statement>(db_, "INSERT INTO actors (code, country, sector) VALUES (?, ?, ?)");
  find_place_ = std::make_unique<Statement>(db_, "SELECT id FROM places WHERE name = ? AND lat = ? AND lon = ?");
  insert_place_ = std::make_unique<Statement>(
      db_, "INSERT INTO places (name, lat, lon, country, feature, geonames_id) VALUES (?, ?, ?, ?, ?, ?)");
  const char* candidate_columns =
      "SELECT e.id, e.cameo, e.day, e.date, e.date_precision, e.hypothetical, p.lat, p.lon, e.place "
      "FROM events e LEFT JOIN places p ON p.id = e.place ";
  candidates_day_ = std::make_unique<Statement>(
      db_, (std::string(candidate_columns) +
            "WHERE e.source_country IS ? AND e.target_country IS ? AND e.day BETWEEN ? AND ? AND e.root = ? "
            "ORDER BY abs(e.day - ?), e.id")
               .c_str());
  candidates_date_ = std::make_unique<Statement>(
      db_, (std::string(candidate_columns) +
            "WHERE e.source_country IS ? AND e.target_country IS ? AND e.day = ? AND e.root = ? AND e.date = ? "
            "ORDER BY e.id")
               .c_str());
  insert_event_ = std::make_unique<Statement>(
      db_,
      "INSERT INTO events (date, date_precision, day, source_actor, target_actor, source_country, target_country, "
      "cameo, root, quad_class, goldstein, plover_event, plover_mode, plover_context, place, hypothetical, "
      "num_mentions, num_reports, num_sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0)");
  insert_mention_ = std::make_unique<Statement>(
      db_,
      "INSERT OR IGNORE INTO mentions (event, report, sentence, coded_id, cameo, trigger_text, trigger_begin, "
      "trigger_end, source_text, source_begin, source_end, target_text, target_begin, target_end, date, "
      "date_precision, date_begin, date_end, place, place_begin, place_end) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  update_counts_ = std::make_unique<Statement>(
      db_,
      "UPDATE events SET num_mentions = (SELECT count(*) FROM mentions WHERE event = ?1), "
      "num_reports = (SELECT count(DISTINCT report) FROM mentions WHERE event = ?1), "
      "num_sources = (SELECT count(DISTINCT coalesce(r.publisher, 'report ' || r.id)) FROM mentions m "
      "JOIN reports r ON r.id = m.report WHERE m.event = ?1) WHERE id = ?1");
  set_place_ = std::make_unique<Statement>(db_, "UPDATE events SET place = ? WHERE id = ? AND place IS NULL");
}

EventStore::~EventStore() {
  if (in_batch_) {
    try {
      db_.exec("ROLLBACK");
    } catch (const SqliteError&) {
    }
  }
}

std::string EventStore::report_key(const Report& r) { return r.id.empty() ? "hash:" + content_hash(r) : r.id; }

bool EventStore::has_report(const std::string& key) {
  find_report_->bind(1, key);
  bool found = find_report_->step();
  find_report_->reset();
  return found;
}

void EventStore::begin() {
  db_.exec("BEGIN IMMEDIATE");
  in_batch_ = true;
}

void EventStore::commit() {
  db_.exec("COMMIT");
  in_batch_ = false;
}

void EventStore::rollback() {
  db_.exec("ROLLBACK");
  in_batch_ = false;
  actors_.clear();  // ids handed out inside the batch are gone
  places_.clear();
}

size_t EventStore::count(const char* table) {
  Statement s(db_, (std::string("SELECT count(*) FROM ") + table).c_str());
  return s.step() ? size_t(s.int64(0)) : 0;
}

bool EventStore::add_report(const Report& r, const std::vector<Event>& events, IngestStats& stats) {
  std::string key = report_key(r);
  Statement& ins = *insert_report_;
  ins.bind(1, key).bind(2, r.id).bind(3, r.date, true).bind(4, r.source, true).bind(5, r.url, true);
  ins.bind(6, r.title, true).bind(7, content_hash(r)).bind(8, now_utc());
  ins.run();
  if (db_.changes() == 0) {  // stored already (a duplicate in the input, or an earlier run)
    ++stats.reports_skipped;
    current_report_ = 0;
    return false;
  }
  current_report_ = db_.last_insert_id();
  current_key_ = key;
  ++stats.reports_added;
  add_events(r, events, stats);
  return true;
}

void EventStore::add_events(const Report& r, const std::vector<Event>& events, IngestStats& stats) {
  if (current_report_ == 0 || report_key(r) != current_key_) return;  // its first part was not stored now
  for (const Event& e : events) add_event(current_report_, e, stats);
}

int64_t EventStore::sentence_id(int64_t report, const Event& e) {
  Statement& f = *find_sentence_;
  f.bind(1, report).bind(2, int64_t(e.sentence_index));
  if (f.step()) {
    int64_t id = f.int64(0);
    f.reset();
    return id;
  }
  f.reset();
  insert_sentence_->bind(1, report).bind(2, int64_t(e.sentence_index)).bind(3, e.sentence);
  insert_sentence_->run();
  return db_.last_insert_id();
}

int64_t EventStore::actor_id(const ActorRecord& a) {
  auto it = actors_.find(a.code);
  if (it != actors_.end()) return it->second;
  int64_t id;
  find_actor_->bind(1, a.code);
  if (find_actor_->step()) {
    id = find_actor_->int64(0);
    find_actor_->reset();
  } else {
    find_actor_->reset();
    insert_actor_->bind(1, a.code).bind(2, a.country, true).bind(3, a.sector, true);
    insert_actor_->run();
    id = db_.last_insert_id();
  }
  actors_.emplace(a.code, id);
  return id;
}

int64_t EventStore::place_id(const Location& l) {
  char key[64];
  std::snprintf(key, sizeof key, "|%.5f|%.5f", l.lat, l.lon);
  std::string k = l.name + key;
  auto it = places_.find(k);
  if (it != places_.end()) return it->second;
  int64_t id;
  find_place_->bind(1, l.name).bind(2, l.lat).bind(3, l.lon);
  if (find_place_->step()) {
    id = find_place_->int64(0);
    find_place_->reset();
  } else {
    find_place_->reset();
    insert_place_->bind(1, l.name).bind(2, l.lat).bind(3, l.lon).bind(4, l.country, true).bind(5, l.feature);
    if (l.geonames_id) insert_place_->bind(6, int64_t(l.geonames_id));
    else insert_place_->bind_null(6);
    insert_place_->run();
    id = db_.last_insert_id();
  }
  places_.emplace(std::move(k), id);
  return id;
}

void EventStore::add_event(int64_t report, const Event& e, IngestStats& stats) {
  MergeKey k = key_of(e);
  int64_t place = e.location ? place_id(*e.location) : 0;
  std::string root = e.cameo->code.substr(0, 2);
  // Candidates: same directed dyad and root, on nearby days; the rule decides.
  int64_t event = 0;
  if (k.has_day) {
    bool fine = k.precision == "day";
    Statement& c = fine ? *candidates_day_ : *candidates_date_;
    c.bind(1, k.source_country, true).bind(2, k.target_country, true);
    if (fine) c.bind(3, int64_t(k.day - 1)).bind(4, int64_t(k.day + 1)).bind(5, root).bind(6, int64_t(k.day));
    else c.bind(3, int64_t(k.day)).bind(4, root).bind(5, k.date);
    while (c.step()) {
      MergeKey other;
      other.source_country = k.source_country;
      other.target_country = k.target_country;
      other.cameo = c.text(1);
      other.day = int32_t(c.int64(2));
      other.has_day = true;
      other.date = c.text(3);
      other.precision = c.text(4);
      other.hypothetical = c.int64(5) != 0;
      other.has_place = !c.is_null(6);
      other.lat = c.real(6);
      other.lon = c.real(7);
      if (same_event(k, other)) {
        event = c.int64(0);
        if (c.is_null(8) && place) {
          set_place_->bind(1, place).bind(2, event);
          set_place_->run();
        }
        break;
      }
    }
    c.reset();
  }
  if (event) {
    ++stats.events_merged;
  } else {
    Statement& ins = *insert_event_;
    ins.bind(1, e.date, true).bind(2, e.date_precision, true);
    if (k.has_day) ins.bind(3, int64_t(k.day));
    else ins.bind_null(3);
    if (e.source) ins.bind(4, actor_id(*e.source)).bind(6, e.source->country, true);
    else ins.bind_null(4).bind_null(6);
    if (e.target) ins.bind(5, actor_id(*e.target)).bind(7, e.target->country, true);
    else ins.bind_null(5).bind_null(7);
    ins.bind(8, e.cameo->code).bind(9, root).bind(10, int64_t(e.cameo->quad_class)).bind(11, e.cameo->goldstein);
    ins.bind(12, e.cameo->plover_event, true).bind(13, e.cameo->plover_mode, true).bind(14, e.cameo->plover_context, true);
    if (place) ins.bind(15, place);
    else ins.bind_null(15);
    ins.bind(16, int64_t(e.hypothetical ? 1 : 0));
    ins.run();
    event = db_.last_insert_id();
    ++stats.events_new;
  }
  Statement& m = *insert_mention_;
  m.bind(1, event).bind(2, report).bind(3, sentence_id(report, e)).bind(4, e.event_id).bind(5, e.cameo->code);
  m.bind(6, e.trigger_text).bind(7, int64_t(e.trigger.begin)).bind(8, int64_t(e.trigger.end));
  auto actor_cols = [&](int at, const std::optional<ActorRecord>& a) {
    if (a) m.bind(at, a->text).bind(at + 1, int64_t(a->span.begin)).bind(at + 2, int64_t(a->span.end));
    else m.bind_null(at).bind_null(at + 1).bind_null(at + 2);
  };
  actor_cols(9, e.source);
  actor_cols(12, e.target);
  m.bind(15, e.date, true).bind(16, e.date_precision, true);
  if (e.date_span) m.bind(17, int64_t(e.date_span->begin)).bind(18, int64_t(e.date_span->end));
  else m.bind_null(17).bind_null(18);
  if (place) m.bind(19, place).bind(20, int64_t(e.location->span.begin)).bind(21, int64_t(e.location->span.end));
  else m.bind_null(19).bind_null(20).bind_null(21);
  m.run();
  ++stats.mentions;
  update_counts_->bind(1, event);
  update_counts_->run();
}

}  // namespace dyad
