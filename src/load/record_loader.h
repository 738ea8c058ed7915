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
// LoadRecord is ParseRecord then FinishRecord.
std::optional<Record> LoadRecord(const std::string& path, const std::string& file_id, const std::string& text,
                                 const SiteConfig& config, Diagnostics* diagnostics);


// The part of loading that depends on nothing but the file's path and bytes
// (never on site.yaml or the day): YAML, the schema, the rules between
// fields, placeholders and plain language. Its result and diagnostics can
// therefore be kept for as long as the file's bytes stay the same (the
// preview's RecordLoadCache). next_review is left unset.
std::optional<Record> ParseRecord(const std::string& path, const std::string& file_id, const std::string& text,
                                  Diagnostics* diagnostics);

// The part that depends on site.yaml and the day: next_review's default
// (the last change plus the review interval) and the completeness checks
// (load/completeness.h) against config.today.
void FinishRecord(const SiteConfig& config, Record* record, Diagnostics* diagnostics);

}  // namespace lantern

#endif  // LANTERN_LOAD_RECORD_LOADER_H_
