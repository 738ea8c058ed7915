// The preview's caches (PreviewCache: parsed record files and records'
// outputs) never change a result: after each edit of a sequence, a run that
// keeps its caches from the runs before gives the same exit code, the same
// files byte for byte and the same diagnostics (as printed, and as the
// preview's banner shows them) as a fresh run on the same files. And they are
// used: an edit to one record parses and renders that record only.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <thread>

#include "base/file_system.h"
#include "cli/site_pipeline.h"
#include "testing/test_support.h"

namespace lantern {
namespace {
namespace fs = std::filesystem;

struct Outcome {
  int exit_code = -1;
  std::map<std::string, std::string> files;
  std::string diagnostics;  // Format()
  std::string banner;       // FormatWithin(site), as the preview shows it
  size_t records = 0;
};

Outcome RunOnce(const std::string& site, PreviewCache* cache) {
  PipelineOptions options;
  options.cache = cache;
  PipelineResult result;
  std::FILE* quiet = std::fopen("/dev/null", "w");
  RunPipeline(site, options, quiet, &result);
  std::fclose(quiet);
  Outcome outcome;
  outcome.exit_code = result.exit_code;
  for (const auto& [path, bytes] : result.output) outcome.files[path] = *bytes;
  outcome.diagnostics = result.diagnostics.Format();
  outcome.banner = result.diagnostics.FormatWithin(site);
  outcome.records = result.site.records.size();
  return outcome;
}

// The first path whose bytes differ, for a readable failure.
std::string FirstDifference(const Outcome& a, const Outcome& b) {
  for (const auto& [path, bytes] : a.files) {
    auto it = b.files.find(path);
    if (it == b.files.end()) return path + " only in the incremental run";
    if (it->second != bytes) return path + " differs";
  }
  for (const auto& [path, bytes] : b.files) {
    if (!a.files.count(path)) return path + " only in the fresh run";
  }
  return "";
}

class IncrementalPreviewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = temp_.path() + "/site";
    std::map<std::string, std::string> tree = testing::ReadTree(testing::SourceDir() + "/content");
    for (auto it = tree.begin(); it != tree.end();) {
      it = it->first.rfind("public/", 0) == 0 ? tree.erase(it) : std::next(it);
    }
    // More records than the example's: copies of one with their own names.
    const std::string bin = tree.at("records/larger-bin-check.yaml");
    for (int i = 0; i < 12; ++i) {
      tree["records/bin-copy-" + std::to_string(i) + ".yaml"] =
          testing::ReplaceOnce(bin, "  name: Larger rubbish bin check", "  name: Bin check copy " + std::to_string(i));
    }
    testing::WriteTree(site_, tree);
  }

