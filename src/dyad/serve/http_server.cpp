#include "dyad/serve/http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

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

using Clock = std::chrono::steady_clock;

// Set on the worker thread that handles a request: its head ran over the cap
// (the 400 httplib answers becomes 431), or the connection must close after
// the answer (httplib rejected the request itself: framing is not to be trusted).
thread_local bool t_head_too_large = false;
thread_local bool t_close = false;

// Workers for connections: `min` threads at once, one more (up to `max`) each
// time a connection arrives while every worker is busy, so slow clients
// cannot take every thread; `waiting()` tells idle connections to give theirs up.
class ElasticPool : public httplib::TaskQueue {
 public:
  ElasticPool(size_t min, size_t max) : max_(std::max(max, size_t(1))) {
    std::lock_guard<std::mutex> lock(mu_);
    for (size_t i = 0; i < std::min(min, max_); ++i) spawn();
  }
  void enqueue(std::function<void()> fn) override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      jobs_.push_back(std::move(fn));
      waiting_ = jobs_.size();
      if (idle_ < jobs_.size() && threads_.size() < max_) spawn();
    }
    cv_.notify_one();
  }
  void shutdown() override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (auto& t : threads_) t.join();  // no spawn() after stop_: threads_ is stable here
  }
  size_t waiting() const { return waiting_.load(std::memory_order_relaxed); }
  size_t threads() const { return count_.load(); }

 private:
  void spawn() {  // under mu_
    threads_.emplace_back([this] { work(); });
    count_ = threads_.size();
  }
  void work() {
    for (;;) {
      std::function<void()> fn;
      {
        std::unique_lock<std::mutex> lock(mu_);
        ++idle_;
        cv_.wait(lock, [&] { return !jobs_.empty() || stop_; });
        --idle_;
        if (jobs_.empty()) return;  // stopping
        fn = std::move(jobs_.front());
        jobs_.pop_front();
        waiting_ = jobs_.size();
      }
      fn();
    }
  }
  const size_t max_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  size_t idle_ = 0;
  bool stop_ = false;
  std::atomic<size_t> waiting_{0}, count_{0};
};

// A connection's socket as httplib reads and writes it, with limits httplib
// 0.11 lacks: each request (line, headers, body) must arrive within a
// deadline however slowly its bytes trickle in, and its head is capped.
class GuardedStream : public httplib::Stream {
 public:
  GuardedStream(int fd, const ServeOptions& o) : fd_(fd), o_(o) {}

  void begin_request() {
    deadline_ = Clock::now() + std::chrono::milliseconds(o_.request_timeout_ms);
    in_head_ = true;
    head_bytes_ = 0;
    line_len_ = 0;
  }
  bool failed() const { return failed_; }

  // Before a request: true when one starts within the keep-alive timeout. An
  // idle connection gives its thread up after a short grace when other
  // connections wait for one.
  bool wait_for_request(const ElasticPool* pool) {
    if (off_ < len_) return true;
    auto start = Clock::now();
    auto end = start + std::chrono::milliseconds(o_.keep_alive_timeout_ms);
    for (;;) {
      auto now = Clock::now();
      if (now >= end) return false;
      if (pool && pool->waiting() > 0 && now - start >= std::chrono::milliseconds(100)) return false;
      int slice = int(std::min<int64_t>(50, std::chrono::duration_cast<std::chrono::milliseconds>(end - now).count() + 1));
      int r = poll_fd(POLLIN, slice);
      if (r > 0) return true;
      if (r < 0) return false;
    }
  }

  bool is_readable() const override { return off_ < len_ || poll_fd(POLLIN, o_.read_timeout_ms) > 0; }
  bool is_writable() const override { return poll_fd(POLLOUT, o_.write_timeout_ms) > 0; }

