// StringMap: an open-addressing hash table from strings to small values,
// looked up by std::string_view so that the hot path (one lookup per token)
// never allocates. Keys are copied once into an arena owned by the map.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/util/cache_file.h"

namespace dyad {

inline uint64_t hash_bytes(std::string_view s) {
  // FNV-1a, 64-bit: short keys, good enough spread, no dependencies.
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h ^ (h >> 29);
}

template <typename V>
class StringMap {
 public:
  StringMap() { slots_.resize(16); }

  // Returns the value for `key`, or nullptr.
  const V* find(std::string_view key) const {
    size_t mask = slots_.size() - 1;
    for (size_t i = hash_bytes(key) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (!s.used) return nullptr;
      if (s.key == key) return &s.value;
    }
  }
  V* find(std::string_view key) {
    return const_cast<V*>(static_cast<const StringMap*>(this)->find(key));
  }

  // Inserts `key` with a default value if absent; returns a reference to the value.
  V& operator[](std::string_view key) { return insert(key, true); }
  // The same without copying the key: for keys that outlive the map (a loaded
  // file's string block), so that building a large map does not allocate per key.
  V& insert_stable(std::string_view key) { return insert(key, false); }

  // Sizes the table for `n` keys at once.
  void reserve(size_t n) {
    while (n * 4 > slots_.size() * 3) grow();
  }

 private:
  V& insert(std::string_view key, bool copy) {
    if ((size_ + 1) * 4 > slots_.size() * 3) grow();
    size_t mask = slots_.size() - 1;
    for (size_t i = hash_bytes(key) & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (!s.used) {
        if (copy) {
          keys_.emplace_back(key);
          s.key = keys_.back();
        } else {
          s.key = key;
        }
        s.used = true;
        ++size_;
        return s.value;
      }
      if (s.key == key) return s.value;
    }
  }

 public:
  // The map's own copy of `key` (stable for the map's lifetime), or an empty view.
  std::string_view stored_key(std::string_view key) const {
    size_t mask = slots_.size() - 1;
    for (size_t i = hash_bytes(key) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (!s.used) return {};
      if (s.key == key) return s.key;
    }
  }

  bool contains(std::string_view key) const { return find(key) != nullptr; }
  size_t size() const { return size_; }

  // Snapshot for the coder cache: the slots as they are, so loading rehashes nothing.
  // A loaded map's keys point into the cache's mapping.
  void save(CacheWriter& w) const {
    std::vector<StrRef> keys(slots_.size());  // {UINT32_MAX, 0}: an empty slot
    std::vector<V> values(slots_.size());
    for (size_t i = 0; i < slots_.size(); ++i) {
      if (slots_[i].used) keys[i] = w.ref(slots_[i].key), values[i] = slots_[i].value;
      else keys[i] = StrRef{UINT32_MAX, 0};
    }
    w.pod<uint64_t>(size_);
    w.vec(keys);
    w.vec(values);
  }
  void load(CacheReader& r) {
    size_ = r.pod<uint64_t>();
    auto [keys, n] = r.array<StrRef>();
    auto [values, nv] = r.array<V>();
    if (n == 0 || (n & (n - 1)) || nv != n) throw CacheError("string map: bad slot count");
    keys_.clear();
    slots_.resize(n);
    size_t used = 0;
    for (size_t i = 0; i < n; ++i) {
      Slot& s = slots_[i];
      s.used = keys[i].off != UINT32_MAX;
      s.key = s.used ? r.view(keys[i]) : std::string_view();
      s.value = s.used ? values[i] : V{};
      used += s.used;
    }
    if (used != size_ || size_ * 4 > n * 3) throw CacheError("string map: wrong size");
  }

  template <typename F>
  void for_each(F&& f) const {
    for (const Slot& s : slots_)
      if (s.used) f(s.key, s.value);
  }

 private:
  struct Slot {
    std::string_view key;
    V value{};
    bool used = false;
  };
  void grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.resize(old.size() * 2);
    size_t mask = slots_.size() - 1;
    for (Slot& s : old) {
      if (!s.used) continue;
      size_t i = hash_bytes(s.key) & mask;
      while (slots_[i].used) i = (i + 1) & mask;
      slots_[i] = std::move(s);
    }
  }
  std::vector<Slot> slots_;
  std::deque<std::string> keys_;  // stable addresses for the views in slots_
  size_t size_ = 0;
};

}  // namespace dyad
