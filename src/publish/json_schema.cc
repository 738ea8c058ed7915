#include "publish/json_schema.h"

#include "load/schema.h"
#include "model/addresses.h"
#include "publish/json_writer.h"
#include "publish/record_data.h"

namespace lantern {
namespace {

// No format keyword anywhere: ajv, the most used validator, refuses a schema
// with a format it was not given a plugin for ("unknown format"), and in
// 2020-12 a format is only an annotation anyway. Patterns say the same and
// every validator checks them: a date is YYYY-MM-DD with a month 01-12 and a
// day 01-31 (the loader has already checked it is a real day), a URL absolute.
constexpr const char* kDatePattern = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
constexpr const char* kUrlPattern = "^https?://";
constexpr const char* kIdPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

Value Strings(const std::vector<std::string>& texts) {
  Value list = Value::List();
  for (const std::string& text : texts) list.Push(TextValue(text));
  return list;
}

// "string", or ["string", "null"] for a field that may be withheld.
Value Type(const char* name, bool nullable) {
  if (!nullable) return TextValue(name);
  Value list = Value::List();
  list.Push(TextValue(name));
  list.Push(TextValue("null"));
  return list;
}

Value FieldSchema(const FieldSpec& spec, unsigned version, bool nullable);

// Null marks a withheld field. Top-level fields and whole sections cannot be
// withheld (the record loader refuses that), so they are never null.
bool Nullable(const FieldSpec& spec) {
  return spec.type != FieldType::kObject && std::string_view(spec.path).find('.') != std::string_view::npos;
}

Value ObjectSchema(const std::string& schema_parent, unsigned version, bool nullable) {
  Value properties = Value::Map();
  Value required = Value::List();
  for (const FieldSpec* child : ChildFields(DocumentKind::kRecord, version, schema_parent)) {
    const std::string key(FieldKey(child->path));
    // Fields inside sections may be withheld (null); whole sections may not.
    properties.Set(key, FieldSchema(*child, version, Nullable(*child)));
    if (child->required) required.Push(TextValue(key));
  }
  Value schema = Value::Map().Set("type", Type("object", nullable));
  schema.Set("additionalProperties", Value::Bool(false));
  if (!required.items().empty()) schema.Set("required", std::move(required));
  schema.Set("properties", std::move(properties));
  return schema;
}

Value FieldSchema(const FieldSpec& spec, unsigned version, bool nullable) {
  Value schema = Value::Map();
  schema.Set("title", TextValue(FieldLabel(spec, version)));
  schema.Set("description", TextValue(spec.help));
  // The ATRS number in "$comment", the one place for it that strict
  // validators accept (ajv refuses an unknown keyword such as x-atrs-number),
  // always as "ATRS number <n>" so that programs can read it back.
  if (*FieldNumber(spec, version) != '\0') {
    schema.Set("$comment", TextValue(std::string(kAtrsNumberComment) + FieldNumber(spec, version)));
  }
  auto merge = [&schema](const Value& more) {
    for (const Value::Member& m : more.members()) schema.Set(m.key, m.value);
  };
  switch (spec.type) {
    case FieldType::kObject:
      merge(ObjectSchema(spec.path, version, nullable));
      break;
    case FieldType::kObjectList:
      schema.Set("type", Type("array", nullable));
      schema.Set("items", ObjectSchema(std::string(spec.path) + "[]", version, false));
      break;
    case FieldType::kBool:
      schema.Set("type", Type("boolean", nullable));
      break;
    case FieldType::kInteger:
      schema.Set("type", Type("integer", nullable));
      break;
    case FieldType::kDate:
      schema.Set("type", Type("string", nullable));
      schema.Set("pattern", TextValue(kDatePattern));
      break;
    case FieldType::kId:
      schema.Set("type", Type("string", nullable));
      schema.Set("pattern", TextValue(kIdPattern));
      break;
    case FieldType::kEnum: {
      schema.Set("type", Type("string", nullable));
      Value values = Strings(EnumSlugs(spec.enumeration, version));
      if (nullable) values.Push(Value::Null());
      schema.Set("enum", std::move(values));
      break;
    }
    case FieldType::kEnumList:
      schema.Set("type", Type("array", nullable));
      schema.Set("items", Value::Map()
                              .Set("type", TextValue("string"))
                              .Set("enum", Strings(EnumSlugs(spec.enumeration, version))));
      break;
    case FieldType::kTextList:
      schema.Set("type", Type("array", nullable));
      schema.Set("items", Value::Map().Set("type", TextValue("string")));
      break;
    default:  // text, Markdown, URL or "N/A", email or "N/A", link
      schema.Set("type", Type("string", nullable));
      break;
  }
  return schema;
}

// A published count: 5 or more exactly, or the band below 5.
Value PublishedCountSchema(const char* title) {
  Value one_of = Value::List();
  one_of.Push(Value::Map().Set("type", TextValue("integer")));
  one_of.Push(Value::Map()
                  .Set("type", TextValue("object"))
                  .Set("additionalProperties", Value::Bool(false))
                  .Set("required", Strings({"at_least", "fewer_than"}))
                  .Set("properties", Value::Map()
                                         .Set("at_least", Value::Map().Set("const", NumberValue(0)))
                                         .Set("fewer_than", Value::Map().Set("const", NumberValue(5)))));
  return Value::Map()
      .Set("title", TextValue(title))
      .Set("description", TextValue("A whole number when it is 5 or more; below 5, for privacy, only "
                                    "{\"at_least\": 0, \"fewer_than\": 5}."))
      .Set("oneOf", std::move(one_of));
}

Value FeedbackStatsSchema() {
  Value on_time = Value::List();
  on_time.Push(Value::Map()
                   .Set("type", TextValue("object"))
                   .Set("additionalProperties", Value::Bool(false))
                   .Set("required", Strings({"percent", "of"}))
                   .Set("properties",
                        Value::Map()
                            .Set("percent", Value::Map()
                                                .Set("description", TextValue("Whole percent, rounded down."))
                                                .Set("type", TextValue("integer")))
                            .Set("of", Value::Map()
                                           .Set("description", TextValue("How many were due or answered (5 or more)."))
                                           .Set("type", TextValue("integer")))));
  on_time.Push(Value::Map().Set("type", TextValue("null")));
  return Value::Map()
      .Set("title", TextValue("Questions and objections in the last 12 months"))
      .Set("description", TextValue("What residents sent through the feedback form, counted by the day it was "
                                    "received, from \"from\" to \"to\" (both included). Submissions held as "
                                    "suspected spam are not counted. Counts only: never any text."))
      .Set("type", TextValue("object"))
      .Set("additionalProperties", Value::Bool(false))
      .Set("required", Strings({"from", "to", "questions", "feedback", "objections", "review_requests",
                                "answered_on_time"}))
      .Set("properties",
           Value::Map()
               .Set("from", Value::Map().Set("type", TextValue("string")).Set("pattern", TextValue(kDatePattern)))
               .Set("to", Value::Map().Set("type", TextValue("string")).Set("pattern", TextValue(kDatePattern)))
               .Set("questions", PublishedCountSchema("Questions"))
               .Set("feedback", PublishedCountSchema("Feedback"))
               .Set("objections", PublishedCountSchema("Objections (UK GDPR Article 21)"))
               .Set("review_requests", PublishedCountSchema("Requests for a person to review a decision "
                                                            "(UK GDPR Articles 22A-22D)"))
               .Set("answered_on_time",
                    Value::Map()
                        .Set("title", TextValue("Answered on time"))
                        .Set("description",
                             TextValue("Of the submissions due by \"to\" or answered, the share answered on or "
                                       "before the day they were due; null when fewer than 5 could be judged."))
                        .Set("oneOf", std::move(on_time))));
}

// A bilingual site's record: its translations by language, each with who
// made it and when, its page in that language, and the translated fields in
// the record's own shape (only those translated).
Value TranslationsSchema() {
  Value date = Value::Map().Set("type", TextValue("string")).Set("pattern", TextValue(kDatePattern));
  Value one = Value::Map()
                  .Set("type", TextValue("object"))
                  .Set("additionalProperties", Value::Bool(false))
                  .Set("required", Strings({"url", "translated_by", "method", "translated_on", "stale", "fields"}))
                  .Set("properties",
                       Value::Map()
                           .Set("url", Value::Map()
                                           .Set("description", TextValue("The record's page in this language."))
                                           .Set("type", TextValue("string"))
                                           .Set("pattern", TextValue(kUrlPattern)))
                           .Set("translated_by", Value::Map().Set("type", TextValue("string")))
                           .Set("method", Value::Map().Set("enum", Strings({"person", "machine"})))
                           .Set("translated_on", date)
                           .Set("reviewed_on", date)
                           .Set("stale", Value::Map()
                                             .Set("description", TextValue("Made before the record last changed."))
                                             .Set("type", TextValue("boolean")))
                           .Set("fields", Value::Map()
                                              .Set("description", TextValue("The translated fields, in the record's "
                                                                            "shape; a field not here is not translated."))
                                              .Set("type", TextValue("object"))));
  return Value::Map()
      .Set("title", TextValue("Translations"))
      .Set("description", TextValue("The record in the site's other languages, by language tag."))
      .Set("type", TextValue("object"))
      .Set("additionalProperties", std::move(one));
}

Value VersionSchema(const char* version_text, unsigned version, bool with_feedback_stats, bool bilingual) {
  Value properties = Value::Map();
  properties.Set("id", Value::Map()
                           .Set("title", TextValue("Record ID"))
                           .Set("description", TextValue("The record's permanent identifier: its page is /records/<id>/."))
                           .Set("type", TextValue("string"))
                           .Set("pattern", TextValue(kIdPattern)));
  properties.Set("url", Value::Map()
                            .Set("title", TextValue("Canonical URL"))
                            .Set("description", TextValue("The address of the record's page on the site."))
                            .Set("type", TextValue("string"))
                            .Set("pattern", TextValue(kUrlPattern)));
  properties.Set("atrs_version", Value::Map()
                                     .Set("title", TextValue("ATRS version"))
                                     .Set("description", TextValue("The version of the standard the record follows."))
                                     .Set("const", TextValue(version_text)));
  const FieldSpec* status = FindField(DocumentKind::kRecord, version, "status");
  properties.Set("status", FieldSchema(*status, version, false));
  properties.Set("publisher",
                 Value::Map()
                     .Set("title", TextValue("Publisher"))
                     .Set("description", TextValue("The organisation whose site publishes the record."))
                     .Set("type", TextValue("object"))
                     .Set("additionalProperties", Value::Bool(false))
                     .Set("required", Strings({"name"}))
                     .Set("properties", Value::Map()
                                            .Set("name", Value::Map().Set("type", TextValue("string")))
                                            .Set("url", Value::Map()
                                                            .Set("type", TextValue("string"))
                                                            .Set("pattern", TextValue(kUrlPattern)))));
  Value required = Value::List();
  for (const char* key : kRecordMetaKeys) required.Push(TextValue(key));
  for (const FieldSpec* spec : ChildFields(DocumentKind::kRecord, version, "")) {
    const std::string key(FieldKey(spec->path));
    if (properties.Find(key) != nullptr) continue;
    properties.Set(key, FieldSchema(*spec, version, Nullable(*spec)));
    if (spec->required) required.Push(TextValue(key));
  }
  if (with_feedback_stats) {
    properties.Set("feedback_stats", Value::Map().Set("$ref", TextValue("#/$defs/feedback-stats")));
  }
  if (bilingual) properties.Set("translations", TranslationsSchema());
  return Value::Map()
      .Set("title", TextValue(std::string("An ATRS ") + version_text + " record"))
      .Set("type", TextValue("object"))
      .Set("additionalProperties", Value::Bool(false))
      .Set("required", std::move(required))
      .Set("properties", std::move(properties));
}

}  // namespace

Value RecordJsonSchema(const SiteConfig& config, bool with_feedback_stats) {
  Value one_of = Value::List();
  one_of.Push(Value::Map().Set("$ref", TextValue("#/$defs/record-4.0")));
  one_of.Push(Value::Map().Set("$ref", TextValue("#/$defs/record-3.0")));
  Value defs = Value::Map()
                   .Set("record-4.0", VersionSchema("4.0", kV4, with_feedback_stats, config.bilingual()))
                   .Set("record-3.0", VersionSchema("3.0", kV3, with_feedback_stats, config.bilingual()));
  if (with_feedback_stats) defs.Set("feedback-stats", FeedbackStatsSchema());
  return Value::Map()
      .Set("$schema", TextValue("https://json-schema.org/draft/2020-12/schema"))
      .Set("$id", TextValue(AbsoluteUrl(config, "schema/record.json")))
      .Set("title", TextValue("An algorithmic transparency record published by " + config.organisation))
      .Set("description",
           TextValue("One record of records.json (\"records\") or of records/<id>.json (\"record\"), in the shape "
                     "of the UK Algorithmic Transparency Recording Standard. A field that is null is withheld; "
                     "the record's redactions say why. " + LicenceStatement(config)))
      .Set("oneOf", std::move(one_of))
      .Set("$defs", std::move(defs));
}

std::string RecordSchemaJson(const SiteConfig& config, bool with_feedback_stats) {
  return ToJson(RecordJsonSchema(config, with_feedback_stats));
}

}  // namespace lantern
