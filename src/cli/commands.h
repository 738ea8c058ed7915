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
  std::string format = "text";  // or "json"
  bool strict = false;
};
int RunBuild(const BuildOptions& options, std::FILE* err);

}  // namespace lantern

#endif  // LANTERN_CLI_COMMANDS_H_
