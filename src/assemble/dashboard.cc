#include "assemble/dashboard.h"

#include <algorithm>
#include <map>

#include "assemble/finding.h"
#include "assemble/views.h"
#include "base/utf8.h"
#include "load/schema.h"
#include "model/addresses.h"

namespace lantern {
namespace {

// One bar: what it counts, how many, the filter page listing them (or ""),
// and the label's language when it is not the page's (or "").
struct Bar {
  std::string label;
  int count = 0;
  std::string url;
  std::string label_lang;
};

// The chart's geometry, in CSS pixels (the theme's bar_chart partial draws it
// at 16 px text): each bar is its label's lines, then the bar with its count
// at its end. Widths are percentages of the chart's width, so it fits any
// screen; the longest bar leaves room after it for its count.
constexpr int kLineHeight = 20;
constexpr int kBaseline = 15;  // from a line's top to its text's baseline
constexpr int kBarHeight = 20;
constexpr int kGapAfterBar = 16;
constexpr int kLongestBarTenthsOfPercent = 850;
// About 250 px of 16 px text: a line fits the narrowest screen's chart.
constexpr size_t kLabelWidth = 28;

// The table and chart of one measure.
Value Chart(const Theme& theme, const std::string& id, const std::string& text, const std::vector<Bar>& bars) {
  const std::string heading = theme.String("dashboard_" + id + "_heading");
  int most = 0;
  for (const Bar& bar : bars) most = std::max(most, bar.count);
  Value items = Value::List();
  int y = 0;
  for (const Bar& bar : bars) {
    Value lines = Value::List();
    for (const std::string& line : WrapWords(bar.label, kLabelWidth)) {
      lines.Push(Value::Map().Set("text", TextValue(line)).Set("y", TextValue(std::to_string(y + kBaseline))));
      y += kLineHeight;
    }
    const int bar_y = y + 4;
    const int tenths = most == 0 ? 0 : bar.count * kLongestBarTenthsOfPercent / most;
    items.Push(Value::Map()
                   .Set("label", TextValue(bar.label))
                   .Set("label_lang", TextValue(bar.label_lang))
                   .Set("url", TextValue(bar.url))
                   .Set("count", TextValue(std::to_string(bar.count)))
                   .Set("lines", std::move(lines))
                   .Set("bar_y", TextValue(std::to_string(bar_y)))
                   .Set("count_y", TextValue(std::to_string(kBaseline)))
                   .Set("width", TextValue(std::to_string(tenths / 10) + "." + std::to_string(tenths % 10))));
    y = bar_y + kBarHeight + kGapAfterBar;
  }
  return Value::Map()
      .Set("id", TextValue(id))
      .Set("heading", TextValue(heading))
      .Set("text", TextValue(text))
      .Set("column", TextValue(theme.String("dashboard_" + id + "_column")))
      .Set("chart_title", TextValue(theme.Sentence("dashboard_chart_title", {{"title", heading}})))
      .Set("height", TextValue(std::to_string(std::max(y - kGapAfterBar, 0))))
      .Set("bar_height", TextValue(std::to_string(kBarHeight)))
      .Set("bars", std::move(items));
}

// The index's filter pages of `kind` as bars, each linking to its page.
std::vector<Bar> FacetBars(const Site& site, const SiteIndex& index, const Theme& theme, const std::string& kind) {
  std::vector<Bar> bars;
  for (const Facet& facet : index.facets) {
    if (facet.kind != kind) continue;
    StandardText label = FacetLabel(site, theme, facet);
    bars.push_back({std::move(label.text), static_cast<int>(facet.records.size()), FacetUrl(site, facet),
                    std::move(label.lang)});
  }
  return bars;
}

// Bars for a list of the standard's values with no filter pages, in the
// schema's order, those no record has left out.
std::vector<Bar> ValueBars(const SiteIndex& index, const Theme& theme, const std::string& field) {
  std::map<std::string, int> counts;
  for (const Record* record : index.by_name) {
    for (const std::string& value : record->Texts(field)) ++counts[value];
  }
  std::vector<Bar> bars;
  for (const std::string& slug : EnumSlugs(field, kAll)) {
    if (auto it = counts.find(slug); it != counts.end()) {
      StandardText label = theme.Standard(EnumLabel(field, slug));
      bars.push_back({std::move(label.text), it->second, "", std::move(label.lang)});
    }
  }
  return bars;
}

// The records that give no value for `field`, as a last bar (none if all do).
void AddNotGiven(const Theme& theme, const SiteIndex& index, const std::string& field, std::vector<Bar>* bars) {
  int missing = 0;
  for (const Record* record : index.by_name) missing += record->Texts(field).empty() ? 1 : 0;
  if (missing > 0) bars->push_back({theme.String("dashboard_not_given"), missing, "", ""});
}

}  // namespace

void AddDashboardView(const Site& site, const SiteIndex& index, const Theme& theme, const Date& today, Value* view) {
  const SiteConfig& c = site.config;
  Value charts = Value::List();
  // `text` (may be empty) says how to read the chart.
  auto add = [&](const std::string& id, const std::string& text, std::vector<Bar> bars) {
    if (!bars.empty()) charts.Push(Chart(theme, id, text, bars));
  };
  const std::string several = theme.String("dashboard_several_text");
  std::vector<Bar> services = FacetBars(site, index, theme, "service");
  AddNotGiven(theme, index, "service", &services);
  add("service", "", std::move(services));
  add("phase", "", FacetBars(site, index, theme, "phase"));
  std::vector<Bar> functions = FacetBars(site, index, theme, "function");
  AddNotGiven(theme, index, "function", &functions);
  add("function", several, std::move(functions));
  std::vector<Bar> capabilities = ValueBars(index, theme, "capability");
  AddNotGiven(theme, index, "capability", &capabilities);
  add("capability", several, std::move(capabilities));
  std::vector<Bar> risks = ValueBars(index, theme, "risk_level");
  AddNotGiven(theme, index, "risk_level", &risks);
  add("risk_level", theme.String("dashboard_risk_level_text"), std::move(risks));

  // Reviews: of the tools in use (a retired tool is not reviewed again).
  const Date due_by = today.PlusMonths(kReviewDueWithinMonths);
  int in_date = 0, due = 0, retired = 0;
  std::vector<const Record*> overdue;
  for (const Record* record : index.by_name) {
    if (record->is_retired()) {
      ++retired;
    } else if (record->next_review < today) {
      overdue.push_back(record);
    } else if (record->next_review < due_by) {
      ++due;
    } else {
      ++in_date;
    }
  }
  if (retired < index.total) {
    // All three, even at nought: "none overdue" is a figure worth showing.
    add("review",
        theme.Sentence("dashboard_review_text", {{"months", std::to_string(c.review_interval_months)}}),
        {{theme.String("dashboard_review_in_date"), in_date, "", ""},
                   {theme.Plural("dashboard_review_due", kReviewDueWithinMonths), due, "", ""},
                   {theme.String("dashboard_review_overdue"), static_cast<int>(overdue.size()), "", ""}});
  }
  std::stable_sort(overdue.begin(), overdue.end(),
                   [](const Record* a, const Record* b) { return a->next_review < b->next_review; });
  Value overdue_list = Value::List();
  for (const Record* record : overdue) {
    // A list entry (name, url, name_lang…), as the record lists give it.
    Value entry = RecordListEntry(site, theme, *record, today);
    entry.Set("due", TextValue(theme.Sentence("dashboard_overdue_due", {{"date", theme.DisplayDate(record->next_review)}})));
    overdue_list.Push(std::move(entry));
  }

  const std::string date = theme.DisplayDate(today);
  Value dashboard = Value::Map();
  dashboard.Set("counted", TextValue(theme.Plural("dashboard_counted", index.total, {{"date", date}})))
      .Set("retired", TextValue(retired > 0 ? theme.Plural("dashboard_retired", retired) : ""))
      .Set("charts", std::move(charts))
      .Set("has_overdue", Value::Bool(!overdue.empty()))
      .Set("overdue", std::move(overdue_list));
  view->Set("dashboard", std::move(dashboard));
}

}  // namespace lantern
