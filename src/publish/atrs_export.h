// A record as the ATRS 4.0 template wants it, for the central ATRS team: a CSV
// with the columns Section, Number, Field, Answer and one row per template
// field in the template's order (Tier 1 Summary information, then the Tier 2
// sections), labels and numbers from the schema table (Tier 2 numbers with the
// template's leading "2."). A repeatable section gives one block of rows per
// entry ("Model specification 2"); one whose fields have no ATRS numbers
// (impact assessments, risks and mitigations) is one answer, entries separated
// by a blank line. Lantern's own metadata (tags, dates, resident guidance, …)
// is not part of the template and is left out.
//
// A 3.0 record is mapped to 4.0 where the standard merged or renamed fields,
// following the table's counterparts: scope joins the detailed description,
// process integration and provided information become integration, datasets
// and dataset purposes become datasets and their purposes, external suppliers
// become third parties, data specification becomes development data. Merged
// answers keep their 3.0 label as a lead-in ("Scope: …"). 4.0 fields 3.0 did
// not have are left blank.
#ifndef LANTERN_PUBLISH_ATRS_EXPORT_H_
#define LANTERN_PUBLISH_ATRS_EXPORT_H_

#include <string>

#include "model/site.h"

namespace lantern {

std::string AtrsTemplateCsv(const Site& site, const Record& record);

}  // namespace lantern

#endif  // LANTERN_PUBLISH_ATRS_EXPORT_H_
