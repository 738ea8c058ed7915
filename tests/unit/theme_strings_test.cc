// Theme strings as whole sentences: named placeholders filled in one pass.
#include <gtest/gtest.h>

#include "assemble/theme.h"

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

}  // namespace
}  // namespace lantern
