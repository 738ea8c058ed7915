#include <gtest/gtest.h>

#include "load/plain_language.h"
#include "load/yaml_reader.h"

namespace lantern {
namespace {

std::vector<Diagnostic> CheckRecordText(const std::string& yaml) {
  Diagnostics d;
  std::optional<Value> root = ReadYaml("r.yaml", yaml, &d);
  EXPECT_TRUE(root.has_value()) << d.Format();
  if (root) CheckRecordPlainLanguage("r.yaml", yaml, *root, &d);
  return d.Sorted();
}

std::vector<Diagnostic> WithCode(const std::vector<Diagnostic>& all, const std::string& code) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : all) {
    if (d.code == code) out.push_back(d);
  }
  return out;
}

TEST(PlainLanguageTest, SyllablesAndReadingAgeFollowTheFormula) {
  EXPECT_EQ(1, CountSyllables("make"));
  EXPECT_EQ(2, CountSyllables("table"));
  EXPECT_EQ(1, CountSyllables("checked"));
  EXPECT_EQ(2, CountSyllables("needed"));
  EXPECT_EQ(4, CountSyllables("information"));
  EXPECT_EQ(1, CountSyllables("2026"));
  // "The cat sat on the mat." 6 words, 6 syllables, 1 sentence:
  // 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45 → reading age 3.55.
  const auto sentences = SplitSentences("The cat sat on the mat.");
  ASSERT_EQ(1u, sentences.size());
  EXPECT_NEAR(3.55, ReadingAge(sentences), 0.01);
}

TEST(PlainLanguageTest, SplitsAtStopsListsAndBlankLinesButNotAbbreviations) {
  const auto s = SplitSentences("We check forms, e.g. the bin form. Then we reply!\n\n- a list item\n- another\n"
                                "## A heading\nSee [our policy](/pages/ai-policy/) now");
  ASSERT_EQ(6u, s.size());
  EXPECT_EQ("We check forms, e.g. the bin form.", s[0].text);
  EXPECT_EQ(7, s[0].words);  // "e.g." is one word
  EXPECT_EQ("a list item", s[2].text);
  EXPECT_EQ(4, s[5].words);  // the link target is not read
  EXPECT_EQ("A heading", s[4].text);
}

TEST(PlainLanguageTest, HardTextGetsReadingAgeAndSentenceWarningsAtTheirLines) {
  const std::string yaml =
      "summary:\n"
      "  name: Tool\n"
      "  description: |\n"
      "    Short opening.\n"
      "\n"
      "    Notwithstanding considerable organisational complexity, the authority's\n"
      "    multidisciplinary operational directorate systematically evaluates administrative\n"
      "    documentation, identifying inconsistencies, irregularities, discrepancies and\n"
      "    potential fraudulent misrepresentation across numerous applications, and reports\n"
      "    every finding to senior managers for further review.\n"
      "  one_sentence_description: We look at every application that the council receives from residents who live in the borough and want a larger bin for their rubbish and garden waste.\n"
      "resident_guidance:\n"
      "  how_to_object: >\n"
      "    Tell us.\n"
      "    Every request that residents send to the council about this tool is read by an officer who checks it carefully and replies in writing within ten working days.\n";
  const auto all = CheckRecordText(yaml);
  const auto age = WithCode(all, "L061");
  ASSERT_EQ(2u, age.size());
  EXPECT_EQ(14, age[1].location.line);  // resident_guidance.how_to_object, a '>' block
  EXPECT_EQ(4, age[0].location.line);  // the field's first sentence, inside the '|' block
  EXPECT_EQ(5, age[0].location.column);
  EXPECT_NE(std::string::npos, age[0].message.find("summary.description needs a reading age of about"));

  const auto long_sentences = WithCode(all, "L062");
  ASSERT_EQ(3u, long_sentences.size());
  EXPECT_EQ(6, long_sentences[0].location.line);  // a literal block: line after the key + 2
  EXPECT_EQ(5, long_sentences[0].location.column);
  EXPECT_EQ(11, long_sentences[1].location.line);  // a plain value on the key's line
  EXPECT_EQ(29, long_sentences[1].location.column);
  EXPECT_EQ(15, long_sentences[2].location.line);  // a folded block: found by its opening words
  EXPECT_NE(std::string::npos, long_sentences[2].message.find("split it"));
}

TEST(PlainLanguageTest, PassiveHeavyTextAndJargonAreNamedWithWhatToDo) {
  const std::string yaml =
      "summary:\n"
      "  description: |\n"
      "    Applications are checked daily. Decisions are made by officers. We write to you.\n"
      "    We utilise an algorithm in order to sort them. The Algorithmic Transparency Recording Standard applies.\n";
  const auto all = CheckRecordText(yaml);
  const auto passive = WithCode(all, "L063");
  ASSERT_EQ(1u, passive.size());
  EXPECT_EQ(3, passive[0].location.line);
  EXPECT_NE(std::string::npos, passive[0].message.find("2 of 5 sentences are passive")) << passive[0].message;
  const auto jargon = WithCode(all, "L064");
  ASSERT_EQ(3u, jargon.size());
  std::string messages;
  for (const Diagnostic& d : jargon) {
    EXPECT_EQ(4, d.location.line);
    messages += d.message + "\n";
  }
  EXPECT_NE(std::string::npos, messages.find("\"utilise\" is jargon for many readers; write \"use\"")) << messages;
  EXPECT_NE(std::string::npos, messages.find("\"algorithm\"")) << messages;
  EXPECT_NE(std::string::npos, messages.find("\"in order to\"")) << messages;
  EXPECT_EQ(std::string::npos, messages.find("Algorithmic")) << messages;
}

TEST(PlainLanguageTest, PlainTextIsClean) {
  const std::string yaml =
      "summary:\n"
      "  description: |\n"
      "    We use a simple set of rules to check your form. A person makes every decision. You can\n"
      "    ask us to look again at any time. It is free, and we will reply within a month.\n";
  EXPECT_TRUE(CheckRecordText(yaml).empty());
}

TEST(PlainLanguageTest, OddInputNeverCrashes) {
  for (const std::string text : {"", ".", "...", "- ", "\n\n\n", "](", "[a](", "é.é.é", "is", "a\n- \n#"}) {
    Diagnostics d;
    const Value value = Value::Text(text, {1, 1}, false);
    CheckPlainLanguage("x", "", "f", value, &d);
    SplitSentences(text);
  }
}

}  // namespace
}  // namespace lantern
