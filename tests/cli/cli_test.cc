// The lantern binary, run as a user runs it.
#include <gtest/gtest.h>

#include <ctime>
#include <filesystem>

#include "feedback/store.h"
#include "model/date.h"
#include "model/working_days.h"
#include "testing/test_support.h"

namespace lantern {
namespace {
namespace fs = std::filesystem;
using testing::RunLantern;

std::string Quoted(const std::string& path) { return "'" + path + "'"; }

// A copy of the example site in a temporary folder.
void CopyExampleSite(const std::string& to) {
  fs::copy(testing::SourceDir() + "/content", to, fs::copy_options::recursive);
  fs::remove_all(to + "/public");
}

TEST(CliTest, HelpListsOnlyImplementedCommands) {
  testing::RunResult r = RunLantern("--help");
  EXPECT_EQ(0, r.exit_code);
  EXPECT_NE(std::string::npos, r.output.find("build"));
  EXPECT_NE(std::string::npos, r.output.find("check"));
  EXPECT_EQ(0, RunLantern("build --help").exit_code);
}

TEST(CliTest, MisspeltCommandSuggestsTheRightOne) {
  testing::RunResult r = RunLantern("bulid");
  EXPECT_EQ(2, r.exit_code);
  EXPECT_NE(std::string::npos, r.output.find("unknown command \"bulid\" (did you mean \"build\"?)")) << r.output;
  EXPECT_EQ(2, RunLantern("build --bogus").exit_code);
}

TEST(CliTest, ExampleSiteChecksClean) {
  testing::RunResult r = RunLantern("check " + Quoted(testing::SourceDir() + "/content"));
  EXPECT_EQ(0, r.exit_code) << r.output;
  EXPECT_NE(std::string::npos, r.output.find(": 0 errors, 0 warnings")) << r.output;
}

TEST(CliTest, NotASiteIsAUsageError) {
  testing::TempDir temp;
  testing::RunResult r = RunLantern("check " + Quoted(temp.path()));
  EXPECT_EQ(2, r.exit_code);
  EXPECT_NE(std::string::npos, r.output.find("has no site.yaml")) << r.output;
  EXPECT_EQ(2, RunLantern("check " + Quoted(temp.path() + "/missing")).exit_code);
}

// "built N pages (R records, F files)" counts what was written: every
// language's pages of a bilingual site, its shared files once.
TEST(CliTest, TheBuildSummaryCountsTheFilesWrittenInEveryLanguage) {
  for (const std::string& site :
       {testing::SourceDir() + "/content", testing::SourceDir() + "/tests/golden/sites/bilingual/input"}) {
    testing::TempDir temp;
    const testing::RunResult run = RunLantern("build " + Quoted(site) + " -o " + Quoted(temp.path() + "/out"));
    ASSERT_EQ(0, run.exit_code) << run.output;
    const auto built = testing::ReadTree(temp.path() + "/out");
    size_t html = 0;
    for (const auto& [path, bytes] : built) html += path.size() > 5 && path.ends_with(".html") ? 1 : 0;
    EXPECT_NE(std::string::npos, run.output.find("built " + std::to_string(html) + " pages (")) << site << "\n" << run.output;
    EXPECT_NE(std::string::npos, run.output.find(", " + std::to_string(built.size()) + " files) into")) << site << "\n"
                                                                                                     << run.output;
  }
}

// The home page's introduction (pages/index.md) says, as any page does, when
// it has no translation, and marks the original's language.
TEST(CliTest, AnUntranslatedHomeIntroductionSaysSoInTheOtherLanguage) {
  testing::TempDir temp;
  const std::string site = temp.path() + "/site";
  fs::copy(testing::SourceDir() + "/tests/golden/sites/bilingual/input", site, fs::copy_options::recursive);
  ASSERT_TRUE(fs::remove(site + "/pages/index.cy.md"));
  const testing::RunResult run = RunLantern("build " + Quoted(site) + " -o " + Quoted(temp.path() + "/out"));
  ASSERT_EQ(0, run.exit_code) << run.output;
  const std::string welsh = testing::ReadFileOrEmpty(temp.path() + "/out/index.html");
  EXPECT_NE(std::string::npos, welsh.find("<p>Nid yw&#39;r dudalen hon wedi&#39;i chyfieithu eto.")) << welsh;
  EXPECT_NE(std::string::npos, welsh.find("<div class=\"prose prose--intro\" lang=\"en\">")) << welsh;
  const std::string english = testing::ReadFileOrEmpty(temp.path() + "/out/en/index.html");
  EXPECT_EQ(std::string::npos, english.find("translation-note")) << english;
  EXPECT_NE(std::string::npos, english.find("<div class=\"prose prose--intro\">")) << english;
}

TEST(CliTest, BuildWritesEveryPageOfTheExampleSiteAndRebuildsIdentically) {
  testing::TempDir temp;
  const std::string site = temp.path() + "/site";
  CopyExampleSite(site);
  testing::RunResult first = RunLantern("build " + Quoted(site));
  ASSERT_EQ(0, first.exit_code) << first.output;
  const auto built = testing::ReadTree(site + "/public");
  for (const char* page : {"index.html", "records/index.html", "404.html", "assets/style.css"}) {
    EXPECT_TRUE(built.count(page)) << page;
  }
  for (const auto& entry : fs::directory_iterator(site + "/records")) {
    const std::string id = entry.path().stem().string();
    const bool draft = testing::ReadFileOrEmpty(entry.path().string()).find("\nstatus: draft") != std::string::npos;
    EXPECT_EQ(!draft, built.count("records/" + id + "/index.html") == 1) << id;
  }
  for (const auto& entry : fs::directory_iterator(site + "/pages")) {
    const std::string slug = entry.path().stem().string();
    if (slug != "index") {
      EXPECT_TRUE(built.count("pages/" + slug + "/index.html")) << slug;
    }
  }
  ASSERT_EQ(0, RunLantern("build " + Quoted(site) + " -o " + Quoted(temp.path() + "/second")).exit_code);
  EXPECT_TRUE(built == testing::ReadTree(temp.path() + "/second"));
}

TEST(CliTest, FailedBuildLeavesTheExistingOutputUntouched) {
  testing::TempDir temp;
  const std::string site = temp.path() + "/site";
  CopyExampleSite(site);
  ASSERT_EQ(0, RunLantern("build " + Quoted(site)).exit_code);
  const auto before = testing::ReadTree(site + "/public");
  const std::string record = site + "/records/larger-bin-check.yaml";
  testing::WriteFile(record, testing::ReadFileOrEmpty(record) + "\nbogus_field: 1\n");
  testing::RunResult r = RunLantern("build " + Quoted(site));
  EXPECT_EQ(1, r.exit_code);
  EXPECT_NE(std::string::npos, r.output.find("unknown field \"bogus_field\"")) << r.output;
  EXPECT_NE(std::string::npos, r.output.find("nothing was written")) << r.output;
  EXPECT_TRUE(before == testing::ReadTree(site + "/public"));
  EXPECT_EQ(1, std::distance(fs::directory_iterator(temp.path()), fs::directory_iterator()));  // site, no leftovers
  for (const auto& entry : fs::directory_iterator(site)) {
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(name == "site.yaml" || name == "records" || name == "pages" || name == "public") << "left over: " << name;
  }
}

TEST(CliTest, BrokenSiteWritesNoOutputFolder) {
  testing::TempDir temp;
  const std::string site = temp.path() + "/site";
  CopyExampleSite(site);
  testing::WriteFile(site + "/records/broken.yaml", "summary: [unclosed\n");
  testing::RunResult r = RunLantern("build " + Quoted(site));
  EXPECT_EQ(1, r.exit_code) << r.output;
  EXPECT_FALSE(fs::exists(site + "/public"));
}

TEST(CliTest, RefusesToWriteOverTheSiteOrAForeignFolder) {
  testing::TempDir temp;
  const std::string site = temp.path() + "/site";
  CopyExampleSite(site);
  EXPECT_EQ(2, RunLantern("build " + Quoted(site) + " -o " + Quoted(site)).exit_code);
  EXPECT_EQ(2, RunLantern("build " + Quoted(site) + " -o " + Quoted(temp.path())).exit_code);
  testing::WriteFile(temp.path() + "/documents/report.txt", "precious");
  testing::RunResult r = RunLantern("build " + Quoted(site) + " -o " + Quoted(temp.path() + "/documents"));
  EXPECT_EQ(2, r.exit_code);
  EXPECT_NE(std::string::npos, r.output.find("does not look like an earlier build")) << r.output;
  EXPECT_EQ("precious", testing::ReadFileOrEmpty(temp.path() + "/documents/report.txt"));
  EXPECT_TRUE(fs::exists(site + "/site.yaml"));
}

}  // namespace
}  // namespace lantern

