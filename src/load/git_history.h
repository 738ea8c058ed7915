// The days on which each record's file changed, from git (`build --git-history`).
// Ordinary builds never call this, so git is not needed to build a site.
#ifndef LANTERN_LOAD_GIT_HISTORY_H_
#define LANTERN_LOAD_GIT_HISTORY_H_

#include <string>
#include <vector>

#include "base/status.h"
#include "model/site.h"

namespace lantern {

// Runs `git log --format=%as -- <file>` for every record and fills
// Record::file_change_dates (newest first, each day once). Committed history
// only, so two builds of the same commit agree. Fails, saying why, when git
// cannot be run or `site_root` is not inside a git checkout; a record file
// git does not know yet gets no dates.
Status ReadGitHistory(const std::string& site_root, Site* site);
// Its two steps, for a build that streams its records: that git runs and
// `site_root` is in a checkout, then one record's dates.
Status CheckGitCheckout(const std::string& site_root);
Status ReadRecordGitHistory(const std::string& site_root, Record* record);

// The days in `git log --format=%as` output, newest first, each day once;
// lines that are not YYYY-MM-DD are skipped.
std::vector<std::string> ParseGitLogDates(const std::string& output);

}  // namespace lantern

#endif  // LANTERN_LOAD_GIT_HISTORY_H_
