// `lantern import atrs`, run as a user runs it: the round trip through the
// ATRS template for every example record, what an unanswered field becomes,
// and each kind of broken CSV with its exact diagnostic (nothing written).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "base/csv.h"
#include "testing/test_support.h"

namespace lantern {
namespace {
namespace fs = std::filesystem;
using testing::RunLantern;

std::string Quoted(const std::string& path) { return "'" + path + "'"; }

// A new site in `folder`, without the starting example record.
void NewSite(const std::string& folder) {
  testing::RunResult init = RunLantern("init " + Quoted(folder));
  ASSERT_EQ(0, init.exit_code) << init.output;
  for (const auto& entry : fs::directory_iterator(folder + "/records")) fs::remove(entry.path());
}

std::vector<std::string> ExampleIds() {
  std::vector<std::string> ids;
  for (const auto& entry : fs::directory_iterator(testing::SourceDir() + "/content/records")) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 5 && name.ends_with(".yaml") && name.find('.') == name.size() - 5) {
      ids.push_back(name.substr(0, name.size() - 5));
    }
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

// export atrs, then import atrs, then export atrs: the same bytes, for every
// record of the example site (4.0 and 3.0, with suppliers, models, data,
// assessments, risks and withheld sections), all imported in one command.
TEST(ImportAtrsCliTest, ExportImportExportGivesTheSameBytesForEveryExampleRecord) {
  testing::TempDir temp;
  const std::string site = temp.path() + "/site";
  NewSite(site);
  const std::vector<std::string> ids = ExampleIds();
  ASSERT_GE(ids.size(), 10u);
  fs::create_directories(temp.path() + "/in");
  for (const std::string& id : ids) {
    testing::RunResult r = RunLantern("export atrs " + id + " --site " + Quoted(testing::SourceDir() + "/content") +
                                      " -o " + Quoted(temp.path() + "/in/" + id + ".csv"));
    ASSERT_EQ(0, r.exit_code) << r.output;
  }
  testing::RunResult imported = RunLantern("import atrs in --site site", temp.path());
  ASSERT_EQ(0, imported.exit_code) << imported.output;
  EXPECT_NE(std::string::npos, imported.output.find("in/rent-arrears-early-help.csv: ")) << imported.output;
  EXPECT_NE(std::string::npos, imported.output.find("wrote site/records/rent-arrears-early-help.yaml")) << imported.output;
  for (const std::string& id : ids) {
    testing::RunResult again = RunLantern("export atrs " + id + " --site site -o again.csv", temp.path());
    ASSERT_EQ(0, again.exit_code) << again.output;
    const std::string first = testing::ReadFileOrEmpty(temp.path() + "/in/" + id + ".csv");
    const std::string second = testing::ReadFileOrEmpty(temp.path() + "/again.csv");
    EXPECT_TRUE(first == second) << id << "\n" << testing::LineDiff(first, second);
  }
  // The imported site checks with warnings only (the TODOs for what the template does not carry).
  testing::RunResult check = RunLantern("check site", temp.path());
  EXPECT_EQ(0, check.exit_code) << check.output;
  EXPECT_NE(std::string::npos, check.output.find("0 errors")) << check.output;
}

TEST(ImportAtrsCliTest, UnansweredFieldsGetTheirHelpAndATodoAndTheRecordChecks) {
  testing::TempDir temp;
  NewSite(temp.path() + "/site");
  testing::WriteFile(temp.path() + "/Parking Permit Check.csv",
                     "Section,Number,Field,Answer\r\n"
                     "Summary information,1,Name,Parking permit check\r\n"
                     "Summary information,,Phase,Public Beta\r\n"
                     "Summary information,,Region,\"London, South East\"\r\n"
                     "Owner and responsibility,2.1.4,Third party involvement,No\r\n"
                     "Description and rationale,2.2.1,Detailed description,\"'- first\n- second\"\r\n");
  testing::RunResult r = RunLantern("import atrs 'Parking Permit Check.csv' --site site", temp.path());
  ASSERT_EQ(0, r.exit_code) << r.output;
  EXPECT_NE(std::string::npos, r.output.find("Parking Permit Check.csv: 5 fields mapped, ")) << r.output;
  const std::string yaml = testing::ReadFileOrEmpty(temp.path() + "/site/records/parking-permit-check.yaml");
  ASSERT_FALSE(yaml.empty()) << r.output;
  EXPECT_NE(std::string::npos, yaml.find("  name: \"Parking permit check\"\n")) << yaml;
  EXPECT_NE(std::string::npos, yaml.find("phase: public-beta\n")) << yaml;
  EXPECT_NE(std::string::npos, yaml.find("region: [london, south-east]\n")) << yaml;
  EXPECT_NE(std::string::npos, yaml.find("  third_party_involvement: no\n")) << yaml;
  // The defused "- " of the spreadsheet cell is a Markdown list again.
  EXPECT_NE(std::string::npos, yaml.find("  detailed_description: |\n    - first\n    - second\n")) << yaml;
  EXPECT_NE(std::string::npos, yaml.find("  # (required) The team responsible for the tool.\n  team: \"TODO: Team\"\n"))
      << yaml;
  // An optional field left blank stays out, commented, with its help.
  EXPECT_NE(std::string::npos, yaml.find("  # alternatives_considered: |\n")) << yaml;
  testing::RunResult check = RunLantern("check site", temp.path());
  EXPECT_EQ(0, check.exit_code) << check.output;
  EXPECT_NE(std::string::npos, check.output.find("site/records/parking-permit-check.yaml:")) << check.output;
  EXPECT_NE(std::string::npos, check.output.find("placeholder still to fill in")) << check.output;
}

struct BrokenCsv {
  const char* name;
  std::string text;
  std::string expected;  // the whole diagnostic, with its source line and caret
};

// Each kind of broken input: its exact diagnostic, exit 1, and nothing
// written, not even the good file imported beside it.
TEST(ImportAtrsCliTest, BrokenCsvGetsPositionedErrorsAndNothingIsWritten) {
  const std::string header = "Section,Number,Field,Answer\n";
  const std::vector<BrokenCsv> cases = {
      {"header", "Section,Number,Label,Answer\n",
       "header.csv:1:16: error: wrong header: column 3 is \"Label\", expected \"Field\" (the first row must be "
       "Section,Number,Field,Answer)\nSection,Number,Label,Answer\n               ^\n"},
      {"number", header + "Owner and responsibility,2.1.9,Team,Waste\n",
       "number.csv:2:26: error: unknown template number \"2.1.9\" (\"Team\"): it is not a field of the ATRS 4.0 "
       "template\nOwner and responsibility,2.1.9,Team,Waste\n                         ^\n"},
      {"duplicate", header + "Owner and responsibility,2.1.2,Team,Waste\nOwner and responsibility,2.1.2,Team,Bins\n",
       "duplicate.csv:3:26: error: duplicate row: this field is already given on line 2\n"
       "Owner and responsibility,2.1.2,Team,Bins\n                         ^\n"},
      {"utf8", header + "Summary information,1,Name,Caf\xe9 finder\n",
       "utf8.csv:2:31: error: invalid UTF-8 (byte 0xe9): save the file as UTF-8\n"
       "Summary information,1,Name,Caf\xef\xbf\xbd finder\n                              ^\n"},
      {"quote", header + "Summary information,2,Description,\"Checks bins\n",
       "quote.csv:2:35: error: unterminated quoted cell: it opens here and no closing quote follows\n"
       "Summary information,2,Description,\"Checks bins\n                                  ^\n"},
      {"cells", header + "Summary information,1,Name\n",
       "cells.csv:2:1: error: this row has 3 cells; each row has 4: Section, Number, Field, Answer\n"
       "Summary information,1,Name\n^\n"},
      {"phase", header + "Summary information,,Phase,Beta\n",
       "phase.csv:2:28: error: unknown phase \"Beta\": one of Pre-deployment, Private beta, Public beta, Production or "
       "Retired\nSummary information,,Phase,Beta\n                           ^\n"},
      {"section", header + "Owner and responsibility,2.1.4.1,Third party,Acme Ltd\n",
       "section.csv:2:1: error: section \"Owner and responsibility\" does not fit field 2.1.4.1 (Third party): it "
       "belongs in \"Third parties 1\", \"Third parties 2\", … (or \"Third parties\" when there are none)\n"
       "Owner and responsibility,2.1.4.1,Third party,Acme Ltd\n^\n"},
      {"yesno", header + "Owner and responsibility,2.1.4,Third party involvement,Maybe\n",
       "yesno.csv:2:56: error: third party involvement must be Yes or No, not \"Maybe\"\n"
       "Owner and responsibility,2.1.4,Third party involvement,Maybe\n"
       "                                                       ^\n"},
  };
  for (const BrokenCsv& c : cases) {
    testing::TempDir temp;
    NewSite(temp.path() + "/site");
    testing::WriteFile(temp.path() + "/" + c.name + ".csv", c.text);
    testing::WriteFile(temp.path() + "/good.csv", header + "Summary information,1,Name,Good\n");
    testing::RunResult r = RunLantern("import atrs good.csv " + std::string(c.name) + ".csv --site site", temp.path());
    EXPECT_EQ(1, r.exit_code) << c.name << "\n" << r.output;
    EXPECT_EQ(c.expected + "import failed: 1 error; nothing was written\n", r.output) << c.name;
    EXPECT_TRUE(fs::is_empty(temp.path() + "/site/records")) << c.name;
  }
}

TEST(ImportAtrsCliTest, RefusesToOverwriteARecordAndWritesNothing) {
  testing::TempDir temp;
  NewSite(temp.path() + "/site");
  testing::WriteFile(temp.path() + "/site/records/bins.yaml", "mine\n");
  testing::WriteFile(temp.path() + "/bins.csv", "Section,Number,Field,Answer\nSummary information,1,Name,Bins\n");
  testing::WriteFile(temp.path() + "/aaa.csv", "Section,Number,Field,Answer\nSummary information,1,Name,A\n");
  testing::RunResult r = RunLantern("import atrs aaa.csv bins.csv --site site", temp.path());
  EXPECT_EQ(2, r.exit_code) << r.output;
  EXPECT_NE(std::string::npos, r.output.find("site/records/bins.yaml already exists; nothing was written")) << r.output;
  EXPECT_EQ("mine\n", testing::ReadFileOrEmpty(temp.path() + "/site/records/bins.yaml"));
  EXPECT_FALSE(fs::exists(temp.path() + "/site/records/aaa.yaml"));
  // Two inputs that would make one record.
  testing::WriteFile(temp.path() + "/in/aaa.csv", "Section,Number,Field,Answer\n");
  testing::RunResult twice = RunLantern("import atrs aaa.csv in/aaa.csv --site site", temp.path());
  EXPECT_EQ(1, twice.exit_code) << twice.output;
  EXPECT_NE(std::string::npos, twice.output.find("in/aaa.csv: error: another input also makes the record \"aaa\""))
      << twice.output;
  EXPECT_EQ(2, RunLantern("import atrs aaa.csv --site " + Quoted(temp.path())).exit_code);  // not a site
  EXPECT_EQ(2, RunLantern("import xlsx aaa.csv --site site", temp.path()).exit_code);
}

TEST(CsvReaderTest, ReadsQuotedCellsLineBreaksAndCrlfWithPositions) {
  std::vector<CsvReadRow> rows;
  std::string error;
  SourceLocation at;
  ASSERT_TRUE(ReadCsv("\xEF\xBB\xBF" "a,\"b,\"\"c\"\"\"\r\n\r\n\"x\ny\",,z\n", &rows, &error, &at)) << error;
  ASSERT_EQ(2u, rows.size());
  ASSERT_EQ(2u, rows[0].size());
  EXPECT_EQ("b,\"c\"", rows[0][1].text);
  EXPECT_EQ(1, rows[0][1].at.line);
  EXPECT_EQ(6, rows[0][1].at.column);  // after the 3-byte mark
  ASSERT_EQ(3u, rows[1].size());
  EXPECT_EQ("x\ny", rows[1][0].text);
  EXPECT_EQ(3, rows[1][0].at.line);
  EXPECT_EQ("", rows[1][1].text);
  EXPECT_EQ("z", rows[1][2].text);
  EXPECT_FALSE(ReadCsv("a,b\"c\n", &rows, &error, &at));
  EXPECT_EQ(1, at.line);
  EXPECT_EQ(4, at.column);
  EXPECT_FALSE(ReadCsv("\"a\"b\n", &rows, &error, &at));
  EXPECT_EQ(4, at.column);
  // What the writer defused reads back as it was.
  for (const std::string cell : {"=1+1", "- a list", "'quoted'", "plain"}) {
    ASSERT_TRUE(ReadCsv(CsvCell(cell) + "\r\n", &rows, &error, &at)) << cell;
    ASSERT_EQ(1u, rows.size());
    EXPECT_EQ(cell, CsvCellText(rows[0][0].text));
  }
}

}  // namespace
}  // namespace lantern
