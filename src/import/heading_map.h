// Which record field a GOV.UK body heading names, in the three layouts the
// published records use: v3.0 ("Tier 1 Information", "Name", "Tier 2 - Owner
// and Responsibility", "1.1 - Organisation or department", "External
// supplier"), the hybrid ("Tier 1 Information", "1 - Name") and v4.0
// ("1. Summary", "1 - Name", "Third party", "2.2 - Benefits"). Headings are
// matched by label (the number, a leading "###" and case are ignored), 3.0
// labels to the 4.0 field that took their answer.
#ifndef LANTERN_IMPORT_HEADING_MAP_H_
#define LANTERN_IMPORT_HEADING_MAP_H_

#include <string>
#include <string_view>

namespace lantern {

struct HeadingTarget {
  enum class Kind { kSection, kField, kUnknown } kind = Kind::kUnknown;
  std::string path;  // the 4.0 field ("owner.third_parties[].name") for kField
  std::string lead;  // a 3.0 label its answer is led in with when 4.0 merged it ("Scope"), or ""
};

HeadingTarget MapHeading(std::string_view heading);

}  // namespace lantern

#endif  // LANTERN_IMPORT_HEADING_MAP_H_
