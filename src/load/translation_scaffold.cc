#include "load/translation_scaffold.h"

#include "load/schema.h"
#include "load/translation_loader.h"
#include "model/languages.h"

namespace lantern {
namespace {

// The original's text on one comment line: its first line, cut short.
std::string Quoted(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  if (line.size() > 90) {
    size_t cut = 87;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
    line = line.substr(0, cut) + "...";
  }
  return line;
}

class TranslationWriter {
 public:
  TranslationWriter(unsigned version, std::string source_name) : version_(version), source_name_(std::move(source_name)) {}

  // The translatable readers' text under `map`, indented by `indent`; ""
  // when there is none.
  std::string Fields(const Value& map, const std::string& parent, int indent) const {
    std::string out;
    const std::string pad(static_cast<size_t>(indent), ' ');
    for (const Value::Member& member : map.members()) {
      const std::string path = parent.empty() ? member.key : parent + "." + member.key;
      const FieldSpec* field = FindField(DocumentKind::kRecord, version_, path);
      if (field == nullptr) continue;
      if (field->type == FieldType::kObject && member.value.is_map()) {
        const std::string inner = Fields(member.value, path, indent + 2);
        if (!inner.empty()) out += pad + member.key + ":\n" + inner;
        continue;
      }
      if (field->type == FieldType::kObjectList && member.value.is_list()) {
        std::string entries;
        for (const Value& entry : member.value.items()) {
          if (!entry.is_map()) continue;
          std::string inner = Fields(entry, path + "[]", indent + 4);
          // An entry with nothing to translate keeps its place in the list.
          if (inner.empty()) inner = pad + "    {}\n";
          entries += pad + "  -" + inner.substr(static_cast<size_t>(indent) + 3);
        }
        if (!entries.empty()) out += pad + member.key + ":\n" + entries;
        continue;
      }
      if (!IsReadersTextField(*field)) continue;
      const Value& value = member.value;
      const bool empty = value.is_text() ? value.text().empty() : !value.is_list() || value.items().empty();
      if (empty) continue;
      if (value.is_text() && value.text().find("TODO") == std::string::npos) {
        out += pad + "# " + source_name_ + ": " + Quoted(value.text()) + "\n";
      }
      out += pad + member.key + (field->type == FieldType::kTextList ? ": [TODO]\n" : ": TODO\n");
    }
    return out;
  }

 private:
  unsigned version_;
  std::string source_name_;
};

std::string ProvenanceBlock(const Date& today) {
  return "translation:\n"
         "  # " + std::string(FindField(DocumentKind::kTranslation, kAll, "translation.translated_by")->help) + "\n"
         "  translated_by: TODO\n"
         "  method: person  # person, or machine for a machine translation\n"
         "  translated_on: " + today.Iso() + "  # bring it up to date whenever you change the translation\n"
         "  # reviewed_on: " + today.Iso() + "  # the day a fluent speaker checked it\n";
}

}  // namespace

std::string RecordTranslationScaffold(const Value& original, unsigned version, const std::string& language,
                                      const std::string& source_language, const Date& today) {
  const std::string name = LanguageNameInEnglish(language);
  const std::string source = LanguageNameInEnglish(source_language);
  std::string out = "# The " + name + " translation of the record beside it: only the text residents read, in\n"
                    "# the same shape. Replace each TODO with the " + name + " (the " + source + " is in the comment\n"
                    "# above it); lantern check lists those left. Dates and values from the standard's lists\n"
                    "# stay in the original only.\n";
  out += ProvenanceBlock(today);
  out += TranslationWriter(version, source).Fields(original, "", 0);
  return out;
}

std::string PageTranslationScaffold(const std::string& language, const std::string& source_language,
                                    bool has_summary, const Date& today) {
  const std::string name = LanguageNameInEnglish(language);
  std::string out = "---\n# The " + name + " translation of the page beside it (" +
                    LanguageNameInEnglish(source_language) + ").\ntitle: TODO\n";
  if (has_summary) out += "summary: TODO\n";
  std::string block = ProvenanceBlock(today);
  return out + block + "---\nTODO: translate the page into " + name + ".\n";
}

}  // namespace lantern
