// `lantern import atrs FILE.csv`: a record from the ATRS 4.0 template (CSV),
// the inverse of `lantern export atrs`. Prints a summary per file to `err`.
// Success (exit 0): records/<id>.yaml written for each file, in the schema's
// order with help comments where an answer is missing. Failure: every
// problem in every input, positioned (FILE:row:col), and nothing written
// (exit 1 for content errors; exit 2 for a folder that is not a site, an
// unreadable input, or a record file that already exists).
#ifndef LANTERN_CLI_IMPORT_COMMAND_H_
#define LANTERN_CLI_IMPORT_COMMAND_H_

#include <cstdio>
#include <string>
#include <vector>

namespace lantern {

struct ImportOptions {
  std::string format;               // "atrs"
  std::vector<std::string> inputs;  // files (or folders of them)
  std::string site = ".";
};
int RunImport(const ImportOptions& options, std::FILE* err);

}  // namespace lantern

#endif  // LANTERN_CLI_IMPORT_COMMAND_H_
