// The views templates see (themes/default/README.md is their contract): plain
// Value trees built from the model, with every *_html value already safe.
#ifndef LANTERN_ASSEMBLE_VIEWS_H_
#define LANTERN_ASSEMBLE_VIEWS_H_

#include <string>
#include <string_view>

#include "assemble/finding.h"
#include "assemble/site_index.h"
#include "assemble/theme.h"
#include "model/site.h"
#include "model/value.h"
#include "render/markdown.h"

namespace lantern {

enum class PageKind { kHome, kRecords, kRecord, kPage, kNotFound, kData, kFilter, kDashboard };

// The names every page has: site, strings, root, nav, breadcrumbs, page_title,
// canonical_url, page_kind. `current_url` marks the current navigation entry.
// ConstantView's names plus PageView's, in one tree (for a single page).
Value CommonView(const Site& site, const Theme& theme, PageKind kind, const std::string& page_title,
                 const std::string& current_url);

// The names that are the same on every page (strings, site, root, feed_url,
// data_url, licence): made once per build and given to the templates as the
// bottom layer of every page's context (TemplateSet::SetConstants).
Value ConstantView(const Site& site, const Theme& theme);
// The names of CommonView that differ between pages (nav, breadcrumbs,
// page_title, canonical_url, page_kind), from the index made once.
Value PageView(const Site& site, const SiteIndex& index, const Theme& theme, PageKind kind,
               const std::string& page_title, const std::string& current_url);

// A record as an entry of a list (records page, home page). `today` decides
// is_review_overdue (next review before today, and the record not retired).
Value RecordListEntry(const Site& site, const Theme& theme, const Record& record, const Date& today);

// Adds "record" to `view`: everything the record page shows, in ATRS order.
// Each Markdown field is parsed once; when `links` is given, each one shown
// adds its links there (fields not shown, such as withheld ones, add none).
void AddRecordView(const Site& site, const Theme& theme, const Record& record, const Date& today, Value* view,
                   std::vector<MarkdownFieldLinks>* links = nullptr);

// How a resident responds about `record` (the record page's and the notice
// page's "feedback"): has_form, url (the form in the page's language),
// contact_email, privacy_url.
Value FeedbackView(const Site& site, const Record& record);

// Adds "intro_html", "counts", "recent", "pages", "services" to `view`.
void AddHomeView(const Site& site, const SiteIndex& index, const Theme& theme, const Date& today, Value* view);
// Add "counts", "facet_groups" and "search" to `view` (the records page),
// or "filter" (kind_label, label, count) and "facet_groups" (a filter page).
// The caller adds "rows_html": each listed record's row, made once with its
// other output (RecordListRow) and joined or streamed by BuildSiteWide.
void AddRecordsView(const Site& site, const SiteIndex& index, const Theme& theme, Value* view);
void AddFilterView(const Site& site, const SiteIndex& index, const Theme& theme, const Facet& facet, Value* view);
// Adds "page" to `view`.
void AddPageView(const SiteConfig& config, const Page& page, const Theme& theme, Value* view);
// Adds "data" (the downloads, feeds and licence) and "json_ld_html" to `view`.
void AddDataView(const Site& site, const Theme& theme, Value* view);

// Adds "statement" to `view`: the accessibility statement's facts from site.yaml's
// accessibility block (the page's own words come from AddPageView).
void AddAccessibilityView(const Site& site, const Theme& theme, Value* view);

// The language `record`'s field at `schema_path` is shown in on a page of a
// bilingual site when it is not the page's (the original's, where the field
// is not translated into the page's language), or "".
std::string ContentLanguage(const Record& record, std::string_view schema_path);

// A filter page's label as a page in the theme's language shows it: a
// function's or phase's name in that language (Theme::Standard); a service as
// site.yaml names it, marked with the site's source language when the page
// is in another.
StandardText FacetLabel(const Site& site, const Theme& theme, const Facet& facet);

// <a href="href">text</a>, both escaped: a link inside a sentence the theme words.
std::string LinkHtml(const std::string& href, const std::string& text);

// URLs of the site's pages, each starting with the site's root path.
std::string RecordUrl(const Site& site, const Record& record);
std::string PageUrl(const Site& site, const Page& page);

}  // namespace lantern

#endif  // LANTERN_ASSEMBLE_VIEWS_H_
