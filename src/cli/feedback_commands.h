// `lantern feedback export|purge|stats`: the staff side of the feedback
// store. Each opens the database itself, prints to `out`/`err` and returns the
// exit code (0 success, 2 usage or system errors).
#ifndef LANTERN_CLI_FEEDBACK_COMMANDS_H_
#define LANTERN_CLI_FEEDBACK_COMMANDS_H_

#include <cstdio>
#include <string>

namespace lantern {

struct FeedbackExportOptions {
  std::string db;
  std::string format = "csv";  // csv or json
  std::string since;           // YYYY-MM-DD or empty
};
int RunFeedbackExport(const FeedbackExportOptions& options, std::FILE* out, std::FILE* err);

struct FeedbackPurgeOptions {
  std::string db;
  int older_than_days = -1;
};
int RunFeedbackPurge(const FeedbackPurgeOptions& options, std::FILE* err);

struct FeedbackStatsOptions {
  std::string db;
};
int RunFeedbackStats(const FeedbackStatsOptions& options, std::FILE* out, std::FILE* err);

struct FeedbackMarkOptions {
  std::string db;
  std::string reference;
  std::string status;  // new, not_spam, suspected_spam or closed
};
int RunFeedbackMark(const FeedbackMarkOptions& options, std::FILE* err);

}  // namespace lantern

#endif  // LANTERN_CLI_FEEDBACK_COMMANDS_H_
