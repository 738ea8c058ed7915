// Atom feeds (RFC 4287) of new and changed records: /feed.xml for the site and
// /records/<id>/feed.xml for each record.
//
// A record gives one entry when it was published, one per `changes` entry, one
// when dates.updated names a day no change explains ("Record reviewed"), and
// one when it was archived. Entry ids are tag: URIs (RFC 4151) made of the
// site's host, the entry's date and the record id, e.g.
// tag:ai.example.gov.uk,2025-03-01:records/bin-check/change, so they never
// change when the record is edited later (a second change on the same day is
// ".../change-2", counted from the oldest). Entries are newest first; ties go
// by record id, then entry id. Feed and entries carry the licence in <rights>.
#ifndef LANTERN_PUBLISH_ATOM_FEED_H_
#define LANTERN_PUBLISH_ATOM_FEED_H_

#include <optional>
#include <string>
#include <vector>

#include "model/date.h"
#include "model/site.h"

namespace lantern {

struct FeedEntry {
  Date date;
  std::string id;         // tag: URI
  std::string title;
  std::string record_id;
  std::string url;        // absolute URL of the record page
  std::string content_html;
};

// The entries of one record, newest first.
std::vector<FeedEntry> RecordFeedEntries(const Site& site, const Record& record);

std::string SiteFeed(const Site& site);
std::string RecordFeed(const Site& site, const Record& record);

// One entry as written in a feed, with the date that orders it among the
// site's. Each record's are made once, with its other output (in the parallel
// phase, and kept by the preview), for both feeds: the site's feed is then
// only joined.
struct FeedEntryText {
  Date date;
  std::string xml;  // FeedEntryXml
};
// `entries` (one record's, in RecordFeedEntries' order) as written.
std::vector<FeedEntryText> FeedEntryTexts(const std::vector<FeedEntry>& entries);
// The record's feed from its entries' texts: byte for byte RecordFeed.
std::string RecordFeed(const Site& site, const Record& record, const std::vector<FeedEntryText>& texts);
// feed.xml from each record's texts, the records in id order (site.records'):
// byte for byte SiteFeed.
std::string SiteFeedFromTexts(const Site& site, const std::vector<const std::vector<FeedEntryText>*>& per_record);

// feed.xml in parts, for a build that streams its records: SiteFeedHead (with
// the newest entry's date, or none), then each entry's FeedEntryXml in
// FeedEntryBefore's order (newest first, then by record id, then entry id),
// then kFeedTail is byte for byte SiteFeed.
bool FeedEntryBefore(const FeedEntry& a, const FeedEntry& b);
std::string FeedEntryXml(const FeedEntry& entry);
std::string SiteFeedHead(const Site& site, const std::optional<Date>& newest);
inline constexpr const char* kFeedTail = "</feed>\n";

// The host of base_url ("ai.example.gov.uk"), for tag: URIs.
std::string SiteHost(const SiteConfig& config);

}  // namespace lantern

#endif  // LANTERN_PUBLISH_ATOM_FEED_H_
