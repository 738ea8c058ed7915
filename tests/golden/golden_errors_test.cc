// Golden error cases: each folder under tests/golden/errors/ (except _base)
// holds input/, files laid over a valid base site (tests/golden/errors/_base),
// and expected.txt, the exact output of `lantern check` on the result with its
// exit code on the first line. LANTERN_UPDATE_GOLDEN=1 rewrites expected.txt.
// input/.delete lists base files to remove; input/.symlinks, links to make.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "testing/test_support.h"

namespace lantern {
namespace {
namespace fs = std::filesystem;

std::string ErrorsDir() { return testing::SourceDir() + "/tests/golden/errors"; }

std::vector<std::string> CaseNames() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(ErrorsDir())) {
    const std::string name = entry.path().filename().string();
    if (entry.is_directory() && name[0] != '_') names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Runs `lantern check` (in process) on `site` and returns "exit: N" then what
// it printed, with the temporary folder's path removed.
std::string CheckOutput(const std::string& site) {
  std::FILE* capture = std::tmpfile();
  CheckOptions options;
  options.site = site;
  const int exit_code = RunCheck(options, capture);
  std::rewind(capture);
  std::string printed;
  char buffer[4096];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, capture)) > 0;) printed.append(buffer, n);
  std::fclose(capture);
  for (size_t at; (at = printed.find(site + "/")) != std::string::npos;) printed.erase(at, site.size() + 1);
  return "exit: " + std::to_string(exit_code) + "\n" + printed;
}

class GoldenErrorsTest : public ::testing::TestWithParam<std::string> {};
// A checkout may have no cases yet; that is not a failure of the suite.
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenErrorsTest);

TEST_P(GoldenErrorsTest, CheckPrintsExactDiagnostics) {
  const std::string case_dir = ErrorsDir() + "/" + GetParam();
  testing::TempDir temp;
  const std::string site = temp.path() + "/site";
  testing::WriteTree(site, testing::ReadTree(ErrorsDir() + "/_base"));
  testing::WriteTree(site, testing::ReadTree(case_dir + "/input"));
  // A case may delete base files by listing them in input/.delete, one a line.
  if (fs::exists(site + "/.delete")) {
    std::istringstream lines(testing::ReadFileOrEmpty(site + "/.delete"));
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty()) fs::remove(site + "/" + line);
    }
    fs::remove(site + "/.delete");
  }
  // Git cannot portably hold a link to /etc/passwd: a case lists its symbolic
  // links in input/.symlinks, one "LINK -> TARGET" a line (LINK inside the site;
  // TARGET as the link holds it, relative to the link's folder or absolute).
  if (fs::exists(site + "/.symlinks")) {
    std::istringstream lines(testing::ReadFileOrEmpty(site + "/.symlinks"));
    for (std::string line; std::getline(lines, line);) {
      const size_t arrow = line.find(" -> ");
      if (arrow == std::string::npos) continue;
      const fs::path link = site + "/" + line.substr(0, arrow);
      fs::create_directories(link.parent_path());
      fs::remove(link);
      fs::create_symlink(line.substr(arrow + 4), link);
    }
    fs::remove(site + "/.symlinks");
  }
  const std::string actual = CheckOutput(site);
  const std::string expected_path = case_dir + "/expected.txt";
  if (testing::UpdatingGolden()) {
    testing::WriteFile(expected_path, actual);
    GTEST_SKIP() << "rewrote " << expected_path;
  }
  const std::string expected = testing::ReadFileOrEmpty(expected_path);
  EXPECT_EQ(expected, actual) << "golden case " << GetParam() << " differs:\n" << testing::LineDiff(expected, actual);
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenErrorsTest, ::testing::ValuesIn(CaseNames()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return testing::TestNameOf(info.param); });

TEST(GoldenErrorsBaseTest, BaseSiteIsClean) {
  EXPECT_EQ("exit: 0\nchecked 1 record and 1 page: 0 errors, 0 warnings\n", CheckOutput(ErrorsDir() + "/_base"));
}

}  // namespace
}  // namespace lantern
