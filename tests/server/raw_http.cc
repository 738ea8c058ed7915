#include "server/raw_http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdlib>

namespace lantern::testing {

int RawResponse::HeaderCount(const std::string& name) const {
  int count = 0;
  const std::string needle = "\r\n" + name + ":";
  for (size_t at = head.find(needle); at != std::string::npos; at = head.find(needle, at + 1)) ++count;
  return count;
}

std::string RawResponse::Header(const std::string& name) const {
  const std::string needle = "\r\n" + name + ": ";
  const size_t at = head.find(needle);
  if (at == std::string::npos) return "";
  const size_t start = at + needle.size();
  return head.substr(start, head.find("\r\n", start) - start);
}

int HttpOpen(int port, const std::string& bytes, int timeout_seconds) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  timeval timeout{timeout_seconds, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  for (size_t sent = 0; sent < bytes.size();) {
    const ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may refuse before reading everything
    sent += static_cast<size_t>(n);
  }
  return fd;
}

RawResponse HttpExchange(int port, const std::string& bytes, int timeout_seconds) {
  RawResponse response;
  const int fd = HttpOpen(port, bytes, timeout_seconds);
  if (fd < 0) return response;
  char buffer[65536];
  for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) response.raw.append(buffer, n);
  close(fd);
  const size_t end = response.raw.find("\r\n\r\n");
  response.head = response.raw.substr(0, end == std::string::npos ? response.raw.size() : end + 2);
  if (end != std::string::npos) response.body = response.raw.substr(end + 4);
  if (response.raw.size() > 12 && response.raw.compare(0, 5, "HTTP/") == 0) {
    response.status = std::atoi(response.raw.substr(9, 3).c_str());
  }
  return response;
}

}  // namespace lantern::testing
