#include "feedback/store.h"

#include <sqlite3.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <ctime>
#include <utility>

#include "base/crypto.h"
#include "feedback/reference.h"

namespace lantern {
namespace {

constexpr int kApplicationId = 0x4C4E5446;  // "LNTF": marks the file as a Lantern feedback store
constexpr int kSchemaVersion = 1;

// Length limits below mirror kMax* in store.h; length() counts characters.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS submissions (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE CHECK (length(reference) = 8),
  token_nonce TEXT UNIQUE CHECK (token_nonce IS NULL OR length(token_nonce) BETWEEN 1 AND 64),
  received_at TEXT NOT NULL CHECK (length(received_at) = 20),
  record_id TEXT NOT NULL CHECK (length(record_id) <= 200),
  record_updated TEXT NOT NULL CHECK (length(record_updated) <= 10),
  request_type TEXT NOT NULL CHECK (request_type IN ('question', 'feedback', 'objection', 'review')),
  message TEXT NOT NULL CHECK (length(message) BETWEEN 1 AND 5000),
  case_reference TEXT NOT NULL CHECK (length(case_reference) <= 100),
  name TEXT NOT NULL CHECK (length(name) <= 200),
  email TEXT NOT NULL CHECK (length(email) <= 254),
  reply_wanted INTEGER NOT NULL CHECK (reply_wanted IN (0, 1)),
  status TEXT NOT NULL CHECK (status IN ('new', 'suspected_spam', 'not_spam', 'closed')),
  flags TEXT NOT NULL CHECK (length(flags) <= 200),
  message_hash TEXT NOT NULL CHECK (length(message_hash) = 64),
  retain_until TEXT NOT NULL CHECK (length(retain_until) = 20)
) STRICT;
CREATE INDEX IF NOT EXISTS submissions_by_time ON submissions (received_at);
CREATE INDEX IF NOT EXISTS submissions_by_hash ON submissions (message_hash, received_at);
)sql";

// A prepared statement, finalized on destruction.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) { rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  bool ok() const { return rc_ == SQLITE_OK; }
  Statement& Bind(int index, const std::string& text) {
    if (rc_ == SQLITE_OK) rc_ = sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& BindNullable(int index, const std::string& text) {
    if (text.empty()) {
      if (rc_ == SQLITE_OK) rc_ = sqlite3_bind_null(stmt_, index);
      return *this;
    }
    return Bind(index, text);
  }
  Statement& Bind(int index, long long value) {
    if (rc_ == SQLITE_OK) rc_ = sqlite3_bind_int64(stmt_, index, value);
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() {
    if (rc_ != SQLITE_OK && rc_ != SQLITE_ROW && rc_ != SQLITE_DONE) return rc_;
    rc_ = sqlite3_step(stmt_);
    return rc_;
  }
  std::string Text(int column) const {
    const unsigned char* p = sqlite3_column_text(stmt_, column);
    return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, column)) : std::string();
  }
  long long Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  Status Error(const std::string& what) const {
    return Status::Error(what + ": " + sqlite3_errmsg(db_));
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int rc_;
};

std::string JoinFlags(const std::vector<std::string>& flags) {
  std::string out;
  for (const std::string& flag : flags) out += (out.empty() ? "" : ",") + flag;
  return out;
}

// Rolls back an open transaction unless Commit() succeeded.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) {}
  ~Transaction() {
    if (open_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  Status Begin() {
    if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
      return Status::Error(std::string("cannot start a transaction: ") + sqlite3_errmsg(db_));
    }
    open_ = true;
    return Status::Ok();
  }
  Status Commit() {
    if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
      return Status::Error(std::string("cannot commit: ") + sqlite3_errmsg(db_));
    }
    open_ = false;
    return Status::Ok();
  }

 private:
  sqlite3* db_;
  bool open_ = false;
};

}  // namespace

