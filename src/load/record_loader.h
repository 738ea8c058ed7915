// Loads one record (records/<id>.yaml): YAML, the schema for its ATRS version,
// and the rules between its fields (third parties when involvement is yes, an
// archived date when retired, dates in order, withheld fields that exist).
#ifndef LANTERN_LOAD_RECORD_LOADER_H_
#define LANTERN_LOAD_RECORD_LOADER_H_

#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "model/site.h"

namespace lantern {

// `file_id` is the file name without ".yaml", the default id. Returns the
// record when the file has no errors (warnings allowed); otherwise
// std::nullopt, with every problem found added to `diagnostics`.
std::optional<Record> LoadRecord(const std::string& path, const std::string& file_id, const std::string& text,
                                 const SiteConfig& config, Diagnostics* diagnostics);

}  // namespace lantern

#endif  // LANTERN_LOAD_RECORD_LOADER_H_
