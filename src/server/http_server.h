// The HTTP server around App: the only file that includes httplib.h (Debian's
// cpp-httplib 0.11.4). It configures the library as the security checklist
// asks (R1-R5, D5, D6, H1): a pool of 32 workers, one request per connection,
// 5 s read/write timeouts, payload limit, security headers on every response,
// an exception handler that leaks nothing, and all routing through App's
// guards before any body is read. Live reload uses Server-Sent Events at
// /__lantern/events.
#ifndef LANTERN_SERVER_HTTP_SERVER_H_
#define LANTERN_SERVER_HTTP_SERVER_H_

#include <memory>
#include <string>

#include "base/status.h"
#include "server/app.h"

namespace lantern {

class HttpServer {
 public:
  // `app` must outlive the server.
  HttpServer(App* app, bool live_reload);
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
