// Golden fixture sites: tests/golden/sites/<case>/input is built in memory
// with the embedded theme and compared file by file with expected/.
// LANTERN_UPDATE_GOLDEN=1 rewrites expected/ (then `git diff` is the review).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "assemble/editions.h"
#include "assemble/site_builder.h"
#include "assemble/theme.h"
#include "base/file_system.h"
#include "load/site_loader.h"
#include "testing/test_support.h"

namespace lantern {
namespace {
namespace fs = std::filesystem;

OutputTree Build(const std::string& input, Diagnostics* d) {
  // Pin "today" (2026-11-22) so "review overdue" tags do not change with the calendar.
  DiskFileSystem disk;
  Site site;
  LoadOptions options;
  options.today = Date{2026, 11, 22};
  EXPECT_TRUE(LoadSite(disk, input, options, &site, d).ok());
  OutputTree output;
  if (site.config.bilingual()) {
    // Every language's pages, as `lantern build` makes them.
    std::vector<Theme> themes;
    EXPECT_TRUE(LoadEditionThemes(EmbeddedFiles(), disk, input, site.config, &themes, d)) << d->Format();
    std::vector<const Theme*> borrowed;
    for (const Theme& theme : themes) borrowed.push_back(&theme);
    MemoryOutput sink(&output);
    BuiltPages built;
    EXPECT_TRUE(BuildEditions(site, borrowed, &sink, &built, d)) << d->Format();
    return output;
  }
  Theme theme;
  EXPECT_TRUE(LoadTheme(EmbeddedFiles(), disk, input, site.config.language, &theme, d)) << d->Format();
  EXPECT_TRUE(BuildSite(site, theme, &output, d)) << d->Format();
  return output;
}

std::vector<std::string> SiteNames() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(testing::SourceDir() + "/tests/golden/sites")) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Each fixture: <case>/input is built; <case>/expected holds the whole output
// and <case>/diagnostics.txt what the build reported (warnings; never errors).
class GoldenSiteTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenSiteTest, MatchesExpectedOutputFileByFile) {
  const std::string root = testing::SourceDir() + "/tests/golden/sites/" + GetParam();
  Diagnostics d;
  OutputTree actual = Build(root + "/input", &d);
  EXPECT_EQ(0, d.error_count()) << d.Format();
  // The theme's static files are copied as they are; compare them with the
  // theme rather than keeping a copy in every fixture's expected output.
  for (auto it = actual.begin(); it != actual.end();) {
    if (it->first.rfind("assets/", 0) == 0) {
      const std::string theme_path = "themes/default/static/" + it->first.substr(7);
      EXPECT_EQ(EmbeddedFiles().ReadFile(theme_path).value(), it->second) << it->first;
      it = actual.erase(it);
    } else {
      ++it;
    }
  }
  std::string diagnostics = d.Format();
  for (size_t at; (at = diagnostics.find(root + "/")) != std::string::npos;) diagnostics.erase(at, root.size() + 1);
  if (testing::UpdatingGolden()) {
    fs::remove_all(root + "/expected");
    testing::WriteTree(root + "/expected", actual);
    testing::WriteFile(root + "/diagnostics.txt", diagnostics);
    GTEST_SKIP() << "rewrote " << root << "/expected";
  }
  EXPECT_EQ(testing::ReadFileOrEmpty(root + "/diagnostics.txt"), diagnostics);
  const std::map<std::string, std::string> expected = testing::ReadTree(root + "/expected");
  ASSERT_FALSE(expected.empty()) << "run with LANTERN_UPDATE_GOLDEN=1 to create expected/";
  for (const auto& [path, bytes] : expected) {
    auto it = actual.find(path);
    if (it == actual.end()) {
      ADD_FAILURE() << "missing from the build: " << path;
      continue;
    }
    EXPECT_EQ(bytes, it->second) << path << " differs:\n" << testing::LineDiff(bytes, it->second);
  }
  for (const auto& [path, bytes] : actual) {
    EXPECT_TRUE(expected.count(path)) << "not in expected/: " << path;
  }
}

INSTANTIATE_TEST_SUITE_P(Sites, GoldenSiteTest, ::testing::ValuesIn(SiteNames()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return testing::TestNameOf(info.param); });

TEST(GoldenBuildTest, TwoBuildsAreByteIdentical) {
  Diagnostics d1, d2;
  const std::string input = testing::SourceDir() + "/content";
  const OutputTree first = Build(input, &d1);
  const OutputTree second = Build(input, &d2);
  EXPECT_FALSE(first.empty());
  EXPECT_TRUE(first == second);
}

}  // namespace
}  // namespace lantern
