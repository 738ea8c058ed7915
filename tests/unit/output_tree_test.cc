#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "assemble/output_sink.h"
#include "assemble/output_tree.h"
#include "base/file_writer.h"
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

// The same swap, written through a MemoryWriter: each way the disk can fail
// leaves the site that was there, and nothing beside it.
class StagedInMemoryTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(WriteOutputTree({{"index.html", "good"}, {"old/a.html", "a"}}, "/srv/public", &disk_).ok()); }
  std::map<std::string, std::string> Site() const { return disk_.FilesUnder("/srv/public"); }
  const std::map<std::string, std::string> good_{{"index.html", "good"}, {"old/a.html", "a"}};
  const std::set<std::string> paths_after_first_build_ = {"/", "/srv", "/srv/public", "/srv/public/index.html",
                                                          "/srv/public/old", "/srv/public/old/a.html"};
  MemoryWriter disk_{"/srv"};
};

TEST_F(StagedInMemoryTest, ACommittedBuildReplacesTheSiteAndLeavesNothingBeside) {
  EXPECT_EQ(good_, Site());
  EXPECT_EQ(paths_after_first_build_, disk_.Paths());
  StagedFolder staged("/srv/public/", &disk_);
  ASSERT_TRUE(staged.Open().ok());
  staged.Put("index.html", "new");
  staged.Append("records.json", "[");
  staged.Append("records.json", "]");
  staged.Put("records/a/index.html", "a");
  EXPECT_EQ(good_, Site());  // nothing is seen before the swap
  ASSERT_TRUE(staged.Commit().ok());
  EXPECT_EQ((std::map<std::string, std::string>{{"index.html", "new"}, {"records.json", "[]"}, {"records/a/index.html", "a"}}),
            Site());
  for (const std::string& path : disk_.Paths()) {
    EXPECT_TRUE(path == "/" || path == "/srv" || path.rfind("/srv/public", 0) == 0) << path;
    EXPECT_EQ(std::string::npos, path.find("lantern-")) << path;
  }
}

TEST_F(StagedInMemoryTest, AFullDiskPartWayThroughLeavesTheSiteAsItWas) {
  {
    StagedFolder staged("/srv/public", &disk_);
    ASSERT_TRUE(staged.Open().ok());
    disk_.FailWritesAfter(2);
    for (int i = 0; i < 5; ++i) staged.Put("records/r" + std::to_string(i) + "/index.html", "page");
    const Status status = staged.Commit();
    ASSERT_FALSE(status.ok());
    EXPECT_NE(std::string::npos, status.message().find("is the disk full?")) << status.message();
    EXPECT_EQ(good_, Site());
  }
  EXPECT_EQ(paths_after_first_build_, disk_.Paths());  // the staging folder is gone
}

TEST_F(StagedInMemoryTest, ARefusedSwapPutsTheOldSiteBack) {
  disk_.FailNextRenameTo("/srv/public");
  {
    StagedFolder staged("/srv/public", &disk_);
    ASSERT_TRUE(staged.Open().ok());
    staged.Put("index.html", "new");
    const Status status = staged.Commit();
    ASSERT_FALSE(status.ok());
    EXPECT_NE(std::string::npos, status.message().find("cannot move the new site into /srv/public")) << status.message();
  }
  EXPECT_EQ(good_, Site());
  EXPECT_EQ(paths_after_first_build_, disk_.Paths());
}

TEST_F(StagedInMemoryTest, AFileWhereAFolderMustGoFailsTheBuild) {
  ASSERT_TRUE(disk_.WriteFile("/srv/taken", "a file", false).ok());
  StagedFolder over_a_file("/srv/taken", &disk_);
  EXPECT_FALSE(over_a_file.Open().ok());
  EXPECT_EQ("a file", disk_.FilesUnder("/srv").at("taken"));
  {
    StagedFolder staged("/srv/public", &disk_);
    ASSERT_TRUE(staged.Open().ok());
    staged.Put("a", "file");
    staged.Put("a/b.html", "x");  // its folder would be the file "a"
    EXPECT_FALSE(staged.Commit().ok());
  }
  EXPECT_EQ(good_, Site());
}

TEST(MemoryWriterTest, RefusesWhatTheDiskWouldRefuse) {
  MemoryWriter disk("/w");
  EXPECT_TRUE(disk.WriteFile("/w/missing/x", "x", false).is_not_found());
  EXPECT_TRUE(disk.MakeFolder("/w/a/b").is_not_found());
  ASSERT_TRUE(disk.MakeFolders("/w/a/b/").ok());
  EXPECT_EQ(EntryKind::kDirectory, disk.Kind("/w/a/b"));
  ASSERT_TRUE(disk.WriteFile("/w/a/b/f", "1", false).ok());
  ASSERT_TRUE(disk.WriteFile("/w/a/b/f", "2", true).ok());
  EXPECT_EQ("12", disk.FilesUnder("/w").at("a/b/f"));
  EXPECT_FALSE(disk.WriteFile("/w/a", "over a folder", false).ok());
  EXPECT_FALSE(disk.MakeFolder("/w/a/b/f").ok());  // a file is in the way
  EXPECT_FALSE(disk.Rename("/w/a/b", "/w/a").ok());  // onto something there
  ASSERT_TRUE(disk.Rename("/w/a", "/w/c").ok());
  EXPECT_EQ(EntryKind::kMissing, disk.Kind("/w/a/b/f"));
  EXPECT_EQ(EntryKind::kFile, disk.Kind("/w/c/b/f"));
  ASSERT_TRUE(disk.RemoveAll("/w/c").ok());
  EXPECT_EQ((std::set<std::string>{"/", "/w"}), disk.Paths());
  EXPECT_TRUE(disk.RemoveAll("/w/nothing").ok());
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

TEST(SharedMemoryOutputTest, ASharedPartIsJoinedAsItIsWhenTheFileIsFinished) {
  SharedOutputTree tree;
  auto part = std::make_shared<const std::string>("{\"id\":1}");
  {
    SharedMemoryOutput sink(&tree);
    sink.Append("records.json", "[");
    sink.AppendShared("records.json", part);
    sink.Append("records.json", "]");
  }
  EXPECT_EQ("[{\"id\":1}]", *tree.at("records.json"));
  EXPECT_EQ(1, part.use_count());  // the sink let go of it once joined
  // Sinks that own their bytes copy a shared part.
  OutputTree owned;
  MemoryOutput memory(&owned);
  memory.AppendShared("records.json", part);
  memory.AppendShared("records.json", part);
  EXPECT_EQ("{\"id\":1}{\"id\":1}", owned.at("records.json"));
}

TEST(SharedMemoryOutputTest, WithAPartsTreeAppendedFilesStayAsTheirParts) {
  SharedOutputTree tree;
  SharedPartsTree parts;
  tree["records.csv"] = std::make_shared<const std::string>("id\n");
  {
    SharedMemoryOutput sink(&tree, &parts);
    sink.Append("records.csv", "a\n");
    sink.Append("records.json", "[");
    sink.Append("records.json", "]");
    sink.Put("index.html", "<p>");
  }
  EXPECT_EQ(1u, tree.size());  // index.html; the appended files are only in `parts`
  ASSERT_EQ(2u, parts.size());
  std::string csv;
  for (const SharedFile& part : parts.at("records.csv")) csv += *part;
  EXPECT_EQ("id\na\n", csv);
  ASSERT_EQ(2u, parts.at("records.json").size());
  EXPECT_EQ("[", *parts.at("records.json")[0]);
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
