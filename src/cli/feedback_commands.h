// `lantern feedback export|purge|stats|mark|list|show|extend|outbox`: the staff side of the feedback
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
  std::string status;  // one of SubmissionStatuses()
  std::string note;    // kept in the history
};
int RunFeedbackMark(const FeedbackMarkOptions& options, std::FILE* err);

// `feedback list`: one line per submission with its due date, open ones
// flagged OVERDUE past it ("today" is SOURCE_DATE_EPOCH when set).
struct FeedbackListOptions {
  std::string db;
  std::string status;     // only this status, or empty for all
  bool overdue = false;   // only open submissions past their due date
  int due_within = -1;    // only open submissions due within this many days (overdue included), or -1
};
int RunFeedbackList(const FeedbackListOptions& options, std::FILE* out, std::FILE* err);

// `feedback show REF`: every field and the history of status changes.
struct FeedbackShowOptions {
  std::string db;
  std::string reference;
};
int RunFeedbackShow(const FeedbackShowOptions& options, std::FILE* out, std::FILE* err);

// `feedback extend REF --reason TEXT`: two further months for an objection or
// review (UK GDPR Art. 12(3)), to the next working day of `bank_holidays`.
struct FeedbackExtendOptions {
  std::string db;
  std::string reference;
  std::string reason;
  std::string bank_holidays = "england-and-wales";
};
int RunFeedbackExtend(const FeedbackExtendOptions& options, std::FILE* err);

// `feedback outbox`: the notifications, one line each with its state, tries
// and last error; --retry ID makes a failed one pending again.
struct FeedbackOutboxOptions {
  std::string db;
  std::string status;  // pending, sent or failed; empty for all
  long long retry = 0; // a failed row's id, or 0
};
int RunFeedbackOutbox(const FeedbackOutboxOptions& options, std::FILE* out, std::FILE* err);

}  // namespace lantern

#endif  // LANTERN_CLI_FEEDBACK_COMMANDS_H_
