#include "feedback/store.h"

#include <algorithm>
#include <ctime>

#include "base/crypto.h"
#include "feedback/postgres_store.h"
#include "feedback/sqlite_store.h"

namespace lantern {

std::string FormatUtcTime(int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

std::string SubmissionContentHash(const Submission& s) {
  std::string joined;
  for (const std::string* part : {&s.request_type, &s.record_id, &s.message, &s.case_reference, &s.name, &s.email}) {
    joined += *part;
    joined += '\0';
  }
  joined += s.reply_wanted ? '1' : '0';
  return HexEncode(Sha256(joined));
}

std::string InitialStatus(const std::vector<std::string>& flags, bool over_global_limit) {
  return !flags.empty() ? "suspected_spam" : over_global_limit ? "rate_limited" : "new";
}

Result<std::vector<OutboxRequest>> DeliveriesToQueue(
    const std::string& status, const std::vector<OutboxRequest>& requested,
    const std::function<Result<bool>(const std::string& address)>& receipt_allowed, std::vector<std::string>* notes) {
  std::vector<OutboxRequest> deliveries;
  if (status == "suspected_spam") return deliveries;
  for (const OutboxRequest& request : requested) {
    if (!IsDeliveryChannel(request.channel) || request.channel == "digest" || request.recipient.empty()) {
      return Status::Error("cannot queue a notification on channel \"" + request.channel + "\" to \"" +
                           request.recipient + "\"");
    }
    if (request.channel == "receipt") {
      Result<bool> allowed = receipt_allowed(request.recipient);
      if (!allowed.ok()) return allowed.status();
      if (!allowed.value()) {
        notes->push_back("receipt_limited");
        continue;
      }
    }
    deliveries.push_back(request);
  }
  return deliveries;
}

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

const std::vector<std::string>& SubmissionStatuses() {
  static const std::vector<std::string> statuses = {"new",    "acknowledged",   "in_progress",  "answered",
                                                    "closed", "suspected_spam", "rate_limited", "not_spam"};
  return statuses;
}

bool IsSubmissionStatus(const std::string& status) {
  const auto& statuses = SubmissionStatuses();
  return std::find(statuses.begin(), statuses.end(), status) != statuses.end();
}

bool IsOpenStatus(const std::string& status) {
  return status == "new" || status == "acknowledged" || status == "in_progress" || status == "rate_limited" ||
         status == "not_spam";
}

bool IsDeliveryChannel(const std::string& channel) {
  return channel == "staff_email" || channel == "receipt" || channel == "webhook" || channel == "digest";
}

bool FeedbackStore::IsDatabaseUri(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<FeedbackStore>> FeedbackStore::Open(const std::string& location, Mode mode, Options options) {
  if (IsDatabaseUri(location)) return PostgresFeedbackStore::Open(location, mode, options);
  return SqliteFeedbackStore::Open(location, mode, options);
}

}  // namespace lantern
