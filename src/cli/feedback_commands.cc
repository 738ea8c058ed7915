#include "cli/feedback_commands.h"

#include <ctime>

#include "cli/cli.h"
#include "feedback/export.h"
#include "feedback/store.h"

namespace lantern {
namespace {

bool IsIsoDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const int month = std::stoi(text.substr(5, 2)), day = std::stoi(text.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

int Fail(std::FILE* err, const Status& status) {
  std::fprintf(err, "lantern: error: %s\n", status.message().c_str());
  return kExitUsageOrSystem;
}

}  // namespace

int RunFeedbackExport(const FeedbackExportOptions& options, std::FILE* out, std::FILE* err) {
  if (options.format != "csv" && options.format != "json") {
    return Fail(err, Status::Error("--format must be csv or json, not \"" + options.format + "\""));
  }
  if (!options.since.empty() && !IsIsoDate(options.since)) {
    return Fail(err, Status::Error("--since must be a date like 2026-01-31, not \"" + options.since + "\""));
  }
  auto store = FeedbackStore::Open(options.db, FeedbackStore::Mode::kReadOnly);
  if (!store.ok()) return Fail(err, store.status());
  auto rows = store.value()->List(options.since);
  if (!rows.ok()) return Fail(err, rows.status());
  const std::string text = options.format == "csv" ? SubmissionsToCsv(rows.value()) : SubmissionsToJson(rows.value());
  std::fwrite(text.data(), 1, text.size(), out);
  std::fprintf(err, "exported %zu submission%s\n", rows.value().size(), rows.value().size() == 1 ? "" : "s");
  return kExitOk;
}

int RunFeedbackPurge(const FeedbackPurgeOptions& options, std::FILE* err) {
  if (options.older_than_days < 0) return Fail(err, Status::Error("--older-than DAYS is required (0 or more)"));
  auto store = FeedbackStore::Open(options.db, FeedbackStore::Mode::kReadWrite);
  if (!store.ok()) return Fail(err, store.status());
  auto deleted = store.value()->PurgeOlderThan(options.older_than_days, std::time(nullptr));
  if (!deleted.ok()) return Fail(err, deleted.status());
  std::fprintf(err, "purged %lld submission%s received more than %d days ago\n", deleted.value(),
               deleted.value() == 1 ? "" : "s", options.older_than_days);
  return kExitOk;
}

int RunFeedbackStats(const FeedbackStatsOptions& options, std::FILE* out, std::FILE* err) {
  auto store = FeedbackStore::Open(options.db, FeedbackStore::Mode::kReadOnly);
  if (!store.ok()) return Fail(err, store.status());
  auto stats = store.value()->Stats();
  if (!stats.ok()) return Fail(err, stats.status());
  std::fprintf(out, "%-12s %-16s %8s\n", "type", "status", "count");
  for (const StoreStats::Row& row : stats.value().rows) {
    std::fprintf(out, "%-12s %-16s %8lld\n", row.request_type.c_str(), row.status.c_str(), row.count);
  }
  std::fprintf(out, "total %lld", stats.value().total);
  if (stats.value().total > 0) {
    std::fprintf(out, " (from %s to %s)", stats.value().oldest.c_str(), stats.value().newest.c_str());
  }
  std::fprintf(out, "\n");
  return kExitOk;
}

int RunFeedbackMark(const FeedbackMarkOptions& options, std::FILE* err) {
  if (options.status != "new" && options.status != "not_spam" && options.status != "suspected_spam" &&
      options.status != "rate_limited" && options.status != "closed") {
    return Fail(err, Status::Error("status must be new, not_spam, suspected_spam, rate_limited or closed"));
  }
  auto store = FeedbackStore::Open(options.db, FeedbackStore::Mode::kReadWrite);
  if (!store.ok()) return Fail(err, store.status());
  if (Status s = store.value()->SetStatus(options.reference, options.status); !s.ok()) return Fail(err, s);
  std::fprintf(err, "%s is now %s\n", options.reference.c_str(), options.status.c_str());
  return kExitOk;
}

}  // namespace lantern
