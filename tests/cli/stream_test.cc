// The streamed build (cli/site_stream.h, what `build` and `check` use) against
// the in-memory one (LoadSite, BuildSite, CheckInternalLinks, what the preview
// uses): the same files byte for byte and the same diagnostics, in text and
// JSON, on the golden sites, the example site, every golden error case and
// generated sites of several batches with errors far apart.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/site_pipeline.h"
#include "testing/test_support.h"

namespace lantern {
namespace {
namespace fs = std::filesystem;

struct Outcome {
  int exit_code = 0;
  std::string printed;  // what went to stderr (and stdout with json)
  OutputTree output;
  size_t record_files = 0, records = 0, built = 0;
};

std::string ReadAll(std::FILE* file) {
  std::rewind(file);
  std::string text;
  char buffer[4096];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) text.append(buffer, n);
  return text;
}

// Small batches: a few dozen records cross batch boundaries as thousands do
// with the real batch, at a cost the sanitizer build can carry.
constexpr size_t kTestBatch = 16;

Outcome RunOn(const std::string& site, bool stream, bool json = false, bool drafts = false) {
  std::FILE* err = std::tmpfile();
  std::FILE* out = std::tmpfile();
  PipelineOptions options;
  options.stream = stream;
  options.stream_batch = kTestBatch;
  options.include_drafts = drafts;
  options.report.json = json;
  options.report.out = out;
  PipelineResult result;
  RunPipeline(site, options, err, &result);
  Outcome outcome;
  outcome.exit_code = result.exit_code;
  outcome.printed = ReadAll(err) + ReadAll(out);
  std::fclose(err);
  std::fclose(out);
  for (const auto& [path, bytes] : result.output) outcome.output[path] = *bytes;
  outcome.record_files = result.site.record_files;
  outcome.records = result.site.records.size();
  outcome.built = result.built.size();
  return outcome;
}

size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// Both paths on `site`, compared; returns the streamed outcome.
Outcome ExpectSame(const std::string& site, bool drafts = false) {
  Outcome memory = RunOn(site, false, false, drafts);
  Outcome streamed = RunOn(site, true, false, drafts);
  EXPECT_EQ(memory.exit_code, streamed.exit_code) << site;
  EXPECT_EQ(memory.printed, streamed.printed) << site;
  EXPECT_EQ(memory.record_files, streamed.record_files) << site;
  EXPECT_EQ(memory.records, streamed.records) << site;
  // On errors the streamed build has rendered records before it knew; the
  // files are never shown (a failed build writes nothing).
  if (memory.exit_code == 0) {
    EXPECT_EQ(memory.built, streamed.built) << site;
  }
  EXPECT_EQ(memory.output.size(), streamed.output.size()) << site;
  for (const auto& [path, bytes] : memory.output) {
    auto it = streamed.output.find(path);
    if (it == streamed.output.end()) {
      ADD_FAILURE() << site << ": the streamed build has no " << path;
      continue;
    }
    EXPECT_TRUE(bytes == it->second) << site << ": " << path << " differs:\n"
                                     << testing::LineDiff(bytes, it->second);
  }
  Outcome memory_json = RunOn(site, false, true, drafts);
  Outcome streamed_json = RunOn(site, true, true, drafts);
  EXPECT_EQ(memory_json.printed, streamed_json.printed) << site;
  return streamed;
}

TEST(StreamedBuildTest, SameAsInMemoryOnGoldenSitesAndExampleSite) {
  // bilingual: both paths build its editions in memory (site_pipeline.cc), the same way.
  for (const std::string name : {"basic", "bilingual", "published-records"}) {
    const Outcome o = ExpectSame(testing::SourceDir() + "/tests/golden/sites/" + name + "/input");
    EXPECT_EQ(0, o.exit_code) << o.printed;
    EXPECT_FALSE(o.output.empty());
  }
  const Outcome example = ExpectSame(testing::SourceDir() + "/content");
  EXPECT_EQ(0, example.exit_code) << example.printed;
  EXPECT_GT(example.records, 5u);
  // With drafts the draft record is rendered too.
  const Outcome drafts = ExpectSame(testing::SourceDir() + "/content", true);
  EXPECT_EQ(example.records + 1, drafts.records);
}

TEST(StreamedBuildTest, SameAsInMemoryOnEveryGoldenErrorCase) {
  const std::string errors = testing::SourceDir() + "/tests/golden/errors";
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(errors)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_directory() || name[0] == '_') continue;
    // Cases needing links or deletions are set up by golden_errors_test; the
    // plain overlays are enough here.
    if (fs::exists(entry.path() / "input/.symlinks")) continue;
    testing::TempDir temp;
    const std::string site = temp.path() + "/site";
    testing::WriteTree(site, testing::ReadTree(errors + "/_base"));
    testing::WriteTree(site, testing::ReadTree(entry.path().string() + "/input"));
    if (fs::exists(site + "/.delete")) {
      std::istringstream lines(testing::ReadFileOrEmpty(site + "/.delete"));
      for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) fs::remove(site + "/" + line);
      }
      fs::remove(site + "/.delete");
    }
    SCOPED_TRACE(name);
    ExpectSame(site);
    ++cases;
  }
  EXPECT_GT(cases, 50);
}

