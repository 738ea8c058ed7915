// CSV writing (RFC 4180) and /records.csv: one row per record.
//
// Columns, in order: id, url, atrs_version, status, publisher.name, then every
// field of the schema table (ATRS 4.0 and 3.0 together, in table order: a 3.0
// field sits next to the 4.0 field it became), named by its path
// ("owner.team"), then licence. Repeatable sections (third parties, models,
// datasets, impact assessments, risks, changes, redactions) have one column
// per sub-field ("risks.risks_and_mitigations[].risk"); its cell holds every
// entry in order, each starting on a new line with "[n] " (an entry's own
// text may hold line breaks too, so entry n runs to the line starting
// "[n+1]"). Lists of slugs or texts are joined with "; ", booleans are
// yes/no, a withheld field is "(withheld)". A header row of the column names
// comes first; url and publisher.name are filled for records of either version.
//
// A bilingual site adds, before licence, for each language the records are
// translated into (cy): url_cy (the record's page in Welsh),
// translation_cy.translated_by, .method (person or machine), .translated_on,
// .reviewed_on and .stale (yes/no), then `<column>_cy` for every column whose
// field may be translated, holding the translation (empty where the
// translation leaves the field out, or where there is no translation).
#ifndef LANTERN_PUBLISH_CSV_WRITER_H_
#define LANTERN_PUBLISH_CSV_WRITER_H_

#include <string>
#include <vector>

#include "base/csv.h"
#include "model/site.h"

namespace lantern {

// Cells joined by commas, ended with CRLF.
std::string CsvRow(const std::vector<std::string>& cells);

// Which optional columns records.csv has.
struct CsvLayout {
  // build --feedback-stats: the feedback_stats.* columns come before licence:
  // from, to, questions, feedback, objections, review_requests (a number, or
  // "<5"), answered_on_time.percent and answered_on_time.of (empty when fewer
  // than 5 could be judged).
  bool feedback_stats = false;
  // A bilingual site's translation languages (SiteConfig::TranslationLanguages).
  std::vector<std::string> translated_into = {};
};
CsvLayout CsvLayoutOf(const Site& site);

// The column names of records.csv, in order.
std::vector<std::string> RecordsCsvColumns(const CsvLayout& layout = {});
std::string RecordsCsv(const Site& site);
// records.csv in parts: the header row, then one row per record from its
// RecordData tree (so rows can be made in parallel and concatenated in order),
// in the site's layout.
std::string RecordsCsvHeader(const CsvLayout& layout = {});
std::string RecordsCsvRow(const Site& site, const Value& record_data);

// /schema/records-csv-columns.csv, the data dictionary of records.csv: one row
// per column with its ATRS label, number, versions and meaning, from the table.
std::string RecordsCsvDictionary(const CsvLayout& layout = {});

}  // namespace lantern

#endif  // LANTERN_PUBLISH_CSV_WRITER_H_
