#include "publish/atrs_export.h"

#include "load/redactions.h"

#include "load/schema.h"
#include "load/validator.h"
#include "publish/csv_writer.h"
#include "publish/record_data.h"

namespace lantern {
namespace {

// The 3.0 fields that hold a 4.0 field's answer: the field itself when 3.0 has
// it, then every 3.0 field whose counterpart it is, in table order.
std::vector<const FieldSpec*> Sources(const FieldSpec& field4, unsigned version) {
  std::vector<const FieldSpec*> sources;
  if (version == kV4 || (field4.versions & kV3)) {
    sources.push_back(&field4);
    if (version == kV4) return sources;
  }
  for (const FieldSpec& f : AllFields()) {
    if (f.document == DocumentKind::kRecord && f.versions == kV3 && f.counterpart != nullptr &&
        std::string_view(f.counterpart) == field4.path) {
      sources.push_back(&f);
    }
  }
  // A field of a renamed list's entries ("owner.external_suppliers[].name")
  // answers the same field of the 4.0 list's ("owner.third_parties[].name"):
  // the table names the lists' counterparts, not their children's.
  const std::string_view path4 = field4.path;
  const size_t entry4 = path4.find("[].");
  if (sources.empty() && entry4 != std::string_view::npos) {
    for (const FieldSpec& f : AllFields()) {
      const std::string_view path = f.path;
      const size_t entry = path.find("[].");
      if (f.document != DocumentKind::kRecord || f.versions != kV3 || entry == std::string_view::npos) continue;
      const FieldSpec* list3 = FindField(DocumentKind::kRecord, kV3, path.substr(0, entry));
      if (list3 != nullptr && list3->counterpart != nullptr && path4.substr(0, entry4) == list3->counterpart &&
          path.substr(entry + 3) == path4.substr(entry4 + 3)) {
        sources.push_back(&f);
      }
    }
  }
  return sources;
}

std::string WithheldText(const Record& record, const std::string& path) {
  const std::string reason = WithheldReason(record, path);
  return reason.empty() ? "Withheld" : "Withheld: " + reason;
}

// The answer text of one field's value, as the template's reader expects it.
std::string AnswerText(const FieldSpec& spec, const Value& value) {
  if (spec.type == FieldType::kBool) return ParseBool(value.is_text() ? value.text() : "").value_or(false) ? "Yes" : "No";
  std::vector<std::string> parts;
  auto add = [&](const Value& item) {
    if (!item.is_text()) return;
    parts.push_back(spec.enumeration ? EnumLabel(spec.enumeration, item.text()) : item.text());
  };
  if (value.is_list()) {
    for (const Value& item : value.items()) add(item);
  } else {
    add(value);
  }
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : ", ") + part;
  // YAML block scalars end in a line break; a spreadsheet cell should not.
  joined.erase(joined.find_last_not_of(" \t\r\n") + 1);
  return joined;
}

// The answer for `field4` from `container` (the record, or one list entry),
// merging the 3.0 sources with their labels when there are several.
std::string Answer(const Record& record, const FieldSpec& field4, const Value* container) {
  const std::vector<const FieldSpec*> sources = Sources(field4, record.version_bit);
  // (label to lead in with, or "" for the 4.0 field's own answer; text)
  std::vector<std::pair<std::string, std::string>> answers;
  for (const FieldSpec* source : sources) {
    const std::string path = source->path;
    const size_t entry_split = path.rfind("[].");
    const Value* value = nullptr;
    if (container != nullptr) {
      value = entry_split == std::string::npos ? container->FindPath(path)
                                               : container->Find(FieldKey(path));
    }
    std::string text;
    if (value != nullptr && !value->is_null()) {
      text = AnswerText(*source, *value);
    } else if (IsWithheld(record.withheld, path)) {
      text = WithheldText(record, path);
    }
    if (!text.empty()) {
      answers.emplace_back(source == &field4 ? "" : FieldLabel(*source, record.version_bit), text);
    }
  }
  if (answers.size() == 1) return answers.front().second;
  std::string merged;
  for (const auto& [label, text] : answers) {
    merged += (merged.empty() ? "" : "\n\n") + (label.empty() ? text : label + ": " + text);
  }
  return merged;
}

std::string TemplateNumber(const FieldSpec& field, bool tier2) {
  const std::string number = field.number;
  return tier2 && !number.empty() ? "2." + number : number;
}

// The 3.0 list holding a 4.0 list's entries (or the list itself for 4.0).
const Value* SourceList(const Record& record, const FieldSpec& list4) {
  for (const FieldSpec* source : Sources(list4, record.version_bit)) {
    if (const Value* list = record.data().FindPath(source->path); list && list->is_list()) return list;
  }
  return nullptr;
}

bool ChildrenHaveNumbers(const FieldSpec& list4) {
  for (const FieldSpec* child : ChildFields(DocumentKind::kRecord, kV4, std::string(list4.path) + "[]")) {
    if (*child->number != '\0') return true;
  }
  return false;
}

// Entries of a list whose fields have no numbers, as one answer.
std::string ListAsOneAnswer(const Record& record, const FieldSpec& list4) {
  const Value* list = SourceList(record, list4);
  if (list == nullptr) return IsWithheld(record.withheld, list4.path) ? WithheldText(record, list4.path) : "";
  std::string answer;
  for (const Value& entry : list->items()) {
    std::string block;
    for (const FieldSpec* child : ChildFields(DocumentKind::kRecord, kV4, std::string(list4.path) + "[]")) {
      const std::string text = Answer(record, *child, &entry);
      if (!text.empty()) block += (block.empty() ? "" : "\n") + std::string(FieldLabel(*child, kV4)) + ": " + text;
    }
    answer += (answer.empty() ? "" : "\n\n") + block;
  }
  return answer;
}

}  // namespace