// The example site plus `n` copies of its records (gen-0000.yaml, …), each
// with its own name; links in the copies point at the example's records.
std::string GeneratedSite(const testing::TempDir& temp, int n) {
  const std::string site = temp.path() + "/site";
  const std::string content = testing::SourceDir() + "/content";
  testing::WriteTree(site, testing::ReadTree(content));
  std::vector<std::string> sources;
  for (const auto& entry : fs::directory_iterator(content + "/records")) sources.push_back(entry.path().string());
  std::sort(sources.begin(), sources.end());
  for (int i = 0; i < n; ++i) {
    std::istringstream lines(testing::ReadFileOrEmpty(sources[static_cast<size_t>(i) % sources.size()]));
    std::string text;
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("id:", 0) == 0) continue;
      if (line == "status: draft") line = "status: published";
      if (line.rfind("  name: ", 0) == 0) line += " " + std::to_string(i);
      text += line + "\n";
    }
    char name[32];
    std::snprintf(name, sizeof name, "gen-%04d.yaml", i);
    testing::WriteFile(site + "/records/" + name, text);
  }
  return site;
}

// Replaces the first line of a record file that starts with `start`.
void ReplaceLine(const std::string& site, const std::string& file, const std::string& start, const std::string& line) {
  const std::string path = site + "/records/" + file;
  std::string text = testing::ReadFileOrEmpty(path);
  size_t at = text.find("\n" + start);
  ASSERT_NE(std::string::npos, at) << file;
  ++at;
  text.replace(at, text.find('\n', at) - at, line);
  testing::WriteFile(path, text);
}

// Puts `lines` right after the first line of a record file.
void AddLines(const std::string& site, const std::string& file, const std::string& lines) {
  const std::string path = site + "/records/" + file;
  std::string text = testing::ReadFileOrEmpty(path);
  const size_t first = text.find('\n') + 1;
  text.insert(first, lines);
  testing::WriteFile(path, text);
}

