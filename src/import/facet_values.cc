#include "import/facet_values.h"

#include <vector>

#include "load/schema.h"

namespace lantern {
namespace {

// Lower case, with only letters and digits kept: "Beta/Pilot", "beta-pilot"
// and "Recreation, culture and religion" compare as GOV.UK spells them.
std::string Folded(std::string_view text) {
  std::string folded;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) folded += c;
  }
  return folded;
}

}  // namespace

std::string SlugOfLabel(std::string_view enumeration, std::string_view text, unsigned version) {
  const std::string wanted = Folded(text);
  if (wanted.empty()) return "";
  for (const EnumValue& value : AllEnumValues()) {
    if (enumeration != value.enumeration || !(value.versions & version)) continue;
    if (Folded(value.slug) == wanted || Folded(value.label) == wanted) return value.slug;
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
