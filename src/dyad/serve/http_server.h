// The HTTP side of `dyad serve`: binds, routes /healthz and /api/* to the
// Api, serves the dashboard's static files from one flat directory, and
// keeps slow or oversized clients from holding the server (timeouts, limits).
#pragma once

#include <functional>
#include <string>

#include "dyad/serve/api.h"

namespace dyad {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;          // 0: any free port
  std::string web_dir;      // the built dashboard (web/dist); empty or missing: a placeholder page
};

// Serves until the process ends. `on_ready` gets the bound port. Returns false
// with `error` set when it cannot bind.
bool run_server(Api& api, const ServeOptions& options, const std::function<void(int)>& on_ready, std::string& error);

}  // namespace dyad
