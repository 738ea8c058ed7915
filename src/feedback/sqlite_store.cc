#include "feedback/sqlite_store.h"

#include <sqlite3.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <utility>

#include "base/crypto.h"
#include "feedback/reference.h"

namespace lantern {
namespace {

constexpr int kApplicationId = 0x4C4E5446;  // "LNTF": marks the file as a Lantern feedback store
constexpr int kSchemaVersion = 4;

// The submissions table under `name`. Length limits mirror kMax* in store.h;
// length() counts characters. A form token may carry several submissions
// only with different answers: UNIQUE (token_nonce, content_hash) makes a
// resend of the same answers impossible to store twice.
std::string SubmissionsTable(const std::string& name) {
  return "CREATE TABLE " + name + R"sql( (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE CHECK (length(reference) = 8),
  token_nonce TEXT CHECK (token_nonce IS NULL OR length(token_nonce) BETWEEN 1 AND 64),
  content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
  follows_reference TEXT NOT NULL DEFAULT '' CHECK (length(follows_reference) IN (0, 8)),
  received_at TEXT NOT NULL CHECK (length(received_at) = 20),
  record_id TEXT NOT NULL CHECK (length(record_id) <= 200),
  record_updated TEXT NOT NULL CHECK (length(record_updated) <= 10),
  request_type TEXT NOT NULL CHECK (request_type IN ('question', 'feedback', 'objection', 'review')),
  message TEXT NOT NULL CHECK (length(message) BETWEEN 1 AND 5000),
  case_reference TEXT NOT NULL CHECK (length(case_reference) <= 100),
  name TEXT NOT NULL CHECK (length(name) <= 200),
  email TEXT NOT NULL CHECK (length(email) <= 254),
  reply_wanted INTEGER NOT NULL CHECK (reply_wanted IN (0, 1)),
  status TEXT NOT NULL CHECK (status IN ('new', 'acknowledged', 'in_progress', 'answered', 'closed',
                                         'suspected_spam', 'rate_limited', 'not_spam')),
  flags TEXT NOT NULL CHECK (length(flags) <= 200),
  notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 200),
  message_hash TEXT NOT NULL CHECK (length(message_hash) = 64),
  retain_until TEXT NOT NULL CHECK (length(retain_until) = 20),
  due_on TEXT NOT NULL DEFAULT '' CHECK (length(due_on) IN (0, 10)),
  extended_due_on TEXT NOT NULL DEFAULT '' CHECK (length(extended_due_on) IN (0, 10)),
  extension_reason TEXT NOT NULL DEFAULT '' CHECK (length(extension_reason) <= 1000),
  answered_at TEXT NOT NULL DEFAULT '' CHECK (length(answered_at) IN (0, 20)),
  language TEXT NOT NULL DEFAULT '' CHECK (length(language) <= 35),
  UNIQUE (token_nonce, content_hash)
) STRICT;
)sql";
}

// Each change of status, kept with the submission and deleted with it.
constexpr const char* kStatusChanges = R"sql(
CREATE TABLE IF NOT EXISTS status_changes (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  changed_at TEXT NOT NULL CHECK (length(changed_at) = 20),
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  note TEXT NOT NULL CHECK (length(note) <= 1000)
) STRICT;
CREATE INDEX IF NOT EXISTS status_changes_by_submission ON status_changes (submission_id, id);
)sql";

// Notifications about submissions (deleted with them) and daily digests,
// sent by the delivery worker. Times are UTC text like received_at, so they
// compare as strings. One digest a day, whichever server adds it first.
constexpr const char* kOutbox = R"sql(
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER REFERENCES submissions (id) ON DELETE CASCADE,
  key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 20),
  channel TEXT NOT NULL CHECK (channel IN ('staff_email', 'receipt', 'webhook', 'digest')),
  recipient TEXT NOT NULL CHECK (length(recipient) BETWEEN 1 AND 4000),
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL CHECK (length(created_at) = 20),
  next_attempt_at TEXT NOT NULL CHECK (length(next_attempt_at) = 20),
  lease_until TEXT NOT NULL DEFAULT '',
  sent_at TEXT NOT NULL DEFAULT '',
  last_error TEXT NOT NULL DEFAULT '' CHECK (length(last_error) <= 1000)
) STRICT;
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX IF NOT EXISTS outbox_receipts ON outbox (recipient, created_at) WHERE channel = 'receipt';
CREATE UNIQUE INDEX IF NOT EXISTS outbox_one_digest_a_day ON outbox (key) WHERE channel = 'digest';
)sql";

