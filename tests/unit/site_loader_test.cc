#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>

#include "base/file_system.h"
#include "load/record_cache.h"
#include "load/site_loader.h"
#include "testing/test_support.h"

namespace lantern {
namespace {

// The base site of the golden error cases, in memory, with changes.
MemoryFileSystem BaseSite(const std::map<std::string, std::string>& changes = {}) {
  MemoryFileSystem fs;
  for (const auto& [path, bytes] : testing::ReadTree(testing::SourceDir() + "/tests/golden/errors/_base")) {
    fs.Add("site/" + path, bytes);
  }
  for (const auto& [path, bytes] : changes) fs.Add("site/" + path, bytes);
  return fs;
}

TEST(SiteLoaderTest, LoadsSettingsRecordsAndPages) {
  MemoryFileSystem fs = BaseSite();
  Site site;
  Diagnostics d;
  ASSERT_TRUE(LoadSite(fs, "site", {}, &site, &d).ok());
  EXPECT_FALSE(d.has_errors()) << d.Format();
  EXPECT_EQ("Test Borough Council", site.config.organisation);
  EXPECT_EQ("/", site.config.root_path);
  ASSERT_EQ(1u, site.records.size());
  ASSERT_EQ(1u, site.pages.size());
  EXPECT_EQ("about", site.pages[0].slug);
  EXPECT_EQ(8, site.pages[0].body_first_line);
}

// Lists what its base lists, but answers one path's reads with a given
// failure: a file deleted, or unreadable, between listing and reading.
class FailingRead final : public FileSystem {
 public:
  FailingRead(const MemoryFileSystem& base, std::string path, Status failure)
      : base_(base), path_(std::move(path)), failure_(std::move(failure)) {}
  EntryKind Kind(const std::string& path) const override { return base_.Kind(path); }
  Result<std::string> ReadFile(const std::string& path) const override {
    return path == path_ ? Result<std::string>(failure_) : base_.ReadFile(path);
  }
  long long FileSize(const std::string& path) const override { return base_.FileSize(path); }
  bool IsDirectory(const std::string& path) const override { return base_.IsDirectory(path); }
  std::vector<std::string> List(const std::string& path) const override { return base_.List(path); }

