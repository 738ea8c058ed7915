#include <gtest/gtest.h>

#include <filesystem>

#include "assemble/output_sink.h"
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

// The preview's sink: appended files reach the tree whole when the sink
// finishes, in the order their parts came, after what the tree held.
TEST(SharedMemoryOutputTest, AppendedPartsAreJoinedInOrderWhenFinished) {
  SharedOutputTree tree;
  tree["kept.txt"] = std::make_shared<const std::string>("old");
  {
    SharedMemoryOutput sink(&tree);
    sink.Append("records.json", "[");
    sink.Append("records.json", "");
    sink.Append("records.json", "1,2");
    sink.Append("kept.txt", "+new");
    sink.Put("page.html", "<p>");
    sink.Append("records.json", "]");
    EXPECT_FALSE(tree.count("records.json"));  // not yet: parts are joined once
    sink.Finish();
    ASSERT_TRUE(tree.count("records.json"));
    EXPECT_EQ("[1,2]", *tree.at("records.json"));
    EXPECT_EQ("old+new", *tree.at("kept.txt"));
    EXPECT_EQ("<p>", *tree.at("page.html"));
    // After Finish, appending goes on from the file as it is.
    sink.Append("records.json", "\n");
  }  // the destructor finishes what is left
  EXPECT_EQ("[1,2]\n", *tree.at("records.json"));
}

TEST(SharedMemoryOutputTest, APutReplacesTheAppendedPartsAndAnAppendAfterItAddsToThePut) {
  SharedOutputTree tree;
  SharedMemoryOutput sink(&tree);
  sink.Append("a.txt", "dropped");
  sink.Put("a.txt", "put");
  sink.Append("a.txt", " then more");
  sink.PutShared("b.txt", std::make_shared<const std::string>("shared"));
  sink.Finish();
  EXPECT_EQ("put then more", *tree.at("a.txt"));
  EXPECT_EQ("shared", *tree.at("b.txt"));
  EXPECT_EQ(2u, tree.size());
}

TEST(OutputSinkTest, OnlyTheDiscardingSinkSaysItKeepsNothing) {
  SharedOutputTree shared;
  OutputTree tree;
  EXPECT_TRUE(SharedMemoryOutput(&shared).keeps_files());
  EXPECT_TRUE(MemoryOutput(&tree).keeps_files());
  EXPECT_FALSE(DiscardOutput().keeps_files());
}

}  // namespace
}  // namespace lantern
