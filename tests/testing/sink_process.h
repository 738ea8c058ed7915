// A Python test server (tests/testing/*_sink.py) run as a child process: it
// binds 127.0.0.1 port 0 and prints the port on its first line; the sink
// records what it receives as files in a folder of its own. Shared by
// SmtpSink and WebhookSink.
#ifndef LANTERN_TESTS_TESTING_SINK_PROCESS_H_
#define LANTERN_TESTS_TESTING_SINK_PROCESS_H_

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

#include "testing/test_support.h"

namespace lantern::testing {

class SinkProcess {
 public:
  // Starts /usr/bin/python3 tests/testing/<script> <folder> <arguments...>
  // and waits (up to a generous deadline, on the pipe, never a fixed sleep)
  // for the port line. port() is 0 and error() says why when it never came.
  SinkProcess(const std::string& script, const std::vector<std::string>& arguments);
  // Stops the child (SIGTERM to its pid) and removes the folder.
  ~SinkProcess();
  SinkProcess(const SinkProcess&) = delete;
  SinkProcess& operator=(const SinkProcess&) = delete;

  int port() const { return port_; }
  const std::string& error() const { return error_; }
  const std::string& folder() const { return folder_.path(); }
  // Waits until at least `count` files in the folder end with `suffix`
  // (polling); true when they did before `timeout`.
  bool WaitForFiles(const std::string& suffix, size_t count, std::chrono::milliseconds timeout) const;
  size_t CountFiles(const std::string& suffix) const;
  std::string File(const std::string& name) const { return ReadFileOrEmpty(folder() + "/" + name); }

 private:
  TempDir folder_;
  pid_t pid_ = -1;
  int port_ = 0;
  std::string error_;
};

struct TestCertificate {
  std::string cert_file, key_file;
  std::string error;  // empty when both files were written
};
// A throwaway self-signed certificate for 127.0.0.1 and localhost, valid for
// a day, made with the openssl command line in `folder`. error says so when
// openssl is not installed (./setup test installs it).
TestCertificate MakeTestCertificate(const std::string& folder);

}  // namespace lantern::testing

#endif  // LANTERN_TESTS_TESTING_SINK_PROCESS_H_
