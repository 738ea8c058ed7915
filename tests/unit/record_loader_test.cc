#include <gtest/gtest.h>

#include "load/record_loader.h"
#include "testing/test_support.h"

namespace lantern {
namespace {

std::string BaseRecord() {
  return testing::ReadFileOrEmpty(testing::SourceDir() + "/tests/golden/errors/_base/records/bin-check.yaml");
}

TEST(RecordLoaderTest, LoadsAValidRecordWithDefaults) {
  Diagnostics d;
  SiteConfig config;
  std::optional<Record> r = LoadRecord("records/bin-check.yaml", "bin-check", BaseRecord(), config, &d);
  ASSERT_TRUE(r) << d.Format();
  EXPECT_EQ("bin-check", r->id);
  EXPECT_EQ("4.0", r->version);
  EXPECT_EQ("published", r->status);
  EXPECT_EQ("Larger bin check", r->Text("summary.name"));
  EXPECT_EQ("2025-06-01", r->last_changed().Iso());
  EXPECT_EQ("2026-06-01", r->next_review.Iso());  // updated + 12 months
  EXPECT_EQ(0, d.error_count() + d.warning_count()) << d.Format();
}

TEST(RecordLoaderTest, TypesTheChangeLogOnceInFileOrder) {
  Diagnostics d;
  const std::string text = testing::ReplaceOnce(
      BaseRecord(), "changes:\n", "changes:\n  - date: 2025-07-02\n    note: Added *Welsh* letters.\n");
  std::optional<Record> r = LoadRecord("records/bin-check.yaml", "bin-check", text, SiteConfig{}, &d);
  ASSERT_TRUE(r) << d.Format();
  ASSERT_EQ(2u, r->changes.size());
  EXPECT_EQ("2025-07-02", r->changes[0].date.Iso());
  EXPECT_EQ("Added *Welsh* letters.", r->changes[0].note);  // Markdown, rendered by the views
  EXPECT_EQ("2025-06-01", r->changes[1].date.Iso());
  EXPECT_EQ("Updated the household size rule.", r->changes[1].note);
}

TEST(RecordLoaderTest, AChangeWithABadDateIsAnErrorNotAnEntry) {
  Diagnostics d;
  const std::string text = testing::ReplaceOnce(BaseRecord(), "  - date: 2025-06-01", "  - date: 2025-13-01");
  EXPECT_FALSE(LoadRecord("records/bin-check.yaml", "bin-check", text, SiteConfig{}, &d));
  EXPECT_NE(std::string::npos, d.Format().find("records/bin-check.yaml:63:11: error:")) << d.Format();
}

TEST(RecordLoaderTest, ThirdPartiesRequiredWhenInvolvementIsYes) {
  Diagnostics d;
  const std::string text = testing::ReplaceOnce(BaseRecord(), "third_party_involvement: no", "third_party_involvement: yes");
  EXPECT_FALSE(LoadRecord("r.yaml", "r", text, SiteConfig{}, &d));
  EXPECT_NE(std::string::npos, d.Format().find("\"third_party_involvement\" is yes, so list each one")) << d.Format();
}

TEST(RecordLoaderTest, RetiredNeedsArchivedDate) {
  Diagnostics d;
  std::string text = testing::ReplaceOnce(BaseRecord(), "status: published", "status: retired");
  text = testing::ReplaceOnce(text, "phase: production", "phase: retired");
  EXPECT_FALSE(LoadRecord("r.yaml", "r", text, SiteConfig{}, &d));
  EXPECT_NE(std::string::npos, d.Format().find("status is retired, so \"dates\" needs \"archived\"")) << d.Format();
}

TEST(RecordLoaderTest, DatesMustBeInOrder) {
  Diagnostics d;
  const std::string text = testing::ReplaceOnce(BaseRecord(), "updated: 2025-06-01", "updated: 2024-06-01");
  EXPECT_FALSE(LoadRecord("r.yaml", "r", text, SiteConfig{}, &d));
  EXPECT_NE(std::string::npos, d.Format().find("r.yaml:14:12: error: updated (2024-06-01) is before published (2025-01-28)"))
      << d.Format();
}

TEST(RecordLoaderTest, EmptyIdMeansTheFileName) {
  Diagnostics d;
  std::optional<Record> r = LoadRecord("records/bin-check.yaml", "bin-check", "id: \"\"\n" + BaseRecord(), SiteConfig{}, &d);
  ASSERT_TRUE(r) << d.Format();
  EXPECT_EQ("bin-check", r->id);
}

TEST(RecordLoaderTest, InvalidFileNameWithoutIdIsAnError) {
  Diagnostics d;
  EXPECT_FALSE(LoadRecord("records/Bin Check.yaml", "Bin Check", BaseRecord(), SiteConfig{}, &d));
  EXPECT_NE(std::string::npos, d.Format().find("is not a valid record file name")) << d.Format();
}

TEST(RecordLoaderTest, PartlyWithheldFieldIsKeptAndNotReported) {
  Diagnostics d;
  const std::string text = BaseRecord() + "redactions:\n  - field: technical.system_architecture\n    reason: Security.\n";
  std::optional<Record> r = LoadRecord("r.yaml", "r", text, SiteConfig{}, &d);
  ASSERT_TRUE(r) << d.Format();
  EXPECT_EQ(1u, r->withheld.count("technical.system_architecture"));
  EXPECT_EQ(0, d.warning_count()) << d.Format();
}

TEST(RecordLoaderTest, RedactionOfUnknownFieldSuggestsNearest) {
  Diagnostics d;
  const std::string text = BaseRecord() + "redactions:\n  - field: technical.modles\n    reason: Security.\n";
  EXPECT_FALSE(LoadRecord("r.yaml", "r", text, SiteConfig{}, &d));
  EXPECT_NE(std::string::npos, d.Format().find("(did you mean \"technical.models\"?)")) << d.Format();
}

TEST(RecordLoaderTest, PublishedRecordsCheckCleanlyWithWarningsForTheirQuirks) {
  // Quirks of real GOV.UK records (atrs-reference.md section 5): N/A, a URL
  // without a scheme, an email with a display name, involvement "no" with a
  // supplier named. Warnings, never errors.
  std::string text = testing::ReplaceOnce(BaseRecord(), "website_url: https://www.test.example/bins", "website_url: www.lgo.org.uk");
  text = testing::ReplaceOnce(text, "contact_email: waste@test.example", "contact_email: Contact Centre CCMT <ContactCentreCCMT@dvla.gov.uk>");
  text = testing::ReplaceOnce(text, "  third_party_involvement: no\n",
                 "  third_party_involvement: no\n  third_parties:\n    - name: Goss Interactive\n"
                 "      companies_house_number: \"4546648\"\n      role: Supplies the digital platform.\n");
  Diagnostics d;
  std::optional<Record> r = LoadRecord("r.yaml", "r", text, SiteConfig{}, &d);
  ASSERT_TRUE(r) << d.Format();
  EXPECT_EQ(0, d.error_count());
  EXPECT_EQ(3, d.warning_count()) << d.Format();
}

}  // namespace
}  // namespace lantern
