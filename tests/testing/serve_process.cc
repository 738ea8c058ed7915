#include "testing/serve_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

namespace lantern::testing {

ServeProcess::ServeProcess(const std::vector<std::string>& arguments, const std::string& directory,
                           const std::vector<std::string>& environment) {
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) return;
  pid_ = fork();
  if (pid_ == 0) {
    if (!directory.empty() && chdir(directory.c_str()) != 0) _exit(126);
    for (const std::string& variable : environment) putenv(const_cast<char*>(variable.c_str()));
    dup2(out[1], 1);
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, 2);
    std::vector<char*> argv = {const_cast<char*>(LANTERN_BINARY), const_cast<char*>("serve")};
    for (const std::string& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(LANTERN_BINARY, argv.data());
    _exit(127);
  }
  close(out[1]);
  out_ = out[0];
  // "Serving … at http://127.0.0.1:PORT/"
  const std::string line = ReadLine();
  const size_t at = line.find("http://127.0.0.1:");
  if (at != std::string::npos) port_ = std::atoi(line.c_str() + at + 17);
}

ServeProcess::~ServeProcess() {
  if (pid_ > 0 && !waited_) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  if (out_ >= 0) close(out_);
}

std::string ServeProcess::ReadLine() {
  std::string line;
  char c;
  while (read(out_, &c, 1) == 1 && c != '\n') line += c;
  return line;
}

std::string ServeProcess::ReadAll() {
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = read(out_, buffer, sizeof buffer)) > 0;) text.append(buffer, n);
  return text;
}

int ServeProcess::Signal(int signal) {
  kill(pid_, signal);
  int status = 0;
  waitpid(pid_, &status, 0);
  waited_ = true;
  return status;
}

}  // namespace lantern::testing
