#include <gtest/gtest.h>

#include <chrono>

#include "load/yaml_reader.h"

namespace lantern {
namespace {

std::string Errors(const std::string& text, bool* ok = nullptr) {
  Diagnostics d;
  std::optional<Value> v = ReadYaml("f.yaml", text, &d);
  if (ok) *ok = v.has_value();
  std::string out;
  for (const Diagnostic& x : d.Sorted()) {
    out += std::to_string(x.location.line) + ":" + std::to_string(x.location.column) + " " + x.code + " " + x.message + "\n";
  }
  return out;
}

TEST(YamlReaderTest, BuildsTreeWithPositionsAndQuoting) {
  Diagnostics d;
  std::optional<Value> v = ReadYaml("f.yaml", "a: yes\nb: \"yes\"\nc:\n  - x\n  - y\nd:\n", &d);
  ASSERT_TRUE(v);
  ASSERT_TRUE(v->is_map());
  EXPECT_FALSE(v->Find("a")->quoted());
  EXPECT_TRUE(v->Find("b")->quoted());
  EXPECT_EQ(2u, v->Find("c")->items().size());
  EXPECT_EQ(4, v->Find("c")->items()[0].location().line);
  EXPECT_EQ(5, v->Find("c")->items()[0].location().column);
  EXPECT_TRUE(v->Find("d")->is_null());
  EXPECT_EQ(6, v->Find("d")->location().line);  // an empty value points at its key
  EXPECT_EQ(2, v->FindMember("b")->key_location.line);
}

TEST(YamlReaderTest, RejectsAnchorsAndAliases) {
  bool ok = true;
  EXPECT_EQ("1:4 L004 YAML anchors ('&x') are not allowed: write the value out in full\n",
            Errors("a: &x [1]\nb: *x\n", &ok));
  EXPECT_FALSE(ok);
}

TEST(YamlReaderTest, RejectsAliasBombQuickly) {
  std::string bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  const char* names = "abcdefghi";
  for (int i = 1; i < 9; ++i) {
    bomb += std::string(1, names[i]) + ": &" + names[i] + " [";
    for (int k = 0; k < 9; ++k) bomb += std::string(k ? "," : "") + "*" + names[i - 1];
    bomb += "]\n";
  }
  bool ok = true;
  EXPECT_NE("", Errors(bomb, &ok));
  EXPECT_FALSE(ok);
}

TEST(YamlReaderTest, RejectsDuplicateKeysNamingTheFirst) {
  EXPECT_EQ("3:1 L008 duplicate key \"a\": it is already set on line 1; keep one of them\n",
            Errors("a: 1\nb: 2\na: 3\n"));
}

TEST(YamlReaderTest, RejectsSecondDocumentAndTags) {
  EXPECT_NE(std::string::npos, Errors("a: 1\n---\nb: 2\n").find("L003 a file holds one YAML document"));
  EXPECT_NE(std::string::npos, Errors("a: !!str 1\n").find("L005"));
}

TEST(YamlReaderTest, ExplainsSyntaxErrorsWhereTheyAre) {
  EXPECT_EQ("1:14 L003 unexpected ':' here: either this line is indented too far, or the text contains ': ' and "
            "the whole value needs quotes around it\n",
            Errors("summary: Note: this is text\n"));
  EXPECT_NE(std::string::npos, Errors("a: [1, 2\nb: c\n").find("a '[' is not closed with ']'"));
  EXPECT_EQ("1:4 L003 a quoted value is not closed with its quote mark\n", Errors("a: \"open\nb: 2\n"));
  EXPECT_EQ("2:4 L003 a quoted value is not closed with its quote mark\n", Errors("a: 'it''s'\nb: 'open\n"));
  EXPECT_EQ("", Errors("a: \"say \\\"hi\\\"\"\nb: 'it''s'\n"));
}

TEST(YamlReaderTest, PointsAtTheQuoteOrBracketLeftOpenNotWhereTheParserNoticed) {
  // yaml-cpp notices the stray quote in "council's" lines later.
  EXPECT_EQ("2:7 L003 a quoted value is not closed with its quote mark on this line\n",
            Errors("a: 1\nname: 'Larger bin check\nb: 2\nc: the council's bins\nd: 3\n"));
  EXPECT_EQ("1:7 L003 a '[' is not closed with ']' on this line\n", Errors("tags: [waste, bins\nservice: x\n"));
  EXPECT_EQ("1:7 L003 text follows the closing quote; put the whole value in quotes, or remove the quotes\n",
            Errors("name: \"Larger bin\" check\nb: 2\n"));
  // Prose inside a block scalar is not mistaken for an opening quote.
  EXPECT_EQ("4:4 L003 unexpected ':' here: either this line is indented too far, or the text contains ': ' and "
            "the whole value needs quotes around it\n",
            Errors("text: |\n  Note: 'not a quote\nb: 1\n  c: d\n"));
}

TEST(YamlReaderTest, ListMarkersEndingInSpacesBeforeASyntaxErrorAreNoCrash) {
  // Found by fuzzing: "- - " then a syntax error sent the locating heuristic
  // past the end of the line.
  EXPECT_NE("", Errors("a:\n- - \nb: c: d\n"));
}

TEST(YamlReaderTest, MarkdownAtTheStartOfAValueGetsAQuotingHint) {
  EXPECT_NE(std::string::npos, Errors("note: *Important:* read this\n").find("read as a YAML alias; put the whole value in quotes"));
  EXPECT_NE(std::string::npos, Errors("note: `code` here\n").find("must be put in quotes"));
}

TEST(YamlReaderTest, TagsAreShownAsWritten) {
  EXPECT_NE(std::string::npos, Errors("a: !!str 1\n").find("YAML tags ('!!str') are not supported"));
}

TEST(YamlReaderTest, BoundsNestingDepth) {
  std::string deep(100000, '[');
  bool ok = true;
  EXPECT_NE("", Errors("a: " + deep, &ok));
  EXPECT_FALSE(ok);
  std::string nested;
  for (int i = 0; i < 60; ++i) nested += std::string(i * 2, ' ') + "k:\n";
  EXPECT_NE(std::string::npos, Errors(nested).find("nested too deeply"));
}

TEST(YamlReaderTest, ContentBytesRejectEmptyHugeAndInvalidUtf8) {
  Diagnostics d;
  EXPECT_FALSE(CheckContentBytes("e.yaml", "  \n\n", &d));
  EXPECT_FALSE(CheckContentBytes("h.yaml", std::string(kMaxContentFileBytes + 1, 'a'), &d));
  EXPECT_FALSE(CheckContentBytes("u.yaml", "a: 1\nb: caf\xe9\n", &d));
  EXPECT_TRUE(CheckContentBytes("ok.yaml", "a: café\n", &d));
  const std::vector<Diagnostic> sorted = d.Sorted();
  ASSERT_EQ(3u, sorted.size());
  EXPECT_EQ("file is empty", sorted[0].message);
  EXPECT_NE(std::string::npos, sorted[1].message.find("is 1048577 bytes, over the limit of 1048576 bytes"));
  EXPECT_EQ(2, sorted[2].location.line);
  EXPECT_EQ(7, sorted[2].location.column);
}

TEST(YamlReaderTest, NeverThrowsOnArbitraryBytes) {
  // A cheap sweep over awkward inputs; the fuzz target does this properly.
  const char* inputs[] = {"", ":", "- - - -", "{", "}", "[[[", "a: |\n  x\n y", "? a\n: b", "\"\\x\"", "'''",
                          "a: b: c", "%YAML 1.2\n---\na: 1", "&", "*", "!", "a:\n\t- b", "---\n...\n---"};
  for (const char* input : inputs) {
    Diagnostics d;
    EXPECT_NO_THROW(ReadYaml("f.yaml", input, &d)) << input;
  }
}

}  // namespace
}  // namespace lantern
