#include "dyad/output/partitioned_writer.h"

#include <fcntl.h>
#include <unistd.h>
#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <system_error>

#include "dyad/output/writer.h"

#ifndef DYAD_VERSION
#define DYAD_VERSION "unknown"
#endif

namespace dyad {

namespace fs = std::filesystem;

namespace {

// Uncompressed bytes gathered before they are written or compressed, and the
// size of the compressed-output buffer: one write per 256 KB, whatever the events.
constexpr size_t kBufferSize = size_t(256) << 10;
constexpr int kZstdLevel = 3;

std::string error_text(int err) { return std::generic_category().message(err); }

const char* format_name(PartitionFormat f) { return f == PartitionFormat::Csv ? "csv" : "jsonl"; }
const char* compression_name(Compression c) { return c == Compression::Zstd ? "zstd" : "none"; }

std::string join_path(const std::string& dir, const std::string& name) { return (fs::path(dir) / name).string(); }

// The temporary name of a file being written: hidden (a leading dot), so that
// neither a part-* glob nor Spark or Hadoop (which skip dot files) pick it up.
std::string temporary_name(const std::string& name) { return std::string(".").append(name).append(".tmp"); }

void ensure_directory(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec)
    throw std::runtime_error(
        std::string("cannot create output directory ").append(dir).append(": ").append(ec.message()));
  if (!fs::is_directory(dir, ec))
    throw std::runtime_error(std::string("output directory ").append(dir).append(" is not a directory"));
}

// "2026-11-28T10:15:00Z"; SOURCE_DATE_EPOCH (reproducible builds' convention), when
// set, replaces the clock so that a whole output directory can be byte-identical.
std::string utc_timestamp() {
  std::time_t t = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    long long v = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0' && v >= 0) t = std::time_t(v);
  }
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

std::string partition_file_name(size_t index, PartitionFormat format, Compression compression) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "part-%05zu.", index);
  std::string name(buf);
  name.append(format_name(format));
  if (compression == Compression::Zstd) name.append(".zst");
  return name;
}

bool parse_partition_format(const std::string& s, PartitionFormat& out) {
  if (s == "jsonl") out = PartitionFormat::Jsonl;
  else if (s == "csv") out = PartitionFormat::Csv;
  else return false;
  return true;
}

bool parse_compression(const std::string& s, Compression& out) {
  if (s == "zstd") out = Compression::Zstd;
  else if (s == "none") out = Compression::None;
  else return false;
  return true;
}

// ---------------------------------------------------------------------------
// PartitionWriter

struct PartitionWriter::Impl {
  std::string name, path, tmp_path;
  PartitionFormat format;
  Compression compression;
  int fd = -1;
  ZSTD_CCtx* cctx = nullptr;
  std::string pending;    // formatted events not yet written (or compressed)
  std::vector<char> zbuf;  // compressed bytes not yet written
  size_t zpos = 0;
  uint64_t records = 0, bytes = 0;
  bool closed = false;

  ~Impl() {
    if (cctx) ZSTD_freeCCtx(cctx);
    if (fd >= 0) ::close(fd);
    if (!closed && !tmp_path.empty()) ::unlink(tmp_path.c_str());  // never leave half a partition behind
  }

  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(std::string(path).append(": ").append(what));
  }

  void write_all(const char* p, size_t n) {
    while (n > 0) {
      ssize_t w = ::write(fd, p, n);
      if (w < 0) {
        if (errno == EINTR) continue;
        fail(std::string("write failed: ").append(error_text(errno)));
      }
      p += w;
      n -= size_t(w);
      bytes += uint64_t(w);
    }
  }

  void flush_zbuf() {
    write_all(zbuf.data(), zpos);
    zpos = 0;
  }

  // Compresses `pending` (all of it); with ZSTD_e_end also ends the frame.
  void compress(ZSTD_EndDirective mode) {
    ZSTD_inBuffer in{pending.data(), pending.size(), 0};
    for (;;) {
      ZSTD_outBuffer out{zbuf.data(), zbuf.size(), zpos};
      size_t left = ZSTD_compressStream2(cctx, &out, &in, mode);
      if (ZSTD_isError(left)) fail(std::string("zstd error: ").append(ZSTD_getErrorName(left)));
      zpos = out.pos;
      if (zpos == zbuf.size()) flush_zbuf();
      bool done = mode == ZSTD_e_end ? left == 0 : in.pos == in.size;
      if (done) break;
    }
    pending.clear();
  }

  void drain() {
    if (compression == Compression::Zstd) {
      compress(ZSTD_e_continue);
    } else {
      write_all(pending.data(), pending.size());
      pending.clear();
    }
  }
};