constexpr const char* kIndexes = R"sql(
CREATE INDEX IF NOT EXISTS submissions_by_time ON submissions (received_at);
CREATE INDEX IF NOT EXISTS submissions_by_hash ON submissions (message_hash, received_at);
CREATE INDEX IF NOT EXISTS submissions_by_token ON submissions (token_nonce);
)sql";

// Schema 1 had one row per token and no notes: its rows move into the new
// table as they are (their content hash is the message hash, which keeps
// them unique per token).
constexpr const char* kFromVersion1 = R"sql(
INSERT INTO submissions_v2 (id, reference, token_nonce, content_hash, received_at, record_id, record_updated,
  request_type, message, case_reference, name, email, reply_wanted, status, flags, message_hash, retain_until)
SELECT id, reference, token_nonce, message_hash, received_at, record_id, record_updated, request_type, message,
  case_reference, name, email, reply_wanted, status, flags, message_hash, retain_until FROM submissions;
DROP TABLE submissions;
ALTER TABLE submissions_v2 RENAME TO submissions;
)sql";

// Schema 4 added the form's language; older rows have none ('').
constexpr const char* kAddLanguage =
    "ALTER TABLE submissions ADD COLUMN language TEXT NOT NULL DEFAULT '' CHECK (length(language) <= 35)";

std::string ErrnoText() { return std::strerror(errno); }

// Creates the missing folders of `path`'s parent with mode 0700 (residents'
// messages live there), leaving existing folders as they are.
Status MakePrivateParents(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos || slash == 0) return Status::Ok();
  const std::string parent = path.substr(0, slash);
  struct stat info;
  if (stat(parent.c_str(), &info) == 0) {
    return S_ISDIR(info.st_mode) ? Status::Ok() : Status::Error(parent + " is not a folder");
  }
  if (Status s = MakePrivateParents(parent); !s.ok()) return s;
  if (mkdir(parent.c_str(), 0700) != 0 && errno != EEXIST) {
    return Status::Error("cannot create the folder " + parent + ": " + ErrnoText());
  }
  return Status::Ok();
}

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

