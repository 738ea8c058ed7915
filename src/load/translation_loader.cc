#include "load/translation_loader.h"

#include <algorithm>

#include "base/edit_distance.h"
#include "load/page_loader.h"
#include "load/placeholders.h"
#include "load/schema.h"
#include "load/validator.h"
#include "load/yaml_reader.h"
#include "model/languages.h"

namespace lantern {
namespace {

std::string Quote(std::string_view text) { return "\"" + std::string(text) + "\""; }

// The provenance block, checked by the table (DocumentKind::kTranslation).
struct Provenance {
  std::string translated_by;
  bool by_machine = false;
  Date translated_on;
  std::optional<Date> reviewed_on;
  SourceLocation translated_on_at;
};

std::optional<Provenance> ReadProvenance(const std::string& path, const Value& block_holder, Diagnostics* diagnostics) {
  const Value* block = block_holder.Find("translation");
  if (block == nullptr) {
    diagnostics->Error(path, {1, 1}, "L100",
                       "a translation needs a \"translation\" block saying who made it and when, e.g. "
                       "translation: {translated_by: Welsh Language Unit, method: person, translated_on: 2025-06-01}");
    return std::nullopt;
  }
  // The block alone: the translated fields beside it are checked against the original.
  const Value::Member* member = block_holder.FindMember("translation");
  const Value alone = Value::Map(block_holder.location()).Set("translation", *block, member->key_location);
  ValidationTarget target{DocumentKind::kTranslation, kAll, "", path, {}};
  if (!ValidateDocument(target, alone, diagnostics)) return std::nullopt;
  Provenance provenance;
  provenance.translated_by = block->Find("translated_by")->text();
  provenance.by_machine = block->Find("method")->text() == "machine";
  provenance.translated_on = Date::Parse(block->Find("translated_on")->text()).value_or(Date{});
  provenance.translated_on_at = block->Find("translated_on")->location();
  if (const Value* reviewed = block->Find("reviewed_on"); reviewed && reviewed->is_text()) {
    provenance.reviewed_on = Date::Parse(reviewed->text());
  }
  if (provenance.reviewed_on && *provenance.reviewed_on < provenance.translated_on) {
    diagnostics->Error(path, block->Find("reviewed_on")->location(), "L100",
                       "reviewed_on (" + provenance.reviewed_on->Iso() + ") is before translated_on (" +
                           provenance.translated_on.Iso() + "): a translation is reviewed after it is made");
    return std::nullopt;
  }
  return provenance;
}

// Text a reader reads, which a translation gives in its own language. Web
// addresses and mailboxes may differ too (a council's Welsh pages and Welsh
// mailbox). Values from a list, dates, numbers and ids are the same in every
// language, and so is a service's name, which is the key of its filter page
// in site.yaml's list, the field paths named under redactions and a
// supplier's Companies House number.
bool IsTranslatable(const FieldSpec& field) { return IsTranslatableField(field); }
bool IsReadersText(const FieldSpec& field) { return IsReadersTextField(field); }

}  // namespace

bool IsTranslatableField(const FieldSpec& field) {
  const std::string_view path = field.path;
  if (path == "service" || path == "redactions[].field" || path.ends_with("companies_house_number")) return false;
  switch (field.type) {
    case FieldType::kText:
    case FieldType::kMarkdown:
    case FieldType::kTextList:
    case FieldType::kUrl:
    case FieldType::kEmail:
    case FieldType::kLink:
      return true;
    default:
      return false;
  }
}

bool IsReadersTextField(const FieldSpec& field) {
  return IsTranslatableField(field) && (field.type == FieldType::kText || field.type == FieldType::kMarkdown ||
                                        field.type == FieldType::kTextList);
}

namespace {

bool SameScalarOrList(const Value& a, const Value& b) {
  if (a.is_text() && b.is_text()) return a.text() == b.text();
  if (a.is_list() && b.is_list()) {
    if (a.items().size() != b.items().size()) return false;
    for (size_t i = 0; i < a.items().size(); ++i) {
      if (!SameScalarOrList(a.items()[i], b.items()[i])) return false;
    }
    return true;
  }
  // A single slug is accepted as a list of one.
  if (a.is_text() && b.is_list()) return b.items().size() == 1 && SameScalarOrList(a, b.items()[0]);
  if (a.is_list() && b.is_text()) return SameScalarOrList(b, a);
  return a.kind() == b.kind() && a.is_null();
}

std::string ShownValue(const Value& v) {
  if (v.is_text()) return Quote(v.text());
  if (v.is_list()) {
    std::string shown = "[";
    for (size_t i = 0; i < v.items().size(); ++i) shown += (i ? ", " : "") + ShownValue(v.items()[i]);
    return shown + "]";
  }
  return v.KindName();
}

const char* KindOfFixed(FieldType type) {
  switch (type) {
    case FieldType::kDate: return "a date";
    case FieldType::kEnum:
    case FieldType::kEnumList: return "a value from the standard's list";
    case FieldType::kBool: return "a yes or no";
    case FieldType::kInteger: return "a number";
    case FieldType::kId: return "an id";
    default: return "a key, not text";
  }
}

std::string Entries(size_t n) { return std::to_string(n) + (n == 1 ? " entry" : " entries"); }

class TranslationChecker {
 public:
  TranslationChecker(const Record& original, const RecordTranslation& translation, Diagnostics* diagnostics)
      : original_(original), translation_(translation), diagnostics_(diagnostics) {}

