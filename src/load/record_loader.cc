#include "load/record_loader.h"

#include "base/edit_distance.h"
#include "load/completeness.h"
#include "load/placeholders.h"
#include "load/plain_language.h"
#include "load/schema.h"
#include "load/validator.h"
#include "load/yaml_reader.h"

namespace lantern {
namespace {

std::string Quote(std::string_view text) { return "\"" + std::string(text) + "\""; }

// Turns a redaction's dotted path ("technical.models.performance") into the
// schema's form ("technical.models[].performance").
std::string SchemaPathOf(const std::string& dotted, unsigned version) {
  std::string schema_path;
  size_t start = 0;
  while (start <= dotted.size()) {
    const size_t dot = dotted.find('.', start);
    const std::string part = dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!schema_path.empty()) schema_path += ".";
    schema_path += part;
    const FieldSpec* spec = FindField(DocumentKind::kRecord, version, schema_path);
    if (spec != nullptr && spec->type == FieldType::kObjectList && dot != std::string::npos) schema_path += "[]";
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return schema_path;
}

// Reads `redactions` before validation, so that withheld fields count as given.
std::set<std::string> CollectWithheld(const Value& root, unsigned version, const std::string& path,
                                      Diagnostics* diagnostics) {
  std::set<std::string> withheld;
  const Value* redactions = root.Find("redactions");
  if (redactions == nullptr || !redactions->is_list()) return withheld;
  std::vector<std::string> known;
  for (const FieldSpec& f : AllFields()) {
    if (f.document == DocumentKind::kRecord && (f.versions & version)) known.push_back(DisplayPath(f.path));
  }
  for (const Value& entry : redactions->items()) {
    const Value* field = entry.is_map() ? entry.Find("field") : nullptr;
    if (field == nullptr || !field->is_text()) continue;
    const std::string schema_path = SchemaPathOf(field->text(), version);
    const FieldSpec* spec = FindField(DocumentKind::kRecord, version, schema_path);
    if (spec == nullptr || std::string_view(spec->path).find('.') == std::string_view::npos) {
      // Whole top-level blocks cannot be withheld: the record would be empty.
      std::string message = "redactions names " + Quote(field->text()) + ", which is not a field of an ATRS " +
                            std::string(version == kV3 ? "3.0" : "4.0") + " record";
      const std::string nearest = NearestMatch(field->text(), known);
      if (spec != nullptr) {
        message = "a whole section (" + Quote(field->text()) + ") cannot be withheld; name the fields inside it";
      } else if (!nearest.empty()) {
        message += " (did you mean " + Quote(nearest) + "?)";
      }
      diagnostics->Error(path, field->location(), "L031", message);
      continue;
    }
    withheld.insert(schema_path);
  }
  return withheld;
}

// The change log with each entry's date parsed; entries the schema would
// reject (no date, no note) are skipped rather than trusted.
std::vector<RecordChange> ChangeLog(const Value& root) {
  std::vector<RecordChange> changes;
  const Value* list = root.Find("changes");
  if (!list || !list->is_list()) return changes;
  for (const Value& change : list->items()) {
    const Value* date = change.Find("date");
    const Value* note = change.Find("note");
    if (!date || !note || !date->is_text() || !note->is_text()) continue;
    if (std::optional<Date> d = Date::Parse(date->text())) changes.push_back({*d, note->text()});
  }
  return changes;
}

std::optional<Date> DateAt(const Value& root, std::string_view dotted) {
  const Value* v = root.FindPath(dotted);
  return v && v->is_text() ? Date::Parse(v->text()) : std::nullopt;
}

SourceLocation KeyLocation(const Value& root, std::string_view parent, std::string_view key) {
  const Value* map = parent.empty() ? &root : root.FindPath(parent);
  const Value::Member* m = map && map->is_map() ? map->FindMember(key) : nullptr;
  return m ? m->key_location : root.location();
}

// The rules between fields. Each is stated in the spec (site-format.md) or is
// a contradiction a reader would notice.
void CheckRules(const Record& record, const std::string& path, Diagnostics* diagnostics) {
  const Value& root = record.data();
  const bool v4 = record.version_bit == kV4;
  const char* involvement_key = v4 ? "third_party_involvement" : "external_supplier_involvement";
  const char* parties_key = v4 ? "third_parties" : "external_suppliers";
  if (const Value* owner = root.Find("owner"); owner && owner->is_map()) {
    const Value* involvement = owner->Find(involvement_key);
    const Value* parties = owner->Find(parties_key);
    const bool has_parties = parties && parties->is_list() && !parties->items().empty();
    const bool withheld = record.withheld.count(std::string("owner.") + parties_key) > 0;
    if (involvement && involvement->is_text()) {
      const std::optional<bool> yes = ParseBool(involvement->text());
      if (yes && *yes && !has_parties && !withheld) {
        diagnostics->Error(path, KeyLocation(root, "owner", involvement_key), "L032",
                           Quote(involvement_key) + " is yes, so list each one under \"" + parties_key +
                               "\" (name, role, …), or withhold it under redactions with a reason");
      }
      if (yes && !*yes && has_parties) {
        diagnostics->Warning(path, KeyLocation(root, "owner", parties_key), "L033",
                             Quote(involvement_key) + " is no, but \"" + parties_key +
                                 "\" lists someone; set it to yes, or remove the list");
      }
    }
  }

  const std::optional<Date> published = DateAt(root, "dates.published");
  const std::optional<Date> updated = DateAt(root, "dates.updated");
  const std::optional<Date> archived = DateAt(root, "dates.archived");
  const std::optional<Date> next_review = DateAt(root, "dates.next_review");
  if (record.is_retired() && !archived) {
    const std::string_view why = record.status == "retired" ? "status" : "phase";
    diagnostics->Error(path, KeyLocation(root, "", why), "L034",
                       std::string(why) + " is retired, so \"dates\" needs \"archived\": the date the tool "
                       "stopped being used, as YYYY-MM-DD");
  }
  if (record.status == "retired" && record.phase != "retired" && !record.phase.empty()) {
    diagnostics->Warning(path, KeyLocation(root, "", "phase"), "L035",
                         "status is retired but phase is " + Quote(record.phase) + "; set phase: retired");
  }
  if (record.phase == "retired" && record.status == "published") {
    diagnostics->Warning(path, KeyLocation(root, "", "status"), "L035",
                         "phase is retired but status is published; set status: retired");
  }
  if (archived && !record.is_retired()) {
    diagnostics->Warning(path, KeyLocation(root, "dates", "archived"), "L035",
                         "dates has \"archived\" but the record is not retired; set status: retired and "
                         "phase: retired, or remove the date");
  }
  if (published) {
    if (updated && *updated < *published) {
      diagnostics->Error(path, root.FindPath("dates.updated")->location(), "L036",
                         "updated (" + updated->Iso() + ") is before published (" + published->Iso() + ")");
    }
    if (archived && *archived < *published) {
      diagnostics->Error(path, root.FindPath("dates.archived")->location(), "L036",
                         "archived (" + archived->Iso() + ") is before published (" + published->Iso() + ")");
    }
    const Date last = updated ? *updated : *published;
    if (next_review && *next_review < last) {
      diagnostics->Error(path, root.FindPath("dates.next_review")->location(), "L036",
                         "next_review (" + next_review->Iso() + ") is before the record was last " +
                             (updated ? "updated (" : "published (") + last.Iso() + ")");
    }
  }
  if (const Value* changes = root.Find("changes"); changes && changes->is_list()) {
    std::optional<Date> previous;
    for (const Value& change : changes->items()) {
      const std::optional<Date> date = change.is_map() ? DateAt(change, "date") : std::nullopt;
      if (date && previous && *previous < *date) {
        diagnostics->Warning(path, change.Find("date")->location(), "L037",
                             "changes should be newest first, but " + date->Iso() + " comes after " +
                                 previous->Iso());
        break;
      }
      if (date) previous = date;
    }
  }
}

}  // namespace

std::optional<Record> ParseRecord(const std::string& path, const std::string& file_id, const std::string& text,
                                  Diagnostics* diagnostics) {
  diagnostics->RememberSource(path, text);
  if (!CheckContentBytes(path, text, diagnostics)) return std::nullopt;
  std::optional<Value> root = ReadYaml(path, text, diagnostics);
  if (!root) return std::nullopt;
  if (!root->is_map()) {
    diagnostics->Error(path, root->location(), "L010",
                       std::string("a record is a mapping of fields (key: value lines), not ") + root->KindName());
    return std::nullopt;
  }
  Record record;
  record.source_path = path;
  record.version = "4.0";
  if (const Value* v = root->Find("atrs_version"); v && v->is_text() && (v->text() == "3.0" || v->text() == "4.0")) {
    record.version = v->text();
  }
  record.version_bit = VersionBit(record.version);

  Diagnostics local;
  local.RememberSource(path, text);
  record.withheld = CollectWithheld(*root, record.version_bit, path, &local);
  ValidationTarget target{DocumentKind::kRecord, record.version_bit, record.version, path, record.withheld};
  ValidateDocument(target, *root, &local);

  // An empty "id:" is "not given", as the validator treats it: the file name.
  if (const Value* id = root->Find("id"); id && id->is_text() && !id->text().empty()) {
    record.id = id->text();
  } else {
    record.id = file_id;
    if (!IsValidId(file_id)) {
      local.Error(path, {}, "L019",
                  Quote(file_id + ".yaml") + " is not a valid record file name: the name becomes the record's web "
                  "address, so use lower-case letters, digits and single dashes (or set \"id\")");
    }
  }
  if (const Value* v = root->Find("status"); v && v->is_text()) record.status = v->text();
  if (record.status.empty()) record.status = "published";
  if (const Value* v = root->Find("phase"); v && v->is_text()) record.phase = v->text();
  record.set_data(std::move(*root));
  CheckRules(record, path, &local);
  ReportPlaceholders(path, text, &local);
  CheckRecordPlainLanguage(path, text, record.data(), &local);

  const bool ok = !local.has_errors();
  diagnostics->AddAll(local);
  if (!ok) return std::nullopt;

  record.published = *DateAt(record.data(), "dates.published");
  record.updated = DateAt(record.data(), "dates.updated");
  record.archived = DateAt(record.data(), "dates.archived");
  record.changes = ChangeLog(record.data());
  return record;
}

void FinishRecord(const SiteConfig& config, Record* record, Diagnostics* diagnostics) {
  const std::optional<Date> next_review = DateAt(record->data(), "dates.next_review");
  record->next_review = next_review ? *next_review : record->last_changed().PlusMonths(config.review_interval_months);
  if (config.today.year != 0) CheckRecordCompleteness(*record, config, config.today, diagnostics);
}

std::optional<Record> LoadRecord(const std::string& path, const std::string& file_id, const std::string& text,
                                 const SiteConfig& config, Diagnostics* diagnostics) {
  std::optional<Record> record = ParseRecord(path, file_id, text, diagnostics);
  if (record) FinishRecord(config, &*record, diagnostics);
  return record;
}

}  // namespace lantern
