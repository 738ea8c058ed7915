// The commands that start a site and add to it: `lantern init`, `lantern new
// record` and `lantern new page`. Each prints what it did (or why it refused)
// to `err` and returns the exit code; none overwrites an existing file.
#ifndef LANTERN_CLI_AUTHORING_H_
#define LANTERN_CLI_AUTHORING_H_

#include <cstdio>
#include <string>

namespace lantern {

// Writes the embedded site_templates/ into `folder`, creating it. Refuses
// (exit 2, nothing written) when the folder exists and is not empty.
int RunInit(const std::string& folder, std::FILE* err);

struct NewOptions {
  std::string site = ".";
  std::string name;  // the record id or page slug
  std::string version = "4.0";  // records only: "4.0" or "3.0"
};
// Writes SITE/records/ID.yaml. Refuses an invalid id, an id already used by a
// file, an unknown version, or a folder that is not a site.
int RunNewRecord(const NewOptions& options, std::FILE* err);
// Writes SITE/pages/SLUG.md, with the same refusals.
int RunNewPage(const NewOptions& options, std::FILE* err);

}  // namespace lantern

#endif  // LANTERN_CLI_AUTHORING_H_