  void CheckMap(const Value& original, const Value& translated, const std::string& parent) {
    for (const Value::Member& member : translated.members()) {
      if (parent.empty() && member.key == "translation") continue;
      const std::string path = parent.empty() ? member.key : parent + "." + member.key;
      const FieldSpec* field = FindField(DocumentKind::kRecord, original_.version_bit, path);
      if (field == nullptr) {
        ReportUnknown(member, parent, path);
        continue;
      }
      const Value* counterpart = original.is_map() ? original.Find(member.key) : nullptr;
      if (counterpart == nullptr) {
        Error(member.key_location, DisplayPath(path) + " is translated, but " + original_.source_path +
                                       " does not have it: translate only what the original says, and add the "
                                       "field there first");
        continue;
      }
      CheckField(*field, *counterpart, member.value, path);
    }
  }

  bool failed() const { return failed_; }

 private:
  void CheckField(const FieldSpec& field, const Value& original, const Value& translated, const std::string& path) {
    if (field.type == FieldType::kObject) {
      if (!translated.is_map()) return TypeError(translated, path, "a mapping of fields");
      CheckMap(original, translated, path);
      return;
    }
    if (field.type == FieldType::kObjectList) {
      if (!translated.is_list()) return TypeError(translated, path, "a list, entry for entry as in the original");
      const size_t have = original.is_list() ? original.items().size() : 0;
      for (size_t i = 0; i < translated.items().size(); ++i) {
        const Value& entry = translated.items()[i];
        if (i >= have) {
          Error(entry.location(), DisplayPath(path) + " has " + Entries(translated.items().size()) + " here but " +
                                      Entries(have) + " in " + original_.source_path +
                                      ": a translation's entries match the original's one for one, in order");
          break;
        }
        if (!entry.is_map()) {
          TypeError(entry, path, "an entry of fields");
          continue;
        }
        CheckMap(original.items()[i], entry, path + "[]");
      }
      return;
    }
    if (IsTranslatable(field)) {
      const bool list = field.type == FieldType::kTextList;
      const bool ok = translated.is_text() ||
                      (list && translated.is_list() &&
                       std::all_of(translated.items().begin(), translated.items().end(),
                                   [](const Value& item) { return item.is_text(); }));
      if (!ok) TypeError(translated, path, list ? "text or a list of texts" : "text");
      return;
    }
    if (!SameScalarOrList(original, translated)) {
      Error(translated.location(),
            DisplayPath(path) + " is " + KindOfFixed(field.type) + ", the same in every language, and cannot change "
            "in a translation: " + original_.source_path + ":" + std::to_string(original.location().line) +
            " has " + ShownValue(original) + ", this file " + ShownValue(translated) + "; leave it out here");
    }
  }

