// Theme strings as whole sentences: named placeholders filled in one pass.
#include <gtest/gtest.h>

#include "assemble/plural_rules.h"
#include "assemble/theme.h"
#include "assemble/views.h"
#include "render/template.h"
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

// Parts as one line: words in [brackets], slots in <angle brackets>.
std::string Shown(const std::vector<SentencePart>& parts) {
  std::string out;
  for (const SentencePart& part : parts) out += part.slot.empty() ? "[" + part.text + "]" : "<" + part.slot + ">";
  return out;
}

TEST(SentencePartsTest, CutsASentenceAtEachPlaceholderInTheSentencesOwnOrder) {
  EXPECT_EQ("[It was retired on ]<date>[.]", Shown(SplitPlaceholders("It was retired on {date}.", {})));
  EXPECT_EQ("<date>[ oedd y diwrnod.]", Shown(SplitPlaceholders("{date} oedd y diwrnod.", {})));  // first
  EXPECT_EQ("[The test was carried out by ]<tester>", Shown(SplitPlaceholders("The test was carried out by {tester}", {})));
  EXPECT_EQ("[From ]<start>[ to ]<end>[.]", Shown(SplitPlaceholders("From {start} to {end}.", {})));
  EXPECT_EQ("[Until ]<end>[, from ]<start>", Shown(SplitPlaceholders("Until {end}, from {start}", {})));  // swapped
  EXPECT_EQ("[No placeholder at all.]", Shown(SplitPlaceholders("No placeholder at all.", {})));
  EXPECT_EQ("", Shown(SplitPlaceholders("", {})));
}

TEST(SentencePartsTest, AdjacentAndRepeatedPlaceholdersAreEachASlot) {
  EXPECT_EQ("<percent><judged>", Shown(SplitPlaceholders("{percent}{judged}", {})));  // no empty words between
  EXPECT_EQ("<a>[ and ]<a>[ again]", Shown(SplitPlaceholders("{a} and {a} again", {})));
  EXPECT_EQ("<date>", Shown(SplitPlaceholders("{date}", {})));
}

TEST(SentencePartsTest, FillsTheValuesItIsGivenAsWordsAndNeverReadsTheirBraces) {
  EXPECT_EQ("[Cyngor Caerdydd tested it on ]<date>[.]",
            Shown(SplitPlaceholders("{organisation} tested it on {date}.", {{"organisation", "Cyngor Caerdydd"}})));
  EXPECT_EQ("[By {date} on ]<date>", Shown(SplitPlaceholders("By {organisation} on {date}", {{"organisation", "{date}"}})));
  EXPECT_EQ("[ab]<c>", Shown(SplitPlaceholders("a{x}b{c}", {{"x", ""}})));  // an empty value joins the words
  EXPECT_EQ("[All filled]", Shown(SplitPlaceholders("{a} {b}", {{"a", "All"}, {"b", "filled"}})));
}

TEST(SentencePartsTest, AnUnknownPlaceholderIsASlotOfItsOwnNameForTheThemeTestToFind) {
  // A misspelt {dat} is not dropped here: the template has no slot_dat, and
  // the strings files test reports the sentence whose slots it lacks.
  EXPECT_EQ("[On ]<dat>[.]", Shown(SplitPlaceholders("On {dat}.", {{"date", "2 June 2025"}})));
}

TEST(SentencePartsTest, BracesThatNameNoPlaceholderAreWords) {
  EXPECT_EQ("[a { b ]<x>[ c]", Shown(SplitPlaceholders("a { b {x} c", {})));  // a lone brace, then a placeholder
  EXPECT_EQ("[open {never closed]", Shown(SplitPlaceholders("open {never closed", {})));
  EXPECT_EQ("[}]<x>[{]", Shown(SplitPlaceholders("}{x}{", {})));
  EXPECT_EQ("[{]<x>[}]", Shown(SplitPlaceholders("{{x}}", {})));
  EXPECT_EQ("[{} {two words} { x } {dydd_Sul!}]", Shown(SplitPlaceholders("{} {two words} { x } {dydd_Sul!}", {})));
  EXPECT_EQ("[{dáte}]", Shown(SplitPlaceholders("{dáte}", {})));  // ASCII names only
}

