#include <gtest/gtest.h>

#include "render/template.h"

namespace lantern {
namespace {

TEST(TemplateTest, RendersViewsEscapingText) {
  TemplateSet set;
  Diagnostics d;
  ASSERT_TRUE(set.AddTemplate("t", "t.mustache", "<p>{{name}}</p>{{{body_html}}}{{#items}}[{{.}}]{{/items}}", &d));
  Value view = Value::Map();
  view.Set("name", TextValue("<b>&"));
  view.Set("body_html", TextValue("<em>ok</em>"));
  Value items = Value::List();
  items.Push(TextValue("a"));
  items.Push(TextValue("b"));
  view.Set("items", std::move(items));
  EXPECT_EQ("<p>&lt;b&gt;&amp;</p><em>ok</em>[a][b]", set.Render("t", view, &d).value_or("FAILED"));
}

TEST(TemplateTest, EmptyTextIsFalseInSections) {
  TemplateSet set;
  Diagnostics d;
  ASSERT_TRUE(set.AddTemplate("t", "t.mustache", "{{#summary}}<p>{{summary}}</p>{{/summary}}{{^summary}}none{{/summary}}", &d));
  Value empty = Value::Map().Set("summary", TextValue(""));
  Value full = Value::Map().Set("summary", TextValue("Hi"));
  EXPECT_EQ("none", set.Render("t", empty, &d).value_or("FAILED"));
  EXPECT_EQ("<p>Hi</p>", set.Render("t", full, &d).value_or("FAILED"));
}

// RenderInLayout converts the view it is given up, freeing it as it goes
// (TakeData); the result must be what Render gives for the same view, for
// every kind of node: null, booleans, empty and long texts, nested lists and maps.
TEST(TemplateTest, LayoutRenderSeesTheSameViewAsRender) {
  TemplateSet set;
  Diagnostics d;
  const std::string body =
      "{{#flag}}F{{/flag}}{{^off}}O{{/off}}{{^nothing}}N{{/nothing}}{{^empty}}E{{/empty}}"
      "{{#rows}}<{{name}}:{{#cells}}[{{.}}]{{/cells}}{{^cells}}-{{/cells}}>{{/rows}}{{long}}";
  ASSERT_TRUE(set.AddTemplate("page", "page.mustache", body, &d));
  ASSERT_TRUE(set.AddTemplate("layout", "layout.mustache", "<main>{{{content}}}</main>{{long}}", &d));
  auto make_view = [] {
    Value rows = Value::List();
    Value cells = Value::List();
    cells.Push(TextValue("a"));
    cells.Push(TextValue("<b>"));
    rows.Push(Value::Map().Set("name", TextValue("one")).Set("cells", std::move(cells)));
    rows.Push(Value::Map().Set("name", TextValue("two")).Set("cells", Value::List()));
    return Value::Map()
        .Set("flag", Value::Bool(true))
        .Set("off", Value::Bool(false))
        .Set("nothing", Value::Null())
        .Set("empty", TextValue(""))
        .Set("rows", std::move(rows))
        .Set("long", TextValue("a text long enough not to fit in a short string & more"));
  };
  const std::string page = set.Render("page", make_view(), &d).value_or("FAILED");
  EXPECT_EQ("FONE<one:[a][&lt;b&gt;]><two:->a text long enough not to fit in a short string &amp; more", page);
  EXPECT_EQ("<main>" + page + "</main>a text long enough not to fit in a short string &amp; more",
            set.RenderInLayout("page", "layout", make_view(), &d).value_or("FAILED"));
  EXPECT_FALSE(d.has_errors());
}

TEST(TemplateTest, SyntaxErrorIsPositioned) {
  TemplateSet set;
  Diagnostics d;
  EXPECT_FALSE(set.AddTemplate("t", "layouts/t.mustache", "line one\n  {{#open}}never closed\n", &d));
  EXPECT_EQ("layouts/t.mustache:2:3: error: template syntax: unclosed section \"open\"\n  {{#open}}never closed\n  ^\n",
            d.Format());
}

TEST(TemplateTest, UnescapedOutputOnlyForHtmlNames) {
  TemplateSet set;
  Diagnostics d;
  EXPECT_FALSE(set.AddTemplate("t", "t.mustache", "ok {{{body_html}}} {{{content}}}\nbad {{{summary}}} {{& name}}", &d));
  EXPECT_EQ(2, d.error_count()) << d.Format();
  EXPECT_NE(std::string::npos, d.Format().find("t.mustache:2:5: error: unescaped output of \"summary\""));
}

TEST(TemplateTest, DelimiterChangesAreRejected) {
  TemplateSet set;
  Diagnostics d;
  EXPECT_FALSE(set.AddTemplate("t", "t.mustache", "a\n{{=<% %>=}}<%& summary%>", &d));
  EXPECT_NE(std::string::npos, d.Format().find("t.mustache:2:1: error: changing the tag delimiters")) << d.Format();
}

TEST(TemplateTest, PartialLoopsAndMissingPartialsAreReported) {
  TemplateSet set;
  Diagnostics d;
  ASSERT_TRUE(set.AddTemplate("t", "t.mustache", "{{> a}}{{> missing}}", &d));
  ASSERT_TRUE(set.AddPartial("a", "a.mustache", "{{> b}}", &d));
  ASSERT_TRUE(set.AddPartial("b", "b.mustache", "{{> a}}", &d));
  EXPECT_FALSE(set.CheckPartials(&d));
  const std::string out = d.Format();
  EXPECT_NE(std::string::npos, out.find("no partial named \"missing\"")) << out;
  EXPECT_NE(std::string::npos, out.find("partials include each other in a loop: a > b > a")) << out;
}

// A partial rendered on its own gives what a template including it gives
// where the same view is the current context, constants included.
TEST(TemplateTest, PartialRendersOnItsOwnAsWhereItIsIncluded) {
  TemplateSet set;
  Diagnostics d;
  ASSERT_TRUE(set.AddPartial("row", "partials/row.mustache", "<tr>{{name}} {{strings.tag}}{{> cell}}</tr>", &d));
  ASSERT_TRUE(set.AddPartial("cell", "partials/cell.mustache", "<td>{{id}}</td>", &d));
  ASSERT_TRUE(set.AddTemplate("list", "list.mustache", "{{#entry}}{{> row}}{{/entry}}", &d));
  set.SetConstants(Value::Map().Set("strings", Value::Map().Set("tag", TextValue("Retired"))));
  const Value entry = Value::Map().Set("name", TextValue("A & B")).Set("id", TextValue("a-b"));
  const std::string alone = set.RenderPartial("row", entry, &d).value_or("FAILED");
  EXPECT_EQ("<tr>A &amp; B Retired<td>a-b</td></tr>", alone);
  EXPECT_EQ(alone, set.Render("list", Value::Map().Set("entry", entry), &d).value_or("FAILED"));
  EXPECT_FALSE(d.has_errors()) << d.Format();
  EXPECT_FALSE(set.RenderPartial("missing", entry, &d).has_value());
  EXPECT_NE(std::string::npos, d.Format().find("no partial named \"missing\"")) << d.Format();
}

TEST(TemplateTest, IncludingAPartialRenderedAloneIsPositioned) {
  TemplateSet set;
  Diagnostics d;
  ASSERT_TRUE(set.AddTemplate("list", "layouts/list.mustache", "<table>\n  {{#rows}}{{> row}}{{/rows}}</table>", &d));
  ASSERT_TRUE(set.AddPartial("row", "partials/row.mustache", "<tr>{{name}}</tr>", &d));
  ASSERT_TRUE(set.AddPartial("other", "partials/other.mustache", "{{> cell}}", &d));
  ASSERT_TRUE(set.AddPartial("cell", "partials/cell.mustache", "<td></td>", &d));
  // The diagnostics that saw the templates added can show their lines.
  EXPECT_FALSE(set.CheckNotIncluded("row", "rows come as rows_html", &d));
  EXPECT_EQ("layouts/list.mustache:2:12: error: rows come as rows_html\n  {{#rows}}{{> row}}{{/rows}}</table>\n           ^\n",
            d.Format());
  EXPECT_FALSE(set.CheckNotIncluded("cell", "cells come alone", &d));  // a partial includes it
  EXPECT_EQ(2, d.error_count()) << d.Format();
  EXPECT_NE(std::string::npos, d.Format().find("partials/other.mustache:1:1: error: cells come alone")) << d.Format();
  EXPECT_TRUE(set.CheckNotIncluded("other", "nobody includes it", &d));
  EXPECT_EQ(2, d.error_count());
}

TEST(TemplateTest, CopiesRenderIndependently) {
  TemplateSet set;
  Diagnostics d;
  ASSERT_TRUE(set.AddTemplate("t", "t.mustache", "{{x}}", &d));
  TemplateSet copy = set;
  EXPECT_EQ("1", copy.Render("t", Value::Map().Set("x", TextValue("1")), &d).value_or(""));
  EXPECT_EQ("2", set.Render("t", Value::Map().Set("x", TextValue("2")), &d).value_or(""));
}

TEST(TemplateTest, OffsetsBecomeLinesAndColumns) {
  EXPECT_EQ(1, LocationOfOffset("abc", 0).line);
  EXPECT_EQ(2, LocationOfOffset("ab\ncd", 4).line);
  EXPECT_EQ(2, LocationOfOffset("ab\ncd", 4).column);
}

}  // namespace
}  // namespace lantern
