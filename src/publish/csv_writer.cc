#include "publish/csv_writer.h"

#include "load/schema.h"
#include "publish/record_data.h"

namespace lantern {
namespace {

bool IsMetaField(std::string_view path) { return path == "id" || path == "atrs_version" || path == "status"; }

std::string ScalarText(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kNull:
      return "(withheld)";
    case Value::Kind::kBool:
      return value.as_bool() ? "yes" : "no";
    case Value::Kind::kText:
      return value.text();
    case Value::Kind::kList: {
      std::string joined;
      for (const Value& item : value.items()) joined += (joined.empty() ? "" : "; ") + ScalarText(item);
      return joined;
    }
    case Value::Kind::kMap:
      return {};
  }
  return {};
}

// The cell for a column path in a record's data; empty for a field of the
// other ATRS version.
std::string Cell(const Value& data, const std::string& path) {
  const Value* version = data.Find("atrs_version");
  if (version && FindField(DocumentKind::kRecord, VersionBit(version->text()), path) == nullptr) return {};
  const size_t split = path.find("[].");
  if (split == std::string::npos) {
    const Value* value = data.FindPath(path);
    return value ? ScalarText(*value) : std::string();
  }
  const Value* list = data.FindPath(path.substr(0, split));
  if (list == nullptr) return {};
  if (list->is_null()) return "(withheld)";
  std::string cell;
  int n = 0;
  bool any = false;
  for (const Value& entry : list->items()) {
    const Value* value = entry.FindPath(path.substr(split + 3));
    any = any || value != nullptr;
    if (n > 0) cell += "\n";
    ++n;
    cell += "[" + std::to_string(n) + "]";
    if (value != nullptr) cell += " " + ScalarText(*value);
  }
  return any ? cell : std::string();  // no entry answers it: leave the column empty
}

}  // namespace

std::string CsvCell(const std::string& text) {
  std::string cell = text;
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell[0]) != std::string_view::npos) cell = "'" + cell;
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string CsvRow(const std::vector<std::string>& cells) {
  std::string row;
  for (size_t i = 0; i < cells.size(); ++i) row += (i ? "," : "") + CsvCell(cells[i]);
  return row + "\r\n";
}

std::vector<std::string> RecordsCsvColumns() {
  std::vector<std::string> columns = {"id", "url", "atrs_version", "status", "publisher.name"};
  for (const FieldSpec& spec : AllFields()) {
    if (spec.document != DocumentKind::kRecord || IsMetaField(spec.path)) continue;
    if (spec.type == FieldType::kObject || spec.type == FieldType::kObjectList) continue;
    columns.emplace_back(spec.path);
  }
  columns.emplace_back("licence");
  return columns;
}

std::string RecordsCsv(const Site& site) {
  const std::vector<std::string> columns = RecordsCsvColumns();
  std::string csv = CsvRow(columns);
  const std::string licence = LicenceStatement(site.config) + " " + site.config.licence_url;
  for (const Record& record : site.records) {
    const Value data = RecordData(site, record);
    std::vector<std::string> cells;
    for (const std::string& column : columns) cells.push_back(column == "licence" ? licence : Cell(data, column));
    csv += CsvRow(cells);
  }
  return csv;
}

}  // namespace lantern
