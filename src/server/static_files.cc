#include "server/static_files.h"

#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>

namespace lantern {
namespace {

constexpr long long kMaxFileBytes = 64LL * 1024 * 1024;

// "/records/x/" → "records/x/index.html"; "/" → "index.html".
std::string FileFor(const std::string& path) {
  std::string relative = path.substr(1);
  if (relative.empty() || relative.back() == '/') relative += "index.html";
  return relative;
}

Response FileResponse(const Request& request, const std::string& path, std::string body, const std::string& etag) {
  Response response;
  response.content_type = ContentTypeFor(path);
  response.body = std::move(body);
  response.headers.push_back({"ETag", etag});
  response.headers.push_back({"Cache-Control", "no-cache"});
  ApplyConditionalAndRange(request, etag, &response);
  return response;
}

Response Redirect(const std::string& location) {
  Response response;
  response.status = 301;
  response.headers.push_back({"Location", location});
  response.body = "<!DOCTYPE html><title>Moved</title><a href=\"" + location + "\">Moved</a>\n";
  return response;
}

// A validator, not a secret: 64-bit FNV-1a of the bytes, with their length.
// Cheap enough to compute for every file of a rebuilt site; a collision
// would only make a browser keep a stale copy until its next reload.
std::string ContentEtag(std::string_view bytes) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) hash = (hash ^ c) * 0x100000001b3ULL;
  char text[48];
  std::snprintf(text, sizeof text, "\"%zx-%016llx\"", bytes.size(), static_cast<unsigned long long>(hash));
  return text;
}

bool ParseNumber(const std::string& text, long long* out) {
  if (text.empty() || text.size() > 15) return false;
  *out = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    *out = *out * 10 + (c - '0');
  }
  return true;
}

}  // namespace

std::string ContentTypeFor(const std::string& path) {
  static const std::map<std::string, std::string> kTypes = {
      {"html", "text/html; charset=utf-8"}, {"css", "text/css; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"}, {"json", "application/json"},
      {"txt", "text/plain; charset=utf-8"}, {"xml", "application/xml"},
      {"svg", "image/svg+xml"}, {"png", "image/png"}, {"jpg", "image/jpeg"}, {"jpeg", "image/jpeg"},
      {"gif", "image/gif"}, {"webp", "image/webp"}, {"ico", "image/x-icon"}, {"woff2", "font/woff2"},
      {"woff", "font/woff"}, {"pdf", "application/pdf"}, {"webmanifest", "application/manifest+json"},
      {"csv", "text/csv; charset=utf-8"}};
  const size_t slash = path.rfind('/');
  const size_t dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  auto it = kTypes.find(path.substr(dot + 1));
  return it == kTypes.end() ? "" : it->second;
}

void ApplyConditionalAndRange(const Request& request, const std::string& etag, Response* response) {
  if (request.Header("If-None-Match") == etag) {
    response->status = 304;
    response->body.clear();
    return;
  }
  response->headers.push_back({"Accept-Ranges", "bytes"});
  const std::string range = request.Header("Range");
  if (range.empty()) return;
  const long long size = static_cast<long long>(response->body.size());
  long long first = 0, last = size - 1;
  bool valid = range.rfind("bytes=", 0) == 0;
  const std::string spec = valid ? range.substr(6) : "";
  const size_t dash = spec.find('-');
  if (dash == std::string::npos) valid = false;
  if (valid) {
    const std::string a = spec.substr(0, dash), b = spec.substr(dash + 1);
    if (a.empty()) {  // the last b bytes
      long long n = 0;
      valid = ParseNumber(b, &n) && n > 0;
      first = std::max(0LL, size - n);
    } else {
      valid = ParseNumber(a, &first) && (b.empty() || ParseNumber(b, &last));
      last = std::min(last, size - 1);
    }
  }
  if (!valid || first > last || first >= size) {
    response->status = 416;
    response->body.clear();
    response->headers.push_back({"Content-Range", "bytes */" + std::to_string(size)});
    return;
  }
  response->status = 206;
  response->headers.push_back(
      {"Content-Range", "bytes " + std::to_string(first) + "-" + std::to_string(last) + "/" + std::to_string(size)});
  response->body = response->body.substr(first, last - first + 1);
}

MemoryStaticSite::MemoryStaticSite(std::shared_ptr<const OutputTree> tree) : tree_(std::move(tree)) {
  for (const auto& [path, bytes] : *tree_) etags_[path] = ContentEtag(bytes);
}

std::optional<Response> MemoryStaticSite::Serve(const Request& request, const std::string& path) const {
  const std::string file = FileFor(path);
  auto it = tree_->find(file);
  if (it == tree_->end()) {
    if (path.back() != '/' && tree_->count(file + "/index.html")) return Redirect(path + "/");
    return std::nullopt;
  }
  if (ContentTypeFor(file).empty()) return std::nullopt;
  return FileResponse(request, file, it->second, etags_.at(file));
}

std::unique_ptr<DiskStaticSite> DiskStaticSite::Open(const std::string& root, std::string* error) {
  char resolved[PATH_MAX];
  struct stat info;
  if (!realpath(root.c_str(), resolved) || stat(resolved, &info) != 0 || !S_ISDIR(info.st_mode)) {
    *error = "cannot serve " + root + ": not a folder";
    return nullptr;
  }
  return std::unique_ptr<DiskStaticSite>(new DiskStaticSite(resolved));
}

std::optional<Response> DiskStaticSite::Serve(const Request& request, const std::string& path) const {
  std::string file = FileFor(path);
  if (ContentTypeFor(file).empty()) {
    // "/x" may be a folder with an index page.
    struct stat info;
    const std::string folder = real_root_ + "/" + file;
    if (path.back() != '/' && lstat(folder.c_str(), &info) == 0 && S_ISDIR(info.st_mode) &&
        lstat((folder + "/index.html").c_str(), &info) == 0 && S_ISREG(info.st_mode)) {
      return Redirect(path + "/");
    }
    return std::nullopt;
  }
  char resolved[PATH_MAX];
  const std::string joined = real_root_ + "/" + file;
  if (!realpath(joined.c_str(), resolved)) return std::nullopt;
  const std::string real = resolved;
  // The prefix includes the slash so that /srv/site-old cannot pass for /srv/site.
  if (real.compare(0, real_root_.size() + 1, real_root_ + "/") != 0) return std::nullopt;
  if (real != joined) return std::nullopt;  // a symlink somewhere on the way
  const int fd = open(real.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat info;
  if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_size > kMaxFileBytes) {
    close(fd);
    return std::nullopt;
  }
  std::string body(static_cast<size_t>(info.st_size), '\0');
  size_t filled = 0;
  while (filled < body.size()) {
    const ssize_t n = read(fd, body.data() + filled, body.size() - filled);
    if (n <= 0) break;
    filled += static_cast<size_t>(n);
  }
  close(fd);
  body.resize(filled);
  const std::string etag = "\"" + std::to_string(info.st_size) + "-" + std::to_string(info.st_mtim.tv_sec) + "." +
                           std::to_string(info.st_mtim.tv_nsec) + "\"";
  return FileResponse(request, file, std::move(body), etag);
}

}  // namespace lantern
