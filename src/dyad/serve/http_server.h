// The HTTP side of `dyad serve`: binds, routes /healthz and /api/* to the
// Api, serves the dashboard's static files from one flat directory, and
// keeps slow, idle or oversized clients from holding the server: every
// request must arrive whole within a deadline, its head is capped, idle
// connections give their thread up when others wait, and the worker pool
// grows on demand up to a bound (limits in docs/api.md).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "dyad/serve/api.h"

namespace dyad {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;          // 0: any free port
  std::string web_dir;      // the built dashboard (web/dist); empty or missing: a placeholder page
  // Limits against slow and malformed clients (docs/api.md, "Limits").
  int read_timeout_ms = 5000;      // a client silent this long mid-request is dropped
  int request_timeout_ms = 10000;  // the whole request (line, headers, body) must arrive within this
  int write_timeout_ms = 5000;     // a client that reads nothing of the answer this long is dropped
  int keep_alive_timeout_ms = 5000;  // an idle connection is closed after this (at once when others wait)
  size_t keep_alive_max = 100;     // requests per connection
  size_t max_head_bytes = 64 << 10;  // request line plus headers; more is 431
  size_t max_body_bytes = 1 << 20;   // more is 413
  size_t min_threads = 8;          // worker threads started at once
  size_t max_threads = 128;        // the pool grows up to this when every worker is busy
};

// A server that can be started and stopped (tests run it in-process).
class HttpServer {
 public:
  HttpServer(Api& api, ServeOptions options);
  ~HttpServer();  // stops
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds host:port (port 0: any free port); false with `error` set when it cannot.
  bool bind(std::string& error);
  int port() const;
  // Serves until stop(); call after bind().
  bool listen();
  // listen() on a background thread.
  void start();
  void stop();
  // Worker threads running now (grows with load up to max_threads).
  size_t threads() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Serves until the process ends. `on_ready` gets the bound port. Returns false
// with `error` set when it cannot bind.
bool run_server(Api& api, const ServeOptions& options, const std::function<void(int)>& on_ready, std::string& error);

}  // namespace dyad
