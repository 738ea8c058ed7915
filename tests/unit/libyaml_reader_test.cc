// libyaml's first reading must give exactly yaml-cpp's tree, or step aside.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/libyaml_reader.h"
#include "load/yaml_reader.h"
#include "testing/test_support.h"

namespace lantern {
namespace {

namespace fs = std::filesystem;

// Every node with its kind, position, quoting and text.
void Dump(const Value& v, std::string* out) {
  *out += std::to_string(v.location().line) + ":" + std::to_string(v.location().column) + " ";
  switch (v.kind()) {
    case Value::Kind::kNull: *out += "null\n"; return;
    case Value::Kind::kBool: *out += v.as_bool() ? "true\n" : "false\n"; return;
    case Value::Kind::kText: *out += (v.quoted() ? "quoted " : "plain ") + v.text() + "|\n"; return;
    case Value::Kind::kList:
      *out += "list\n";
      for (const Value& item : v.items()) Dump(item, out);
      *out += "end\n";
      return;
    case Value::Kind::kMap:
      *out += "map\n";
      for (const Value::Member& m : v.members()) {
        *out += "key " + m.key + " " + std::to_string(m.key_location.line) + ":" +
                std::to_string(m.key_location.column) + "\n";
        Dump(m.value, out);
      }
      *out += "end\n";
      return;
  }
}

// The tree or the diagnostics ReadYaml gives, with or without libyaml first.
std::string Reading(const std::string& text, bool try_libyaml, int first_line = 1) {
  Diagnostics d;
  YamlReadOptions options;
  options.first_line = first_line;
  options.try_libyaml = try_libyaml;
  std::optional<Value> v = ReadYaml("f.yaml", text, &d, options);
  std::string out;
  if (v) Dump(*v, &out);
  for (const Diagnostic& x : d.Sorted()) {
    out += std::to_string(x.location.line) + ":" + std::to_string(x.location.column) + " " + x.code + " " +
           x.message + "\n";
  }
  return out;
}

void ExpectSameReading(const std::string& text, int first_line = 1) {
  EXPECT_EQ(Reading(text, false, first_line), Reading(text, true, first_line)) << text;
}

TEST(LibyamlReaderTest, ReadsPlainDocumentsAsYamlCppDoes) {
  const char* const kDocuments[] = {
      "a: yes\nb: \"yes\"\nc:\n  - x\n  - y\nd:\n",
      "a: 1\nb: ~\nc: null\nd: Null\ne: NULL\nf: ''\ng: \"\"\n",
      "list:\n- a\n- b\nmap: {x: 1, y: [2, 3]}\nflow: [a, 'b', \"c\"]\n",
      "text: |\n  line one\n  line two\n\n  after a blank\nnext: value\n",
      "folded: >\n  one\n  two\n\n  three\n    more indented\n  back\nkeep: |+\n  kept\n\nstrip: |-\n  gone\n",
      "plain: this is\n  a long plain\n  value over lines\nquoted: \"a \\\"b\\\" \\u00e9\n  c\"\nsingle: 'it''s'\n",
      "nested:\n  deeper:\n    - name: a\n      role: b\n    - name: c\n",
      "# comment\nkey: value # trailing\nurl: https://example.org/a#b\ncolon: a:b\n",
      "caf\xC3\xA9: \"na\xC3\xAFve \xE2\x80\x99quotes\xE2\x80\x99\"\nnext: \xC3\xA9t\xC3\xA9 [x]\nlist: [\xC3\xA9, b]\n",
      "---\na: b\n...\n",
      "windows: line\r\nnext: \"two\"\r\nblock: |\r\n  x\r\n  y\r\n",
      "- a\n- b: c\n  d: e\n- [f]\n",
      "just a scalar\n",
      "a: 2025-01-01\nb: 0x1F\nc: .inf\nd: true\n",
  };
  for (const char* text : kDocuments) {
    EXPECT_TRUE(ReadYamlFast(text, 1)) << text;  // libyaml's reading is the one kept
    ExpectSameReading(text);
  }
  ExpectSameReading("title: x\nbody: y\n", 2);
  EXPECT_TRUE(ReadYamlFast("a: b\n", 1));
}

TEST(LibyamlReaderTest, StepsAsideForBrokenAndRejectedInput) {
  const char* const kDocuments[] = {
      "a: &x [1]\nb: *x\n",
      "a: !!str b\n",
      "a: ! b\n",
      "a: b\n---\nc: d\n",
      "%YAML 1.2\n---\na: b\n",
      "a: b\na: c\n",
      "? [a]\n: b\n",
      ": b\n",
      "null: b\n",
      "- \n- a\n",
      "a: \"open\n",
      "a: 'open\nb: c\n",
      "a: [1, 2\n",
      "a: b: c\n",
      "a:\n\t- b\n",
      "a: b\tc\n",
      "a: b\rc: d\n",
      "a: one\xE2\x80\xA8two\n",
      "a: one\xC2\x85two\n",
      "a: `b`\n",
      "a: [Waste a?nd recycling]\n",
      "a: [b:c, d]\n",
      "a: {b: c:d}\n",
      "a: [-b, c]\n",
      "a: [b#c]\n",
      "  a: b\n c: d\n",
      "---\n",
      "# only a comment\n",
  };
  for (const char* text : kDocuments) {
    ExpectSameReading(text);
  }
  EXPECT_FALSE(ReadYamlFast("a: &x b\n", 1));
  EXPECT_FALSE(ReadYamlFast("a: \"open\n", 1));
  EXPECT_FALSE(ReadYamlFast("a: b\na: c\n", 1));
  EXPECT_FALSE(ReadYamlFast("a:\tb\n", 1));
  EXPECT_FALSE(ReadYamlFast("", 1));
}

TEST(LibyamlReaderTest, StepsAsideOverTheLimits) {
  std::string deep = "a: ";
  for (int i = 0; i < 45; ++i) deep += "[";
  for (int i = 0; i < 45; ++i) deep += "]";
  deep += "\n";
  EXPECT_FALSE(ReadYamlFast(deep, 1));
  ExpectSameReading(deep);
}

// Every YAML file of the repository's sites and tests reads the same both ways.
TEST(LibyamlReaderTest, RepositoryYamlReadsTheSameBothWays) {
  int files = 0;
  for (const char* folder : {"content", "tests/golden", "site_templates"}) {
    const fs::path root = fs::path(testing::SourceDir()) / folder;
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".yaml") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      ExpectSameReading(text.str());
      ++files;
    }
  }
  EXPECT_GT(files, 10);
}

}  // namespace
}  // namespace lantern
