// One CSV cell, for every CSV Lantern writes (open data, the ATRS export, the
// staff export of residents' submissions).
#ifndef LANTERN_BASE_CSV_H_
#define LANTERN_BASE_CSV_H_

#include <string>
#include <string_view>

namespace lantern {

// A cell as RFC 4180 wants it: quoted when it holds a comma, quote, CR or LF
// (quotes doubled). A cell starting with = + - @ tab or CR gets a leading '
// first and is quoted, so that spreadsheets show it as text instead of running
// a formula (OWASP, CSV injection).
std::string CsvCell(std::string_view text);

}  // namespace lantern

#endif  // LANTERN_BASE_CSV_H_
