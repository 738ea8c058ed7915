// What the link checker needs of a built site once its files have been
// written: which files exist and, for each HTML page, the ids ("#anchors") it
// has. Kept instead of the pages themselves; pages with the same ids (record
// pages mostly) share one set.
#ifndef LANTERN_ASSEMBLE_BUILT_PAGES_H_
#define LANTERN_ASSEMBLE_BUILT_PAGES_H_

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lantern {

class BuiltPages {
 public:
  BuiltPages() : mutex_(std::make_unique<std::mutex>()) {}

  // Notes the file at `path` with its bytes (read for ids when it is .html).
  // Safe to call from several threads at once.
  // Returns the page's ids (shared with pages that have the same), or null
  // for a file that is not HTML.
  std::shared_ptr<const std::set<std::string>> Add(const std::string& path, std::string_view bytes);
  // The same for an HTML page written in pieces (a streamed list page):
  // CollectIds from each piece as it goes out (an id="…" must not span two),
  // then AddIds with what they found.
  static void CollectIds(std::string_view html, std::set<std::string>* ids);
  std::shared_ptr<const std::set<std::string>> AddIds(const std::string& path, std::set<std::string> ids);
  // Notes an HTML page whose ids are already known (what Add returned for
  // the same bytes): for pages the preview kept from an earlier build.
  void AddPage(const std::string& path, std::shared_ptr<const std::set<std::string>> ids);
  // Notes every file of `other` (another language's edition) at `prefix` +
  // its path, but those `skip` names (the files every language shares, which
  // that edition did not write). Not to be called while `other` is added to.
  void AddEdition(const BuiltPages& other, const std::string& prefix, bool (*skip)(std::string_view path));

  bool Has(const std::string& path) const { return files_.count(path) > 0; }
  // The ids of the HTML page at `path`; empty for other files and absent ones.
  const std::set<std::string>& Anchors(const std::string& path) const;
  // Every path, sorted.
  std::vector<std::string> Paths() const;
  size_t size() const { return files_.size(); }
  size_t html_count() const { return html_count_; }

 private:
  std::unique_ptr<std::mutex> mutex_;
  std::unordered_map<std::string, std::shared_ptr<const std::set<std::string>>> files_;
  std::map<std::string, std::shared_ptr<const std::set<std::string>>> shared_;  // by the ids joined
  size_t html_count_ = 0;
};

}  // namespace lantern

#endif  // LANTERN_ASSEMBLE_BUILT_PAGES_H_