namespace lantern {
namespace {

TEST(CliFeedbackTest, ExportStatsPurgeAndMark) {
  testing::TempDir temp;
  const std::string db = temp.path() + "/feedback.db";
  std::string reference;
  {
    auto store = FeedbackStore::Open(db, FeedbackStore::Mode::kCreate);
    ASSERT_TRUE(store.ok());
    Submission s;
    s.record_id = "bin-check";
    s.request_type = "objection";
    s.message = "=cmd|' /C calc'!A0";
    reference = store.value()->Insert(s, std::time(nullptr) - 60).value().reference;
  }
  testing::RunResult csv = testing::RunLantern("feedback export --db '" + db + "'");
  EXPECT_EQ(0, csv.exit_code) << csv.output;
  EXPECT_NE(std::string::npos, csv.output.find("\n" + reference + ",")) << csv.output;
  EXPECT_NE(std::string::npos, csv.output.find("\"'=cmd|")) << csv.output;
  testing::RunResult json = testing::RunLantern("feedback export --format json --since 2000-01-01 --db '" + db + "'");
  EXPECT_EQ(0, json.exit_code) << json.output;
  EXPECT_NE(std::string::npos, json.output.find("\"reference\": \"" + reference + "\"")) << json.output;
  testing::RunResult future = testing::RunLantern("feedback export --since 2999-01-01 --db '" + db + "'");
  EXPECT_EQ(std::string::npos, future.output.find(reference));
  EXPECT_EQ(2, testing::RunLantern("feedback export --since yesterday --db '" + db + "'").exit_code);
  EXPECT_EQ(2, testing::RunLantern("feedback export --format xml --db '" + db + "'").exit_code);
  EXPECT_EQ(2, testing::RunLantern("feedback export --db '" + temp.path() + "/missing.db'").exit_code);
  testing::RunResult stats = testing::RunLantern("feedback stats --db '" + db + "'");
  EXPECT_EQ(0, stats.exit_code);
  EXPECT_NE(std::string::npos, stats.output.find("objection")) << stats.output;
  EXPECT_NE(std::string::npos, stats.output.find("total 1")) << stats.output;
  EXPECT_EQ(0, testing::RunLantern("feedback mark --db '" + db + "' " + reference + " closed").exit_code);
  EXPECT_EQ(2, testing::RunLantern("feedback mark --db '" + db + "' ABCDEFGH closed").exit_code);
  testing::RunResult keep = testing::RunLantern("feedback purge --db '" + db + "' --older-than 1");
  EXPECT_EQ(0, keep.exit_code) << keep.output;
  EXPECT_NE(std::string::npos, keep.output.find("purged 0 submissions")) << keep.output;
  testing::RunResult purge = testing::RunLantern("feedback purge --db '" + db + "' --older-than 0");
  EXPECT_NE(std::string::npos, purge.output.find("purged 1 submission ")) << purge.output;
  EXPECT_EQ(2, testing::RunLantern("feedback purge --db '" + db + "'").exit_code);
  EXPECT_EQ(2, testing::RunLantern("feedback").exit_code);
}

// A mistyped --db never creates an empty store that then "purges 0".
TEST(CliFeedbackTest, StaffCommandsRefuseAStoreThatDoesNotExist) {
  testing::TempDir temp;
  const std::string typo = temp.path() + "/typo.db";
  for (const std::string command : {"purge --older-than 30", "mark K7MP3XWA closed", "export", "stats"}) {
    testing::RunResult r = testing::RunLantern("feedback " + command + " --db '" + typo + "'");
    EXPECT_EQ(2, r.exit_code) << command;
    EXPECT_NE(std::string::npos, r.output.find("there is no feedback store at " + typo)) << r.output;
    EXPECT_EQ(std::string::npos, r.output.find("purged")) << r.output;
    EXPECT_FALSE(std::filesystem::exists(typo)) << command;
  }
}

}  // namespace
}  // namespace lantern

