#include <gtest/gtest.h>

#include "assemble/link_checker.h"
#include "assemble/output_sink.h"
#include "assemble/site_builder.h"
#include "assemble/theme.h"
#include "base/file_system.h"
#include "load/site_loader.h"
#include "publish/favicon.h"
#include "testing/test_support.h"

namespace lantern {
namespace {

// The error cases' base site with `changes` made, loaded into `site` and
// `theme`.
void LoadBaseSiteWith(const std::map<std::string, std::string>& changes, Site* site, Theme* theme, Diagnostics* d) {
  MemoryFileSystem fs;
  for (const auto& [path, bytes] : testing::ReadTree(testing::SourceDir() + "/tests/golden/errors/_base")) {
    fs.Add("site/" + path, bytes);
  }
  for (const auto& [path, bytes] : changes) fs.Add("site/" + path, bytes);
  EXPECT_TRUE(LoadSite(fs, "site", {}, site, d).ok());
  EXPECT_TRUE(LoadTheme(EmbeddedFiles(), fs, "site", site->config.language, theme, d)) << d->Format();
}

OutputTree BuildBaseSiteWith(const std::map<std::string, std::string>& changes, Diagnostics* d) {
  Site site;
  Theme theme;
  LoadBaseSiteWith(changes, &site, &theme, d);
  OutputTree output;
  EXPECT_TRUE(BuildSite(site, theme, &output, d)) << d->Format();
  return output;
}

TEST(SiteBuilderTest, HostileTextInAnyFieldIsEscapedOrDropped) {
  const std::string record =
      testing::ReadFileOrEmpty(testing::SourceDir() + "/tests/golden/errors/_base/records/bin-check.yaml");
  std::string hostile = testing::ReplaceOnce(record, "name: Larger bin check", "name: \"<script>alert('name')</script>\"");
  hostile = testing::ReplaceOnce(hostile, "description: We use a simple set of rules to check applications for a larger bin.",
                    "description: \"<img src=x onerror=alert(1)> [click](javascript:alert(2)) <b>bold</b>\"");
  hostile = testing::ReplaceOnce(hostile, "team: Waste Services", "team: \"\\\" onmouseover=\\\"alert(3)\"");
  const std::string page = "---\ntitle: \"<script>alert(4)</script>\"\n---\n<iframe src=x></iframe>\n\n[x](vbscript:y)\n";
  Diagnostics d;
  const OutputTree output = BuildBaseSiteWith({{"records/bin-check.yaml", hostile}, {"pages/about.md", page}}, &d);
  ASSERT_FALSE(output.empty());
  for (const auto& [path, html] : output) {
    // Pages and feeds must never carry live markup; data downloads (JSON, CSV)
    // carry the exact text, which is checked below.
    const bool markup = path.size() > 5 && (path.substr(path.size() - 5) == ".html" || path.substr(path.size() - 4) == ".xml");
    if (!markup) continue;
    EXPECT_EQ(std::string::npos, html.find("<script>alert")) << path;
    EXPECT_EQ(std::string::npos, html.find("<img src=x")) << path;
    EXPECT_EQ(std::string::npos, html.find("<iframe")) << path;
    EXPECT_EQ(std::string::npos, html.find("javascript:")) << path;
    EXPECT_EQ(std::string::npos, html.find("vbscript:")) << path;
    EXPECT_EQ(std::string::npos, html.find("\" onmouseover=\"")) << path;
  }
  EXPECT_NE(std::string::npos, output.at("records.csv").find("<script>alert('name')</script>"));
  const std::string& record_page = output.at("records/bin-check/index.html");
  EXPECT_NE(std::string::npos, record_page.find("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;"));
}

TEST(SiteBuilderTest, ProducesEveryPageKind) {
  Diagnostics d;
  const OutputTree output = BuildBaseSiteWith({}, &d);
  for (const char* path : {"index.html", "records/index.html", "records/bin-check/index.html", "pages/about/index.html",
                           "404.html", "assets/style.css"}) {
    EXPECT_EQ(1u, output.count(path)) << path;
  }
}

// Browsers ask for /favicon.ico on their own: every build has one at the
// root, the theme's unless the site brings its own icon in assets/.
TEST(SiteBuilderTest, AWelshSiteHasWelshSentencesWithTheOrganisationInWelshWordOrder) {
  const std::string site_yaml =
      testing::ReadFileOrEmpty(testing::SourceDir() + "/tests/golden/errors/_base/site.yaml");
  Diagnostics d;
  const OutputTree output =
      BuildBaseSiteWith({{"site.yaml", testing::ReplaceOnce(site_yaml, "language: en", "language: cy")}}, &d);
  ASSERT_FALSE(output.empty());
  const std::string& list = output.at("records/index.html");
  EXPECT_NE(std::string::npos, list.find("<html lang=\"cy\">"));
  // The organisation stands inside the Welsh sentence, not after an English one.
  EXPECT_NE(std::string::npos, list.find("Dyma gofnodion yr offer algorithmig y mae Test Borough Council yn eu defnyddio."));
  EXPECT_NE(std::string::npos, list.find("Cyhoeddwr y wefan: Test Borough Council."));
  EXPECT_EQ(std::string::npos, list.find("These are the records"));
  EXPECT_NE(std::string::npos, output.at("data/index.html").find("Mae 1 cofnod yn y gofrestr."));
  // English stays English, with the same words in the same place.
  const OutputTree english = BuildBaseSiteWith({}, &d);
  EXPECT_NE(std::string::npos,
            english.at("records/index.html").find("These are the records of the algorithmic tools used by Test Borough Council. Each"));
}

TEST(SiteBuilderTest, PublishesAFaviconAtTheRoot) {
  Diagnostics d;
  const OutputTree plain = BuildBaseSiteWith({}, &d);
  EXPECT_EQ(DefaultFaviconIco(), plain.at("favicon.ico"));
  EXPECT_EQ(EmbeddedFiles().ReadFile("themes/default/static/favicon.svg").value(), plain.at("assets/favicon.svg"));
  const OutputTree own = BuildBaseSiteWith({{"assets/favicon.ico", "the council's crest"}}, &d);
  EXPECT_EQ("the council's crest", own.at("favicon.ico"));
  EXPECT_EQ("the council's crest", own.at("assets/favicon.ico"));
  EXPECT_EQ(0, d.error_count()) << d.Format();
}

TEST(SiteBuilderTest, SiteLayoutOverridesTheThemeByName) {
  Diagnostics d;
  const OutputTree output =
      BuildBaseSiteWith({{"layouts/404.mustache", "<p>Custom {{strings.not_found_title}}</p>"}}, &d);
  EXPECT_NE(std::string::npos, output.at("404.html").find("<p>Custom Page not found</p>"));
}

// Each record's row is rendered once, from the site's own record_row when it
// has one, and the records page and the filter pages show the same rows, by
// name (not by id), with the theme's strings.
TEST(SiteBuilderTest, EveryListShowsEachRecordsOneRowByName) {
  const std::string record =
      testing::ReadFileOrEmpty(testing::SourceDir() + "/tests/golden/errors/_base/records/bin-check.yaml");
  const std::string second = testing::ReplaceOnce(record, "name: Larger bin check", "name: Alpha tool");
  Diagnostics d;
  const OutputTree output = BuildBaseSiteWith(
      {{"records/zebra-tool.yaml", second},
       {"layouts/partials/record_row.mustache",
        "<tr data-record-id=\"{{id}}\"><td>ROW {{name}} / {{strings.records_col_service}} / {{url}}</td></tr>"}},
      &d);
  ASSERT_FALSE(d.has_errors()) << d.Format();
  const std::string rows =
      "<tr data-record-id=\"zebra-tool\"><td>ROW Alpha tool / Service / /records/zebra-tool/</td></tr>\n"
      "<tr data-record-id=\"bin-check\"><td>ROW Larger bin check / Service / /records/bin-check/</td></tr>";
  EXPECT_NE(std::string::npos, output.at("records/index.html").find(rows)) << output.at("records/index.html");
  EXPECT_NE(std::string::npos, output.at("records/service/waste-and-recycling/index.html").find(rows));
  EXPECT_NE(std::string::npos, output.at("records/phase/production/index.html").find(rows));
}

TEST(SiteBuilderTest, AListShowingItsRowsOtherThanOnceIsMadeWhole) {
  // The records page and filter pages are written around their rows without
  // holding them whole; a theme that shows rows_html twice, escaped or not at
  // all still gets exactly what it asked for.
  const std::string record =
      testing::ReadFileOrEmpty(testing::SourceDir() + "/tests/golden/errors/_base/records/bin-check.yaml");
  const std::string row = "<tr data-record-id=\"{{id}}\"><td>{{name}}</td></tr>";
  for (const auto& [table, expected] : std::vector<std::pair<std::string, std::string>>{
           {"<table>{{{rows_html}}}</table><table>{{{rows_html}}}</table>",
            "<table><tr data-record-id=\"bin-check\"><td>Larger bin check</td></tr></table>"
            "<table><tr data-record-id=\"bin-check\"><td>Larger bin check</td></tr></table>"},
           {"<pre>{{rows_html}}</pre>",
            "<pre>&lt;tr data-record-id=&quot;bin-check&quot;&gt;&lt;td&gt;Larger bin check&lt;/td&gt;&lt;/tr&gt;</pre>"},
           {"<p>{{#rows_html}}listed{{/rows_html}}</p>", "<p>listed</p>"},
       }) {
    Diagnostics d;
    const OutputTree output = BuildBaseSiteWith(
        {{"records/bin-check.yaml", record}, {"layouts/partials/record_row.mustache", row},
         {"layouts/partials/record_table.mustache", table}},
        &d);
    ASSERT_FALSE(d.has_errors()) << d.Format();
    for (const char* path : {"records/index.html", "records/service/waste-and-recycling/index.html"}) {
      const std::string& html = output.at(path);
      EXPECT_NE(std::string::npos, html.find(expected)) << table << "\n" << html;
      EXPECT_EQ(std::string::npos, html.find("lantern-rows")) << table;
      EXPECT_EQ(std::string::npos, html.find('\x01')) << table;
    }
  }
}

TEST(SiteBuilderTest, AListWrittenInPiecesHoldsEveryRowAndItsIds) {
  // Enough records for the records page to be written in several pieces
  // (StreamListPage's are about 1 MiB): every row once, by name, one per
  // line, the page whole around them, and the rows' ids seen by the links.
  const std::string record =
      testing::ReadFileOrEmpty(testing::SourceDir() + "/tests/golden/errors/_base/records/bin-check.yaml");
  std::map<std::string, std::string> changes;
  const std::string padding(4000, 'x');
  for (int k = 0; k < 400; ++k) {
    changes["records/tool-" + std::to_string(1000 + k) + ".yaml"] =
        testing::ReplaceOnce(record, "name: Larger bin check", "name: Tool " + std::to_string(1000 + k));
  }
  changes["layouts/partials/record_row.mustache"] = "<tr id=\"row-{{id}}\"><td>{{name}} " + padding + "</td></tr>";
  changes["pages/about.md"] =
      "---\ntitle: About\n---\n[first](/records/#row-tool-1000) [last](/records/#row-tool-1399) "
      "[none](/records/#row-tool-1400)\n";
  Diagnostics d;
  Site site;
  Theme theme;
  LoadBaseSiteWith(changes, &site, &theme, &d);
  OutputTree output;
  MemoryOutput sink(&output);
  BuiltPages built;
  ASSERT_TRUE(BuildSite(site, theme, &sink, &built, &d)) << d.Format();
  CheckInternalLinks(site, built, &d);
  const std::string& list = output.at("records/index.html");
  ASSERT_GT(list.size(), size_t{1} << 20);
  std::vector<std::string> ids;
  for (size_t at = list.find("<tr id=\"row-"); at != std::string::npos; at = list.find("<tr id=\"row-", at + 1)) {
    ids.push_back(list.substr(at + 12, list.find('"', at + 12) - at - 12));
    EXPECT_EQ(list.substr(at + list.substr(at).find("</tr>"), 6), "</tr>\n") << ids.back();
  }
  ASSERT_EQ(401u, ids.size());
  EXPECT_EQ("bin-check", ids[0]);  // "Larger bin check" before "Tool 1000"
  for (int k = 0; k < 400; ++k) EXPECT_EQ("tool-" + std::to_string(1000 + k), ids[static_cast<size_t>(k) + 1]);
  EXPECT_EQ(list.size() - 8, list.rfind("</html>\n"));
  EXPECT_EQ(std::string::npos, list.find("lantern-rows"));
  // Only the link to a row that is not there is reported.
  const std::string reported = d.Format();
  EXPECT_EQ(1u, d.Items().size()) << reported;
  EXPECT_NE(std::string::npos, reported.find("#row-tool-1400")) << reported;
}

}  // namespace
}  // namespace lantern