std::string FormatUtcTime(int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

Result<std::unique_ptr<FeedbackStore>> FeedbackStore::Open(const std::string& path, Mode mode, Options options) {
  const std::string where = "feedback store " + path;
  int lock_fd = -1;
  if (mode == Mode::kReadWrite && path != ":memory:") {
    const std::string lock_path = path + ".lock";
    lock_fd = open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (lock_fd < 0) {
      return Status::Error("cannot open " + lock_path + ": " + std::strerror(errno)).WithContext("cannot open " + where);
    }
    if (flock(lock_fd, LOCK_EX | LOCK_NB) != 0) {
      close(lock_fd);
      return Status::Error(where + " is open for writing in another process (is lantern serve running?); "
                           "only one process may write to it at a time");
    }
  }
  sqlite3* db = nullptr;
  const int flags = (mode == Mode::kReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_NOFOLLOW;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    Status error = Status::Error(db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    if (lock_fd >= 0) close(lock_fd);
    return error.WithContext("cannot open " + where);
  }
  std::unique_ptr<FeedbackStore> store(new FeedbackStore(db, path, options));
  store->lock_fd_ = lock_fd;
  sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_extended_result_codes(db, 1);
  // busy_timeout first: a reader may open while the server checkpoints.
  for (const char* pragma : {"PRAGMA busy_timeout = 5000", "PRAGMA trusted_schema = OFF"}) {
    if (Status s = store->Execute(pragma); !s.ok()) return s.WithContext(where);
  }
  // Reading the header tells a foreign or corrupt file apart before we change anything.
  long long application_id = 0, table_count = 0;
  {
    Statement id(db, "PRAGMA application_id");
    if (id.Step() != SQLITE_ROW) return id.Error("cannot read " + where + " (is it a SQLite database?)");
    application_id = id.Int(0);
    Statement tables(db, "SELECT count(*) FROM sqlite_schema");
    if (tables.Step() != SQLITE_ROW) return tables.Error("cannot read " + where);
    table_count = tables.Int(0);
  }
  if (table_count > 0 && application_id != kApplicationId) {
    return Status::Error(where + " is a SQLite database of another program; choose another --db path");
  }
  if (mode == Mode::kReadOnly) {
    if (table_count == 0) return Status::Error(where + " holds no submissions yet (it is empty)");
    return store;
  }
  for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL"}) {
    if (Status s = store->Execute(pragma); !s.ok()) return s.WithContext(where);
  }
  if (table_count == 0) {
    Transaction transaction(db);
    if (Status s = transaction.Begin(); !s.ok()) return s.WithContext(where);
    if (Status s = store->Execute(kSchema); !s.ok()) return s.WithContext(where);
    const std::string stamp = "PRAGMA application_id = " + std::to_string(kApplicationId) +
                              "; PRAGMA user_version = " + std::to_string(kSchemaVersion);
    if (Status s = store->Execute(stamp.c_str()); !s.ok()) return s.WithContext(where);
    if (Status s = transaction.Commit(); !s.ok()) return s.WithContext(where);
  } else {
    Statement version(db, "PRAGMA user_version");
    if (version.Step() != SQLITE_ROW) return version.Error("cannot read " + where);
    if (version.Int(0) != kSchemaVersion) {
      return Status::Error(where + " has schema version " + std::to_string(version.Int(0)) + ", this Lantern reads " +
                           std::to_string(kSchemaVersion));
    }
  }
  return store;
}

FeedbackStore::~FeedbackStore() {
  sqlite3_close_v2(db_);
  if (lock_fd_ >= 0) close(lock_fd_);  // releases the writer lock
}

Status FeedbackStore::Execute(const char* sql) const {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    Status error = Status::Error(message ? message : sqlite3_errmsg(db_));
    sqlite3_free(message);
    return error;
  }
  return Status::Ok();
}

