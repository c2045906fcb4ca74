// Api: the HTTP API of `dyad serve` (docs/api.md) as plain request ->
// response handling, independent of the HTTP server, so that every endpoint
// can be tested without sockets. One Api is shared by the server's threads:
// reads borrow a connection from a pool, ingest has the one writer (and the
// ingest lock on the file while the server runs with --allow-ingest); coding
// uses a session per request.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "dyad/pipeline/coder.h"
#include "dyad/store/event_store.h"

namespace dyad {

struct ApiRequest {
  std::string method = "GET";
  std::string path;
  std::multimap<std::string, std::string> params;
  std::string body;
  std::string authorization;  // the Authorization header
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

struct ApiOptions {
  bool allow_ingest = false;
  std::string token;                 // required bearer token for ingest
  size_t max_body = 1 << 20;         // bytes
  size_t max_query = 8 << 10;        // bytes of query string
  size_t max_limit = 1000;
  size_t max_connections = 0;        // read connections; 0: two per core, at least 4
};

class Api {
 public:
  // `coder` may be null: then POST /api/code and /api/ingest answer 503.
  Api(const std::string& db_path, const Coder* coder, ApiOptions options);
  ~Api();

  ApiResponse handle(const ApiRequest& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad
