// `lantern serve …` as a child process, for tests that need the real binary:
// its standard output read line by line, the port it printed, signals.
#ifndef LANTERN_TESTS_TESTING_SERVE_PROCESS_H_
#define LANTERN_TESTS_TESTING_SERVE_PROCESS_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace lantern::testing {

// A running `lantern serve ARGUMENTS` (in `directory` when given), its
// standard error discarded, killed with SIGKILL when destroyed unless it was
// signalled already. port() is 0 when it did not print an address.
class ServeProcess {
 public:
  explicit ServeProcess(const std::vector<std::string>& arguments, const std::string& directory = "",
                        const std::vector<std::string>& environment = {});
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;
  std::string ReadLine();
  std::string ReadAll();
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  // Sends `signal` and returns the exit status as waitpid reports it.
  int Signal(int signal);

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  int port_ = 0;
  bool waited_ = false;
};

}  // namespace lantern::testing

#endif  // LANTERN_TESTS_TESTING_SERVE_PROCESS_H_