TEST(StreamedBuildTest, SameAsInMemoryOnALargeValidSiteWithIdsOutOfFileOrder) {
  testing::TempDir temp;
  const std::string site = GeneratedSite(temp, 60);  // three batches and more
  // "id:" puts records far from their file names' places in records.json.
  AddLines(site, "gen-0007.yaml", "id: aaa-first\n");
  AddLines(site, "gen-0010.yaml", "id: zzz-last\n");
  AddLines(site, "gen-0059.yaml", "id: gen-0001x\n");
  // A file name that sorts before its id's neighbours ('-' < '.').
  fs::rename(site + "/records/gen-0020.yaml", site + "/records/gen-002.yaml");
  const Outcome o = ExpectSame(site);
  EXPECT_EQ(0, o.exit_code) << o.printed;
  EXPECT_EQ(74u, o.record_files);
  const std::string& json = o.output.at("records.json");
  const size_t first = json.find("\"id\": \"aaa-first\""), last = json.find("\"id\": \"zzz-last\"");
  ASSERT_NE(std::string::npos, first);
  ASSERT_NE(std::string::npos, last);
  EXPECT_LT(first, json.find("\"id\": \"gen-0000\""));
  EXPECT_GT(last, json.find("\"id\": \"staff-ai-assistant\""));
}

TEST(StreamedBuildTest, SameDiagnosticsWithErrorsSpreadAcrossRecords) {
  testing::TempDir temp;
  const std::string site = GeneratedSite(temp, 70);
  // Duplicate ids far apart in reading order: an early record takes the id of
  // a late one whose id comes from its file name (the early one gets the error,
  // naming the late file), and two late records set the same id.
  AddLines(site, "gen-0003.yaml", "id: gen-0065\n");
  AddLines(site, "gen-0040.yaml", "id: twice\n");
  AddLines(site, "gen-0069.yaml", "id: twice\n");
  // A service not in site.yaml's list, in a record that is also a duplicate
  // loser (only the duplicate is reported) and in one that is not.
  AddLines(site, "gen-0052.yaml", "id: gen-0010\n");
  ReplaceLine(site, "gen-0052.yaml", "service: ", "service: Nowhere");
  ReplaceLine(site, "gen-0034.yaml", "service: ", "service: Nowhere");
  // An invalid record in the middle.
  testing::WriteFile(site + "/records/gen-0033.yaml", "summary: [unclosed\n");
  const Outcome o = ExpectSame(site);
  EXPECT_EQ(1, o.exit_code);
  EXPECT_NE(std::string::npos, o.printed.find("gen-0003.yaml:2:5: error: id \"gen-0065\" is already used by"));
  EXPECT_NE(std::string::npos, o.printed.find("gen-0069.yaml:2:5: error: id \"twice\" is already used by"));
  EXPECT_NE(std::string::npos, o.printed.find("gen-0034.yaml:")) << o.printed;
  EXPECT_NE(std::string::npos, o.printed.find("service \"Nowhere\" is not in site.yaml's services"));
  EXPECT_NE(std::string::npos, o.printed.find("gen-0052.yaml:2:5: error: id \"gen-0010\" is already used by"));
  EXPECT_EQ(1u, Count(o.printed, "service \"Nowhere\" is not in"));
  EXPECT_NE(std::string::npos, o.printed.find("gen-0033.yaml:1:"));
  EXPECT_TRUE(o.output.empty());
}

TEST(StreamedBuildTest, SameDiagnosticsForABrokenLinkInALateRecord) {
  testing::TempDir temp;
  const std::string site = GeneratedSite(temp, 52);
  // Its page is rendered long after the early records' are dropped; the link
  // check still shows its line.
  std::string text = testing::ReadFileOrEmpty(site + "/records/gen-0049.yaml");
  const std::string key = "\n  description: |\n";
  const size_t at = text.find(key);
  ASSERT_NE(std::string::npos, at);
  text.insert(at + key.size(), "    See [the other tool](/records/gen-9999/) and [this](#nowhere).\n\n");
  testing::WriteFile(site + "/records/gen-0049.yaml", text);
  // And one in a page.
  testing::WriteFile(site + "/pages/governance.md",
                     testing::ReadFileOrEmpty(site + "/pages/governance.md") + "\nSee [nothing](/records/nothing-here/).\n");
  const Outcome o = ExpectSame(site);
  EXPECT_EQ(1, o.exit_code);
  EXPECT_NE(std::string::npos, o.printed.find("pages/governance.md:"));
  EXPECT_NE(std::string::npos, o.printed.find("gen-0049.yaml:22:")) << o.printed;
  EXPECT_NE(std::string::npos, o.printed.find("\"/records/gen-9999/\" goes nowhere"));
  EXPECT_NE(std::string::npos, o.printed.find("names the section #nowhere"));
}

