// Where each part of a site is: its path below the site's root
// ("records/<id>/"), from which the builder makes output files (the path,
// plus "index.html" for a page) and pages, feeds and data files make links
// (the root path or base_url, plus the path). The one place that knows the
// site's layout: nothing else spells out a record's address. Never fails; ids and
// slugs are used as the loader checked them.
#ifndef LANTERN_MODEL_ADDRESSES_H_
#define LANTERN_MODEL_ADDRESSES_H_

#include <string>
#include <string_view>

#include "model/site.h"

namespace lantern {

// "records/<id>/": a record's page (and "records/<id>/feed.xml", its feed).
std::string RecordPath(std::string_view id);
inline std::string RecordPath(const Record& record) { return RecordPath(record.id); }
// "records/<id>.json": a record's open data.
std::string RecordJsonPath(std::string_view id);
inline std::string RecordJsonPath(const Record& record) { return RecordJsonPath(record.id); }
// "records/<id>/feed.xml": the Atom feed of a record's changes.
std::string RecordFeedPath(std::string_view id);
inline std::string RecordFeedPath(const Record& record) { return RecordFeedPath(record.id); }
// "feed.xml": the Atom feed of every record's changes.
inline constexpr std::string_view kSiteFeedPath = "feed.xml";
// Whether `path_below_root` is one of the site's Atom feeds (kSiteFeedPath or
// a RecordFeedPath), so that servers send them as Atom rather than as some
// XML: the content type follows from what the file is, which only this file
// knows (an asset or the sitemap named *.xml is not a feed).
bool IsFeedPath(std::string_view path_below_root);
// "records/<id>/notice/": the decision-notice kit of a record (what a
// letter, an email or a service page says of it, its QR code and its card).
std::string NoticePath(std::string_view id);
inline std::string NoticePath(const Record& record) { return NoticePath(record.id); }
// A record's short address for letters and QR codes: "r/<code>/", where
// <code> is seven characters of Crockford's base 32 (digits and lower-case
// letters without i, l, o and u, so that a reader typing it from paper cannot
// confuse them) taken from the SHA-256 of the id. It depends on the id alone,
// so it stays the same from build to build and when records are added; two
// ids of one site may share a code (about one site in 700,000 with 100
// records), which the loader reports (L082).
std::string ShortCode(std::string_view id);
std::string ShortPath(std::string_view id);
inline std::string ShortPath(const Record& record) { return ShortPath(record.id); }
// "records/": the list of every record, above the records' own paths.
inline constexpr std::string_view kRecordsPath = "records/";
// "dashboard/": the register in figures.
inline constexpr std::string_view kDashboardPath = "dashboard/";
// "records/<kind>/<slug>/": the filter page of one service, phase or function.
std::string FacetPath(std::string_view kind, std::string_view slug);
// "pages/<slug>/": a Markdown page.
std::string PagePath(const Page& page);

// The address of `path_below_root` on the site as served: the root path
// ("/ai/") for links within the site, base_url ("https://…/ai/") for what is
// read elsewhere (feeds, open data, the sitemap, structured data). In the
// build of a bilingual site's other language (config.edition_prefix "cy/")
// pages are under "/ai/cy/"; the files all languages share are not.
std::string SiteUrl(const SiteConfig& config, std::string_view path_below_root);
std::string AbsoluteUrl(const SiteConfig& config, std::string_view path_below_root);

// Bilingual sites. "" for the default language (the first of `languages`),
// else "<language>/": where that language's pages are below the root.
std::string EditionPrefix(const SiteConfig& config, std::string_view language);
// Whether a file below the root is one every language shares, published
// once at the root: the theme's and site's assets, the favicon, the schema,
// records.json, records.csv, each record's JSON (which carries every
// language), the sitemap and robots.txt. Everything else (pages, feeds, the
// search index) exists once per language.
bool IsSharedAcrossLanguages(std::string_view path_below_root);
// The same page in `language`: `url` is a SiteUrl of config's edition; the
// result is the SiteUrl of the page at the same place in the other edition.
std::string CounterpartUrl(const SiteConfig& config, std::string_view url, std::string_view language);
// The part of a SiteUrl below its edition's root ("/ai/cy/records/" → "records/").
std::string PathBelowEdition(const SiteConfig& config, std::string_view url);
// A link written for the default language's pages, as Markdown links are
// ("/records/bin-check/"), in this edition: "/en/records/bin-check/" in the
// English edition of a site whose default is Welsh. Unchanged in the default
// edition, and for files all languages share, links already under a
// language's prefix, other sites and relative links.
std::string EditionUrl(const SiteConfig& config, std::string_view url);

}  // namespace lantern

#endif  // LANTERN_MODEL_ADDRESSES_H_
