// The feedback store: residents' questions, feedback, objections and review
// requests, their casework history and the outbox of notifications about
// them. Two implementations keep the same promises: one SQLite file for one
// machine (sqlite_store.h) and a PostgreSQL database shared by several
// servers (postgres_store.h). `FeedbackStore::Open` picks one from --db.
//
// The promises, whichever store: a reference is returned only after COMMIT
// and a read-back of the row; a form token's answers are stored once (a
// unique constraint, not a check in code); the outbox rows a submission asks
// for are written in the same transaction, so a stored submission is always
// notified, after a crash too; every statement binds its values. No IP
// address is ever stored.
#ifndef LANTERN_FEEDBACK_STORE_H_
#define LANTERN_FEEDBACK_STORE_H_

#include <cstdint>
#include <ctime>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"

namespace lantern {

// Limits shared by the form, the parser and the table's CHECK constraints.
inline constexpr size_t kMaxMessageChars = 5000;
inline constexpr size_t kMaxNameChars = 200;
inline constexpr size_t kMaxEmailChars = 254;
inline constexpr size_t kMaxCaseReferenceChars = 100;
inline constexpr size_t kMaxRecordIdChars = 200;
inline constexpr size_t kMaxLanguageTagChars = 35;  // BCP 47 tags in practice

// A notification the caller asks for: `channel` is "staff_email" (recipient:
// addresses separated by commas), "receipt" (the resident's address) or
// "webhook" (the URL).
struct OutboxRequest {
  std::string channel;
  std::string recipient;
};

// What a resident sent, after validation.
struct Submission {
  std::string record_id;       // empty for the general form
  std::string record_updated;  // the record's "updated" date (YYYY-MM-DD) when it was answered, or empty
  std::string request_type;    // question, feedback, objection or review
  std::string message;
  std::string case_reference;  // review requests only; may be empty
  std::string name;            // may be empty
  std::string email;           // may be empty unless reply_wanted
  bool reply_wanted = false;
  // The language the form was in (a tag such as "cy" or "en"; at most
  // kMaxLanguageTagChars), so staff answer in it (Welsh Language Standards);
  // empty when not known.
  std::string language;
  std::string token_nonce;     // hex nonce of the form token: one row per token; empty when none
  std::vector<std::string> flags;  // spam flags set by the caller (honeypot, too_fast, many_links)
  // Facts for staff that do not make a row spam: bidi_controls, controls_removed,
  // invalid_utf8, record_gone (record_id names a record no longer on the site), …
  std::vector<std::string> notes;
  // The day the council must answer by (YYYY-MM-DD), worked out by the caller
  // from the law's clock (model/working_days); empty when not known.
  std::string due_on;
  // Held because the form's overall hourly ceiling was reached: stored with the
  // status "rate_limited" (unless it is also suspected spam) for staff to review.
  bool over_global_limit = false;
  // Notifications to send about it, written to the outbox in the same
  // transaction; none for a row stored as suspected spam (staff review it
  // first). A "receipt" is skipped (note "receipt_limited") when its address
  // had Options::receipts_per_address_per_day receipts in the last 24 hours.
  std::vector<OutboxRequest> deliveries;
};

// One row of the outbox. Statuses: "pending" (waiting, or being sent under a
// lease), "sent", "failed" (given up after the retries; staff can retry).
struct Delivery {
  long long id = 0;
  std::string key;        // the submission's reference, or the date of a digest
  std::string channel;    // staff_email, receipt, webhook or digest
  std::string recipient;
  std::string status;
  int attempts = 0;
  std::string created_at, next_attempt_at, sent_at, last_error;
};

// Channels of the outbox, in the order a list shows them.
bool IsDeliveryChannel(const std::string& channel);

// A row as staff see it.
struct StoredSubmission {
  std::string reference, received_at, record_id, record_updated, request_type, message, case_reference, name, email;
  bool reply_wanted = false;
  std::string status, flags, notes, retain_until;
  std::string follows_reference;  // the first submission sent with the same form token, or empty
  std::string due_on;             // YYYY-MM-DD, or empty
  std::string extended_due_on;    // after an Art. 12(3) extension, or empty
  std::string extension_reason;
  std::string answered_at;        // when it was first marked answered, or empty
  std::string language;           // the form's language (Submission::language), or empty for older rows
  // The effective due date: the extended one when there is one.
  const std::string& DueOn() const { return extended_due_on.empty() ? due_on : extended_due_on; }
};

// One change of a submission's status, with the staff member's note.
struct StatusChange {
  std::string changed_at, from_status, to_status, note;
};

// Casework statuses in the order work goes, then the held ones (kept for
// staff review, not yet worked on). "Open" means the resident still waits.
const std::vector<std::string>& SubmissionStatuses();
bool IsSubmissionStatus(const std::string& status);
bool IsOpenStatus(const std::string& status);

struct InsertOutcome {
  std::string reference;
  std::string status;       // "new", "suspected_spam" or "rate_limited"
  // The same token and the same answers were stored before (a double click or
  // a resend): `reference` is that submission's and nothing was added.
  bool duplicate = false;
  // The token was used before with other answers: this is a new submission,
  // linked to the first one's reference.
  std::string follows_reference;
};

struct StoreStats {
  struct Row {
    std::string request_type, status;
    long long count = 0;
  };
  std::vector<Row> rows;  // sorted by type, then status
  long long total = 0;
  std::string oldest, newest;  // received_at; empty when the store is empty
};

// "2026-11-22T05:30:15Z" for a Unix time.
std::string FormatUtcTime(int64_t unix_seconds);

// Shared by the stores so both decide alike. The hex SHA-256 of everything
// the resident chose or typed: a resend of the same answers on one form
// token is recognised, different answers are not.
std::string SubmissionContentHash(const Submission& submission);
// "suspected_spam" when any flag is set, else "rate_limited" when held by the
// form's overall ceiling, else "new".
std::string InitialStatus(const std::vector<std::string>& flags, bool over_global_limit);
// The outbox rows a submission stored with `status` gets: none for suspected
// spam (staff review it before anyone is told); each requested one otherwise,
// but a receipt only when `receipt_allowed(address)` is true, else the note
// "receipt_limited" is added to `notes`. Fails for a request no channel takes,
// or when `receipt_allowed` fails.
Result<std::vector<OutboxRequest>> DeliveriesToQueue(
    const std::string& status, const std::vector<OutboxRequest>& requested,
    const std::function<Result<bool>(const std::string& address)>& receipt_allowed, std::vector<std::string>* notes);
// Comma-joined, as the flags and notes columns hold them.
std::string JoinList(const std::vector<std::string>& items);

// A store. All methods are thread-safe. Times are Unix seconds, passed in so
// tests control the clock.
class FeedbackStore {
 public:
  // kCreate (lantern serve) creates a missing store (and its schema);
  // kReadWrite and kReadOnly (staff commands) refuse a store that does not
  // exist, so a mistyped --db never makes an empty one.
  enum class Mode { kCreate, kReadWrite, kReadOnly };
  struct Options {
    int retention_days = 365;       // how long ordinary rows are kept (site.yaml feedback.retention_days)
    int spam_retention_days = 30;   // how long suspected spam is kept for review
    // The longest an Insert waits for the store (another request, or another
    // process holding the write lock) before it fails, in all.
    int write_wait_ms = 3000;
    // Receipts to one address in 24 hours; more are not sent (the form must
    // not become a way to flood someone's inbox).
    int receipts_per_address_per_day = 3;
  };

