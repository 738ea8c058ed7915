#include "cli/feedback_commands.h"

#include <ctime>
#include <optional>

#include "cli/cli.h"
#include "feedback/export.h"
#include "feedback/store.h"
#include "model/date.h"
#include "model/working_days.h"

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

Status UnknownStatus(const std::string& what, const std::string& given) {
  std::string list;
  for (const std::string& status : SubmissionStatuses()) list += (list.empty() ? "" : ", ") + status;
  return Status::Error(what + " must be one of " + list + ", not \"" + given + "\"");
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
  if (!IsSubmissionStatus(options.status)) return Fail(err, UnknownStatus("status", options.status));
  if (options.note.size() > 1000) return Fail(err, Status::Error("--note must be 1,000 characters or less"));
  auto store = FeedbackStore::Open(options.db, FeedbackStore::Mode::kReadWrite);
  if (!store.ok()) return Fail(err, store.status());
  if (Status s = store.value()->SetStatus(options.reference, options.status, options.note, std::time(nullptr));
      !s.ok()) {
    return Fail(err, s);
  }
  std::fprintf(err, "%s is now %s\n", options.reference.c_str(), options.status.c_str());
  return kExitOk;
}

int RunFeedbackList(const FeedbackListOptions& options, std::FILE* out, std::FILE* err) {
  if (!options.status.empty() && !IsSubmissionStatus(options.status)) {
    return Fail(err, UnknownStatus("--status", options.status));
  }
  auto store = FeedbackStore::Open(options.db, FeedbackStore::Mode::kReadOnly);
  if (!store.ok()) return Fail(err, store.status());
  auto rows = store.value()->List("");
  if (!rows.ok()) return Fail(err, rows.status());
  const std::string today = TodayUtc().Iso();
  const std::string horizon = options.due_within >= 0 ? TodayUtc().PlusDays(options.due_within).Iso() : "";
  // The language column tells staff to answer in Welsh where a resident wrote in it.
  std::fprintf(out, "%-9s %-10s %-10s %-14s %-10s %-4s %s\n", "reference", "received", "type", "status", "due", "lang",
               "record");
  size_t shown = 0;
  for (const StoredSubmission& row : rows.value()) {
    const bool open = IsOpenStatus(row.status);
    const bool overdue = open && !row.DueOn().empty() && row.DueOn() < today;
    if (!options.status.empty() && row.status != options.status) continue;
    if (options.overdue && !overdue) continue;
    if (options.due_within >= 0 && !(open && !row.DueOn().empty() && row.DueOn() <= horizon)) continue;
    std::fprintf(out, "%-9s %-10s %-10s %-14s %-10s %-4s %s%s\n", row.reference.c_str(),
                 row.received_at.substr(0, 10).c_str(), row.request_type.c_str(), row.status.c_str(),
                 row.DueOn().empty() ? "-" : row.DueOn().c_str(), row.language.empty() ? "-" : row.language.c_str(),
                 row.record_id.empty() ? "(general)" : row.record_id.c_str(),
                 overdue ? "  OVERDUE" : "");
    ++shown;
  }
  std::fprintf(err, "%zu submission%s\n", shown, shown == 1 ? "" : "s");
  return kExitOk;
}

int RunFeedbackShow(const FeedbackShowOptions& options, std::FILE* out, std::FILE* err) {
  auto store = FeedbackStore::Open(options.db, FeedbackStore::Mode::kReadOnly);
  if (!store.ok()) return Fail(err, store.status());
  auto row = store.value()->Find(options.reference);
  if (!row.ok()) return Fail(err, row.status());
  auto history = store.value()->History(options.reference);
  if (!history.ok()) return Fail(err, history.status());
  const StoredSubmission& s = row.value();
  auto line = [out](const char* key, const std::string& value) {
    if (!value.empty()) std::fprintf(out, "%-18s %s\n", key, value.c_str());
  };
  line("reference", s.reference);
  line("received", s.received_at);
  line("type", s.request_type);
  line("status", s.status);
  line("due", s.due_on);
  line("extended to", s.extended_due_on);
  line("extension reason", s.extension_reason);
  line("answered", s.answered_at);
  line("record", s.record_id.empty() ? "(general)" : s.record_id);
  line("record updated", s.record_updated);
  line("follows", s.follows_reference);
  line("flags", s.flags);
  line("notes", s.notes);
  line("reply wanted", s.reply_wanted ? "yes" : "no");
  line("name", s.name);
  line("email", s.email);
  line("case reference", s.case_reference);
  line("language", s.language);
  std::fprintf(out, "message:\n%s\n", s.message.c_str());
  if (!history.value().empty()) std::fprintf(out, "history:\n");
  for (const StatusChange& change : history.value()) {
    std::fprintf(out, "  %s  %s -> %s%s%s\n", change.changed_at.c_str(), change.from_status.c_str(),
                 change.to_status.c_str(), change.note.empty() ? "" : "  ", change.note.c_str());
  }
  return kExitOk;
}

