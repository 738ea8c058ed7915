// Every diagnostic code the sources emit is documented in
// src/base/diagnostic_codes.md, and every documented code is still emitted.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>

#include "testing/test_support.h"

namespace lantern {
namespace {
namespace fs = std::filesystem;

std::set<std::string> Matches(const std::string& text, const std::regex& pattern) {
  std::set<std::string> found;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it) {
    found.insert((*it)[1].str());
  }
  return found;
}

TEST(DiagnosticCodesTest, EveryEmittedCodeIsDocumentedAndViceVersa) {
  std::set<std::string> emitted;
  const std::regex code_literal("\"(L[0-9]{3})\"");
  for (const auto& entry : fs::recursive_directory_iterator(testing::SourceDir() + "/src")) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".cc" && ext != ".h") continue;
    for (const std::string& code : Matches(testing::ReadFileOrEmpty(entry.path().string()), code_literal)) {
      emitted.insert(code);
    }
  }
  const std::string doc = testing::ReadFileOrEmpty(testing::SourceDir() + "/src/base/diagnostic_codes.md");
  const std::set<std::string> documented = Matches(doc, std::regex("\\n\\| (L[0-9]{3}) \\|"));
  ASSERT_GT(emitted.size(), 40u);
  for (const std::string& code : emitted) EXPECT_TRUE(documented.count(code)) << code << " is not documented";
  for (const std::string& code : documented) EXPECT_TRUE(emitted.count(code)) << code << " is documented but never emitted";
}

}  // namespace
}  // namespace lantern
