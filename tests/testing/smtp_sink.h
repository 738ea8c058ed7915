// tests/testing/smtp_sink.py, a real SMTP server (aiosmtpd) on 127.0.0.1,
// for the notify transport tests. Message N (from 1) is in the files N.from,
// N.rcpt, N.subject, N.body (decoded as a mail client would) and N.eml (raw).
#ifndef LANTERN_TESTS_TESTING_SMTP_SINK_H_
#define LANTERN_TESTS_TESTING_SMTP_SINK_H_

#include <chrono>
#include <string>

#include "testing/sink_process.h"

namespace lantern::testing {

struct SmtpSinkOptions {
  std::string starttls_cert, starttls_key;  // both set: STARTTLS offered
  int fail_first = 0;                       // answer 451 to the first N messages
  std::string auth;                         // "USER:PASS": AUTH required
};

class SmtpSink {
 public:
  explicit SmtpSink(const SmtpSinkOptions& options = SmtpSinkOptions());
  int port() const { return process_.port(); }
  const std::string& error() const { return process_.error(); }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port()); }
  // True once `count` messages have been stored, within `timeout`.
  bool WaitForMessages(size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(60)) const {
    return process_.WaitForFiles(".eml", count, timeout);
  }
  size_t MessageCount() const { return process_.CountFiles(".eml"); }
  std::string Raw(int n) const { return process_.File(std::to_string(n) + ".eml"); }
  std::string Subject(int n) const { return process_.File(std::to_string(n) + ".subject"); }
  std::string Body(int n) const { return process_.File(std::to_string(n) + ".body"); }
  std::string EnvelopeFrom(int n) const { return process_.File(std::to_string(n) + ".from"); }
  std::string Recipients(int n) const { return process_.File(std::to_string(n) + ".rcpt"); }

 private:
  SinkProcess process_;
};

}  // namespace lantern::testing

#endif  // LANTERN_TESTS_TESTING_SMTP_SINK_H_
