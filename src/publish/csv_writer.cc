#include "publish/csv_writer.h"

#include <map>
#include <mutex>
#include <optional>

#include "load/schema.h"
#include "load/translation_loader.h"
#include "model/languages.h"
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
// other ATRS version. The columns that are not fields of the table (url,
// publisher.name) are in every record's data, whatever its version.
std::string Cell(const Value& data, const std::string& path) {
  const Value* version = data.Find("atrs_version");
  if (version && FindFieldAnyVersion(DocumentKind::kRecord, path) != nullptr &&
      FindField(DocumentKind::kRecord, VersionBit(version->text()), path) == nullptr) {
    return {};
  }
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

namespace {

// With `build --feedback-stats`, before licence: the record's feedback_stats
// (publish/record_data.h), one column per count.
constexpr const char* kFeedbackStatsColumns[] = {
    "feedback_stats.from",       "feedback_stats.to",         "feedback_stats.questions",
    "feedback_stats.feedback",   "feedback_stats.objections", "feedback_stats.review_requests",
    "feedback_stats.answered_on_time.percent", "feedback_stats.answered_on_time.of"};

bool IsFeedbackStatsColumn(std::string_view column) { return column.rfind("feedback_stats.", 0) == 0; }

// A count is its number, or "<5" for the band below 5; an on-time cell is
// empty when too few could be judged.
std::string FeedbackStatsCell(const Value& data, const std::string& column) {
  const Value* value = data.FindPath(column);
  if (value == nullptr || value->is_null()) return {};
  if (value->is_map()) {
    const Value* fewer_than = value->Find("fewer_than");
    return fewer_than ? "<" + fewer_than->text() : std::string();
  }
  return value->text();
}

}  // namespace

CsvLayout CsvLayoutOf(const Site& site) {
  return {site.feedback_summary.has_value(), site.config.TranslationLanguages()};
}

namespace {

// The provenance columns of a translation, after its url_<language>.
constexpr const char* kTranslationColumns[] = {"translated_by", "method", "translated_on", "reviewed_on", "stale"};

// The columns of the schema table (every field that is not a section), in
// table order.
const std::vector<const FieldSpec*>& FieldColumns() {
  static const std::vector<const FieldSpec*> fields = [] {
    std::vector<const FieldSpec*> out;
    for (const FieldSpec& spec : AllFields()) {
      if (spec.document != DocumentKind::kRecord || IsMetaField(spec.path)) continue;
      if (spec.type == FieldType::kObject || spec.type == FieldType::kObjectList) continue;
      out.push_back(&spec);
    }
    return out;
  }();
  return fields;
}

// What a column of the translation into a language holds, parsed from its name.
struct TranslationColumn {
  std::string language;
  std::string field;       // a field's path, for `<path>_<language>`
  std::string provenance;  // a kTranslationColumns name, for translation_<language>.*
  bool url = false;        // url_<language>
};

}  // namespace

std::vector<std::string> RecordsCsvColumns(const CsvLayout& layout) {
  std::vector<std::string> columns = {"id", "url", "atrs_version", "status", "publisher.name"};
  for (const FieldSpec* spec : FieldColumns()) columns.emplace_back(spec->path);
  if (layout.feedback_stats) {
    for (const char* column : kFeedbackStatsColumns) columns.emplace_back(column);
  }
  for (const std::string& language : layout.translated_into) {
    columns.push_back("url_" + language);
    for (const char* column : kTranslationColumns) columns.push_back("translation_" + language + "." + column);
    for (const FieldSpec* spec : FieldColumns()) {
      if (IsTranslatableField(*spec)) columns.push_back(std::string(spec->path) + "_" + language);
    }
  }
  columns.emplace_back("licence");
  return columns;
}

namespace {

// One column with what its cell is made from, worked out once per layout.
struct ColumnPlan {
  std::string name;
  std::optional<TranslationColumn> translation;
};

// Computed once per layout, then borrowed by every row (rows are made on
// several threads, hence the lock; map nodes do not move).
const std::vector<ColumnPlan>& Plan(const CsvLayout& layout) {
  static std::mutex mutex;
  static std::map<std::pair<bool, std::vector<std::string>>, std::vector<ColumnPlan>> plans;
  std::lock_guard<std::mutex> lock(mutex);
  auto [it, inserted] = plans.try_emplace({layout.feedback_stats, layout.translated_into});
  if (!inserted) return it->second;
  std::vector<ColumnPlan>& plan = it->second;
  for (const std::string& name : RecordsCsvColumns(layout)) {
    ColumnPlan column{name, std::nullopt};
    for (const std::string& language : layout.translated_into) {
      const std::string suffix = "_" + language, provenance = "translation_" + language + ".";
      if (name == "url" + suffix) {
        column.translation = TranslationColumn{language, "", "", true};
      } else if (name.rfind(provenance, 0) == 0) {
        column.translation = TranslationColumn{language, "", name.substr(provenance.size()), false};
      } else if (name.size() > suffix.size() && name.ends_with(suffix) &&
                 FindFieldAnyVersion(DocumentKind::kRecord, name.substr(0, name.size() - suffix.size()))) {
        column.translation = TranslationColumn{language, name.substr(0, name.size() - suffix.size()), "", false};
      }
      if (column.translation) break;
    }
    plan.push_back(std::move(column));
  }
  return plan;
}

// A cell of the translation into column.language; empty when the record has
// none.
std::string TranslationCell(const Value& data, const TranslationColumn& column) {
  const Value* translations = data.Find("translations");
  const Value* translation = translations ? translations->Find(column.language) : nullptr;
  if (translation == nullptr) return {};
  if (column.url) return ScalarText(*translation->Find("url"));
  if (!column.provenance.empty()) {
    const Value* value = translation->Find(column.provenance);
    return value ? ScalarText(*value) : std::string();
  }
  const Value* fields = translation->Find("fields");
  return fields ? Cell(*fields, column.field) : std::string();
}

}  // namespace

std::string RecordsCsvHeader(const CsvLayout& layout) { return CsvRow(RecordsCsvColumns(layout)); }

std::string RecordsCsvRow(const Site& site, const Value& data) {
  const std::string licence = LicenceStatement(site.config) + " " + site.config.licence_url;
  const std::vector<ColumnPlan>& columns = Plan(CsvLayoutOf(site));
  std::vector<std::string> cells;
  cells.reserve(columns.size());
  for (const ColumnPlan& column : columns) {
    cells.push_back(column.name == "licence"              ? licence
                    : column.translation                  ? TranslationCell(data, *column.translation)
                    : IsFeedbackStatsColumn(column.name) ? FeedbackStatsCell(data, column.name)
                                                          : Cell(data, column.name));
  }
  return CsvRow(cells);
}

std::string RecordsCsv(const Site& site) {
  std::string csv = RecordsCsvHeader(CsvLayoutOf(site));
  for (const Record& record : site.records) csv += RecordsCsvRow(site, RecordData(site, record));
  return csv;
}

std::string RecordsCsvDictionary(const CsvLayout& layout) {
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
  if (layout.feedback_stats) {
    const std::string count = " received in the 12 months from feedback_stats.from to feedback_stats.to (both "
                              "included), not counting suspected spam; \"<5\" when fewer than 5.";
    csv += CsvRow({"feedback_stats.from", "Counted from", "", "4.0, 3.0", "The first day counted (YYYY-MM-DD)."});
    csv += CsvRow({"feedback_stats.to", "Counted to", "", "4.0, 3.0", "The last day counted: the build date."});
    csv += CsvRow({"feedback_stats.questions", "Questions", "", "4.0, 3.0", "Questions about the tool" + count});
    csv += CsvRow({"feedback_stats.feedback", "Feedback", "", "4.0, 3.0", "Feedback about the tool" + count});
    csv += CsvRow({"feedback_stats.objections", "Objections", "", "4.0, 3.0",
                   "Objections to the use of personal information (UK GDPR Article 21)" + count});
    csv += CsvRow({"feedback_stats.review_requests", "Review requests", "", "4.0, 3.0",
                   "Requests for a person to review a decision (UK GDPR Articles 22A-22D)" + count});
    csv += CsvRow({"feedback_stats.answered_on_time.percent", "Answered on time (%)", "", "4.0, 3.0",
                   "Of those due by feedback_stats.to or answered, the share answered on or before the day they "
                   "were due, in whole percent rounded down; empty when fewer than 5 could be judged."});
    csv += CsvRow({"feedback_stats.answered_on_time.of", "Answered on time: out of", "", "4.0, 3.0",
                   "How many the share is of (5 or more); empty when fewer than 5 could be judged."});
  }
  for (const std::string& language : layout.translated_into) {
    const std::string in = " in " + std::string(LanguageNameInEnglish(language)) + " (" + language + ")";
    csv += CsvRow({"url_" + language, "Page" + in, "", "4.0, 3.0", "The address of the record's page" + in + "."});
    const std::string t = "translation_" + language + ".";
    csv += CsvRow({t + "translated_by", "Translated by", "", "4.0, 3.0",
                   "Who translated the record" + in + "; the translation columns are empty when it has none."});
    csv += CsvRow({t + "method", "Translated by a person or a machine", "", "4.0, 3.0", "person or machine."});
    csv += CsvRow({t + "translated_on", "Translated on", "", "4.0, 3.0", "The day it was translated (YYYY-MM-DD)."});
    csv += CsvRow({t + "reviewed_on", "Reviewed on", "", "4.0, 3.0",
                   "The day a person checked a machine translation, or empty."});
    csv += CsvRow({t + "stale", "Out of date", "", "4.0, 3.0",
                   "yes when the translation was made before the record last changed."});
    for (const FieldSpec* spec : FieldColumns()) {
      if (!IsTranslatableField(*spec)) continue;
      const unsigned version = (spec->versions & kV4) ? kV4 : kV3;
      csv += CsvRow({std::string(spec->path) + "_" + language, std::string(FieldLabel(*spec, version)) + in,
                     FieldNumber(*spec, version), spec->versions == kAll ? "4.0, 3.0" : spec->versions == kV4 ? "4.0" : "3.0",
                     "The translation of " + std::string(spec->path) + "; empty where it is not translated."});
    }
  }
  csv += CsvRow({"licence", "Licence", "", "4.0, 3.0", "The licence the record is published under."});
  return csv;
}

}  // namespace lantern
