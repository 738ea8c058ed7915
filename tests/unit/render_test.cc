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
