// The feedback store: residents' questions, feedback, objections and review
// requests in one SQLite file. The only file that includes sqlite3.h.
//
// Durability: WAL with synchronous=FULL, so a submission whose Insert returned
// is on disk (it survives a crash of this process, and power loss on storage
// that honours fsync). One connection writes, under a mutex, in BEGIN
// IMMEDIATE ... COMMIT; every statement is prepared with bound values. The
// table is STRICT with CHECK limits that mirror the form's. No IP address is
// ever stored.
//
// The store cannot vanish silently: Insert returns a reference only after a
// fresh connection on the path (the file the staff commands open) has read
// the row back, and refuses to write when the path no longer names the file
// this store opened (deleted, replaced) or that file was made read-only. The
// one-writer lock is an flock on the database file itself, so deleting a file
// cannot defeat it. Files are created 0600 and new folders 0700.
#ifndef LANTERN_FEEDBACK_STORE_H_
#define LANTERN_FEEDBACK_STORE_H_

#include <cstdint>
#include <ctime>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "base/status.h"

struct sqlite3;

namespace lantern {

// Limits shared by the form, the parser and the table's CHECK constraints.
inline constexpr size_t kMaxMessageChars = 5000;
inline constexpr size_t kMaxNameChars = 200;
inline constexpr size_t kMaxEmailChars = 254;
inline constexpr size_t kMaxCaseReferenceChars = 100;
inline constexpr size_t kMaxRecordIdChars = 200;

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
};

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

class FeedbackStore {
 public:
  // kCreate (lantern serve) creates a missing store, and missing folders on
  // its path with mode 0700; kReadWrite and kReadOnly (staff commands) refuse
  // a store that does not exist, so a mistyped --db never makes an empty one.
  enum class Mode { kCreate, kReadWrite, kReadOnly };
  struct Options {
    int retention_days = 365;       // how long ordinary rows are kept (site.yaml feedback.retention_days)
    int spam_retention_days = 30;   // how long suspected spam is kept for review
    // The longest an Insert waits for the store (another request, or another
    // process holding SQLite's write lock) before it fails, in all.
    int write_wait_ms = 3000;
  };

  // Opens the store at `path` (":memory:" for tests). Fails with a Status
  // naming the path when the file does not exist (but in kCreate), is not a
  // SQLite database, belongs to another program, has a newer schema, or cannot
  // be opened or created. A store of schema 1 is upgraded in kCreate and
  // kReadWrite. The writing modes also take an exclusive flock on the database
  // file, held until the store closes, so only one process ever writes (SQLite
  // before 3.51.3 can corrupt a WAL database when two processes write or
  // checkpoint at once); a second writer fails with a Status saying so.
  static Result<std::unique_ptr<FeedbackStore>> Open(const std::string& path, Mode mode, Options options);
  static Result<std::unique_ptr<FeedbackStore>> Open(const std::string& path, Mode mode) {
    return Open(path, mode, Options());
  }
  ~FeedbackStore();
  FeedbackStore(const FeedbackStore&) = delete;
  FeedbackStore& operator=(const FeedbackStore&) = delete;

  // Stores `submission` received at `now` and returns its new reference once
  // COMMIT has returned and the row has been read back from the file at the
  // store's path. A token nonce seen before with the same answers returns the
  // earlier row's reference and adds nothing; with other answers it adds a
  // row linked to the first. A message identical to one received in the last
  // 24 hours adds the flag "repeated_message"; any flag stores the row as
  // "suspected_spam" (kept, never dropped). Fails, within write_wait_ms, when
  // the store is busy, unwritable, or no longer the file at its path; then
  // nothing may be acknowledged. Thread-safe.
  Result<InsertOutcome> Insert(const Submission& submission, int64_t now);
  // True when a submission with `reference` is stored.
  Result<bool> Exists(const std::string& reference) const;
  // Ok when the store can take a submission now: its path still names the
  // file it opened, that file is writable, and it answers a query.
  Status Health() const;

  // Rows received on or after `since` (a YYYY-MM-DD date, or empty for all),
  // oldest first.
  Result<std::vector<StoredSubmission>> List(const std::string& since) const;
  // Deletes rows received more than `days` days before `now`, then truncates
  // the WAL so deleted text does not linger there. Returns the count deleted.
  Result<long long> PurgeOlderThan(int days, int64_t now);
  // Deletes rows whose retain_until has passed at `now` (the server runs this
  // daily), then truncates the WAL. Returns the count deleted.
  Result<long long> PurgeExpired(int64_t now);
  // Sets a row's status (one of SubmissionStatuses()) at `now` and keeps the
  // change, with `note`, in its history; the first change to "answered"
  // records when it was answered. Fails for an unknown reference or status.
  Status SetStatus(const std::string& reference, const std::string& status, const std::string& note, int64_t now);
  // Extends an objection's or review's due date to `extended_due_on` with the
  // reason the resident must be told (UK GDPR Art. 12(3)); once only, and only
  // while it is open. Kept in the history.
  Status Extend(const std::string& reference, const std::string& extended_due_on, const std::string& reason,
                int64_t now);
  // One submission, or a Status when there is none with `reference`.
  Result<StoredSubmission> Find(const std::string& reference) const;
  // Its status changes, oldest first.
  Result<std::vector<StatusChange>> History(const std::string& reference) const;
  Result<StoreStats> Stats() const;
  // "ok" or SQLite's list of problems.
  Result<std::string> IntegrityCheck() const;

 private:
  FeedbackStore(sqlite3* db, std::string path, Options options) : db_(db), path_(std::move(path)), options_(options) {}
  Status Execute(const char* sql) const;
  Status Migrate();
  Result<long long> DeleteWhere(const char* sql, const std::string& bound);
  // Ok when path_ still names the file opened as file_fd_, and it is writable.
  Status CheckFile() const;
  // Reads `reference` back through a new read-only connection on path_.
  Status ReadBack(const std::string& reference) const;
  Result<InsertOutcome> InsertLocked(const Submission& submission, int64_t now);

  int file_fd_ = -1;  // the database file, flocked by writers; closed after db_
  sqlite3* db_;
  std::string path_;
  Options options_;
  mutable std::timed_mutex mutex_;  // one writer, and one statement sequence at a time
};

}  // namespace lantern

#endif  // LANTERN_FEEDBACK_STORE_H_
