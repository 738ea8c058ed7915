// tests/testing/webhook_sink.py, an HTTP(S) server on 127.0.0.1 that records
// each request (N.method, N.path, N.headers, N.body; N.done when complete)
// and answers a fixed status, for the webhook transport tests.
#ifndef LANTERN_TESTS_TESTING_WEBHOOK_SINK_H_
#define LANTERN_TESTS_TESTING_WEBHOOK_SINK_H_

#include <chrono>
#include <string>

#include "testing/sink_process.h"

namespace lantern::testing {

struct WebhookSinkOptions {
  std::string tls_cert, tls_key;  // both set: HTTPS
  int status = 200;
  std::string location;  // a Location header on every answer
};

class WebhookSink {
 public:
  explicit WebhookSink(const WebhookSinkOptions& options = WebhookSinkOptions());
  int port() const { return process_.port(); }
  const std::string& error() const { return process_.error(); }
  std::string url(const std::string& path = "/hook") const {
    return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port()) + path;
  }
  bool WaitForRequests(size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(60)) const {
    return process_.WaitForFiles(".done", count, timeout);
  }
  size_t RequestCount() const { return process_.CountFiles(".done"); }
  std::string Method(int n) const { return process_.File(std::to_string(n) + ".method"); }
  std::string Path(int n) const { return process_.File(std::to_string(n) + ".path"); }
  std::string Body(int n) const { return process_.File(std::to_string(n) + ".body"); }
  // The value of header `name` (case-insensitive) in request n, or "".
  std::string Header(int n, const std::string& name) const;

 private:
  bool tls_;
  SinkProcess process_;
};

}  // namespace lantern::testing

#endif  // LANTERN_TESTS_TESTING_WEBHOOK_SINK_H_
