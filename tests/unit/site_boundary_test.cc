// Only the site is read and published (issue 9, item 3; checklist S2): links
// that leave the site folder or lead nowhere, FIFOs and devices are reported
// and never opened; dotfiles are never published; the written output holds
// neither; the preview's banner names paths inside the site.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>

#include "assemble/output_tree.h"
#include "assemble/theme.h"
#include "base/diagnostic.h"
#include "base/entry_check.h"
#include "base/file_system.h"
#include "load/site_loader.h"
#include "testing/test_support.h"

namespace lantern {
namespace {
namespace fs = std::filesystem;

constexpr const char* kSecret = "TOP-SECRET-4242";

// TEMP/site: the golden errors' base site. TEMP/outside/secret.yaml and
// TEMP/outside/folder/: what no build may read.
class BoundaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::WriteTree(site_, testing::ReadTree(testing::SourceDir() + "/tests/golden/errors/_base"));
    testing::WriteFile(outside_ + "/secret.yaml", std::string("title: ") + kSecret + "\n");
    testing::WriteFile(outside_ + "/folder/secret.css", kSecret);
  }
  void Link(const std::string& target, const std::string& link) {
    fs::create_directories(fs::path(site_ + "/" + link).parent_path());
    fs::remove(site_ + "/" + link);
    fs::create_symlink(target, site_ + "/" + link);
  }
  void Fifo(const std::string& path) {
    fs::create_directories(fs::path(site_ + "/" + path).parent_path());
    ASSERT_EQ(0, mkfifo((site_ + "/" + path).c_str(), 0600));
  }
  std::string Load(Diagnostics* d) {
    DiskFileSystem disk(site_);
    Site site;
    EXPECT_TRUE(LoadSite(disk, site_, {}, &site, d).ok());
    return d->Format();
  }

  testing::TempDir temp_;
  std::string site_ = temp_.path() + "/site";
  std::string outside_ = temp_.path() + "/outside";
};

TEST_F(BoundaryTest, KindJudgesALinkByWhereItLeads) {
  testing::WriteFile(temp_.path() + "/site-old/x.css", "old");  // shares the prefix "site"
  Link("../pages/about.md", "assets/inside.md");
  Link("../records", "assets/inside-folder");
  Link(outside_ + "/secret.yaml", "assets/outside.yaml");
  Link("/etc", "assets/etc");
  Link("../../site-old/x.css", "assets/sibling.css");
  Link("missing.css", "assets/dangling.css");
  Link("loop-b", "assets/loop-a");
  Link("loop-a", "assets/loop-b");
  Fifo("assets/pipe");
  DiskFileSystem disk(site_);
  const std::string a = site_ + "/assets/";
  EXPECT_EQ(EntryKind::kFile, disk.Kind(site_ + "/site.yaml"));
  EXPECT_EQ(EntryKind::kDirectory, disk.Kind(site_ + "/records"));
  EXPECT_EQ(EntryKind::kMissing, disk.Kind(site_ + "/nothing"));
  EXPECT_EQ(EntryKind::kFile, disk.Kind(a + "inside.md"));
  EXPECT_EQ(EntryKind::kDirectory, disk.Kind(a + "inside-folder"));
  EXPECT_EQ(EntryKind::kLinkOutside, disk.Kind(a + "outside.yaml"));
  EXPECT_EQ(EntryKind::kLinkOutside, disk.Kind(a + "etc"));
  EXPECT_EQ(EntryKind::kLinkOutside, disk.Kind(a + "etc/passwd"));
  EXPECT_EQ(EntryKind::kLinkOutside, disk.Kind(a + "sibling.css"));
  EXPECT_EQ(EntryKind::kDanglingLink, disk.Kind(a + "dangling.css"));
  EXPECT_EQ(EntryKind::kDanglingLink, disk.Kind(a + "loop-a"));
  EXPECT_EQ(EntryKind::kSpecial, disk.Kind(a + "pipe"));
  // Without a boundary a link is what it leads to; a FIFO is still special.
  DiskFileSystem unbounded;
  EXPECT_EQ(EntryKind::kFile, unbounded.Kind(a + "outside.yaml"));
  EXPECT_EQ(EntryKind::kSpecial, unbounded.Kind(a + "pipe"));
}

