// A record as open data: the typed tree that records.json, records/<id>.json,
// records.csv and the ATRS export are written from. Built from the schema
// table, so every field the table knows is carried, in ATRS (table) order.
//
// The tree starts with what identifies the record on the web: id, url (the
// canonical page), atrs_version, status and publisher (the site's
// organisation and address). Then come the record's own fields: booleans as
// booleans, whole numbers as numbers, lists of slugs and texts always as
// lists (a single YAML text becomes a list of one), Markdown as its source
// text. Defaults the loader applied are filled in (id, status,
// dates.next_review). A field withheld under `redactions` and not given is
// null, so a reader can tell "withheld" from "not answered" (absent).
#ifndef LANTERN_PUBLISH_RECORD_DATA_H_
#define LANTERN_PUBLISH_RECORD_DATA_H_

#include <string>

#include "load/schema.h"
#include "model/site.h"
#include "model/value.h"

namespace lantern {

// The properties before the record's own fields, in order.
inline constexpr const char* kRecordMetaKeys[] = {"id", "url", "atrs_version", "status", "publisher"};

// With `build --feedback-stats`, the record ends with "feedback_stats" and
// records.json has the site-wide one before "records": {"from", "to" (the
// days counted, both included), "questions", "feedback", "objections",
// "review_requests" (each a number of 5 or more, or {"at_least": 0,
// "fewer_than": 5}), "answered_on_time" ({"percent", "of"}, or null when
// fewer than 5 could be judged)}.
Value RecordData(const Site& site, const Record& record);
Value FeedbackStatsData(const SiteFeedbackSummary& period, const FeedbackSummary& summary);

// The licence as data: name, url and a one-sentence statement.
Value LicenceData(const SiteConfig& config);
// "Contains public sector information published by <organisation>, licensed
// under the <licence name>."
std::string LicenceStatement(const SiteConfig& config);

// records.json and records/<id>.json: an envelope with the licence, the schema's
// address and the record(s).
std::string RecordsJson(const Site& site);
std::string RecordJson(const Site& site, const Record& record);

// The same files from parts, so that each record's part can be made in the
// parallel phase from one RecordData tree and records.json concatenated:
// RecordsJsonHead(site, n) + the n parts joined by ",\n" + RecordsJsonTail(n)
// is byte for byte RecordsJson(site) (n is the number of records).
struct RecordJsonParts {
  std::string own_file;    // records/<id>.json
  std::string list_entry;  // the record inside records.json's list (no separator)
};
RecordJsonParts MakeRecordJsonParts(const Site& site, const Value& record_data);
std::string RecordsJsonHead(const Site& site, size_t count);
std::string RecordsJsonTail(size_t count);


}  // namespace lantern

#endif  // LANTERN_PUBLISH_RECORD_DATA_H_
