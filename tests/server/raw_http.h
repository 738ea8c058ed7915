// A raw HTTP/1.1 exchange over a fresh TCP connection to 127.0.0.1, so tests
// can send exactly the bytes an attacker would.
#ifndef LANTERN_TESTS_SERVER_RAW_HTTP_H_
#define LANTERN_TESTS_SERVER_RAW_HTTP_H_

#include <string>

namespace lantern::testing {

struct RawResponse {
  int status = 0;  // 0 when the connection failed or nothing came back
  std::string head, body, raw;
  int HeaderCount(const std::string& name) const;
  std::string Header(const std::string& name) const;
};

// Sends `bytes` and reads until the server closes the connection (or
// `timeout_seconds` pass without data).
RawResponse HttpExchange(int port, const std::string& bytes, int timeout_seconds = 10);

// Opens a connection, sends `bytes`, and returns the socket for the caller to
// read from (event streams); -1 on failure.
int HttpOpen(int port, const std::string& bytes, int timeout_seconds);

}  // namespace lantern::testing

#endif  // LANTERN_TESTS_SERVER_RAW_HTTP_H_
