#include "base/csv.h"

namespace lantern {

std::string CsvCell(std::string_view text) {
  std::string cell;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos) cell = "'";
  cell += text;
  // A defused cell is always quoted too, as OWASP advises for CSV injection.
  if (cell.find_first_of(",\"\r\n") == std::string::npos && cell.front() != '\'') return cell;
  std::string quoted;
  quoted.reserve(cell.size() + 8);
  quoted += '"';
  for (char c : cell) {
    quoted += c;
    if (c == '"') quoted += '"';  // doubled inside quotes
  }
  quoted += '"';
  return quoted;
}

}  // namespace lantern
