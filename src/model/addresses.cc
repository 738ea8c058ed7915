#include "model/addresses.h"

#include <algorithm>
#include <cstdint>

#include "base/crypto.h"

namespace lantern {

std::string RecordPath(std::string_view id) { return std::string(kRecordsPath).append(id).append("/"); }
std::string RecordJsonPath(std::string_view id) { return std::string(kRecordsPath).append(id).append(".json"); }
std::string RecordFeedPath(std::string_view id) { return RecordPath(id).append(kSiteFeedPath); }

std::string NoticePath(std::string_view id) { return RecordPath(id).append("notice/"); }

std::string ShortCode(std::string_view id) {
  static constexpr std::string_view kAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";
  const std::string digest = Sha256(id);
  // The first 35 of the digest's 40 leading bits, five to a character.
  uint64_t bits = 0;
  for (int i = 0; i < 5; ++i) bits = (bits << 8) | static_cast<unsigned char>(digest[i]);
  bits >>= 5;
  std::string code(7, '0');
  for (int i = 6; i >= 0; --i, bits >>= 5) code[i] = kAlphabet[bits & 31];
  return code;
}

std::string ShortPath(std::string_view id) { return "r/" + ShortCode(id) + "/"; }

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
  if (config.edition_prefix.empty() || IsSharedAcrossLanguages(path_below_root)) {
    return config.root_path + std::string(path_below_root);
  }
  return config.root_path + config.edition_prefix + std::string(path_below_root);
}

std::string AbsoluteUrl(const SiteConfig& config, std::string_view path_below_root) {
  if (config.edition_prefix.empty() || IsSharedAcrossLanguages(path_below_root)) {
    return config.base_url + std::string(path_below_root);
  }
  return config.base_url + config.edition_prefix + std::string(path_below_root);
}

std::string EditionPrefix(const SiteConfig& config, std::string_view language) {
  if (config.languages.empty() || config.languages.front() == language) return "";
  return std::string(language) + "/";
}

bool IsSharedAcrossLanguages(std::string_view path) {
  for (std::string_view folder : {"assets/", "schema/"}) {
    if (path.starts_with(folder)) return true;
  }
  for (std::string_view file : {"favicon.ico", "robots.txt", "sitemap.xml", "records.json", "records.csv"}) {
    if (path == file) return true;
  }
  // "records/<id>.json", one segment, the way RecordJsonPath spells it.
  if (path.starts_with(kRecordsPath) && path.ends_with(".json")) {
    std::string_view id = path.substr(kRecordsPath.size());
    id.remove_suffix(5);
    return !id.empty() && id.find('/') == std::string_view::npos && RecordJsonPath(id) == path;
  }
  return false;
}

std::string PathBelowEdition(const SiteConfig& config, std::string_view url) {
  const std::string edition_root = config.root_path + config.edition_prefix;
  if (url.starts_with(edition_root)) return std::string(url.substr(edition_root.size()));
  if (url.starts_with(config.root_path)) return std::string(url.substr(config.root_path.size()));
  return std::string(url);
}

std::string EditionUrl(const SiteConfig& config, std::string_view url) {
  if (config.edition_prefix.empty() || config.root_path.empty() || !url.starts_with(config.root_path) ||
      url.starts_with("//")) {
    return std::string(url);
  }
  const std::string_view below = url.substr(config.root_path.size());
  for (const std::string& language : config.languages) {
    if (below.starts_with(language + "/") || below == language) return std::string(url);
  }
  // The path alone decides whether it is shared: not its query or fragment.
  const std::string_view path = below.substr(0, below.find_first_of("?#"));
  if (IsSharedAcrossLanguages(path)) return std::string(url);
  return config.root_path + config.edition_prefix + std::string(below);
}

std::string CounterpartUrl(const SiteConfig& config, std::string_view url, std::string_view language) {
  return config.root_path + EditionPrefix(config, language) + PathBelowEdition(config, url);
}

}  // namespace lantern
