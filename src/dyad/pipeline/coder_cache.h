// The coder cache: what Coder::load builds from text files (the WordNet
// lexicon, the gazetteer index with data/places, the actor and event
// dictionaries of data/ and every --dict layer) snapshotted into one binary
// file, memory-mapped by every later start instead of parsed again.
//
// A cache file is named after a key over its inputs: the path, size,
// modification time and inode of every file read, and a hash of dyad's own
// sources (made by the build). Editing a dictionary or changing dyad's code
// changes the key, so a stale cache is never read: it is simply not found, and
// a new one is written. The CLI, the tests and the Python module of one build
// share their caches.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dyad {

// The cache directory for `requested`: "off" (or "none") disables caching and
// yields ""; empty means $DYAD_CACHE_DIR, then $XDG_CACHE_HOME/dyad, then
// $HOME/.cache/dyad.
std::string resolve_cache_dir(const std::string& requested);

// The key over `inputs` (file paths, in the order they are read) and dyad's sources.
uint64_t coder_cache_key(const std::vector<std::string>& inputs);

// <dir>/coder-<key in hex>.bin
std::string coder_cache_path(const std::string& dir, uint64_t key);

// Writes `bytes` to `path` atomically (temporary file, then rename) and keeps
// only the most recent few coder-*.bin files of the directory. False if the
// directory cannot be created or written (the coder then simply has no cache).
bool write_coder_cache(const std::string& path, const std::string& bytes);

}  // namespace dyad
