// U64Map: open-addressing hash map from 64-bit keys to 32-bit values. Used
// for trie edges keyed by (node, word id): one probe per token in the matchers.
#pragma once

#include <cstdint>
#include <vector>

#include "dyad/util/cache_file.h"

namespace dyad {

class U64Map {
 public:
  U64Map() { slots_.resize(64); }

  uint32_t get(uint64_t key, uint32_t missing = 0) const {
    size_t mask = slots_.size() - 1;
    for (size_t i = mix(key) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (!s.used) return missing;
      if (s.key == key) return s.value;
    }
  }

  void set(uint64_t key, uint32_t value) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    size_t mask = slots_.size() - 1;
    for (size_t i = mix(key) & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (!s.used) {
        s = Slot{key, value, true};
        ++size_;
        return;
      }
      if (s.key == key) {
        s.value = value;
        return;
      }
    }
  }
  size_t size() const { return size_; }

  // Snapshot for the coder cache: the slots as they are, so loading rehashes nothing.
  void save(CacheWriter& w) const {
    w.pod<uint64_t>(slots_.size());
    w.pod<uint64_t>(size_);
    for (const Slot& s : slots_) {
      w.pod<uint8_t>(s.used);
      if (!s.used) continue;
      w.pod<uint64_t>(s.key);
      w.pod<uint32_t>(s.value);
    }
  }
  void load(CacheReader& r) {
    size_t n = r.count(1);
    if (n == 0 || (n & (n - 1))) throw CacheError("u64 map: slot count is not a power of two");
    size_ = r.pod<uint64_t>();
    slots_.assign(n, Slot{});
    size_t used = 0;
    for (Slot& s : slots_) {
      s.used = r.pod<uint8_t>() != 0;
      if (!s.used) continue;
      s.key = r.pod<uint64_t>();
      s.value = r.pod<uint32_t>();
      ++used;
    }
    if (used != size_ || size_ * 2 > n) throw CacheError("u64 map: wrong size");
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t value = 0;
    bool used = false;
  };
  static uint64_t mix(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return x;
  }
  void grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.resize(old.size() * 2);
    size_ = 0;
    for (const Slot& s : old)
      if (s.used) set(s.key, s.value);
  }
  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace dyad
