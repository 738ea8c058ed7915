// Lantern's own static file handlers (checklist S4), in place of the
// library's mount point: the built site in memory (preview) or a built folder
// on disk (production). Only files with an allowlisted extension are served;
// no dotfiles, no directory listings; "/x/" serves "x/index.html"; ETag and
// If-None-Match; at most one byte range. Paths reaching these handlers have
// already passed CheckRequest (no NUL, backslash or dot segments).
#ifndef LANTERN_SERVER_STATIC_FILES_H_
#define LANTERN_SERVER_STATIC_FILES_H_

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "assemble/output_tree.h"
#include "server/http.h"

namespace lantern {

// The Content-Type for an allowlisted extension, or "" when the file must not be served.
std::string ContentTypeFor(const std::string& path);

// Applies a Range header and If-None-Match to a complete 200 response.
void ApplyConditionalAndRange(const Request& request, const std::string& etag, Response* response);

class StaticSite {
 public:
  virtual ~StaticSite() = default;
  // The file for `path` (already stripped of the site's root path, starting
  // with '/'), or nullopt when there is none to serve.
  virtual std::optional<Response> Serve(const Request& request, const std::string& path) const = 0;
};

class MemoryStaticSite : public StaticSite {
 public:
  explicit MemoryStaticSite(std::shared_ptr<const OutputTree> tree);
  std::optional<Response> Serve(const Request& request, const std::string& path) const override;

 private:
  std::shared_ptr<const OutputTree> tree_;
  std::map<std::string, std::string> etags_;
};

class DiskStaticSite : public StaticSite {
 public:
  // `root` must exist; it is resolved with realpath() once.
  static std::unique_ptr<DiskStaticSite> Open(const std::string& root, std::string* error);
  std::optional<Response> Serve(const Request& request, const std::string& path) const override;

 private:
  explicit DiskStaticSite(std::string real_root) : real_root_(std::move(real_root)) {}
  std::string real_root_;
};

}  // namespace lantern

#endif  // LANTERN_SERVER_STATIC_FILES_H_
