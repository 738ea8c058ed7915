// Value: the tree model's building operations.
#include <gtest/gtest.h>

#include "model/value.h"

namespace lantern {
namespace {

TEST(ValueTest, SetReplacesOrAppendsInFileOrder) {
  Value map = Value::Map();
  map.Set("b", TextValue("1"), {3, 1}).Set("a", TextValue("2"));
  map.Set("b", TextValue("3"));
  ASSERT_EQ(2u, map.members().size());
  EXPECT_EQ("b", map.members()[0].key);
  EXPECT_EQ("3", map.Find("b")->text());
  EXPECT_EQ(3, map.FindMember("b")->key_location.line);  // the first key's place stays
  EXPECT_EQ("2", map.Find("a")->text());
  EXPECT_EQ(nullptr, map.Find("c"));
}

// A tree chained onto a temporary is moved into its place, not copied:
// the text's own bytes end up in the list.
TEST(ValueTest, ChainedSetOnATemporaryMovesTheTree) {
  Value text = TextValue(std::string(1000, 'x'));
  const char* bytes = text.text().data();
  Value list = Value::List();
  list.Push(Value::Map().Set("a", TextValue("1")).Set("big", std::move(text)));
  ASSERT_EQ(1u, list.items().size());
  EXPECT_EQ(bytes, list.items()[0].Find("big")->text().data());
  Value kept = Value::Map().Set("inner", Value::Map().Set("big", TextValue(std::string(1000, 'y'))));
  EXPECT_EQ(1000u, kept.FindPath("inner.big")->text().size());
  // On a named tree Set still chains by reference.
  Value named = Value::Map();
  Value& same = named.Set("a", TextValue("1")).Set("b", TextValue("2"));
  EXPECT_EQ(&named, &same);
}

TEST(ValueTest, TakeGivesUpTextItemsAndMembersButKeepsTheKind) {
  Value text = TextValue("a text long enough not to fit in a short string");
  EXPECT_EQ("a text long enough not to fit in a short string", text.TakeText());
  EXPECT_TRUE(text.is_text());
  EXPECT_EQ("", text.text());

  Value list = Value::List();
  list.Push(TextValue("x"));
  list.Push(Value::Null());
  std::vector<Value> items = list.TakeItems();
  ASSERT_EQ(2u, items.size());
  EXPECT_EQ("x", items[0].text());
  EXPECT_TRUE(items[1].is_null());
  EXPECT_TRUE(list.is_list());
  EXPECT_TRUE(list.items().empty());

  Value map = Value::Map().Set("k", TextValue("v"), {2, 3});
  std::vector<Value::Member> members = map.TakeMembers();
  ASSERT_EQ(1u, members.size());
  EXPECT_EQ("k", members[0].key);
  EXPECT_EQ(2, members[0].key_location.line);
  EXPECT_EQ("v", members[0].value.text());
  EXPECT_TRUE(map.is_map());
  EXPECT_EQ(nullptr, map.Find("k"));

  // Nothing to give up: empty, and taking again gives nothing more.
  Value empty_list = Value::List();
  EXPECT_TRUE(empty_list.TakeItems().empty());
  EXPECT_TRUE(list.TakeItems().empty());
  EXPECT_TRUE(Value::Null().TakeMembers().empty());
}

}  // namespace
}  // namespace lantern