  void ReportUnknown(const Value::Member& member, const std::string& parent, const std::string& path) {
    if (FindFieldAnyVersion(DocumentKind::kRecord, path) != nullptr) {
      Error(member.key_location, DisplayPath(path) + " is not a field of an ATRS " + original_.version +
                                     " record, which " + original_.source_path + " is");
      return;
    }
    std::vector<std::string> known;
    for (const FieldSpec* sibling : ChildFields(DocumentKind::kRecord, original_.version_bit, parent)) {
      known.emplace_back(FieldKey(sibling->path));
    }
    if (parent.empty()) known.emplace_back("translation");
    const std::string nearest = NearestMatch(member.key, known);
    Error(member.key_location, "unknown field " + Quote(member.key) +
                                   (nearest.empty() ? std::string(" in a record's translation")
                                                    : " (did you mean " + Quote(nearest) + "?)"));
  }

  void TypeError(const Value& at, const std::string& path, const char* expected) {
    Error(at.location(), DisplayPath(path) + " should be " + expected + ", as in the original, not " + at.KindName());
  }

  void Error(SourceLocation at, const std::string& message) {
    diagnostics_->Error(translation_.source_path, at, "L101", message);
    failed_ = true;
  }

  const Record& original_;
  const RecordTranslation& translation_;
  Diagnostics* diagnostics_;
  bool failed_ = false;
};

bool IsEmptyText(const Value& v) {
  if (v.is_text()) return v.text().empty();
  if (v.is_list()) return v.items().empty();
  return true;
}

}  // namespace

std::optional<TranslationName> SplitTranslationName(std::string_view file_name, std::string_view extension) {
  if (file_name.size() <= extension.size() || file_name.substr(file_name.size() - extension.size()) != extension) {
    return std::nullopt;
  }
  const std::string_view stem = file_name.substr(0, file_name.size() - extension.size());
  const size_t dot = stem.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == stem.size()) return std::nullopt;
  return TranslationName{std::string(stem.substr(0, dot)), std::string(stem.substr(dot + 1))};
}

std::optional<RecordTranslation> ParseRecordTranslation(const std::string& path, const std::string& language,
                                                        const std::string& text, Diagnostics* diagnostics) {
  diagnostics->RememberSource(path, text);
  if (!CheckContentBytes(path, text, diagnostics)) return std::nullopt;
  ReportPlaceholders(path, text, diagnostics);
  std::optional<Value> root = ReadYaml(path, text, diagnostics);
  if (!root) return std::nullopt;
  if (!root->is_map()) {
    diagnostics->Error(path, root->location(), "L101",
                       "a record's translation is a mapping of fields, as the record is, not " +
                           std::string(root->KindName()));
    return std::nullopt;
  }
  std::optional<Provenance> provenance = ReadProvenance(path, *root, diagnostics);
  if (!provenance) return std::nullopt;
  RecordTranslation translation;
  translation.language = language;
  translation.source_path = path;
  translation.translated_by = provenance->translated_by;
  translation.by_machine = provenance->by_machine;
  translation.translated_on = provenance->translated_on;
  translation.reviewed_on = provenance->reviewed_on;
  translation.translated_on_at = provenance->translated_on_at;
  Value fields = Value::Map(root->location());
  for (Value::Member& member : root->TakeMembers()) {
    if (member.key != "translation") fields.Set(member.key, std::move(member.value), member.key_location);
  }
  translation.data = std::make_shared<const Value>(std::move(fields));
  return translation;
}