 private:
  const MemoryFileSystem& base_;
  std::string path_;
  Status failure_;
};

TEST(SiteLoaderTest, AFileDeletedBetweenListingAndReadingIsGoneNotAFailure) {
  const MemoryFileSystem base = BaseSite({{"records/second.yaml", testing::ReadFileOrEmpty(
      testing::SourceDir() + "/tests/golden/errors/_base/records/bin-check.yaml")}});
  for (const std::string deleted : {"site/records/second.yaml", "site/pages/about.md"}) {
    FailingRead fs(base, deleted, Status::NotFound("cannot read " + deleted + ": No such file or directory"));
    Site site;
    Diagnostics d;
    ASSERT_TRUE(LoadSite(fs, "site", {}, &site, &d).ok()) << deleted;
    EXPECT_FALSE(d.has_errors()) << d.Format();
    const bool record_gone = deleted.find("records/") != std::string::npos;
    EXPECT_EQ(record_gone ? 1u : 2u, site.records.size()) << deleted;
    EXPECT_EQ(record_gone ? 1u : 0u, site.pages.size()) << deleted;
  }
}

TEST(SiteLoaderTest, AFileThatCannotBeReadStopsTheLoadWithItsReason) {
  const MemoryFileSystem base = BaseSite();
  for (const std::string path : {"site/records/bin-check.yaml", "site/pages/about.md"}) {
    FailingRead fs(base, path, Status::IoError("cannot read " + path + ": Permission denied"));
    Site site;
    Diagnostics d;
    const Status s = LoadSite(fs, "site", {}, &site, &d);
    ASSERT_FALSE(s.ok()) << path;
    EXPECT_EQ(Status::Kind::kIo, s.kind());
    EXPECT_EQ("cannot read " + path + ": Permission denied", s.message());
  }
}

TEST(SiteLoaderTest, MissingFolderOrSiteYamlIsAUsageError) {
  MemoryFileSystem fs;
  Site site;
  Diagnostics d;
  EXPECT_FALSE(LoadSite(fs, "nowhere", {}, &site, &d).ok());
  fs.Add("empty/records/a.yaml", "x: 1");
  Status s = LoadSite(fs, "empty", {}, &site, &d);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(std::string::npos, s.message().find("has no site.yaml"));
}

TEST(SiteLoaderTest, DuplicateIdsAcrossFilesAreErrors) {
  const std::string record = testing::ReadFileOrEmpty(testing::SourceDir() + "/tests/golden/errors/_base/records/bin-check.yaml");
  MemoryFileSystem fs = BaseSite({{"records/copy.yaml", "id: bin-check\n" + record}});
  Site site;
  Diagnostics d;
  ASSERT_TRUE(LoadSite(fs, "site", {}, &site, &d).ok());
  EXPECT_NE(std::string::npos, d.Format().find("site/records/copy.yaml:1:5: error: id \"bin-check\" is already used by site/records/bin-check.yaml"))
      << d.Format();
}

TEST(SiteLoaderTest, DraftsAreLeftOutUnlessAskedFor) {
  const std::string record = testing::ReadFileOrEmpty(testing::SourceDir() + "/tests/golden/errors/_base/records/bin-check.yaml");
  std::string draft = record;
  draft.replace(draft.find("status: published"), 17, "status: draft");
  MemoryFileSystem fs = BaseSite({{"records/planned.yaml", draft}});
  Site without, with;
  Diagnostics d;
  ASSERT_TRUE(LoadSite(fs, "site", {}, &without, &d).ok());
  LoadOptions drafts;
  drafts.include_drafts = true;
  ASSERT_TRUE(LoadSite(fs, "site", drafts, &with, &d).ok());
  EXPECT_EQ(1u, without.records.size());
  EXPECT_EQ(2u, with.records.size());
}

TEST(SiteLoaderTest, ServiceMustComeFromTheSiteList) {
  const std::string record = testing::ReadFileOrEmpty(testing::SourceDir() + "/tests/golden/errors/_base/records/bin-check.yaml");
  std::string changed = record;
  changed.replace(changed.find("service: Waste and recycling"), 28, "service: Housings");
  MemoryFileSystem fs = BaseSite({{"records/bin-check.yaml", changed}});
  Site site;
  Diagnostics d;
  ASSERT_TRUE(LoadSite(fs, "site", {}, &site, &d).ok());
  EXPECT_NE(std::string::npos, d.Format().find("service \"Housings\" is not in site.yaml's services (did you mean \"Housing\"?)"))
      << d.Format();
}

TEST(SiteLoaderTest, YmlRecordIsAnErrorOtherFilesAWarningDotfilesNothing) {
  MemoryFileSystem fs = BaseSite({{"records/old.yml", "x: 1"}, {"records/notes.txt", "x"}, {"records/.DS_Store", "junk"}});
  Site site;
  Diagnostics d;
  ASSERT_TRUE(LoadSite(fs, "site", {}, &site, &d).ok());
  EXPECT_EQ(1, d.error_count()) << d.Format();
  EXPECT_EQ(1, d.warning_count()) << d.Format();
  EXPECT_NE(std::string::npos, d.Format().find("site/records/old.yml: error: records must end in .yaml, not .yml; rename it to \"old.yaml\""))
      << d.Format();
  EXPECT_NE(std::string::npos, d.Format().find("site/records/notes.txt: warning: ignored"));
}

TEST(SiteLoaderTest, EmptyOrderInFrontMatterIsNotGivenNotACrash) {
  // Found by fuzzing: an empty block scalar reached std::stoi("").
  MemoryFileSystem fs = BaseSite({{"pages/about.md", "---\ntitle: About\norder: |5\nnavigation: yes\n---\nText.\n"}});
  Site site;
  Diagnostics d;
  ASSERT_TRUE(LoadSite(fs, "site", {}, &site, &d).ok());
  EXPECT_FALSE(d.has_errors()) << d.Format();
  ASSERT_EQ(1u, site.pages.size());
  EXPECT_EQ(0, site.pages[0].order);
}

TEST(SiteLoaderTest, BaseUrlMustBeAFullAddress) {
  SiteConfig config;
  Diagnostics d;
  EXPECT_FALSE(LoadSiteConfig("site.yaml", "title: T\norganisation: O\nbase_url: ai.example.gov.uk\ncontact_email: a@example.gov.uk\n",
                              &config, &d));
  EXPECT_NE(std::string::npos, d.Format().find("site.yaml:3:11: error: \"base_url\" must be the site's full address")) << d.Format();
}

TEST(SiteLoaderTest, BaseUrlPathBecomesTheRootOfEveryLink) {
  SiteConfig config;
  Diagnostics d;
  ASSERT_TRUE(LoadSiteConfig("site.yaml",
                             "title: T\norganisation: O\nbase_url: https://example.gov.uk/ai\ncontact_email: a@example.gov.uk\n",
                             &config, &d))
      << d.Format();
  EXPECT_EQ("https://example.gov.uk/ai/", config.base_url);
  EXPECT_EQ("/ai/", config.root_path);
}

}  // namespace
}  // namespace lantern

