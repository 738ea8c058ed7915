// What search engines and harvesters read: /sitemap.xml, /robots.txt and the
// JSON-LD (schema.org) blocks of record pages and the data page.
#ifndef LANTERN_PUBLISH_DISCOVERY_H_
#define LANTERN_PUBLISH_DISCOVERY_H_

#include <optional>
#include <string>
#include <vector>

#include "model/date.h"
#include "model/site.h"

namespace lantern {

struct SitemapEntry {
  std::string path;              // below the site's root: "", "records/bin-check/"
  std::optional<Date> last_change;
};

// The sitemap protocol's <urlset>, entries sorted by path.
std::string Sitemap(const SiteConfig& config, std::vector<SitemapEntry> entries);
// Allows everything and names the sitemap.
std::string RobotsTxt(const SiteConfig& config);

// The latest day any record or page changed, or nullopt for an empty site.
std::optional<Date> SiteLastChange(const Site& site);
// The day a record last changed: dates.updated, published, archived or a change.
Date RecordLastChange(const Record& record);

// JSON-LD, ready for <script type="application/ld+json"> (no '<' inside).
std::string RecordJsonLd(const Site& site, const Record& record);
std::string DataJsonLd(const Site& site);

}  // namespace lantern

#endif  // LANTERN_PUBLISH_DISCOVERY_H_