Result<std::unique_ptr<FeedbackStore>> SqliteFeedbackStore::Open(const std::string& path, Mode mode, Options options) {
  const std::string where = "feedback store " + path;
  const bool memory = path == ":memory:";
  const bool writer = mode != Mode::kReadOnly;
  struct stat info;
  if (!memory && lstat(path.c_str(), &info) != 0) {
    if (errno != ENOENT || mode != Mode::kCreate) {
      return Status::NotFound("there is no feedback store at " + path +
                           " (check --db; lantern serve creates the store when it first starts)");
    }
    if (Status s = MakePrivateParents(path); !s.ok()) return s.WithContext("cannot create " + where);
  } else if (!memory && !S_ISREG(info.st_mode)) {
    return Status::Error(where + " is not a regular file (a folder or a symbolic link?); choose another --db path");
  }
  int file_fd = -1;
  if (writer && !memory) {
    // The lock is taken on the database file itself: deleting or renaming a
    // file cannot release it. flock and SQLite's fcntl locks are independent.
    file_fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (file_fd < 0) return Status::Error(ErrnoText()).WithContext("cannot open " + where);
    if (flock(file_fd, LOCK_EX | LOCK_NB) != 0) {
      close(file_fd);
      return Status::Error(where + " is open for writing in another process (is lantern serve running?); "
                           "only one process may write to it at a time");
    }
    // Residents' messages: readable by this user only, whatever the umask was.
    fchmod(file_fd, 0600);
    for (const char* suffix : {"-wal", "-shm"}) chmod((path + suffix).c_str(), 0600);
  }
  sqlite3* db = nullptr;
  const int flags = (writer ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_FULLMUTEX |
                    SQLITE_OPEN_NOFOLLOW | (memory ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    Status error = Status::Error(db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    if (file_fd >= 0) close(file_fd);
    return error.WithContext("cannot open " + where);
  }
  std::unique_ptr<SqliteFeedbackStore> store(new SqliteFeedbackStore(db, path, options));
  store->file_fd_ = file_fd;
  if (writer && !memory) {
    if (Status s = store->CheckFile(); !s.ok()) return s;  // swapped between our open and SQLite's
  }
  sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_extended_result_codes(db, 1);
  // busy_timeout first: a reader may open while the server checkpoints.
  for (const char* pragma : {"PRAGMA busy_timeout = 5000", "PRAGMA trusted_schema = OFF", "PRAGMA foreign_keys = ON"}) {
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
  if (!writer) {
    if (table_count == 0) return Status::Error(where + " holds no submissions yet (it is empty)");
    Statement version(db, "PRAGMA user_version");
    if (version.Step() != SQLITE_ROW) return version.Error("cannot read " + where);
    if (version.Int(0) != kSchemaVersion) {
      return Status::Error(where + " has schema version " + std::to_string(version.Int(0)) + ", this Lantern reads " +
                           std::to_string(kSchemaVersion) + (version.Int(0) < kSchemaVersion
                                                                 ? " (lantern serve upgrades it when it starts)"
                                                                 : ""));
    }
    return std::unique_ptr<FeedbackStore>(std::move(store));
  }
  for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL"}) {
    if (Status s = store->Execute(pragma); !s.ok()) return s.WithContext(where);
  }
  if (Status s = store->Migrate(); !s.ok()) return s.WithContext(where);
  // Only this process writes (the flock), so no lease is held by a live
  // worker: a send cut short by a crash is due again at once.
  if (Status s = store->Execute("UPDATE outbox SET lease_until = '' WHERE status = 'pending'"); !s.ok()) {
    return s.WithContext(where);
  }
  return std::unique_ptr<FeedbackStore>(std::move(store));
}

Status SqliteFeedbackStore::Migrate() {
  long long version = 0, table_count = 0;
  {
    Statement tables(db_, "SELECT count(*) FROM sqlite_schema");
    if (tables.Step() != SQLITE_ROW) return tables.Error("cannot read the schema");
    table_count = tables.Int(0);
    Statement user_version(db_, "PRAGMA user_version");
    if (user_version.Step() != SQLITE_ROW) return user_version.Error("cannot read the schema version");
    version = user_version.Int(0);
  }
  if (table_count > 0 && version == kSchemaVersion) return Status::Ok();
  if (table_count > 0 && (version < 1 || version > 3)) {
    return Status::Error("schema version " + std::to_string(version) + ", but this Lantern reads " +
                         std::to_string(kSchemaVersion) + " (a newer Lantern made it?)");
  }
  Transaction transaction(db_);
  if (Status s = transaction.Begin(); !s.ok()) return s;
  if (table_count == 0) {
    if (Status s = Execute(SubmissionsTable("submissions").c_str()); !s.ok()) return s;
  } else if (version == 1) {
    if (Status s = Execute(SubmissionsTable("submissions_v2").c_str()); !s.ok()) return s;
    if (Status s = Execute(kFromVersion1); !s.ok()) return s.WithContext("cannot upgrade from schema 1");
  } else {
    if (Status s = Execute(kAddLanguage); !s.ok()) {
      return s.WithContext("cannot upgrade from schema " + std::to_string(version));
    }
  }
  if (Status s = Execute(kIndexes); !s.ok()) return s;
  if (Status s = Execute(kStatusChanges); !s.ok()) return s;
  if (Status s = Execute(kOutbox); !s.ok()) return s;
  const std::string stamp = "PRAGMA application_id = " + std::to_string(kApplicationId) +
                            "; PRAGMA user_version = " + std::to_string(kSchemaVersion);
  if (Status s = Execute(stamp.c_str()); !s.ok()) return s;
  return transaction.Commit();
}

SqliteFeedbackStore::~SqliteFeedbackStore() {
  sqlite3_close_v2(db_);
  // After SQLite: closing any descriptor of the file drops this process's
  // fcntl locks on it, SQLite's included. Closing also releases the flock.
  if (file_fd_ >= 0) close(file_fd_);
}

Status SqliteFeedbackStore::Execute(const char* sql) const {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    Status error = Status::Error(message ? message : sqlite3_errmsg(db_));
    sqlite3_free(message);
    return error;
  }
  return Status::Ok();
}

Status SqliteFeedbackStore::CheckFile() const {
  if (file_fd_ < 0) return Status::Ok();  // in memory, or read-only
  struct stat opened, named;
  if (fstat(file_fd_, &opened) != 0) return Status::Error("cannot check the feedback store " + path_);
  if (opened.st_nlink == 0 || stat(path_.c_str(), &named) != 0) {
    return Status::Error("the feedback store " + path_ + " was deleted while the server ran; restart the server "
                         "to create a new one, or restore the file");
  }
  if (named.st_dev != opened.st_dev || named.st_ino != opened.st_ino) {
    return Status::Error("the feedback store " + path_ + " was replaced by another file while the server ran; "
                         "restart the server to use the new file");
  }
  if ((opened.st_mode & S_IWUSR) == 0) {
    return Status::Error("the feedback store " + path_ + " was made read-only; make it writable (chmod 600)");
  }
  return Status::Ok();
}

Status SqliteFeedbackStore::ReadBack(const std::string& reference) const {
  if (file_fd_ < 0) return Status::Ok();
  // A new connection opens the path as the staff commands will, so a commit
  // that went to a deleted or replaced file cannot pass.
  sqlite3* reader = nullptr;
  const int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW;
  Status status = Status::Ok();
  if (sqlite3_open_v2(path_.c_str(), &reader, flags, nullptr) != SQLITE_OK) {
    status = Status::Error("cannot reopen the feedback store " + path_ + " to check the commit");
  } else {
    sqlite3_busy_timeout(reader, options_.write_wait_ms);
    Statement find(reader, "SELECT 1 FROM submissions WHERE reference = ?1");
    find.Bind(1, reference);
    const int rc = find.Step();
    if (rc != SQLITE_ROW) {
      status = rc == SQLITE_DONE ? Status::Error("the submission " + reference + " is not in the file at " + path_)
                                 : find.Error("cannot read back the submission from " + path_);
    }
  }
  sqlite3_close_v2(reader);
  return status;
}

Status SqliteFeedbackStore::Health() const {
  std::unique_lock<std::timed_mutex> lock(mutex_, std::chrono::milliseconds(options_.write_wait_ms));
  if (!lock.owns_lock()) return Status::Error("the feedback store " + path_ + " is busy");
  if (Status s = CheckFile(); !s.ok()) return s;
  Statement probe(db_, "SELECT count(*) FROM submissions");
  if (probe.Step() != SQLITE_ROW) return probe.Error("cannot read the feedback store " + path_);
  return Status::Ok();
}

Result<bool> SqliteFeedbackStore::Exists(const std::string& reference) const {
  std::unique_lock<std::timed_mutex> lock(mutex_, std::chrono::milliseconds(options_.write_wait_ms));
  if (!lock.owns_lock()) return Status::Error("the feedback store " + path_ + " is busy");
  Statement find(db_, "SELECT 1 FROM submissions WHERE reference = ?1");
  find.Bind(1, reference);
  const int rc = find.Step();
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return find.Error("cannot look up " + reference);
}

Result<InsertOutcome> SqliteFeedbackStore::Insert(const Submission& submission, int64_t now) {
  // One deadline for the whole Insert: waiting for other requests here and
  // for SQLite's write lock together never exceed write_wait_ms, so a locked
  // store answers each resident in seconds, not in turn.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.write_wait_ms);
  std::unique_lock<std::timed_mutex> lock(mutex_, deadline);
  if (!lock.owns_lock()) return Status::Error("the feedback store " + path_ + " is busy");
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  sqlite3_busy_timeout(db_, static_cast<int>(std::max<long long>(1, left.count())));
  Result<InsertOutcome> outcome = InsertLocked(submission, now);
  sqlite3_busy_timeout(db_, 5000);
  if (!outcome.ok()) return outcome;
  if (Status s = CheckFile(); !s.ok()) return s;
  if (Status s = ReadBack(outcome.value().reference); !s.ok()) return s;
  return outcome;
}

Result<InsertOutcome> SqliteFeedbackStore::InsertLocked(const Submission& submission, int64_t now) {
  if (Status s = CheckFile(); !s.ok()) return s;  // never write into a file nobody will read
  Transaction transaction(db_);
  if (Status s = transaction.Begin(); !s.ok()) return s;
  const std::string content_hash = SubmissionContentHash(submission);
  std::string follows;
  if (!submission.token_nonce.empty()) {
    Statement seen(db_, "SELECT reference, status, content_hash FROM submissions WHERE token_nonce = ?1 ORDER BY id");
    seen.Bind(1, submission.token_nonce);
    int rc;
    while ((rc = seen.Step()) == SQLITE_ROW) {
      if (follows.empty()) follows = seen.Text(0);
      if (seen.Text(2) == content_hash) return InsertOutcome{seen.Text(0), seen.Text(1), true, ""};
    }
    if (rc != SQLITE_DONE) return seen.Error("cannot look up the form token");
  }
  const std::string message_hash = HexEncode(Sha256(submission.message));
  std::vector<std::string> flags = submission.flags;
  {
    // A resend on the same form token (a corrected name, say) is the same resident, not a repeat.
    Statement repeated(db_,
                       "SELECT 1 FROM submissions WHERE message_hash = ?1 AND received_at >= ?2 AND "
                       "(token_nonce IS NULL OR token_nonce IS NOT ?3) LIMIT 1");
    repeated.Bind(1, message_hash).Bind(2, FormatUtcTime(now - 24 * 3600)).BindNullable(3, submission.token_nonce);
    const int rc = repeated.Step();
    if (rc == SQLITE_ROW) flags.push_back("repeated_message");
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return repeated.Error("cannot check for repeated messages");
  }
  std::vector<std::string> notes = submission.notes;
  if (!follows.empty()) notes.push_back("token_reused");
  const std::string status = InitialStatus(flags, submission.over_global_limit);
  Result<std::vector<OutboxRequest>> queued = DeliveriesToQueue(
      status, submission.deliveries, [&](const std::string& address) { return ReceiptAllowed(address, now); }, &notes);
  if (!queued.ok()) return queued.status();
  const std::vector<OutboxRequest>& deliveries = queued.value();
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
                     "INSERT INTO submissions (reference, token_nonce, content_hash, follows_reference, received_at, "
                     "record_id, record_updated, request_type, message, case_reference, name, email, reply_wanted, "
                     "status, flags, notes, message_hash, retain_until, due_on, language) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                     "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)");
    insert.Bind(1, reference.value())
        .BindNullable(2, submission.token_nonce)
        .Bind(3, content_hash)
        .Bind(4, follows)
        .Bind(5, FormatUtcTime(now))
        .Bind(6, submission.record_id)
        .Bind(7, submission.record_updated)
        .Bind(8, submission.request_type)
        .Bind(9, submission.message)
        .Bind(10, submission.case_reference)
        .Bind(11, submission.name)
        .Bind(12, submission.email)
        .Bind(13, static_cast<long long>(submission.reply_wanted ? 1 : 0))
        .Bind(14, status)
        .Bind(15, JoinList(flags))
        .Bind(16, JoinList(notes))
        .Bind(17, message_hash)
        .Bind(18, FormatUtcTime(now + static_cast<int64_t>(keep_days) * 24 * 3600))
        .Bind(19, submission.due_on)
        .Bind(20, submission.language);
    if (insert.Step() != SQLITE_DONE) return insert.Error("cannot store the submission");
    if (Status s = AddDeliveries(sqlite3_last_insert_rowid(db_), reference.value(), deliveries, now); !s.ok()) {
      return s;
    }
    if (Status s = transaction.Commit(); !s.ok()) return s;
    return InsertOutcome{reference.value(), status, false, follows};
  }
  return Status::Error("cannot find a free reference number");
}

