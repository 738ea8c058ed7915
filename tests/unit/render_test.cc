#include <gtest/gtest.h>

#include "render/html_escape.h"
#include "render/markdown.h"

namespace lantern {
namespace {

TEST(HtmlEscapeTest, EscapesTheFiveCharacters) {
  EXPECT_EQ("&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;",
            EscapeHtml("<script>alert(\"x\" & 'y')</script>"));
}

TEST(MarkdownTest, RendersCommonMark) {
  EXPECT_EQ("<p>Some <em>text</em> and <a href=\"https://example.gov.uk\">a link</a>.</p>\n",
            MarkdownToHtml("Some *text* and [a link](https://example.gov.uk)."));
}

TEST(MarkdownTest, DropsRawHtmlAndDangerousLinks) {
  const std::string html = MarkdownToHtml("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=y>");
  EXPECT_EQ(std::string::npos, html.find("<script")) << html;
  EXPECT_EQ(std::string::npos, html.find("javascript:")) << html;
  EXPECT_EQ(std::string::npos, html.find("<img")) << html;
}

// An edition readdresses links (not images) for its page, and the parse
// keeps what was written: for the link checker and for the next render.
TEST(MarkdownTest, LinksAreReaddressedForThePageAndKeptAsWritten) {
  MarkdownDocument document("See [the policy](/pages/policy/) and ![map](/assets/map.png) and [GOV.UK](https://www.gov.uk/).");
  const LinkAddress english = [](const std::string& url) { return url.rfind("/pages/", 0) == 0 ? "/en" + url : url; };
  const std::string html = document.Html({}, english);
  EXPECT_NE(std::string::npos, html.find("<a href=\"/en/pages/policy/\">")) << html;
  EXPECT_NE(std::string::npos, html.find("<img src=\"/assets/map.png\"")) << html;
  EXPECT_NE(std::string::npos, html.find("<a href=\"https://www.gov.uk/\">")) << html;
  EXPECT_EQ("/pages/policy/", document.links().at(0).url);
  EXPECT_NE(std::string::npos, document.Html().find("<a href=\"/pages/policy/\">"));
  // A readdressed javascript: link is still emptied by cmark's safe mode.
  const LinkAddress evil = [](const std::string&) { return std::string("javascript:alert(1)"); };
  EXPECT_EQ(std::string::npos, MarkdownToHtml("[x](/a/)", {}, evil).find("javascript"));
}

TEST(MarkdownTest, ShiftsHeadingsBelowThePageStructure) {
  EXPECT_EQ("<h3>Title</h3>\n", MarkdownToHtml("# Title", {2}));
  EXPECT_EQ("<h6>Deep</h6>\n", MarkdownToHtml("##### Deep", {3}));
  // top_level: the highest heading becomes that level, the rest keep their steps.
  EXPECT_EQ("<h2>A</h2>\n<h3>B</h3>\n", MarkdownToHtml("## A\n\n### B", {.top_level = 2}));
  EXPECT_EQ("<h2>A</h2>\n<h3>B</h3>\n", MarkdownToHtml("# A\n\n## B", {.top_level = 2}));
  EXPECT_EQ("<h3>A</h3>\n<h2>B</h2>\n", MarkdownToHtml("#### A\n\n### B", {.top_level = 2}));
  EXPECT_EQ("<p>no headings</p>\n", MarkdownToHtml("no headings", {.top_level = 2}));
}

}  // namespace
}  // namespace lantern
