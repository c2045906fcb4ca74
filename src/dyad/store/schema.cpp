#include "dyad/store/schema.h"

#include <string>

#include <sqlite3.h>

namespace dyad {

namespace {

// Migration N brings the schema from version N-1 to N. Never edit a shipped
// migration: add the next one.
const char* const kMigrations[] = {
    // 1: reports, sentences (with full-text search), actors, places, events, mentions.
    R"sql(
CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  report_key TEXT NOT NULL UNIQUE,
  doc_id TEXT NOT NULL,
  date TEXT,
  publisher TEXT,
  url TEXT,
  title TEXT,
  content_hash TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE TABLE sentences (
  id INTEGER PRIMARY KEY,
  report INTEGER NOT NULL REFERENCES reports(id),
  idx INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (report, idx)
);
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TABLE actors (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  country TEXT,
  sector TEXT
);
CREATE TABLE places (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  country TEXT,
  feature TEXT,
  geonames_id INTEGER,
  UNIQUE (name, lat, lon)
);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  date TEXT,
  date_precision TEXT,
  day INTEGER,
  source_actor INTEGER REFERENCES actors(id),
  target_actor INTEGER REFERENCES actors(id),
  source_country TEXT,
  target_country TEXT,
  cameo TEXT NOT NULL,
  root TEXT NOT NULL,
  quad_class INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  plover_event TEXT,
  plover_mode TEXT,
  plover_context TEXT,
  place INTEGER REFERENCES places(id),
  hypothetical INTEGER NOT NULL,
  num_mentions INTEGER NOT NULL,
  num_reports INTEGER NOT NULL,
  num_sources INTEGER NOT NULL
);
CREATE INDEX events_dyad ON events (source_country, target_country, day);
CREATE INDEX events_target ON events (target_country, day);
CREATE INDEX events_day ON events (day);
CREATE INDEX events_cameo ON events (cameo);
CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  event INTEGER NOT NULL REFERENCES events(id),
  report INTEGER NOT NULL REFERENCES reports(id),
  sentence INTEGER NOT NULL REFERENCES sentences(id),
  coded_id TEXT NOT NULL,
  cameo TEXT NOT NULL,
  trigger_text TEXT NOT NULL,
  trigger_begin INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL,
  source_text TEXT,
  source_begin INTEGER,
  source_end INTEGER,
  target_text TEXT,
  target_begin INTEGER,
  target_end INTEGER,
  date TEXT,
  date_precision TEXT,
  date_begin INTEGER,
  date_end INTEGER,
  place INTEGER REFERENCES places(id),
  place_begin INTEGER,
  place_end INTEGER,
  UNIQUE (report, coded_id)
);
CREATE INDEX mentions_event ON mentions (event);
)sql",
    // 2: the dyad and target indexes cover what a series reads, so that a
    // series (/api/series, dyad series) reads the index alone instead of one
    // table row per event: RUS-UKR on 1M events 37 ms -> 3 ms.
    R"sql(
DROP INDEX events_dyad;
DROP INDEX events_target;
CREATE INDEX events_dyad ON events (source_country, target_country, day, date_precision, quad_class, goldstein, num_mentions);
CREATE INDEX events_target ON events (target_country, day, date_precision, quad_class, goldstein, num_mentions);
)sql",
};

int user_version(Database& db) {
  Statement s(db, "PRAGMA user_version");
  return s.step() ? int(s.int64(0)) : 0;
}

}  // namespace

void migrate(Database& db) {
  // A read-only file (or directory) cannot change journal mode; it is read as it is.
  if (!db.read_only()) db.exec("PRAGMA journal_mode=WAL");
  db.exec("PRAGMA synchronous=NORMAL");
  db.exec("PRAGMA foreign_keys=ON");
  int have = user_version(db);
  int known = int(sizeof kMigrations / sizeof kMigrations[0]);
  static_assert(sizeof kMigrations / sizeof kMigrations[0] == kSchemaVersion);
  if (have > known)
    throw SqliteError(db.path() + ": schema version " + std::to_string(have) + " is newer than this dyad's (" +
                      std::to_string(known) + ")");
  if (have < known && have > 0 && db.read_only())
    throw SqliteError(db.path() + ": schema version " + std::to_string(have) + " must be upgraded to " +
                      std::to_string(known) + ", but the database is read-only: run any dyad command on it once "
                      "with write access");
  for (int v = have; v < known; ++v) {
    transaction(db, [&] {
      // Another process (a second ingest, a reader started while the first ingest
      // creates the database) may have applied this migration while we waited for the lock.
      if (user_version(db) > v) return;
      db.exec(kMigrations[v]);
      db.exec(("PRAGMA user_version=" + std::to_string(v + 1)).c_str());
    });
  }
}

}  // namespace dyad
