// The commands that start a site and add to it: `lantern init`, `lantern new
// record` and `lantern new page`. Each prints what it did (or why it refused)
// to `err` and returns the exit code; none overwrites an existing file.
#ifndef LANTERN_CLI_AUTHORING_H_
#define LANTERN_CLI_AUTHORING_H_

#include <cstdio>
#include <string>
#include <vector>

namespace lantern {

// Writes the embedded site_templates/ into `folder`, creating it. Refuses
// (exit 2, nothing written) when the folder exists and is not empty. With
// `languages` (e.g. {"cy", "en"}: the default first; the starting files are
// English, so en must be one of them), the site is bilingual: site.yaml says
// so, and each record and page gets its translation to fill in beside it.
int RunInit(const std::string& folder, std::FILE* err, const std::vector<std::string>& languages = {});

struct NewOptions {
  std::string site = ".";
  std::string name;  // the record id or page slug
  std::string version = "4.0";  // records only: "4.0" or "3.0"
};
// Writes SITE/records/ID.yaml, and on a bilingual site its translation into
// each other language (records/ID.cy.yaml). Refuses an invalid id, an id
// already used by a file, an unknown version, or a folder that is not a site.
int RunNewRecord(const NewOptions& options, std::FILE* err);
// Writes SITE/pages/SLUG.md (and its translations), with the same refusals.
int RunNewPage(const NewOptions& options, std::FILE* err);

}  // namespace lantern

#endif  // LANTERN_CLI_AUTHORING_H_