namespace lantern {
namespace {

const std::string kSiteWithHolidays =
    "title: How Test Borough Council uses AI\norganisation: Test Borough Council\nbase_url: https://ai.test.example/\n"
    "language: en\ncontact_email: ai@test.example\nfeedback:\n  endpoint: /feedback\n  privacy_notice: /pages/about/\n"
    "  bank_holidays: scotland\n  extra_bank_holidays: [2027-06-07, 2027-02-30, soon]\n"
    "services: [Housing, Waste and recycling]\n";

TEST(SiteLoaderTest, BankHolidaySettingsFeedTheCalendarAndBadDaysArePositioned) {
  MemoryFileSystem fs = BaseSite({{"site.yaml", kSiteWithHolidays}});
  Site site;
  Diagnostics d;
  ASSERT_TRUE(LoadSite(fs, "site", {}, &site, &d).ok());
  EXPECT_EQ(HolidayRegion::kScotland, site.config.calendar.region);
  ASSERT_EQ(1u, site.config.calendar.extra_holidays.size());
  EXPECT_EQ("2027-06-07", site.config.calendar.extra_holidays[0].Iso());
  const std::string text = d.Format();
  EXPECT_NE(std::string::npos, text.find("site/site.yaml:10:37: error: extra_bank_holidays should list days as "
                                         "YYYY-MM-DD"))
      << text;
  EXPECT_NE(std::string::npos, text.find("site/site.yaml:10:49: error:")) << text;
  MemoryFileSystem wrong = BaseSite({{"site.yaml", testing::ReplaceOnce(kSiteWithHolidays, "scotland", "wales")}});
  Diagnostics d2;
  LoadSite(wrong, "site", {}, &site, &d2);
  EXPECT_NE(std::string::npos, d2.Format().find("wales")) << d2.Format();
  EXPECT_TRUE(d2.has_errors());
}


// The disk, counting how often each record file is read.
class CountingDisk final : public FileSystem {
 public:
  explicit CountingDisk(const std::string& root) : disk_(root) {}
  EntryKind Kind(const std::string& path) const override { return disk_.Kind(path); }
  Result<std::string> ReadFile(const std::string& path) const override {
    if (path.find("/records/") != std::string::npos) ++record_reads;
    return disk_.ReadFile(path);
  }
  long long FileSize(const std::string& path) const override { return disk_.FileSize(path); }
  bool IsDirectory(const std::string& path) const override { return disk_.IsDirectory(path); }
  std::vector<std::string> List(const std::string& path) const override { return disk_.List(path); }
  std::optional<FileStamp> Stamp(const std::string& path) const override { return disk_.Stamp(path); }
  mutable std::atomic<int> record_reads{0};

