// StringMap: an open-addressing hash table from strings to small values,
// looked up by std::string_view so that the hot path (one lookup per token)
// never allocates. Keys are copied once into an arena owned by the map.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

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
