// The standard's own words in the theme's languages (themes/default/standard/):
// every label, section title and value name a record page can show has a
// translation, none is for a word the schema table does not have, and pages
// in Welsh show them unmarked while English stays where one is missing.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "assemble/theme.h"
#include "base/file_system.h"
#include "load/schema.h"
#include "load/yaml_reader.h"
#include "testing/test_support.h"

namespace lantern {
namespace {

// Every one of the standard's words a record page can show, in English.
std::set<std::string> WordsOfTheTable() {
  std::set<std::string> words;
  std::set<std::string> enumerations;
  for (const FieldSpec& field : AllFields()) {
    if (field.document != DocumentKind::kRecord) continue;
    for (const char* label : {field.label, field.label_v3}) {
      if (label != nullptr && *label != '\0') words.insert(label);
    }
    if (field.enumeration != nullptr) enumerations.insert(field.enumeration);
  }
  for (const SectionSpec& section : RecordSections()) {
    words.insert(section.title);
    if (section.title_v3 != nullptr) words.insert(section.title_v3);
  }
  for (const EnumValue& value : AllEnumValues()) {
    if (enumerations.count(value.enumeration)) words.insert(value.label);
  }
  return words;
}

TEST(StandardWordsTest, TheWelshFileHasEveryWordOfTheTableAndNoOther) {
  const std::string path = testing::SourceDir() + "/themes/default/standard/cy.yaml";
  Diagnostics d;
  const std::optional<Value> file = ReadYaml(path, testing::ReadFileOrEmpty(path), &d);
  ASSERT_TRUE(file && file->is_map()) << d.Format();
  const std::set<std::string> table = WordsOfTheTable();
  ASSERT_GT(table.size(), 150u);
  std::set<std::string> translated;
  for (const Value::Member& member : file->members()) {
    translated.insert(member.key);
    EXPECT_TRUE(table.count(member.key)) << "\"" << member.key << "\" is not a word of the schema table";
    ASSERT_TRUE(member.value.is_text()) << member.key;
    EXPECT_FALSE(member.value.text().empty()) << member.key;
  }
  for (const std::string& word : table) EXPECT_TRUE(translated.count(word)) << "no Welsh for \"" << word << "\"";
}

Theme LoadedTheme(const std::string& language) {
  Theme theme;
  DiskFileSystem disk;
  testing::TempDir site;
  Diagnostics d;
  EXPECT_TRUE(LoadTheme(EmbeddedFiles(), disk, site.path(), language, &theme, &d)) << d.Format();
  return theme;
}

TEST(StandardWordsTest, WelshShowsTheTranslationUnmarkedAndEnglishMarkedWhereThereIsNone) {
  const Theme welsh = LoadedTheme("cy");
  EXPECT_EQ("Cam", welsh.Standard("Phase").text);
  EXPECT_EQ("", welsh.Standard("Phase").lang);
  EXPECT_EQ("Ar waith", welsh.Standard("Production").text);
  // A word with no translation (a theme's own, or a new field): English, marked.
  EXPECT_EQ("No such label", welsh.Standard("No such label").text);
  EXPECT_EQ("en", welsh.Standard("No such label").lang);
  // cy-GB reads cy's file.
  EXPECT_EQ("Cam", LoadedTheme("cy-GB").Standard("Phase").text);
  // English pages show the table's words as they are, unmarked.
  const Theme english = LoadedTheme("en");
  EXPECT_EQ("Phase", english.Standard("Phase").text);
  EXPECT_EQ("", english.Standard("Phase").lang);
  EXPECT_TRUE(english.standard_words.members().empty());
  // A language with no file: English, marked.
  EXPECT_EQ("en", LoadedTheme("fr").Standard("Phase").lang);
  // The words are part of the theme's fingerprint (the preview's cache key).
  Theme changed = welsh;
  changed.standard_words.Set("Phase", TextValue("Cam newydd"));
  EXPECT_NE(ThemeFingerprint(welsh), ThemeFingerprint(changed));
}

}  // namespace
}  // namespace lantern
