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

namespace {

const std::vector<std::string>& Columns() {
  static const std::vector<std::string> columns = RecordsCsvColumns();
  return columns;
}

}  // namespace

std::string RecordsCsvHeader() { return CsvRow(Columns()); }

std::string RecordsCsvRow(const Site& site, const Value& data) {
  const std::string licence = LicenceStatement(site.config) + " " + site.config.licence_url;
  std::vector<std::string> cells;
  cells.reserve(Columns().size());
  for (const std::string& column : Columns()) cells.push_back(column == "licence" ? licence : Cell(data, column));
  return CsvRow(cells);
}

std::string RecordsCsv(const Site& site) {
  std::string csv = RecordsCsvHeader();
  for (const Record& record : site.records) csv += RecordsCsvRow(site, RecordData(site, record));
  return csv;
}

std::string RecordsCsvDictionary() {
  std::string csv = CsvRow({"column", "label", "atrs_number", "atrs_versions", "description"});
  csv += CsvRow({"id", "Record ID", "", "4.0, 3.0", "The record's permanent identifier: its page is /records/<id>/."});
  csv += CsvRow({"url", "Canonical URL", "", "4.0, 3.0", "The address of the record's page."});
  csv += CsvRow({"atrs_version", "ATRS version", "", "4.0, 3.0", "The version of the standard the record follows."});
  csv += CsvRow({"status", "Status", "", "4.0, 3.0", "published, retired or draft."});
  csv += CsvRow({"publisher.name", "Publisher", "", "4.0, 3.0", "The organisation whose site publishes the record."});
  for (const std::string& column : RecordsCsvColumns()) {
    const FieldSpec* spec = FindFieldAnyVersion(DocumentKind::kRecord, column);
    if (spec == nullptr || IsMetaField(column)) continue;
    const unsigned version = (spec->versions & kV4) ? kV4 : kV3;
    const std::string versions = spec->versions == kAll ? "4.0, 3.0" : spec->versions == kV4 ? "4.0" : "3.0";
    // Sub-fields of a repeatable section are named with the section, so that
    // "Date" says which date it is.
    std::string label = FieldLabel(*spec, version);
    if (const size_t split = column.find("[]."); split != std::string::npos) {
      if (const FieldSpec* parent = FindFieldAnyVersion(DocumentKind::kRecord, column.substr(0, split))) {
        label = std::string(FieldLabel(*parent, version)) + ": " + label;
      }
    }
    csv += CsvRow({column, label, FieldNumber(*spec, version), versions, spec->help});
  }
  csv += CsvRow({"licence", "Licence", "", "4.0, 3.0", "The licence the record is published under."});
  return csv;
}

}  // namespace lantern
