#include "import/atrs_csv_import.h"

#include <filesystem>
#include <map>
#include <optional>

#include "base/csv.h"
#include "import/facet_values.h"
#include "load/schema.h"
#include "load/validator.h"

namespace lantern {
namespace {

constexpr const char* kHeader[] = {"Section", "Number", "Field", "Answer"};

// What one template number holds.
struct Target {
  const FieldSpec* field;       // the field (a list's child for entry rows)
  const FieldSpec* list;        // the repeatable section it belongs to, or nullptr
};

std::string TemplateNumber(const FieldSpec& field) {
  const std::string path = field.path;
  const std::string number = field.number;
  return path.rfind("summary.", 0) == 0 ? number : "2." + number;
}

bool HasNumberedChildren(const FieldSpec& list) {
  for (const FieldSpec* child : ChildFields(DocumentKind::kRecord, kV4, std::string(list.path) + "[]")) {
    if (*child->number != '\0') return true;
  }
  return false;
}

// Template number → field, as the export writes them.
const std::map<std::string, Target>& Targets() {
  static const std::map<std::string, Target> targets = [] {
    std::map<std::string, Target> built;
    for (const FieldSpec& field : AllFields()) {
      if (field.document != DocumentKind::kRecord || !(field.versions & kV4) || *field.number == '\0') continue;
      const std::string path = field.path;
      const size_t entry = path.find("[].");
      if (entry != std::string::npos) {
        built[TemplateNumber(field)] = {&field, FindField(DocumentKind::kRecord, kV4, path.substr(0, entry))};
      } else if (field.type != FieldType::kObjectList || !HasNumberedChildren(field)) {
        if (field.type == FieldType::kObject) continue;
        built[TemplateNumber(field)] = {&field, nullptr};
      }
    }
    return built;
  }();
  return targets;
}

std::optional<std::string> WithheldReason(const std::string& answer) {
  if (answer == "Withheld") return std::string();
  if (answer.rfind("Withheld: ", 0) == 0) return answer.substr(10);
  return std::nullopt;
}

class CsvImporter {
 public:
  CsvImporter(const std::string& path, ImportedRecord* record, Diagnostics* diagnostics)
      : path_(path), record_(record), diagnostics_(diagnostics) {}

  bool Run(const std::string& text) {
    diagnostics_->RememberSource(path_, text);
    std::vector<CsvReadRow> rows;
    std::string error;
    SourceLocation at;
    if (!ReadCsv(text, &rows, &error, &at)) return Fail(at, "L120", error);
    if (rows.empty()) return Fail({1, 1}, "L121", "empty file: the first row must be Section,Number,Field,Answer");
    CheckHeader(rows.front());
    for (size_t i = 1; i < rows.size(); ++i) Row(rows[i]);
    if (failed_) return false;
    Finish();
    return true;
  }

 private:
  bool Fail(SourceLocation at, const char* code, const std::string& message) {
    diagnostics_->Error(path_, at, code, message);
    failed_ = true;
    return false;
  }

  void CheckHeader(const CsvReadRow& header) {
    for (size_t i = 0; i < 4; ++i) {
      if (i >= header.size()) {
        Fail(header.back().at, "L121",
             "wrong header: it has " + std::to_string(header.size()) +
                 " columns; the first row must be Section,Number,Field,Answer");
        return;
      }
      if (header[i].text != kHeader[i]) {
        Fail(header[i].at, "L121",
             "wrong header: column " + std::to_string(i + 1) + " is \"" + header[i].text + "\", expected \"" +
                 kHeader[i] + "\" (the first row must be Section,Number,Field,Answer)");
        return;
      }
    }
    if (header.size() > 4) {
      Fail(header[4].at, "L121", "wrong header: an extra column \"" + header[4].text +
                                     "\"; the first row must be Section,Number,Field,Answer");
    }
  }

