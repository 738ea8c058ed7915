#include "server/http_server.h"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <iterator>

namespace lantern {
namespace {

constexpr const char* kEventsPath = "/__lantern/events";

constexpr const char* kLibraryHeaders[] = {"REMOTE_ADDR", "REMOTE_PORT", "LOCAL_ADDR", "LOCAL_PORT"};
constexpr size_t kFileChunkBytes = 64 * 1024;

Request Convert(const httplib::Request& in) {
  Request out;
  // Every header the client sent: the library adds one of each of its four
  // names from the socket, and any other copy came from the client.
  out.header_count = in.headers.size();
  for (const char* name : kLibraryHeaders) {
    if (in.headers.count(name) > 0) --out.header_count;
  }
  for (const auto& [name, value] : in.headers) out.header_bytes += name.size() + value.size();
  out.method = in.method;
  out.version = in.version;  // the Host rules differ for HTTP/1.0 (guards.cc)
  out.target = in.target;
  out.path = in.path;
  for (const auto& [name, value] : in.headers) {
    // The library adds these from the socket; a client may send them too (CVE-2025-66570).
    if (std::find(std::begin(kLibraryHeaders), std::end(kLibraryHeaders), name) != std::end(kLibraryHeaders)) continue;
    out.headers.emplace(name, value);
  }
  out.range_count = in.ranges.size();
  out.remote_addr = in.remote_addr;
  return out;
}

void Write(const Response& in, httplib::Response& out) {
  out.status = in.status;
  for (const auto& [name, value] : in.headers) {
    out.headers.erase(name);
    out.set_header(name, value);  // set_header drops values holding CR or LF (F15)
  }
  if (in.status == 304) {
    out.body.clear();
    return;
  }
  if (in.file && in.file->length > 0) {
    // Streamed in chunks from the open file, which the provider keeps open
    // until the library destroys the response. The library sends the length
    // as Content-Length and, for HEAD, no body.
    const FileSlice slice = *in.file;
    out.set_content_provider(static_cast<size_t>(slice.length), in.content_type,
                             [slice, buffer = std::make_shared<std::string>()](size_t offset, size_t length,
                                                                              httplib::DataSink& sink) {
                               const long long want = static_cast<long long>(std::min(length, kFileChunkBytes));
                               // false closes the connection: the client sees a short body, never wrong bytes.
                               return slice.ReadInto(static_cast<long long>(offset), want, buffer.get()).ok() &&
                                      !buffer->empty() && sink.write(buffer->data(), buffer->size());
                             });
    return;
  }
  out.set_content(in.body, in.content_type.c_str());
}

}  // namespace

struct HttpServer::Impl {
  App* app;
  bool live_reload;
  EventStreamLimits limits;
  httplib::Server server;
  std::mutex mutex;  // guards generation, open_streams and stopping's waiters
  std::condition_variable changed;
  long long generation = 0;
  int open_streams = 0;
  std::atomic<bool> stopping{false};

