#include "server/guards.h"

#include <strings.h>

#include <algorithm>

namespace lantern {
namespace {

bool IsFormContentType(const std::string& value) {
  // Whole-string comparisons only (C2): no substring search.
  return strcasecmp(value.c_str(), "application/x-www-form-urlencoded") == 0 ||
         strcasecmp(value.c_str(), "application/x-www-form-urlencoded; charset=utf-8") == 0 ||
         strcasecmp(value.c_str(), "application/x-www-form-urlencoded;charset=utf-8") == 0;
}

bool AllDigits(const std::string& text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool HasDotSegment(const std::string& path) {
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '.' && (i == 0 || path[i - 1] == '/')) return true;
  }
  return false;
}

}  // namespace

bool PassesCrossSiteCheck(const Request& request, const GuardConfig& config) {
  if (request.HasHeader("Sec-Fetch-Site")) return request.Header("Sec-Fetch-Site") == "same-origin";
  if (request.HasHeader("Origin")) {
    const std::string origin = request.Header("Origin");
    for (const std::string& allowed : config.origins) {
      if (origin == allowed) return true;
    }
    return false;
  }
  if (request.HasHeader("Referer")) {
    const std::string referer = request.Header("Referer");
    for (const std::string& allowed : config.origins) {
      if (referer.compare(0, allowed.size() + 1, allowed + "/") == 0) return true;
    }
    return false;
  }
  return true;  // not a browser; the form token still applies
}

int CheckRequest(const Request& request, const GuardConfig& config) {
  // What the socket layer counted (it may have dropped some) or what is here, whichever is more.
  size_t header_bytes = 0;
  for (const auto& [name, value] : request.headers) header_bytes += name.size() + value.size();
  if (std::max(request.header_count, request.headers.size()) > kMaxHeaderCount ||
      std::max(request.header_bytes, header_bytes) > kMaxHeaderBytes) {
    return 431;
  }
  if (request.target.size() > kMaxPathBytes || request.path.size() > kMaxPathBytes) return 414;
  if (request.path.find('\0') != std::string::npos || request.path.find('\\') != std::string::npos ||
      request.target.find('\\') != std::string::npos) {
    return 400;
  }
  for (size_t i = 0; i + 2 < request.target.size(); ++i) {
    if (request.target[i] == '%' && request.target[i + 1] == '0' && request.target[i + 2] == '0') return 400;
  }
  if (request.path.empty() || request.path[0] != '/') return 400;
  const bool is_get = request.method == "GET" || request.method == "HEAD";
  if (!is_get && request.method != "POST") return 405;
  if (request.range_count > 1 || (request.HasHeader("Range") && request.Header("Range").find(',') != std::string::npos)) {
    return 416;
  }
  if (HasDotSegment(request.path)) return 404;
  if (is_get) {
    if (request.HasHeader("Transfer-Encoding")) return 400;
    if (request.HasHeader("Content-Length") && request.Header("Content-Length") != "0") return 400;
    return 0;
  }
  if (request.HasHeader("Transfer-Encoding")) return 411;
  if (request.HeaderCount("Content-Length") == 0) return 411;
  if (request.HeaderCount("Content-Length") > 1) return 400;
  const std::string length = request.Header("Content-Length");
  if (!AllDigits(length) || length.size() > 6) return 400;
  if (std::stoul(length) > kMaxFormBodyBytes) return 413;
  if (request.HasHeader("Content-Encoding")) return 415;
  if (request.HeaderCount("Content-Type") != 1 || !IsFormContentType(request.Header("Content-Type"))) return 415;
  if (!PassesCrossSiteCheck(request, config)) return 403;
  return 0;
}

}  // namespace lantern
