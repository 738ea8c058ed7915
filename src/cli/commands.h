// The commands behind the command line, free of argument parsing so that
// tests can call them. Each prints its diagnostics and summary to `err` and
// returns the exit code.
#ifndef LANTERN_CLI_COMMANDS_H_
#define LANTERN_CLI_COMMANDS_H_

#include <cstdio>
#include <string>

namespace lantern {

struct CheckOptions {
  std::string site = ".";
  bool drafts = true;  // check drafts too: they are content in progress
  std::string format = "text";  // or "json"
  bool strict = false;
};
int RunCheck(const CheckOptions& options, std::FILE* err);

struct BuildOptions {
  std::string site = ".";
  std::string output;  // default: <site>/public
  bool drafts = false;
  bool git_history = false;  // list the days each record's file changed in git
  std::string feedback_stats;  // a feedback store: publish its counts of the last 12 months; "" for none
  std::string format = "text";  // or "json"
  bool strict = false;
};
int RunBuild(const BuildOptions& options, std::FILE* err);

// `lantern export atrs ID`: one record as the ATRS 4.0 template's CSV, to
// `output` ("" or "-": standard output). Exit 1 when the site has content
// errors or no record ID, 2 for a usage or system error.
struct ExportOptions {
  std::string format;  // only "atrs" so far
  std::string id;
  std::string site = ".";
  std::string output;
};
int RunExport(const ExportOptions& options, std::FILE* out, std::FILE* err);

}  // namespace lantern

#endif  // LANTERN_CLI_COMMANDS_H_
