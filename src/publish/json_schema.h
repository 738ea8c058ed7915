// The JSON Schema (draft 2020-12) of a published record, generated from the
// schema table: one definition per ATRS version ("record-4.0", "record-3.0"),
// the document itself a oneOf of the two. Every property carries the table's
// label as title and its help as description; its ATRS number, when it has
// one, is "$comment": "ATRS number 2.1.4" (kAtrsNumberComment). Used only
// keywords: $schema $id $comment title description $defs $ref oneOf type
// properties required additionalProperties items enum const pattern
// (tests/testing/json_schema_check.h validates exactly these), so that ajv
// at its default, strict settings compiles it with no plugin: no "x-"
// keyword and no format.
#ifndef LANTERN_PUBLISH_JSON_SCHEMA_H_
#define LANTERN_PUBLISH_JSON_SCHEMA_H_

#include <string>

#include "model/site.h"
#include "model/value.h"

namespace lantern {

// How a property's "$comment" starts when it gives the field's ATRS number.
inline constexpr const char* kAtrsNumberComment = "ATRS number ";

// With `with_feedback_stats` (build --feedback-stats), the records may have
// "feedback_stats" (publish/record_data.h), described under
// $defs/feedback-stats; otherwise the schema does not mention it.
Value RecordJsonSchema(const SiteConfig& config, bool with_feedback_stats = false);
// The file /schema/record.json.
std::string RecordSchemaJson(const SiteConfig& config, bool with_feedback_stats = false);

}  // namespace lantern

#endif  // LANTERN_PUBLISH_JSON_SCHEMA_H_
