#include "base/csv.h"

#include "base/utf8.h"

namespace lantern {

std::string CsvCell(std::string_view text) {
  std::string cell;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos) cell = "'";
  cell += text;
  // A defused cell is always quoted too, as OWASP advises for CSV injection.
  if (cell.find_first_of(",\"\r\n") == std::string::npos && (cell.empty() || cell.front() != '\'')) return cell;
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

namespace lantern {

// RFC 4180 is a small grammar; no CSV library is on the machine, and this
// reader must report the line and column of every cell, which is what the
// importer's diagnostics need, so it is written here beside the writer.
bool ReadCsv(std::string_view text, std::vector<CsvReadRow>* rows, std::string* error, SourceLocation* error_at) {
  rows->clear();
  if (const size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos) {
    *error = "invalid UTF-8 (byte 0x" + std::string(1, "0123456789abcdef"[static_cast<unsigned char>(text[bad]) >> 4]) +
             std::string(1, "0123456789abcdef"[static_cast<unsigned char>(text[bad]) & 15]) +
             "): save the file as UTF-8";
    *error_at = LocationOfOffset(text, bad);
    return false;
  }
  size_t i = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // a spreadsheet's byte-order mark
  const size_t n = text.size();
  while (i < n) {
    if (text[i] == '\n' || (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n')) {  // an empty line
      i += text[i] == '\r' ? 2 : 1;
      continue;
    }
    CsvReadRow row;
    while (true) {
      CsvReadCell cell;
      cell.at = LocationOfOffset(text, i);
      if (i < n && text[i] == '"') {
        const size_t open = i++;
        bool closed = false;
        while (i < n) {
          if (text[i] == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              cell.text += '"';
              i += 2;
              continue;
            }
            ++i;
            closed = true;
            break;
          }
          cell.text += text[i++];
        }
        if (!closed) {
          *error = "unterminated quoted cell: it opens here and no closing quote follows";
          *error_at = LocationOfOffset(text, open);
          return false;
        }
        if (i < n && text[i] != ',' && text[i] != '\n' && !(text[i] == '\r' && i + 1 < n && text[i + 1] == '\n')) {
          *error = "text after a quoted cell's closing quote: put the whole cell in quotes, with quotes inside doubled";
          *error_at = LocationOfOffset(text, i);
          return false;
        }
      } else {
        while (i < n && text[i] != ',' && text[i] != '\n' && !(text[i] == '\r' && i + 1 < n && text[i + 1] == '\n')) {
          if (text[i] == '"') {
            *error = "a quote inside an unquoted cell: put the whole cell in quotes, with quotes inside doubled";
            *error_at = LocationOfOffset(text, i);
            return false;
          }
          cell.text += text[i++];
        }
      }
      row.push_back(std::move(cell));
      if (i < n && text[i] == ',') {
        ++i;
        continue;
      }
      if (i < n) i += text[i] == '\r' ? 2 : 1;  // the line end
      break;
    }
    rows->push_back(std::move(row));
  }
  return true;
}

std::string CsvCellText(std::string_view cell) {
  if (cell.size() >= 2 && cell[0] == '\'' && std::string_view("=+-@\t\r").find(cell[1]) != std::string_view::npos) {
    return std::string(cell.substr(1));
  }
  return std::string(cell);
}

}  // namespace lantern
