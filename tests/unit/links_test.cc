#include <gtest/gtest.h>

#include "render/markdown.h"

namespace lantern {
namespace {

TEST(ExtractLinksTest, GivesEachDestinationWithItsLine) {
  const auto links = ExtractLinks("Intro.\n\nSee [a](/pages/a/) and\n[b](/records/b/#owner).\n\n- ![pic](/assets/p.png)\n");
  ASSERT_EQ(3u, links.size());
  EXPECT_EQ("/pages/a/", links[0].url);
  EXPECT_EQ(3, links[0].line);
  EXPECT_EQ("/records/b/#owner", links[1].url);
  EXPECT_GE(links[1].line, 3);  // its paragraph's line, or its own
  EXPECT_TRUE(links[2].image);
  EXPECT_EQ(6, links[2].line);
}

TEST(ExtractLinksTest, AcceptsAnyInput) {
  EXPECT_TRUE(ExtractLinks("").empty());
  EXPECT_TRUE(ExtractLinks("[unclosed](").empty());
  EXPECT_EQ(1u, ExtractLinks(std::string("[x](y)\0z", 8)).size());
}

}  // namespace
}  // namespace lantern
