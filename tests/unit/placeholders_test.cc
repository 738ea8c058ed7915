#include <gtest/gtest.h>

#include "cli/json_report.h"
#include "load/placeholders.h"
#include "load/record_loader.h"
#include "load/scaffold.h"
#include "load/schema.h"

namespace lantern {
namespace {

TEST(PlaceholdersTest, OneWarningPerMarkedLineAtTheMarker) {
  Diagnostics d;
  const int found = ReportPlaceholders("r.yaml", "a: b\nname: \"TODO: the name\"\n# a todo in lower case\nTODOS: x\n"
                                       "x: MYTODO\n  TODO\n", &d);
  EXPECT_EQ(2, found);
  const auto sorted = d.Sorted();
  ASSERT_EQ(2u, sorted.size());
  EXPECT_EQ(2, sorted[0].location.line);
  EXPECT_EQ(8, sorted[0].location.column);
  EXPECT_EQ("L060", sorted[0].code);
  EXPECT_EQ(Severity::kWarning, sorted[0].severity);
  EXPECT_NE(std::string::npos, sorted[0].message.find(": the name;")) << sorted[0].message;
  EXPECT_EQ(6, sorted[1].location.line);
  EXPECT_EQ(3, sorted[1].location.column);
}

TEST(PlaceholdersTest, CutsLongRequestsOnACharacterBoundary) {
  Diagnostics d;
  ReportPlaceholders("p.md", "TODO: " + std::string(79, 'a') + "é and more text after it", &d);
  const std::string message = d.Sorted().at(0).message;
  EXPECT_NE(std::string::npos, message.find(std::string(79, 'a') + "…")) << message;
}

class ScaffoldTest : public ::testing::TestWithParam<unsigned> {};

// A scaffold loads without errors, names every field of its version, and is
// reported by placeholders.
TEST_P(ScaffoldTest, LoadsWithoutErrorsAndHoldsEveryField) {
  const unsigned version = GetParam();
  const std::string text = RecordScaffold("parking-check", version, Date{2026, 3, 4});
  Diagnostics d;
  SiteConfig config;
  const auto record = LoadRecord("records/parking-check.yaml", "parking-check", text, config, &d);
  EXPECT_TRUE(record.has_value()) << d.Format();
  EXPECT_EQ(0, d.error_count()) << d.Format();
  EXPECT_GT(d.warning_count(), 20);
  for (const FieldSpec& field : AllFields()) {
    if (field.document != DocumentKind::kRecord || !(field.versions & version)) continue;
    const std::string key = std::string(FieldKey(field.path)) + ":";
    EXPECT_NE(std::string::npos, text.find(key)) << field.path;
    EXPECT_NE(std::string::npos, text.find(field.help)) << field.path;
  }
  EXPECT_NE(std::string::npos, text.find("published: 2026-03-04"));
}

INSTANTIATE_TEST_SUITE_P(Versions, ScaffoldTest, ::testing::Values(kV4, kV3));

TEST(JsonReportTest, OneObjectPerDiagnosticWithCharacterColumnsAndSuggestions) {
  Diagnostics d;
  d.RememberSource("a.yaml", "name: \"é x\"\n");
  d.Error("a.yaml", {1, 10}, "L020", "\"url\" is not a web address; write a full address");
  d.Warning("b.md", {}, "L041", "ignored \"x\" (did you mean \"y\"?)");
  d.Warning("c.md", {2, 1}, "L060", "plain message");
  const std::string json = DiagnosticsToJson(d);
  EXPECT_NE(std::string::npos, json.find("\"file\": \"a.yaml\",\n    \"line\": 1,\n    \"column\": 9,")) << json;
  EXPECT_NE(std::string::npos, json.find("\"severity\": \"error\",\n    \"code\": \"L020\"")) << json;
  EXPECT_NE(std::string::npos, json.find("\"suggestion\": \"write a full address\"")) << json;
  EXPECT_NE(std::string::npos, json.find("\"suggestion\": \"did you mean \\\"y\\\"?\"")) << json;
  EXPECT_NE(std::string::npos, json.find("\"suggestion\": null")) << json;
  EXPECT_EQ("[]\n", DiagnosticsToJson(Diagnostics()));
}

TEST(DiagnosticsTest, StrictPromotesWarnings) {
  Diagnostics d;
  d.Warning("a", {}, "L060", "x");
  EXPECT_FALSE(d.has_errors());
  d.PromoteWarningsToErrors();
  EXPECT_TRUE(d.has_errors());
  EXPECT_EQ(0, d.warning_count());
}

}  // namespace
}  // namespace lantern
