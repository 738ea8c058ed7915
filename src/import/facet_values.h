// The standard's lists (phase, region, function, …) read back from what
// people and GOV.UK write: a slug ("public-beta"), the schema's label
// ("Public beta") or GOV.UK's ("Public Beta", "Beta/Pilot"), in any case.
#ifndef LANTERN_IMPORT_FACET_VALUES_H_
#define LANTERN_IMPORT_FACET_VALUES_H_

#include <string>
#include <string_view>

namespace lantern {

// The slug of `text` in the enumeration for a version (kV3, kV4, kAll), or ""
// when it names none of its values.
std::string SlugOfLabel(std::string_view enumeration, std::string_view text, unsigned version);

// The enumeration's labels for the version, "A, B or C": for messages.
std::string LabelsOf(std::string_view enumeration, unsigned version);

}  // namespace lantern

#endif  // LANTERN_IMPORT_FACET_VALUES_H_