  void Row(const CsvReadRow& row) {
    if (row.size() != 4) {
      Fail(row.front().at, "L122",
           "this row has " + std::to_string(row.size()) + " cells; each row has 4: Section, Number, Field, Answer");
      return;
    }
    const std::string section = row[0].text;
    const std::string number = row[1].text;
    const std::string field_label = row[2].text;
    const std::string answer = CsvCellText(row[3].text);
    const SourceLocation answer_at = row[3].at;
    // Phase and region sit in the Summary information sheet without numbers.
    if (number.empty() && (field_label == "Phase" || field_label == "Region")) {
      const std::string path = field_label == "Phase" ? "phase" : "region";
      if (!Claim(path, row[2].at)) return;
      if (!answer.empty()) Plain(*FindField(DocumentKind::kRecord, kV4, path), path, answer, answer_at);
      return;
    }
    const auto it = Targets().find(number);
    if (it == Targets().end()) {
      Fail(number.empty() ? row[2].at : row[1].at, "L123",
           number.empty() ? "unknown template field \"" + field_label + "\": a row without a number must be Phase or Region"
                          : "unknown template number \"" + number + "\" (\"" + field_label +
                                "\"): it is not a field of the ATRS 4.0 template");
      return;
    }
    const Target& target = it->second;
    if (target.list == nullptr) {
      if (!Claim(target.field->path, row[1].at)) return;
      if (!answer.empty()) Plain(*target.field, target.field->path, answer, answer_at);
      return;
    }
    // An entry of a repeatable section: "Third parties 2", or the bare
    // "Third parties" when the record has none (blank or withheld rows).
    const std::string group = FieldLabel(*target.list, kV4);
    int entry = 0;
    if (section != group) {
      const std::string rest = section.rfind(group + " ", 0) == 0 ? section.substr(group.size() + 1) : "";
      if (!rest.empty() && rest.size() < 5 && rest.find_first_not_of("0123456789") == std::string::npos &&
          rest[0] != '0') {
        entry = std::stoi(rest);
      } else {
        Fail(row[0].at, "L124",
             "section \"" + section + "\" does not fit field " + number + " (" + FieldLabel(*target.field, kV4) +
                 "): it belongs in \"" + group + " 1\", \"" + group + " 2\", … (or \"" + group +
                 "\" when there are none)");
        return;
      }
    }
    const std::string key = std::string(target.list->path) + "#" + std::to_string(entry) + "." +
                            std::string(FieldKey(target.field->path));
    if (!Claim(key, row[1].at, section)) return;
    if (answer.empty()) return;
    if (entry == 0) {
      const std::optional<std::string> reason = WithheldReason(answer);
      if (!reason) {
        Fail(answer_at, "L124",
             "an answer in \"" + section + "\", the section for none: put the entry in \"" + group + " 1\"");
        return;
      }
      Withhold(target.list->path, *reason);
      return;
    }
    if (!entries_[target.list->path].count(entry)) ++fields_;
    AnswerValue(*target.field, answer, answer_at, &entries_[target.list->path][entry]);
  }

  // Notes that a field was given, or reports a duplicate row.
  bool Claim(const std::string& key, SourceLocation at, const std::string& section = "") {
    auto [it, fresh] = seen_.emplace(key, at.line);
    if (fresh) return true;
    (void)section;
    Fail(at, "L125", "duplicate row: this field is already given on line " + std::to_string(it->second));
    return false;
  }

  void Withhold(const std::string& path, const std::string& reason) {
    for (const auto& [existing, text] : redactions_) {
      if (existing == path) return;
    }
    redactions_.emplace_back(path, reason);
  }

  void Plain(const FieldSpec& field, const std::string& path, const std::string& answer, SourceLocation at) {
    if (std::optional<std::string> reason = WithheldReason(answer)) {
      Withhold(path, *reason);
      return;
    }
    if (field.type == FieldType::kObjectList) {
      ListAnswer(field, answer, at);
      return;
    }
    Value value;
    if (!Convert(field, answer, at, &value)) return;
    tree_.Set(path, std::move(value));
    ++fields_;
  }

  // "Third party involvement" → "third party involvement", for messages.
  static std::string LowerLabel(const FieldSpec& field) {
    std::string label = FieldLabel(field, kV4);
    if (!label.empty() && label[0] >= 'A' && label[0] <= 'Z') label[0] = static_cast<char>(label[0] - 'A' + 'a');
    return label;
  }

  // The answer as the field's value: enumeration labels as slugs, Yes/No as
  // yes/no. False (with an error) when it is not one of the allowed values.
  bool Convert(const FieldSpec& field, const std::string& answer, SourceLocation at, Value* value) {
    if (field.type == FieldType::kBool) {
      const std::optional<bool> yes = ParseBool(answer);
      if (!yes) {
        return Fail(at, "L126", LowerLabel(field) + " must be Yes or No, not \"" + answer + "\"");
      }
      *value = Value::Text(*yes ? "yes" : "no", {}, false);
      return true;
    }
    if (field.type == FieldType::kEnum || field.type == FieldType::kEnumList) {
      std::vector<std::string> labels;
      if (field.type == FieldType::kEnumList) {
        size_t start = 0;
        while (start <= answer.size()) {
          const size_t comma = std::min(answer.find(", ", start), answer.size());
          labels.push_back(answer.substr(start, comma - start));
          start = comma + 2;
        }
      } else {
        labels.push_back(answer);
      }
      Value list = Value::List();
      for (const std::string& label : labels) {
        const std::string slug = SlugOfLabel(field.enumeration, label, kV4);
        if (slug.empty()) {
          return Fail(at, "L126", "unknown " + LowerLabel(field) + " \"" + label + "\": one of " +
                                      LabelsOf(field.enumeration, kV4));
        }
        if (field.type == FieldType::kEnum) {
          *value = Value::Text(slug, {}, false);
          return true;
        }
        list.Push(Value::Text(slug, {}, false));
      }
      *value = std::move(list);
      return true;
    }
    *value = Value::Text(answer);
    return true;
  }

