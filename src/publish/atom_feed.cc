#include "publish/atom_feed.h"

#include <algorithm>
#include <map>
#include <string_view>

#include "model/addresses.h"
#include "publish/record_data.h"
#include "render/html_escape.h"
#include "render/markdown.h"

namespace lantern {
namespace {

std::string SiteFeedTitle(const Site& site) { return site.config.title + ": new and changed records"; }

std::string AtomDate(const Date& date) { return date.Iso() + "T00:00:00Z"; }

std::string TagUri(const SiteConfig& config, const Date& date, const std::string& specific) {
  return "tag:" + SiteHost(config) + "," + date.Iso() + ":" + specific;
}

void SortNewestFirst(std::vector<FeedEntry>* entries) {
  std::stable_sort(entries->begin(), entries->end(), FeedEntryBefore);
}

std::string FeedHead(const Site& site, const std::string& self_path, const std::string& alternate_path,
                     const std::string& title, const std::optional<Date>& newest) {
  const SiteConfig& c = site.config;
  // A feed needs an <updated>; with no entries, the earliest Atom-era day keeps
  // the output the same from build to build.
  const std::string updated = newest ? AtomDate(*newest) : "1970-01-01T00:00:00Z";
  const std::string rights = LicenceStatement(c) + " " + c.licence_url;
  std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" + EscapeXml(c.language) + "\">\n";
  xml += "  <id>" + EscapeXml(AbsoluteUrl(c, self_path)) + "</id>\n";
  xml += "  <title>" + EscapeXml(title) + "</title>\n";
  xml += "  <updated>" + updated + "</updated>\n";
  xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + EscapeXml(AbsoluteUrl(c, self_path)) + "\"/>\n";
  xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + EscapeXml(AbsoluteUrl(c, alternate_path)) + "\"/>\n";
  xml += "  <link rel=\"license\" href=\"" + EscapeXml(c.licence_url) + "\"/>\n";
  xml += "  <author>\n    <name>" + EscapeXml(c.organisation) + "</name>\n";
  if (!c.contact_email.empty()) xml += "    <email>" + EscapeXml(c.contact_email) + "</email>\n";
  xml += "    <uri>" + EscapeXml(c.base_url) + "</uri>\n  </author>\n";
  xml += "  <rights>" + EscapeXml(rights) + "</rights>\n";
  xml += "  <generator>Lantern</generator>\n";
  return xml;
}

}  // namespace

std::string SiteHost(const SiteConfig& config) {
  std::string host = config.base_url;
  if (const size_t scheme = host.find("://"); scheme != std::string::npos) host = host.substr(scheme + 3);
  host = host.substr(0, host.find('/'));
  host = host.substr(0, host.find(':'));  // tag: authorities have no port
  return host.empty() ? "localhost" : host;
}

std::vector<FeedEntry> RecordFeedEntries(const Site& site, const Record& record) {
  const SiteConfig& c = site.config;
  const std::string name = record.Text("summary.name");
  const std::string base = RecordPath(record);
  const std::string url = AbsoluteUrl(c, base);
  std::vector<FeedEntry> entries;
  auto add = [&](const Date& date, const std::string& kind, const std::string& title, const std::string& html) {
    entries.push_back({date, TagUri(c, date, base + kind), title, record.id, url, html});
  };
  const std::string description = record.Text("summary.one_sentence_description");
  add(record.published, "published", "New record: " + name, "<p>" + EscapeHtml(description) + "</p>");

  // Changes are written newest first; count same-day changes from the oldest so
  // that adding a change never renames an earlier entry.
  const std::vector<RecordChange>& changes = record.changes;
  std::map<Date, int> per_day;
  for (auto it = changes.rbegin(); it != changes.rend(); ++it) {
    const int n = ++per_day[it->date];
    add(it->date, n == 1 ? "change" : "change-" + std::to_string(n), "Updated: " + name, MarkdownToHtml(it->note, {3}));
  }
  if (record.updated && *record.updated != record.published && per_day.count(*record.updated) == 0) {
    add(*record.updated, "reviewed", "Record reviewed: " + name,
        "<p>" + EscapeHtml("The record was reviewed or updated on " + record.updated->Display() + ".") + "</p>");
  }
  if (record.archived) {
    add(*record.archived, "retired", "Tool retired: " + name,
        "<p>" + EscapeHtml("The council stopped using this tool on " + record.archived->Display() + ".") + "</p>");
  }
  SortNewestFirst(&entries);
  return entries;
}

std::string SiteFeed(const Site& site) {
  std::vector<std::vector<FeedEntryText>> texts;
  texts.reserve(site.records.size());
  for (const Record& record : site.records) texts.push_back(FeedEntryTexts(RecordFeedEntries(site, record)));
  std::vector<const std::vector<FeedEntryText>*> per_record;
  for (const std::vector<FeedEntryText>& one : texts) per_record.push_back(&one);
  return SiteFeedFromTexts(site, per_record);
}

std::string RecordFeed(const Site& site, const Record& record) {
  return RecordFeed(site, record, FeedEntryTexts(RecordFeedEntries(site, record)));
}

std::vector<FeedEntryText> FeedEntryTexts(const std::vector<FeedEntry>& entries) {
  std::vector<FeedEntryText> texts;
  texts.reserve(entries.size());
  for (const FeedEntry& entry : entries) texts.push_back({entry.date, FeedEntryXml(entry)});
  return texts;
}

std::string RecordFeed(const Site& site, const Record& record, const std::vector<FeedEntryText>& texts) {
  // The texts are newest first already (RecordFeedEntries).
  std::string xml = FeedHead(site, RecordFeedPath(record), RecordPath(record),
                             record.Text("summary.name") + ": changes to this record",
                             texts.empty() ? std::nullopt : std::optional<Date>(texts.front().date));
  for (const FeedEntryText& text : texts) xml += text.xml;
  return xml + kFeedTail;
}

std::string SiteFeedFromTexts(const Site& site, const std::vector<const std::vector<FeedEntryText>*>& per_record) {
  // Listed by record id, then in each record's order (by entry id among one
  // day's): a stable sort by date alone then gives FeedEntryBefore's order.
  std::vector<const FeedEntryText*> entries;
  size_t size = 0;
  for (const std::vector<FeedEntryText>* texts : per_record) {
    for (const FeedEntryText& text : *texts) {
      entries.push_back(&text);
      size += text.xml.size();
    }
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const FeedEntryText* a, const FeedEntryText* b) { return b->date < a->date; });
  std::string xml = SiteFeedHead(site, entries.empty() ? std::nullopt : std::optional<Date>(entries.front()->date));
  xml.reserve(xml.size() + size + std::string_view(kFeedTail).size());
  for (const FeedEntryText* text : entries) xml += text->xml;
  return xml + kFeedTail;
}

bool FeedEntryBefore(const FeedEntry& a, const FeedEntry& b) {
  if (a.date != b.date) return b.date < a.date;
  if (a.record_id != b.record_id) return a.record_id < b.record_id;
  return a.id < b.id;
}

std::string FeedEntryXml(const FeedEntry& e) {
  std::string xml = "  <entry>\n";
  xml += "    <id>" + EscapeXml(e.id) + "</id>\n";
  xml += "    <title>" + EscapeXml(e.title) + "</title>\n";
  xml += "    <updated>" + AtomDate(e.date) + "</updated>\n";
  xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + EscapeXml(e.url) + "\"/>\n";
  xml += "    <content type=\"html\">" + EscapeXml(e.content_html) + "</content>\n";
  xml += "  </entry>\n";
  return xml;
}

std::string SiteFeedHead(const Site& site, const std::optional<Date>& newest) {
  return FeedHead(site, std::string(kSiteFeedPath), std::string(kRecordsPath), SiteFeedTitle(site), newest);
}

}  // namespace lantern
