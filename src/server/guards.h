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

struct GuardConfig {
  // Our own origins, as NormalizeOrigin gives them: "https://ai.example.gov.uk"
  // or, in preview, "http://127.0.0.1:8080" (and "http://localhost:8080").
  std::vector<std::string> origins;
};

// The origin of an http or https URL as browsers send it in Origin: scheme and
// host in lower case, the default port (80, 443) left out, no path:
// "HTTPS://AI.Example.gov.uk:443/ai/" gives "https://ai.example.gov.uk".
// Empty when `url` is not an http(s) URL with a host.
std::string NormalizeOrigin(const std::string& url);

// 0 when the request may go on; otherwise the status of the error page to
// send: 400, 403, 404, 405, 411, 413, 414, 415 or 416.
int CheckRequest(const Request& request, const GuardConfig& config);

// The cross-site check alone (C1), for POST: true when it passes.
bool PassesCrossSiteCheck(const Request& request, const GuardConfig& config);

}  // namespace lantern

#endif  // LANTERN_SERVER_GUARDS_H_