  ssize_t read(char* ptr, size_t size) override {
    if (failed_) return -1;
    if (off_ == len_) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now()).count();
      if (left <= 0 || poll_fd(POLLIN, int(std::min<int64_t>(left, o_.read_timeout_ms))) <= 0) return fail();
      ssize_t n;
      do n = ::recv(fd_, buf_, sizeof buf_, 0);
      while (n < 0 && errno == EINTR);
      if (n < 0) return fail();
      if (n == 0) return 0;
      off_ = 0;
      len_ = size_t(n);
    }
    size_t k = std::min(size, len_ - off_);
    if (in_head_) {
      // Hand out the head only up to the empty line that ends it; count it.
      for (size_t i = 0; i < k; ++i) {
        char c = buf_[off_ + i];
        if (++head_bytes_ > o_.max_head_bytes) {
          t_head_too_large = true;
          return fail();
        }
        if (c == '\n') {
          if (line_len_ == 0) {
            in_head_ = false;
            k = i + 1;
            break;
          }
          line_len_ = 0;
        } else if (c != '\r') {
          ++line_len_;
        }
      }
    }
    std::memcpy(ptr, buf_ + off_, k);
    off_ += k;
    return ssize_t(k);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (poll_fd(POLLOUT, o_.write_timeout_ms) <= 0) return -1;
    ssize_t n;
    do n = ::send(fd_, ptr, size, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { address(::getpeername, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { address(::getsockname, ip, port); }
  socket_t socket() const override { return fd_; }

 private:
  ssize_t fail() {
    failed_ = true;
    return -1;
  }
  int poll_fd(short events, int timeout_ms) const {
    pollfd p{fd_, events, 0};
    int r;
    do r = ::poll(&p, 1, std::max(timeout_ms, 0));
    while (r < 0 && errno == EINTR);
    if (r > 0 && (p.revents & (POLLERR | POLLNVAL))) return -1;
    return r;
  }
  template <typename F>
  void address(F get, std::string& ip, int& port) const {
    sockaddr_storage a{};
    socklen_t len = sizeof a;
    ip.clear();
    port = 0;
    if (get(fd_, reinterpret_cast<sockaddr*>(&a), &len) != 0) return;
    char text[INET6_ADDRSTRLEN] = {};
    if (a.ss_family == AF_INET) {
      auto* v4 = reinterpret_cast<sockaddr_in*>(&a);
      ::inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
      port = ntohs(v4->sin_port);
    } else if (a.ss_family == AF_INET6) {
      auto* v6 = reinterpret_cast<sockaddr_in6*>(&a);
      ::inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
      port = ntohs(v6->sin6_port);
    }
    ip = text;
  }

  int fd_;
  const ServeOptions& o_;
  char buf_[16384];
  size_t off_ = 0, len_ = 0;
  Clock::time_point deadline_ = Clock::now();
  bool in_head_ = true, failed_ = false;
  size_t head_bytes_ = 0, line_len_ = 0;
};

// httplib's server with the connection loop above (httplib's own keeps a
// trickling client for as long as each byte comes within the read timeout).
class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(const ServeOptions& o) : o_(o) {
    new_task_queue = [this] {
      auto* p = new ElasticPool(o_.min_threads, o_.max_threads);
      pool_ = p;
      return p;
    };
  }
  void widen_backlog() { ::listen(svr_sock_, SOMAXCONN); }  // httplib listens with a backlog of 5
  size_t threads() const {
    const ElasticPool* p = pool_;
    return p ? p->threads() : 0;
  }
  void forget_pool() { pool_ = nullptr; }

 private:
  bool process_and_close_socket(socket_t sock) override {
    GuardedStream strm(sock, o_);
    bool ret = false;
    for (size_t left = std::max(o_.keep_alive_max, size_t(1)); left > 0 && svr_sock_ != INVALID_SOCKET; --left) {
      if (!strm.wait_for_request(pool_)) break;
      strm.begin_request();
      t_head_too_large = false;
      t_close = false;
      bool closed = false;
      ret = process_request(strm, left == 1, closed, nullptr);
      if (!ret || closed || t_close || strm.failed()) break;
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ret;
  }

  const ServeOptions& o_;
  std::atomic<const ElasticPool*> pool_{nullptr};
};

}  // namespace

struct HttpServer::Impl {
  Impl(Api& a, ServeOptions o) : api(a), opt(std::move(o)), server(opt) {}
  Api& api;
  ServeOptions opt;
  GuardedServer server;
  int port = -1;
  std::thread thread;
};

HttpServer::HttpServer(Api& api, ServeOptions options) : impl_(std::make_unique<Impl>(api, std::move(options))) {
  httplib::Server& server = impl_->server;
  const ServeOptions& o = impl_->opt;
  server.set_read_timeout(o.read_timeout_ms / 1000, (o.read_timeout_ms % 1000) * 1000);
  server.set_write_timeout(o.write_timeout_ms / 1000, (o.write_timeout_ms % 1000) * 1000);
  server.set_keep_alive_timeout(std::max(1, o.keep_alive_timeout_ms / 1000));
  server.set_keep_alive_max_count(std::max(o.keep_alive_max, size_t(1)));
  server.set_payload_max_length(o.max_body_bytes + 1);  // the Api answers the 413 with its own message up to here
  server.set_tcp_nodelay(true);
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
    // httplib refused the request itself: answer, then close the connection.
    t_close = true;
    if (t_head_too_large && res.status == 400) res.status = 431;
    std::string msg = res.status == 413   ? "request body too large"
                      : res.status == 431 ? "request header fields too large"
                      : res.status == 414 ? "request line too long"
                      : res.status == 404 ? "not found"
                                          : "bad request";
    std::string body = R"({"error":{"status":)";
    body += std::to_string(res.status);
    body += R"(,"message":")";
    body += msg;
    body += R"("}})";
    res.set_header("Connection", "close");
    res.set_content(body, "application/json");
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content(R"({"error":{"status":500,"message":"internal error"}})", "application/json");
  });
}

HttpServer::~HttpServer() { stop(); }

bool HttpServer::bind(std::string& error) {
  const ServeOptions& o = impl_->opt;
  if (o.port == 0) {
    impl_->port = impl_->server.bind_to_any_port(o.host.c_str());
    if (impl_->port < 0) {
      error = "cannot bind " + o.host;
      return false;
    }
  } else if (!impl_->server.bind_to_port(o.host.c_str(), o.port)) {
    error = "cannot bind " + o.host + ":" + std::to_string(o.port) + " (in use?)";
    return false;
  } else {
    impl_->port = o.port;
  }
  impl_->server.widen_backlog();
  return true;
}

int HttpServer::port() const { return impl_->port; }

bool HttpServer::listen() {
  bool ok = impl_->server.listen_after_bind();
  impl_->server.forget_pool();
  return ok;
}

void HttpServer::start() {
  impl_->thread = std::thread([this] { listen(); });
  for (int i = 0; i < 2000 && !impl_->server.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void HttpServer::stop() {
  impl_->server.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

size_t HttpServer::threads() const { return impl_->server.threads(); }

bool run_server(Api& api, const ServeOptions& o, const std::function<void(int)>& on_ready, std::string& error) {
  HttpServer server(api, o);
  if (!server.bind(error)) return false;
  on_ready(server.port());
  return server.listen();
}

}  // namespace dyad
