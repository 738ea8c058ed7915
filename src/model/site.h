// The loaded, checked content of a site: settings, records and pages. Plain
// data; loading and checking are in src/load, rendering in src/render and
// src/assemble.
#ifndef LANTERN_MODEL_SITE_H_
#define LANTERN_MODEL_SITE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/date.h"
#include "model/working_days.h"
#include "model/value.h"

namespace lantern {

// site.yaml's accessibility block: the facts of the accessibility statement.
struct AccessibilitySettings {
  bool given = false;               // false: no block, the page renders as any other
  std::string page = "accessibility";  // slug of the page with the statement's own words
  std::string compliance;           // full, partial or not-compliant
  std::string contact_email;        // defaults to the site's contact_email
  std::string contact_phone;
  int response_days = 0;            // 0: not said
  Date prepared_on;
  std::optional<Date> reviewed_on;
  Date tested_on;
  std::string tested_by;
  SourceLocation page_location;     // of "page" (or of the block), for diagnostics
};

// feedback.notify: who hears of each submission.
struct NotifySettings {
  std::vector<std::string> email;  // told of every submission (and the record's contact), and sent the digest
  std::string from;                // the sender; contact_email when not set
  std::string webhook;             // https:// (or http:// to this machine), or empty
  bool digest = true;
  bool receipts = true;
};

struct SiteConfig {
  std::string title;
  std::string organisation;
  std::string base_url;   // always ends in '/'
  std::string root_path;  // the path part of base_url, always ends in '/'
  std::string language = "en";
  // Every language the site publishes in, the default (shown at the root)
  // first: site.yaml's `languages`, or just `language`. One entry for most
  // sites.
  std::vector<std::string> languages = {"en"};
  // The language the untagged files (records/<id>.yaml, pages/<slug>.md) are
  // written in; their translations are records/<id>.<language>.yaml and
  // pages/<slug>.<language>.md. site.yaml's `source_language`, by default en
  // when the site publishes in English, else the default language.
  std::string source_language = "en";
  bool bilingual() const { return languages.size() > 1; }
  // The languages records and pages are translated into: `languages` but the
  // source language, in site.yaml's order (none on a one-language site).
  std::vector<std::string> TranslationLanguages() const {
    std::vector<std::string> into;
    for (const std::string& language : languages) {
      if (language != source_language) into.push_back(language);
    }
    return into;
  }
  // Set for the build of one language's pages of a bilingual site (not by
  // site.yaml): "" for the default language, at the root, else "cy/". The
  // files every language shares (assets, open data, the schema, the sitemap)
  // stay at the root (model/addresses.h).
  std::string edition_prefix;
  std::string contact_email;
  int review_interval_months = 12;
  std::string feedback_endpoint;  // empty: no form, offer contact_email
  std::string privacy_notice;
  int retention_days = 0;
  int response_days = 20;  // working days to reply to a feedback submission
  // Whose bank holidays the reply clock skips, and any further days off.
  WorkingCalendar calendar;
  NotifySettings notify;
  std::vector<std::string> services;
  // The licence the site's data, feeds and pages are published under.
  std::string licence_name = "Open Government Licence v3.0";
  std::string licence_url = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
  AccessibilitySettings accessibility;
  // The day checks compare review dates with: TodayUtc() (SOURCE_DATE_EPOCH
  // when set). Not a setting of site.yaml.
  Date today;
};

// With `build --feedback-stats`: what residents sent in the 12 months to the
// build date, as it may be published. feedback/public_stats.h computes it;
// the model has its own copy of the shape because the model does not depend
// on the feedback store (src/cli copies it across).
struct PublishedCount {
  bool fewer_than_five = true;  // 0 to 4: shown only as "fewer than 5"
  long long exact = 0;          // 0 when fewer_than_five
};
struct FeedbackSummary {
  PublishedCount questions, feedback, objections, reviews;
  bool on_time_shown = false;  // false: too few to judge ("not enough to show")
  int on_time_percent = 0;     // whole percent, rounded down
  long long on_time_judged = 0;
};
struct SiteFeedbackSummary {
  Date first_day, last_day;  // the days counted, both included
  FeedbackSummary all;       // every record's, and the general form's
};

// One entry of a record's change log ("changes:"), in file order (newest
// first when the log is kept as the format asks; L037 warns otherwise).
struct RecordChange {
  Date date;
  std::string note;  // Markdown
};

// In one language's build of a bilingual site (assemble/editions.h): how
// what a record or page shows stands to that language, for the notice the
// page gives. Absent in the original's own language and on one-language sites.
struct TranslationNote {
  std::string language;         // the edition's: the page's language
  std::string source_language;  // the original's
  // Not empty: there is no translation, and the original is shown, in this
  // language (marked with lang= on the page).
  std::string fallback_language;
  bool partial = false;  // translated, but some of Tier 1's text is not
  bool by_machine = false;
  std::optional<Date> reviewed_on;
  bool stale = false;
  std::string translated_by;
};

// A record's translation into one of the site's other languages
// (records/<id>.<language>.yaml): only the translatable fields, in the
// original's shape, with who made it and when. Checked against the original
// by load/translation_loader.h.
struct RecordTranslation {
  std::string language;     // "cy"
  std::string source_path;  // records/<id>.cy.yaml
  // The translated fields only (the `translation` block taken out); entries
  // of repeatable sections match the original's by position.
  std::shared_ptr<const Value> data;
  std::string translated_by;
  bool by_machine = false;
  Date translated_on;
  std::optional<Date> reviewed_on;
  SourceLocation translated_on_at;  // for diagnostics
  uint64_t source_hash = 0;         // of the file's bytes: the preview's cache keys
  // Older than the original's last change (dates.updated, else published).
  bool stale = false;
  // Field paths (as authors write them, "summary.description") of the
  // original's Tier 1 text that the translation lacks, in schema order.
  std::vector<std::string> missing_tier1;
};

struct Record {
  std::string source_path;  // as given to the loader, for diagnostics
  std::string id;
  std::string version;      // "4.0" or "3.0"
  unsigned version_bit = 0; // kV4 or kV3
  std::string status;       // draft, published or retired
  std::string phase;
  // The whole document, checked against the schema. Shared, not copied, by
  // the copies of a record (the preview's load cache and each site it
  // builds: a record's tree is most of its memory and copying it was a fifth
  // of a rebuild); so it is never edited in place, only replaced whole.
  const Value& data() const { return *data_; }
  void set_data(Value data) { data_ = std::make_shared<const Value>(std::move(data)); }
  std::set<std::string> withheld;  // field paths listed under redactions
  Date published;
  std::optional<Date> updated;
  std::optional<Date> archived;
  Date next_review;
  // Typed once by the loader from data's "changes" (entries without a valid
  // date and note are left out), so that pages, feeds and the sitemap do not
  // each parse the raw tree again.
  std::vector<RecordChange> changes;
  // With `build --git-history`: the days (YYYY-MM-DD, newest first, no repeats)
  // on which the record's file changed in git; empty otherwise.
  std::vector<std::string> file_change_dates;
  // With `build --feedback-stats` (then Site::feedback_summary says the days).
  std::optional<FeedbackSummary> feedback_summary;
  // Its translations, in the order of the site's languages; none on a site
  // with one language.
  std::vector<RecordTranslation> translations;
  std::optional<TranslationNote> translation_note;

