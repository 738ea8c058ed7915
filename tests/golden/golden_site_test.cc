// The golden fixture site: tests/golden/sites/<case>/input is built in memory
// with the embedded theme and compared file by file with expected/.
// LANTERN_UPDATE_GOLDEN=1 rewrites expected/ (then `git diff` is the review).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

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
  setenv("SOURCE_DATE_EPOCH", "1795305600", 1);
  DiskFileSystem disk;
  Site site;
  EXPECT_TRUE(LoadSite(disk, input, {}, &site, d).ok());
  Theme theme;
  EXPECT_TRUE(LoadTheme(EmbeddedFiles(), disk, input, site.config.language, &theme, d)) << d->Format();
  OutputTree output;
  EXPECT_TRUE(BuildSite(site, theme, &output, d)) << d->Format();
  return output;
}

TEST(GoldenSiteTest, BasicSiteMatchesExpectedOutputFileByFile) {
  const std::string root = testing::SourceDir() + "/tests/golden/sites/basic";
  Diagnostics d;
  const OutputTree actual = Build(root + "/input", &d);
  EXPECT_EQ(0, d.error_count() + d.warning_count()) << d.Format();
  if (testing::UpdatingGolden()) {
    fs::remove_all(root + "/expected");
    testing::WriteTree(root + "/expected", actual);
    GTEST_SKIP() << "rewrote " << root << "/expected";
  }
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

TEST(GoldenSiteTest, TwoBuildsAreByteIdentical) {
  Diagnostics d1, d2;
  const std::string input = testing::SourceDir() + "/content";
  const OutputTree first = Build(input, &d1);
  const OutputTree second = Build(input, &d2);
  EXPECT_FALSE(first.empty());
  EXPECT_TRUE(first == second);
}

}  // namespace
}  // namespace lantern