  // `location` is a file path (SQLite; ":memory:" for tests) or a
  // postgresql:// (or postgres://) connection URI. Fails with a Status naming
  // the store (never a password) when it cannot be opened, does not exist
  // (but in kCreate), belongs to another program or has a newer schema. The
  // writing modes create and upgrade the schema.
  static Result<std::unique_ptr<FeedbackStore>> Open(const std::string& location, Mode mode, Options options);
  static Result<std::unique_ptr<FeedbackStore>> Open(const std::string& location, Mode mode) {
    return Open(location, mode, Options());
  }
  // True when `location` names a PostgreSQL database rather than a file.
  static bool IsDatabaseUri(const std::string& location);
  virtual ~FeedbackStore() = default;

  // A name for messages: the path, or the URI without its password.
  virtual std::string Describe() const = 0;

  // Stores `submission` received at `now` and returns its new reference once
  // COMMIT has returned and the row has been read back. A token nonce seen
  // before with the same answers returns the earlier row's reference and adds
  // nothing; with other answers it adds a row linked to the first. A message
  // identical to one received in the last 24 hours adds the flag
  // "repeated_message"; any flag stores the row as "suspected_spam" (kept,
  // never dropped). The submission's deliveries go to the outbox in the same
  // transaction. Fails, within write_wait_ms, when the store is busy,
  // unwritable or gone; then nothing may be acknowledged.
  virtual Result<InsertOutcome> Insert(const Submission& submission, int64_t now) = 0;
  // True when a submission with `reference` is stored.
  virtual Result<bool> Exists(const std::string& reference) const = 0;
  // Ok when the store can take a submission now.
  virtual Status Health() const = 0;

