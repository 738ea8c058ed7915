// Fields withheld under a record's `redactions`: whether a field is withheld
// (itself or inside a withheld parent) and why. Shared by the checker, the
// record page, the open data and the ATRS export, so they always agree.
#ifndef LANTERN_LOAD_REDACTIONS_H_
#define LANTERN_LOAD_REDACTIONS_H_

#include <set>
#include <string>
#include <string_view>

#include "model/site.h"

namespace lantern {

// True when `schema_path` ("technical.models[].performance") is in `withheld`
// or lies inside a field that is.
bool IsWithheld(const std::set<std::string>& withheld, std::string_view schema_path);

// The reason given under `redactions` for `schema_path` or the field that
// contains it; "" when none is given.
std::string WithheldReason(const Record& record, std::string_view schema_path);

}  // namespace lantern

#endif  // LANTERN_LOAD_REDACTIONS_H_
