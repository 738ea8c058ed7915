// KeepListedParts (assemble/site_index.h): what a streamed build keeps of each
// record is what the site-wide pages read, and nothing else; and
// Value::ShrinkToFit, which it uses, changes no content.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>

#include "assemble/site_index.h"
#include "load/yaml_reader.h"
#include "model/value.h"

namespace lantern {
namespace {

Value Yaml(const std::string& text) {
  Diagnostics diagnostics;
  std::optional<Value> value = ReadYaml("r.yaml", text, &diagnostics);
  EXPECT_TRUE(value.has_value()) << text;
  return value ? *value : Value();
}

Record WithData(const std::string& text) {
  Record record;
  record.id = "bin-check";
  record.set_data(Yaml(text));
  return record;
}

TEST(KeepListedPartsTest, KeepsWhatListsReadAndDropsTheRest) {
  Record record = WithData(
      "summary:\n  name: Bin check\n  one_sentence_description: One.\n  description: Longer.\n"
      "  website_url: https://example.org\n"
      "service: Waste\nfunction: [environment, transport]\ncapability: [analysis]\nrisk_level: low\n"
      "tags: [bins]\nphase: production\nregion: [london]\n"
      "owner:\n  team: Waste team\n"
      "  third_parties:\n    - name: Acme Ltd\n      role: Builds it\n"
      "  external_suppliers:\n    - name: Beta Ltd\n      role: Hosts it\n"
      "changes:\n  - date: 2025-03-01\n    note: Second.\n  - date: 2025-01-01\n    note: First.\n"
      "rationale:\n  benefits: Many.\n");
  record.changes = {{Date{2025, 3, 1}, "Second."}, {Date{2025, 1, 1}, "First."}};
  record.withheld = {"owner.team"};
  record.file_change_dates = {"2025-03-01"};
  KeepListedParts(&record);

  EXPECT_EQ("Bin check", record.Text("summary.name"));
  EXPECT_EQ("One.", record.Text("summary.one_sentence_description"));
  EXPECT_EQ("Waste", record.Text("service"));
  ASSERT_NE(nullptr, record.data().Find("function"));
  EXPECT_EQ(2u, record.data().Find("function")->items().size());
  // The dashboard's.
  EXPECT_EQ(std::vector<std::string>{"analysis"}, record.Texts("capability"));
  EXPECT_EQ("low", record.Text("risk_level"));
  EXPECT_EQ(nullptr, record.data().Find("region"));
  // Only the search index read these, and its entries are made with the
  // record's other output.
  EXPECT_EQ(nullptr, record.data().FindPath("summary.description"));
  EXPECT_EQ(nullptr, record.data().Find("tags"));
  EXPECT_EQ(nullptr, record.data().Find("owner"));

  EXPECT_EQ(nullptr, record.data().FindPath("summary.website_url"));
  EXPECT_EQ(nullptr, record.data().Find("rationale"));
  EXPECT_EQ(nullptr, record.data().Find("phase"));  // Record::phase has it
  // The typed changes keep their dates (the sitemap's and "last changed"),
  // not their notes; the tree keeps neither.
  EXPECT_EQ(nullptr, record.data().Find("changes"));
  ASSERT_EQ(2u, record.changes.size());
  EXPECT_EQ("2025-03-01", record.changes[0].date.Iso());
  EXPECT_EQ("2025-01-01", record.changes[1].date.Iso());
  EXPECT_TRUE(record.changes[0].note.empty());
  EXPECT_TRUE(record.withheld.empty());
  EXPECT_TRUE(record.file_change_dates.empty());
}

TEST(KeepListedPartsTest, OddShapesAreKeptAsTheyAreOrLeftAlone) {
  // A summary that is not a map is kept whole (the checker has reported it);
  // data that is not a map is not touched.
  Record record = WithData("summary: just text\nservice: [Waste, {name: x}]\nowner: {third_parties: [Acme Ltd]}\n");
  KeepListedParts(&record);
  EXPECT_EQ("just text", record.Text("summary"));
  const Value* service = record.data().Find("service");
  ASSERT_NE(nullptr, service);
  ASSERT_EQ(2u, service->items().size());
  EXPECT_EQ("Waste", service->items()[0].text());
  EXPECT_EQ("x", service->items()[1].Find("name")->text());
  EXPECT_EQ(nullptr, record.data().Find("owner"));

  Record list = WithData("- a\n- b\n");
  KeepListedParts(&list);
  ASSERT_TRUE(list.data().is_list());
  EXPECT_EQ(2u, list.data().items().size());

  Record empty;
  KeepListedParts(&empty);
  EXPECT_TRUE(empty.data().is_null());
}

TEST(ValueTest, ShrinkToFitKeepsEveryMemberItemAndLocation) {
  Value map = Value::Map({3, 1});
  map.Set("a", TextValue("x"), {3, 1});
  Value inner = Value::List();
  inner.Push(TextValue("y"));
  map.Set("b", std::move(inner), {4, 1});
  Value list = Value::List();
  list.Push(TextValue("p"));
  list.Push(Value::Bool(true));
  map.ShrinkToFit();
  list.ShrinkToFit();
  ASSERT_EQ(2u, map.members().size());
  EXPECT_EQ(2u, map.members().capacity());
  EXPECT_EQ("x", map.Find("a")->text());
  EXPECT_EQ(4, map.FindMember("b")->key_location.line);
  EXPECT_EQ(3, map.location().line);
  ASSERT_EQ(2u, list.items().size());
  EXPECT_EQ(2u, list.items().capacity());
  EXPECT_EQ("p", list.items()[0].text());
  EXPECT_TRUE(list.items()[1].as_bool());
  // Still a map that grows.
  map.Set("c", TextValue("z"));
  EXPECT_EQ("z", map.Find("c")->text());

  Value text = TextValue("t");
  text.ShrinkToFit();
  EXPECT_EQ("t", text.text());
}

}  // namespace
}  // namespace lantern
