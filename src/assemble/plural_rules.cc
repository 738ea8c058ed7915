#include "assemble/plural_rules.h"

namespace lantern {

// Written out rather than taken from ICU: ICU is not in the stack for one
// lookup, the theme ships strings only for English and Welsh, and only whole
// numbers are ever counted. The rules are CLDR's (plurals.xml, unchanged for
// these two languages since CLDR 24) for integers.
std::string_view PluralCategory(std::string_view language, uint64_t n) {
  const std::string_view base = language.substr(0, language.find('-'));
  if (base == "cy") {
    switch (n) {
      case 0: return "zero";
      case 1: return "one";
      case 2: return "two";
      case 3: return "few";
      case 6: return "many";
      default: return "other";
    }
  }
  return n == 1 ? "one" : "other";
}

}  // namespace lantern
