#include <gtest/gtest.h>

#include "load/validator.h"
#include "load/yaml_reader.h"

namespace lantern {
namespace {

std::string Check(DocumentKind kind, const std::string& yaml, unsigned version = kV4) {
  Diagnostics d;
  std::optional<Value> v = ReadYaml("f.yaml", yaml, &d);
  EXPECT_TRUE(v) << d.Format();
  if (!v) return "";
  ValidationTarget target{kind, version, version == kV3 ? "3.0" : "4.0", "f.yaml", {}};
  ValidateDocument(target, *v, &d);
  std::string out;
  for (const Diagnostic& x : d.Sorted()) {
    out += std::to_string(x.location.line) + ":" + std::to_string(x.location.column) + " " +
           (x.severity == Severity::kError ? "error " : "warning ") + x.message + "\n";
  }
  return out;
}

TEST(ValidatorTest, PageFrontMatterAcceptsKnownFields) {
  EXPECT_EQ("", Check(DocumentKind::kPage, "title: T\nsummary: S\norder: 3\nnavigation: yes\nupdated: 2025-01-01\n"));
}

TEST(ValidatorTest, UnknownFieldSuggestsNearest) {
  EXPECT_EQ("2:1 error unknown field \"sumary\" (did you mean \"summary\"?)\n",
            Check(DocumentKind::kPage, "title: T\nsumary: S\n"));
}

TEST(ValidatorTest, UnknownFieldWithNoNearListsTheFields) {
  EXPECT_EQ(
      "2:1 error unknown field \"colour\"; the fields here are \"title\", \"summary\", \"order\", \"navigation\" or "
      "\"updated\"\n",
      Check(DocumentKind::kPage, "title: T\ncolour: blue\n"));
}

TEST(ValidatorTest, MissingRequiredFieldSaysWhatToWrite) {
  // A missing top-level field has no line of its own: the file is named alone.
  EXPECT_EQ("0:0 error missing required field \"title\" (Title): The page's heading and title.\n",
            Check(DocumentKind::kPage, "summary: S\n"));
}

TEST(ValidatorTest, WrongTypesAreNamed) {
  EXPECT_EQ("1:8 error \"title\" should be text, but is a list; write it as one paragraph, or use a '|' block for "
            "several lines\n",
            Check(DocumentKind::kPage, "title: [a, b]\n"));
  EXPECT_EQ("2:8 error \"order\" should be a whole number, not \"first\"\n",
            Check(DocumentKind::kPage, "title: T\norder: first\n"));
  EXPECT_EQ("2:13 error \"navigation\" should be yes or no, not \"maybe\"\n",
            Check(DocumentKind::kPage, "title: T\nnavigation: maybe\n"));
}

TEST(ValidatorTest, DatesMustBeRealAndWellWritten) {
  EXPECT_EQ("2:10 error \"updated\" is \"2025-02-30\", which is not a real date\n",
            Check(DocumentKind::kPage, "title: T\nupdated: 2025-02-30\n"));
  EXPECT_EQ("2:10 error \"updated\" should be a date written YYYY-MM-DD, e.g. 2025-01-28, not \"28/01/2025\"\n",
            Check(DocumentKind::kPage, "title: T\nupdated: 28/01/2025\n"));
}

TEST(ValidatorTest, UrlForms) {
  EXPECT_EQ(UrlForm::kValid, ClassifyUrl("https://www.example.gov.uk/rent"));
  EXPECT_EQ(UrlForm::kNotApplicable, ClassifyUrl("N/A"));
  EXPECT_EQ(UrlForm::kNoScheme, ClassifyUrl("www.lgo.org.uk"));
  EXPECT_EQ(UrlForm::kTrailingText, ClassifyUrl("https://contact.dvla.gov.uk/driving-licence The DVLA phone number"));
  EXPECT_EQ(UrlForm::kBadScheme, ClassifyUrl("javascript:alert(1)"));
  EXPECT_EQ(UrlForm::kBadScheme, ClassifyUrl("data:text/html,x"));
  EXPECT_EQ(UrlForm::kBadScheme, ClassifyUrl("file:///etc/passwd"));
  EXPECT_EQ(UrlForm::kInvalid, ClassifyUrl("rent team at example"));
  EXPECT_EQ(UrlForm::kInvalid, ClassifyUrl("https://"));
  EXPECT_EQ("https://www.lgo.org.uk", UrlTarget("www.lgo.org.uk"));
  EXPECT_EQ("https://contact.dvla.gov.uk/driving-licence", UrlTarget("https://contact.dvla.gov.uk/driving-licence The DVLA"));
}

TEST(ValidatorTest, EmailForms) {
  EXPECT_EQ(EmailForm::kValid, ClassifyEmail("rent.support@example.gov.uk"));
  EXPECT_EQ(EmailForm::kNotApplicable, ClassifyEmail("N/A"));
  EXPECT_EQ(EmailForm::kDisplayName, ClassifyEmail("Contact Centre CCMT <ContactCentreCCMT@dvla.gov.uk>"));
  EXPECT_EQ("ContactCentreCCMT@dvla.gov.uk", EmailAddress("Contact Centre CCMT <ContactCentreCCMT@dvla.gov.uk>"));
  EXPECT_EQ(EmailForm::kMailto, ClassifyEmail("mailto:waste@test.example"));
  EXPECT_EQ("waste@test.example", EmailAddress("mailto:waste@test.example"));
  EXPECT_EQ(EmailForm::kInvalid, ClassifyEmail("rent team at example"));
  EXPECT_EQ(EmailForm::kInvalid, ClassifyEmail("a@b@example.com"));
  EXPECT_EQ(EmailForm::kInvalid, ClassifyEmail("team@localhost"));
}

TEST(ValidatorTest, Ids) {
  EXPECT_TRUE(IsValidId("rent-arrears-tool"));
  EXPECT_TRUE(IsValidId("tool2"));
  EXPECT_FALSE(IsValidId("Rent_Tool"));
  EXPECT_FALSE(IsValidId("-rent"));
  EXPECT_FALSE(IsValidId("rent--tool"));
  EXPECT_FALSE(IsValidId(""));
}

TEST(ValidatorTest, SiteEnumAndVersionRules) {
  // A 3.0 phase in a 4.0 record names the 4.0 replacements.
  const std::string base = "atrs_version: \"4.0\"\nphase: beta-pilot\n";
  const std::string out = Check(DocumentKind::kRecord, base);
  EXPECT_NE(std::string::npos,
            out.find("2:8 error \"beta-pilot\" is not a phase in ATRS 4.0; use \"private-beta\" or \"public-beta\"\n"))
      << out;
  EXPECT_NE(std::string::npos,
            Check(DocumentKind::kRecord, "atrs_version: \"4.0\"\nphase: Public Beta\n")
                .find("\"Public Beta\" is not an allowed phase (did you mean \"public-beta\"?)"));
}

TEST(ValidatorTest, FieldOfTheOtherVersionNamesTheRightOne) {
  const std::string out = Check(DocumentKind::kRecord, "rationale:\n  scope: x\n");
  EXPECT_NE(std::string::npos,
            out.find("2:3 error \"scope\" is an ATRS 3.0 field; in a 4.0 record write \"detailed_description\"")) << out;
  const std::string v3 = Check(DocumentKind::kRecord, "technical:\n  system_level_input: x\n", kV3);
  EXPECT_NE(std::string::npos,
            v3.find("2:3 error \"system_level_input\" is not part of ATRS 3.0; remove it, or set atrs_version: \"4.0\""))
      << v3;
}

TEST(ValidatorTest, TierTwoKeyAtTopLevelSaysWhereItBelongs) {
  const std::string out = Check(DocumentKind::kRecord, "team: Waste\n");
  EXPECT_NE(std::string::npos, out.find("1:1 error unknown field \"team\"; it belongs under \"owner\"")) << out;
}

TEST(ValidatorTest, WithheldRequiredFieldCountsAsGiven) {
  Diagnostics d;
  std::optional<Value> v = ReadYaml("f.yaml", "title: T\n", &d);
  ASSERT_TRUE(v);
  ValidationTarget target{DocumentKind::kRecord, kV4, "4.0", "f.yaml", {"summary"}};
  Value record = Value::Map();
  record.Set("summary", Value::Map({1, 1}));
  ValidateDocument(target, record, &d);
  for (const Diagnostic& x : d.Sorted()) EXPECT_EQ(std::string::npos, x.message.find("\"name\"")) << x.message;
}

}  // namespace
}  // namespace lantern