  // The translation into `language`, or nullptr.
  const RecordTranslation* Translation(std::string_view language) const;
  bool is_retired() const { return status == "retired" || phase == "retired"; }
  bool is_draft() const { return status == "draft"; }
  Date last_changed() const { return updated ? *updated : published; }
  // The text at a dotted path ("summary.name"), or "" when absent or not text.
  std::string Text(std::string_view dotted_path) const;
  // The texts at a dotted path: a list's text items, or a text as one item;
  // empty when absent ("function" → {"housing-and-community-amenities"}).
  std::vector<std::string> Texts(std::string_view dotted_path) const;

 private:
  std::shared_ptr<const Value> data_ = EmptyData();
  static std::shared_ptr<const Value> EmptyData();
};

struct Page;
// A page's translation (pages/<slug>.<language>.md): a whole page in the
// other language, with who made it and when (front matter `translation`).
struct PageTranslation {
  std::string language;
  std::string translated_by;
  bool by_machine = false;
  Date translated_on;
  std::optional<Date> reviewed_on;
  bool stale = false;  // older than the original's `updated`
  std::shared_ptr<const Page> page;
};

struct Page {
  std::string source_path;
  std::string slug;
  std::string title;
  std::string summary;
  int order = 0;
  bool navigation = false;
  std::optional<Date> updated;
  std::string body;         // Markdown after the front matter
  int body_first_line = 1;  // file line of the body's first line
  // Its translations, in the order of the site's languages.
  std::vector<PageTranslation> translations;
  std::optional<TranslationNote> translation_note;
  const PageTranslation* Translation(std::string_view language) const;
};

struct Site {
  std::string root;  // the folder as given
  SiteConfig config;
  std::vector<Record> records;   // sorted by id; drafts only when asked for
  size_t record_files = 0;       // record files read, including those with errors
  std::vector<Page> pages;       // sorted by slug; index.md is not among them
  std::optional<Page> home_intro;  // pages/index.md
  std::optional<SiteFeedbackSummary> feedback_summary;  // with `build --feedback-stats`

  // The records ordered by name, then id: the order of every list residents see.
  std::vector<const Record*> RecordsByName() const;
};

}  // namespace lantern

#endif  // LANTERN_MODEL_SITE_H_