TEST(SentencePartsTest, SplitAndFillReadTheSameBraces) {
  // Filling the parts' slots back in as "{name}" gives what FillPlaceholders
  // gives: the two never disagree about what a placeholder is.
  const std::map<std::string, std::string> values = {{"organisation", "{date} & Co"}, {"", "empty"}};
  for (const char* text : {"It was retired on {date}.", "{a}{b}", "a { b {x} c", "}{x}{", "{{x}}", "{}",
                           "{organisation} on {date}", "open {never", "{two words} {organisation}"}) {
    std::string joined;
    for (const SentencePart& part : SplitPlaceholders(text, values)) {
      joined += part.slot.empty() ? part.text : "{" + part.slot + "}";
    }
    EXPECT_EQ(FillPlaceholders(text, values), joined) << text;
  }
}

TEST(SentencePartsTest, TheConstantViewHoldsEverySentenceWithASlotAsItsParts) {
  Site site;
  site.config.organisation = "Example Council";
  Theme theme;
  theme.strings.Set("retired_on", TextValue("It was retired on {date}."));
  theme.strings.Set("intro", TextValue("{organisation} uses these tools."));  // no slot: sentences.intro only
  theme.strings.Set("tested", TextValue("{organisation} tested it on {date}; {tester} did."));
  theme.strings.Set("plain", TextValue("No placeholders."));
  const Value view = ConstantView(site, theme);
  const Value* parts = view.Find("parts");
  ASSERT_NE(nullptr, parts);
  EXPECT_EQ(nullptr, parts->Find("intro"));
  EXPECT_EQ(nullptr, parts->Find("plain"));
  const Value* tested = parts->Find("tested");
  ASSERT_NE(nullptr, tested);
  ASSERT_EQ(5u, tested->items().size());
  // Every part has a text and every slot of its sentence.
  const auto part = [&](size_t n, const char* text, bool date, bool tester) {
    const Value& p = tested->items()[n];
    ASSERT_NE(nullptr, p.Find("text")) << n;
    EXPECT_EQ(text, p.Find("text")->text()) << n;
    ASSERT_NE(nullptr, p.Find("slot_date")) << n;
    ASSERT_NE(nullptr, p.Find("slot_tester")) << n;
    EXPECT_EQ(date, p.Find("slot_date")->as_bool()) << n;
    EXPECT_EQ(tester, p.Find("slot_tester")->as_bool()) << n;
  };
  part(0, "Example Council tested it on ", false, false);
  part(1, "", true, false);
  part(2, "; ", false, false);
  part(3, "", false, true);
  part(4, " did.", false, false);
}

TEST(SentencePartsTest, ATemplateWalksThePartsWithThePagesOwnValuesAroundThem) {
  Site site;
  Theme theme;
  theme.strings.Set("tested", TextValue("Profwyd ar {date}. {tester} a'i profodd."));
  TemplateSet templates;
  Diagnostics d;
  // Inside a slot the page's own values are found; a "text" or a slot_ name
  // further up the page's context never leaks into the sentence.
  ASSERT_TRUE(templates.AddTemplate(
      "t", "t.mustache",
      "{{#outer}}{{#parts.tested}}{{text}}{{#slot_date}}<time datetime=\"{{day.iso}}\">{{day.display}}</time>"
      "{{/slot_date}}{{#slot_tester}}<b>{{who}}</b>{{/slot_tester}}{{/parts.tested}}{{/outer}}",
      &d))
      << d.Format();
  templates.SetConstants(ConstantView(site, theme));
  const Value view = Value::Map()
                         .Set("outer", Value::Map().Set("text", TextValue("LEAK")).Set("slot_date", Value::Bool(true)))
                         .Set("day", Value::Map().Set("iso", TextValue("2025-06-02")).Set("display", TextValue("2 Mehefin 2025")))
                         .Set("who", TextValue("Tîm <digidol>"));
  EXPECT_EQ("Profwyd ar <time datetime=\"2025-06-02\">2 Mehefin 2025</time>. <b>Tîm &lt;digidol&gt;</b> a&#39;i profodd.",
            templates.Render("t", view, &d).value_or("(not rendered)"))
      << d.Format();
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
