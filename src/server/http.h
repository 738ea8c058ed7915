// Plain HTTP request and response values, so that every handler and guard can
// be tested without sockets. http_server.cc copies httplib's objects into and
// out of these; nothing else sees httplib.
#ifndef LANTERN_SERVER_HTTP_H_
#define LANTERN_SERVER_HTTP_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace lantern {

struct CaseInsensitiveLess {
  bool operator()(const std::string& a, const std::string& b) const;
};

struct Request {
  std::string method;       // GET, HEAD, POST, …
  std::string version;      // "HTTP/1.1" or "HTTP/1.0", as the request line says
  std::string target;       // as sent: "/records/x/?q=1"
  std::string path;         // percent-decoded path, without the query
  std::multimap<std::string, std::string, CaseInsensitiveLess> headers;
  size_t range_count = 0;   // ranges in a Range header, as the library parsed them
  // Every header line as received, and their bytes (names and values); 0 when
  // the Request did not come from a socket. The guards cap both.
  size_t header_count = 0;
  size_t header_bytes = 0;
  std::string remote_addr;  // the socket peer; never a header
  std::string body;         // POST bodies only, at most the guard's limit
  // False when the client went away before sending the whole body its
  // Content-Length announced: such a body is never stored.
  bool body_complete = true;

  // The first value of header `name`, or "".
  std::string Header(const std::string& name) const;
  bool HasHeader(const std::string& name) const { return headers.count(name) > 0; }
  size_t HeaderCount(const std::string& name) const { return headers.count(name); }
};

// An open, read-only file descriptor, closed when the last holder lets go
// (so a streamed file stays readable until its response is sent, whatever
// happens to the path meanwhile).
class OpenFile {
 public:
  explicit OpenFile(int fd) : fd_(fd) {}
  ~OpenFile();
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

// `length` bytes of `file` from `offset`: a response body that is streamed
// from disk in chunks instead of being held in memory.
struct FileSlice {
  std::shared_ptr<const OpenFile> file;
  long long offset = 0;
  long long length = 0;

  // Up to `max` bytes of the slice from `from` (relative to the slice), or a
  // Status when the file cannot be read or ends early (it shrank).
  Result<std::string> Read(long long from, long long max) const;
  // The same into `out`, reusing its capacity: the streaming loop reads every
  // chunk into one buffer instead of allocating one per chunk.
  Status ReadInto(long long from, long long max, std::string* out) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;  // besides the security headers
  std::string body;
  // When set, the body is this slice of an open file and `body` is empty.
  std::optional<FileSlice> file;

  // The number of body bytes: the file slice's length or body.size().
  long long BodySize() const { return file ? file->length : static_cast<long long>(body.size()); }
  // The first value of header `name` (exact case), or "".
  std::string Header(const std::string& name) const;
  // Replaces every value of header `name` with `value`.
  void SetHeader(const std::string& name, const std::string& value);
};

// The headers every response carries (checklist H1).
const std::vector<std::pair<std::string, std::string>>& SecurityHeaders();

}  // namespace lantern

#endif  // LANTERN_SERVER_HTTP_H_
