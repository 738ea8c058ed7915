// The checks made on every request before its body is read or a file is
// served (checklist R3, S3, C1). They guard against weaknesses of Debian's
// cpp-httplib 0.11.4: chunked and compressed bodies, many ranges, long paths.
#ifndef LANTERN_SERVER_GUARDS_H_
#define LANTERN_SERVER_GUARDS_H_

#include <string>
#include <vector>

#include "server/feedback_form.h"
#include "server/http.h"

namespace lantern {

inline constexpr size_t kMaxPathBytes = 256;
// The library has no header count limit (CVE-2025-52887) and buffers each
// line in full; these caps bound what one request may hold beyond a line.
inline constexpr size_t kMaxHeaderCount = 100;
inline constexpr size_t kMaxHeaderBytes = 16 * 1024;

struct GuardConfig {
  // Our own origins, as NormalizeOrigin gives them: "https://ai.example.gov.uk"
  // or, in preview, "http://127.0.0.1:8080" (and "http://localhost:8080").
  std::vector<std::string> origins;
  // Preview only, against DNS rebinding (a page on evil.example whose name is
  // made to point at 127.0.0.1 would otherwise read the preview): the Host
  // values answered, e.g. "127.0.0.1:8080", "localhost:8080", "[::1]:8080",
  // compared without case. Any IP address followed by ":" + host_port is
  // answered too: rebinding needs a name, and an address lets a preview bound
  // to 0.0.0.0 be opened from another machine. Empty (production): any Host,
  // since the proxy has already chosen the server by name.
  std::vector<std::string> hosts;
  std::string host_port;
};

// The origin of an http or https URL as browsers send it in Origin: scheme and
// host in lower case, the default port (80, 443) left out, no path:
// "HTTPS://AI.Example.gov.uk:443/ai/" gives "https://ai.example.gov.uk".
// Empty when `url` is not an http(s) URL with a host.
std::string NormalizeOrigin(const std::string& url);

// 0 when the request may go on; otherwise the status of the error page to
// send: 400, 403, 404, 405, 411, 413, 414, 415, 416, or 431 when the request
// has more than kMaxHeaderCount headers or more than kMaxHeaderBytes of them.
int CheckRequest(const Request& request, const GuardConfig& config);

// The Host check alone: true when `config` allows the request's Host.
bool PassesHostCheck(const Request& request, const GuardConfig& config);

// The cross-site check alone (C1), for POST: true when it passes.
bool PassesCrossSiteCheck(const Request& request, const GuardConfig& config);

}  // namespace lantern

#endif  // LANTERN_SERVER_GUARDS_H_
