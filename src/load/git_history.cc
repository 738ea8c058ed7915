#include "load/git_history.h"

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>

#include "model/date.h"

namespace lantern {
namespace {

// Single quotes for sh: the only character to treat is the quote itself.
std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Runs `command` through sh and returns its standard output with its exit code.
Status Run(const std::string& command, std::string* output, int* exit_code) {
  std::FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return Status::Error("could not run git");
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output->append(buffer, n);
  const int status = pclose(pipe);
  *exit_code = status == -1 ? -1 : WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return Status::Ok();
}

}  // namespace

std::vector<std::string> ParseGitLogDates(const std::string& output) {
  std::vector<std::string> dates;
  size_t start = 0;
  while (start < output.size()) {
    size_t end = output.find('\n', start);
    if (end == std::string::npos) end = output.size();
    const std::string line = output.substr(start, end - start);
    start = end + 1;
    if (!Date::Parse(line)) continue;
    // git lists commits newest first; a day with several commits shows once.
    if (dates.empty() || dates.back() != line) dates.push_back(line);
  }
  return dates;
}

Status CheckGitCheckout(const std::string& site_root) {
  std::string output;
  int code = 0;
  Status status = Run("git -C " + ShellQuote(site_root) + " rev-parse --is-inside-work-tree 2>/dev/null", &output, &code);
  if (!status.ok()) return status.WithContext("--git-history");
  if (code == 127) return Status::Error("--git-history: git is not installed (or not on PATH)");
  if (code != 0 || output.rfind("true", 0) != 0) {
    return Status::Error("--git-history: " + site_root + " is not inside a git checkout; build without --git-history");
  }
  return Status::Ok();
}

Status ReadRecordGitHistory(const std::string& site_root, Record* record) {
  namespace fs = std::filesystem;
  // Paths are given relative to the site folder, where `git -C` runs.
  std::error_code error;
  const fs::path relative = fs::relative(record->source_path, site_root, error);
  if (error || relative.empty()) return Status::Ok();
  std::string output;
  int code = 0;
  // --no-pager/--no-color: the output is data; %as is the author date, YYYY-MM-DD.
  Status status = Run("git -C " + ShellQuote(site_root) + " --no-pager log --no-color --format=%as -- " +
                          ShellQuote(relative.string()) + " 2>/dev/null",
                      &output, &code);
  if (!status.ok() || code != 0) {
    return Status::Error("--git-history: git log failed for " + record->source_path);
  }
  record->file_change_dates = ParseGitLogDates(output);
  return Status::Ok();
}

Status ReadGitHistory(const std::string& site_root, Site* site) {
  if (Status status = CheckGitCheckout(site_root); !status.ok()) return status;
  for (Record& record : site->records) {
    if (Status status = ReadRecordGitHistory(site_root, &record); !status.ok()) return status;
  }
  return Status::Ok();
}

}  // namespace lantern
