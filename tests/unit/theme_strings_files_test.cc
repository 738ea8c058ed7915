// The default theme's strings files, held to en.yaml and to the templates:
// every translation has the same keys, in the same order, with the same
// {placeholders}; no string is empty or a piece of a sentence (a key ending
// _before, _after or _middle), since a translator can neither reorder nor
// mutate words cut apart; and every sentence a template walks as parts has
// a slot there for each of its placeholders.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
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

// A piece of a sentence the templates would place before, after or between
// values ("retired_on_before", "feedback_stats_on_time_of_after"): the
// sentence should be one string with {placeholders} instead.
bool IsFragment(const std::string& key) {
  for (const char* piece : {"_before", "_after", "_middle"}) {
    for (size_t at = key.find(piece); at != std::string::npos; at = key.find(piece, at + 1)) {
      const size_t end = at + std::string(piece).size();
      if (end == key.size() || key[end] == '_') return true;
    }
  }
  return false;
}

// What is wrong with the strings of one file on its own, whatever its
// language: pieces of sentences, and texts with no words (nothing a
// template shows is ever blank).
std::vector<std::string> CheckWholeSentences(const std::vector<std::pair<std::string, std::string>>& strings) {
  std::vector<std::string> problems;
  for (const auto& [key, text] : strings) {
    if (IsFragment(key)) problems.push_back("a piece of a sentence: " + key);
    if (text.find_first_not_of(" ") == std::string::npos) problems.push_back("empty text: " + key);
  }
  return problems;
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
  }
  for (const std::string& problem : CheckWholeSentences(other)) problems.push_back(problem);
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

// A tag of a template that starts with a given opening ("{{#slot_"): the
// rest of its name, and where the tag starts and ends.
struct NamedTag {
  std::string name;
  size_t start;
  size_t end;
};

// Whether the tag at `start` is the whole value of a data- attribute
// (data-status="{{strings.search_status}}"): words for a script to fill in,
// not shown as they are.
bool IsDataAttributeValue(const std::string& text, size_t start) {
  if (start < 2 || text.compare(start - 2, 2, "=\"") != 0) return false;
  const size_t name = text.find_last_of(" \t\n", start - 2);
  return name != std::string::npos && text.compare(name + 1, 5, "data-") == 0;
}

// The tags of `text` that start with `open`, from `from` to `to`.
std::vector<NamedTag> TagsStarting(const std::string& text, const std::string& open, size_t from = 0,
                                   size_t to = std::string::npos) {
  std::vector<NamedTag> tags;
  for (size_t at = text.find(open, from); at < to; at = text.find(open, at + 1)) {
    const size_t end = text.find("}}", at);
    if (end == std::string::npos) break;
    tags.push_back({text.substr(at + open.size(), end - at - open.size()), at, end + 2});
  }
  return tags;
}

// Everything in which the template or partial `text` (named `path`) and the
// English strings disagree: a sentence it walks as {{#parts.key}} whose
// placeholders are not the slots it fills there (a placeholder it has no
// slot for would vanish from the page), and a string with placeholders it
// shows whole (as {{strings.key}}, braces and all, unless for a script).
std::vector<std::string> CheckTemplateAgainstStrings(const std::string& path, const std::string& text,
                                                     const std::map<std::string, std::string>& en) {
  std::vector<std::string> problems;
  for (const NamedTag& walk : TagsStarting(text, "{{#parts.")) {
    const std::string& key = walk.name;
    const auto sentence = en.find(key);
    const size_t close = text.find("{{/parts." + key + "}}", walk.end);
    if (sentence == en.end() || close == std::string::npos) {
      problems.push_back(path + ": parts." + key + ": no such string, or the section is not closed");
      continue;
    }
    std::set<std::string> placeholders = Placeholders(sentence->second);
    placeholders.erase("organisation");  // filled in as words, once per build
    std::set<std::string> slots;
    for (const NamedTag& slot : TagsStarting(text, "{{#slot_", walk.end, close)) slots.insert(slot.name);
    if (slots != placeholders) {
      problems.push_back(path + ": parts." + key + " fills " + Join(slots) + ", the sentence has " + Join(placeholders));
    }
  }
  for (const NamedTag& shown : TagsStarting(text, "{{strings.")) {
    const auto found = en.find(shown.name);
    if (found != en.end() && !Placeholders(found->second).empty() && !IsDataAttributeValue(text, shown.start)) {
      problems.push_back(path + ": strings." + shown.name + " shows its placeholders: use parts." + shown.name +
                         " or sentences." + shown.name);
    }
  }
  return problems;
}

