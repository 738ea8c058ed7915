#include <gtest/gtest.h>

#include "load/completeness.h"
#include "load/record_loader.h"
#include "testing/test_support.h"

namespace lantern {
namespace {

std::string BaseRecord() {
  return testing::ReadFileOrEmpty(testing::SourceDir() + "/tests/golden/errors/_base/records/bin-check.yaml");
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(std::string::npos, at) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// Loads `text` as of `today` and returns the diagnostics with `code`.
std::vector<Diagnostic> Load(const std::string& text, Date today, const std::string& code) {
  Diagnostics d;
  SiteConfig config;
  config.today = today;
  LoadRecord("r.yaml", "r", text, config, &d);
  EXPECT_EQ(0, d.error_count()) << d.Format();
  std::vector<Diagnostic> out;
  for (const Diagnostic& x : d.Sorted()) {
    if (x.code == code) out.push_back(x);
  }
  return out;
}

const Date kEarly{2025, 7, 1};

TEST(CompletenessTest, BaseRecordIsComplete) {
  Diagnostics d;
  SiteConfig config;
  config.today = kEarly;
  LoadRecord("r.yaml", "r", BaseRecord(), config, &d);
  EXPECT_EQ(0, d.error_count() + d.warning_count()) << d.Format();
}

TEST(CompletenessTest, NotApplicableOrEmptyAddresses) {
  std::string text = Replace(BaseRecord(), "website_url: https://www.test.example/bins", "website_url: N/A");
  text = Replace(text, "contact_email: waste@test.example", "contact_email: n/a");
  const auto found = Load(text, kEarly, "L070");
  ASSERT_EQ(2u, found.size());
  EXPECT_NE(std::string::npos, found[0].message.find("summary.website_url is \"N/A\", so residents have nowhere to go"));
  EXPECT_NE(std::string::npos, found[1].message.find("summary.contact_email is \"n/a\""));
}

TEST(CompletenessTest, CompaniesHouseNumbers) {
  EXPECT_EQ("", CompaniesHouseProblem("01234567"));
  EXPECT_EQ("", CompaniesHouseProblem("SC123456"));
  EXPECT_EQ("", CompaniesHouseProblem("N/A"));
  EXPECT_NE(std::string::npos, CompaniesHouseProblem("1234567").find("possibly missing a leading zero"));
  EXPECT_NE(std::string::npos, CompaniesHouseProblem("Company number 1234567").find("leading zero"));
  EXPECT_NE(std::string::npos, CompaniesHouseProblem("Company number: 01234567").find("\"01234567\""));
  EXPECT_NE(std::string::npos, CompaniesHouseProblem("123").find("not 8 characters"));
  EXPECT_NE(std::string::npos, CompaniesHouseProblem("0123456789").find("not 8 characters"));

  const std::string text = Replace(BaseRecord(), "  third_party_involvement: no\n",
                                   "  third_party_involvement: yes\n  third_parties:\n    - name: Acme Ltd\n"
                                   "      companies_house_number: \"1234567\"\n      role: Built it.\n");
  const auto found = Load(text, kEarly, "L071");
  ASSERT_EQ(1u, found.size());
  EXPECT_EQ(28, found[0].location.line);
  EXPECT_NE(std::string::npos, found[0].message.find("e.g. \"01234567\"")) << found[0].message;
}

TEST(CompletenessTest, OverdueAndStaleReviewsUseToday) {
  // updated 2025-06-01, interval 12 months: due 2026-06-01.
  EXPECT_TRUE(Load(BaseRecord(), Date{2026, 6, 1}, "L072").empty());
  const auto overdue = Load(BaseRecord(), Date{2026, 6, 2}, "L072");
  ASSERT_EQ(1u, overdue.size());
  EXPECT_NE(std::string::npos, overdue[0].message.find("the review is overdue: it was due on 1 June 2026"));
  EXPECT_TRUE(Load(BaseRecord(), Date{2026, 6, 2}, "L073").empty());  // one warning, not two

  // A next review set far ahead does not hide an old update.
  const std::string text = Replace(BaseRecord(), "  updated: 2025-06-01\n", "  updated: 2025-06-01\n  next_review: 2027-01-01\n");
  EXPECT_TRUE(Load(text, Date{2026, 7, 1}, "L072").empty());
  const auto stale = Load(text, Date{2026, 7, 1}, "L073");
  ASSERT_EQ(1u, stale.size());
  EXPECT_NE(std::string::npos, stale[0].message.find("last updated on 1 June 2025, over 12 months ago"));
}

TEST(CompletenessTest, ResidentGuidanceAndAppealsThatCanBeActedOn) {
  const std::string base = BaseRecord();
  const std::string without = base.substr(0, base.find("resident_guidance:"));
  EXPECT_EQ(1u, Load(without, kEarly, "L074").size());
  const std::string vague = Replace(base, "appeals_and_review: Email waste@test.example to ask for a review.",
                                    "appeals_and_review: You can ask us to look again.");
  const auto appeals = Load(vague, kEarly, "L075");
  ASSERT_EQ(1u, appeals.size());
  EXPECT_EQ(36, appeals[0].location.line);
  EXPECT_TRUE(Load(Replace(base, "Email waste@test.example", "Use the form on this page"), kEarly, "L075").empty());
}

}  // namespace
}  // namespace lantern