  // Until every record file written so far has a settled stamp
  // (FileSystem::Stamp): from then on the preview does not read those it
  // knows unchanged, as in use, where most files were written long before.
  void WaitUntilRecordFilesSettle() {
    const DiskFileSystem disk;
    auto all_settled = [&] {
      for (const auto& entry : fs::directory_iterator(site_ + "/records")) {
        if (!disk.Stamp(entry.path().string())) return false;
      }
      return true;
    };
    while (!all_settled()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }

  std::string Read(const std::string& relative) { return testing::ReadFileOrEmpty(site_ + "/" + relative); }
  void Write(const std::string& relative, const std::string& bytes) { testing::WriteFile(site_ + "/" + relative, bytes); }
  void Edit(const std::string& relative, const std::string& from, const std::string& to) {
    Write(relative, testing::ReplaceOnce(Read(relative), from, to));
  }

  // Runs incrementally (with the caches kept so far) and afresh, and expects the same.
  Outcome ExpectSameAsFresh(const std::string& step) {
    SCOPED_TRACE(step);
    const Outcome incremental = RunOnce(site_, &cache_);
    const Outcome fresh = RunOnce(site_, nullptr);
    EXPECT_EQ(fresh.exit_code, incremental.exit_code);
    EXPECT_EQ(fresh.files.size(), incremental.files.size());
    EXPECT_TRUE(fresh.files == incremental.files) << FirstDifference(incremental, fresh);
    EXPECT_EQ(fresh.diagnostics, incremental.diagnostics);
    EXPECT_EQ(fresh.banner, incremental.banner);
    EXPECT_EQ(fresh.records, incremental.records);
    return incremental;
  }

  testing::TempDir temp_;
  std::string site_;
  PreviewCache cache_;
};

TEST_F(IncrementalPreviewTest, EverySequenceOfEditsGivesWhatAFreshBuildGives) {
  // So that the steps below also replay files that were not read, such as
  // the one whose link breaks when the record it links to is deleted.
  WaitUntilRecordFilesSettle();
  const Outcome first = ExpectSameAsFresh("first build");
  ASSERT_EQ(0, first.exit_code) << first.diagnostics;
  const size_t record_files = cache_.records.size();
  ASSERT_GT(record_files, 20u);
  EXPECT_EQ(record_files, cache_.records.last_parsed());
  const size_t published = first.records;
  EXPECT_EQ(published, cache_.outputs.last_rendered());

  ExpectSameAsFresh("nothing changed");
  EXPECT_EQ(0u, cache_.records.last_parsed());
  EXPECT_EQ(0u, cache_.outputs.last_rendered());
  EXPECT_EQ(0u, cache_.pages.last_rendered());
  const size_t site_wide_pages = cache_.pages.size();
  ASSERT_GT(site_wide_pages, 15u);  // home, lists, 404, data, Markdown and filter pages

  Edit("records/bin-copy-3.yaml", "  name: Bin check copy 3", "  name: Bin check copy three, renamed");
  Outcome edited = ExpectSameAsFresh("a record's name changed");
  EXPECT_EQ(1u, cache_.records.last_parsed());
  EXPECT_EQ(1u, cache_.outputs.last_rendered());
  EXPECT_NE(std::string::npos, edited.files.at("records/bin-copy-3/index.html").find("Bin check copy three, renamed"));
  EXPECT_NE(std::string::npos, edited.files.at("records/index.html").find("Bin check copy three, renamed"));
  // The pages that list or count it, and only those: home, records, data,
  // the dashboard and its service's, phase's and function's filter pages.
  EXPECT_EQ(7u, cache_.pages.last_rendered());
  EXPECT_NE(std::string::npos,
            edited.files.at("records/service/waste-and-recycling/index.html").find("Bin check copy three, renamed"));

  // A warning appears in one record and goes again.
  Edit("records/bin-copy-4.yaml", "  name: Bin check copy 4", "  name: TODO");
  Outcome warned = ExpectSameAsFresh("a placeholder in a record");
  EXPECT_NE(std::string::npos, warned.diagnostics.find("bin-copy-4.yaml")) << warned.diagnostics;
  Edit("records/bin-copy-4.yaml", "  name: TODO", "  name: Bin check copy 4");
  ExpectSameAsFresh("the placeholder replaced");

  Write("records/bin-added.yaml",
        testing::ReplaceOnce(Read("records/bin-copy-0.yaml"), "  name: Bin check copy 0", "  name: Added bin check"));
  Outcome added = ExpectSameAsFresh("a record added");
  EXPECT_EQ(published + 1, added.records);
  EXPECT_EQ(1u, cache_.records.last_parsed());
  EXPECT_EQ(1u, cache_.outputs.last_rendered());
  EXPECT_TRUE(added.files.count("records/bin-added/index.html"));

  fs::remove(site_ + "/records/bin-copy-5.yaml");
  Outcome deleted = ExpectSameAsFresh("a record deleted");
  EXPECT_EQ(published, deleted.records);
  EXPECT_FALSE(deleted.files.count("records/bin-copy-5/index.html"));
  EXPECT_EQ(0u, cache_.outputs.last_rendered());
  EXPECT_EQ(record_files, cache_.records.size());

  // Deleting a record another links to: the other record's file and output
  // did not change, yet its link is now an error.
  const std::string linked = Read("records/consultation-analysis.yaml");
  fs::remove(site_ + "/records/consultation-analysis.yaml");
  Outcome dangling = ExpectSameAsFresh("a linked record deleted");
  EXPECT_EQ(1, dangling.exit_code);
  EXPECT_NE(std::string::npos, dangling.diagnostics.find("staff-ai-assistant.yaml")) << dangling.diagnostics;
  EXPECT_NE(std::string::npos, dangling.diagnostics.find("goes nowhere")) << dangling.diagnostics;
  Write("records/consultation-analysis.yaml", linked);
  EXPECT_EQ(0, ExpectSameAsFresh("the linked record back").exit_code);

  // A broken link written into one record stays an error, at its place, while
  // other records are edited (the link check then replays the kept record's
  // links), and goes once the link is mended.
  Edit("records/bin-copy-9.yaml", "    Some households can have a bigger bin",
       "    See [the old rules](/records/no-such-record/).\n    Some households can have a bigger bin");
  Outcome link_broken = ExpectSameAsFresh("a broken link added to a record");
  EXPECT_EQ(1, link_broken.exit_code);
  EXPECT_NE(std::string::npos, link_broken.diagnostics.find("bin-copy-9.yaml:23:25: error:"))
      << link_broken.diagnostics;
  Edit("records/bin-copy-10.yaml", "  name: Bin check copy 10", "  name: Bin check copy ten");
  Outcome other_edit = ExpectSameAsFresh("another record edited while the link is broken");
  EXPECT_EQ(1u, cache_.records.last_parsed());
  EXPECT_EQ(link_broken.diagnostics, other_edit.diagnostics);
  Edit("records/bin-copy-9.yaml", "/records/no-such-record/", "/records/bin-copy-10/");
  EXPECT_EQ(0, ExpectSameAsFresh("the broken link mended").exit_code);

  // Two records with one id, then fixed.
  const std::string copy6 = Read("records/bin-copy-6.yaml");
  Write("records/bin-copy-6.yaml", "id: bin-copy-7\n" + copy6);
  Outcome duplicate = ExpectSameAsFresh("an id used twice");
  EXPECT_EQ(1, duplicate.exit_code);
  EXPECT_NE(std::string::npos, duplicate.diagnostics.find("is already used by")) << duplicate.diagnostics;
  EXPECT_TRUE(duplicate.files.empty());
  Write("records/bin-copy-6.yaml", "id: bin-copy-6-renamed\n" + copy6);
  Outcome renamed = ExpectSameAsFresh("the id changed to a new one");
  EXPECT_EQ(0, renamed.exit_code) << renamed.diagnostics;
  EXPECT_TRUE(renamed.files.count("records/bin-copy-6-renamed/index.html"));
  Write("records/bin-copy-6.yaml", copy6);
  EXPECT_EQ(0, ExpectSameAsFresh("the id removed again").exit_code);

  // Broken YAML, then fixed.
  const std::string copy8 = Read("records/bin-copy-8.yaml");
  Write("records/bin-copy-8.yaml", "summary: [unclosed\n" + copy8);
  Outcome broken = ExpectSameAsFresh("invalid YAML");
  EXPECT_EQ(1, broken.exit_code);
  EXPECT_NE(std::string::npos, broken.banner.find("records/bin-copy-8.yaml:1:")) << broken.banner;
  ExpectSameAsFresh("invalid YAML, unchanged");  // replayed from the cache
  Write("records/bin-copy-8.yaml", copy8);
  EXPECT_EQ(0, ExpectSameAsFresh("invalid YAML fixed").exit_code);

  // site.yaml: every record is rendered again, none parsed again.
  Edit("site.yaml", "title: How Example Borough Council uses AI", "title: How the Borough uses AI");
  Outcome retitled = ExpectSameAsFresh("site.yaml changed");
  EXPECT_EQ(0u, cache_.records.last_parsed());
  EXPECT_EQ(retitled.records, cache_.outputs.last_rendered());
  EXPECT_EQ(site_wide_pages, cache_.pages.last_rendered());
  EXPECT_NE(std::string::npos, retitled.files.at("records/bin-copy-1/index.html").find("How the Borough uses AI"));
  // A site.yaml change that changes how records load (the review interval
  // decides next_review when a record gives none).
  Edit("site.yaml", "review_interval_months: 12", "review_interval_months: 6");
  ExpectSameAsFresh("review interval changed");
  EXPECT_EQ(0u, cache_.records.last_parsed());
  // Completeness warnings that depend on site.yaml are made again under the
  // new settings (replayed only under the same ones), and go again.
  Edit("records/bin-copy-11.yaml", "  updated: 2026-03-02", "  updated: 2025-10-15");
  Outcome older = ExpectSameAsFresh("a record updated longer ago, within the interval");
  EXPECT_EQ(std::string::npos, older.diagnostics.find("over 1 months ago")) << older.diagnostics;
  Edit("site.yaml", "review_interval_months: 6", "review_interval_months: 1");
  Outcome reviews_due = ExpectSameAsFresh("a review interval that makes reviews due");
  EXPECT_EQ(0u, cache_.records.last_parsed());
  EXPECT_NE(std::string::npos, reviews_due.diagnostics.find("bin-copy-11.yaml:16:12: warning: the record was last "
                                                            "updated on 15 October 2025, over 1 months ago"))
      << reviews_due.diagnostics;
  Edit("site.yaml", "review_interval_months: 1", "review_interval_months: 6");
  Outcome reviews_back = ExpectSameAsFresh("the review interval back");
  EXPECT_EQ(std::string::npos, reviews_back.diagnostics.find("over 1 months ago")) << reviews_back.diagnostics;

  // A page in the navigation: its title is on every record page.
  Edit("pages/governance.md", "title: How we govern AI", "title: Who governs our AI");
  Outcome navigation = ExpectSameAsFresh("a page title in the navigation changed");
  EXPECT_EQ(navigation.records, cache_.outputs.last_rendered());
  EXPECT_NE(std::string::npos, navigation.files.at("records/bin-copy-2/index.html").find("Who governs our AI"));

  // A template override in the site's layouts/, added, changed, removed.
  const std::string record_template =
      testing::ReadFileOrEmpty(testing::SourceDir() + "/themes/default/templates/record.mustache");
  Write("layouts/record.mustache", "<p class=\"override-one\"></p>\n" + record_template);
  Outcome overridden = ExpectSameAsFresh("a template override added");
  EXPECT_EQ(0u, cache_.records.last_parsed());
  EXPECT_EQ(overridden.records, cache_.outputs.last_rendered());
  EXPECT_NE(std::string::npos, overridden.files.at("records/bin-copy-2/index.html").find("override-one"));
  Write("layouts/record.mustache", "<p class=\"override-two\"></p>\n" + record_template);
  Outcome changed = ExpectSameAsFresh("the template override changed");
  EXPECT_NE(std::string::npos, changed.files.at("records/bin-copy-2/index.html").find("override-two"));
  // A broken template: the build fails the same way, and recovers.
  Write("layouts/record.mustache", "{{#record}}\n" + record_template);
  EXPECT_EQ(1, ExpectSameAsFresh("a broken template").exit_code);
  fs::remove(site_ + "/layouts/record.mustache");
  ExpectSameAsFresh("the template override removed");
  EXPECT_EQ(0u, cache_.records.last_parsed());

  // Drafts shown: another key, the same result as afresh.
  Edit("records/bin-copy-9.yaml", "status: published", "status: draft");
  Outcome draft = ExpectSameAsFresh("a record made a draft");
  EXPECT_FALSE(draft.files.count("records/bin-copy-9/index.html"));
}

}  // namespace
}  // namespace lantern
