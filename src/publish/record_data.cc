#include "publish/record_data.h"

#include "load/redactions.h"

#include "load/validator.h"
#include "model/addresses.h"
#include "publish/json_writer.h"

namespace lantern {
namespace {

bool IsMetaKey(std::string_view key) {
  for (const char* meta : kRecordMetaKeys) {
    if (key == meta) return true;
  }
  return false;
}

Value Convert(const Record& record, const FieldSpec& spec, const Value& value);

// The fields of a mapping, in table order; absent fields are left out, and
// withheld ones that were not given are null.
// (A translation's fields leave withheld ones out: the original says so.)
Value ConvertMap(const Record& record, const std::string& schema_parent, const Value& value,
                 bool withheld_as_null = true) {
  Value map = Value::Map();
  for (const FieldSpec* child : ChildFields(DocumentKind::kRecord, record.version_bit, schema_parent)) {
    const std::string_view key = FieldKey(child->path);
    const Value* given = value.is_map() ? value.Find(key) : nullptr;
    if (given == nullptr || given->is_null()) {
      if (withheld_as_null && IsWithheld(record.withheld, child->path)) map.Set(key, Value::Null());
      continue;
    }
    map.Set(key, Convert(record, *child, *given));
  }
  return map;
}

Value TextsAsList(const Value& value) {
  Value list = Value::List();
  if (value.is_text()) list.Push(Value::Text(value.text()));
  for (const Value& item : value.items()) {
    if (item.is_text()) list.Push(Value::Text(item.text()));
  }
  return list;
}

Value Convert(const Record& record, const FieldSpec& spec, const Value& value) {
  switch (spec.type) {
    case FieldType::kObject:
      return ConvertMap(record, spec.path, value);
    case FieldType::kObjectList: {
      Value list = Value::List();
      for (const Value& item : value.items()) list.Push(ConvertMap(record, std::string(spec.path) + "[]", item));
      return list;
    }
    case FieldType::kBool:
      return Value::Bool(ParseBool(value.text()).value_or(false));
    case FieldType::kInteger:
      return Value::Text(value.text(), {}, false);
    case FieldType::kEnumList:
    case FieldType::kTextList:
      return TextsAsList(value);
    default:
      return Value::Text(value.is_text() ? value.text() : std::string());
  }
}

// A count as open data: the number when it is 5 or more, otherwise the band
// {"at_least": 0, "fewer_than": 5}, so that no one or two residents can be
// picked out.
Value CountData(const PublishedCount& count) {
  if (!count.fewer_than_five) return NumberValue(count.exact);
  return Value::Map().Set("at_least", NumberValue(0)).Set("fewer_than", NumberValue(5));
}

}  // namespace

std::string LicenceStatement(const SiteConfig& config) {
  return "Contains public sector information published by " + config.organisation + ", licensed under the " +
         config.licence_name + ".";
}

Value LicenceData(const SiteConfig& config) {
  return Value::Map()
      .Set("name", TextValue(config.licence_name))
      .Set("url", TextValue(config.licence_url))
      .Set("statement", TextValue(LicenceStatement(config)));
}

Value FeedbackStatsData(const SiteFeedbackSummary& period, const FeedbackSummary& summary) {
  return Value::Map()
      .Set("from", TextValue(period.first_day.Iso()))
      .Set("to", TextValue(period.last_day.Iso()))
      .Set("questions", CountData(summary.questions))
      .Set("feedback", CountData(summary.feedback))
      .Set("objections", CountData(summary.objections))
      .Set("review_requests", CountData(summary.reviews))
      .Set("answered_on_time", summary.on_time_shown ? Value::Map()
                                                           .Set("percent", NumberValue(summary.on_time_percent))
                                                           .Set("of", NumberValue(summary.on_time_judged))
                                                     : Value::Null());
}

Value RecordData(const Site& site, const Record& record) {
  const SiteConfig& c = site.config;
  Value data = Value::Map();
  data.Set("id", TextValue(record.id));
  data.Set("url", TextValue(AbsoluteUrl(c, RecordPath(record))));
  data.Set("atrs_version", TextValue(record.version));
  data.Set("status", TextValue(record.status));
  data.Set("publisher", Value::Map().Set("name", TextValue(c.organisation)).Set("url", TextValue(c.base_url)));
  for (const FieldSpec* spec : ChildFields(DocumentKind::kRecord, record.version_bit, "")) {
    const std::string_view key = spec->path;
    if (IsMetaKey(key)) continue;
    const Value* given = record.data().Find(key);
    if (given == nullptr || given->is_null()) continue;
    Value converted = Convert(record, *spec, *given);
    if (key == "dates" && converted.Find("next_review") == nullptr) {
      converted.Set("next_review", TextValue(record.next_review.Iso()));
    }
    data.Set(key, std::move(converted));
  }
  if (record.feedback_summary && site.feedback_summary) {
    data.Set("feedback_stats", FeedbackStatsData(*site.feedback_summary, *record.feedback_summary));
  }
  if (c.bilingual()) {
    // Each translation with its provenance: one file carries every language.
    Value translations = Value::Map();
    for (const RecordTranslation& t : record.translations) {
      Value one = Value::Map()
                      .Set("url", TextValue(c.base_url + EditionPrefix(c, t.language) + RecordPath(record)))
                      .Set("translated_by", TextValue(t.translated_by))
                      .Set("method", TextValue(t.by_machine ? "machine" : "person"))
                      .Set("translated_on", TextValue(t.translated_on.Iso()));
      if (t.reviewed_on) one.Set("reviewed_on", TextValue(t.reviewed_on->Iso()));
      one.Set("stale", Value::Bool(t.stale));
      one.Set("fields", ConvertMap(record, "", *t.data, false));
      translations.Set(t.language, std::move(one));
    }
    data.Set("translations", std::move(translations));
  }
  return data;
}

namespace {

// records.json's envelope with an empty list: its text ends in kEmptyListEnd.
constexpr std::string_view kEmptyListEnd = "[]\n}\n";
constexpr std::string_view kEmptyObjectEnd = "{}\n}\n";

Value RecordsEnvelope(const Site& site, Value records) {
  Value envelope = Value::Map()
                       .Set("licence", LicenceData(site.config))
                       .Set("schema", TextValue(AbsoluteUrl(site.config, "schema/record.json")))
                       .Set("publisher", Value::Map()
                                             .Set("name", TextValue(site.config.organisation))
                                             .Set("url", TextValue(site.config.base_url)))
                       .Set("count", NumberValue(static_cast<long long>(site.records.size())));
  // Site-wide: every record's, and the general form's and those about records
  // no longer on the site.
  if (site.feedback_summary) {
    envelope.Set("feedback_stats", FeedbackStatsData(*site.feedback_summary, site.feedback_summary->all));
  }
  envelope.Set("records", std::move(records));
  return envelope;
}

// Pretty JSON of a value nested `depth` spaces deep: every line after the
// first indented (JSON strings hold no raw newline), without the final newline.
std::string Nested(std::string json, size_t depth) {
  if (!json.empty() && json.back() == '\n') json.pop_back();
  const std::string indent(depth, ' ');
  std::string out;
  out.reserve(json.size() + json.size() / 4);
  // Whole lines at a time: appending character by character was a hot spot.
  size_t start = 0;
  for (size_t newline = json.find('\n'); newline != std::string::npos; newline = json.find('\n', start)) {
    out.append(json, start, newline + 1 - start);
    out += indent;
    start = newline + 1;
  }
  out.append(json, start, std::string::npos);
  return out;
}

}  // namespace

std::string RecordsJson(const Site& site) {
  Value records = Value::List();
  for (const Record& record : site.records) records.Push(RecordData(site, record));
  return ToJson(RecordsEnvelope(site, std::move(records)));
}

std::string RecordsJsonHead(const Site& site, size_t count) {
  std::string empty = ToJson(RecordsEnvelope(site, Value::List()));
  if (count == 0) return empty;  // the list stays "[]", as the whole-tree writer prints it
  empty.resize(empty.size() - kEmptyListEnd.size());
  return empty + "[\n";
}

std::string RecordsJsonTail(size_t count) { return count == 0 ? "" : "\n  ]\n}\n"; }

RecordJsonParts MakeRecordJsonParts(const Site& site, const Value& record_data) {
  const std::string json = ToJson(record_data);
  RecordJsonParts parts;
  std::string envelope = ToJson(Value::Map()
                                    .Set("licence", LicenceData(site.config))
                                    .Set("schema", TextValue(AbsoluteUrl(site.config, "schema/record.json")))
                                    .Set("record", Value::Map()));
  envelope.resize(envelope.size() - kEmptyObjectEnd.size());
  parts.own_file = envelope + Nested(json, 2) + "\n}\n";
  parts.list_entry = "    " + Nested(json, 4);
  return parts;
}

std::string RecordJson(const Site& site, const Record& record) {
  Value envelope = Value::Map()
                       .Set("licence", LicenceData(site.config))
                       .Set("schema", TextValue(AbsoluteUrl(site.config, "schema/record.json")))
                       .Set("record", RecordData(site, record));
  return ToJson(envelope);
}

}  // namespace lantern