int RunFeedbackExtend(const FeedbackExtendOptions& options, std::FILE* err) {
  const std::optional<HolidayRegion> region = ParseHolidayRegion(options.bank_holidays);
  if (!region) {
    return Fail(err, Status::Error("--bank-holidays must be england-and-wales, scotland or northern-ireland"));
  }
  if (options.reason.empty() || options.reason.size() > 900) {
    return Fail(err, Status::Error("--reason is required (at most 900 characters): the resident must be told why"));
  }
  auto store = FeedbackStore::Open(options.db, FeedbackStore::Mode::kReadWrite);
  if (!store.ok()) return Fail(err, store.status());
  auto row = store.value()->Find(options.reference);
  if (!row.ok()) return Fail(err, row.status());
  const std::optional<Date> received = Date::Parse(row.value().received_at.substr(0, 10));
  if (!received) return Fail(err, Status::Error("cannot read when " + options.reference + " was received"));
  WorkingCalendar calendar;
  calendar.region = *region;
  const std::string extended = ExtendedDueDate(*received, calendar).Iso();
  if (Status s = store.value()->Extend(options.reference, extended, options.reason, std::time(nullptr)); !s.ok()) {
    return Fail(err, s);
  }
  std::fprintf(err, "%s is now due on %s\n", options.reference.c_str(), extended.c_str());
  return kExitOk;
}

int RunFeedbackOutbox(const FeedbackOutboxOptions& options, std::FILE* out, std::FILE* err) {
  if (!options.status.empty() && options.status != "pending" && options.status != "sent" &&
      options.status != "failed") {
    return Fail(err, Status::Error("unknown --status \"" + options.status + "\": use pending, sent or failed"));
  }
  const bool retry = options.retry != 0;
  auto store = FeedbackStore::Open(options.db, retry ? FeedbackStore::Mode::kReadWrite : FeedbackStore::Mode::kReadOnly);
  if (!store.ok()) return Fail(err, store.status());
  if (retry) {
    if (Status s = store.value()->RetryDelivery(options.retry, std::time(nullptr)); !s.ok()) return Fail(err, s);
    std::fprintf(err, "notification %lld is pending again; the server sends it on its next pass\n", options.retry);
    return kExitOk;
  }
  auto rows = store.value()->Outbox(options.status);
  if (!rows.ok()) return Fail(err, rows.status());
  std::fprintf(out, "%-6s %-11s %-10s %-7s %-5s %-20s %s\n", "id", "channel", "key", "status", "tries", "when",
               "last error");
  size_t counts[3] = {0, 0, 0};
  for (const Delivery& row : rows.value()) {
    const std::string& when = row.status == "sent" ? row.sent_at : row.next_attempt_at;
    std::fprintf(out, "%-6lld %-11s %-10s %-7s %-5d %-20s %s\n", row.id, row.channel.c_str(), row.key.c_str(),
                 row.status.c_str(), row.attempts, when.c_str(), row.last_error.empty() ? "-" : row.last_error.c_str());
    ++counts[row.status == "pending" ? 0 : row.status == "sent" ? 1 : 2];
  }
  std::fprintf(err, "%zu pending, %zu sent, %zu failed\n", counts[0], counts[1], counts[2]);
  return counts[2] > 0 && options.status.empty() ? kExitContentErrors : kExitOk;
}

}  // namespace lantern
