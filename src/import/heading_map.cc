#include "import/heading_map.h"

#include <map>
#include <set>

#include "import/facet_values.h"
#include "load/schema.h"

namespace lantern {
namespace {

// "### 1.4.1 - External supplier" → "External supplier".
std::string_view Label(std::string_view heading) {
  size_t i = 0;
  auto skip = [&](std::string_view chars) {
    while (i < heading.size() && chars.find(heading[i]) != std::string_view::npos) ++i;
  };
  skip("# ");
  const size_t before = i;
  skip("0123456789.");
  if (i > before) {
    skip(" ");
    if (heading.substr(i, 1) == "-") ++i;
    if (heading.substr(i, 3) == "\xE2\x80\x93") i += 3;  // an en dash
    skip(" ");
  }
  return heading.substr(i);
}

// The 4.0 field a 3.0-only field's answer went to.
std::string Path4(const FieldSpec& field) {
  if (field.counterpart != nullptr) return field.counterpart;
  const std::string path = field.path;
  const size_t entry = path.find("[].");
  if (entry == std::string::npos) return "";
  const FieldSpec* list = FindField(DocumentKind::kRecord, kV3, path.substr(0, entry));
  if (list == nullptr || list->counterpart == nullptr) return "";
  return std::string(list->counterpart) + path.substr(entry);
}

struct Tables {
  std::map<std::string, HeadingTarget> fields;
  std::set<std::string> sections;
};

const Tables& Index() {
  static const Tables tables = [] {
    Tables built;
    // 3.0 fields merged into one 4.0 answer keep their label as a lead-in.
    const std::set<std::string> merged = {"rationale.scope", "deployment.process_integration",
                                          "deployment.provided_information", "technical.models[].datasets",
                                          "technical.models[].dataset_purposes"};
    for (const FieldSpec& field : AllFields()) {
      if (field.document != DocumentKind::kRecord) continue;
      if (field.type == FieldType::kObject || field.type == FieldType::kObjectList) {
        built.sections.insert(FoldedForMatching(FieldLabel(field, kV4)));
        built.sections.insert(FoldedForMatching(FieldLabel(field, kV3)));
        continue;
      }
      if (*field.number == '\0' && (field.number_v3 == nullptr || *field.number_v3 == '\0')) continue;
      if (field.versions & kV4) {
        built.fields.emplace(FoldedForMatching(field.label), HeadingTarget{HeadingTarget::Kind::kField, field.path, ""});
      }
      if (field.versions == kV3 || field.label_v3 != nullptr) {
        const std::string path = field.versions == kV3 ? Path4(field) : std::string(field.path);
        if (path.empty()) continue;
        const std::string label = FieldLabel(field, kV3);
        built.fields.emplace(FoldedForMatching(label), HeadingTarget{HeadingTarget::Kind::kField, path,
                                                          merged.count(field.path) ? label : ""});
      }
    }
    for (const SectionSpec& section : RecordSections()) {
      built.sections.insert(FoldedForMatching(section.title));
      if (section.title_v3 != nullptr) built.sections.insert(FoldedForMatching(section.title_v3));
    }
    // GOV.UK's own section names.
    for (const char* name : {"Summary", "Summary information", "Tier 1 information", "Tool specification",
                             "Data specification", "Risks, mitigations and impact assessments"}) {
      built.sections.insert(FoldedForMatching(name));
    }
    return built;
  }();
  return tables;
}

}  // namespace

HeadingTarget MapHeading(std::string_view heading) {
  const std::string label = FoldedForMatching(Label(heading));
  if (label.rfind("tier1", 0) == 0 || label.rfind("tier2", 0) == 0) return {HeadingTarget::Kind::kSection, "", ""};
  const Tables& tables = Index();
  if (auto it = tables.fields.find(label); it != tables.fields.end()) return it->second;
  if (tables.sections.count(label)) return {HeadingTarget::Kind::kSection, "", ""};
  return {};
}

}  // namespace lantern
