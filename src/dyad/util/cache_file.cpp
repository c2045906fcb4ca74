#include "dyad/util/cache_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dyad/util/string_map.h"

namespace dyad {

namespace {

constexpr char kMagic[8] = {'D', 'Y', 'A', 'D', 'C', 'C', '0', '1'};

struct Header {
  char magic[8];
  uint64_t key;
  uint64_t pool_size;  // followed by the pool, padded to 8 bytes, then the body
  uint64_t body_size;
};

size_t padded(size_t n) { return (n + 7) / 8 * 8; }

}  // namespace

std::unique_ptr<MappedFile> MappedFile::open(const std::string& path, std::string& error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = path + ": cannot open";
    return nullptr;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || st.st_size <= 0) {
    ::close(fd);
    error = path + ": empty or unreadable";
    return nullptr;
  }
  void* p = ::mmap(nullptr, size_t(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);  // the mapping keeps the file
  if (p == MAP_FAILED) {
    error = path + ": cannot map";
    return nullptr;
  }
  std::unique_ptr<MappedFile> m(new MappedFile());
  m->data_ = static_cast<const char*>(p);
  m->size_ = size_t(st.st_size);
  return m;
}

MappedFile::~MappedFile() {
  if (data_) ::munmap(const_cast<char*>(data_), size_);
}

StrRef CacheWriter::ref(std::string_view s) {
  uint32_t& at = (*pooled_)[s];  // offset + 1; 0: not pooled yet
  if (at == 0) {
    at = uint32_t(pool_.size()) + 1;
    pool_.append(s);
  }
  return {at - 1, uint32_t(s.size())};
}

CacheWriter::CacheWriter() : pooled_(std::make_unique<StringMap<uint32_t>>()) {}
CacheWriter::~CacheWriter() = default;

std::string CacheWriter::finish(uint64_t key) const {
  Header h;
  std::memcpy(h.magic, kMagic, 8);
  h.key = key;
  h.pool_size = pool_.size();
  h.body_size = body_.size();
  std::string out(reinterpret_cast<const char*>(&h), sizeof h);
  out += pool_;
  out.resize(sizeof h + padded(pool_.size()), '\0');
  out += body_;
  return out;
}

CacheReader::CacheReader(const char* file, size_t size, uint64_t key) {
  Header h;
  if (size < sizeof h) throw CacheError("shorter than its header");
  std::memcpy(&h, file, sizeof h);
  if (std::memcmp(h.magic, kMagic, 8) != 0) throw CacheError("not a dyad cache");
  if (h.key != key) throw CacheError("made from other inputs");
  size_t rest = size - sizeof h;
  if (h.pool_size > rest || padded(h.pool_size) > rest || h.body_size != rest - padded(h.pool_size))
    throw CacheError("sizes do not match the file");
  pool_ = file + sizeof h;
  pool_size_ = size_t(h.pool_size);
  body_ = pool_ + padded(pool_size_);
  size_ = size_t(h.body_size);
}

}  // namespace dyad