namespace lantern {
namespace {

// The acceptance case: an objection received 32 days ago and not
// answered shows in `feedback list --overdue` (today is pinned to 2026-01-01
// by SOURCE_DATE_EPOCH); answered ones and ones not yet due do not.
TEST(CliFeedbackTest, ListOverdueShowMarkAndExtend) {
  testing::TempDir temp;
  const std::string db = temp.path() + "/feedback.db";
  const int64_t today = 1767225600;  // 2026-01-01T00:00:00Z
  WorkingCalendar calendar;
  std::string late, answered, recent;
  {
    auto store = std::move(FeedbackStore::Open(db, FeedbackStore::Mode::kCreate).value());
    auto add = [&](const std::string& type, const std::string& message, int64_t received) {
      Submission s;
      s.record_id = "bin-check";
      s.request_type = type;
      s.message = message;
      s.email = "ada@example.org";
      s.due_on = DueDate(type, DateFromEpochSeconds(received), 20, calendar).Iso();
      return store->Insert(s, received).value().reference;
    };
    late = add("objection", "Stop using my data", today - 32 * 86400);
    answered = add("review", "Please review", today - 40 * 86400);
    recent = add("question", "What does it do?", today - 2 * 86400);
    ASSERT_TRUE(store->SetStatus(answered, "answered", "", today - 86400).ok());
  }
  testing::RunResult overdue = testing::RunLantern("feedback list --overdue --db '" + db + "'");
  EXPECT_EQ(0, overdue.exit_code) << overdue.output;
  const size_t at = overdue.output.find(late);
  ASSERT_NE(std::string::npos, at) << overdue.output;
  const std::string line = overdue.output.substr(at, overdue.output.find('\n', at) - at);
  for (const char* part : {" 2025-11-30 ", " objection ", " new ", " 2025-12-30 ", " bin-check ", "OVERDUE"}) {
    EXPECT_NE(std::string::npos, line.find(part)) << part << " in " << line;
  }
  EXPECT_EQ(std::string::npos, overdue.output.find(answered)) << overdue.output;
  EXPECT_EQ(std::string::npos, overdue.output.find(recent)) << overdue.output;
  EXPECT_NE(std::string::npos, overdue.output.find("1 submission\n")) << overdue.output;
  testing::RunResult soon = testing::RunLantern("feedback list --due-within 40 --db '" + db + "'");
  EXPECT_NE(std::string::npos, soon.output.find(recent)) << soon.output;
  EXPECT_NE(std::string::npos, soon.output.find(late)) << soon.output;
  testing::RunResult all = testing::RunLantern("feedback list --status answered --db '" + db + "'");
  EXPECT_NE(std::string::npos, all.output.find(answered)) << all.output;
  EXPECT_EQ(std::string::npos, all.output.find(late)) << all.output;
  EXPECT_EQ(2, testing::RunLantern("feedback list --status done --db '" + db + "'").exit_code);
  // mark with a note, extend, then show the whole story.
  EXPECT_EQ(0, testing::RunLantern("feedback mark --db '" + db + "' " + late + " in_progress --note 'asked the team'")
                   .exit_code);
  testing::RunResult extend =
      testing::RunLantern("feedback extend --db '" + db + "' " + late + " --reason 'complex: several systems'");
  EXPECT_EQ(0, extend.exit_code) << extend.output;
  EXPECT_NE(std::string::npos, extend.output.find("now due on 2026-03-02")) << extend.output;  // 30 Feb → 2 Mar
  EXPECT_EQ(2, testing::RunLantern("feedback extend --db '" + db + "' " + recent + " --reason x").exit_code);
  testing::RunResult show = testing::RunLantern("feedback show --db '" + db + "' " + late);
  EXPECT_EQ(0, show.exit_code) << show.output;
  for (const char* expected : {"due                2025-12-30", "extended to        2026-03-02",
                               "extension reason   complex: several systems", "status             in_progress",
                               "new -> in_progress  asked the team", "Stop using my data"}) {
    EXPECT_NE(std::string::npos, show.output.find(expected)) << expected << "\n" << show.output;
  }
  EXPECT_EQ(2, testing::RunLantern("feedback show --db '" + db + "' ABCDEFGH").exit_code);
  testing::RunResult still = testing::RunLantern("feedback list --overdue --db '" + db + "'");
  EXPECT_EQ(std::string::npos, still.output.find(late)) << still.output;  // extended: no longer overdue
}

}  // namespace
}  // namespace lantern
