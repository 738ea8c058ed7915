// A validator for the subset of JSON Schema (draft 2020-12) that Lantern
// generates (src/publish/json_schema.h): $ref (to "#/$defs/…" only), oneOf,
// type (a name or a list of names), properties, required,
// additionalProperties: false, items, enum, const, pattern, and format "date"
// (a real calendar day). Annotations (title, description, $schema, $id,
// x-atrs-number, format "uri") are accepted and not checked. Any other keyword
// is reported as an error, so a schema the validator does not understand
// never passes by being ignored.
#ifndef LANTERN_TESTS_TESTING_JSON_SCHEMA_CHECK_H_
#define LANTERN_TESTS_TESTING_JSON_SCHEMA_CHECK_H_

#include <string>
#include <vector>

#include "model/value.h"

namespace lantern::testing {

// Every way `instance` breaks `schema` (with `root` holding $defs), each as
// "<json pointer>: <what is wrong>"; empty when it is valid.
std::vector<std::string> ValidateJson(const Value& root, const Value& instance);

}  // namespace lantern::testing

#endif  // LANTERN_TESTS_TESTING_JSON_SCHEMA_CHECK_H_
