// `lantern init` and `lantern new`, run as a user runs them.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <sstream>

#include "testing/test_support.h"

namespace lantern {
namespace {
namespace fs = std::filesystem;
using testing::RunLantern;

std::string Quoted(const std::string& path) { return "'" + path + "'"; }

int CountOf(const std::string& text, const std::string& needle) {
  int n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(InitTest, FreshSiteChecksWithAWarningPerPlaceholderAndBuilds) {
  testing::TempDir temp;
  const std::string site = temp.path() + "/my-site";
  testing::RunResult init = RunLantern("init " + Quoted(site));
  ASSERT_EQ(0, init.exit_code) << init.output;
  const auto files = testing::ReadTree(site);
  for (const char* page : {"site.yaml", "pages/index.md", "pages/ai-policy.md", "pages/governance.md",
                           "pages/what-we-will-not-use-ai-for.md", "pages/how-to-object.md", "pages/privacy.md",
                           "pages/accessibility.md"}) {
    EXPECT_TRUE(files.count(page)) << page;
  }
  int records = 0, markers = 0;
  for (const auto& [path, text] : files) {
    records += path.rfind("records/", 0) == 0;
    const std::regex marker("\\bTODO\\b");
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) markers += std::regex_search(line, marker);
  }
  EXPECT_EQ(1, records);

  testing::RunResult check = RunLantern("check " + Quoted(site));
  EXPECT_EQ(0, check.exit_code) << check.output;
  EXPECT_NE(std::string::npos, check.output.find(": 0 errors,")) << check.output;
  // One warning per line holding a placeholder; the templates have one per line.
  EXPECT_EQ(markers, CountOf(check.output, "placeholder still to fill in")) << check.output;
  EXPECT_NE(std::string::npos, check.output.find("site.yaml:11:")) << check.output;

  testing::RunResult build = RunLantern("build " + Quoted(site));
  EXPECT_EQ(0, build.exit_code) << build.output;
  EXPECT_TRUE(fs::exists(site + "/public/index.html"));
  EXPECT_TRUE(fs::exists(site + "/public/records/road-defect-detection/index.html"));
}

TEST(InitTest, BilingualSiteHasATranslationBesideEachFileAndBuildsBothLanguages) {
  testing::TempDir temp;
  const std::string site = temp.path() + "/safle";
  testing::RunResult init = RunLantern("init " + Quoted(site) + " --languages cy,en");
  ASSERT_EQ(0, init.exit_code) << init.output;
  const auto files = testing::ReadTree(site);
  EXPECT_NE(std::string::npos, files.at("site.yaml").find("\nlanguages: [cy, en]\n"));
  EXPECT_EQ(std::string::npos, files.at("site.yaml").find("\nlanguage: en"));
  int originals = 0;
  for (const auto& [path, text] : files) {
    const bool content = path.rfind("records/", 0) == 0 || path.rfind("pages/", 0) == 0;
    if (!content || path.find(".cy.") != std::string::npos) continue;
    ++originals;
    const std::string extension = path.substr(path.rfind('.'));
    const std::string translation = path.substr(0, path.size() - extension.size()) + ".cy" + extension;
    ASSERT_TRUE(files.count(translation)) << path << " has no " << translation;
    EXPECT_NE(std::string::npos, files.at(translation).find("translation:\n")) << translation;
  }
  EXPECT_EQ(8, originals);  // the record, six policy pages and the home introduction

  // Every translation is checked against its original without an error; the
  // TODOs are warnings, so the site builds at once, in both languages.
  testing::RunResult check = RunLantern("check " + Quoted(site));
  EXPECT_EQ(0, check.exit_code) << check.output;
  EXPECT_NE(std::string::npos, check.output.find(": 0 errors,")) << check.output;
  EXPECT_NE(std::string::npos, check.output.find("records/road-defect-detection.cy.yaml:")) << check.output;
  testing::RunResult build = RunLantern("build " + Quoted(site));
  EXPECT_EQ(0, build.exit_code) << build.output;
  for (const char* page : {"index.html", "en/index.html", "records/road-defect-detection/index.html",
                           "en/records/road-defect-detection/index.html", "pages/ai-policy/index.html",
                           "en/pages/ai-policy/index.html"}) {
    EXPECT_TRUE(fs::exists(site + "/public/" + page)) << page;
  }
  EXPECT_NE(std::string::npos,
            testing::ReadFileOrEmpty(site + "/public/en/index.html").find("hreflang=\"cy\" lang=\"cy\">Cymraeg</a>"));

  // A new record on the site comes with its translation; neither is written
  // when the translation's name is taken.
  testing::RunResult added = RunLantern("new record parking-check --site " + Quoted(site));
  ASSERT_EQ(0, added.exit_code) << added.output;
  EXPECT_TRUE(fs::exists(site + "/records/parking-check.yaml"));
  EXPECT_TRUE(fs::exists(site + "/records/parking-check.cy.yaml"));
  testing::WriteFile(site + "/records/bus-check.cy.yaml", "taken");
  testing::RunResult refused = RunLantern("new record bus-check --site " + Quoted(site));
  EXPECT_EQ(2, refused.exit_code) << refused.output;
  EXPECT_NE(std::string::npos, refused.output.find("bus-check.cy.yaml already exists")) << refused.output;
  EXPECT_FALSE(fs::exists(site + "/records/bus-check.yaml"));
  fs::remove(site + "/records/bus-check.cy.yaml");
  testing::RunResult page = RunLantern("new page complaints --site " + Quoted(site));
  ASSERT_EQ(0, page.exit_code) << page.output;
  EXPECT_TRUE(fs::exists(site + "/pages/complaints.cy.md"));
  testing::RunResult again = RunLantern("check " + Quoted(site));
  EXPECT_EQ(0, again.exit_code) << again.output;
}

TEST(InitTest, RefusesLanguagesWithoutEnglishOrWithABadTagAndWritesNothing) {
  testing::TempDir temp;
  for (const std::string languages : {"cy", "cy,ga", "cy,en,en", "cy,e_n"}) {
    const std::string site = temp.path() + "/s";
    testing::RunResult r = RunLantern("init " + Quoted(site) + " --languages " + languages);
    EXPECT_EQ(2, r.exit_code) << languages << ": " << r.output;
    EXPECT_FALSE(fs::exists(site + "/site.yaml")) << languages;
  }
}

TEST(InitTest, RefusesANonEmptyFolderAndWritesNothing) {
  testing::TempDir temp;
  testing::WriteFile(temp.path() + "/notes.txt", "mine");
  testing::RunResult r = RunLantern("init " + Quoted(temp.path()));
  EXPECT_EQ(2, r.exit_code);
  EXPECT_NE(std::string::npos, r.output.find("not empty")) << r.output;
  EXPECT_EQ(1u, testing::ReadTree(temp.path()).size());
  EXPECT_EQ(2, RunLantern("init " + Quoted(temp.path() + "/notes.txt")).exit_code);
  EXPECT_NE(0, RunLantern("init").exit_code);
}

// Replaces each placeholder the way an author would: a real value in place
// of "TODO: …", and no TODO comments.
std::string FillIn(std::string text) {
  text = std::regex_replace(text, std::regex("(appeals_and_review: \\|\n +)TODO: [^\n]*"),
                            "$1Use the form on this page to ask for a review.");
  text = std::regex_replace(text, std::regex("  # TODO:[^\n]*"), "");
  text = std::regex_replace(text, std::regex("TODO: "), "Filled in ");
  text = std::regex_replace(text, std::regex("(website_url|assessment_url|url): N/A"),
                            "$1: https://www.example.gov.uk/tool");
  text = std::regex_replace(text, std::regex("contact_email: N/A"), "contact_email: team@example.gov.uk");
  return text;
}

class NewRecordTest : public ::testing::TestWithParam<const char*> {};

TEST_P(NewRecordTest, PlaceholdersAreReportedUntilFilledIn) {
  testing::TempDir temp;
  const std::string site = temp.path() + "/site";
  ASSERT_EQ(0, RunLantern("init " + Quoted(site)).exit_code);
  fs::remove(site + "/records/road-defect-detection.yaml");
  testing::RunResult made = RunLantern(std::string("new record parking-check --version ") + GetParam(), site);
  ASSERT_EQ(0, made.exit_code) << made.output;
  const std::string path = site + "/records/parking-check.yaml";
  const std::string text = testing::ReadFileOrEmpty(path);
  EXPECT_NE(std::string::npos, text.find(std::string("atrs_version: \"") + GetParam() + "\""));
  EXPECT_NE(std::string::npos, text.find("# (required) The everyday name of the tool"));
  // ATRS order: summary before owner before risks.
  EXPECT_LT(text.find("\nsummary:"), text.find("\nowner:"));
  EXPECT_LT(text.find("\nowner:"), text.find("\nrisks:"));

  testing::RunResult check = RunLantern("check --strict", site);
  EXPECT_EQ(1, check.exit_code) << check.output;
  EXPECT_NE(std::string::npos, check.output.find("records/parking-check.yaml")) << check.output;
  EXPECT_NE(std::string::npos, check.output.find("placeholder still to fill in")) << check.output;

  testing::WriteFile(path, FillIn(text));
  check = RunLantern("check", site);
  EXPECT_EQ(0, check.exit_code) << check.output;
  EXPECT_EQ(std::string::npos, check.output.find("records/parking-check.yaml")) << check.output;
}

INSTANTIATE_TEST_SUITE_P(Versions, NewRecordTest, ::testing::Values("4.0", "3.0"));

TEST(NewTest, RefusesBadIdsExistingFilesUnknownVersionsAndNonSites) {
  testing::TempDir temp;
  const std::string site = temp.path() + "/site";
  ASSERT_EQ(0, RunLantern("init " + Quoted(site)).exit_code);
  testing::RunResult r = RunLantern("new record Parking_Check", site);
  EXPECT_EQ(2, r.exit_code);
  EXPECT_NE(std::string::npos, r.output.find("not a valid record name")) << r.output;
  r = RunLantern("new record road-defect-detection --site " + Quoted(site));
  EXPECT_EQ(2, r.exit_code);
  EXPECT_NE(std::string::npos, r.output.find("already exists")) << r.output;
  EXPECT_EQ(2, RunLantern("new record ok-id --version 5.0", site).exit_code);
  EXPECT_EQ(2, RunLantern("new record ok-id", temp.path()).exit_code);
  EXPECT_FALSE(fs::exists(temp.path() + "/records"));
  EXPECT_EQ(2, RunLantern("new page ai-policy", site).exit_code);
  EXPECT_EQ(2, RunLantern("new page index", site).exit_code);
  // From inside the site's records folder, the site is found.
  testing::RunResult inside = RunLantern("new record from-inside", site + "/records");
  EXPECT_EQ(0, inside.exit_code) << inside.output;
  EXPECT_TRUE(fs::exists(site + "/records/from-inside.yaml"));
}

TEST(NewTest, NewPageIsReportedUntilFilledIn) {
  testing::TempDir temp;
  const std::string site = temp.path() + "/site";
  ASSERT_EQ(0, RunLantern("init " + Quoted(site)).exit_code);
  ASSERT_EQ(0, RunLantern("new page contact-us --site " + Quoted(site)).exit_code);
  const std::string path = site + "/pages/contact-us.md";
  testing::RunResult check = RunLantern("check", site);
  EXPECT_NE(std::string::npos, check.output.find("pages/contact-us.md:3:")) << check.output;
  testing::WriteFile(path, FillIn(testing::ReadFileOrEmpty(path)));
  check = RunLantern("check", site);
  EXPECT_EQ(0, check.exit_code) << check.output;
  EXPECT_EQ(std::string::npos, check.output.find("contact-us.md")) << check.output;
}

}  // namespace
}  // namespace lantern

namespace lantern {
namespace {

TEST(ReportModesTest, JsonGoesToStandardOutputAndStrictFailsTheBuild) {
  testing::TempDir temp;
  const std::string site = temp.path() + "/site";
  ASSERT_EQ(0, RunLantern("init " + Quoted(site)).exit_code);
  testing::RunResult json = RunLantern("check --format json " + Quoted(site) + " 2>/dev/null");
  EXPECT_EQ(0, json.exit_code);
  ASSERT_FALSE(json.output.empty());
  EXPECT_EQ('[', json.output[0]) << json.output;
  EXPECT_NE(std::string::npos, json.output.find("\"code\": \"L060\"")) << json.output;
  EXPECT_EQ(2, RunLantern("check --format xml " + Quoted(site)).exit_code);

  testing::RunResult strict = RunLantern("build --strict " + Quoted(site));
  EXPECT_EQ(1, strict.exit_code) << strict.output;
  EXPECT_NE(std::string::npos, strict.output.find("nothing was written")) << strict.output;
  EXPECT_FALSE(fs::exists(site + "/public"));
}

}  // namespace
}  // namespace lantern
