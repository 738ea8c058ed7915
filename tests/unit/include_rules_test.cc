// The map of src/ kept true by a test: each folder includes only the folders
// below it (README, "Guide to src/"), each third-party library is included
// by exactly one of our files, and the site's layout is spelt in one place.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "testing/test_support.h"

namespace lantern {
namespace {
namespace fs = std::filesystem;

// Which folders each folder of src/ may include (besides itself).
const std::map<std::string, std::set<std::string>>& AllowedIncludes() {
  static const std::map<std::string, std::set<std::string>> allowed = {
      {"base", {}},
      {"model", {"base"}},
      {"load", {"base", "model"}},
      {"render", {"base", "model"}},
      {"publish", {"base", "model", "load", "render"}},
      {"assemble", {"base", "model", "load", "render", "publish"}},
      {"feedback", {"base"}},
      {"notify", {"base"}},
      {"import", {"base", "model", "load", "publish"}},
      {"server", {"base", "model", "load", "render", "publish", "assemble", "feedback", "notify"}},
      {"cli", {"base", "model", "load", "render", "publish", "assemble", "feedback", "notify", "server", "import"}},
  };
  return allowed;
}

// Each third-party header (its include path's start) and the one file that may include it.
const std::map<std::string, std::string>& OneIncluder() {
  static const std::map<std::string, std::string> includer = {
      {"sqlite3.h", "feedback/sqlite_store.cc"},  {"libpq-fe.h", "feedback/postgres_store.cc"},
      {"curl/", "notify/curl_transport.cc"},      {"openssl/", "base/crypto.cc"},
      {"cmark", "render/markdown.cc"},            {"yaml-cpp/", "load/yaml_reader.cc"},
      {"yaml.h", "load/libyaml_reader.cc"},
      {"CLI/", "cli/cli.cc"},                     {"kainjow/", "render/template.cc"},
      {"httplib.h", "server/http_server.cc"},     {"nlohmann/", "publish/json_writer.cc"},
      {"gumbo.h", "import/html_to_markdown.cc"},
      {"qrencode.h", "publish/qr_code.cc"},
  };
  return includer;
}

struct Include {
  std::string file;  // relative to src/
  std::string target;
  bool quoted;
};

std::vector<Include> IncludesUnderSrc() {
  std::vector<Include> found;
  const fs::path src = testing::SourceDir() + "/src";
  const std::regex include_line(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
  for (const auto& entry : fs::recursive_directory_iterator(src)) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".h" && ext != ".cc") continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      std::smatch m;
      if (std::regex_search(line, m, include_line)) {
        found.push_back({fs::relative(entry.path(), src).string(), m[2].str(), m[1].str() == "\""});
      }
    }
  }
  return found;
}

TEST(IncludeRulesTest, EachFolderIncludesOnlyTheFoldersBelowIt) {
  const std::vector<Include> includes = IncludesUnderSrc();
  ASSERT_GT(includes.size(), 100u);
  for (const Include& include : includes) {
    if (!include.quoted) continue;
    const std::string from = include.file.substr(0, include.file.find('/'));
    if (include.file.find('/') == std::string::npos) continue;  // main.cc may use anything
    const size_t slash = include.target.find('/');
    ASSERT_NE(std::string::npos, slash) << include.file << " includes \"" << include.target << "\" without its folder";
    const std::string to = include.target.substr(0, slash);
    if (to == from) continue;
    const auto rule = AllowedIncludes().find(from);
    ASSERT_NE(AllowedIncludes().end(), rule) << "src/" << from << "/ is not on the map in this test and the README";
    EXPECT_TRUE(rule->second.count(to)) << include.file << " includes " << include.target << ": " << from
                                        << "/ may not depend on " << to << "/";
  }
}

TEST(IncludeRulesTest, EachThirdPartyLibraryIsIncludedByExactlyOneFile) {
  std::map<std::string, std::set<std::string>> includers;
  for (const Include& include : IncludesUnderSrc()) {
    for (const auto& [prefix, owner] : OneIncluder()) {
      if (include.target.rfind(prefix, 0) == 0) includers[prefix].insert(include.file);
    }
  }
  for (const auto& [prefix, owner] : OneIncluder()) {
    EXPECT_EQ(std::set<std::string>{owner}, includers[prefix]) << prefix;
  }
}

// Record addresses are made by model/addresses.h alone: a page, feed or
// data file that spelt "records/" + id itself would go wrong the day the
// layout changes (as translated pages will, under /cy/).
TEST(IncludeRulesTest, OnlyAddressesSpellsWhereARecordIs) {
  const fs::path src = testing::SourceDir() + "/src";
  const std::regex spelt(R"re("records/"\s*\+|\+\s*"records/")re");
  size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(src)) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".h" && ext != ".cc") continue;
    ++files;
    const std::string relative = fs::relative(entry.path(), src).string();
    if (relative == "model/addresses.cc") continue;
    std::ifstream in(entry.path());
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      EXPECT_FALSE(std::regex_search(line, spelt)) << "src/" << relative << ":" << number << ": " << line;
    }
  }
  EXPECT_GT(files, 100u);
}

// The same for the feeds' file name: the server picks the Atom type by
// IsFeedPath, which is only right while every feed is named through
// model/addresses.h (kSiteFeedPath, RecordFeedPath).
TEST(IncludeRulesTest, OnlyAddressesNamesTheFeeds) {
  const fs::path src = testing::SourceDir() + "/src";
  const std::regex spelt(R"re("feed\.xml")re");
  for (const auto& entry : fs::recursive_directory_iterator(src)) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".h" && ext != ".cc") continue;
    const std::string relative = fs::relative(entry.path(), src).string();
    if (relative == "model/addresses.h") continue;
    std::ifstream in(entry.path());
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      EXPECT_FALSE(std::regex_search(line, spelt)) << "src/" << relative << ":" << number << ": " << line;
    }
  }
}

}  // namespace
}  // namespace lantern
