// Theme strings as whole sentences: named placeholders filled in one pass.
#include <gtest/gtest.h>

#include "assemble/plural_rules.h"
#include "assemble/theme.h"
#include "testing/example_site.h"

namespace lantern {
namespace {

TEST(ThemeStringsTest, FillsEveryNamedPlaceholderWhereverItStands) {
  EXPECT_EQ(FillPlaceholders("We keep it for {days} days.", {{"days", "365"}}), "We keep it for 365 days.");
  // Word order is the translation's: the same names, in another order, twice.
  EXPECT_EQ(FillPlaceholders("{b} then {a}, and {b} again", {{"a", "one"}, {"b", "two"}}), "two then one, and two again");
}

TEST(ThemeStringsTest, NeverFillsBracesThatCameFromAValue) {
  // A record named "{tool}" (or a resident's text) must appear as typed.
  EXPECT_EQ(FillPlaceholders("About {tool} by {org}", {{"tool", "{org}"}, {"org", "Council"}}),
            "About {org} by Council");
}

TEST(ThemeStringsTest, KeepsUnknownAndBrokenPlaceholdersVisible) {
  EXPECT_EQ(FillPlaceholders("Hello {name}", {}), "Hello {name}");
  EXPECT_EQ(FillPlaceholders("a { b {x} c", {{"x", "X"}}), "a { b X c");
  EXPECT_EQ(FillPlaceholders("open {never closed", {{"never closed", "no"}}), "open {never closed");
  EXPECT_EQ(FillPlaceholders("{}", {{"", "empty"}}), "empty");
  EXPECT_EQ(FillPlaceholders("", {{"x", "X"}}), "");
  EXPECT_EQ(FillPlaceholders("}{x}{", {{"x", "X"}}), "}X{");
}

TEST(ThemeStringsTest, SentenceReadsTheKeyAndShowsAMissingKey) {
  Theme theme;
  theme.strings.Set("greeting", TextValue("Croeso, {name}."));
  EXPECT_EQ(theme.Sentence("greeting", {{"name", "Siân"}}), "Croeso, Siân.");
  EXPECT_EQ(theme.Sentence("absent", {{"name", "x"}}), "[absent]");
}

TEST(PluralRulesTest, WelshUsesAllSixCategories) {
  const char* expected[] = {"zero", "one", "two", "few", "other", "other", "many", "other", "other", "other", "other"};
  for (uint64_t n = 0; n <= 10; ++n) EXPECT_EQ(PluralCategory("cy", n), expected[n]) << n;
  EXPECT_EQ(PluralCategory("cy-GB", 2), "two");  // the region does not change the rule
  EXPECT_EQ(PluralCategory("cy", 11), "other");
  EXPECT_EQ(PluralCategory("cy", 100), "other");
  EXPECT_EQ(PluralCategory("cy", 1000000), "other");
}

TEST(PluralRulesTest, EnglishAndUnknownLanguagesUseOneAndOther) {
  EXPECT_EQ(PluralCategory("en", 0), "other");
  EXPECT_EQ(PluralCategory("en", 1), "one");
  EXPECT_EQ(PluralCategory("en-GB", 2), "other");
  EXPECT_EQ(PluralCategory("", 1), "one");
  EXPECT_EQ(PluralCategory("xx", 6), "other");
}

TEST(PluralRulesTest, PluralPicksTheFormThenOtherThenShowsTheMissingKey) {
  Theme theme;
  theme.language = "cy";
  theme.strings.Set("records_zero", TextValue("Dim cofnodion"));
  theme.strings.Set("records_two", TextValue("{count} gofnod yn {place}"));
  theme.strings.Set("records_other", TextValue("{count} cofnod"));
  EXPECT_EQ(theme.Plural("records", 0), "Dim cofnodion");
  EXPECT_EQ(theme.Plural("records", 2, {{"place", "Caerdydd"}}), "2 gofnod yn Caerdydd");
  EXPECT_EQ(theme.Plural("records", 3), "3 cofnod");  // no _few: _other
  theme.language = "en";
  EXPECT_EQ(theme.Plural("records", 2), "2 cofnod");  // English has no _two
  EXPECT_EQ(theme.Plural("absent", 1), "[absent_other]");
}

TEST(ThemeDatesTest, ADayWithItsWeekdayInEachLanguageAndTheShortFormWithoutTheStrings) {
  const Theme& english = testing::DefaultTheme("en");
  const Theme& welsh = testing::DefaultTheme("cy");
  EXPECT_EQ("Tuesday 22 December 2026", english.DisplayDateWithWeekday(Date{2026, 12, 22}));
  EXPECT_EQ("Dydd Mawrth 22 Rhagfyr 2026", welsh.DisplayDateWithWeekday(Date{2026, 12, 22}));
  EXPECT_EQ("Sunday 3 January 2027", english.DisplayDateWithWeekday(Date{2027, 1, 3}));   // the first name
  EXPECT_EQ("Dydd Sadwrn 26 Rhagfyr 2026", welsh.DisplayDateWithWeekday(Date{2026, 12, 26}));  // the last
  EXPECT_EQ("Dydd Mawrth 29 Chwefror 2028", welsh.DisplayDateWithWeekday(Date{2028, 2, 29}));
  EXPECT_EQ("2 Mehefin 2025", welsh.DisplayDate(Date{2025, 6, 2}));
  Theme bare;
  EXPECT_EQ(bare.DisplayDate(Date{2026, 12, 22}), bare.DisplayDateWithWeekday(Date{2026, 12, 22}));
  Theme short_list = english;
  short_list.strings.Set("date_weekdays", TextValue("Sunday, Monday"));
  EXPECT_EQ("22 December 2026", short_list.DisplayDateWithWeekday(Date{2026, 12, 22}));
}

}  // namespace
}  // namespace lantern