bool CheckRecordTranslation(const Record& original, RecordTranslation* translation, Diagnostics* diagnostics) {
  TranslationChecker checker(original, *translation, diagnostics);
  checker.CheckMap(original.data(), *translation->data, "");
  if (checker.failed()) return false;
  const std::string language = LanguageNameInEnglish(translation->language);
  // Tier 1 is what residents read first; each of its texts needs translating.
  translation->missing_tier1.clear();
  const Value* summary = original.data().Find("summary");
  const Value* translated_summary = translation->data->Find("summary");
  for (const FieldSpec* field : ChildFields(DocumentKind::kRecord, original.version_bit, "summary")) {
    if (!IsReadersText(*field)) continue;
    const std::string_view key = FieldKey(field->path);
    const Value* given = summary && summary->is_map() ? summary->Find(key) : nullptr;
    if (given == nullptr || IsEmptyText(*given) || original.withheld.count(field->path)) continue;
    const Value* translated = translated_summary && translated_summary->is_map() ? translated_summary->Find(key)
                                                                                  : nullptr;
    if (translated != nullptr && !IsEmptyText(*translated)) continue;
    translation->missing_tier1.push_back(DisplayPath(field->path));
    diagnostics->Warning(original.source_path, given->location(), "L102",
                         DisplayPath(field->path) + " has no " + language + " translation in " +
                             translation->source_path + ": Tier 1 is what residents read first; translate it");
  }
  const Date changed = original.last_changed();
  if (translation->translated_on < changed) {
    translation->stale = true;
    diagnostics->Warning(translation->source_path, translation->translated_on_at, "L103",
                         "this translation (translated_on " + translation->translated_on.Iso() +
                             ") is older than the record's last change (" + changed.Iso() + " in " +
                             original.source_path + "): bring it up to date, then change translated_on");
  }
  return true;
}

std::optional<PageTranslation> LoadPageTranslation(const std::string& path, const std::string& slug,
                                                   const std::string& language, const std::string& text,
                                                   const Page* original, Diagnostics* diagnostics) {
  Value block;
  std::optional<Page> page = LoadPage(path, slug, text, diagnostics, &block);
  if (!page) return std::nullopt;
  std::optional<Provenance> provenance = ReadProvenance(path, block.is_map() ? block : Value::Map(), diagnostics);
  if (!provenance) return std::nullopt;
  PageTranslation translation;
  translation.language = language;
  translation.translated_by = provenance->translated_by;
  translation.by_machine = provenance->by_machine;
  translation.translated_on = provenance->translated_on;
  translation.reviewed_on = provenance->reviewed_on;
  if (original != nullptr && original->updated && translation.translated_on < *original->updated) {
    translation.stale = true;
    diagnostics->Warning(path, provenance->translated_on_at, "L103",
                         "this translation (translated_on " + translation.translated_on.Iso() +
                             ") is older than the page's last change (updated " + original->updated->Iso() +
                             " in " + original->source_path + "): bring it up to date, then change translated_on");
  }
  translation.page = std::make_shared<const Page>(std::move(*page));
  return translation;
}

Value OverlayTranslation(const Value& original, const Value& translated) {
  if (original.is_map() && translated.is_map()) {
    Value out = Value::Map(original.location());
    for (const Value::Member& member : original.members()) {
      const Value* replacement = translated.Find(member.key);
      out.Set(member.key, replacement ? OverlayTranslation(member.value, *replacement) : member.value,
              member.key_location);
    }
    return out;
  }
  // Repeatable sections: entry by entry. A list of texts is a leaf.
  const bool entries = original.is_list() && translated.is_list() && !original.items().empty() &&
                       original.items()[0].is_map();
  if (entries) {
    Value out = Value::List(original.location());
    for (size_t i = 0; i < original.items().size(); ++i) {
      out.Push(i < translated.items().size() ? OverlayTranslation(original.items()[i], translated.items()[i])
                                             : original.items()[i]);
    }
    return out;
  }
  return translated;
}

}  // namespace lantern