  // Rows received on or after `since` (a YYYY-MM-DD date, or empty for all),
  // oldest first.
  virtual Result<std::vector<StoredSubmission>> List(const std::string& since) const = 0;
  // Deletes rows received more than `days` days before `now` (with their
  // history and outbox rows), leaving no copy of their text in the store's
  // logs where the store can. Returns the count deleted.
  virtual Result<long long> PurgeOlderThan(int days, int64_t now) = 0;
  // Deletes rows whose retain_until has passed at `now` (the server runs
  // this daily). Returns the count deleted.
  virtual Result<long long> PurgeExpired(int64_t now) = 0;
  // Sets a row's status (one of SubmissionStatuses()) at `now` and keeps the
  // change, with `note`, in its history; the first change to "answered"
  // records when it was answered. Fails for an unknown reference or status.
  virtual Status SetStatus(const std::string& reference, const std::string& status, const std::string& note,
                           int64_t now) = 0;
  // Extends an objection's or review's due date to `extended_due_on` with the
  // reason the resident must be told (UK GDPR Art. 12(3)); once only, and only
  // while it is open. Kept in the history.
  virtual Status Extend(const std::string& reference, const std::string& extended_due_on, const std::string& reason,
                        int64_t now) = 0;
  // One submission, or a Status when there is none with `reference`.
  virtual Result<StoredSubmission> Find(const std::string& reference) const = 0;
  // Its status changes, oldest first.
  virtual Result<std::vector<StatusChange>> History(const std::string& reference) const = 0;
  virtual Result<StoreStats> Stats() const = 0;
  // "ok", or the store's list of problems.
  virtual Result<std::string> IntegrityCheck() const = 0;

  // The outbox. ClaimDeliveries hands out up to `limit` pending rows whose
  // next attempt is due at `now`, each leased for `lease_seconds`: no other
  // worker, in this process or another server on the same store, gets it
  // until the lease ends. A worker that dies mid-send leaves its lease to run
  // out and the row is claimed again (SQLite, one writer, releases all leases
  // when it opens). Oldest first.
  virtual Result<std::vector<Delivery>> ClaimDeliveries(int64_t now, int lease_seconds, int limit) = 0;
  // The row was accepted by its server: "sent", with the time.
  virtual Status MarkDelivered(long long id, int64_t now) = 0;
  // The attempt failed with `error`: pending again from `retry_at`, or
  // "failed" when `retry_at` is 0. Counts the attempt.
  virtual Status MarkDeliveryFailed(long long id, const std::string& error, int64_t retry_at, int64_t now) = 0;
  // Outbox rows with `status` (empty for all), oldest first.
  virtual Result<std::vector<Delivery>> Outbox(const std::string& status) const = 0;
  // Staff: a failed row is pending again now (attempts kept). Fails for an
  // unknown id or a row that is not failed.
  virtual Status RetryDelivery(long long id, int64_t now) = 0;
  // Adds the daily digest for `date` (YYYY-MM-DD) to `recipients` unless one
  // exists for that date: true when this call added it. Several servers may
  // call it; one row results.
  virtual Result<bool> EnqueueDigest(const std::string& date, const std::string& recipients, int64_t now) = 0;

 protected:
  FeedbackStore() = default;
  FeedbackStore(const FeedbackStore&) = delete;
  FeedbackStore& operator=(const FeedbackStore&) = delete;
};

}  // namespace lantern

#endif  // LANTERN_FEEDBACK_STORE_H_
