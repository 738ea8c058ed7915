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

}  // namespace
}  // namespace lantern