std::string AtrsTemplateCsv(const Site& site, const Record& record) {
  (void)site;
  std::string csv = CsvRow({"Section", "Number", "Field", "Answer"});
  auto row = [&csv](const std::string& section, const std::string& number, const std::string& label,
                    const std::string& answer) { csv += CsvRow({section, number, label, answer}); };

  const std::string tier1 = FieldLabel(*FindField(DocumentKind::kRecord, kV4, "summary"), kV4);
  for (const FieldSpec* field : ChildFields(DocumentKind::kRecord, kV4, "summary")) {
    if (*field->number == '\0') continue;  // Lantern's own one-sentence description
    row(tier1, TemplateNumber(*field, false), FieldLabel(*field, kV4), Answer(record, *field, &record.data()));
  }
  // v4.0 moved phase and region into the Summary information sheet.
  for (const char* path : {"phase", "region"}) {
    const FieldSpec* field = FindField(DocumentKind::kRecord, kV4, path);
    row(tier1, "", FieldLabel(*field, kV4), Answer(record, *field, &record.data()));
  }

  for (const SectionSpec& section : RecordSections()) {
    const std::string title = section.title;
    for (const FieldSpec* field : ChildFields(DocumentKind::kRecord, kV4, section.key)) {
      if (field->type != FieldType::kObjectList) {
        row(title, TemplateNumber(*field, true), FieldLabel(*field, kV4), Answer(record, *field, &record.data()));
        continue;
      }
      if (!ChildrenHaveNumbers(*field)) {
        row(title, TemplateNumber(*field, true), FieldLabel(*field, kV4), ListAsOneAnswer(record, *field));
        continue;
      }
      const std::string group = FieldLabel(*field, kV4);
      const Value* list = SourceList(record, *field);
      const std::vector<const FieldSpec*> children =
          ChildFields(DocumentKind::kRecord, kV4, std::string(field->path) + "[]");
      if (list == nullptr || list->items().empty()) {
        // The template's fields stay in place, blank or withheld.
        const std::string blank = IsWithheld(record.withheld, field->path) ? WithheldText(record, field->path) : "";
        for (const FieldSpec* child : children) {
          row(group, TemplateNumber(*child, true), FieldLabel(*child, kV4), blank);
        }
        continue;
      }
      int n = 0;
      for (const Value& entry : list->items()) {
        const std::string entry_section = group + " " + std::to_string(++n);
        for (const FieldSpec* child : children) {
          row(entry_section, TemplateNumber(*child, true), FieldLabel(*child, kV4), Answer(record, *child, &entry));
        }
      }
    }
  }
  return csv;
}

}  // namespace lantern