TEST(StreamedBuildTest, AFailedStreamedBuildWritesNothing) {
  testing::TempDir temp;
  const std::string site = GeneratedSite(temp, 300);
  // The error is in the last batch read: earlier batches' files were already
  // staged when it was found.
  testing::WriteFile(site + "/records/gen-0299.yaml", "summary:\n  name: [\n");
  BuildOptions options;
  options.site = site;
  options.output = temp.path() + "/out";
  std::FILE* err = std::tmpfile();
  EXPECT_EQ(1, RunBuild(options, err));
  const std::string printed = ReadAll(err);
  std::fclose(err);
  EXPECT_NE(std::string::npos, printed.find("nothing was written")) << printed;
  EXPECT_FALSE(fs::exists(options.output));
  // Nor anything beside it (the staging folder is gone).
  for (const auto& entry : fs::directory_iterator(temp.path())) {
    EXPECT_EQ(std::string::npos, entry.path().filename().string().find("lantern-new")) << entry.path();
  }
}

TEST(StreamedBuildTest, AnUnreadableRecordIsASystemErrorOnBothPaths) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads every file";
  testing::TempDir temp;
  const std::string site = GeneratedSite(temp, 20);
  const std::string locked = site + "/records/gen-0010.yaml";
  ASSERT_EQ(0, chmod(locked.c_str(), 0));
  const Outcome memory = RunOn(site, false), streamed = RunOn(site, true);
  chmod(locked.c_str(), 0644);
  EXPECT_EQ(2, memory.exit_code);
  EXPECT_EQ(2, streamed.exit_code);
  EXPECT_EQ(memory.printed, streamed.printed);
  EXPECT_TRUE(streamed.output.empty());
}

TEST(StreamedBuildTest, TemplateErrorsAreShownOnlyWithoutContentErrors) {
  testing::TempDir temp;
  const std::string site = GeneratedSite(temp, 280);
  testing::WriteFile(site + "/layouts/record.mustache", "{{#record}}<h1>{{name}}</h1>\n");
  const Outcome template_only = ExpectSame(site);
  EXPECT_EQ(1, template_only.exit_code);
  EXPECT_NE(std::string::npos, template_only.printed.find("layouts/record.mustache")) << template_only.printed;
  // With a content error in a late record, the template is not reported.
  testing::WriteFile(site + "/records/gen-0270.yaml", "summary: [\n");
  const Outcome both = ExpectSame(site);
  EXPECT_EQ(1, both.exit_code);
  EXPECT_NE(std::string::npos, both.printed.find("gen-0270.yaml"));
}

TEST(StreamedBuildTest, NotASiteAndEmptySite) {
  testing::TempDir temp;
  const Outcome missing = ExpectSame(temp.path() + "/nowhere");
  EXPECT_EQ(2, missing.exit_code);
  fs::create_directories(temp.path() + "/empty");
  const Outcome no_config = ExpectSame(temp.path() + "/empty");
  EXPECT_EQ(2, no_config.exit_code);
  // site.yaml only: no records folder, no pages.
  testing::WriteFile(temp.path() + "/bare/site.yaml", testing::ReadFileOrEmpty(testing::SourceDir() + "/content/site.yaml"));
  ExpectSame(temp.path() + "/bare");
  // A records folder with no records: records.json is the empty list.
  fs::create_directories(temp.path() + "/bare/records");
  const Outcome none = ExpectSame(temp.path() + "/bare");
  if (none.exit_code == 0) {
    EXPECT_NE(std::string::npos, none.output.at("records.json").find("[]"));
  }
}

}  // namespace
}  // namespace lantern
