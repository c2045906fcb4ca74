// ConnectionPool: read connections to one database, lent to the threads of a
// server one request at a time. A SQLite connection here is used by one thread
// at a time (opened without SQLite's own mutex); in WAL mode readers block
// neither each other nor the writer, so concurrent requests each get their
// own. The pool holds at most `max` connections: the queries are CPU-bound,
// and each connection has its own page cache, so more than a few per core would
// only cost memory. A request finding all of them lent waits for one.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "dyad/store/sqlite.h"

namespace dyad {

class ConnectionPool {
 public:
  ConnectionPool(std::string path, size_t max);
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  // A borrowed connection, given back when the lease ends.
  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<Database> db) : pool_(&pool), db_(std::move(db)) {}
    Lease(Lease&& other) noexcept = default;
    ~Lease();
    Database& db() { return *db_; }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Database> db_;
  };

  // A connection (opened on first need, read-only: PRAGMA query_only); throws SqliteError.
  Lease acquire();
  size_t opened() const;

 private:
  void give_back(std::unique_ptr<Database> db);

  const std::string path_;
  const size_t max_;
  mutable std::mutex mu_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<Database>> idle_;
  size_t opened_ = 0;
};

}  // namespace dyad
