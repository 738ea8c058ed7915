// The checks made on every request before its body is read or a file is
// served (checklist R3, S3, C1). They guard against weaknesses of Debian's
// cpp-httplib 0.11.4: chunked and compressed bodies, many ranges, long paths.
#ifndef LANTERN_SERVER_GUARDS_H_
#define LANTERN_SERVER_GUARDS_H_

#include <string>
#include <vector>

#include "server/http.h"

namespace lantern {

inline constexpr size_t kMaxPathBytes = 256;
inline constexpr size_t kMaxFormBodyBytes = 32768;
// The library has no header count limit (CVE-2025-52887) and buffers each
// line in full; these caps bound what one request may hold beyond a line.
inline constexpr size_t kMaxHeaderCount = 100;
inline constexpr size_t kMaxHeaderBytes = 16 * 1024;

struct GuardConfig {
  // The exact origins browsers send for our own pages: "https://ai.example.gov.uk"
  // or, in preview, "http://127.0.0.1:8080" (and "http://localhost:8080").
  std::vector<std::string> origins;
};

// 0 when the request may go on; otherwise the status of the error page to
// send: 400, 403, 404, 405, 411, 413, 414, 415, 416, or 431 when the request
// has more than kMaxHeaderCount headers or more than kMaxHeaderBytes of them.
int CheckRequest(const Request& request, const GuardConfig& config);

// The cross-site check alone (C1), for POST: true when it passes.
bool PassesCrossSiteCheck(const Request& request, const GuardConfig& config);

}  // namespace lantern

#endif  // LANTERN_SERVER_GUARDS_H_
