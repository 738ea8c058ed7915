// Which CLDR plural category a whole number takes in a language, so that a
// theme string can have one form per category ("records_one", "records_two", …).
#ifndef LANTERN_ASSEMBLE_PLURAL_RULES_H_
#define LANTERN_ASSEMBLE_PLURAL_RULES_H_

#include <cstdint>
#include <string_view>

namespace lantern {

// The category of `n` in `language` (a BCP 47 tag; only the language subtag
// counts): "zero", "one", "two", "few", "many" or "other". Welsh uses all six;
// English "one" and "other". A language Lantern has no rules for gets the
// English rule (a theme for it can still give only "_other" forms). Never fails.
std::string_view PluralCategory(std::string_view language, uint64_t n);

}  // namespace lantern

#endif  // LANTERN_ASSEMBLE_PLURAL_RULES_H_
