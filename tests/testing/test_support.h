// Helpers shared by the tests: temporary folders, reading and writing file
// trees, running the lantern binary, and golden-file comparison.
#ifndef LANTERN_TESTS_TESTING_TEST_SUPPORT_H_
#define LANTERN_TESTS_TESTING_TEST_SUPPORT_H_

#include <map>
#include <string>

namespace lantern::testing {

// A fresh folder under the system's temporary directory, removed on
// destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Every regular file below `root`, keyed by path relative to it ('/'-separated).
std::map<std::string, std::string> ReadTree(const std::string& root);
// Writes each file (creating folders); existing files are replaced.
void WriteTree(const std::string& root, const std::map<std::string, std::string>& files);
void WriteFile(const std::string& path, const std::string& bytes);
std::string ReadFileOrEmpty(const std::string& path);

struct RunResult {
  int exit_code = -1;
  std::string output;  // standard output and standard error, interleaved
};
// Runs the built lantern binary with `arguments` (already shell-quoted as
// needed), from `working_directory` when it is not empty.
RunResult RunLantern(const std::string& arguments, const std::string& working_directory = "");

// The repository's source folder.
std::string SourceDir();

// True when LANTERN_UPDATE_GOLDEN=1: golden tests rewrite expected files
// instead of comparing (then `git diff` is the review).
bool UpdatingGolden();

// `text` with the first `from` replaced by `to`; fails the current test when
// `from` is not there.
std::string ReplaceOnce(std::string text, const std::string& from, const std::string& to);

// A parameterised test's name from a case name ("date-impossible" →
// "date_impossible").
std::string TestNameOf(std::string case_name);

// `rounds` for a heavy test (crash loops), or a quarter of it (at least 3)
// in the sanitizer build, which runs several times slower: so the time such a
// test takes depends on what it proves, never on how it was built.
int ScaledRounds(int rounds);

// A readable line-by-line difference, for failure messages.
std::string LineDiff(const std::string& expected, const std::string& actual);

}  // namespace lantern::testing

#endif  // LANTERN_TESTS_TESTING_TEST_SUPPORT_H_