  void AnswerValue(const FieldSpec& field, const std::string& answer, SourceLocation at, Value* entry) {
    if (entry->is_null()) *entry = Value::Map();
    if (std::optional<std::string> reason = WithheldReason(answer)) {
      std::string list_path = field.path;
      Withhold(list_path.substr(0, list_path.find("[].")), *reason);
      return;
    }
    Value value;
    if (!Convert(field, answer, at, &value)) return;
    entry->Set(FieldKey(field.path), std::move(value));
  }

  // A repeatable section written as one answer: entries separated by a blank
  // line, each field on lines starting "Label: ".
  void ListAnswer(const FieldSpec& list, const std::string& answer, SourceLocation at) {
    const auto& children = ChildFields(DocumentKind::kRecord, kV4, std::string(list.path) + "[]");
    Value entries = Value::List();
    Value entry = Value::Map();
    const FieldSpec* current = nullptr;
    std::string text;
    int line_offset = 0;
    auto flush_field = [&]() -> bool {
      if (current == nullptr) return true;
      while (!text.empty() && text.back() == '\n') text.pop_back();
      Value value;
      if (!Convert(*current, text, {at.line + line_offset, at.column}, &value)) return false;
      entry.Set(FieldKey(current->path), std::move(value));
      current = nullptr;
      text.clear();
      return true;
    };
    size_t start = 0;
    for (int line_number = 0; start <= answer.size(); ++line_number) {
      const size_t end = std::min(answer.find('\n', start), answer.size());
      const std::string line = answer.substr(start, end - start);
      start = end + 1;
      const FieldSpec* starts = nullptr;
      for (const FieldSpec* child : children) {
        const std::string lead = std::string(FieldLabel(*child, kV4)) + ": ";
        if (line.rfind(lead, 0) == 0) starts = child;
      }
      if (starts != nullptr) {
        if (!flush_field()) return;
        // A field the entry already has, or its first field again, opens the next entry.
        if (!entry.members().empty() && (entry.Find(FieldKey(starts->path)) != nullptr || starts == children.front())) {
          entries.Push(std::move(entry));
          entry = Value::Map();
        }
        current = starts;
        line_offset = line_number;
        text = line.substr(std::string(FieldLabel(*starts, kV4)).size() + 2);
        continue;
      }
      if (current == nullptr) {
        Fail({at.line + line_number, at.column}, "L127",
             "cannot read " + std::string(FieldLabel(list, kV4)) + ": each entry's lines start with a field name (" +
                 ChildLabels(children) + ")");
        return;
      }
      text += "\n" + line;
    }
    if (!flush_field()) return;
    if (!entry.members().empty()) entries.Push(std::move(entry));
    tree_.Set(list.path, std::move(entries));
    ++fields_;
  }

  static std::string ChildLabels(const std::vector<const FieldSpec*>& children) {
    std::string labels;
    for (const FieldSpec* child : children) labels += (labels.empty() ? "" : ", ") + std::string(FieldLabel(*child, kV4)) + ":";
    return labels;
  }

  void Finish() {
    for (const auto& [list, entries] : entries_) {
      Value values = Value::List();
      for (const auto& [n, entry] : entries) values.Push(entry);
      tree_.Set(list, std::move(values));
    }
    if (!redactions_.empty()) {
      Value list = Value::List();
      for (const auto& [path, reason] : redactions_) {
        list.Push(Value::Map().Set("field", Value::Text(path)).Set("reason", Value::Text(reason.empty() ? "Withheld" : reason)));
      }
      tree_.Set("redactions", std::move(list));
    }
    tree_.Set("atrs_version", Value::Text("4.0"));
    record_->answers = tree_.Build();
    record_->fields_mapped = fields_;
    record_->id = IdFromName(std::filesystem::path(path_).stem().string());
    // "rentsense.atrs.csv", as the export names its files, is "rentsense".
    if (record_->id.size() > 5 && record_->id.ends_with("-atrs")) record_->id.resize(record_->id.size() - 5);
  }

  std::string path_;
  ImportedRecord* record_;
  Diagnostics* diagnostics_;
  bool failed_ = false;
  int fields_ = 0;
  AnswerTree tree_;
  std::map<std::string, int> seen_;
  std::map<std::string, std::map<int, Value>> entries_;
  std::vector<std::pair<std::string, std::string>> redactions_;
};

}  // namespace

bool ImportAtrsCsv(const std::string& path, const std::string& text, ImportedRecord* record,
                   Diagnostics* diagnostics) {
  record->source_path = path;
  return CsvImporter(path, record, diagnostics).Run(text);
}

}  // namespace lantern
