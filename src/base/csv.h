// One CSV cell, for every CSV Lantern writes (open data, the ATRS export, the
// staff export of residents' submissions), and the reader for the one CSV
// Lantern reads (the ATRS template, `lantern import atrs`).
#ifndef LANTERN_BASE_CSV_H_
#define LANTERN_BASE_CSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace lantern {

// A cell as RFC 4180 wants it: quoted when it holds a comma, quote, CR or LF
// (quotes doubled). A cell starting with = + - @ tab or CR gets a leading '
// first and is quoted, so that spreadsheets show it as text instead of running
// a formula (OWASP, CSV injection).
std::string CsvCell(std::string_view text);

// One cell read back: its text (quotes undone) and where it starts in the
// file (line and byte column of its first character, or of its opening quote).
struct CsvReadCell {
  std::string text;
  SourceLocation at;
};
using CsvReadRow = std::vector<CsvReadCell>;

// Reads RFC 4180 CSV (LF or CRLF line ends; quoted cells may hold commas,
// doubled quotes and line breaks). Success: true, one row per record, empty
// lines skipped. Failure: false, `error` says why and `error_at` where: the
// first invalid UTF-8 byte, an unterminated quoted cell (at its opening
// quote), or a quote inside an unquoted cell or text after a closing quote.
// It never reads past the text, so no input makes it hang or crash.
bool ReadCsv(std::string_view text, std::vector<CsvReadRow>* rows, std::string* error, SourceLocation* error_at);

// A cell as CsvCell wrote it, undone: the ' that defused a leading = + - @
// tab or CR is taken off again.
std::string CsvCellText(std::string_view cell);

}  // namespace lantern

#endif  // LANTERN_BASE_CSV_H_