TEST_F(BoundaryTest, NothingOutsideIsReadOrListedAndAFifoIsNeverOpened) {
  Link(outside_ + "/secret.yaml", "records/leak.yaml");
  Link(outside_ + "/folder", "assets/folder");
  Link("bin-check.yaml", "records/alias.yaml");
  Fifo("records/pipe.yaml");
  DiskFileSystem disk(site_);
  Result<std::string> leak = disk.ReadFile(site_ + "/records/leak.yaml");
  ASSERT_FALSE(leak.ok());
  EXPECT_EQ(std::string::npos, leak.status().message().find(kSecret));
  EXPECT_EQ(-1, disk.FileSize(site_ + "/records/leak.yaml"));
  EXPECT_FALSE(disk.IsDirectory(site_ + "/assets/folder"));
  EXPECT_TRUE(disk.List(site_ + "/assets/folder").empty());
  EXPECT_FALSE(disk.ReadFile(site_ + "/assets/folder/secret.css").ok());
  // A FIFO with no writer: reading returns at once with an error (it would
  // block forever if it were opened for reading without O_NONBLOCK).
  EXPECT_FALSE(disk.ReadFile(site_ + "/records/pipe.yaml").ok());
  EXPECT_FALSE(DiskFileSystem().ReadFile(site_ + "/records/pipe.yaml").ok());
  EXPECT_FALSE(disk.ReadFile(site_).ok());
  // A link that stays inside is followed.
  Result<std::string> alias = disk.ReadFile(site_ + "/records/alias.yaml");
  ASSERT_TRUE(alias.ok()) << alias.status().message();
  EXPECT_EQ(testing::ReadFileOrEmpty(site_ + "/records/bin-check.yaml"), alias.value());
  // A root that does not exist: nothing at all.
  DiskFileSystem nowhere(temp_.path() + "/nowhere");
  EXPECT_EQ(EntryKind::kMissing, nowhere.Kind(site_ + "/site.yaml"));
  EXPECT_FALSE(nowhere.ReadFile(site_ + "/site.yaml").ok());
}

TEST_F(BoundaryTest, LoaderReportsLinksOutDanglingLinksAndSpecialFilesByPath) {
  Link(outside_ + "/secret.yaml", "records/leak.yaml");
  Link("gone.yaml", "records/gone.yaml");
  Fifo("pages/pipe.md");
  // An editor's lock file is a dangling link with a hidden name: never a problem.
  Link("user@host.1234:1700000000", "records/.#bin-check.yaml");
  Diagnostics d;
  const std::string text = Load(&d);
  EXPECT_EQ(3, d.error_count()) << text;
  EXPECT_NE(std::string::npos,
            text.find(site_ + "/records/leak.yaml: error: a symbolic link that leads outside the site folder"))
      << text;
  EXPECT_NE(std::string::npos, text.find(site_ + "/records/gone.yaml: error: a symbolic link that leads nowhere"))
      << text;
  EXPECT_NE(std::string::npos, text.find(site_ + "/pages/pipe.md: error: not a file or a folder")) << text;
  EXPECT_EQ(std::string::npos, text.find(kSecret));
  EXPECT_EQ(std::string::npos, text.find(outside_));  // the target is never named
  std::vector<std::string> codes;
  for (const Diagnostic& diagnostic : d.Sorted()) codes.push_back(diagnostic.code);
  EXPECT_EQ((std::vector<std::string>{"L043", "L042", "L042"}), codes);
}

TEST_F(BoundaryTest, ASiteYamlOrAContentFolderLinkedOutsideIsAContentError) {
  Link(outside_ + "/secret.yaml", "site.yaml");
  Diagnostics config;
  const std::string text = Load(&config);
  EXPECT_NE(std::string::npos, text.find(site_ + "/site.yaml: error: a symbolic link that leads outside")) << text;
  EXPECT_EQ(std::string::npos, text.find(kSecret));

  fs::remove(site_ + "/site.yaml");
  testing::WriteTree(site_, testing::ReadTree(testing::SourceDir() + "/tests/golden/errors/_base"));
  fs::rename(site_ + "/records", outside_ + "/records");
  Link(outside_ + "/records", "records");
  Diagnostics folder;
  const std::string folder_text = Load(&folder);
  EXPECT_EQ(1, folder.error_count()) << folder_text;
  EXPECT_NE(std::string::npos, folder_text.find(site_ + "/records: error: a symbolic link that leads outside"))
      << folder_text;
}