Result<InsertOutcome> FeedbackStore::Insert(const Submission& submission, int64_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction transaction(db_);
  if (Status s = transaction.Begin(); !s.ok()) return s;
  if (!submission.token_nonce.empty()) {
    Statement seen(db_, "SELECT reference, status FROM submissions WHERE token_nonce = ?1");
    seen.Bind(1, submission.token_nonce);
    const int rc = seen.Step();
    if (rc == SQLITE_ROW) return InsertOutcome{seen.Text(0), seen.Text(1), true};
    if (rc != SQLITE_DONE) return seen.Error("cannot look up the form token");
  }
  const std::string message_hash = HexEncode(Sha256(submission.message));
  std::vector<std::string> flags = submission.flags;
  {
    Statement repeated(db_, "SELECT 1 FROM submissions WHERE message_hash = ?1 AND received_at >= ?2 LIMIT 1");
    repeated.Bind(1, message_hash).Bind(2, FormatUtcTime(now - 24 * 3600));
    const int rc = repeated.Step();
    if (rc == SQLITE_ROW) flags.push_back("repeated_message");
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return repeated.Error("cannot check for repeated messages");
  }
  const std::string status = flags.empty() ? "new" : "suspected_spam";
  const int keep_days = flags.empty() ? options_.retention_days : options_.spam_retention_days;
  // A clash among 6.6e11 references is rare, but a UNIQUE failure must never lose a submission.
  for (int attempt = 0; attempt < 8; ++attempt) {
    Result<std::string> reference = NewReference();
    if (!reference.ok()) return reference.status();
    Statement taken(db_, "SELECT 1 FROM submissions WHERE reference = ?1");
    taken.Bind(1, reference.value());
    const int rc = taken.Step();
    if (rc == SQLITE_ROW) continue;
    if (rc != SQLITE_DONE) return taken.Error("cannot check the reference");
    Statement insert(db_,
                     "INSERT INTO submissions (reference, token_nonce, received_at, record_id, record_updated, "
                     "request_type, message, case_reference, name, email, reply_wanted, status, flags, message_hash, "
                     "retain_until) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
    insert.Bind(1, reference.value())
        .BindNullable(2, submission.token_nonce)
        .Bind(3, FormatUtcTime(now))
        .Bind(4, submission.record_id)
        .Bind(5, submission.record_updated)
        .Bind(6, submission.request_type)
        .Bind(7, submission.message)
        .Bind(8, submission.case_reference)
        .Bind(9, submission.name)
        .Bind(10, submission.email)
        .Bind(11, static_cast<long long>(submission.reply_wanted ? 1 : 0))
        .Bind(12, status)
        .Bind(13, JoinFlags(flags))
        .Bind(14, message_hash)
        .Bind(15, FormatUtcTime(now + static_cast<int64_t>(keep_days) * 24 * 3600));
    if (insert.Step() != SQLITE_DONE) return insert.Error("cannot store the submission");
    if (Status s = transaction.Commit(); !s.ok()) return s;
    return InsertOutcome{reference.value(), status, false};
  }
  return Status::Error("cannot find a free reference number");
}

Result<std::vector<StoredSubmission>> FeedbackStore::List(const std::string& since) const {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement select(db_,
                   "SELECT reference, received_at, record_id, record_updated, request_type, message, case_reference, "
                   "name, email, reply_wanted, status, flags, retain_until FROM submissions WHERE received_at >= ?1 "
                   "ORDER BY received_at, id");
  select.Bind(1, since);
  std::vector<StoredSubmission> rows;
  int rc;
  while ((rc = select.Step()) == SQLITE_ROW) {
    StoredSubmission row;
    row.reference = select.Text(0);
    row.received_at = select.Text(1);
    row.record_id = select.Text(2);
    row.record_updated = select.Text(3);
    row.request_type = select.Text(4);
    row.message = select.Text(5);
    row.case_reference = select.Text(6);
    row.name = select.Text(7);
    row.email = select.Text(8);
    row.reply_wanted = select.Int(9) != 0;
    row.status = select.Text(10);
    row.flags = select.Text(11);
    row.retain_until = select.Text(12);
    rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) return select.Error("cannot read submissions from " + path_);
  return rows;
}

Result<long long> FeedbackStore::DeleteWhere(const char* sql, const std::string& bound) {
  std::lock_guard<std::mutex> lock(mutex_);
  long long deleted = 0;
  {
    Transaction transaction(db_);
    if (Status s = transaction.Begin(); !s.ok()) return s;
    Statement purge(db_, sql);
    purge.Bind(1, bound);
    if (purge.Step() != SQLITE_DONE) return purge.Error("cannot purge " + path_);
    deleted = sqlite3_changes(db_);
    if (Status s = transaction.Commit(); !s.ok()) return s;
  }
  // Deleted text must not linger in the WAL (SECURE_DELETE already zeroes the main file's pages).
  Statement checkpoint(db_, "PRAGMA wal_checkpoint(TRUNCATE)");
  const int rc = checkpoint.Step();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return checkpoint.Error("purged, but cannot truncate the WAL");
  return deleted;
}

Result<long long> FeedbackStore::PurgeOlderThan(int days, int64_t now) {
  return DeleteWhere("DELETE FROM submissions WHERE received_at < ?1",
                     FormatUtcTime(now - static_cast<int64_t>(days) * 24 * 3600));
}

Result<long long> FeedbackStore::PurgeExpired(int64_t now) {
  return DeleteWhere("DELETE FROM submissions WHERE retain_until < ?1", FormatUtcTime(now));
}

Status FeedbackStore::SetStatus(const std::string& reference, const std::string& status) {
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction transaction(db_);
  if (Status s = transaction.Begin(); !s.ok()) return s;
  Statement update(db_, "UPDATE submissions SET status = ?1 WHERE reference = ?2");
  update.Bind(1, status).Bind(2, reference);
  if (update.Step() != SQLITE_DONE) return update.Error("cannot set the status of " + reference);
  if (sqlite3_changes(db_) != 1) return Status::Error("no submission has the reference " + reference);
  return transaction.Commit();
}

Result<StoreStats> FeedbackStore::Stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  StoreStats stats;
  Statement groups(db_,
                   "SELECT request_type, status, count(*) FROM submissions GROUP BY request_type, status "
                   "ORDER BY request_type, status");
  int rc;
  while ((rc = groups.Step()) == SQLITE_ROW) {
    stats.rows.push_back({groups.Text(0), groups.Text(1), groups.Int(2)});
    stats.total += groups.Int(2);
  }
  if (rc != SQLITE_DONE) return groups.Error("cannot count submissions in " + path_);
  Statement range(db_, "SELECT min(received_at), max(received_at) FROM submissions");
  if (range.Step() != SQLITE_ROW) return range.Error("cannot read " + path_);
  stats.oldest = range.Text(0);
  stats.newest = range.Text(1);
  return stats;
}

Result<std::string> FeedbackStore::IntegrityCheck() const {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement check(db_, "PRAGMA integrity_check");
  std::string out;
  int rc;
  while ((rc = check.Step()) == SQLITE_ROW) out += (out.empty() ? "" : "\n") + check.Text(0);
  if (rc != SQLITE_DONE) return check.Error("cannot check " + path_);
  return out;
}

}  // namespace lantern
