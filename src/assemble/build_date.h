// The date a build treats as "today", for the "review overdue" tag.
// SOURCE_DATE_EPOCH (seconds since 1970, UTC; see reproducible-builds.org) pins
// it, so tests and reproducible builds give the same output on any day;
// otherwise it is the system's current UTC date.
#ifndef LANTERN_ASSEMBLE_BUILD_DATE_H_
#define LANTERN_ASSEMBLE_BUILD_DATE_H_

#include <optional>
#include <string_view>

#include "model/date.h"

namespace lantern {

// The UTC date `epoch_seconds` falls on, when the text is a whole number of
// seconds (digits only, at most 12 of them); std::nullopt otherwise.
std::optional<Date> DateFromEpochText(std::string_view epoch_seconds);

// SOURCE_DATE_EPOCH's date when it is set and well formed; otherwise today's
// UTC date from the system clock (a malformed SOURCE_DATE_EPOCH is ignored).
Date BuildDate();

}  // namespace lantern

#endif  // LANTERN_ASSEMBLE_BUILD_DATE_H_
