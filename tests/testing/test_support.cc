#include "testing/test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace {
// Review-date checks compare with "today". Pin it to 2026-01-01 for every test
// (and the lantern processes they start) unless the caller chose a date, so
// results do not change with the calendar. ctest sets the same value.
const bool kTodayPinned = setenv("SOURCE_DATE_EPOCH", "1767225600", /*overwrite=*/0) == 0;
}  // namespace

namespace lantern::testing {
namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "lantern-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code error;
  fs::remove_all(path_, error);
}

std::map<std::string, std::string> ReadTree(const std::string& root) {
  std::map<std::string, std::string> files;
  if (!fs::is_directory(root)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    files[fs::relative(entry.path(), root).generic_string()] = ReadFileOrEmpty(entry.path().string());
  }
  return files;
}

void WriteFile(const std::string& path, const std::string& bytes) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

void WriteTree(const std::string& root, const std::map<std::string, std::string>& files) {
  for (const auto& [relative, bytes] : files) WriteFile((fs::path(root) / relative).string(), bytes);
}

std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

RunResult RunLantern(const std::string& arguments, const std::string& working_directory) {
  std::string command;
  if (!working_directory.empty()) command = "cd '" + working_directory + "' && ";
  command += std::string("'") + LANTERN_BINARY + "' " + arguments + " 2>&1";
  RunResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string SourceDir() { return LANTERN_SOURCE_DIR; }

bool UpdatingGolden() {
  const char* value = std::getenv("LANTERN_UPDATE_GOLDEN");
  return value != nullptr && std::string(value) == "1";
}

std::string ReplaceOnce(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(std::string::npos, at) << "not found: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string TestNameOf(std::string case_name) {
  for (char& c : case_name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return case_name;
}

std::string LineDiff(const std::string& expected, const std::string& actual) {
  auto lines = [](const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  };
  const std::vector<std::string> a = lines(expected), b = lines(actual);
  std::string diff;
  const size_t n = std::max(a.size(), b.size());
  int shown = 0;
  for (size_t i = 0; i < n && shown < 40; ++i) {
    const std::string* x = i < a.size() ? &a[i] : nullptr;
    const std::string* y = i < b.size() ? &b[i] : nullptr;
    if (x && y && *x == *y) continue;
    diff += "line " + std::to_string(i + 1) + ":\n";
    if (x) diff += "  - " + *x + "\n";
    if (y) diff += "  + " + *y + "\n";
    ++shown;
  }
  return diff;
}

int ScaledRounds(int rounds) {
#if defined(__SANITIZE_ADDRESS__)
  return rounds / 4 > 3 ? rounds / 4 : 3;
#else
  return rounds;
#endif
}

}  // namespace lantern::testing