TEST(ThemeStringsFilesTest, EveryTemplateFillsEverySlotOfTheSentencesItWalks) {
  std::vector<std::string> problems;
  const auto en_list = ReadStrings("en.yaml", Embedded("themes/default/strings/en.yaml"), &problems);
  const std::map<std::string, std::string> en(en_list.begin(), en_list.end());
  int walked = 0;
  for (const std::string folder : {"themes/default/templates", "themes/default/partials"}) {
    for (const std::string& name : EmbeddedFiles().List(folder)) {
      const std::string text = Embedded(folder + "/" + name);
      walked += static_cast<int>(TagsStarting(text, "{{#parts.").size());
      for (const std::string& problem : CheckTemplateAgainstStrings(name, text, en)) problems.push_back(problem);
    }
  }
  EXPECT_GE(walked, 20);  // the theme's sentences around dates and links
  EXPECT_TRUE(problems.empty()) << Lines(problems);
}

TEST(ThemeStringsFilesTest, ReportsASlotATemplateLacksOrAddsAndASentenceShownWithItsBraces) {
  const std::map<std::string, std::string> en = {{"tested", "Tested on {date} by {tester}."},
                                                 {"intro", "{organisation} uses tools."},
                                                 {"retired_on", "It was retired on {date}."}};
  EXPECT_TRUE(CheckTemplateAgainstStrings(
                  "t", "{{#parts.tested}}{{text}}{{#slot_date}}D{{/slot_date}}{{#slot_tester}}T{{/slot_tester}}{{/parts.tested}}",
                  en)
                  .empty());
  EXPECT_EQ((std::vector<std::string>{
                "t: parts.tested fills {date}, the sentence has {date}, {tester}",
                "t: parts.retired_on fills {date}, {day}, the sentence has {date}",
                "t: parts.absent: no such string, or the section is not closed",
                "t: strings.intro shows its placeholders: use parts.intro or sentences.intro",
                "t: strings.intro shows its placeholders: use parts.intro or sentences.intro",  // aria-label is read out
            }),
            CheckTemplateAgainstStrings("t",
                                        "{{#parts.tested}}{{text}}{{#slot_date}}D{{/slot_date}}{{/parts.tested}}"
                                        "{{#parts.retired_on}}{{#slot_date}}{{/slot_date}}{{#slot_day}}{{/slot_day}}{{/parts.retired_on}}"
                                        "{{#parts.absent}}{{/parts.absent}}{{strings.intro}}"
                                        "<form data-status=\"{{strings.intro}}\" aria-label=\"{{strings.intro}}\">",
                                        en));
}

TEST(ThemeStringsFilesTest, EnglishItselfHasOnlyWholeSentences) {
  const std::string path = "themes/default/strings/en.yaml";
  std::vector<std::string> problems;
  const auto en = ReadStrings(path, Embedded(path), &problems);
  EXPECT_GT(en.size(), 100u);
  for (const std::string& problem : CheckWholeSentences(en)) problems.push_back(problem);
  EXPECT_TRUE(problems.empty()) << Lines(problems);
}

TEST(ThemeStringsFilesTest, ReportsAMissingKeyAnExtraKeyARenamedPlaceholderAnEmptyTextAndAPiece) {
  const std::string en =
      "greeting: \"Hello, {name}.\"\n"
      "farewell: \"Goodbye\"\n"
      "retention: \"We keep it for {days} days.\"\n"
      "title: \"Home\"\n";
  const std::string cy =
      "greeting: \"Helo, {enw}.\"\n"  // placeholder renamed
      "retention: \"Rydym yn ei gadw am {days} diwrnod.\"\n"
      "title: \" \"\n"                // no words
      "intro_before: \"\"\n";         // no such key in English, a piece of a sentence, and empty
  // farewell is missing.
  EXPECT_EQ((std::vector<std::string>{
                "missing key: farewell",
                "extra key: intro_before",
                "placeholders of greeting: en.yaml has {name}, cy.yaml has {enw}",
                "empty text: title",
                "a piece of a sentence: intro_before",
                "empty text: intro_before",
            }),
            CompareWithEnglish(en, "cy.yaml", cy));
}

TEST(ThemeStringsFilesTest, APieceOfASentenceIsAKeyEndingOrHoldingBeforeAfterOrMiddle) {
  std::vector<std::pair<std::string, std::string>> strings;
  for (const char* key : {"retired_on_before", "footer_licence_after", "feedback_stats_intro_middle",
                          "feedback_stats_on_time_of_after", "a11y_before_x", "retired_on", "aftercare_note",
                          "before", "mid_middleware", "days_afterwards"}) {
    strings.emplace_back(key, "words");
  }
  EXPECT_EQ((std::vector<std::string>{"a piece of a sentence: retired_on_before",
                                      "a piece of a sentence: footer_licence_after",
                                      "a piece of a sentence: feedback_stats_intro_middle",
                                      "a piece of a sentence: feedback_stats_on_time_of_after",
                                      "a piece of a sentence: a11y_before_x"}),
            CheckWholeSentences(strings));
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
