// A throwaway PostgreSQL 15 server for the tests of the PostgreSQL feedback
// store: started once per test process from /usr/lib/postgresql/15/bin in a
// fresh temporary folder, listening on 127.0.0.1 on a free port with trust
// authentication, stopped and removed when the process exits. Each test asks
// for its own database, so tests stay independent under ctest -j.
#ifndef LANTERN_TESTS_TESTING_PG_SERVER_H_
#define LANTERN_TESTS_TESTING_PG_SERVER_H_

#include <string>

namespace lantern::testing {

class PgServer {
 public:
  // The process's server, started on the first call (initdb, then pg_ctl
  // start -w, which returns once the server accepts connections). Throws
  // std::runtime_error with the reason (binaries missing: install the
  // postgresql package; initdb or start failed: its output) so the calling
  // test fails loudly rather than skipping.
  static PgServer& Shared();
  ~PgServer();
  PgServer(const PgServer&) = delete;
  PgServer& operator=(const PgServer&) = delete;

  // Creates a database with a name no other test uses and returns its URI
  // (postgresql://postgres@127.0.0.1:PORT/NAME). Throws on failure.
  std::string NewDatabase();
  // The URI of `database` (which need not exist).
  std::string Uri(const std::string& database) const;
  // The database name of a URI made by NewDatabase.
  static std::string DatabaseOf(const std::string& uri);
  // Runs `sql` in `database` with psql as the superuser; throws on failure.
  void Psql(const std::string& database, const std::string& sql) const;
  int port() const { return port_; }

 private:
  PgServer() = default;
  void Start();

  std::string folder_;
  int port_ = 0;
  bool running_ = false;
};

}  // namespace lantern::testing

#endif  // LANTERN_TESTS_TESTING_PG_SERVER_H_
