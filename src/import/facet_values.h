// The standard's lists (phase, region, function, …) read back from what
// people and GOV.UK write: a slug ("public-beta"), the schema's label
// ("Public beta") or GOV.UK's ("Public Beta", "Beta/Pilot"), in any case.
#ifndef LANTERN_IMPORT_FACET_VALUES_H_
#define LANTERN_IMPORT_FACET_VALUES_H_

#include <string>
#include <string_view>

namespace lantern {

// Lower case, with only ASCII letters and digits kept, so that labels compare
// however they are spelled or punctuated: "Beta/Pilot" and "beta-pilot",
// "Recreation, culture and religion" and GOV.UK's comma-less spelling, a
// heading's "External supplier:" and the schema's label. Headings and facet
// values are matched through this one folding.
std::string FoldedForMatching(std::string_view text);

// The slug of `text` in the enumeration for a version (kV3, kV4, kAll), or ""
// when it names none of its values.
std::string SlugOfLabel(std::string_view enumeration, std::string_view text, unsigned version);

// The enumeration's labels for the version, "A, B or C": for messages.
std::string LabelsOf(std::string_view enumeration, unsigned version);

}  // namespace lantern

#endif  // LANTERN_IMPORT_FACET_VALUES_H_
