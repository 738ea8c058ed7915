#include <gtest/gtest.h>

#include <filesystem>

#include "base/diagnostic.h"
#include "base/edit_distance.h"
#include "base/file_system.h"
#include "base/status.h"
#include "base/utf8.h"
#include "model/addresses.h"
#include "model/date.h"

namespace lantern {
namespace {

TEST(StatusTest, ContextIsPrependedToErrorsOnly) {
  EXPECT_TRUE(Status::Ok().WithContext("while writing").ok());
  Status s = Status::Error("Permission denied").WithContext("while writing public/index.html");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ("while writing public/index.html: Permission denied", s.message());
}

TEST(StatusTest, KindSurvivesContextSoCallersFarUpCanTellNothingThereFromAFailure) {
  EXPECT_EQ(Status::Kind::kOk, Status::Ok().kind());
  EXPECT_EQ(Status::Kind::kFailed, Status::Error("x").kind());
  const Status gone = Status::NotFound("cannot read a.yaml: No such file").WithContext("loading the site");
  EXPECT_TRUE(gone.is_not_found());
  EXPECT_EQ("loading the site: cannot read a.yaml: No such file", gone.message());
  EXPECT_EQ(Status::Kind::kIo, Status::IoError("disk full").WithContext("writing").kind());
  EXPECT_EQ(Status::Kind::kInvalid, Status::Invalid("not a file").WithContext("reading").kind());
  EXPECT_FALSE(Status::IoError("disk full").is_not_found());
}

TEST(FileSystemTest, ReadFailuresSayWhatKindTheyAre) {
  const std::string folder = ::testing::TempDir() + "/lantern-read-kinds";
  std::filesystem::create_directories(folder + "/sub");
  DiskFileSystem disk;
  EXPECT_TRUE(disk.ReadFile(folder + "/missing.yaml").status().is_not_found());
  EXPECT_TRUE(disk.ReadFile(folder + "/missing/deeper.yaml").status().is_not_found());
  const Status folder_read = disk.ReadFile(folder + "/sub").status();
  EXPECT_EQ(Status::Kind::kInvalid, folder_read.kind()) << folder_read.message();
  EXPECT_NE(std::string::npos, folder_read.message().find("not a regular file"));
  DiskFileSystem bounded(folder + "/sub");
  EXPECT_TRUE(bounded.ReadFile(folder + "/sub/none.md").status().is_not_found());
  MemoryFileSystem memory;
  EXPECT_TRUE(memory.ReadFile("site/records/a.yaml").status().is_not_found());
  std::filesystem::remove_all(folder);
}

TEST(EditDistanceTest, CountsEditsAndTranspositions) {
  EXPECT_EQ(0, EditDistance("phase", "phase"));
  EXPECT_EQ(1, EditDistance("contact_emial", "contact_email") - 0);  // one transposition
  EXPECT_EQ(3, EditDistance("kitten", "sitting"));
}

TEST(EditDistanceTest, NearestMatchSuggestsOnlyPlausibleTypos) {
  const std::vector<std::string> keys = {"name", "description", "website_url", "contact_email"};
  EXPECT_EQ("contact_email", NearestMatch("contact_emial", keys));
  EXPECT_EQ("website_url", NearestMatch("websiteurl", keys));
  EXPECT_EQ("", NearestMatch("completely_different", keys));
}

TEST(Utf8Test, FindsFirstInvalidByte) {
  EXPECT_EQ(std::string_view::npos, FindInvalidUtf8("plain ascii and é and 漢字 and 😀"));
  EXPECT_EQ(3u, FindInvalidUtf8("abc\xff"));
  EXPECT_EQ(0u, FindInvalidUtf8("\xc0\xaf"));          // overlong '/'
  EXPECT_EQ(0u, FindInvalidUtf8("\xed\xa0\x80"));      // surrogate
  EXPECT_EQ(0u, FindInvalidUtf8("\xf4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_EQ(1u, FindInvalidUtf8("a\xe2\x82"));         // truncated
  EXPECT_EQ(5u, CountCodePoints("a é 😀"));
}

TEST(DateTest, ParsesOnlyRealDays) {
  EXPECT_TRUE(Date::Parse("2024-02-29"));
  EXPECT_FALSE(Date::Parse("2025-02-29"));
  EXPECT_FALSE(Date::Parse("2025-02-30"));
  EXPECT_FALSE(Date::Parse("2025-13-01"));
  EXPECT_FALSE(Date::Parse("28/01/2025"));
  EXPECT_FALSE(Date::Parse("2025-1-28"));
  EXPECT_EQ("28 January 2025", Date::Parse("2025-01-28")->Display());
  EXPECT_EQ("2026-02-28", Date::Parse("2025-08-31")->PlusMonths(6).Iso());
}

TEST(DiagnosticTest, FormatsPositionSourceLineAndCaret) {
  Diagnostics d;
  d.RememberSource("r.yaml", "a: 1\n  contact_emial: x\n");
  d.Error("r.yaml", {2, 3}, "L013", "unknown field \"contact_emial\" (did you mean \"contact_email\"?)");
  EXPECT_EQ(
      "r.yaml:2:3: error: unknown field \"contact_emial\" (did you mean \"contact_email\"?)\n"
      "  contact_emial: x\n"
      "  ^\n",
      d.Format());
}

TEST(DiagnosticTest, CaretCountsCharactersNotBytes) {
  Diagnostics d;
  d.RememberSource("r.yaml", "\"é\": bad\n");
  d.Warning("r.yaml", {1, 7}, "L000", "here");  // byte column 7 is character 6
  EXPECT_EQ("r.yaml:1:6: warning: here\n\"é\": bad\n     ^\n", d.Format());
}

TEST(DiagnosticTest, InvalidBytesInTheSourceLineArePrintedAsReplacementCharacters) {
  Diagnostics d;
  d.RememberSource("r.yaml", "a: caf\xe9 x\n");
  d.Error("r.yaml", {1, 7}, "L002", "invalid UTF-8 byte");
  EXPECT_EQ("r.yaml:1:7: error: invalid UTF-8 byte\na: caf\xEF\xBF\xBD x\n      ^\n", d.Format());
}

TEST(DiagnosticTest, SortsByFileLineAndColumnWhateverTheOrderFound) {
  Diagnostics d;
  d.Error("b.yaml", {1, 1}, "L1", "third");
  d.Error("a.yaml", {9, 1}, "L1", "second");
  d.Error("a.yaml", {2, 5}, "L1", "first");
  const std::vector<Diagnostic> sorted = d.Sorted();
  ASSERT_EQ(3u, sorted.size());
  EXPECT_EQ("first", sorted[0].message);
  EXPECT_EQ("second", sorted[1].message);
  EXPECT_EQ("third", sorted[2].message);
  EXPECT_EQ(3, d.error_count());
  EXPECT_EQ(0, d.warning_count());
}

TEST(MemoryFileSystemTest, ListsDirectoriesImpliedByPaths) {
  MemoryFileSystem fs({{"site/records/a.yaml", "x"}, {"site/records/b.yaml", "y"}, {"site/site.yaml", "z"}});
  EXPECT_TRUE(fs.IsDirectory("site/records"));
  EXPECT_FALSE(fs.IsDirectory("site/pages"));
  EXPECT_EQ((std::vector<std::string>{"a.yaml", "b.yaml"}), fs.List("site/records"));
  EXPECT_EQ((std::vector<std::string>{"records", "site.yaml"}), fs.List("site"));
  EXPECT_EQ(1, fs.FileSize("site/site.yaml"));
  EXPECT_FALSE(fs.ReadFile("site/missing.yaml").ok());
}

TEST(EmbeddedFilesTest, HoldTheDefaultThemeAndTheExampleSite) {
  const MemoryFileSystem& files = EmbeddedFiles();
  EXPECT_GT(files.FileSize("themes/default/templates/layout.mustache"), 0);
  EXPECT_GT(files.FileSize("themes/default/strings/en.yaml"), 0);
  EXPECT_GT(files.FileSize("content/site.yaml"), 0);
  for (const auto& [path, bytes] : files.files()) {
    EXPECT_EQ(std::string::npos, path.find("/."));
    EXPECT_NE(0u, path.rfind("content/public/", 0)) << path;
  }
}

TEST(AddressesTest, EachPartOfTheSiteHasOnePathAndBothKindsOfAddress) {
  Record record;
  record.id = "bin-check";
  Page page;
  page.slug = "governance";
  EXPECT_EQ("records/bin-check/", RecordPath(record));
  EXPECT_EQ("records/bin-check.json", RecordJsonPath(record));
  EXPECT_EQ("records/bin-check/feed.xml", RecordFeedPath(record));
  EXPECT_EQ("records/phase/production/", FacetPath("phase", "production"));
  EXPECT_EQ("pages/governance/", PagePath(page));
  SiteConfig config;
  config.root_path = "/ai/";
  config.base_url = "https://example.gov.uk/ai/";
  EXPECT_EQ("/ai/records/bin-check/", SiteUrl(config, RecordPath(record)));
  EXPECT_EQ("https://example.gov.uk/ai/records/bin-check.json", AbsoluteUrl(config, RecordJsonPath(record)));
  EXPECT_EQ("/ai/records/", SiteUrl(config, kRecordsPath));
}

// The servers' Atom type rests on this: exactly the site's feed and each
// record's, never another .xml or a feed.xml elsewhere.
TEST(AddressesTest, IsFeedPathKnowsTheFeedsAndNothingElse) {
  EXPECT_TRUE(IsFeedPath(kSiteFeedPath));
  EXPECT_TRUE(IsFeedPath(RecordFeedPath("bin-check")));
  EXPECT_TRUE(IsFeedPath("records/a/feed.xml"));
  for (const char* other : {"", "sitemap.xml", "/feed.xml", "feed.xml/", "records/feed.xml", "records//feed.xml",
                            "records/bin-check/feed.xml/", "records/service/housing/feed.xml", "assets/feed.xml",
                            "records/bin-checkfeed.xml", "records/bin-check/xfeed.xml", "records/bin-check.json",
                            "pages/feed/feed.xml", "xrecords/a/feed.xml"}) {
    EXPECT_FALSE(IsFeedPath(other)) << other;
  }
}

TEST(WrapWordsTest, BreaksAtSpacesWithinTheWidthCountingCharactersNotBytes) {
  EXPECT_EQ((std::vector<std::string>{"Housing and", "community", "amenities"}),
            WrapWords("Housing and community amenities", 11));
  EXPECT_EQ((std::vector<std::string>{"Housing and community", "amenities"}),
            WrapWords("Housing and community amenities", 21));
  EXPECT_EQ((std::vector<std::string>{"Housing"}), WrapWords("  Housing  ", 28));
  // A word longer than the line keeps a line of its own, whole.
  EXPECT_EQ((std::vector<std::string>{"a", "Llanfairpwllgwyngyll", "b"}), WrapWords("a Llanfairpwllgwyngyll b", 10));
  // "Gwasanaethau ŵyn" is 16 characters in 17 bytes: it fits in 16.
  EXPECT_EQ((std::vector<std::string>{"Gwasanaethau ŵyn"}), WrapWords("Gwasanaethau ŵyn", 16));
  EXPECT_TRUE(WrapWords("", 10).empty());
  EXPECT_TRUE(WrapWords("   ", 10).empty());
}

}  // namespace
}  // namespace lantern
