// The feedback store in one SQLite file, for one machine. The only file that
// includes sqlite3.h.
//
// Durability: WAL with synchronous=FULL, so a submission whose Insert returned
// is on disk (it survives a crash of this process, and power loss on storage
// that honours fsync). One connection writes, under a mutex, in BEGIN
// IMMEDIATE ... COMMIT; every statement is prepared with bound values. The
// tables are STRICT with CHECK limits that mirror the form's.
//
// The store cannot vanish silently: Insert returns a reference only after a
// fresh connection on the path (the file the staff commands open) has read
// the row back, and refuses to write when the path no longer names the file
// this store opened (deleted, replaced) or that file was made read-only. The
// one-writer lock is an flock on the database file itself, so deleting a file
// cannot defeat it; because only one process writes, opening for writing
// releases every outbox lease (a crashed server's sends are sent again).
// Files are created 0600 and new folders 0700.
#ifndef LANTERN_FEEDBACK_SQLITE_STORE_H_
#define LANTERN_FEEDBACK_SQLITE_STORE_H_

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "feedback/store.h"

struct sqlite3;

namespace lantern {

class SqliteFeedbackStore final : public FeedbackStore {
 public:
  // Opens the store at `path` (":memory:" for tests). Fails with a Status
  // naming the path when the file does not exist (but in kCreate), is not a
  // SQLite database, belongs to another program, has a newer schema, or cannot
  // be opened or created. Older schemas are upgraded in kCreate and
  // kReadWrite. The writing modes also take an exclusive flock on the database
  // file, held until the store closes, so only one process ever writes (SQLite
  // before 3.51.3 can corrupt a WAL database when two processes write or
  // checkpoint at once); a second writer fails with a Status saying so.
  static Result<std::unique_ptr<FeedbackStore>> Open(const std::string& path, Mode mode, Options options);
  ~SqliteFeedbackStore() override;

  std::string Describe() const override { return path_; }
  Result<InsertOutcome> Insert(const Submission& submission, int64_t now) override;
  Result<bool> Exists(const std::string& reference) const override;
  Status Health() const override;
  Result<std::vector<StoredSubmission>> List(const std::string& since) const override;
  // Also truncates the WAL so deleted text does not linger there.
  Result<long long> PurgeOlderThan(int days, int64_t now) override;
  Result<long long> PurgeExpired(int64_t now) override;
  Status SetStatus(const std::string& reference, const std::string& status, const std::string& note,
                   int64_t now) override;
  Status Extend(const std::string& reference, const std::string& extended_due_on, const std::string& reason,
                int64_t now) override;
  Result<StoredSubmission> Find(const std::string& reference) const override;
  Result<std::vector<StatusChange>> History(const std::string& reference) const override;
  Result<StoreStats> Stats() const override;
  Result<std::string> IntegrityCheck() const override;
  Result<std::vector<Delivery>> ClaimDeliveries(int64_t now, int lease_seconds, int limit) override;
  Status MarkDelivered(long long id, int64_t now) override;
  Status MarkDeliveryFailed(long long id, const std::string& error, int64_t retry_at, int64_t now) override;
  Result<std::vector<Delivery>> Outbox(const std::string& status) const override;
  Status RetryDelivery(long long id, int64_t now) override;
  Result<bool> EnqueueDigest(const std::string& date, const std::string& recipients, int64_t now) override;

 private:
  SqliteFeedbackStore(sqlite3* db, std::string path, Options options)
      : db_(db), path_(std::move(path)), options_(options) {}
  Status Execute(const char* sql) const;
  Status Migrate();
  Result<long long> DeleteWhere(const char* sql, const std::string& bound);
  // Ok when path_ still names the file opened as file_fd_, and it is writable.
  Status CheckFile() const;
  // Reads `reference` back through a new read-only connection on path_.
  Status ReadBack(const std::string& reference) const;
  Result<InsertOutcome> InsertLocked(const Submission& submission, int64_t now);
  // False when `address` had receipts_per_address_per_day receipts in the
  // 24 hours before `now`.
  Result<bool> ReceiptAllowed(const std::string& address, int64_t now) const;
  // Writes `deliveries` for the submission `submission_id` (keyed by
  // `reference`) inside the caller's transaction.
  Status AddDeliveries(long long submission_id, const std::string& reference,
                       const std::vector<OutboxRequest>& deliveries, int64_t now);

  int file_fd_ = -1;  // the database file, flocked by writers; closed after db_
  sqlite3* db_;
  std::string path_;
  Options options_;
  mutable std::timed_mutex mutex_;  // one writer, and one statement sequence at a time
};

}  // namespace lantern

#endif  // LANTERN_FEEDBACK_SQLITE_STORE_H_
