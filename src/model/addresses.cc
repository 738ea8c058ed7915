#include "model/addresses.h"

#include <algorithm>

namespace lantern {

std::string RecordPath(std::string_view id) { return std::string(kRecordsPath).append(id).append("/"); }
std::string RecordJsonPath(std::string_view id) { return std::string(kRecordsPath).append(id).append(".json"); }
std::string RecordFeedPath(std::string_view id) { return RecordPath(id).append(kSiteFeedPath); }

bool IsFeedPath(std::string_view path) {
  if (path == kSiteFeedPath) return true;
  if (!path.starts_with(kRecordsPath) || !path.ends_with(kSiteFeedPath)) return false;
  // "records/<id>/feed.xml": one segment between, the way RecordFeedPath spells it.
  std::string_view id = path.substr(kRecordsPath.size());
  id.remove_suffix(std::min(id.size(), kSiteFeedPath.size() + 1));
  return !id.empty() && id.find('/') == std::string_view::npos && RecordFeedPath(id) == path;
}

std::string FacetPath(std::string_view kind, std::string_view slug) {
  return std::string(kRecordsPath).append(kind).append("/").append(slug).append("/");
}

std::string PagePath(const Page& page) { return "pages/" + page.slug + "/"; }

std::string SiteUrl(const SiteConfig& config, std::string_view path_below_root) {
  return config.root_path + std::string(path_below_root);
}

std::string AbsoluteUrl(const SiteConfig& config, std::string_view path_below_root) {
  return config.base_url + std::string(path_below_root);
}

}  // namespace lantern
