#include "publish/discovery.h"

#include <algorithm>

#include "load/schema.h"
#include "model/addresses.h"
#include "publish/json_writer.h"
#include "publish/record_data.h"
#include "render/html_escape.h"

namespace lantern {
namespace {

Value Publisher(const SiteConfig& c) {
  return Value::Map()
      .Set("@type", TextValue("GovernmentOrganization"))
      .Set("name", TextValue(c.organisation))
      .Set("url", TextValue(c.base_url));
}

Value Download(const std::string& name, const std::string& url, const char* format) {
  return Value::Map()
      .Set("@type", TextValue("DataDownload"))
      .Set("name", TextValue(name))
      .Set("contentUrl", TextValue(url))
      .Set("encodingFormat", TextValue(format));
}

}  // namespace

Date RecordLastChange(const Record& record) {
  Date last = record.last_changed();
  if (record.archived) last = std::max(last, *record.archived);
  for (const RecordChange& change : record.changes) last = std::max(last, change.date);
  return last;
}

std::optional<Date> SiteLastChange(const Site& site) {
  std::optional<Date> last;
  for (const Record& record : site.records) {
    const Date d = RecordLastChange(record);
    if (!last || *last < d) last = d;
  }
  for (const Page& page : site.pages) {
    if (page.updated && (!last || *last < *page.updated)) last = page.updated;
  }
  return last;
}

std::string Sitemap(const SiteConfig& config, std::vector<SitemapEntry> entries) {
  std::sort(entries.begin(), entries.end(),
            [](const SitemapEntry& a, const SitemapEntry& b) { return a.path < b.path; });
  std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  if (config.bilingual()) {
    // Every page in each language, each entry naming all of them as its
    // alternates (what search engines ask of a page with translations).
    xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
           "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
    for (const SitemapEntry& e : entries) {
      std::string alternates;
      for (const std::string& language : config.languages) {
        alternates += "    <xhtml:link rel=\"alternate\" hreflang=\"" + EscapeXml(language) + "\" href=\"" +
                      EscapeXml(config.base_url + EditionPrefix(config, language) + e.path) + "\"/>\n";
      }
      for (const std::string& language : config.languages) {
        xml += "  <url>\n    <loc>" + EscapeXml(config.base_url + EditionPrefix(config, language) + e.path) + "</loc>\n";
        xml += alternates;
        if (e.last_change) xml += "    <lastmod>" + e.last_change->Iso() + "</lastmod>\n";
        xml += "  </url>\n";
      }
    }
    return xml + "</urlset>\n";
  }
  xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const SitemapEntry& e : entries) {
    xml += "  <url>\n    <loc>" + EscapeXml(AbsoluteUrl(config, e.path)) + "</loc>\n";
    if (e.last_change) xml += "    <lastmod>" + e.last_change->Iso() + "</lastmod>\n";
    xml += "  </url>\n";
  }
  xml += "</urlset>\n";
  return xml;
}

std::string RobotsTxt(const SiteConfig& config) {
  return "User-agent: *\nAllow: /\n\nSitemap: " + AbsoluteUrl(config, "sitemap.xml") + "\n";
}

std::string RecordJsonLd(const Site& site, const Record& record) {
  const SiteConfig& c = site.config;
  const std::string page = AbsoluteUrl(c, RecordPath(record));
  Value tool = Value::Map()
                   .Set("@type", TextValue("SoftwareApplication"))
                   .Set("name", TextValue(record.Text("summary.name")))
                   .Set("description", TextValue(record.Text("summary.one_sentence_description")));
  Value media = Value::List();
  media.Push(Download("This record as JSON", AbsoluteUrl(c, RecordJsonPath(record)), "application/json"));
  media.Push(Download("Changes to this record (Atom feed)", AbsoluteUrl(c, RecordFeedPath(record)),
                      "application/atom+xml"));
  Value ld = Value::Map()
                 .Set("@context", TextValue("https://schema.org"))
                 .Set("@type", TextValue("WebPage"))
                 .Set("@id", TextValue(page))
                 .Set("url", TextValue(page))
                 .Set("name", TextValue(record.Text("summary.name")))
                 .Set("description", TextValue(record.Text("summary.one_sentence_description")))
                 .Set("inLanguage", TextValue(c.language))
                 .Set("datePublished", TextValue(record.published.Iso()))
                 .Set("dateModified", TextValue(RecordLastChange(record).Iso()))
                 .Set("publisher", Publisher(c))
                 .Set("license", TextValue(c.licence_url))
                 .Set("about", std::move(tool))
                 .Set("associatedMedia", std::move(media));
  return ToScriptJson(ld);
}

std::string DataJsonLd(const Site& site) {
  const SiteConfig& c = site.config;
  Value distribution = Value::List();
  distribution.Push(Download("All records as JSON", AbsoluteUrl(c, "records.json"), "application/json"));
  distribution.Push(Download("All records as CSV", AbsoluteUrl(c, "records.csv"), "text/csv"));
  distribution.Push(Download("JSON Schema of a record", AbsoluteUrl(c, "schema/record.json"),
                             "application/schema+json"));
  Value ld = Value::Map()
                 .Set("@context", TextValue("https://schema.org"))
                 .Set("@type", TextValue("Dataset"))
                 .Set("@id", TextValue(AbsoluteUrl(c, "data/")))
                 .Set("url", TextValue(AbsoluteUrl(c, "data/")))
                 .Set("name", TextValue(c.organisation + ": algorithmic transparency records"))
                 .Set("description",
                      TextValue("The algorithmic and AI tools " + c.organisation +
                                " uses, recorded in the shape of the UK Algorithmic Transparency Recording "
                                "Standard (ATRS)."))
                 .Set("inLanguage", TextValue(c.language))
                 .Set("isAccessibleForFree", Value::Bool(true))
                 .Set("license", TextValue(c.licence_url))
                 .Set("creator", Publisher(c))
                 .Set("publisher", Publisher(c));
  if (std::optional<Date> last = SiteLastChange(site)) ld.Set("dateModified", TextValue(last->Iso()));
  ld.Set("distribution", std::move(distribution));
  return ToScriptJson(ld);
}

}  // namespace lantern