PartitionWriter::PartitionWriter(const std::string& dir, size_t index, PartitionFormat format,
                                 Compression compression)
    : impl_(std::make_unique<Impl>()) {
  Impl& w = *impl_;
  w.format = format;
  w.compression = compression;
  w.name = partition_file_name(index, format, compression);
  w.path = join_path(dir, w.name);
  ensure_directory(dir);
  std::string tmp = join_path(dir, temporary_name(w.name));
  w.fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (w.fd < 0) w.fail(std::string("cannot create: ").append(error_text(errno)));
  w.tmp_path = tmp;  // from here on the destructor removes it unless close() renamed it
  if (compression == Compression::Zstd) {
    w.cctx = ZSTD_createCCtx();
    if (!w.cctx) w.fail("zstd error: cannot create a compression context");
    for (auto [param, value] : {std::pair{ZSTD_c_compressionLevel, kZstdLevel}, std::pair{ZSTD_c_checksumFlag, 1}}) {
      size_t r = ZSTD_CCtx_setParameter(w.cctx, param, value);
      if (ZSTD_isError(r)) w.fail(std::string("zstd error: ").append(ZSTD_getErrorName(r)));
    }
    w.zbuf.resize(kBufferSize);
  }
  w.pending.reserve(kBufferSize + 4096);
  if (format == PartitionFormat::Csv) append_table_header(TableStyle::Csv, w.pending);
}

PartitionWriter::~PartitionWriter() = default;

void PartitionWriter::write(const Event& e) {
  Impl& w = *impl_;
  if (w.closed) throw std::logic_error(std::string(w.path).append(": write after close"));
  if (w.format == PartitionFormat::Csv) {
    append_table_row(e, TableStyle::Csv, w.pending);
  } else {
    append_event_json(e, w.pending);
    w.pending.push_back('\n');
  }
  ++w.records;
  if (w.pending.size() >= kBufferSize) w.drain();
}

PartitionFile PartitionWriter::close() {
  Impl& w = *impl_;
  if (w.closed) throw std::logic_error(std::string(w.path).append(": closed twice"));
  if (w.compression == Compression::Zstd) {
    w.compress(ZSTD_e_end);
    w.flush_zbuf();
  } else {
    w.drain();
  }
  int fd = w.fd;
  w.fd = -1;
  if (::close(fd) != 0) w.fail(std::string("write failed: ").append(error_text(errno)));
  if (::rename(w.tmp_path.c_str(), w.path.c_str()) != 0)
    w.fail(std::string("cannot rename ").append(w.tmp_path).append(": ").append(error_text(errno)));
  w.closed = true;
  if (w.cctx) {
    ZSTD_freeCCtx(w.cctx);
    w.cctx = nullptr;
  }
  std::vector<char>().swap(w.zbuf);
  std::string().swap(w.pending);
  return PartitionFile{w.name, w.records, w.bytes};
}

// ---------------------------------------------------------------------------
// Manifest

