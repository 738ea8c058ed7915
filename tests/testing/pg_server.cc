#include "testing/pg_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace lantern::testing {
namespace {

constexpr const char* kBin = "/usr/lib/postgresql/15/bin";

std::string Quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The server refuses to run as root: as root, its commands run as nobody.
std::string AsServerUser(const std::string& command) {
  return geteuid() == 0 ? "runuser -u nobody -- " + command : command;
}

struct Output {
  int exit_code = -1;
  std::string text;
};

Output Shell(const std::string& command) {
  Output out;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.text.append(buffer, n);
  const int status = pclose(pipe);
  out.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

// A port nothing listens on now (the kernel's choice); the server may still
// lose it to another process before it binds, so Start retries.
int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  close(fd);
  return port;
}

}  // namespace

PgServer& PgServer::Shared() {
  static PgServer* server = [] {
    auto* made = new PgServer();
    try {
      made->Start();
    } catch (...) {
      delete made;
      throw;
    }
    // Stopped at exit (a static's destructor would run in forked children too).
    static const pid_t owner = getpid();
    std::atexit([] {
      if (getpid() == owner) delete server;
    });
    return made;
  }();
  return *server;
}

void PgServer::Start() {
  if (!std::filesystem::exists(std::string(kBin) + "/initdb") ||
      !std::filesystem::exists(std::string(kBin) + "/pg_ctl")) {
    throw std::runtime_error(std::string("PostgreSQL 15 is not installed (no initdb/pg_ctl in ") + kBin +
                             "): install the postgresql package (./setup --test does) to run the PostgreSQL "
                             "store's tests");
  }
  char templ[] = "/tmp/lantern-pg-XXXXXX";
  if (!mkdtemp(templ)) throw std::runtime_error("cannot create a folder for PostgreSQL");
  folder_ = templ;
  std::filesystem::create_directory(folder_ + "/sock");
  if (geteuid() == 0) {
    const Output chown = Shell("chown -R nobody " + Quote(folder_));
    if (chown.exit_code != 0) throw std::runtime_error("cannot give " + folder_ + " to nobody: " + chown.text);
  }
  // -N: the cluster's files need not be synced to build it; the server runs with fsync on.
  const Output initdb = Shell(AsServerUser(std::string(kBin) + "/initdb -N -D " + Quote(folder_ + "/data") +
                                           " --auth=trust --username=postgres --encoding=UTF8 --locale=C"));
  if (initdb.exit_code != 0) throw std::runtime_error("initdb failed:\n" + initdb.text);
  std::string last;
  for (int attempt = 0; attempt < 5; ++attempt) {
    port_ = FreePort();
    const std::string options = "-c listen_addresses=127.0.0.1 -c port=" + std::to_string(port_) + " -k " +
                                folder_ + "/sock -c fsync=on -c max_connections=200";
    // -w waits until the server accepts connections (pg_ctl polls; no fixed sleep), up to -t seconds.
    const Output start = Shell(AsServerUser(std::string(kBin) + "/pg_ctl -w -t 120 -D " + Quote(folder_ + "/data") +
                                            " -l " + Quote(folder_ + "/log") + " -o " + Quote(options) + " start"));
    if (start.exit_code == 0) {
      running_ = true;
      return;
    }
    last = start.text + "\n" + Shell("cat " + Quote(folder_ + "/log")).text;  // a port clash: try another
  }
  throw std::runtime_error("cannot start PostgreSQL:\n" + last);
}

PgServer::~PgServer() {
  if (running_) {
    Shell(AsServerUser(std::string(kBin) + "/pg_ctl -w -D " + Quote(folder_ + "/data") + " -m fast stop"));
  }
  if (!folder_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }
}

std::string PgServer::Uri(const std::string& database) const {
  return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + database;
}

std::string PgServer::DatabaseOf(const std::string& uri) { return uri.substr(uri.rfind('/') + 1); }

std::string PgServer::NewDatabase() {
  static std::atomic<int> counter{0};
  const std::string name = "lantern_test_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
  const Output made = Shell(std::string(kBin) + "/createdb -h 127.0.0.1 -p " + std::to_string(port_) +
                            " -U postgres " + Quote(name));
  if (made.exit_code != 0) throw std::runtime_error("createdb " + name + " failed: " + made.text);
  return Uri(name);
}

void PgServer::Psql(const std::string& database, const std::string& sql) const {
  const Output run = Shell(std::string(kBin) + "/psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p " +
                           std::to_string(port_) + " -U postgres -d " + Quote(database) + " -c " + Quote(sql));
  if (run.exit_code != 0) throw std::runtime_error("psql failed: " + run.text);
}

}  // namespace lantern::testing
