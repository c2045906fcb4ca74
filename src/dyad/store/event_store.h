// EventStore: dyad's embedded event database (SQLite, WAL; schema in
// docs/store.md). Reports are stored once (keyed by id, or by a hash of the
// content when they have none), every coded event as a mention with its
// sentence, and mentions of one happening merged into one event
// (merge_rule.h) with GDELT-style counts of mentions, reports and sources.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "dyad/events/event.h"
#include "dyad/reader/report.h"
#include "dyad/store/sqlite.h"

namespace dyad {

struct IngestStats {
  size_t reports_added = 0, reports_skipped = 0, mentions = 0, events_new = 0, events_merged = 0;
};

// How an EventStore is opened for writing.
struct StoreOpenOptions {
  bool create = true;
  // Take the ingest lock: an advisory lock on the database file (an open file
  // description lock, released when the process ends, even by kill -9), so that
  // a second `dyad ingest` on the same file fails at once with a clear message
  // instead of waiting or interleaving its batches. Throws StoreLockedError.
  bool ingest_lock = false;
  // PRAGMA max_page_count when > 0 (a size limit; the DYAD_DB_MAX_PAGES
  // environment variable sets it too, for the disk-full tests).
  int64_t max_pages = 0;
};

// The database is being written by another ingest.
class StoreLockedError : public SqliteError {
 public:
  using SqliteError::SqliteError;
};

class EventStore {
 public:
  // Opens or creates the database and brings its schema up to date; throws SqliteError.
  explicit EventStore(const std::string& path, bool create = true);
  EventStore(const std::string& path, const StoreOpenOptions& options);
  ~EventStore();

  // The key a report is stored under: its id, or "hash:" + a hash of its title and text.
  static std::string report_key(const Report& r);
  bool has_report(const std::string& key);

  // Stores a report (its first part) and its events; false if it was stored already.
  // Later parts of a long report go through add_events with the same report.
  bool add_report(const Report& r, const std::vector<Event>& events, IngestStats& stats);
  void add_events(const Report& r, const std::vector<Event>& events, IngestStats& stats);

  // Batches: everything between begin() and commit() lands together or not at all.
  void begin();
  void commit();
  void rollback();

  Database& db() { return db_; }
  size_t count(const char* table);

 private:
  int64_t sentence_id(int64_t report, const Event& e);
  int64_t actor_id(const ActorRecord& a);
  int64_t place_id(const Location& l);
  void add_event(int64_t report, const Event& e, IngestStats& stats);

  struct FileLock {
    int fd = -1;
    ~FileLock();
  };
  FileLock lock_;  // declared before db_: released after SQLite has closed the file
  Database db_;
  std::unique_ptr<Statement> find_report_, insert_report_, insert_sentence_, find_sentence_, insert_actor_,
      find_actor_, insert_place_, find_place_, candidates_day_, candidates_date_, insert_event_, insert_mention_,
      update_counts_, set_place_;
  std::unordered_map<std::string, int64_t> actors_, places_;
  int64_t current_report_ = 0;  // the report add_events appends to
  std::string current_key_;
  bool in_batch_ = false;
};

}  // namespace dyad