namespace {

constexpr const char* kRowColumns =
    "reference, received_at, record_id, record_updated, request_type, message, case_reference, name, email, "
    "reply_wanted, status, flags, notes, retain_until, follows_reference, due_on, extended_due_on, "
    "extension_reason, answered_at, language";

StoredSubmission RowFrom(const Statement& select) {
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
  row.notes = select.Text(12);
  row.retain_until = select.Text(13);
  row.follows_reference = select.Text(14);
  row.due_on = select.Text(15);
  row.extended_due_on = select.Text(16);
  row.extension_reason = select.Text(17);
  row.answered_at = select.Text(18);
  row.language = select.Text(19);
  return row;
}

}  // namespace

Result<std::vector<StoredSubmission>> SqliteFeedbackStore::List(const std::string& since) const {
  std::lock_guard<std::timed_mutex> lock(mutex_);
  Statement select(db_, (std::string("SELECT ") + kRowColumns +
                         " FROM submissions WHERE received_at >= ?1 ORDER BY received_at, id").c_str());
  select.Bind(1, since);
  std::vector<StoredSubmission> rows;
  int rc;
  while ((rc = select.Step()) == SQLITE_ROW) rows.push_back(RowFrom(select));
  if (rc != SQLITE_DONE) return select.Error("cannot read submissions from " + path_);
  return rows;
}

