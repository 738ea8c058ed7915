// `lantern export atrs` and `lantern build --git-history`, run as a user runs
// them, and the ATRS export's golden files (tests/golden/exports/).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "base/file_system.h"
#include "load/site_loader.h"
#include "publish/atrs_export.h"
#include "testing/test_support.h"

namespace lantern {
namespace {
namespace fs = std::filesystem;
using testing::RunLantern;

std::string Quoted(const std::string& path) { return "'" + path + "'"; }

std::string ExampleSite() { return testing::SourceDir() + "/content"; }

TEST(ExportCliTest, WritesTheAtrsTemplateToAFileOrStandardOutput) {
  testing::TempDir temp;
  const std::string file = temp.path() + "/bins.csv";
  testing::RunResult r =
      RunLantern("export atrs larger-bin-check --site " + Quoted(ExampleSite()) + " -o " + Quoted(file));
  ASSERT_EQ(0, r.exit_code) << r.output;
  EXPECT_NE(std::string::npos, r.output.find("wrote record \"larger-bin-check\" (ATRS 3.0)")) << r.output;
  const std::string csv = testing::ReadFileOrEmpty(file);
  EXPECT_EQ(0u, csv.rfind("Section,Number,Field,Answer\r\n", 0));
  EXPECT_NE(std::string::npos, csv.find("Summary information,1,Name,Larger rubbish bin check\r\n"));
  testing::RunResult to_stdout = RunLantern("export atrs larger-bin-check --site " + Quoted(ExampleSite()));
  ASSERT_EQ(0, to_stdout.exit_code);
  EXPECT_EQ(csv, to_stdout.output);
}

TEST(ExportCliTest, UnknownRecordIsAnErrorWithASuggestion) {
  testing::RunResult r = RunLantern("export atrs larger-bin-chek --site " + Quoted(ExampleSite()));
  EXPECT_EQ(1, r.exit_code);
  EXPECT_NE(std::string::npos, r.output.find("no record \"larger-bin-chek\"")) << r.output;
  EXPECT_NE(std::string::npos, r.output.find("(did you mean \"larger-bin-check\"?)")) << r.output;
}

TEST(ExportCliTest, BrokenSiteIsReportedAndNothingIsWritten) {
  testing::TempDir temp;
  const std::string site = temp.path() + "/site";
  fs::copy(ExampleSite(), site, fs::copy_options::recursive);
  const std::string record = site + "/records/larger-bin-check.yaml";
  testing::WriteFile(record, testing::ReadFileOrEmpty(record) + "\nbogus_field: 1\n");
  const std::string out = temp.path() + "/out.csv";
  testing::RunResult r = RunLantern("export atrs larger-bin-check --site " + Quoted(site) + " -o " + Quoted(out));
  EXPECT_EQ(1, r.exit_code);
  EXPECT_NE(std::string::npos, r.output.find("larger-bin-check.yaml:")) << r.output;
  EXPECT_NE(std::string::npos, r.output.find("unknown field \"bogus_field\"")) << r.output;
  EXPECT_NE(std::string::npos, r.output.find("nothing was written")) << r.output;
  EXPECT_FALSE(fs::exists(out));
  testing::WriteFile(record, "summary: [unclosed\n");
  EXPECT_EQ(1, RunLantern("export atrs larger-bin-check --site " + Quoted(site)).exit_code);
}

TEST(ExportCliTest, UsageErrors) {
  EXPECT_EQ(2, RunLantern("export").exit_code);
  EXPECT_EQ(2, RunLantern("export atrs").exit_code);
  testing::RunResult r = RunLantern("export xlsx larger-bin-check --site " + Quoted(ExampleSite()));
  EXPECT_EQ(2, r.exit_code);
  EXPECT_NE(std::string::npos, r.output.find("unknown export format \"xlsx\"")) << r.output;
  testing::TempDir temp;
  EXPECT_EQ(2, RunLantern("export atrs x --site " + Quoted(temp.path())).exit_code);  // not a site
  EXPECT_EQ(2, RunLantern("export atrs larger-bin-check --site " + Quoted(ExampleSite()) + " -o " +
                          Quoted(temp.path() + "/no/such/folder/x.csv"))
                   .exit_code);
}

// The export of the fixture site's records, compared with reviewed files.
TEST(ExportGoldenTest, FixtureRecordsMatchTheirReviewedExports) {
  const std::string root = testing::SourceDir() + "/tests/golden/sites/basic/input";
  const std::string expected_dir = testing::SourceDir() + "/tests/golden/exports";
  DiskFileSystem disk;
  Site site;
  Diagnostics d;
  ASSERT_TRUE(LoadSite(disk, root, {}, &site, &d).ok());
  ASSERT_FALSE(d.has_errors()) << d.Format();
  ASSERT_EQ(3u, site.records.size());
  for (const Record& record : site.records) {
    const std::string path = expected_dir + "/" + record.id + ".atrs.csv";
    const std::string actual = AtrsTemplateCsv(site, record);
    if (testing::UpdatingGolden()) {
      testing::WriteFile(path, actual);
      continue;
    }
    const std::string expected = testing::ReadFileOrEmpty(path);
    ASSERT_FALSE(expected.empty()) << "run with LANTERN_UPDATE_GOLDEN=1 to create " << path;
    EXPECT_EQ(expected, actual) << path << " differs:\n" << testing::LineDiff(expected, actual);
  }
}

// A site in a fresh git repository with two commits on fixed days.
TEST(GitHistoryCliTest, RecordPagesListTheDaysTheirFilesChanged) {
  if (std::system("git --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "git is not installed (./setup installs it)";
  testing::TempDir temp;
  const std::string site = temp.path() + "/site";
  fs::copy(testing::SourceDir() + "/tests/golden/sites/basic/input", site, fs::copy_options::recursive);
  const std::string git = "cd " + Quoted(site) +
                          " && git -c init.defaultBranch=main init -q . && git config user.email t@example.test"
                          " && git config user.name Test && git config commit.gpgsign false";
  ASSERT_EQ(0, std::system(git.c_str()));
  auto commit = [&](const std::string& day) {
    const std::string command = "cd " + Quoted(site) + " && git add -A && GIT_AUTHOR_DATE='" + day +
                                "T12:00:00Z' GIT_COMMITTER_DATE='" + day + "T12:00:00Z' git commit -q -m change";
    ASSERT_EQ(0, std::system(command.c_str()));
  };
  commit("2025-01-10");
  const std::string record = site + "/records/bin-check.yaml";
  testing::WriteFile(record, testing::ReadFileOrEmpty(record) + "\n# reviewed\n");
  commit("2025-03-04");
  testing::RunResult r = RunLantern("build " + Quoted(site) + " --git-history -o " + Quoted(temp.path() + "/out"));
  ASSERT_EQ(0, r.exit_code) << r.output;
  const std::string page = testing::ReadFileOrEmpty(temp.path() + "/out/records/bin-check/index.html");
  const size_t heading = page.find("When this record&#39;s file changed");
  ASSERT_NE(std::string::npos, heading) << "no file history on the page";
  const size_t newer = page.find("<time datetime=\"2025-03-04\">4 March 2025</time>", heading);
  const size_t older = page.find("<time datetime=\"2025-01-10\">10 January 2025</time>", heading);
  EXPECT_NE(std::string::npos, newer);
  EXPECT_NE(std::string::npos, older);
  EXPECT_LT(newer, older);
  const std::string other = testing::ReadFileOrEmpty(temp.path() + "/out/records/rent-arrears-early-help/index.html");
  EXPECT_NE(std::string::npos, other.find("<time datetime=\"2025-01-10\">"));
  EXPECT_EQ(std::string::npos, other.find("<time datetime=\"2025-03-04\">"));
  // Without the flag nothing about git appears, and the same history builds the same bytes.
  ASSERT_EQ(0, RunLantern("build " + Quoted(site) + " -o " + Quoted(temp.path() + "/plain")).exit_code);
  EXPECT_EQ(std::string::npos, testing::ReadFileOrEmpty(temp.path() + "/plain/records/bin-check/index.html")
                                   .find("file changed"));
  ASSERT_EQ(0, RunLantern("build " + Quoted(site) + " --git-history -o " + Quoted(temp.path() + "/again")).exit_code);
  EXPECT_TRUE(testing::ReadTree(temp.path() + "/out") == testing::ReadTree(temp.path() + "/again"));
}

TEST(GitHistoryCliTest, OutsideAGitCheckoutTheBuildSaysSo) {
  testing::TempDir temp;
  const std::string site = temp.path() + "/site";
  fs::copy(testing::SourceDir() + "/tests/golden/sites/basic/input", site, fs::copy_options::recursive);
  testing::RunResult r = RunLantern("build " + Quoted(site) + " --git-history");
  EXPECT_EQ(2, r.exit_code);
  EXPECT_NE(std::string::npos, r.output.find("is not inside a git checkout")) << r.output;
  EXPECT_FALSE(fs::exists(site + "/public"));
}

}  // namespace
}  // namespace lantern
