// An App over the golden "basic" site, a store in memory and a clock the test
// moves, for handler-level and socket tests.
#ifndef LANTERN_TESTS_SERVER_SERVER_FIXTURE_H_
#define LANTERN_TESTS_SERVER_SERVER_FIXTURE_H_

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "feedback/store.h"
#include "server/app.h"
#include "server/http_server.h"
#include "server/raw_http.h"

namespace lantern::testing {

struct TestServerApp {
  std::unique_ptr<FeedbackStore> store;
  std::shared_ptr<std::atomic<int64_t>> now = std::make_shared<std::atomic<int64_t>>(1795000000);
  std::unique_ptr<App> app;
  std::vector<std::string> log;

  // `origin` is what the guards accept; `limits` defaults to the production
  // ones; the store is in memory unless `db_path` names a file.
  explicit TestServerApp(const std::string& origin = "http://127.0.0.1:8080",
                         RateLimiter::Limits limits = RateLimiter::Limits(), const std::string& trusted_proxy = "",
                         const std::string& db_path = ":memory:",
                         FeedbackStore::Options store_options = FeedbackStore::Options());

  // A GET of `target` through the whole pipeline.
  Response Get(const std::string& target, std::map<std::string, std::string> headers = {});
  // A POST of an url-encoded `body` to /feedback, as a same-origin browser sends it.
  Response Post(const std::string& body, std::map<std::string, std::string> headers = {},
                const std::string& remote = "127.0.0.1");
  // A fresh form token from the record form's page.
  std::string Token(const std::string& record = "bin-check");
  std::vector<StoredSubmission> Rows() const;
};

// The real HttpServer on 127.0.0.1 (a port the OS picks) around a
// TestServerApp, for tests that send raw bytes over a socket.
class LiveServer {
 public:
  explicit LiveServer(RateLimiter::Limits limits = RateLimiter::Limits(), bool live_reload = false,
                      const std::string& db_path = ":memory:",
                      FeedbackStore::Options store_options = FeedbackStore::Options());
  ~LiveServer();
  int port() const { return port_; }
  std::string origin() const { return "http://127.0.0.1:" + std::to_string(port_); }
  TestServerApp& fixture() { return fixture_; }

  RawResponse Send(const std::string& bytes) { return HttpExchange(port_, bytes); }
  RawResponse Get(const std::string& target, const std::string& extra_headers = "");
  RawResponse PostForm(const std::string& body, const std::string& extra_headers = "");
  std::string Token();

 private:
  TestServerApp fixture_;
  std::unique_ptr<HttpServer> server_;
  int port_ = 0;
  std::thread thread_;
};

// Limits no test reaches by accident.
RateLimiter::Limits Generous();

// Percent-encodes for application/x-www-form-urlencoded.
std::string FormEncode(const std::string& text);
// The value of the hidden token field in a form page.
std::string TokenIn(const std::string& html);
std::string HeaderOf(const Response& response, const std::string& name);

}  // namespace lantern::testing

#endif  // LANTERN_TESTS_SERVER_SERVER_FIXTURE_H_