Result<StoredSubmission> SqliteFeedbackStore::Find(const std::string& reference) const {
  std::lock_guard<std::timed_mutex> lock(mutex_);
  Statement select(db_, (std::string("SELECT ") + kRowColumns + " FROM submissions WHERE reference = ?1").c_str());
  select.Bind(1, reference);
  const int rc = select.Step();
  if (rc == SQLITE_ROW) return RowFrom(select);
  if (rc == SQLITE_DONE) return Status::Error("no submission has the reference " + reference);
  return select.Error("cannot read " + reference + " from " + path_);
}

Result<std::vector<StatusChange>> SqliteFeedbackStore::History(const std::string& reference) const {
  std::lock_guard<std::timed_mutex> lock(mutex_);
  Statement select(db_,
                   "SELECT c.changed_at, c.from_status, c.to_status, c.note FROM status_changes c JOIN submissions s "
                   "ON s.id = c.submission_id WHERE s.reference = ?1 ORDER BY c.id");
  select.Bind(1, reference);
  std::vector<StatusChange> changes;
  int rc;
  while ((rc = select.Step()) == SQLITE_ROW) {
    changes.push_back({select.Text(0), select.Text(1), select.Text(2), select.Text(3)});
  }
  if (rc != SQLITE_DONE) return select.Error("cannot read the history of " + reference);
  return changes;
}

