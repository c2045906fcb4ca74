#include "dyad/serve/http_server.h"

#include <filesystem>

#include <httplib.h>

#include "dyad/util/dict_file.h"

namespace dyad {

namespace {

const char* content_type(const std::string& name) {
  auto ends = [&](const char* ext) { return name.size() >= std::strlen(ext) && name.compare(name.size() - std::strlen(ext), std::string::npos, ext) == 0; };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".json")) return "application/json";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".map")) return "application/json";
  return "application/octet-stream";
}

// Only plain file names in the web directory itself: no "..", no "/", no dot files.
bool safe_name(const std::string& name) {
  if (name.empty() || name[0] == '.' || name.size() > 128) return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_')) return false;
  return true;
}

const char* kPlaceholder =
    "<!doctype html><meta charset=utf-8><title>dyad</title><h1>dyad</h1>"
    "<p>The dashboard is not built (run <code>make build</code>). The API is at "
    "<a href=/healthz>/healthz</a>, <a href=/api/events>/api/events</a>, <a href=/api/dyads>/api/dyads</a> "
    "(docs/api.md).</p><p>Places: GeoNames (CC BY 4.0).</p>";

}  // namespace

bool run_server(Api& api, const ServeOptions& o, const std::function<void(int)>& on_ready, std::string& error) {
  httplib::Server server;
  server.set_read_timeout(5, 0);   // slow clients give up their thread
  server.set_write_timeout(5, 0);
  server.set_keep_alive_timeout(5);
  server.set_payload_max_length((1 << 20) + 1);
  auto to_api = [&api](const httplib::Request& req, httplib::Response& res) {
    ApiRequest r;
    r.method = req.method;
    r.path = req.path;
    for (const auto& [k, v] : req.params) r.params.emplace(k, v);
    r.body = req.body;
    r.authorization = req.get_header_value("Authorization");
    ApiResponse a = api.handle(r);
    res.status = a.status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(a.body, a.content_type.c_str());
  };
  const char* api_paths = R"((/healthz|/api/.*))";
  server.Get(api_paths, to_api);
  server.Post(api_paths, to_api);
  server.Put(api_paths, to_api);
  server.Delete(api_paths, to_api);
  server.Patch(api_paths, to_api);
  std::string web = o.web_dir;
  server.Get(R"(/([^/]*))", [web](const httplib::Request& req, httplib::Response& res) {
    std::string name = req.matches[1];
    if (name.empty()) name = "index.html";
    std::string body;
    if (!safe_name(name) || web.empty() || !read_file(web + "/" + name, body)) {
      if (name == "index.html") {
        res.set_content(kPlaceholder, "text/html; charset=utf-8");
        return;
      }
      res.status = 404;
      res.set_content(R"({"error":{"status":404,"message":"not found"}})", "application/json");
      return;
    }
    res.set_content(body, content_type(name));
  });
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string msg = res.status == 413 ? "request body too large" : res.status == 404 ? "not found" : "bad request";
    res.set_content(R"({"error":{"status":)" + std::to_string(res.status) + R"(,"message":")" + msg + R"("}})",
                    "application/json");
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content(R"({"error":{"status":500,"message":"internal error"}})", "application/json");
  });
  int port = o.port;
  if (port == 0) {
    port = server.bind_to_any_port(o.host.c_str());
    if (port < 0) {
      error = "cannot bind " + o.host;
      return false;
    }
  } else if (!server.bind_to_port(o.host.c_str(), port)) {
    error = "cannot bind " + o.host + ":" + std::to_string(port) + " (in use?)";
    return false;
  }
  on_ready(port);
  return server.listen_after_bind();
}

}  // namespace dyad
