#include "server/http.h"

#include <strings.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace lantern {

bool CaseInsensitiveLess::operator()(const std::string& a, const std::string& b) const {
  return strcasecmp(a.c_str(), b.c_str()) < 0;
}

std::string Request::Header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

OpenFile::~OpenFile() {
  if (fd_ >= 0) close(fd_);
}

Result<std::string> FileSlice::Read(long long from, long long max) const {
  std::string out;
  if (Status s = ReadInto(from, max, &out); !s.ok()) return s;
  return out;
}

Status FileSlice::ReadInto(long long from, long long max, std::string* out) const {
  const long long want = std::max(0LL, std::min(max, length - from));
  out->resize(static_cast<size_t>(want));
  size_t filled = 0;
  while (filled < out->size()) {
    // pread, not read: one descriptor may serve a HEAD and a GET, and the
    // offset must not depend on what was read before.
    const ssize_t n = pread(file->fd(), out->data() + filled, out->size() - filled,
                            static_cast<off_t>(offset + from + static_cast<long long>(filled)));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::Error(std::string("cannot read a served file: ") + std::strerror(errno));
    if (n == 0) return Status::Error("a served file became shorter while it was sent");
    filled += static_cast<size_t>(n);
  }
  return Status::Ok();
}

std::string Response::Header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return "";
}

void Response::SetHeader(const std::string& name, const std::string& value) {
  headers.erase(std::remove_if(headers.begin(), headers.end(), [&](const auto& h) { return h.first == name; }),
                headers.end());
  headers.push_back({name, value});
}

const std::vector<std::pair<std::string, std::string>>& SecurityHeaders() {
  static const std::vector<std::pair<std::string, std::string>> headers = {
      {"Content-Security-Policy",
       "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "same-origin"},
      {"Permissions-Policy", "geolocation=(), camera=(), microphone=()"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
      {"X-Frame-Options", "DENY"},
  };
  return headers;
}

}  // namespace lantern
