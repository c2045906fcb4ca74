// Binary snapshots for the coder cache (pipeline/coder_cache.h): a writer that
// lays values out flat, and a reader that walks a memory-mapped file without
// parsing. Strings are stored once in a pool and come back as string_views
// into the mapping, so a loaded structure points into the file instead of
// copying it; the mapping must outlive whatever was loaded from it.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace dyad {

// A string as the cache stores it: a place in the pool.
struct StrRef {
  uint32_t off = 0, len = 0;
};

// A read-only memory mapping of a whole file.
class MappedFile {
 public:
  // nullptr (with `error`) when the file cannot be opened or mapped.
  static std::unique_ptr<MappedFile> open(const std::string& path, std::string& error);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  const char* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  MappedFile() = default;
  const char* data_ = nullptr;
  size_t size_ = 0;
};

// Thrown by CacheReader when the snapshot is truncated or inconsistent; the
// caller then loads from the text files instead.
struct CacheError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

template <typename V>
class StringMap;

class CacheWriter {
 public:
  CacheWriter();
  ~CacheWriter();
  template <typename T>
  void pod(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    align(alignof(T));
    body_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  // A count and then the elements, aligned so the reader can point at them in place.
  template <typename T>
  void array(const T* p, size_t n) {
    static_assert(std::is_trivially_copyable_v<T> && std::has_unique_object_representations_v<T>,
                  "padding bytes would be written uninitialised");
    pod<uint64_t>(n);
    align(8);
    body_.append(reinterpret_cast<const char*>(p), n * sizeof(T));
  }
  template <typename T>
  void vec(const std::vector<T>& v) {
    array(v.data(), v.size());
  }
  // A string, stored once in the pool however often it is written.
  void str(std::string_view s) {
    StrRef r = ref(s);
    pod(r.off);
    pod(r.len);
  }
  // The same, returned for a record of the caller's that goes into an array.
  StrRef ref(std::string_view s);
  // The whole file: a header carrying `key`, then the pool, then the values.
  std::string finish(uint64_t key) const;

 private:
  void align(size_t a) {
    while (body_.size() % a) body_.push_back('\0');
  }
  std::string pool_, body_;
  std::unique_ptr<StringMap<uint32_t>> pooled_;  // string -> pool offset + 1
};

class CacheReader {
 public:
  // Checks the header (magic, format, `key`); throws CacheError if it does not match.
  CacheReader(const char* file, size_t size, uint64_t key);

  template <typename T>
  T pod() {
    static_assert(std::is_trivially_copyable_v<T>);
    static_assert(!std::is_same_v<T, bool>, "read a uint8_t and compare: a damaged byte is not a valid bool");
    align(alignof(T));
    need(sizeof(T));
    T v;
    std::memcpy(&v, body_ + pos_, sizeof v);
    pos_ += sizeof v;
    return v;
  }
  // Elements of an array written by CacheWriter::array, in place in the mapping.
  template <typename T>
  std::pair<const T*, size_t> array() {
    uint64_t n = pod<uint64_t>();
    align(8);
    if (n > (size_ - pos_) / sizeof(T)) throw CacheError("array runs past the end");
    const T* p = reinterpret_cast<const T*>(body_ + pos_);
    pos_ += n * sizeof(T);
    return {p, size_t(n)};
  }
  template <typename T>
  void vec(std::vector<T>& out) {
    auto [p, n] = array<T>();
    out.assign(p, p + n);
  }
  std::string_view str() {
    StrRef r;
    r.off = pod<uint32_t>();
    r.len = pod<uint32_t>();
    return view(r);
  }
  std::string_view view(StrRef r) const {
    if (r.off > pool_size_ || r.len > pool_size_ - r.off) throw CacheError("string outside the pool");
    return std::string_view(pool_ + r.off, r.len);
  }
  // A count read from the file, checked against what the rest of the file could hold.
  size_t count(size_t min_bytes_each) {
    uint64_t n = pod<uint64_t>();
    if (min_bytes_each && n > (size_ - pos_) / min_bytes_each) throw CacheError("count runs past the end");
    return size_t(n);
  }
  bool at_end() const { return pos_ == size_; }

 private:
  void align(size_t a) { pos_ = (pos_ + a - 1) / a * a; }
  void need(size_t n) const {
    if (pos_ > size_ || n > size_ - pos_) throw CacheError("truncated");
  }
  const char* pool_ = nullptr;
  size_t pool_size_ = 0;
  const char* body_ = nullptr;
  size_t size_ = 0, pos_ = 0;
};

}  // namespace dyad
