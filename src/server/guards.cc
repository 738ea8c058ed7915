#include "server/guards.h"

#include <strings.h>

#include <cctype>
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

bool IsOurOrigin(const std::string& origin, const GuardConfig& config) {
  const std::string normalized = NormalizeOrigin(origin);
  if (normalized.empty()) return false;
  for (const std::string& allowed : config.origins) {
    if (normalized == allowed) return true;
  }
  return false;
}

bool IsIpv4(const std::string& text) {
  int parts = 0;
  size_t start = 0;
  while (true) {
    const size_t dot = text.find('.', start);
    const std::string part = text.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!AllDigits(part) || part.size() > 3 || std::stoi(part) > 255) return false;
    ++parts;
    if (dot == std::string::npos) return parts == 4;
    start = dot + 1;
  }
}

bool IsBracketedIpv6(const std::string& text) {
  if (text.size() < 4 || text.front() != '[' || text.back() != ']') return false;
  return text.find_first_not_of("0123456789abcdefABCDEF:.", 1) == text.size() - 1 &&
         text.find(':') != std::string::npos;
}

}  // namespace

std::string NormalizeOrigin(const std::string& url) {
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return "";
  std::string scheme = url.substr(0, scheme_end);
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme != "http" && scheme != "https") return "";
  const size_t host_start = scheme_end + 3;
  const size_t host_end = url.find_first_of("/?#", host_start);
  std::string authority = url.substr(host_start, host_end == std::string::npos ? std::string::npos : host_end - host_start);
  if (authority.empty() || authority.find('@') != std::string::npos) return "";
  for (char& c : authority) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const size_t colon = authority.rfind(':');
  if (colon != std::string::npos && authority.find(']', colon) == std::string::npos) {
    const std::string port = authority.substr(colon + 1);
    if (port.empty() || (scheme == "https" && port == "443") || (scheme == "http" && port == "80")) {
      authority.erase(colon);
    }
  }
  if (authority.empty()) return "";
  return scheme + "://" + authority;
}

bool PassesHostCheck(const Request& request, const GuardConfig& config) {
  if (config.hosts.empty()) return true;
  if (request.HeaderCount("Host") != 1) return false;
  const std::string host = request.Header("Host");
  for (const std::string& allowed : config.hosts) {
    if (strcasecmp(host.c_str(), allowed.c_str()) == 0) return true;
  }
  if (config.host_port.empty()) return false;
  const std::string suffix = ":" + config.host_port;
  if (host.size() <= suffix.size() || host.compare(host.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return false;
  }
  const std::string address = host.substr(0, host.size() - suffix.size());
  return IsIpv4(address) || IsBracketedIpv6(address);
}

bool PassesCrossSiteCheck(const Request& request, const GuardConfig& config) {
  if (request.HasHeader("Sec-Fetch-Site")) return request.Header("Sec-Fetch-Site") == "same-origin";
  if (request.HasHeader("Origin")) return IsOurOrigin(request.Header("Origin"), config);
  if (request.HasHeader("Referer")) {
    // The origin part must be ours and be followed by the path's '/'.
    const std::string referer = request.Header("Referer");
    const size_t scheme_end = referer.find("://");
    const size_t path = scheme_end == std::string::npos ? std::string::npos : referer.find('/', scheme_end + 3);
    if (path == std::string::npos || referer.find_first_of("?#", scheme_end + 3) < path) return false;
    return IsOurOrigin(referer.substr(0, path), config);
  }
  return true;  // not a browser; the form token still applies
}

int CheckRequest(const Request& request, const GuardConfig& config) {
  // First, so that a request meant for another server learns nothing else.
  if (request.version == "HTTP/1.1" && request.HeaderCount("Host") != 1) return 400;
  if (!PassesHostCheck(request, config)) return 421;
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
