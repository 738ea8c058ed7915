// `lantern import atrs`: the ATRS 4.0 template as CSV (Section, Number,
// Field, Answer), as `lantern export atrs` writes it, back into a record's
// answers. The exact inverse of the export: for a record it exported, the
// answers written by RecordFromAnswers export to the same bytes.
//
// Success: true, `record` holds the answers (phase and region labels turned
// into slugs, Yes/No into yes/no, "Withheld: reason" into a redaction, the
// numbered sections "Third parties 2" into list entries, impact assessments
// and risks read back from their "Label: text" lines) and the id from the
// file name. Failure: false, with one positioned error (FILE:row:col, codes
// L120-L127) per problem in `diagnostics`: unreadable CSV (invalid UTF-8, an
// unterminated quote), a wrong header, a row without four cells, an unknown
// number, a section that does not fit its number, a duplicate row, a value
// outside the standard's lists.
#ifndef LANTERN_IMPORT_ATRS_CSV_IMPORT_H_
#define LANTERN_IMPORT_ATRS_CSV_IMPORT_H_

#include <string>

#include "base/diagnostic.h"
#include "import/imported_record.h"

namespace lantern {

bool ImportAtrsCsv(const std::string& path, const std::string& text, ImportedRecord* record,
                   Diagnostics* diagnostics);

}  // namespace lantern

#endif  // LANTERN_IMPORT_ATRS_CSV_IMPORT_H_
