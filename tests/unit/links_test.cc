#include <gtest/gtest.h>

#include "assemble/link_checker.h"
#include "assemble/theme.h"
#include "assemble/views.h"
#include "base/file_system.h"
#include "load/site_loader.h"
#include "render/markdown.h"
#include "testing/test_support.h"

namespace lantern {
namespace {

TEST(ExtractLinksTest, GivesEachDestinationWithItsLine) {
  const auto links = ExtractLinks("Intro.\n\nSee [a](/pages/a/) and\n[b](/records/b/#owner).\n\n- ![pic](/assets/p.png)\n");
  ASSERT_EQ(3u, links.size());
  EXPECT_EQ("/pages/a/", links[0].url);
  EXPECT_EQ(3, links[0].line);
  EXPECT_EQ("/records/b/#owner", links[1].url);
  EXPECT_GE(links[1].line, 3);  // its paragraph's line, or its own
  EXPECT_TRUE(links[2].image);
  EXPECT_EQ(6, links[2].line);
}

TEST(ExtractLinksTest, AcceptsAnyInput) {
  EXPECT_TRUE(ExtractLinks("").empty());
  EXPECT_TRUE(ExtractLinks("[unclosed](").empty());
  EXPECT_EQ(1u, ExtractLinks(std::string("[x](y)\0z", 8)).size());
}

std::string Shown(const std::vector<MarkdownLink>& links) {
  std::string out;
  for (const MarkdownLink& link : links) out += link.url + "@" + std::to_string(link.line) + (link.image ? "!" : "") + "\n";
  return out;
}

const char* const kMarkdown[] = {
    "",
    "plain text",
    "# Top\n\n## Second\n\nSee [a](/pages/a/) -- \"quoted\" 'single' ...\n",
    "It's [\"Bob's\" page](/records/bob/#owner 'the \"title\"') and [ref][r].\n\n[r]: /records/r/\n",
    "- ![pic's](/assets/p.png)\n- <https://ai.example/records/x/>\n- [unclosed](\n",
    "### Deep\n\n# Shallow\n\n> [quoted](/q/) --- em\n\n```\n[not](/a/link)\n```\n",
    "[a 'b](/x/) [c' d](/y/) \"[e\"](/z/)\n",
};

// One parse gives MarkdownToHtml's HTML for every heading level, in any
// order, and ExtractLinks' links.
TEST(MarkdownDocumentTest, RendersAsMarkdownToHtmlAndListsLinksAsExtractLinks) {
  const MarkdownOptions kOptions[] = {{}, {3}, {2}, {.top_level = 2}, {-1}, {3}, {}};
  for (const char* text : kMarkdown) {
    MarkdownDocument document(text);
    for (const MarkdownOptions& options : kOptions) {
      EXPECT_EQ(MarkdownToHtml(text, options), document.Html(options)) << text;
    }
    EXPECT_EQ(Shown(ExtractLinks(text)), Shown(document.links())) << text;
  }
  MarkdownDocument broken(std::string("[x](y)\0# z", 10));
  EXPECT_EQ(1u, broken.links().size());
}

Site ExampleSite(Theme* theme) {
  DiskFileSystem disk;
  Site site;
  Diagnostics d;
  EXPECT_TRUE(LoadSite(disk, testing::SourceDir() + "/content", {}, &site, &d).ok());
  EXPECT_TRUE(LoadTheme(EmbeddedFiles(), disk, site.root, site.config.language, theme, &d)) << d.Format();
  return site;
}

std::string Shown(const std::vector<InternalLink>& links) {
  std::string out;
  for (const InternalLink& l : links) {
    out += l.path + " " + l.own_page + " " + l.url + " " + l.target + " " + std::to_string(l.at.line) + ":" +
           std::to_string(l.at.column) + " " + std::to_string(l.first_line) + "+" + std::to_string(l.line) + "\n";
  }
  return out;
}

// The links found while a record's page is made are those a second parse finds.
TEST(RecordLinksTest, LinksFoundWhileRenderingAreThoseOfASecondParse) {
  Theme theme;
  const Site site = ExampleSite(&theme);
  ASSERT_FALSE(site.records.empty());
  size_t internal = 0;
  for (const Record& record : site.records) {
    Value view = Value::Map();
    std::vector<MarkdownFieldLinks> rendered;
    AddRecordView(site, theme, record, site.config.today, &view, &rendered);
    EXPECT_FALSE(rendered.empty()) << record.id;
    const std::string source = testing::ReadFileOrEmpty(site.root + "/" + record.source_path);
    std::vector<InternalLink> parsed, taken;
    CollectRecordLinks(site.config, record, source, &parsed);
    CollectRecordLinks(site.config, record, source, &taken, &rendered);
    EXPECT_EQ(Shown(parsed), Shown(taken)) << record.id;
    internal += parsed.size();
  }
  EXPECT_GT(internal, 0u);  // the example links between its records
}

// A field the page showed is not parsed again; one it did not show is.
TEST(RecordLinksTest, TakesARenderedFieldsLinksAndParsesTheRest) {
  Theme theme;
  const Site site = ExampleSite(&theme);
  ASSERT_FALSE(site.records.empty());
  const Record& record = site.records.front();
  const Value* description = record.data().FindPath("summary.description");
  ASSERT_TRUE(description && description->is_text());
  std::vector<MarkdownFieldLinks> rendered = {{description->location(), {MarkdownLink{"/only-rendered/", 1, false}}}};
  std::vector<InternalLink> parsed, taken;
  CollectRecordLinks(site.config, record, {}, &parsed);
  CollectRecordLinks(site.config, record, {}, &taken, &rendered);
  bool found = false;
  for (const InternalLink& link : taken) found |= link.url == "/only-rendered/";
  EXPECT_TRUE(found);
  // A position that names no field changes nothing.
  std::vector<MarkdownFieldLinks> elsewhere = {{{100000, 1}, {MarkdownLink{"/nowhere/", 1, false}}}};
  std::vector<InternalLink> unchanged;
  CollectRecordLinks(site.config, record, {}, &unchanged, &elsewhere);
  EXPECT_EQ(Shown(parsed), Shown(unchanged));
}

}  // namespace
}  // namespace lantern
