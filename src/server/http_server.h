// The HTTP server around App: the only file that includes httplib.h (Debian's
// cpp-httplib 0.11.4). It configures the library as the security checklist
// asks (R1-R5, D5, D6, H1): a pool of 32 workers, one request per connection,
// 5 s read/write timeouts, payload limit, security headers on every response,
// an exception handler that leaks nothing, and all routing through App's
// guards before any body is read. Static files on disk are streamed in
// chunks. Live reload uses Server-Sent Events at /__lantern/events, with a
// cap on open streams and a bounded life for each, so that open tabs can
// never hold every worker.
#ifndef LANTERN_SERVER_HTTP_SERVER_H_
#define LANTERN_SERVER_HTTP_SERVER_H_

#include <chrono>
#include <memory>
#include <string>

#include "base/status.h"
#include "server/app.h"

namespace lantern {

// Live-reload event streams (preview only). Each open stream holds one of
// the 32 workers while it lasts.
struct EventStreamLimits {
  int max_open = 8;                                // past this, 503 with Retry-After
  std::chrono::milliseconds lifetime{60 * 1000};   // then the stream ends and the browser reconnects
  std::chrono::milliseconds keep_alive{10 * 1000};  // a comment line this often keeps proxies from closing it
};

class HttpServer {
 public:
  // `app` must outlive the server.
  HttpServer(App* app, bool live_reload, EventStreamLimits limits = EventStreamLimits());
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds host:port (port 0: any free port) and returns the port, or a
  // Status saying why not (address in use, bad address).
  Result<int> Bind(const std::string& host, int port);
  // Serves until Stop() is called. REQUIRES: Bind succeeded.
  void Run();
  // Stops accepting, ends event streams, and makes Run return. Thread-safe.
  void Stop();
  bool IsRunning() const;
  // Tells open pages that the site was rebuilt (live reload).
  void NotifyReload();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lantern

#endif  // LANTERN_SERVER_HTTP_SERVER_H_
