// libFuzzer target: the HTTP API's request handling (dyad::Api::handle,
// docs/api.md) without sockets. The input is read as a small HTTP request:
//
//   METHOD /path?key=value&key=value      (percent-decoded, '+' is a space)
//   Authorization: Bearer ...             (header lines up to a blank line; others ignored)
//
//   body
//
// The API answers from a database of examples/corpus.jsonl ingested once
// into a temporary directory at start-up (removed at exit). Ingest is off
// (POST /api/ingest answers 403), so the database never changes and every
// input sees the same state. Checked on every answer: the status is never 500
// (bad requests are 4xx, docs/api.md) and a JSON answer is valid JSON.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "dyad/reader/reader.h"
#include "dyad/serve/api.h"
#include "dyad/store/event_store.h"
#include "fuzz_support.h"

namespace {

namespace fs = std::filesystem;

struct Server {
  fs::path dir;
  std::unique_ptr<dyad::Api> api;
  ~Server() {
    api.reset();
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

Server& server() {
  static Server out;
  static bool ready = [] {
    std::string tmpl = (fs::temp_directory_path() / "dyad-http-fuzz-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) __builtin_trap();
    out.dir = tmpl;
    std::string db = (out.dir / "events.db").string();
    const dyad::Coder& coder = dyad::fuzz::coder();
    {
      dyad::EventStore store(db, true);
      dyad::IngestStats stats;
      std::ifstream in(dyad::fuzz::source_dir() + "/examples/corpus.jsonl");
      dyad::ReaderOptions options;
      options.name = "corpus.jsonl";
      options.format = dyad::InputFormat::Jsonl;
      options.boilerplate = &coder.boilerplate();
      auto reader = dyad::open_reader(in, options, [](const std::string& m) { std::fprintf(stderr, "%s\n", m.c_str()); });
      dyad::CoderSession session(coder);
      dyad::Report r;
      std::vector<dyad::Event> events;
      store.begin();
      while (reader->next(r)) {
        events.clear();
        session.code(r, events);
        if (r.part > 0) store.add_events(r, events, stats);
        else store.add_report(r, events, stats);
      }
      store.commit();
    }
    dyad::ApiOptions options;
    options.allow_ingest = false;
    out.api = std::make_unique<dyad::Api>(db, &coder, options);
    return true;
  }();
  (void)ready;
  return out;
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') out += ' ';
    else if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += char(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else out += s[i];
  }
  return out;
}

std::string_view next_line(std::string_view& in) {
  size_t nl = in.find('\n');
  std::string_view line = in.substr(0, nl);
  in = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  server();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  dyad::ApiRequest req;
  std::string_view first = next_line(in);
  size_t sp = first.find(' ');
  req.method = std::string(first.substr(0, sp));
  std::string_view target = sp == std::string_view::npos ? std::string_view() : first.substr(sp + 1);
  if (size_t v = target.rfind(" HTTP/"); v != std::string_view::npos) target = target.substr(0, v);
  size_t q = target.find('?');
  req.path = decode(target.substr(0, q));
  if (q != std::string_view::npos) {
    std::string_view query = target.substr(q + 1);
    while (!query.empty()) {
      size_t amp = query.find('&');
      std::string_view pair = query.substr(0, amp);
      query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
      size_t eq = pair.find('=');
      req.params.emplace(decode(pair.substr(0, eq)), eq == std::string_view::npos ? "" : decode(pair.substr(eq + 1)));
    }
  }
  while (!in.empty()) {
    std::string_view h = next_line(in);
    if (h.empty()) break;
    if (h.size() > 15 && h.substr(0, 15) == "Authorization: ") req.authorization = std::string(h.substr(15));
  }
  req.body = std::string(in);

  dyad::ApiResponse resp = server().api->handle(req);
  if (resp.status == 500 || resp.status < 100 || resp.status > 599) {
    std::fprintf(stderr, "status %d for %s %s: %s\n", resp.status, req.method.c_str(), req.path.c_str(), resp.body.c_str());
    __builtin_trap();
  }
  if (resp.content_type == "application/json" && !nlohmann::json::accept(resp.body)) {
    std::fprintf(stderr, "invalid JSON answer for %s %s: %s\n", req.method.c_str(), req.path.c_str(), resp.body.c_str());
    __builtin_trap();
  }
  return 0;
}