  // A place for one more event stream, released when the pointer's last copy
  // goes (with the library's response), or null when all are taken.
  std::shared_ptr<void> TakeStreamSlot() {
    std::lock_guard<std::mutex> lock(mutex);
    if (open_streams >= limits.max_open) return nullptr;
    ++open_streams;
    return std::shared_ptr<void>(this, [](Impl* impl) {
      std::lock_guard<std::mutex> lock(impl->mutex);
      --impl->open_streams;
    });
  }
};

HttpServer::HttpServer(App* app, bool live_reload, EventStreamLimits limits) : impl_(std::make_unique<Impl>()) {
  impl_->app = app;
  impl_->live_reload = live_reload;
  impl_->limits = limits;
  Impl* impl = impl_.get();
  httplib::Server& svr = impl->server;
  svr.new_task_queue = [] { return new httplib::ThreadPool(32); };
  svr.set_payload_max_length(kMaxFormBodyBytes);
  svr.set_read_timeout(5);
  svr.set_write_timeout(5);
  svr.set_keep_alive_max_count(1);
  svr.set_keep_alive_timeout(2);
  httplib::Headers security;
  for (const auto& [name, value] : SecurityHeaders()) security.emplace(name, value);
  svr.set_default_headers(security);
  svr.set_exception_handler([impl](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    // Never the exception's text (CVE-2026-28434): a generic page.
    res.headers.erase("EXCEPTION_WHAT");
    Write(impl->app->ErrorPage(500), res);
  });
  svr.set_error_handler([impl](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;  // our own error pages are complete
    const int status = res.status >= 400 ? res.status : 500;
    Write(impl->app->ErrorPage(status), res);
    res.status = status;
  });
  svr.set_pre_routing_handler([impl](const httplib::Request& req, httplib::Response& res) {
    Request request = Convert(req);
    // Ranges are applied by our handlers. Left in place, the library would cut
    // every response again, error pages included: 500 ranges of "0-" turned one
    // 2 KB error page into 1.2 MB (yhirose/cpp-httplib#1766).
    const_cast<httplib::Request&>(req).ranges.clear();
    if (const int status = impl->app->Admit(request); status != 0) {
      Write(impl->app->ErrorPage(status), res);
      return httplib::Server::HandlerResponse::Handled;
    }
    if (request.method == "POST") return httplib::Server::HandlerResponse::Unhandled;  // read by the POST route
    if (impl->live_reload && request.path == kEventsPath) return httplib::Server::HandlerResponse::Unhandled;
    Write(impl->app->Route(request), res);
    return httplib::Server::HandlerResponse::Handled;
  });
  svr.Post(app->PostPath(), [impl](const httplib::Request& req, httplib::Response& res,
                                   const httplib::ContentReader& reader) {
    Request request = Convert(req);
    bool too_long = false;
    const bool read_all = reader([&](const char* data, size_t length) {
      if (request.body.size() + length > kMaxFormBodyBytes) {
        too_long = true;
        return false;
      }
      request.body.append(data, length);
      return true;
    });
    // The guards made Content-Length exactly one number of at most 6 digits.
    // A client that hangs up early leaves a short body: never a whole message.
    request.body_complete = read_all && request.body.size() == std::stoul(request.Header("Content-Length"));
    Write(too_long ? impl->app->ErrorPage(413) : impl->app->Route(request), res);
  });
  if (live_reload) {
    svr.Get(kEventsPath, [impl](const httplib::Request&, httplib::Response& res) {
      std::shared_ptr<void> slot = impl->TakeStreamSlot();
      if (!slot) {
        // Each stream holds a worker for its whole life: past the cap, new
        // ones are refused so ordinary requests always find a worker. The
        // reload script tries again after a pause.
        Response busy = impl->app->ErrorPage(503);
        busy.headers.push_back({"Retry-After", "5"});
        Write(busy, res);
        return;
      }
      res.set_header("Cache-Control", "no-store");
      auto last = std::make_shared<long long>(-1);
      const auto deadline = std::chrono::steady_clock::now() + impl->limits.lifetime;
      auto provider = [impl, last, deadline, slot](size_t, httplib::DataSink& sink) {
        std::unique_lock<std::mutex> lock(impl->mutex);
        if (*last == impl->generation) {
          const auto next_keep_alive = std::chrono::steady_clock::now() + impl->limits.keep_alive;
          impl->changed.wait_until(lock, std::min(deadline, next_keep_alive));
        }
        if (impl->stopping) return false;
        std::string message;
        if (*last != impl->generation) {
          // The first message also asks the browser to reconnect 2 s after the stream ends.
          message = (*last < 0 ? "retry: 2000\n" : "") + std::string("data: ") +
                    std::to_string(impl->app->site()->version) + "\n\n";
          *last = impl->generation;
        } else if (std::chrono::steady_clock::now() >= deadline) {
          // A bounded life: the stream ends cleanly and EventSource reconnects.
          lock.unlock();
          sink.done();
          return true;
        } else {
          message = ": keep-alive\n\n";
        }
        lock.unlock();
        return sink.write(message.data(), message.size());
      };
      res.set_chunked_content_provider("text/event-stream", provider);
    });
  }
}

HttpServer::~HttpServer() { Stop(); }

Result<int> HttpServer::Bind(const std::string& host, int port) {
  if (port == 0) {
    const int bound = impl_->server.bind_to_any_port(host);
    if (bound < 0) return Status::Error("cannot listen on " + host + ": no free port or a bad address");
    return bound;
  }
  if (!impl_->server.bind_to_port(host, port)) {
    return Status::Error("cannot listen on " + host + ":" + std::to_string(port) +
                         " (is another server using the port? choose one with --port)");
  }
  return port;
}

void HttpServer::Run() { impl_->server.listen_after_bind(); }

void HttpServer::Stop() {
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->stopping = true;
  }
  impl_->changed.notify_all();
  impl_->server.stop();
}

bool HttpServer::IsRunning() const { return impl_->server.is_running(); }

void HttpServer::NotifyReload() {
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    ++impl_->generation;
  }
  impl_->changed.notify_all();
}

}  // namespace lantern
