#include "testing/sink_process.h"

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <thread>

extern char** environ;

namespace lantern::testing {
namespace fs = std::filesystem;

SinkProcess::SinkProcess(const std::string& script, const std::vector<std::string>& arguments) {
  // Debian's python3 explicitly: the aiosmtpd package is installed for it,
  // not for whatever python3 comes first on PATH.
  std::vector<std::string> argv_strings = {"/usr/bin/python3", SourceDir() + "/tests/testing/" + script, folder()};
  argv_strings.insert(argv_strings.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (std::string& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);

  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) {
    error_ = "pipe failed";
    return;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
  int spawned = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (spawned != 0) {
    pid_ = -1;
    close(pipe_fds[0]);
    error_ = "could not start /usr/bin/python3";
    return;
  }
  // The port line, read as it comes; 60 s allows for a loaded machine.
  std::string line;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (line.find('\n') == std::string::npos) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      error_ = script + " printed no port within 60 s";
      break;
    }
    pollfd fd = {pipe_fds[0], POLLIN, 0};
    if (poll(&fd, 1, static_cast<int>(left.count())) <= 0) continue;
    char buffer[64];
    ssize_t got = read(pipe_fds[0], buffer, sizeof buffer);
    if (got <= 0) {
      error_ = script + " exited before printing its port (see its standard error above)";
      break;
    }
    line.append(buffer, static_cast<size_t>(got));
  }
  close(pipe_fds[0]);  // the sinks print nothing after the port line
  if (error_.empty()) port_ = std::atoi(line.c_str());
  if (error_.empty() && port_ <= 0) error_ = script + " printed \"" + line + "\", not a port";
}

SinkProcess::~SinkProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
}

size_t SinkProcess::CountFiles(const std::string& suffix) const {
  size_t count = 0;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder(), error)) {
    std::string name = entry.path().filename().string();
    if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      ++count;
    }
  }
  return count;
}

bool SinkProcess::WaitForFiles(const std::string& suffix, size_t count, std::chrono::milliseconds timeout) const {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (CountFiles(suffix) < count) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

TestCertificate MakeTestCertificate(const std::string& folder) {
  TestCertificate made;
  if (std::system("command -v openssl > /dev/null 2>&1") != 0) {
    made.error = "the openssl command is not installed (./setup test installs it)";
    return made;
  }
  made.cert_file = folder + "/cert.pem";
  made.key_file = folder + "/key.pem";
  // An EC key: generated at once, unlike RSA, on a slow machine.
  std::string command = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1"
                        " -subj /CN=localhost -addext subjectAltName=IP:127.0.0.1,DNS:localhost"
                        " -keyout '" + made.key_file + "' -out '" + made.cert_file + "' > /dev/null 2>&1";
  if (std::system(command.c_str()) != 0) made.error = "openssl req failed: " + command;
  return made;
}

}  // namespace lantern::testing
