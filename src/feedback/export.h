// Staff exports of stored submissions. CSV follows RFC 4180 (CRLF line ends,
// fields quoted when they need it, quotes doubled: base/csv) and defuses spreadsheet formulas: a
// cell starting with = + - @ tab or CR gets a leading apostrophe. JSON is an
// array of objects with stable key order.
#ifndef LANTERN_FEEDBACK_EXPORT_H_
#define LANTERN_FEEDBACK_EXPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/csv.h"
#include "base/json_text.h"
#include "feedback/store.h"

namespace lantern {

std::string SubmissionsToCsv(const std::vector<StoredSubmission>& rows);
std::string SubmissionsToJson(const std::vector<StoredSubmission>& rows);

}  // namespace lantern

#endif  // LANTERN_FEEDBACK_EXPORT_H_