 private:
  DiskFileSystem disk_;
};

// The preview's loads skip reading a clean record file whose stamp is the
// one it had when last read; anything else is read: a file written in the
// last two seconds (its times cannot yet tell a second write apart), one
// rewritten since, or one with diagnostics (their source lines are shown).
TEST(SiteLoaderTest, ThePreviewDoesNotReadAgainACleanRecordFileLeftAlone) {
  testing::TempDir folder;
  const std::string root = folder.path() + "/site";
  testing::WriteTree(root, testing::ReadTree(testing::SourceDir() + "/tests/golden/errors/_base"));
  const std::string record = root + "/records/bin-check.yaml";
  RecordLoadCache cache;
  auto load = [&](Diagnostics* d) {
    CountingDisk disk(root);
    Site site;
    LoadOptions options;
    options.cache = &cache;
    EXPECT_TRUE(LoadSite(disk, root, options, &site, d).ok());
    EXPECT_EQ(1u, site.records.size());
    return std::make_pair(disk.record_reads.load(), site.records.empty() ? std::string() : site.records[0].Text("summary.name"));
  };
  const std::string original_name = [&] {
    Diagnostics d;
    return load(&d).second;
  }();
  ASSERT_FALSE(original_name.empty());

  // Just written: read every time, however often.
  {
    Diagnostics d;
    EXPECT_EQ(1, load(&d).first);
  }
  // Settled: its change time more than kStampSettleSeconds old. utimensat
  // cannot set a change time, so this waits for it (on the clock's condition).
  struct stat info;
  ASSERT_EQ(0, stat(record.c_str(), &info));
  for (;;) {
    timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    if (now.tv_sec - info.st_ctim.tv_sec > DiskFileSystem::kStampSettleSeconds) break;
    usleep(100000);
  }
  {
    Diagnostics d;
    EXPECT_EQ(1, load(&d).first);  // read once more, now with a settled stamp
  }
  {
    Diagnostics d;
    const auto [reads, name] = load(&d);
    EXPECT_EQ(0, reads);  // left alone and clean: not read
    EXPECT_EQ(original_name, name);
    EXPECT_FALSE(d.has_errors()) << d.Format();
  }
  // Rewritten with the same size and its old modification time put back: the
  // change time still tells, so it is read and its new name is seen.
  std::string bytes = testing::ReadFileOrEmpty(record);
  const std::string renamed = testing::ReplaceOnce(bytes, original_name, std::string(original_name.size(), 'Z'));
  ASSERT_EQ(bytes.size(), renamed.size());
  testing::WriteFile(record, renamed);
  timespec old_times[2] = {info.st_atim, info.st_mtim};
  ASSERT_EQ(0, utimensat(AT_FDCWD, record.c_str(), old_times, 0));
  {
    Diagnostics d;
    const auto [reads, name] = load(&d);
    EXPECT_EQ(1, reads);
    EXPECT_EQ(std::string(original_name.size(), 'Z'), name);
  }
}

TEST(DiagnosticsTest, SourcesNotReadAreReadOnlyWhenADiagnosticNamesALineOfThem) {
  Diagnostics d;
  std::vector<std::string> read;
  d.SetSourceReader([&read](const std::string& path) -> std::optional<std::string> {
    read.push_back(path);
    if (path == "records/c.yaml") return std::nullopt;  // gone since
    return "a: 1\nb: 2\nc: 3\n";
  });
  d.RememberSourceLater("records/a.yaml");
  d.RememberSourceLater("records/b.yaml");
  d.RememberSourceLater("records/c.yaml");
  d.Error("records/a.yaml", {3, 1}, "L001", "broken");
  d.Warning("records/b.yaml", {}, "L041", "a file-level note");  // no line: no source needed
  d.Error("records/c.yaml", {2, 1}, "L001", "cannot be read");
  d.Error("records/d.yaml", {1, 1}, "L001", "read already");    // never skipped
  d.ReadNamedSources();
  EXPECT_EQ(std::vector<std::string>({"records/a.yaml", "records/c.yaml"}), read);
  d.SetSourceReader(nullptr);
  d.ReadNamedSources();  // each is read once, and never without a reader
  EXPECT_EQ(2u, read.size());
  const std::string shown = d.Format();
  EXPECT_NE(std::string::npos, shown.find("records/a.yaml:3:1: error: broken\nc: 3\n^\n")) << shown;
  EXPECT_NE(std::string::npos, shown.find("records/c.yaml:2:1: error: cannot be read\n")) << shown;
}

TEST(DiagnosticsTest, AnUnreadSourceAskedForIsReadThenAndKept) {
  Diagnostics d;
  int reads = 0;
  d.RememberSourceLater("records/a.yaml");
  EXPECT_EQ("", d.Source("records/a.yaml"));  // no reader yet: nothing to show
  d.SetSourceReader([&reads](const std::string&) -> std::optional<std::string> {
    ++reads;
    return std::string("id: a\n");
  });
  EXPECT_EQ("id: a\n", d.Source("records/a.yaml"));
  EXPECT_EQ("id: a\n", d.Source("records/a.yaml"));
  EXPECT_EQ(1, reads);
  EXPECT_EQ("", d.Source("records/never-named.yaml"));  // not one it was told of
  EXPECT_EQ(1, reads);
}

}  // namespace
}  // namespace lantern
