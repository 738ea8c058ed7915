// An App over the golden "basic" site, a store in memory and a clock the test
// moves, for handler-level and socket tests.
#ifndef LANTERN_TESTS_SERVER_SERVER_FIXTURE_H_
#define LANTERN_TESTS_SERVER_SERVER_FIXTURE_H_

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "feedback/store.h"
#include "server/app.h"

namespace lantern::testing {

struct TestServerApp {
  std::unique_ptr<FeedbackStore> store;
  std::shared_ptr<std::atomic<int64_t>> now = std::make_shared<std::atomic<int64_t>>(1795000000);
  std::unique_ptr<App> app;
  // The App's log lines so far (a copy: request threads add to it).
  std::vector<std::string> Log() const;

  // `origin` is what the guards accept; `limits` defaults to the production
  // ones; `live_reload` makes it the preview (reload script, error banner);
  // the store is in memory unless `db_path` names a file; `golden_site` names
  // the site under tests/golden/sites/.
  explicit TestServerApp(const std::string& origin = "http://127.0.0.1:8080",
                         RateLimiter::Limits limits = RateLimiter::Limits(), const std::string& trusted_proxy = "",
                         bool live_reload = false, const std::string& db_path = ":memory:",
                         FeedbackStore::Options store_options = FeedbackStore::Options(),
                         const std::string& golden_site = "basic");

  // A GET of `target` through the whole pipeline.
  Response Get(const std::string& target, std::map<std::string, std::string> headers = {});
  // A POST of an url-encoded `body` to /feedback, as a same-origin browser sends it.
  Response Post(const std::string& body, std::map<std::string, std::string> headers = {},
                const std::string& remote = "127.0.0.1");
  // A fresh form token from the record form's page.
  std::string Token(const std::string& record = "bin-check");
  std::vector<StoredSubmission> Rows() const;

 private:
  mutable std::mutex log_mutex_;
  std::vector<std::string> log_;
};

// Limits no test reaches by accident.
RateLimiter::Limits Generous();

// Percent-encodes for application/x-www-form-urlencoded.
std::string FormEncode(const std::string& text);
// The value of the hidden token field in a form page.
std::string TokenIn(const std::string& html);
std::string HeaderOf(const Response& response, const std::string& name);
// The bytes a response sends: its body, or the slice of its open file.
std::string BodyOf(const Response& response);

}  // namespace lantern::testing

#endif  // LANTERN_TESTS_SERVER_SERVER_FIXTURE_H_
