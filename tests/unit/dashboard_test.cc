// The dashboard (assemble/dashboard.h): its figures against the records they
// count, counted here a second way; the review status on a fixed day; the
// charts' geometry; and the page the example site publishes.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "assemble/dashboard.h"
#include "assemble/site_index.h"
#include "assemble/theme.h"
#include "base/file_system.h"
#include "load/yaml_reader.h"
#include "model/addresses.h"
#include "testing/example_site.h"
#include "testing/test_support.h"

namespace lantern {
namespace {

using testing::ExampleSite;

Record MakeRecord(const std::string& id, const std::string& yaml, const Date& next_review) {
  Diagnostics d;
  std::optional<Value> data = ReadYaml(id + ".yaml", yaml, &d);
  EXPECT_TRUE(data.has_value()) << yaml;
  Record record;
  record.id = id;
  record.status = "published";
  record.set_data(data ? std::move(*data) : Value::Map());
  record.phase = record.Text("phase");
  record.next_review = next_review;
  return record;
}

const Theme& EnglishTheme() {
  static const Theme theme = [] {
    Theme t;
    DiskFileSystem disk;
    testing::TempDir site;
    Diagnostics d;
    EXPECT_TRUE(LoadTheme(EmbeddedFiles(), disk, site.path(), "en", &t, &d)) << d.Format();
    return t;
  }();
  return theme;
}

// The bars of the chart `id`: label → count, as the view gives them.
std::map<std::string, int> Bars(const Value& view, const std::string& id) {
  std::map<std::string, int> bars;
  for (const Value& chart : view.FindPath("dashboard.charts")->items()) {
    if (chart.Find("id")->text() != id) continue;
    for (const Value& bar : chart.Find("bars")->items()) {
      bars[bar.Find("label")->text()] = std::stoi(bar.Find("count")->text());
    }
  }
  return bars;
}

std::vector<std::string> ChartIds(const Value& view) {
  std::vector<std::string> ids;
  for (const Value& chart : view.FindPath("dashboard.charts")->items()) ids.push_back(chart.Find("id")->text());
  return ids;
}

TEST(DashboardTest, ReviewStatusOnAFixedDayCountsToolsInUseAndListsTheOverdueOldestFirst) {
  const Date today{2026, 12, 3};
  Site site;
  site.config.today = today;
  site.config.root_path = "/";
  const std::string common = "phase: production\nsummary:\n  name: ";
  site.records.push_back(MakeRecord("late", common + "Late tool\n", Date{2026, 11, 30}));
  site.records.push_back(MakeRecord("later", common + "Later tool\n", Date{2025, 1, 1}));
  site.records.push_back(MakeRecord("due", common + "Due tool\n", Date{2027, 3, 2}));     // 3 months less a day
  site.records.push_back(MakeRecord("fine", common + "Fine tool\n", Date{2027, 3, 3}));   // exactly 3 months on
  site.records.push_back(MakeRecord("today", common + "Today tool\n", today));           // due today: not yet late
  Record old = MakeRecord("old", "phase: retired\nsummary:\n  name: Old tool\n", Date{2020, 1, 1});
  site.records.push_back(std::move(old));
  const SiteIndex index = IndexSite(site);
  Value view = Value::Map();
  AddDashboardView(site, index, EnglishTheme(), today, &view);

  EXPECT_EQ((std::map<std::string, int>{{"In date", 1}, {"Due in the next 3 months", 2}, {"Overdue", 2}}),
            Bars(view, "review"));
  const Value& overdue = *view.FindPath("dashboard.overdue");
  ASSERT_EQ(2u, overdue.items().size());
  EXPECT_EQ("Later tool", overdue.items()[0].Find("name")->text());
  EXPECT_EQ("the review was due on 1 January 2025", overdue.items()[0].Find("due")->text());
  EXPECT_EQ("/records/later/", overdue.items()[0].Find("url")->text());
  EXPECT_EQ("Late tool", overdue.items()[1].Find("name")->text());
  EXPECT_EQ("These figures count the 6 records on this site on 3 December 2026.",
            view.FindPath("dashboard.counted")->text());
  EXPECT_EQ("1 of them describes a tool that is no longer used.", view.FindPath("dashboard.retired")->text());
  // No record gives a service, capability or risk level: each chart is one
  // "Not given" bar; no function either.
  EXPECT_EQ((std::map<std::string, int>{{"Not given", 6}}), Bars(view, "risk_level"));
  EXPECT_EQ((std::map<std::string, int>{{"Production", 5}, {"Retired", 1}}), Bars(view, "phase"));
}

TEST(DashboardTest, ASiteOfRetiredToolsHasNoReviewChartAndNoRecordsNoCharts) {
  Site site;
  site.records.push_back(MakeRecord("old", "phase: retired\nrisk_level: high\n", Date{2020, 1, 1}));
  Value view = Value::Map();
  AddDashboardView(site, IndexSite(site), EnglishTheme(), Date{2026, 1, 1}, &view);
  EXPECT_EQ((std::vector<std::string>{"service", "phase", "function", "capability", "risk_level"}), ChartIds(view));
  EXPECT_EQ((std::map<std::string, int>{{"High", 1}}), Bars(view, "risk_level"));

  Site empty;
  Value none = Value::Map();
  AddDashboardView(empty, IndexSite(empty), EnglishTheme(), Date{2026, 1, 1}, &none);
  EXPECT_TRUE(ChartIds(none).empty());
  EXPECT_FALSE(none.FindPath("dashboard.has_overdue")->as_bool());
}

TEST(DashboardTest, BarsAreInProportionTheLongestAtEightyFivePercentAndLabelsStackDown) {
  Site site;
  for (int i = 0; i < 3; ++i) {
    site.records.push_back(MakeRecord("a" + std::to_string(i), "phase: production\nrisk_level: high\n", Date{2030, 1, 1}));
  }
  site.records.push_back(MakeRecord("b", "phase: production\nrisk_level: low\n", Date{2030, 1, 1}));
  Value view = Value::Map();
  AddDashboardView(site, IndexSite(site), EnglishTheme(), Date{2026, 1, 1}, &view);
  const Value* risk = nullptr;
  for (const Value& chart : view.FindPath("dashboard.charts")->items()) {
    if (chart.Find("id")->text() == "risk_level") risk = &chart;
  }
  ASSERT_NE(nullptr, risk);
  const std::vector<Value>& bars = risk->Find("bars")->items();
  ASSERT_EQ(2u, bars.size());
  // The schema's order (low before high), not the count's.
  EXPECT_EQ("Low", bars[0].Find("label")->text());
  EXPECT_EQ("28.3", bars[0].Find("width")->text());
  EXPECT_EQ("85.0", bars[1].Find("width")->text());
  // One line of label (20 px), the bar 4 px below it, 20 high, 16 px apart.
  EXPECT_EQ("15", bars[0].FindPath("lines")->items()[0].Find("y")->text());
  EXPECT_EQ("24", bars[0].Find("bar_y")->text());
  EXPECT_EQ("75", bars[1].FindPath("lines")->items()[0].Find("y")->text());
  EXPECT_EQ("84", bars[1].Find("bar_y")->text());
  EXPECT_EQ("104", risk->Find("height")->text());
  // The standard's words are English: not marked on an English page.
  EXPECT_EQ("", bars[0].Find("label_lang")->text());
}

// The published page: each table holds the figures counted from the records
// here, the chart draws the same numbers, and the home page links to it.
TEST(DashboardTest, TheExampleSitesPageShowsWhatItsRecordsSay) {
  const testing::BuiltSite& b = ExampleSite();
  ASSERT_TRUE(b.output.count("dashboard/index.html"));
  const std::string& page = b.output.at("dashboard/index.html");
  std::map<std::string, int> phases, risks;
  for (const Record& record : b.site.records) {
    ++phases[record.phase];
    ++risks[record.Text("risk_level").empty() ? "Not given" : record.Text("risk_level")];
  }
  ASSERT_GT(phases.size(), 1u);
  ASSERT_GT(risks.size(), 2u);
  for (const auto& [phase, count] : phases) {
    const std::string row = "<a href=\"/records/phase/" + phase + "/\">";
    const size_t at = page.find(row);
    ASSERT_NE(std::string::npos, at) << phase;
    std::smatch m;
    const std::string rest = page.substr(at + row.size(), 200);
    ASSERT_TRUE(std::regex_search(rest, m, std::regex("</a></th>\\s*<td class=\"table__numeric\">(\\d+)</td>")));
    EXPECT_EQ(std::to_string(count), m[1]) << phase;
  }
  const std::map<std::string, std::string> risk_labels{{"low", "Low"}, {"medium", "Medium"}, {"high", "High"},
                                                       {"Not given", "Not given"}};
  for (const auto& [risk, count] : risks) {
    EXPECT_NE(std::string::npos, page.find("<th scope=\"row\">" + risk_labels.at(risk) +
                                           "</th>\n        <td class=\"table__numeric\">" + std::to_string(count) +
                                           "</td>"))
        << risk;
  }
  // Six charts, each an image named by its title, each followed by its table.
  const std::regex chart("<svg class=\"bar-chart\" role=\"img\" aria-labelledby=\"(chart-[a-z_]+-title)\"");
  std::vector<std::string> titles;
  for (std::sregex_iterator it(page.begin(), page.end(), chart), end; it != end; ++it) titles.push_back((*it)[1]);
  EXPECT_EQ((std::vector<std::string>{"chart-service-title", "chart-phase-title", "chart-function-title",
                                      "chart-capability-title", "chart-risk_level-title", "chart-review-title"}),
            titles);
  for (const std::string& title : titles) EXPECT_NE(std::string::npos, page.find("<title id=\"" + title + "\">"));
  // Every count the charts draw is a count a table gives, in the same order.
  std::vector<std::string> drawn, tabled;
  const std::regex drawn_count("<text class=\"bar-chart__count\" x=\"6\" y=\"15\">(\\d+)</text>");
  const std::regex table_count("<td class=\"table__numeric\">(\\d+)</td>");
  for (std::sregex_iterator it(page.begin(), page.end(), drawn_count), end; it != end; ++it) drawn.push_back((*it)[1]);
  for (std::sregex_iterator it(page.begin(), page.end(), table_count), end; it != end; ++it) tabled.push_back((*it)[1]);
  EXPECT_FALSE(drawn.empty());
  EXPECT_EQ(tabled, drawn);
  EXPECT_EQ(std::string::npos, page.find("<script"));
  EXPECT_EQ(std::string::npos, page.find(" style=\""));
  EXPECT_NE(std::string::npos, b.output.at("index.html").find("<a href=\"/dashboard/\">See the register in figures</a>"));
  EXPECT_NE(std::string::npos, b.output.at("sitemap.xml").find("<loc>" + b.site.config.base_url + "dashboard/</loc>"));
}

}  // namespace
}  // namespace lantern
