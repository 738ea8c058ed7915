// Plain HTTP request and response values, so that every handler and guard can
// be tested without sockets. http_server.cc copies httplib's objects into and
// out of these; nothing else sees httplib.
#ifndef LANTERN_SERVER_HTTP_H_
#define LANTERN_SERVER_HTTP_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;  // besides the security headers
  std::string body;
};

// The headers every response carries (checklist H1).
const std::vector<std::pair<std::string, std::string>>& SecurityHeaders();

}  // namespace lantern

#endif  // LANTERN_SERVER_HTTP_H_
