// `lantern import govuk`: a record as GOV.UK's Content API serves it
// (/api/content/algorithmic-transparency-records/<slug>): `title`
// ("Organisation: Tool"), `description` (the one-sentence description),
// `base_path` (the id is its last part), `details.metadata` (the
// algorithmic_transparency_record_* facets, as the schema's slugs) and
// `details.body` (HTML, its headings mapped to fields by heading_map.h and
// its blocks turned back into Markdown by html_to_markdown.h).
//
// Success: true, `record` holds the answers and, in `unmapped`, each part of
// the body no field takes (a heading the standard does not have, text before
// the first heading, an answer of the wrong shape), kept whole for a TODO.
// Failure: false, with a positioned error (FILE:line:col) in `diagnostics`:
// not UTF-8 or not JSON (L129), the wrong shape, such as details that is not
// an object or a body that is not text (L130), no title (L131), a facet
// value that is not one of the standard's (L132).
#ifndef LANTERN_IMPORT_GOVUK_IMPORT_H_
#define LANTERN_IMPORT_GOVUK_IMPORT_H_

#include <string>

#include "base/diagnostic.h"
#include "import/imported_record.h"

namespace lantern {

bool ImportGovukJson(const std::string& path, const std::string& text, ImportedRecord* record,
                     Diagnostics* diagnostics);

}  // namespace lantern

#endif  // LANTERN_IMPORT_GOVUK_IMPORT_H_