TEST_F(BoundaryTest, ThemeNeverCopiesLinksOutOrDotfilesAndFollowsLinksInside) {
  Link(outside_ + "/secret.yaml", "assets/passwd");
  Link(outside_ + "/folder", "assets/x");
  Link("../pages/about.md", "assets/about.txt");
  Link(outside_ + "/secret.yaml", "layouts/notes.txt");  // not a template, still refused
  testing::WriteFile(site_ + "/assets/.env", "KEY=1");
  testing::WriteFile(site_ + "/assets/.git/config", "x");
  testing::WriteFile(site_ + "/assets/css/site.css", "body{}");
  DiskFileSystem disk(site_);
  Theme theme;
  Diagnostics d;
  EXPECT_FALSE(LoadTheme(EmbeddedFiles(), disk, site_, "en", &theme, &d));
  const std::string text = d.Format();
  EXPECT_EQ(3, d.error_count()) << text;
  EXPECT_NE(std::string::npos, text.find(site_ + "/assets/passwd: error:")) << text;
  EXPECT_NE(std::string::npos, text.find(site_ + "/assets/x: error:")) << text;
  EXPECT_NE(std::string::npos, text.find(site_ + "/layouts/notes.txt: error:")) << text;
  EXPECT_EQ(0u, theme.assets.count("assets/passwd"));
  EXPECT_EQ(0u, theme.assets.count("assets/x/secret.css"));
  EXPECT_EQ(0u, theme.assets.count("assets/.env"));
  EXPECT_EQ(0u, theme.assets.count("assets/.git/config"));
  EXPECT_EQ("body{}", theme.assets["assets/css/site.css"]);
  EXPECT_EQ(testing::ReadFileOrEmpty(site_ + "/pages/about.md"), theme.assets["assets/about.txt"]);
  for (const auto& [path, bytes] : theme.assets) EXPECT_EQ(std::string::npos, bytes.find(kSecret)) << path;
}

TEST_F(BoundaryTest, ALinkLoopInsideTheSiteEndsAsAnErrorNotAHang) {
  testing::WriteFile(site_ + "/assets/logo.svg", "<svg/>");
  Link(".", "assets/self");
  DiskFileSystem disk(site_);
  Theme theme;
  Diagnostics d;
  EXPECT_FALSE(LoadTheme(EmbeddedFiles(), disk, site_, "en", &theme, &d));
  ASSERT_EQ(1, d.error_count()) << d.Format();
  EXPECT_EQ("L042", d.Sorted()[0].code);
  EXPECT_NE(std::string::npos, d.Format().find("makes a loop")) << d.Format();
}

TEST(FormatWithinTest, PathsAndMessagesLoseTheSiteFolder) {
  Diagnostics d;
  d.RememberSource("/home/a/site/records/x.yaml", "title: [\n");
  d.Error("/home/a/site/records/x.yaml", {1, 8}, "L003", "broken");
  d.Error("/home/a/site/records/y.yaml", {}, "L028", "id \"x\" is already used by /home/a/site/records/x.yaml");
  d.Error("/home/a/site/records/z.yaml", {}, "L028", "see /home/a/other-site/ and /home/a/site-old/");
  const std::string text = d.FormatWithin("/home/a/site");
  EXPECT_EQ("records/x.yaml:1:8: error: broken\ntitle: [\n       ^\n"
            "records/y.yaml: error: id \"x\" is already used by records/x.yaml\n"
            "records/z.yaml: error: see /home/a/other-site/ and /home/a/site-old/\n",
            text);
  EXPECT_EQ(text, d.FormatWithin("/home/a/site/"));
  EXPECT_EQ(d.Format(), d.FormatWithin("."));
}

TEST(OutputTreeBoundaryTest, RefusesHiddenOrUnsafePathsBeforeWriting) {
  testing::TempDir temp;
  for (const char* bad : {".env", "assets/.git/config", "../escape.html", "/abs.html", "a//b.html", ""}) {
    const std::string out = temp.path() + "/public";
    Status status = WriteOutputTree({{"index.html", "x"}, {bad, "secret"}}, out);
    EXPECT_FALSE(status.ok()) << bad;
    EXPECT_FALSE(fs::exists(out)) << bad;
  }
  EXPECT_TRUE(WriteOutputTree({{"index.html", "x"}, {"assets/a.b.css", "y"}}, temp.path() + "/public").ok());
}

}  // namespace
}  // namespace lantern
