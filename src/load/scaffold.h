// The files `lantern new` writes: a record with every field of its ATRS
// version in the standard's order, generated from the schema table, and a
// page with its front matter. Unfinished parts carry the TODO placeholder
// marker (load/placeholders.h), so `check` lists them until they are written.
#ifndef LANTERN_LOAD_SCAFFOLD_H_
#define LANTERN_LOAD_SCAFFOLD_H_

#include <string>

#include "model/date.h"
#include "model/value.h"

namespace lantern {

// A new record's YAML. `version` is kV4 or kV3 (load/schema.h); `id` must be
// valid (IsValidId); `today` fills the publication date. The text loads
// without errors: every field is present, or commented out with its help
// when no placeholder could pass the checks (optional dates, lists of
// entries, redactions).
std::string RecordScaffold(const std::string& id, unsigned version, const Date& today);

// A record's YAML from answers someone already has (an imported ATRS template
// or GOV.UK page), in the same order and with the same help comments.
// `answers` is a map in the record's shape (texts, lists, maps, booleans as
// texts "yes"/"no"); each field it answers is written with that value, in a
// form the YAML reader gives back byte for byte. A field it leaves out is
// written as RecordScaffold writes it when required (a TODO placeholder) or
// is status, and is commented out with its help otherwise, so the file loads
// and `check` lists what is left to do. `id` must be valid (IsValidId).
std::string RecordFromAnswers(const std::string& id, unsigned version, const Date& today, const Value& answers);

// A new page's Markdown with front matter; `slug` names it.
std::string PageScaffold(const std::string& slug);

}  // namespace lantern

#endif  // LANTERN_LOAD_SCAFFOLD_H_
