// The open data, feeds and discovery files (src/publish), checked on the
// example site in content/ and on small hand-made inputs.
#include <gtest/gtest.h>

#include <cstdio>
#include <regex>
#include <set>

#include "assemble/site_builder.h"
#include "assemble/theme.h"
#include "base/file_system.h"
#include "load/git_history.h"
#include "load/schema.h"
#include "load/site_loader.h"
#include "model/addresses.h"
#include "publish/atom_feed.h"
#include "publish/atrs_export.h"
#include "publish/csv_writer.h"
#include "publish/json_schema.h"
#include "publish/json_writer.h"
#include "publish/record_data.h"
#include "testing/json_schema_check.h"
#include "testing/example_site.h"
#include "testing/test_support.h"

namespace lantern {
namespace {

using Built = testing::BuiltSite;
using testing::ExampleSite;

const Record& RecordById(const Site& site, const std::string& id) {
  for (const Record& r : site.records) {
    if (r.id == id) return r;
  }
  ADD_FAILURE() << "no record " << id;
  return site.records.front();
}

Value Parse(const std::string& text) {
  std::string error;
  std::optional<Value> value = ParseJson(text, &error);
  EXPECT_TRUE(value.has_value()) << error;
  return value ? *value : Value();
}

// ---- JSON ---------------------------------------------------------------------

TEST(JsonWriterTest, KeepsOrderKindsAndEscapesForScripts) {
  Value v = Value::Map();
  v.Set("z", TextValue("first"));
  v.Set("a", Value::Bool(true));
  v.Set("n", NumberValue(12));
  v.Set("t", Value::Text("12", {}, true));
  v.Set("none", Value::Null());
  EXPECT_EQ("{\n  \"z\": \"first\",\n  \"a\": true,\n  \"n\": 12,\n  \"t\": \"12\",\n  \"none\": null\n}\n", ToJson(v));
  const std::string script = ToScriptJson(Value::Map().Set("x", TextValue("</script><!--")));
  EXPECT_EQ(std::string::npos, script.find('<'));
  EXPECT_EQ("</script><!--", Parse(script).Find("x")->text());
}

TEST(JsonWriterTest, BrokenJsonIsAnErrorNotACrash) {
  for (const char* broken : {"", "{", "{\"a\":}", "[1,]", "\"unterminated", "{\"a\":1} trailing"}) {
    std::string error;
    EXPECT_FALSE(ParseJson(broken, &error).has_value()) << broken;
    EXPECT_FALSE(error.empty()) << broken;
  }
}

TEST(JsonSchemaTest, ExampleSiteRecordsValidateAgainstThePublishedSchema) {
  const Built& b = ExampleSite();
  const Value schema = Parse(b.output.at("schema/record.json"));
  const Value all = Parse(b.output.at("records.json"));
  ASSERT_TRUE(all.Find("records"));
  ASSERT_EQ(b.site.records.size(), all.Find("records")->items().size());
  for (const Value& record : all.Find("records")->items()) {
    const std::vector<std::string> errors = testing::ValidateJson(schema, record);
    EXPECT_TRUE(errors.empty()) << record.Find("id")->text() << ":\n" << ::testing::PrintToString(errors);
  }
  for (const Record& record : b.site.records) {
    const Value one = Parse(b.output.at(RecordJsonPath(record)));
    EXPECT_TRUE(testing::ValidateJson(schema, *one.Find("record")).empty()) << record.id;
    EXPECT_EQ(b.site.config.licence_url, one.FindPath("licence.url")->text());
  }
}

// A second opinion from an independent implementation (python3-jsonschema,
// installed by ./setup, run by tests/testing/validate_records.py): the schema
// is valid 2020-12 and every record passes it, in records.json and in its own
// records/<id>.json, on the example site and on every golden site as built.
TEST(JsonSchemaTest, IndependentValidatorAgrees) {
  if (std::system("python3 -c 'import jsonschema' > /dev/null 2>&1") != 0) {
    GTEST_SKIP() << "python3-jsonschema is not installed (./setup installs it)";
  }
  const Built& b = ExampleSite();
  testing::TempDir temp;
  testing::WriteTree(temp.path() + "/example", b.output);
  const std::string script = "python3 '" + testing::SourceDir() + "/tests/testing/validate_records.py' ";
  auto run = [&](const std::string& sites) {
    std::string output;
    std::FILE* pipe = popen((script + sites + " 2>&1").c_str(), "r");
    char buffer[4096];
    for (size_t n; pipe && (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
    const int status = pipe ? pclose(pipe) : -1;
    return std::make_pair(status, output);
  };
  std::string sites = "'" + temp.path() + "/example'";
  for (const char* golden : {"basic", "published-records"}) {
    sites += " '" + testing::SourceDir() + "/tests/golden/sites/" + golden + "/expected'";
  }
  const auto [status, output] = run(sites);
  EXPECT_EQ(0, status) << output;
  const std::string count = std::to_string(b.site.records.size());
  EXPECT_NE(std::string::npos, output.find("example: " + count + " in records.json, " + count + " record files, valid"))
      << output;
  EXPECT_NE(std::string::npos, output.find("basic/expected: 3 in records.json, 3 record files, valid")) << output;

  // A broken record in either place fails, naming where.
  Value one = Parse(b.output.at(RecordJsonPath(b.site.records.front())));
  Value record = *one.Find("record");
  record.Set("phase", TextValue("finished"));
  one.Set("record", record);
  testing::WriteFile(temp.path() + "/example/" + RecordJsonPath(b.site.records.front()), ToJson(one));
  const auto [broken_status, broken_output] = run("'" + temp.path() + "/example'");
  EXPECT_NE(0, broken_status);
  // (Which error it names is best_match's choice among the oneOf branches.)
  EXPECT_NE(std::string::npos, broken_output.find(": " + RecordJsonPath(b.site.records.front()) + ".")) << broken_output;
}

// The validator must be able to fail, or the test above proves nothing.
TEST(JsonSchemaTest, ValidatorRejectsBrokenRecords) {
  const Built& b = ExampleSite();
  const Value schema = Parse(b.output.at("schema/record.json"));
  const Value good = Parse(b.output.at("records.json")).Find("records")->items().front();
  ASSERT_TRUE(testing::ValidateJson(schema, good).empty());
  auto broken = [&](const std::function<void(Value*)>& edit) {
    Value copy = good;
    edit(&copy);
    return testing::ValidateJson(schema, copy);
  };
  EXPECT_FALSE(broken([](Value* r) { r->Set("colour", TextValue("red")); }).empty());   // unknown field
  EXPECT_FALSE(broken([](Value* r) { r->Set("phase", TextValue("finished")); }).empty());  // not an enum value
  EXPECT_FALSE(broken([](Value* r) { r->Set("tags", TextValue("one")); }).empty());     // text, not a list
  EXPECT_FALSE(broken([](Value* r) { r->Set("id", TextValue("Not An Id")); }).empty());  // pattern
  EXPECT_FALSE(broken([](Value* r) { r->Set("atrs_version", TextValue("5.0")); }).empty());
  EXPECT_FALSE(broken([](Value* r) {
                 Value dates = *r->Find("dates");
                 dates.Set("published", TextValue("2025-13-01"));  // no month 13
                 r->Set("dates", dates);
               }).empty());
  EXPECT_FALSE(broken([](Value* r) {
                 Value summary = Value::Map();  // every required Tier 1 field missing
                 r->Set("summary", summary);
               }).empty());
  EXPECT_FALSE(broken([](Value* r) {
                 Value owner = *r->Find("owner");
                 owner.Set("third_party_involvement", TextValue("yes"));  // a string, not a boolean
                 r->Set("owner", owner);
               }).empty());
  // An unknown keyword in the schema is an error, not silently skipped.
  Value odd = schema;
  odd.Set("minProperties", NumberValue(1));
  EXPECT_FALSE(testing::ValidateJson(odd, good).empty());
}

TEST(JsonSchemaTest, EveryRecordFieldOfTheTableIsInTheSchema) {
  const Value schema = RecordJsonSchema(ExampleSite().site.config);
  for (const FieldSpec& f : AllFields()) {
    if (f.document != DocumentKind::kRecord) continue;
    for (unsigned version : {kV4, kV3}) {
      if (!(f.versions & version)) continue;
      const Value* node = schema.FindPath(version == kV4 ? "$defs" : "$defs");
      node = node->Find(version == kV4 ? "record-4.0" : "record-3.0");
      std::string path = f.path;
      // Walk "a.b[].c" through properties and items.
      size_t start = 0;
      while (node && start <= path.size()) {
        size_t dot = path.find('.', start);
        std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        const bool list = part.size() > 2 && part.substr(part.size() - 2) == "[]";
        if (list) part.resize(part.size() - 2);
        node = node->Find("properties") ? node->Find("properties")->Find(part) : nullptr;
        if (node && list) node = node->Find("items");
        if (dot == std::string::npos) break;
        start = dot + 1;
      }
      ASSERT_NE(nullptr, node) << f.path << " in " << version;
      // Its ATRS number, readable by programs, where strict validators allow it.
      const std::string number = FieldNumber(f, version);
      const Value* comment = node->Find("$comment");
      if (number.empty()) {
        EXPECT_EQ(nullptr, comment) << f.path;
      } else {
        ASSERT_NE(nullptr, comment) << f.path << " in " << version << " has no $comment";
        EXPECT_EQ(kAtrsNumberComment + number, comment->text()) << f.path;
      }
    }
  }
}

// ajv, the most used validator, runs strict by default: it refuses a schema
// with any keyword it does not know ("x-atrs-number") or a format it has no
// plugin for. Every subschema, with and without feedback_stats, uses only
// keywords of the 2020-12 vocabularies that need no plugin.
TEST(JsonSchemaTest, UsesOnlyKeywordsStrictValidatorsKnow) {
  for (bool with_feedback_stats : {false, true}) {
    const Value schema = RecordJsonSchema(ExampleSite().site.config, with_feedback_stats);
    const std::map<std::string, std::string> used = testing::SchemaKeywords(schema);
    EXPECT_TRUE(used.count("$comment"));
    for (const auto& [keyword, where] : used) {
      EXPECT_TRUE(testing::KnownKeywords().count(keyword)) << "\"" << keyword << "\" at " << where;
    }
  }
  // The walk reaches nested subschemas, or the loop above proves nothing.
  Value odd = RecordJsonSchema(ExampleSite().site.config);
  Value item = Value::Map().Set("format", TextValue("date"));
  Value options = Value::List();
  options.Push(item);
  Value deep = Value::Map().Set("items", Value::Map().Set("oneOf", options));
  odd.Set("$defs", Value::Map().Set("x", Value::Map().Set("properties", Value::Map().Set("y", deep))));
  EXPECT_EQ("/$defs/x/properties/y/items/oneOf/0", testing::SchemaKeywords(odd).at("format"));
}

// Every leaf of the YAML (its text, booleans as yes/no) is in records.json at
// the same path with the same value.
void ExpectCarried(const Record& record, const FieldSpec* spec, const Value& yaml, const Value* json,
                   const std::string& at) {
  ASSERT_NE(nullptr, json) << record.id << ": " << at << " is missing from records.json";
  if (yaml.is_map()) {
    for (const Value::Member& m : yaml.members()) {
      if (m.value.is_null()) continue;
      std::string child_path = spec ? std::string(spec->path) + (spec->type == FieldType::kObjectList ? "[]." : ".") + m.key
                                    : m.key;
      const FieldSpec* child = FindField(DocumentKind::kRecord, record.version_bit, child_path);
      ASSERT_NE(nullptr, child) << child_path;
      ExpectCarried(record, child, m.value, json->Find(m.key), at + "/" + m.key);
    }
  } else if (yaml.is_list()) {
    ASSERT_TRUE(json->is_list()) << at;
    ASSERT_EQ(yaml.items().size(), json->items().size()) << at;
    for (size_t i = 0; i < yaml.items().size(); ++i) {
      ExpectCarried(record, spec, yaml.items()[i], &json->items()[i], at + "/" + std::to_string(i));
    }
  } else if (spec && spec->type == FieldType::kBool) {
    ASSERT_EQ(Value::Kind::kBool, json->kind()) << at;
    EXPECT_EQ(yaml.text() == "yes" || yaml.text() == "true" || yaml.text() == "Yes" || yaml.text() == "True",
              json->as_bool())
        << at;
  } else if (json->is_list()) {  // a single text given for a list field
    ASSERT_EQ(1u, json->items().size()) << at;
    EXPECT_EQ(yaml.text(), json->items()[0].text()) << at;
  } else {
    ASSERT_TRUE(json->is_text()) << at;
    EXPECT_EQ(yaml.text(), json->text()) << at;
  }
}

TEST(JsonRoundTripTest, RecordsJsonCarriesEveryFieldTheYamlHad) {
  const Built& b = ExampleSite();
  const Value all = Parse(b.output.at("records.json"));
  const std::vector<Value>& records = all.Find("records")->items();
  ASSERT_EQ(b.site.records.size(), records.size());
  int leaves = 0;
  for (size_t i = 0; i < records.size(); ++i) {
    const Record& record = b.site.records[i];
    ASSERT_EQ(record.id, records[i].Find("id")->text());
    for (const Value::Member& m : record.data().members()) {
      if (m.value.is_null()) continue;
      ++leaves;
      ExpectCarried(record, FindField(DocumentKind::kRecord, record.version_bit, m.key), m.value,
                    records[i].Find(m.key), m.key);
    }
    EXPECT_EQ(b.site.config.organisation, records[i].FindPath("publisher.name")->text());
    EXPECT_EQ(b.site.config.base_url + "records/" + record.id + "/", records[i].Find("url")->text());
    EXPECT_EQ(record.version, records[i].Find("atrs_version")->text());
  }
  EXPECT_GT(leaves, 100);
}

// The record with technical.maintenance left out and withheld, as an author
// writes it: the field removed, an entry under redactions.
Record WithMaintenanceWithheld(const Record& original) {
  Record record = original;
  Value technical = Value::Map();
  for (const Value::Member& m : original.data().Find("technical")->members()) {
    if (m.key != "maintenance") technical.Set(m.key, m.value);
  }
  record.set_data(Value(record.data()).Set("technical", technical));
  Value redactions = Value::List();
  if (const Value* old = original.data().Find("redactions")) {
    for (const Value& r : old->items()) redactions.Push(r);
  }
  redactions.Push(Value::Map()
                      .Set("field", TextValue("technical.maintenance"))
                      .Set("reason", TextValue("Section 31 of the Freedom of Information Act 2000.")));
  record.set_data(Value(record.data()).Set("redactions", redactions));
  record.withheld.insert("technical.maintenance");
  return record;
}

TEST(JsonRoundTripTest, WithheldFieldsAreNullAndPartlyWithheldOnesKeepTheirValue) {
  const Built& b = ExampleSite();
  const Record& original = RecordById(b.site, "rent-arrears-early-help");
  ASSERT_TRUE(original.withheld.count("technical.models"));  // partly withheld: given, with a reason
  const Record record = WithMaintenanceWithheld(original);
  const Value data = RecordData(b.site, record);
  ASSERT_NE(nullptr, data.FindPath("technical.maintenance"));
  EXPECT_TRUE(data.FindPath("technical.maintenance")->is_null());
  EXPECT_TRUE(data.FindPath("technical.models")->is_list());
  EXPECT_EQ(nullptr, data.FindPath("technical.system_level_input_missing"));
  // Null is allowed by the schema for a withheld field; the record still validates.
  const Value schema = RecordJsonSchema(b.site.config);
  EXPECT_TRUE(testing::ValidateJson(schema, Parse(ToJson(data))).empty());
  // And the CSV says "(withheld)".
  Site site = b.site;
  site.records = {record};
  const std::string csv = RecordsCsv(site);
  EXPECT_NE(std::string::npos, csv.find(",(withheld),"));
}

// ---- CSV ----------------------------------------------------------------------

// A strict RFC 4180 reader: rows of cells; fails the test on malformed input.
std::vector<std::vector<std::string>> ReadCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  size_t i = 0;
  bool quoted = false, cell_started = false;
  while (i < text.size()) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        i += 2;
      } else if (c == '"') {
        quoted = false;
        ++i;
        EXPECT_TRUE(i == text.size() || text[i] == ',' || text[i] == '\r') << "text after a closing quote at " << i;
      } else {
        cell += c;
        ++i;
      }
      continue;
    }
    if (c == '"' && !cell_started) {
      quoted = true;
      cell_started = true;
      ++i;
    } else if (c == ',') {
      row.push_back(cell);
      cell.clear();
      cell_started = false;
      ++i;
    } else if (c == '\r') {
      EXPECT_TRUE(i + 1 < text.size() && text[i + 1] == '\n') << "bare CR at " << i;
      row.push_back(cell);
      rows.push_back(row);
      row.clear();
      cell.clear();
      cell_started = false;
      i += 2;
    } else {
      EXPECT_NE('\n', c) << "bare LF outside quotes at " << i;
      EXPECT_NE('"', c) << "quote inside an unquoted cell at " << i;
      cell += c;
      cell_started = true;
      ++i;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quote";
  EXPECT_TRUE(row.empty() && cell.empty()) << "the last row has no CRLF";
  return rows;
}

TEST(CsvTest, CellsAreQuotedAndDefusedAsRfc4180AndSpreadsheetsNeed) {
  EXPECT_EQ("plain", CsvCell("plain"));
  EXPECT_EQ("\"a,b\"", CsvCell("a,b"));
  EXPECT_EQ("\"say \"\"hi\"\"\"", CsvCell("say \"hi\""));
  EXPECT_EQ("\"two\nlines\"", CsvCell("two\nlines"));
  EXPECT_EQ("\"'=1+1\"", CsvCell("=1+1"));
  EXPECT_EQ("\"'+44 20\"", CsvCell("+44 20"));
  EXPECT_EQ("\"'-2\"", CsvCell("-2"));
  EXPECT_EQ("\"'@SUM(A1)\"", CsvCell("@SUM(A1)"));
  EXPECT_EQ("\"'\tx\"", CsvCell("\tx"));
  EXPECT_EQ("\"'\rx\"", CsvCell("\rx"));
  EXPECT_EQ("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", CsvCell("=HYPERLINK(\"http://x\",\"y\")"));
  EXPECT_EQ("a=b", CsvCell("a=b"));
  EXPECT_EQ("", CsvCell(""));
  EXPECT_EQ("£ – é", CsvCell("£ – é"));  // UTF-8 passes through
  const auto rows = ReadCsv(CsvRow({"a,b", "=x", "line\nbreak"}));
  ASSERT_EQ(1u, rows.size());
  EXPECT_EQ((std::vector<std::string>{"a,b", "'=x", "line\nbreak"}), rows[0]);
}

TEST(CsvTest, ExampleSiteHasOneRowPerRecordAndNoFormulaCells) {
  const Built& b = ExampleSite();
  const auto rows = ReadCsv(b.output.at("records.csv"));
  ASSERT_EQ(b.site.records.size() + 1, rows.size());
  const std::vector<std::string> columns = RecordsCsvColumns();
  EXPECT_EQ(columns, rows[0]);
  std::set<std::string> unique(columns.begin(), columns.end());
  EXPECT_EQ(columns.size(), unique.size()) << "column names must be unique";
  for (size_t r = 1; r < rows.size(); ++r) {
    ASSERT_EQ(columns.size(), rows[r].size()) << "row " << r;
    EXPECT_EQ(b.site.records[r - 1].id, rows[r][0]);
    for (const std::string& cell : rows[r]) {
      if (cell.empty()) continue;
      EXPECT_EQ(std::string::npos, std::string("=+-@\t\r").find(cell[0])) << "formula cell: " << cell.substr(0, 40);
    }
  }
}

// Read by a real CSV parser (Python's csv module, strict), not split on
// lines: cells hold line breaks, so the file has far more lines than rows.
// One header row of the columns, then one row per record in records.json's
// order, each with every column; url and publisher.name filled in.
TEST(CsvTest, ARealCsvParserReadsOneRowPerRecordWithEveryColumn) {
  const Built& b = ExampleSite();
  testing::TempDir temp;
  testing::WriteTree(temp.path() + "/site", b.output);
  const std::string script = "python3 '" + testing::SourceDir() + "/tests/testing/check_records_csv.py' '" +
                             temp.path() + "/site' > '" + temp.path() + "/out' 2>&1";
  const size_t rows = b.site.records.size(), columns = RecordsCsvColumns().size();
  EXPECT_EQ(0, std::system(script.c_str())) << testing::ReadFileOrEmpty(temp.path() + "/out");
  const std::string out = testing::ReadFileOrEmpty(temp.path() + "/out");
  EXPECT_EQ(0u, out.rfind(std::to_string(rows) + " rows, " + std::to_string(columns) + " columns, ", 0)) << out;
  const size_t lines = std::stoul(out.substr(out.rfind(", ") + 2));
  EXPECT_GT(lines, 2 * (rows + 1)) << "cells with line breaks, or the parser is not put to the test";
  std::vector<std::string> header;
  const std::string& csv = b.output.at("records.csv");
  for (size_t at = 0, end = csv.find("\r\n"); at < end;) {
    const size_t comma = std::min(csv.find(',', at), end);
    header.push_back(csv.substr(at, comma - at));
    at = comma + 1;
  }
  EXPECT_EQ(RecordsCsvColumns(), header);
  const Record& first = b.site.records.front();
  EXPECT_NE(std::string::npos, csv.find("\r\n" + first.id + "," + AbsoluteUrl(b.site.config, RecordPath(first)) +
                                        ",4.0,published," + b.site.config.organisation + ","))
      << "the url and publisher.name columns are filled";
  // Broken files fail: a cell too many in a row, a record left out.
  for (const std::string& broken : {testing::ReplaceOnce(csv, "\r\n" + first.id + ",", "\r\n" + first.id + ",,"),
                                    csv.substr(0, csv.rfind("\r\n", csv.size() - 3) + 2)}) {
    testing::WriteFile(temp.path() + "/site/records.csv", broken);
    EXPECT_NE(0, std::system(script.c_str())) << testing::ReadFileOrEmpty(temp.path() + "/out");
  }
}

TEST(CsvTest, ColumnsFollowTheTableAndRepeatableSectionsAreNumbered) {
  const std::vector<std::string> columns = RecordsCsvColumns();
  auto index = [&](const std::string& name) {
    return std::find(columns.begin(), columns.end(), name) - columns.begin();
  };
  EXPECT_LT(index("summary.name"), index("owner.organisation"));
  EXPECT_LT(index("owner.organisation"), index("rationale.detailed_description"));
  EXPECT_LT(index("deployment.integration"), index("deployment.process_integration"));
  EXPECT_LT(index("technical.models[].name"), index("risks.risks_and_mitigations[].risk"));
  EXPECT_EQ("licence", columns.back());

  const Built& b = ExampleSite();
  const auto rows = ReadCsv(b.output.at("records.csv"));
  const size_t risk = index("risks.risks_and_mitigations[].risk");
  const size_t mitigation = index("risks.risks_and_mitigations[].mitigation");
  for (size_t r = 1; r < rows.size(); ++r) {
    const Value* risks = b.site.records[r - 1].data().FindPath("risks.risks_and_mitigations");
    ASSERT_TRUE(risks && risks->is_list());
    const std::string& cell = rows[r][risk];
    EXPECT_EQ(0u, cell.rfind("[1] ", 0)) << cell.substr(0, 30);
    const std::string last = "[" + std::to_string(risks->items().size()) + "] ";
    EXPECT_NE(std::string::npos, cell.find(last));
    EXPECT_EQ(std::string::npos, cell.find("[" + std::to_string(risks->items().size() + 1) + "]"));
    EXPECT_NE(std::string::npos, rows[r][mitigation].find(last));
  }
}

// ---- Atom feeds ---------------------------------------------------------------

// xmllint (libxml2-utils, installed by ./setup) checks the feed is well-formed.
void ExpectWellFormedXml(const std::string& name, const std::string& xml) {
  testing::TempDir temp;
  const std::string path = temp.path() + "/file.xml";
  testing::WriteFile(path, xml);
  const int status = std::system(("xmllint --noout '" + path + "' 2>/dev/null").c_str());
  EXPECT_EQ(0, status) << name << " is not well-formed XML";
}

std::vector<std::string> Matches(const std::string& text, const std::string& pattern) {
  std::vector<std::string> found;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
    found.push_back((*it)[1].str());
  }
  return found;
}

TEST(AtomFeedTest, XmllintRejectsWhatIsNotWellFormed) {
  // The check itself must be able to fail.
  testing::TempDir temp;
  testing::WriteFile(temp.path() + "/bad.xml", "<feed><entry></feed>");
  EXPECT_NE(0, std::system(("xmllint --noout '" + temp.path() + "/bad.xml' 2>/dev/null").c_str()));
}

TEST(AtomFeedTest, FeedsAreWellFormedCompleteAndCarryTheLicence) {
  const Built& b = ExampleSite();
  const std::string& site_feed = b.output.at("feed.xml");
  ExpectWellFormedXml("feed.xml", site_feed);
  size_t total_entries = 0;
  std::set<std::string> all_ids;
  for (const Record& record : b.site.records) {
    const std::string& feed = b.output.at(RecordFeedPath(record));
    ExpectWellFormedXml(RecordFeedPath(record), feed);
    const std::vector<FeedEntry> entries = RecordFeedEntries(b.site, record);
    // Published, every change, and retired when archived.
    const Value* changes = record.data().Find("changes");
    const size_t expected_min = 1 + (changes ? changes->items().size() : 0) + (record.archived ? 1 : 0);
    EXPECT_EQ(changes ? changes->items().size() : 0, record.changes.size()) << record.id << ": every entry typed";
    EXPECT_GE(entries.size(), expected_min) << record.id;
    const std::vector<std::string> ids = Matches(feed, "<entry>\\s*<id>([^<]*)</id>");
    EXPECT_EQ(entries.size(), ids.size()) << record.id;
    for (const std::string& id : ids) {
      EXPECT_TRUE(all_ids.insert(id).second) << "duplicate entry id " << id;
      EXPECT_EQ(0u, id.rfind("tag:ai.example.gov.uk,", 0)) << id;
      EXPECT_NE(std::string::npos, id.find(":records/" + record.id + "/")) << id;
      EXPECT_NE(std::string::npos, site_feed.find("<id>" + id + "</id>")) << "site feed lacks " << id;
    }
    EXPECT_NE(std::string::npos, feed.find("," + record.published.Iso() + ":records/" + record.id + "/published</id>"))
        << record.id;
    EXPECT_NE(std::string::npos, feed.find("<rights>" + LicenceStatement(b.site.config)));
    total_entries += entries.size();
  }
  EXPECT_EQ(total_entries, Matches(site_feed, "<entry>\\s*<id>([^<]*)</id>").size());
  EXPECT_NE(std::string::npos, site_feed.find("<rights>Contains public sector information"));
  // Newest first.
  const std::vector<std::string> updated = Matches(site_feed, "<entry>\\s*<id>[^<]*</id>\\s*<title>[^<]*</title>\\s*<updated>([^<]*)</updated>");
  ASSERT_EQ(total_entries, updated.size());
  EXPECT_TRUE(std::is_sorted(updated.rbegin(), updated.rend()));
}

TEST(AtomFeedTest, EntryIdsDoNotChangeWhenAChangeIsAdded) {
  const Built& b = ExampleSite();
  Record record = b.site.records.front();
  const std::vector<FeedEntry> before = RecordFeedEntries(b.site, record);
  // A new change, written at the top of the list as authors do.
  record.changes.insert(record.changes.begin(), RecordChange{*Date::Parse("2030-01-02"), "New *model*."});
  const std::vector<FeedEntry> after = RecordFeedEntries(b.site, record);
  ASSERT_EQ(before.size() + 1, after.size());
  EXPECT_EQ("tag:ai.example.gov.uk,2030-01-02:records/" + record.id + "/change", after.front().id);
  EXPECT_NE(std::string::npos, after.front().content_html.find("<em>model</em>"));
  for (size_t i = 0; i < before.size(); ++i) EXPECT_EQ(before[i].id, after[i + 1].id);
}

TEST(AtomFeedTest, TextThatLooksLikeMarkupIsEscaped) {
  Built b = ExampleSite();
  Record& record = b.site.records.front();
  Value summary = *record.data().Find("summary");
  summary.Set("name", TextValue("Rules & <script>alert(1)</script> \"x\""));
  record.set_data(Value(record.data()).Set("summary", summary));
  const std::string feed = RecordFeed(b.site, record);
  EXPECT_EQ(std::string::npos, feed.find("<script>"));
  ExpectWellFormedXml("escaped feed", feed);
}

// ---- Discovery ----------------------------------------------------------------

TEST(DiscoveryTest, SitemapListsEveryPageButThe404AndRobotsNamesIt) {
  const Built& b = ExampleSite();
  const std::string& sitemap = b.output.at("sitemap.xml");
  ExpectWellFormedXml("sitemap.xml", sitemap);
  size_t pages = 0;
  for (const auto& [path, bytes] : b.output) {
    // Pages are the index.html files: 404.html is not one, and a notice kit's
    // card.html is a snippet to paste into a council's own page.
    if (path.size() < 10 || path.substr(path.size() - 10) != "index.html") continue;
    // Short addresses are redirects to the notice pages, which are listed: not pages of their own.
    if (path.rfind("r/", 0) == 0) {
      EXPECT_NE(std::string::npos, bytes.find("<meta name=\"robots\" content=\"noindex\">")) << path;
      continue;
    }
    ++pages;
    std::string url = b.site.config.base_url + path.substr(0, path.size() - 10);
    if (path == "index.html") url = b.site.config.base_url;
    EXPECT_NE(std::string::npos, sitemap.find("<loc>" + url + "</loc>")) << url;
  }
  EXPECT_EQ(pages, Matches(sitemap, "<loc>([^<]*)</loc>").size());
  EXPECT_EQ(std::string::npos, sitemap.find("404"));
  for (const Record& record : b.site.records) {
    EXPECT_NE(std::string::npos, sitemap.find("records/" + record.id + "/</loc>\n    <lastmod>")) << record.id;
  }
  EXPECT_NE(std::string::npos, b.output.at("robots.txt").find("Sitemap: https://ai.example.gov.uk/sitemap.xml\n"));
}

TEST(DiscoveryTest, PagesLinkTheirFeedsAndCarryValidJsonLd) {
  const Built& b = ExampleSite();
  for (const Record& record : b.site.records) {
    const std::string& page = b.output.at("records/" + record.id + "/index.html");
    EXPECT_NE(std::string::npos, page.find("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"New and "
                                           "changed records (Atom feed)\" href=\"/feed.xml\">"));
    EXPECT_NE(std::string::npos,
              page.find("type=\"application/atom+xml\" title=\"Changes to this record (Atom feed)\" href=\"/records/" +
                        record.id + "/feed.xml\">"));
    const std::vector<std::string> blocks = Matches(page, "<script type=\"application/ld\\+json\">([^\\n]*)</script>");
    ASSERT_EQ(1u, blocks.size()) << record.id;
    const Value ld = Parse(blocks[0]);
    EXPECT_EQ("https://schema.org", ld.Find("@context")->text());
    EXPECT_EQ(b.site.config.base_url + "records/" + record.id + "/", ld.Find("url")->text());
    EXPECT_EQ(record.Text("summary.name"), ld.Find("name")->text());
    EXPECT_EQ(b.site.config.licence_url, ld.Find("license")->text());
  }
  const Value data_ld = Parse(Matches(b.output.at("data/index.html"),
                                      "<script type=\"application/ld\\+json\">([^\\n]*)</script>")
                                  .at(0));
  EXPECT_EQ("Dataset", data_ld.Find("@type")->text());
  EXPECT_EQ(3u, data_ld.Find("distribution")->items().size());
  // Every page's footer leads to the data page.
  EXPECT_NE(std::string::npos, b.output.at("index.html").find("href=\"/data/\">Open data and feeds</a>"));
}

// ---- ATRS export ----------------------------------------------------------------

std::string AnswerFor(const std::vector<std::vector<std::string>>& rows, const std::string& number) {
  for (const auto& row : rows) {
    if (row.size() == 4 && row[1] == number) return row[3];
  }
  return "<no row " + number + ">";
}

TEST(AtrsExportTest, Version3RecordIsMappedOntoTheVersion4Template) {
  const Built& b = ExampleSite();
  const Record& record = RecordById(b.site, "larger-bin-check");
  ASSERT_EQ("3.0", record.version);
  const auto rows = ReadCsv(AtrsTemplateCsv(b.site, record));
  ASSERT_GT(rows.size(), 20u);
  EXPECT_EQ((std::vector<std::string>{"Section", "Number", "Field", "Answer"}), rows[0]);
  // scope → detailed description
  const std::string detailed = AnswerFor(rows, "2.2.1");
  EXPECT_NE(std::string::npos, detailed.find(record.Text("rationale.scope").substr(0, 40)));
  EXPECT_NE(std::string::npos, detailed.find("Scope: "));
  // process integration + provided information → integration
  const std::string integration = AnswerFor(rows, "2.3.1");
  EXPECT_NE(std::string::npos, integration.find("Process integration: "));
  EXPECT_NE(std::string::npos, integration.find("Provided information: "));
  // external supplier involvement → third party involvement
  EXPECT_EQ(record.data().FindPath("owner.external_supplier_involvement")->text() == "yes" ? "Yes" : "No",
            AnswerFor(rows, "2.1.4"));
  // human decisions and review → human review
  EXPECT_NE(std::string::npos,
            AnswerFor(rows, "2.3.3").find(record.Text("deployment.human_decisions_and_review").substr(0, 40)));
  for (const auto& row : rows) EXPECT_EQ(4u, row.size());
  // Labels are 4.0's only.
  for (const auto& row : rows) EXPECT_NE("External supplier", row[2]);
}

TEST(AtrsExportTest, Version4RecordKeepsEveryTemplateFieldInOrder) {
  const Built& b = ExampleSite();
  const Record& record = RecordById(b.site, "rent-arrears-early-help");
  const auto rows = ReadCsv(AtrsTemplateCsv(b.site, record));
  EXPECT_EQ(record.Text("summary.name"), AnswerFor(rows, "1"));
  EXPECT_EQ("Name", rows[1][2]);
  const Value* models = record.data().FindPath("technical.models");
  ASSERT_TRUE(models && models->is_list());
  size_t model_names = 0;
  for (const auto& row : rows) model_names += row[1] == "2.4.2.1";
  EXPECT_EQ(models->items().size(), model_names);
  // A withheld field says so, with the reason.
  const auto withheld = ReadCsv(AtrsTemplateCsv(b.site, WithMaintenanceWithheld(record)));
  EXPECT_EQ("Withheld: Section 31 of the Freedom of Information Act 2000.", AnswerFor(withheld, "2.4.1.4"));
  EXPECT_EQ(record.Text("technical.maintenance").substr(0, 30), AnswerFor(rows, "2.4.1.4").substr(0, 30));
}

// ---- git history ----------------------------------------------------------------

TEST(GitHistoryTest, ParsesGitLogDatesNewestFirstEachDayOnce) {
  EXPECT_EQ((std::vector<std::string>{"2025-03-01", "2025-02-10"}),
            ParseGitLogDates("2025-03-01\n2025-03-01\n2025-02-10\nwarning: something\n\n"));
  EXPECT_TRUE(ParseGitLogDates("").empty());
  EXPECT_TRUE(ParseGitLogDates("fatal: not a git repository\n").empty());
}

TEST(GitHistoryTest, NotAGitCheckoutIsAClearError) {
  testing::TempDir temp;
  Site site;
  Status status = ReadGitHistory(temp.path(), &site);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(std::string::npos, status.message().find("not inside a git checkout")) << status.message();
}

// ---- Licence --------------------------------------------------------------------

TEST(LicenceTest, TheSiteSettingReachesFeedsDataAndPages) {
  testing::TempDir temp;
  const std::string root = temp.path() + "/site";
  testing::WriteTree(root, testing::ReadTree(testing::SourceDir() + "/tests/golden/sites/basic/input"));
  testing::WriteFile(root + "/site.yaml", testing::ReadFileOrEmpty(root + "/site.yaml") +
                                              "licence:\n  name: Creative Commons Attribution 4.0\n"
                                              "  url: https://creativecommons.org/licenses/by/4.0/\n");
  DiskFileSystem disk;
  Site site;
  Diagnostics d;
  ASSERT_TRUE(LoadSite(disk, root, {}, &site, &d).ok());
  Theme theme;
  ASSERT_TRUE(LoadTheme(EmbeddedFiles(), disk, root, site.config.language, &theme, &d));
  OutputTree output;
  ASSERT_TRUE(BuildSite(site, theme, &output, &d)) << d.Format();
  const std::string url = "https://creativecommons.org/licenses/by/4.0/";
  const std::string statement =
      "Contains public sector information published by Test Borough Council, licensed under the Creative Commons "
      "Attribution 4.0.";
  EXPECT_NE(std::string::npos, output.at("feed.xml").find("<rights>" + statement + " " + url + "</rights>"));
  EXPECT_NE(std::string::npos, output.at("records/bin-check/feed.xml").find("<link rel=\"license\" href=\"" + url));
  EXPECT_EQ(url, Parse(output.at("records.json")).FindPath("licence.url")->text());
  EXPECT_EQ(statement, Parse(output.at("records/bin-check.json")).FindPath("licence.statement")->text());
  const auto rows = ReadCsv(output.at("records.csv"));
  EXPECT_EQ(statement + " " + url, rows.at(1).back());
  EXPECT_NE(std::string::npos, output.at("index.html").find("href=\"" + url + "\">Creative Commons Attribution 4.0</a>"));
  EXPECT_NE(std::string::npos, output.at("data/index.html").find(statement));
  EXPECT_EQ(std::string::npos, output.at("records.json").find("Open Government Licence"));
}

TEST(CsvTest, TheDataDictionaryDescribesEveryColumnInOrder) {
  const auto rows = ReadCsv(ExampleSite().output.at("schema/records-csv-columns.csv"));
  const std::vector<std::string> columns = RecordsCsvColumns();
  ASSERT_EQ(columns.size() + 1, rows.size());
  EXPECT_EQ((std::vector<std::string>{"column", "label", "atrs_number", "atrs_versions", "description"}), rows[0]);
  std::set<std::string> labels;
  for (size_t i = 0; i < columns.size(); ++i) {
    EXPECT_EQ(columns[i], rows[i + 1][0]);
    EXPECT_FALSE(rows[i + 1][1].empty()) << columns[i];
    EXPECT_FALSE(rows[i + 1][4].empty()) << columns[i];
    labels.insert(rows[i + 1][1] + " (" + rows[i + 1][3] + ")");
  }
  EXPECT_EQ(columns.size(), labels.size()) << "labels must tell the columns apart";
  auto row_of = [&](const std::string& column) {
    return rows[std::find(columns.begin(), columns.end(), column) - columns.begin() + 1];
  };
  EXPECT_EQ((std::vector<std::string>{"owner.third_parties[].companies_house_number",
                                      "Third parties: Companies House Number", "1.4.2", "4.0",
                                      row_of("owner.third_parties[].companies_house_number")[4]}),
            row_of("owner.third_parties[].companies_house_number"));
  EXPECT_EQ("3.0", row_of("rationale.scope")[3]);
  EXPECT_EQ("Scope", row_of("rationale.scope")[1]);
}

TEST(CsvTest, FieldsOfTheOtherAtrsVersionAreEmpty) {
  const Built& b = ExampleSite();
  const auto rows = ReadCsv(b.output.at("records.csv"));
  const std::vector<std::string>& columns = rows[0];
  const size_t v4_only = std::find(columns.begin(), columns.end(), "deployment.integration") - columns.begin();
  const size_t v3_only = std::find(columns.begin(), columns.end(), "deployment.process_integration") - columns.begin();
  const size_t v4_entry = std::find(columns.begin(), columns.end(), "technical.models[].datasets_and_purposes") - columns.begin();
  for (size_t r = 1; r < rows.size(); ++r) {
    const bool v3 = b.site.records[r - 1].version == "3.0";
    EXPECT_EQ(v3, rows[r][v4_only].empty()) << b.site.records[r - 1].id;
    EXPECT_EQ(!v3, rows[r][v3_only].empty()) << b.site.records[r - 1].id;
    if (v3) {
      EXPECT_EQ("", rows[r][v4_entry]) << b.site.records[r - 1].id;
    }
  }
}

}  // namespace
}  // namespace lantern
