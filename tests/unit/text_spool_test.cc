// TextSpool (cli/text_spool.h): texts written to a temporary file and read
// back by where they are, in any order and from several threads.
#include "cli/text_spool.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace lantern {
namespace {

TEST(TextSpoolTest, ReadsBackEachTextWhereverAsked) {
  TextSpool spool(true);
  const TextSpool::Span first = spool.Add("first,");
  const TextSpool::Span empty = spool.Add("");
  const std::string long_text(3 << 20, 'y');  // more than stdio buffers
  const TextSpool::Span second = spool.Add(long_text);
  const TextSpool::Span welsh = spool.Add("Gwirio biniau – ŵ ŷ");
  spool.EndAdding();
  std::string out = "[";
  spool.Read(welsh, &out);
  spool.Read(empty, &out);
  spool.Read(first, &out);
  EXPECT_EQ("[Gwirio biniau – ŵ ŷfirst,", out);
  std::string big;
  spool.Read(second, &big);
  EXPECT_EQ(long_text, big);
  EXPECT_TRUE(spool.status().ok());
}

TEST(TextSpoolTest, ReadsFromSeveralThreadsAtOnce) {
  TextSpool spool(true);
  std::vector<TextSpool::Span> spans;
  for (int k = 0; k < 1000; ++k) spans.push_back(spool.Add("<tr id=\"r" + std::to_string(k) + "\"></tr>"));
  spool.EndAdding();
  std::vector<std::string> read(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < read.size(); ++t) {
    threads.emplace_back([&, t] {
      for (size_t k = spans.size(); k-- > 0;) spool.Read(spans[k], &read[t]);
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::string expected;
  for (int k = 999; k >= 0; --k) expected += "<tr id=\"r" + std::to_string(k) + "\"></tr>";
  for (const std::string& text : read) EXPECT_EQ(expected, text);
  EXPECT_TRUE(spool.status().ok());
}

TEST(TextSpoolTest, DisabledKeepsNothingAndDoesNotFail) {
  TextSpool spool(false);
  const TextSpool::Span span = spool.Add("not kept");
  spool.EndAdding();
  std::string out = "x";
  spool.Read(span, &out);
  EXPECT_EQ("x", out);
  EXPECT_TRUE(spool.status().ok());
}

TEST(TextSpoolTest, AReadThatCannotBeMadeIsAFailureNotAShortText) {
  // Before the adding ended.
  TextSpool early(true);
  const TextSpool::Span span = early.Add("abc");
  std::string out = "keep";
  early.Read(span, &out);
  EXPECT_EQ("keep", out);
  EXPECT_FALSE(early.status().ok());

  // Past the end of what was written (a truncated file).
  TextSpool spool(true);
  spool.Add("abc");
  spool.EndAdding();
  spool.Read({1, 10}, &out);
  EXPECT_EQ("keep", out);
  const Status status = spool.status();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(Status::Kind::kIo, status.kind()) << status.message();
  EXPECT_NE(std::string::npos, status.message().find("temporary file")) << status.message();
}

}  // namespace
}  // namespace lantern
