#include <gtest/gtest.h>

#include <filesystem>

#include "assemble/output_tree.h"
#include "testing/test_support.h"

namespace lantern {
namespace {
namespace fs = std::filesystem;

TEST(OutputTreeTest, WritesEveryFileAndReplacesThePreviousSite) {
  testing::TempDir temp;
  const std::string out = temp.path() + "/public";
  ASSERT_TRUE(WriteOutputTree({{"index.html", "one"}, {"old/index.html", "gone"}}, out).ok());
  ASSERT_TRUE(WriteOutputTree({{"index.html", "two"}, {"records/a/index.html", "a"}}, out).ok());
  EXPECT_EQ((std::map<std::string, std::string>{{"index.html", "two"}, {"records/a/index.html", "a"}}),
            testing::ReadTree(out));
  // No staging or old folders are left beside it.
  EXPECT_EQ(1, std::distance(fs::directory_iterator(temp.path()), fs::directory_iterator()));
}

TEST(OutputTreeTest, FailureLeavesTheExistingSiteUntouched) {
  testing::TempDir temp;
  const std::string out = temp.path() + "/public";
  ASSERT_TRUE(WriteOutputTree({{"index.html", "good"}}, out).ok());
  // A path that cannot be written: a file where a folder must go.
  Status status = WriteOutputTree({{"a", "file"}, {"a/b.html", "x"}}, out);
  EXPECT_FALSE(status.ok());
  EXPECT_EQ((std::map<std::string, std::string>{{"index.html", "good"}}), testing::ReadTree(out));
  EXPECT_EQ(1, std::distance(fs::directory_iterator(temp.path()), fs::directory_iterator()));
}

TEST(OutputTreeTest, RefusesToReplaceAFile) {
  testing::TempDir temp;
  testing::WriteFile(temp.path() + "/public", "not a folder");
  EXPECT_FALSE(WriteOutputTree({{"index.html", "x"}}, temp.path() + "/public").ok());
  EXPECT_EQ("not a folder", testing::ReadFileOrEmpty(temp.path() + "/public"));
}

}  // namespace
}  // namespace lantern
