// `lantern build` publishes only the site (issue 9, item 3; checklist S2): a
// link out of the site folder, a link to nothing or a FIFO stops the build
// with a positioned error and nothing written; the output never holds a link
// or a dotfile.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>

#include "testing/test_support.h"

namespace lantern {
namespace {
namespace fs = std::filesystem;
using testing::RunLantern;

// TEMP/site: the golden fixture site, built by its relative name "site".
class BuildBoundaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::WriteTree(site_, testing::ReadTree(testing::SourceDir() + "/tests/golden/sites/basic/input"));
  }
  testing::RunResult Build(const std::string& extra = "") { return RunLantern("build site" + extra, temp_.path()); }

  testing::TempDir temp_;
  std::string site_ = temp_.path() + "/site";
};

TEST_F(BuildBoundaryTest, LinkToEtcPasswdInAssetsFailsTheBuildAndWritesNothing) {
  fs::create_directories(site_ + "/assets");
  fs::create_symlink("/etc/passwd", site_ + "/assets/passwd");
  testing::RunResult r = Build();
  EXPECT_EQ(1, r.exit_code) << r.output;
  EXPECT_NE(std::string::npos,
            r.output.find("site/assets/passwd: error: a symbolic link that leads outside the site folder; it is not "
                          "followed"))
      << r.output;
  EXPECT_EQ(std::string::npos, r.output.find("root:"));  // not a byte of the target
  EXPECT_EQ(std::string::npos, r.output.find("/etc"));
  EXPECT_FALSE(fs::exists(site_ + "/public"));
  testing::RunResult to_folder = Build(" -o out");
  EXPECT_EQ(1, to_folder.exit_code);
  EXPECT_FALSE(fs::exists(temp_.path() + "/out"));
}

TEST_F(BuildBoundaryTest, LinkedFolderDanglingLinkAndFifoAreErrorsNeverOpened) {
  fs::create_directories(site_ + "/assets");
  fs::create_symlink("/etc", site_ + "/assets/x");
  fs::create_symlink("nothing-here.md", site_ + "/pages/gone.md");
  // A FIFO with no writer: opening it for reading would hang the build.
  ASSERT_EQ(0, mkfifo((site_ + "/records/pipe.yaml").c_str(), 0600));
  testing::RunResult r = Build();
  EXPECT_EQ(1, r.exit_code) << r.output;
  EXPECT_NE(std::string::npos, r.output.find("site/assets/x: error: a symbolic link that leads outside")) << r.output;
  EXPECT_NE(std::string::npos, r.output.find("site/pages/gone.md: error: a symbolic link that leads nowhere"))
      << r.output;
  EXPECT_NE(std::string::npos, r.output.find("site/records/pipe.yaml: error: not a file or a folder")) << r.output;
  EXPECT_FALSE(fs::exists(site_ + "/public"));
}

TEST_F(BuildBoundaryTest, OutputHoldsNoLinkAndNoDotfileAndLinksInsideAreCopiedAsFiles) {
  testing::WriteFile(site_ + "/assets/css/site.css", "body { color: black; }\n");
  fs::create_symlink("css/site.css", site_ + "/assets/alias.css");
  fs::create_symlink("css", site_ + "/assets/styles");
  testing::WriteFile(site_ + "/assets/.env", "SECRET=1\n");
  testing::WriteFile(site_ + "/assets/.git/config", "[core]\n");
  testing::WriteFile(site_ + "/assets/css/.DS_Store", "x");
  testing::RunResult r = Build();
  ASSERT_EQ(0, r.exit_code) << r.output;
  const std::string out = site_ + "/public";
  int files = 0;
  // The checklist's `find site -mindepth 1 \( -type l -o -name '.*' \)`, with lstat.
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    struct stat info;
    ASSERT_EQ(0, lstat(entry.path().c_str(), &info)) << entry.path();
    EXPECT_TRUE(S_ISREG(info.st_mode) || S_ISDIR(info.st_mode)) << entry.path() << " is a link or special file";
    EXPECT_NE('.', entry.path().filename().string()[0]) << entry.path();
    files += S_ISREG(info.st_mode);
  }
  EXPECT_GT(files, 10);
  EXPECT_EQ("body { color: black; }\n", testing::ReadFileOrEmpty(out + "/assets/alias.css"));
  EXPECT_EQ("body { color: black; }\n", testing::ReadFileOrEmpty(out + "/assets/styles/site.css"));
  EXPECT_FALSE(fs::exists(out + "/assets/.env"));
}

}  // namespace
}  // namespace lantern
