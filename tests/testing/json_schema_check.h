// A validator for the subset of JSON Schema (draft 2020-12) that Lantern
// generates (src/publish/json_schema.h): $ref (to "#/$defs/…" only), oneOf,
// type (a name or a list of names), properties, required,
// additionalProperties: false, items, enum, const and pattern. Annotations
// (title, description, $comment, $schema, $id) are accepted and not checked.
// Any other keyword is reported as an error, so a schema the validator does
// not understand never passes by being ignored; that includes "format" and
// "x-…" extensions, which ajv at its default (strict) settings refuses too.
// SchemaKeywords walks every subschema, whether or not an instance reaches it.
#ifndef LANTERN_TESTS_TESTING_JSON_SCHEMA_CHECK_H_
#define LANTERN_TESTS_TESTING_JSON_SCHEMA_CHECK_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/value.h"

namespace lantern::testing {

// Every way `instance` breaks `schema` (with `root` holding $defs), each as
// "<json pointer>: <what is wrong>"; empty when it is valid.
std::vector<std::string> ValidateJson(const Value& root, const Value& instance);

// Every keyword used anywhere in `root`, each with the JSON pointer of the
// first subschema that uses it, through $defs, properties, items and oneOf.
std::map<std::string, std::string> SchemaKeywords(const Value& root);
// The keywords ValidateJson knows.
const std::set<std::string>& KnownKeywords();

}  // namespace lantern::testing

#endif  // LANTERN_TESTS_TESTING_JSON_SCHEMA_CHECK_H_
