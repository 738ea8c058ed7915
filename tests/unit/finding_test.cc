// Filter pages, the search index, the build date and the "review overdue" tag.
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

#include "model/date.h"
#include "assemble/finding.h"
#include "assemble/site_builder.h"
#include "assemble/theme.h"
#include "base/file_system.h"
#include "load/site_loader.h"
#include "testing/test_support.h"

namespace lantern {
namespace {

Site ExampleSite() {
  DiskFileSystem disk;
  Site site;
  Diagnostics d;
  EXPECT_TRUE(LoadSite(disk, testing::SourceDir() + "/content", {}, &site, &d).ok());
  return site;
}

// Builds `site` as if today were the day `epoch` (seconds since 1970) falls on.
OutputTree BuildWithEpoch(Site site, const char* epoch) {
  site.config.today = *DateFromEpochText(epoch);
  DiskFileSystem disk;
  Diagnostics d;
  Theme theme;
  EXPECT_TRUE(LoadTheme(EmbeddedFiles(), disk, site.root, site.config.language, &theme, &d)) << d.Format();
  OutputTree output;
  EXPECT_TRUE(BuildSite(site, theme, &output, &d)) << d.Format();
  return output;
}

int Occurrences(const std::string& text, const std::string& needle) {
  int n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(BuildDateTest, SourceDateEpochIsReadAsAUtcDate) {
  EXPECT_EQ((Date{1970, 1, 1}), DateFromEpochText("0"));
  EXPECT_EQ((Date{2026, 11, 22}), DateFromEpochText("1795305600"));  // 2026-11-22T00:00:00Z
  EXPECT_EQ((Date{2026, 11, 21}), DateFromEpochText("1795305599"));
  for (const char* bad : {"", "-1", "12.5", "1e9", " 1", "abc", "9999999999999"}) {
    EXPECT_FALSE(DateFromEpochText(bad).has_value()) << bad;
  }
  // Leave the environment as found: other tests in this process read it.
  const char* before = std::getenv("SOURCE_DATE_EPOCH");
  const std::string saved = before ? before : "";
  setenv("SOURCE_DATE_EPOCH", "86400", 1);
  EXPECT_EQ((Date{1970, 1, 2}), TodayUtc());
  setenv("SOURCE_DATE_EPOCH", "not a number", 1);
  EXPECT_LT((Date{2025, 1, 1}), TodayUtc());  // malformed: the system date
  if (before) {
    setenv("SOURCE_DATE_EPOCH", saved.c_str(), 1);
  } else {
    unsetenv("SOURCE_DATE_EPOCH");
  }
}

TEST(FindingTest, SlugsAreLowercaseWordsJoinedByDashes) {
  EXPECT_EQ("council-tax-and-benefits", Slugify("Council tax and benefits"));
  EXPECT_EQ("waste-recycling", Slugify("  Waste & recycling! "));
  EXPECT_EQ("gwasanaethau-\xc3\xa2", Slugify("Gwasanaethau \xc3\xa2"));
  EXPECT_EQ("other", Slugify("&&"));
}

TEST(FindingTest, EachFacetListsExactlyTheRecordsThatHaveIt) {
  const Site site = ExampleSite();
  const std::vector<Facet> facets = Facets(site);
  std::set<std::string> urls;
  size_t in_services = 0, in_phases = 0;
  for (const Facet& facet : facets) {
    EXPECT_TRUE(urls.insert(FacetUrl(site, facet)).second) << "two facets share " << FacetUrl(site, facet);
    EXPECT_FALSE(facet.records.empty());
    for (const Record* record : facet.records) {
      if (facet.kind == "service") {
        EXPECT_EQ(facet.label, record->Text("service"));
      }
      if (facet.kind == "phase") {
        EXPECT_EQ(facet.slug, record->phase);
      }
    }
    if (facet.kind == "service") in_services += facet.records.size();
    if (facet.kind == "phase") in_phases += facet.records.size();
  }
  size_t with_service = 0;
  for (const Record& record : site.records) with_service += record.Text("service").empty() ? 0 : 1;
  EXPECT_EQ(with_service, in_services);
  EXPECT_EQ(site.records.size(), in_phases);  // every record has exactly one phase
  EXPECT_TRUE(urls.count("/records/service/housing/"));
  EXPECT_TRUE(urls.count("/records/phase/retired/"));
  EXPECT_TRUE(urls.count("/records/function/health/"));
}

TEST(FindingTest, FilterPagesAndTheSearchIndexAreWritten) {
  const Site site = ExampleSite();
  const OutputTree out = BuildWithEpoch(site, "1795305600");
  for (const Facet& facet : Facets(site)) {
    const std::string path = FacetUrl(site, facet).substr(1) + "index.html";
    ASSERT_TRUE(out.count(path)) << path;
    EXPECT_EQ(static_cast<int>(facet.records.size()), Occurrences(out.at(path), "data-record-id=")) << path;
    EXPECT_NE(std::string::npos, out.at("records/index.html").find("href=\"" + FacetUrl(site, facet) + "\""));
  }
  ASSERT_TRUE(out.count("search-index.json"));
  const std::string& index = out.at("search-index.json");
  EXPECT_EQ(static_cast<int>(site.records.size()), Occurrences(index, "{\"id\":"));
  EXPECT_NE(std::string::npos, index.find("\"suppliers\":["));
  EXPECT_TRUE(out.count("assets/search.js"));
}

TEST(FindingTest, JsonStringsEscapeEverythingThatNeedsIt) {
  EXPECT_EQ("\"a\\\"b\\\\c\\nd\\u003c/script>\\u0001\"", JsonString("a\"b\\c\nd</script>\x01"));
  EXPECT_EQ("\"\xc3\xa9\"", JsonString("\xc3\xa9"));
}

TEST(ReviewOverdueTest, TaggedOnlyWhenNextReviewIsBeforeTheBuildDate) {
  const Site site = ExampleSite();
  // 2026-11-22: every example record's next review is later.
  const OutputTree now = BuildWithEpoch(site, "1795305600");
  EXPECT_EQ(0, Occurrences(now.at("records/index.html"), "Review overdue"));
  // 2027-04-01: larger-bin-check (due 2027-03-02) is overdue; the retired record never is.
  const OutputTree later = BuildWithEpoch(site, "1806537600");
  EXPECT_NE(std::string::npos, later.at("records/larger-bin-check/index.html").find("Review overdue"));
  EXPECT_EQ(std::string::npos, later.at("records/parking-permit-misuse-check/index.html").find("Review overdue"));
  EXPECT_EQ(std::string::npos, later.at("records/money-help-chatbot/index.html").find("Review overdue"));  // 2027-09-14
  int overdue = 0;
  for (const Record& record : site.records) {
    overdue += (!record.is_retired() && record.next_review < Date{2027, 4, 1}) ? 1 : 0;
  }
  EXPECT_GT(overdue, 0);
  EXPECT_EQ(overdue, Occurrences(later.at("records/index.html"), "Review overdue"));
}

}  // namespace
}  // namespace lantern