Result<long long> SqliteFeedbackStore::DeleteWhere(const char* sql, const std::string& bound) {
  std::lock_guard<std::timed_mutex> lock(mutex_);
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

Result<long long> SqliteFeedbackStore::PurgeOlderThan(int days, int64_t now) {
  return DeleteWhere("DELETE FROM submissions WHERE received_at < ?1",
                     FormatUtcTime(now - static_cast<int64_t>(days) * 24 * 3600));
}

Result<long long> SqliteFeedbackStore::PurgeExpired(int64_t now) {
  // Digests name references only, but need not outlive a month.
  if (Result<long long> digests = DeleteWhere("DELETE FROM outbox WHERE channel = 'digest' AND created_at < ?1",
                                              FormatUtcTime(now - 31 * 24 * 3600));
      !digests.ok()) {
    return digests;
  }
  return DeleteWhere("DELETE FROM submissions WHERE retain_until < ?1", FormatUtcTime(now));
}

namespace {

// Adds a history row for the submission `reference` inside the caller's transaction.
Status RecordChange(sqlite3* db, const std::string& reference, const std::string& from, const std::string& to,
                    const std::string& note, int64_t now) {
  Statement insert(db,
                   "INSERT INTO status_changes (submission_id, changed_at, from_status, to_status, note) "
                   "SELECT id, ?2, ?3, ?4, ?5 FROM submissions WHERE reference = ?1");
  insert.Bind(1, reference).Bind(2, FormatUtcTime(now)).Bind(3, from).Bind(4, to).Bind(5, note);
  if (insert.Step() != SQLITE_DONE) return insert.Error("cannot keep the change of " + reference);
  return Status::Ok();
}

}  // namespace

Status SqliteFeedbackStore::SetStatus(const std::string& reference, const std::string& status, const std::string& note,
                                int64_t now) {
  if (!IsSubmissionStatus(status)) return Status::Error("unknown status \"" + status + "\"");
  std::lock_guard<std::timed_mutex> lock(mutex_);
  Transaction transaction(db_);
  if (Status s = transaction.Begin(); !s.ok()) return s;
  Statement current(db_, "SELECT status FROM submissions WHERE reference = ?1");
  current.Bind(1, reference);
  const int rc = current.Step();
  if (rc == SQLITE_DONE) return Status::Error("no submission has the reference " + reference);
  if (rc != SQLITE_ROW) return current.Error("cannot read " + reference);
  const std::string from = current.Text(0);
  Statement update(db_,
                   "UPDATE submissions SET status = ?1, answered_at = CASE WHEN ?1 = 'answered' AND answered_at = '' "
                   "THEN ?3 ELSE answered_at END WHERE reference = ?2");
  update.Bind(1, status).Bind(2, reference).Bind(3, FormatUtcTime(now));
  if (update.Step() != SQLITE_DONE) return update.Error("cannot set the status of " + reference);
  if (Status s = RecordChange(db_, reference, from, status, note, now); !s.ok()) return s;
  return transaction.Commit();
}

Status SqliteFeedbackStore::Extend(const std::string& reference, const std::string& extended_due_on,
                             const std::string& reason, int64_t now) {
  if (reason.empty()) return Status::Error("an extension needs a reason: the resident must be told why");
  std::lock_guard<std::timed_mutex> lock(mutex_);
  Transaction transaction(db_);
  if (Status s = transaction.Begin(); !s.ok()) return s;
  Statement current(db_, "SELECT status, request_type, extended_due_on FROM submissions WHERE reference = ?1");
  current.Bind(1, reference);
  const int rc = current.Step();
  if (rc == SQLITE_DONE) return Status::Error("no submission has the reference " + reference);
  if (rc != SQLITE_ROW) return current.Error("cannot read " + reference);
  const std::string status = current.Text(0), type = current.Text(1);
  if (type != "objection" && type != "review") {
    return Status::Error(reference + " is a " + type + "; only objections and review requests can be extended");
  }
  if (!current.Text(2).empty()) return Status::Error(reference + " was extended already, to " + current.Text(2));
  if (!IsOpenStatus(status)) return Status::Error(reference + " is " + status + "; only open requests can be extended");
  Statement update(db_, "UPDATE submissions SET extended_due_on = ?1, extension_reason = ?2 WHERE reference = ?3");
  update.Bind(1, extended_due_on).Bind(2, reason).Bind(3, reference);
  if (update.Step() != SQLITE_DONE) return update.Error("cannot extend " + reference);
  if (Status s = RecordChange(db_, reference, status, status, "extended to " + extended_due_on + ": " + reason, now);
      !s.ok()) {
    return s;
  }
  return transaction.Commit();
}

Result<StoreStats> SqliteFeedbackStore::Stats() const {
  std::lock_guard<std::timed_mutex> lock(mutex_);
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

Result<std::string> SqliteFeedbackStore::IntegrityCheck() const {
  std::lock_guard<std::timed_mutex> lock(mutex_);
  Statement check(db_, "PRAGMA integrity_check");
  std::string out;
  int rc;
  while ((rc = check.Step()) == SQLITE_ROW) out += (out.empty() ? "" : "\n") + check.Text(0);
  if (rc != SQLITE_DONE) return check.Error("cannot check " + path_);
  return out;
}

// The outbox.

Result<bool> SqliteFeedbackStore::ReceiptAllowed(const std::string& address, int64_t now) const {
  Statement count(db_,
                  "SELECT count(*) FROM outbox WHERE channel = 'receipt' AND recipient = ?1 AND created_at >= ?2");
  count.Bind(1, address).Bind(2, FormatUtcTime(now - 24 * 3600));
  if (count.Step() != SQLITE_ROW) return count.Error("cannot count receipts");
  return count.Int(0) < options_.receipts_per_address_per_day;
}

Status SqliteFeedbackStore::AddDeliveries(long long submission_id, const std::string& reference,
                                          const std::vector<OutboxRequest>& deliveries, int64_t now) {
  for (const OutboxRequest& request : deliveries) {  // checked by DeliveriesToQueue
    Statement insert(db_,
                     "INSERT INTO outbox (submission_id, key, channel, recipient, status, created_at, "
                     "next_attempt_at) VALUES (?1, ?2, ?3, ?4, 'pending', ?5, ?5)");
    insert.Bind(1, submission_id).Bind(2, reference).Bind(3, request.channel).Bind(4, request.recipient);
    insert.Bind(5, FormatUtcTime(now));
    if (insert.Step() != SQLITE_DONE) return insert.Error("cannot queue the notification of " + reference);
  }
  return Status::Ok();
}

namespace {

constexpr const char* kDeliveryColumns =
    "id, key, channel, recipient, status, attempts, created_at, next_attempt_at, sent_at, last_error";

Delivery DeliveryFrom(const Statement& select) {
  Delivery row;
  row.id = select.Int(0);
  row.key = select.Text(1);
  row.channel = select.Text(2);
  row.recipient = select.Text(3);
  row.status = select.Text(4);
  row.attempts = static_cast<int>(select.Int(5));
  row.created_at = select.Text(6);
  row.next_attempt_at = select.Text(7);
  row.sent_at = select.Text(8);
  row.last_error = select.Text(9);
  return row;
}

// An error text as the column keeps it: at most 1000 characters, cut on a
// UTF-8 boundary.
std::string ClippedError(const std::string& error) {
  if (error.size() <= 1000) return error;
  size_t end = 1000;
  while (end > 0 && (static_cast<unsigned char>(error[end]) & 0xC0) == 0x80) --end;
  return error.substr(0, end);
}

}  // namespace

Result<std::vector<Delivery>> SqliteFeedbackStore::ClaimDeliveries(int64_t now, int lease_seconds, int limit) {
  std::lock_guard<std::timed_mutex> lock(mutex_);
  Transaction transaction(db_);
  if (Status s = transaction.Begin(); !s.ok()) return s;
  const std::string at = FormatUtcTime(now);
  Statement select(db_, (std::string("SELECT ") + kDeliveryColumns +
                         " FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?1 AND lease_until < ?1 "
                         "ORDER BY next_attempt_at, id LIMIT ?2")
                            .c_str());
  select.Bind(1, at).Bind(2, static_cast<long long>(limit));
  std::vector<Delivery> claimed;
  int rc;
  while ((rc = select.Step()) == SQLITE_ROW) claimed.push_back(DeliveryFrom(select));
  if (rc != SQLITE_DONE) return select.Error("cannot read the outbox of " + path_);
  for (const Delivery& delivery : claimed) {
    Statement lease(db_, "UPDATE outbox SET lease_until = ?1 WHERE id = ?2");
    lease.Bind(1, FormatUtcTime(now + lease_seconds)).Bind(2, delivery.id);
    if (lease.Step() != SQLITE_DONE) return lease.Error("cannot claim a notification in " + path_);
  }
  if (Status s = transaction.Commit(); !s.ok()) return s;
  return claimed;
}

Status SqliteFeedbackStore::MarkDelivered(long long id, int64_t now) {
  std::lock_guard<std::timed_mutex> lock(mutex_);
  Statement update(db_,
                   "UPDATE outbox SET status = 'sent', sent_at = ?1, lease_until = '', last_error = '', "
                   "attempts = attempts + 1 WHERE id = ?2 AND status = 'pending'");
  update.Bind(1, FormatUtcTime(now)).Bind(2, id);
  if (update.Step() != SQLITE_DONE) return update.Error("cannot mark notification " + std::to_string(id) + " sent");
  if (sqlite3_changes(db_) != 1) return Status::Error("notification " + std::to_string(id) + " is not pending");
  return Status::Ok();
}

Status SqliteFeedbackStore::MarkDeliveryFailed(long long id, const std::string& error, int64_t retry_at,
                                               int64_t now) {
  std::lock_guard<std::timed_mutex> lock(mutex_);
  Statement update(db_,
                   "UPDATE outbox SET status = CASE WHEN ?1 = '' THEN 'failed' ELSE 'pending' END, "
                   "next_attempt_at = CASE WHEN ?1 = '' THEN ?2 ELSE ?1 END, lease_until = '', last_error = ?3, "
                   "attempts = attempts + 1 WHERE id = ?4 AND status = 'pending'");
  update.Bind(1, retry_at > 0 ? FormatUtcTime(retry_at) : std::string()).Bind(2, FormatUtcTime(now));
  update.Bind(3, ClippedError(error)).Bind(4, id);
  if (update.Step() != SQLITE_DONE) return update.Error("cannot record the failure of notification " + std::to_string(id));
  if (sqlite3_changes(db_) != 1) return Status::Error("notification " + std::to_string(id) + " is not pending");
  return Status::Ok();
}

Result<std::vector<Delivery>> SqliteFeedbackStore::Outbox(const std::string& status) const {
  std::lock_guard<std::timed_mutex> lock(mutex_);
  Statement select(db_, (std::string("SELECT ") + kDeliveryColumns +
                         " FROM outbox WHERE ?1 = '' OR status = ?1 ORDER BY created_at, id")
                            .c_str());
  select.Bind(1, status);
  std::vector<Delivery> rows;
  int rc;
  while ((rc = select.Step()) == SQLITE_ROW) rows.push_back(DeliveryFrom(select));
  if (rc != SQLITE_DONE) return select.Error("cannot read the outbox of " + path_);
  return rows;
}

Status SqliteFeedbackStore::RetryDelivery(long long id, int64_t now) {
  std::lock_guard<std::timed_mutex> lock(mutex_);
  Statement update(db_,
                   "UPDATE outbox SET status = 'pending', next_attempt_at = ?1, lease_until = '' "
                   "WHERE id = ?2 AND status = 'failed'");
  update.Bind(1, FormatUtcTime(now)).Bind(2, id);
  if (update.Step() != SQLITE_DONE) return update.Error("cannot retry notification " + std::to_string(id));
  if (sqlite3_changes(db_) != 1) {
    return Status::Error("no failed notification has the id " + std::to_string(id) +
                         " (lantern feedback outbox --status failed lists them)");
  }
  return Status::Ok();
}

Result<bool> SqliteFeedbackStore::EnqueueDigest(const std::string& date, const std::string& recipients,
                                                int64_t now) {
  std::lock_guard<std::timed_mutex> lock(mutex_);
  Statement insert(db_,
                   "INSERT INTO outbox (key, channel, recipient, status, created_at, next_attempt_at) "
                   "VALUES (?1, 'digest', ?2, 'pending', ?3, ?3) ON CONFLICT DO NOTHING");
  insert.Bind(1, date).Bind(2, recipients).Bind(3, FormatUtcTime(now));
  if (insert.Step() != SQLITE_DONE) return insert.Error("cannot queue the digest of " + date);
  return sqlite3_changes(db_) == 1;
}

}  // namespace lantern
