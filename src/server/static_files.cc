#include "server/static_files.h"

#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>

#include "model/addresses.h"
#include "render/html_escape.h"

namespace lantern {
namespace {

// "/records/x/" → "records/x/index.html"; "/" → "index.html".
std::string FileFor(const std::string& path) {
  std::string relative = path.substr(1);
  if (relative.empty() || relative.back() == '/') relative += "index.html";
  return relative;
}

Response FileResponse(const std::string& file, const std::string& etag) {
  Response response;
  response.content_type = ContentTypeFor(file);
  response.headers.push_back({"ETag", etag});
  response.headers.push_back({"Cache-Control", "no-cache"});
  return response;
}

// "/a//b" and "//evil.example": refused, so that no redirect built from a
// path can start with "//" (a protocol-relative, off-site Location).
bool HasEmptySegment(const std::string& path) { return path.find("//") != std::string::npos; }

// `folder` is a request path without an empty segment, so the Location
// starts with exactly one '/'.
Response Redirect(const std::string& folder) {
  const std::string location = folder + "/";
  Response response;
  response.status = 301;
  response.headers.push_back({"Location", location});
  // A relative link ("x/" from "/a/x"), right whatever the site's root path.
  const std::string relative = folder.substr(folder.rfind('/') + 1) + "/";
  response.body = "<!DOCTYPE html><title>Moved</title><a href=\"" + EscapeHtml(relative) + "\">Moved</a>\n";
  return response;
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

// Cheap enough for every file of each rebuild and every decorated preview page.
std::string ContentEtag(std::string_view bytes) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) hash = (hash ^ c) * 0x100000001b3ULL;
  char text[48];
  std::snprintf(text, sizeof text, "\"%zx-%016llx\"", bytes.size(), static_cast<unsigned long long>(hash));
  return text;
}

std::string ContentTypeFor(const std::string& path) {
  // Feed readers and browsers tell a feed by its type (RFC 4287), not by
  // ".xml", which the sitemap and a site's own assets share.
  if (IsFeedPath(path)) return "application/atom+xml";
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

void ApplyConditionalAndRange(const Request& request, Response* response) {
  if (response->status != 200) return;
  const std::string etag = response->Header("ETag");
  if (!etag.empty() && request.Header("If-None-Match") == etag) {
    response->status = 304;
    response->body.clear();
    response->file.reset();
    return;
  }
  response->headers.push_back({"Accept-Ranges", "bytes"});
  const std::string range = request.Header("Range");
  if (range.empty()) return;
  const long long size = response->BodySize();
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
    response->file.reset();
    response->headers.push_back({"Content-Range", "bytes */" + std::to_string(size)});
    return;
  }
  response->status = 206;
  response->headers.push_back(
      {"Content-Range", "bytes " + std::to_string(first) + "-" + std::to_string(last) + "/" + std::to_string(size)});
  if (response->file) {
    response->file->offset += first;
    response->file->length = last - first + 1;
  } else {
    response->body = response->body.substr(static_cast<size_t>(first), static_cast<size_t>(last - first + 1));
  }
}

MemoryStaticSite::MemoryStaticSite(std::shared_ptr<const SharedOutputTree> tree,
                                   std::shared_ptr<const SharedPartsTree> parts)
    : tree_(std::move(tree)), parts_(std::move(parts)) {}

std::optional<Response> MemoryStaticSite::Serve(const std::string& path) const {
  if (path.empty() || path[0] != '/' || HasEmptySegment(path)) return std::nullopt;
  const std::string file = FileFor(path);
  const SharedFile bytes = Find(file);
  if (!bytes) {
    if (path.back() != '/' && tree_->count(file + "/index.html")) return Redirect(path);
    return std::nullopt;
  }
  if (ContentTypeFor(file).empty()) return std::nullopt;
  std::string etag;
  {
    std::lock_guard<std::mutex> lock(etags_mutex_);
    auto [known, added] = etags_.try_emplace(file);
    if (added) known->second = ContentEtag(*bytes);
    etag = known->second;
  }
  Response response = FileResponse(file, etag);
  response.body = *bytes;
  return response;
}

SharedFile MemoryStaticSite::Find(const std::string& file) const {
  if (auto it = tree_->find(file); it != tree_->end()) return it->second;
  if (!parts_) return nullptr;
  auto parted = parts_->find(file);
  if (parted == parts_->end()) return nullptr;
  std::lock_guard<std::mutex> lock(joined_mutex_);
  SharedFile& joined = joined_[file];
  if (!joined) joined = JoinParts(parted->second);
  return joined;
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

std::optional<Response> DiskStaticSite::Serve(const std::string& path) const {
  if (path.empty() || path[0] != '/' || HasEmptySegment(path)) return std::nullopt;
  const std::string file = FileFor(path);
  if (ContentTypeFor(file).empty()) {
    // "/x" may be a folder with an index page.
    struct stat info;
    const std::string folder = real_root_ + "/" + file;
    if (path.back() != '/' && lstat(folder.c_str(), &info) == 0 && S_ISDIR(info.st_mode) &&
        lstat((folder + "/index.html").c_str(), &info) == 0 && S_ISREG(info.st_mode)) {
      return Redirect(path);
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
  auto open_file = std::make_shared<const OpenFile>(fd);  // closes fd on every path below
  if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  const std::string etag = "\"" + std::to_string(info.st_size) + "-" + std::to_string(info.st_mtim.tv_sec) + "." +
                           std::to_string(info.st_mtim.tv_nsec) + "\"";
  Response response = FileResponse(file, etag);
  response.file = FileSlice{std::move(open_file), 0, static_cast<long long>(info.st_size)};
  return response;
}

}  // namespace lantern
