// The real HttpServer over a TestServerApp on 127.0.0.1 (port chosen by the
// OS), running on its own thread until the LiveServer is destroyed.
#ifndef LANTERN_TESTS_SERVER_LIVE_SERVER_H_
#define LANTERN_TESTS_SERVER_LIVE_SERVER_H_

#include <memory>
#include <string>
#include <thread>

#include "server/http_server.h"
#include "server/raw_http.h"
#include "server/server_fixture.h"

namespace lantern::testing {

class LiveServer {
 public:
  // The store is in memory unless `db_path` names a file.
  explicit LiveServer(RateLimiter::Limits limits = RateLimiter::Limits(), bool live_reload = false,
                      EventStreamLimits streams = EventStreamLimits(), const std::string& db_path = ":memory:",
                      FeedbackStore::Options store_options = FeedbackStore::Options());
  ~LiveServer();
  int port() const { return port_; }
  std::string origin() const { return "http://127.0.0.1:" + std::to_string(port_); }
  TestServerApp& fixture() { return fixture_; }
  // Serves `files` instead of the fixture's site (same theme and settings).
  void ServeFiles(std::shared_ptr<const StaticSite> files, const std::string& build_errors = "");

  RawResponse Send(const std::string& bytes) { return HttpExchange(port_, bytes); }
  RawResponse Get(const std::string& target, const std::string& extra_headers = "") {
    return Send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers + "\r\n");
  }
  RawResponse PostForm(const std::string& body, const std::string& extra_headers = "") {
    return Send("POST /feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                "Content-Length: " + std::to_string(body.size()) + "\r\n" + extra_headers + "\r\n" + body);
  }
  std::string Token() { return TokenIn(Get("/feedback/bin-check").body); }

 private:
  TestServerApp fixture_;
  std::unique_ptr<HttpServer> server_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace lantern::testing

#endif  // LANTERN_TESTS_SERVER_LIVE_SERVER_H_
