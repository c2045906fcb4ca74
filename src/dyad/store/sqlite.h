// A thin RAII layer over SQLite's C API: a connection and prepared
// statements with typed binds and reads. Errors become exceptions carrying
// SQLite's message, so that callers can roll back a whole batch at one place.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace dyad {

class SqliteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Statement;

class Database {
 public:
  // Opens (creating if asked) the database at `path`; throws SqliteError.
  Database(const std::string& path, bool create);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(const char* sql);  // one or more statements without results
  int64_t last_insert_id() const;
  int changes() const;  // rows changed by the last statement
  // True when SQLite could only open the file for reading (file or directory not writable).
  bool read_only() const;
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

class Statement {
 public:
  Statement(Database& db, const char* sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binds are 1-based, as in SQLite. An empty view binds NULL when `null_if_empty`.
  Statement& bind(int i, int64_t v);
  Statement& bind(int i, double v);
  Statement& bind(int i, std::string_view v, bool null_if_empty = false);
  Statement& bind_null(int i);

  bool step();  // true while a row is available
  void run() { step(); reset(); }
  void reset();

  int64_t int64(int col) const;
  double real(int col) const;
  std::string text(int col) const;
  bool is_null(int col) const;
  int columns() const;
  std::string column_name(int col) const;

 private:
  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// Runs `fn` in a transaction: committed if it returns, rolled back if it throws.
template <typename F>
void transaction(Database& db, F&& fn) {
  db.exec("BEGIN IMMEDIATE");
  try {
    fn();
  } catch (...) {
    db.exec("ROLLBACK");
    throw;
  }
  db.exec("COMMIT");
}

}  // namespace dyad
