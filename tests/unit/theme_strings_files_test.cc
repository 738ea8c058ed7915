// The default theme's strings files, held to en.yaml: every translation has
// the same keys, in the same order, with the same {placeholders}, and says
// something wherever English does (a sentence fragment around a value may be
// empty when the language's word order needs it).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "assemble/plural_rules.h"
#include "assemble/theme.h"
#include "base/file_system.h"
#include "load/yaml_reader.h"

namespace lantern {
namespace {

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A fragment the templates place before, after or between values.
bool IsFragment(const std::string& key) {
  return EndsWith(key, "_before") || EndsWith(key, "_after") || EndsWith(key, "_middle");
}

// Every "{name}" in `text`, as FillPlaceholders would see it.
std::set<std::string> Placeholders(const std::string& text) {
  std::set<std::string> names;
  size_t at = 0;
  while ((at = text.find('{', at)) != std::string::npos) {
    const size_t close = text.find('}', at + 1);
    if (close == std::string::npos) break;
    const std::string name = text.substr(at + 1, close - at - 1);
    if (name.find('{') == std::string::npos) {
      names.insert(name);
      at = close + 1;
    } else {
      ++at;
    }
  }
  return names;
}

std::string Join(const std::set<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "{" : ", {") + name + "}";
  return out.empty() ? "none" : out;
}

// Reads a flat strings file as its keys (in file order) and texts; a problem
// with the file itself goes to `problems`.
std::vector<std::pair<std::string, std::string>> ReadStrings(const std::string& path, const std::string& text,
                                                             std::vector<std::string>* problems) {
  std::vector<std::pair<std::string, std::string>> strings;
  Diagnostics diagnostics;
  std::optional<Value> root = ReadYaml(path, text, &diagnostics);
  if (!root || !root->is_map()) {
    problems->push_back(path + ": not a map of key: text lines");
    return strings;
  }
  for (const Value::Member& member : root->members()) {
    if (!member.value.is_text()) {
      problems->push_back(path + ": " + member.key + " is not text");
      continue;
    }
    strings.emplace_back(member.key, member.value.text());
  }
  return strings;
}

// The plural categories `language` uses for whole numbers (CLDR's rules, as
// Theme::Plural applies them): "one" and "other" for English, all six for Welsh.
std::set<std::string> CategoriesOf(const std::string& language) {
  std::set<std::string> categories;
  for (uint64_t n = 0; n <= 1000; ++n) categories.insert(std::string(PluralCategory(language, n)));
  return categories;
}

// The stem of a counted sentence's _other form ("data_records_count_other" →
// "data_records_count"), or "" for any other key.
std::string PluralStem(const std::string& key) {
  return EndsWith(key, "_other") ? key.substr(0, key.size() - 6) : std::string();
}

// Everything in which `translation` (named `path`, in `language`) differs from
// English, one line each; empty when they agree. A counted sentence has, in
// place of English's _one/_other forms, one form per category of the language,
// each with English's _other placeholders.
std::vector<std::string> CompareWithEnglish(const std::string& english, const std::string& path,
                                            const std::string& translation, const std::string& language = "cy") {
  std::vector<std::string> problems;
  auto en = ReadStrings("en.yaml", english, &problems);
  const auto other = ReadStrings(path, translation, &problems);
  // English's plural forms, re-cut to the translation's categories, in CLDR
  // order where English's _other form stands.
  static const char* kOrder[] = {"zero", "one", "two", "few", "many", "other"};
  const std::set<std::string> categories = CategoriesOf(language);
  const auto has_key = [&](const std::string& key) {
    return std::any_of(en.begin(), en.end(), [&](const auto& entry) { return entry.first == key; });
  };
  std::vector<std::pair<std::string, std::string>> expected;
  for (const auto& [key, text] : en) {
    if (const std::string stem = PluralStem(key); !stem.empty()) {
      for (const char* category : kOrder) {
        if (categories.count(category)) expected.emplace_back(stem + "_" + category, text);
      }
    } else if (!(EndsWith(key, "_one") && has_key(key.substr(0, key.size() - 4) + "_other"))) {
      expected.emplace_back(key, text);
    }
  }
  en = std::move(expected);
  std::vector<std::string> en_keys;
  std::vector<std::string> other_keys;
  for (const auto& [key, text] : en) en_keys.push_back(key);
  for (const auto& [key, text] : other) other_keys.push_back(key);
  const std::set<std::string> en_set(en_keys.begin(), en_keys.end());
  const std::set<std::string> other_set(other_keys.begin(), other_keys.end());
  for (const std::string& key : en_keys) {
    if (!other_set.count(key)) problems.push_back("missing key: " + key);
  }
  for (const std::string& key : other_keys) {
    if (!en_set.count(key)) problems.push_back("extra key: " + key);
  }
  for (const auto& [key, en_text] : en) {
    const auto found = std::find_if(other.begin(), other.end(), [&](const auto& entry) { return entry.first == key; });
    if (found == other.end()) continue;
    const std::set<std::string> en_names = Placeholders(en_text);
    const std::set<std::string> other_names = Placeholders(found->second);
    if (en_names != other_names) {
      problems.push_back("placeholders of " + key + ": en.yaml has " + Join(en_names) + ", " + path + " has " +
                         Join(other_names));
    }
    if (found->second.empty() && !en_text.empty() && !IsFragment(key)) problems.push_back("empty text: " + key);
  }
  // Same keys but another order: the files are read side by side.
  if (problems.empty() && en_keys != other_keys) {
    for (size_t i = 0; i < en_keys.size(); ++i) {
      if (en_keys[i] != other_keys[i]) {
        problems.push_back("order: en.yaml has " + en_keys[i] + " where " + path + " has " + other_keys[i]);
        break;
      }
    }
  }
  return problems;
}

std::string Embedded(const std::string& path) {
  Result<std::string> text = EmbeddedFiles().ReadFile(path);
  EXPECT_TRUE(text.ok()) << path;
  return text.ok() ? text.value() : std::string();
}

std::string Lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

TEST(ThemeStringsFilesTest, EveryStringsFileOfTheThemeMatchesEnglish) {
  // cy.yaml, and any language added later.
  const std::string en = Embedded("themes/default/strings/en.yaml");
  const std::vector<std::string> names = EmbeddedFiles().List("themes/default/strings");
  EXPECT_NE(names.end(), std::find(names.begin(), names.end(), "cy.yaml"));
  for (const std::string& name : names) {
    if (name == "en.yaml" || !EndsWith(name, ".yaml")) continue;
    const std::vector<std::string> problems =
        CompareWithEnglish(en, name, Embedded("themes/default/strings/" + name), name.substr(0, name.size() - 5));
    EXPECT_TRUE(problems.empty()) << name << ":\n" << Lines(problems);
  }
}

TEST(ThemeStringsFilesTest, ReportsAMissingKeyAnExtraKeyARenamedPlaceholderAndAnEmptyText) {
  const std::string en =
      "greeting: \"Hello, {name}.\"\n"
      "farewell: \"Goodbye\"\n"
      "intro_before: \"This site is by\"\n"
      "retention: \"We keep it for {days} days.\"\n"
      "title: \"Home\"\n";
  const std::string cy =
      "greeting: \"Helo, {enw}.\"\n"  // placeholder renamed
      "intro_before: \"\"\n"          // a fragment may be empty
      "retention: \"Rydym yn ei gadw am {days} diwrnod.\"\n"
      "title: \"\"\n"                 // a whole string may not
      "extra: \"Ychwanegol\"\n";      // no such key in English
  // farewell is missing.
  const std::vector<std::string> problems = CompareWithEnglish(en, "cy.yaml", cy);
  EXPECT_EQ((std::vector<std::string>{
                "missing key: farewell",
                "extra key: extra",
                "placeholders of greeting: en.yaml has {name}, cy.yaml has {enw}",
                "empty text: title",
            }),
            problems);
}

TEST(ThemeStringsFilesTest, ReportsADroppedPlaceholderAndKeysOutOfOrder) {
  const std::string en = "a: \"{count} records\"\nb: \"B\"\nc: \"C\"\n";
  EXPECT_EQ((std::vector<std::string>{"placeholders of a: en.yaml has {count}, cy.yaml has none"}),
            CompareWithEnglish(en, "cy.yaml", "a: \"cofnodion\"\nb: \"B\"\nc: \"C\"\n"));
  EXPECT_EQ((std::vector<std::string>{"order: en.yaml has b where cy.yaml has c"}),
            CompareWithEnglish(en, "cy.yaml", "a: \"{count} cofnod\"\nc: \"C\"\nb: \"B\"\n"));
  EXPECT_TRUE(CompareWithEnglish(en, "cy.yaml", "a: \"Cofnodion: {count}\"\nb: \"B\"\nc: \"C\"\n").empty());
}

TEST(ThemeStringsFilesTest, ACountedSentenceNeedsEveryFormOfTheLanguage) {
  const std::string en = "n_one: \"{count} record\"\nn_other: \"{count} records\"\nt: \"T\"\n";
  const std::string all_six =
      "n_zero: \"{count} cofnod\"\nn_one: \"{count} cofnod\"\nn_two: \"{count} gofnod\"\n"
      "n_few: \"{count} chofnod\"\nn_many: \"{count} chofnod\"\nn_other: \"{count} cofnod\"\nt: \"T\"\n";
  EXPECT_TRUE(CompareWithEnglish(en, "cy.yaml", all_six).empty()) << Lines(CompareWithEnglish(en, "cy.yaml", all_six));
  // Welsh with only English's forms lacks four; and each form keeps {count}.
  EXPECT_EQ((std::vector<std::string>{"missing key: n_zero", "missing key: n_two", "missing key: n_few",
                                      "missing key: n_many"}),
            CompareWithEnglish(en, "cy.yaml", "n_one: \"{count} cofnod\"\nn_other: \"{count} cofnod\"\nt: \"T\"\n"));
  std::string dropped = all_six;
  dropped.replace(dropped.find("{count} gofnod"), 14, "dau gofnod");
  EXPECT_EQ((std::vector<std::string>{"placeholders of n_two: en.yaml has {count}, cy.yaml has none"}),
            CompareWithEnglish(en, "cy.yaml", dropped));
  // A language with English's categories needs only _one and _other.
  EXPECT_TRUE(CompareWithEnglish(en, "xx.yaml", "n_one: \"{count} r\"\nn_other: \"{count} rs\"\nt: \"T\"\n", "xx").empty());
}

TEST(ThemeStringsFilesTest, AWelshSiteGetsTheWelshStrings) {
  // What LoadTheme does for site.yaml's language: the language's file over English.
  MemoryFileSystem site_files;
  Theme theme;
  Diagnostics d;
  ASSERT_TRUE(LoadTheme(EmbeddedFiles(), site_files, "site", "cy", &theme, &d)) << d.Format();
  EXPECT_EQ("Neidio i'r prif gynnwys", theme.String("skip_link"));
  EXPECT_EQ("Cofnodion", theme.String("records_title"));
  EXPECT_EQ("Rydym yn ei gadw am 365 diwrnod.", theme.Sentence("feedback_retention", {{"days", "365"}}));
  EXPECT_EQ("Mae 2 gofnod yn y gofrestr.", theme.Plural("data_records_count", 2));
  EXPECT_EQ("Mae 3 chofnod yn y gofrestr.", theme.Plural("data_records_count", 3));
}

}  // namespace
}  // namespace lantern
