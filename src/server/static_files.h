// Lantern's own static file handlers (checklist S4), in place of the
// library's mount point: the built site in memory (preview) or a built folder
// on disk (production). Only files with an allowlisted extension are served;
// no dotfiles, no directory listings; "/x/" serves "x/index.html". Paths
// reaching these handlers have already passed CheckRequest (no NUL, backslash
// or dot segments).
//
// Serving is two steps so that validators and ranges always describe the
// bytes actually sent: a StaticSite gives the whole file with its ETag; the
// caller may change the body (the preview adds its reload script and error
// banner, then sets a new ETag), and only then applies If-None-Match and
// Range with ApplyConditionalAndRange.
#ifndef LANTERN_SERVER_STATIC_FILES_H_
#define LANTERN_SERVER_STATIC_FILES_H_

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "assemble/output_tree.h"
#include "server/http.h"

namespace lantern {

// The Content-Type for an allowlisted extension, or "" when the file must not
// be served. `path` is below the site's root ("records/x/feed.xml"): the
// site's Atom feeds (model/addresses.h, IsFeedPath) are application/atom+xml,
// any other .xml application/xml.
std::string ContentTypeFor(const std::string& path);

// A strong ETag for `bytes` (quoted): their length and 64-bit FNV-1a hash.
// Not cryptographic: it only has to change when the bytes change.
std::string ContentEtag(std::string_view bytes);

// Turns a complete 200 response (string or file body, "ETag" header set)
// into what `request` asks for: 304 when If-None-Match is the ETag; 206 with
// one byte range of the body (a file body becomes a smaller slice, nothing is
// read) and its Content-Range; 416 with "Content-Range: bytes */size" and no
// body when the range is malformed or unsatisfiable; otherwise unchanged but
// for Accept-Ranges. Responses that are not 200 are left alone.
void ApplyConditionalAndRange(const Request& request, Response* response);

class StaticSite {
 public:
  virtual ~StaticSite() = default;
  // For `path` (already stripped of the site's root path, starting with
  // '/'): the whole file as a 200 with ETag and Cache-Control; or a 301 from
  // a folder's "/x" to "/x/" (Location relative to the site root, always one
  // leading '/', never "//"); or nullopt when there is nothing to serve,
  // including every path with an empty segment ("//x", "/a//b").
  virtual std::optional<Response> Serve(const std::string& path) const = 0;
};

class MemoryStaticSite : public StaticSite {
 public:
  // `parts`, when given, holds files as their parts (the preview's
  // records.json and records.csv): each is joined the first time it is
  // served, and kept joined for the requests after.
  explicit MemoryStaticSite(std::shared_ptr<const SharedOutputTree> tree,
                            std::shared_ptr<const SharedPartsTree> parts = nullptr);
  std::optional<Response> Serve(const std::string& path) const override;

 private:
  // The file's bytes, joined from its parts if need be; null when there is none.
  SharedFile Find(const std::string& file) const;

  std::shared_ptr<const SharedOutputTree> tree_;
  std::shared_ptr<const SharedPartsTree> parts_;
  mutable std::mutex joined_mutex_;
  mutable std::map<std::string, SharedFile> joined_;
  // Computed the first time each file is served, not when the tree is built:
  // the preview swaps in a new tree on every edit and serves few of its files.
  mutable std::mutex etags_mutex_;
  mutable std::map<std::string, std::string> etags_;
};

class DiskStaticSite : public StaticSite {
 public:
  // `root` must exist; it is resolved with realpath() once.
  static std::unique_ptr<DiskStaticSite> Open(const std::string& root, std::string* error);
  // Files are not read: the 200 carries the open file (Response::file) for
  // the server to stream, so memory does not grow with the file's size. The
  // ETag is the size and modification time.
  std::optional<Response> Serve(const std::string& path) const override;

 private:
  explicit DiskStaticSite(std::string real_root) : real_root_(std::move(real_root)) {}
  std::string real_root_;
};

}  // namespace lantern

#endif  // LANTERN_SERVER_STATIC_FILES_H_