void write_manifest(const std::string& dir, PartitionFormat format, Compression compression,
                    const std::vector<PartitionFile>& files) {
  nlohmann::ordered_json m;
  m["format"] = format_name(format);
  m["compression"] = compression_name(compression);
  m["dyad_version"] = DYAD_VERSION;
  m["created"] = utc_timestamp();
  uint64_t records = 0;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const PartitionFile& f : files) {
    records += f.records;
    list.push_back({{"path", f.path}, {"records", f.records}, {"bytes", f.bytes}});
  }
  m["records"] = records;
  m["files"] = std::move(list);
  std::string text = m.dump(2);
  text.push_back('\n');

  ensure_directory(dir);
  std::string path = join_path(dir, "manifest.json"), tmp = join_path(dir, temporary_name("manifest.json"));
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error(std::string(path).append(": cannot create: ").append(error_text(errno)));
    out.write(text.data(), std::streamsize(text.size()));
    out.close();
    if (!out) {
      ::unlink(tmp.c_str());
      throw std::runtime_error(std::string(path).append(": write failed"));
    }
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    throw std::runtime_error(
        std::string(path).append(": cannot rename ").append(tmp).append(": ").append(error_text(err)));
  }
}

// ---------------------------------------------------------------------------
// PartitionedOutput

void prepare_output_directory(const std::string& dir, bool overwrite) {
  ensure_directory(dir);
  // What an earlier run left: its output (manifest, part files) and its temporary files.
  std::vector<fs::path> output, leftovers;
  bool has_manifest = false;
  std::error_code ec, file_ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name == "manifest.json") {
      has_manifest = true;
    } else if (name.starts_with("part-")) {
      if (it->is_regular_file(file_ec)) output.push_back(it->path());
    } else if (name.ends_with(".tmp") && (name.starts_with(".part-") || name.starts_with(".manifest.json"))) {
      if (it->is_regular_file(file_ec)) leftovers.push_back(it->path());
    }
  }
  if (ec)
    throw std::runtime_error(std::string("cannot read output directory ").append(dir).append(": ").append(ec.message()));
  if ((has_manifest || !output.empty()) && !overwrite)
    throw OutputExistsError(std::string(dir).append(" already holds partitioned output (")
                                .append(has_manifest ? "manifest.json" : "part-* files")
                                .append(")"));
  // The manifest goes first: from here on the directory does not look complete.
  if (has_manifest) output.insert(output.begin(), fs::path(dir) / "manifest.json");
  output.insert(output.end(), leftovers.begin(), leftovers.end());
  for (const fs::path& p : output) {
    fs::remove(p, ec);
    if (ec)
      throw std::runtime_error(std::string("cannot remove ").append(p.string()).append(": ").append(ec.message()));
  }
}

PartitionedOutput::PartitionedOutput(PartitionedOutputOptions options) : options_(std::move(options)) {
  const std::string& dir = options_.dir;
  prepare_output_directory(dir, options_.overwrite);
  // The first file is opened now, so that an unwritable directory fails before any coding.
  current_ = std::make_unique<PartitionWriter>(dir, 0, options_.format, options_.compression);
}

PartitionedOutput::~PartitionedOutput() = default;

void PartitionedOutput::write(const Event& e) {
  if (finished_) throw std::logic_error(std::string(options_.dir).append(": write after finish"));
  if (!current_) {
    current_ = std::make_unique<PartitionWriter>(options_.dir, files_.size(), options_.format, options_.compression);
    current_records_ = 0;
  }
  current_->write(e);
  ++current_records_;
  ++records_;
  if (options_.events_per_file > 0 && current_records_ >= options_.events_per_file) {
    files_.push_back(current_->close());
    current_.reset();
  }
}

const std::vector<PartitionFile>& PartitionedOutput::finish() {
  if (finished_) return files_;
  if (current_) {
    files_.push_back(current_->close());
    current_.reset();
  }
  write_manifest(options_.dir, options_.format, options_.compression, files_);
  finished_ = true;
  return files_;
}

}  // namespace dyad
