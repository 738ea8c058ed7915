#include "import/facet_values.h"

#include <vector>

#include "load/schema.h"

namespace lantern {

std::string FoldedForMatching(std::string_view text) {
  std::string folded;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) folded += c;
  }
  return folded;
}

std::string SlugOfLabel(std::string_view enumeration, std::string_view text, unsigned version) {
  const std::string wanted = FoldedForMatching(text);
  if (wanted.empty()) return "";
  for (const EnumValue& value : AllEnumValues()) {
    if (enumeration != value.enumeration || !(value.versions & version)) continue;
    if (FoldedForMatching(value.slug) == wanted || FoldedForMatching(value.label) == wanted) return value.slug;
  }
  return "";
}

std::string LabelsOf(std::string_view enumeration, unsigned version) {
  std::vector<std::string> labels;
  for (const EnumValue& value : AllEnumValues()) {
    if (enumeration == value.enumeration && (value.versions & version)) labels.emplace_back(value.label);
  }
  std::string text;
  for (size_t i = 0; i < labels.size(); ++i) {
    text += (i == 0 ? "" : i + 1 == labels.size() ? " or " : ", ") + labels[i];
  }
  return text;
}

}  // namespace lantern
