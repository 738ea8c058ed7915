// Limits that keep one client from exhausting the server: header count and
// size (431), and live-reload event streams that can neither take every
// worker nor live forever.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>
#include <vector>

#include "server/live_server.h"

namespace lantern {
namespace {
using testing::LiveServer;
using testing::RawResponse;

TEST(HeaderLimitsTest, GuardsCountHeadersAndTheirBytes) {
  GuardConfig config;
  Request r;
  r.method = "GET";
  r.target = r.path = "/";
  EXPECT_EQ(0, CheckRequest(r, config));
  r.header_count = kMaxHeaderCount;
  EXPECT_EQ(0, CheckRequest(r, config));
  r.header_count = kMaxHeaderCount + 1;
  EXPECT_EQ(431, CheckRequest(r, config));
  r.header_count = 1;
  r.header_bytes = kMaxHeaderBytes + 1;
  EXPECT_EQ(431, CheckRequest(r, config));
  // Headers present but not counted by a socket layer are counted too.
  Request built;
  built.method = "GET";
  built.target = built.path = "/";
  built.headers.emplace("X-Big", std::string(kMaxHeaderBytes, 'a'));
  EXPECT_EQ(431, CheckRequest(built, config));
}

std::string Headers(int count, size_t value_bytes, const std::string& value_char = "v") {
  std::string out;
  for (int i = 0; i < count; ++i) {
    std::string value;
    while (value.size() < value_bytes) value += value_char;
    out += "X-Extra-" + std::to_string(i) + ": " + value.substr(0, value_bytes) + "\r\n";
  }
  return out;
}

TEST(HeaderLimitsTest, TooManyOrTooLargeHeadersAre431WithAnErrorPageThatEchoesNothing) {
  LiveServer s;
  // Host is the hundredth header: accepted.
  EXPECT_EQ(200, s.Get("/", Headers(99, 10)).status);
  RawResponse many = s.Get("/", Headers(100, 10, "zq"));
  EXPECT_EQ(431, many.status);
  EXPECT_NE(std::string::npos, many.body.find("Sorry, there is a problem"));
  EXPECT_NE(std::string::npos, many.body.find("more information with the request"));
  EXPECT_EQ(std::string::npos, many.raw.find("zq"));
  EXPECT_EQ(std::string::npos, many.raw.find("X-Extra"));
  // Copies of the names the library fills in from the socket count too.
  EXPECT_EQ(431, s.Get("/", Headers(98, 10) + "REMOTE_ADDR: 203.0.113.9\r\nREMOTE_PORT: 1\r\n").status);
  // Size: each line under the library's 8 KB line limit, 18 KB in all.
  EXPECT_EQ(200, s.Get("/", Headers(2, 6000)).status);
  RawResponse large = s.Get("/", Headers(3, 6000, "zq"));
  EXPECT_EQ(431, large.status);
  EXPECT_EQ(std::string::npos, large.raw.find("zq"));
  // POSTs are refused before any body is read.
  EXPECT_EQ(431, s.PostForm("message=hi", Headers(101, 4)).status);
  EXPECT_EQ(0u, s.fixture().Rows().size());
}

// Reads from `fd` until `text` has arrived or the socket's timeout passes.
bool ReadUntil(int fd, const std::string& text, std::string* seen) {
  char buffer[4096];
  while (seen->find(text) == std::string::npos) {
    const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    seen->append(buffer, static_cast<size_t>(n));
  }
  return true;
}

int OpenEventStream(int port, std::string* seen) {
  const int fd = testing::HttpOpen(port, "GET /__lantern/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 20);
  if (fd < 0) return -1;
  if (!ReadUntil(fd, "\r\n\r\n", seen)) {
    close(fd);
    return -1;
  }
  return fd;
}

TEST(EventStreamTest, StreamsBeyondTheCapAre503AndOrdinaryRequestsAreStillAnswered) {
  EventStreamLimits limits;
  limits.max_open = 8;
  limits.keep_alive = std::chrono::milliseconds(100);  // a closed tab is noticed quickly
  LiveServer s(RateLimiter::Limits(), /*live_reload=*/true, limits);
  std::vector<int> open;
  for (int i = 0; i < 8; ++i) {
    std::string seen;
    const int fd = OpenEventStream(s.port(), &seen);
    ASSERT_GE(fd, 0);
    ASSERT_NE(std::string::npos, seen.find(" 200 ")) << seen;
    ASSERT_TRUE(ReadUntil(fd, "data: ", &seen)) << seen;  // the stream holds a worker now
    open.push_back(fd);
  }
  // 30 more than the cap: with the 8 open, more than the 32 workers.
  for (int i = 0; i < 30; ++i) {
    RawResponse refused = s.Get("/__lantern/events");
    ASSERT_EQ(503, refused.status) << refused.head;
    EXPECT_EQ("5", refused.Header("Retry-After"));
    EXPECT_NE(std::string::npos, refused.body.find("busy"));
  }
  RawResponse page = testing::HttpExchange(s.port(), "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 20);
  EXPECT_EQ(200, page.status);
  EXPECT_NE(std::string::npos, page.body.find("</html>"));

  // A closed tab gives its place back: a new stream is accepted soon after.
  close(open.back());
  open.pop_back();
  bool accepted = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!accepted && std::chrono::steady_clock::now() < deadline) {
    std::string seen;
    const int fd = OpenEventStream(s.port(), &seen);
    if (fd >= 0 && seen.find(" 200 ") != std::string::npos) {
      accepted = true;
      open.push_back(fd);
    } else {
      if (fd >= 0) close(fd);
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  EXPECT_TRUE(accepted);
  for (int fd : open) close(fd);
}

TEST(EventStreamTest, StreamsEndAfterTheirLifetimeSoTheBrowserReconnects) {
  EventStreamLimits limits;
  limits.max_open = 1;
  limits.lifetime = std::chrono::milliseconds(300);
  limits.keep_alive = std::chrono::milliseconds(100);
  LiveServer s(RateLimiter::Limits(), /*live_reload=*/true, limits);
  std::string seen;
  const int fd = OpenEventStream(s.port(), &seen);
  ASSERT_GE(fd, 0);
  // Read to the end: the server finishes the chunked stream and closes the connection.
  char buffer[4096];
  for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) seen.append(buffer, static_cast<size_t>(n));
  close(fd);
  EXPECT_NE(std::string::npos, seen.find("retry: 2000\n"));
  EXPECT_NE(std::string::npos, seen.find("data: "));
  ASSERT_GE(seen.size(), 5u);
  EXPECT_EQ("0\r\n\r\n", seen.substr(seen.size() - 5)) << seen;  // a complete stream, not a cut connection
  // Its one place is free again: the stream gave it back before the connection closed.
  std::string again;
  const int next = OpenEventStream(s.port(), &again);
  ASSERT_GE(next, 0);
  EXPECT_NE(std::string::npos, again.find(" 200 "));
  close(next);
}

}  // namespace
}  // namespace lantern
