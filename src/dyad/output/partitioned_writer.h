// Partitioned output for cluster tools: events written as one file per
// partition (JSON Lines or CSV, optionally zstd-compressed) plus a manifest
// that lists every file with its record count, so Spark, Dask, DuckDB or
// pandas can read the directory directly (format in docs/output.md,
// "Partitioned output").
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "dyad/events/event.h"

namespace dyad {

enum class PartitionFormat { Jsonl, Csv };
enum class Compression { None, Zstd };

// What the manifest records about one written file.
struct PartitionFile {
  std::string path;      // relative to the output directory
  uint64_t records = 0;  // events (CSV: data rows, header excluded)
  uint64_t bytes = 0;    // size on disk
};

// File name of partition `index`: "part-00007.jsonl.zst", "part-00007.csv", ...
std::string partition_file_name(size_t index, PartitionFormat format, Compression compression);

// Writes one partition file. Streams: memory use does not grow with the file.
// Throws std::runtime_error (message names the file) when the file cannot be
// created or written.
class PartitionWriter {
 public:
  PartitionWriter(const std::string& dir, size_t index, PartitionFormat format, Compression compression);
  ~PartitionWriter();
  PartitionWriter(const PartitionWriter&) = delete;
  PartitionWriter& operator=(const PartitionWriter&) = delete;

  void write(const Event& e);
  // Finishes the file (zstd frame end, flush, close) and returns its manifest entry.
  PartitionFile close();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Writes <dir>/manifest.json atomically (temporary file + rename), listing `files` in order.
void write_manifest(const std::string& dir, PartitionFormat format, Compression compression,
                    const std::vector<PartitionFile>& files);

// Thrown by PartitionedOutput for a directory that already holds output (and no `overwrite`).
struct OutputExistsError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Creates `dir`; throws OutputExistsError if it already holds a manifest.json
// or part-* files, unless `overwrite`, which removes them (the manifest first)
// along with temporary files an interrupted run left. Other files are kept.
void prepare_output_directory(const std::string& dir, bool overwrite);

// A whole partitioned output directory, as `dyad code --out-dir` writes it.
struct PartitionedOutputOptions {
  std::string dir;
  PartitionFormat format = PartitionFormat::Jsonl;
  Compression compression = Compression::Zstd;
  uint64_t events_per_file = 1000000;  // a new file starts when the current one holds this many
  bool overwrite = false;  // replace earlier output (part-* files and manifest) instead of refusing
};

// Prepares the directory (prepare_output_directory), then writes events into part-00000, part-00001, ...: the
// same events in the same order give byte-identical files. finish() closes the
// last file and writes the manifest last, so a directory without a manifest
// is incomplete. Without finish() (an error, an exception) the file being
// written is removed and no manifest is written.
class PartitionedOutput {
 public:
  explicit PartitionedOutput(PartitionedOutputOptions options);
  ~PartitionedOutput();
  PartitionedOutput(const PartitionedOutput&) = delete;
  PartitionedOutput& operator=(const PartitionedOutput&) = delete;

  void write(const Event& e);
  // Closes the current file and writes the manifest; returns every file in order.
  // With no events at all there is still one (empty) part-00000 file.
  const std::vector<PartitionFile>& finish();
  uint64_t records() const { return records_; }

 private:
  PartitionedOutputOptions options_;
  std::unique_ptr<PartitionWriter> current_;
  uint64_t current_records_ = 0;
  uint64_t records_ = 0;
  std::vector<PartitionFile> files_;
  bool finished_ = false;
};

// Parses "jsonl"/"csv" and "zstd"/"none"; false for anything else.
bool parse_partition_format(const std::string& s, PartitionFormat& out);
bool parse_compression(const std::string& s, Compression& out);

}  // namespace dyad
