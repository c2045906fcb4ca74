#include "dyad/store/connection_pool.h"

#include <algorithm>

namespace dyad {

ConnectionPool::ConnectionPool(std::string path, size_t max) : path_(std::move(path)), max_(std::max<size_t>(max, 1)) {}

ConnectionPool::~ConnectionPool() = default;

ConnectionPool::Lease::~Lease() {
  if (db_) pool_->give_back(std::move(db_));
}

ConnectionPool::Lease ConnectionPool::acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  freed_.wait(lock, [&] { return !idle_.empty() || opened_ < max_; });
  if (!idle_.empty()) {
    std::unique_ptr<Database> db = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(db));
  }
  ++opened_;  // counted before opening, outside the lock, so that the bound holds
  lock.unlock();
  try {
    auto db = std::make_unique<Database>(path_, false);
    db->exec("PRAGMA query_only=1");
    return Lease(*this, std::move(db));
  } catch (...) {
    lock.lock();
    --opened_;
    freed_.notify_one();
    throw;
  }
}

void ConnectionPool::give_back(std::unique_ptr<Database> db) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(std::move(db));
  }
  freed_.notify_one();
}

size_t ConnectionPool::opened() const {
  std::lock_guard<std::mutex> lock(mu_);
  return opened_;
}

}  // namespace dyad
