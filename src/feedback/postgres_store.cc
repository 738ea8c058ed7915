#include "feedback/postgres_store.h"

#include <libpq-fe.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

#include "base/crypto.h"
#include "base/utf8.h"
#include "feedback/reference.h"

namespace lantern {
namespace {

constexpr const char* kApplication = "lantern-feedback";  // lantern_meta.application: the tables are ours
constexpr int kSchemaVersion = 2;                          // PostgreSQL's own numbering, not SQLite's
// pg_advisory_xact_lock keys: one for migrations, one class for form tokens.
constexpr long long kMigrationLock = 0x4C4E544650475331LL;  // "LNTFPGS1"
constexpr int kTokenLockClass = 0x4C4E5446;                 // "LNTF"
constexpr int kPoolSize = 4;

// The schema, mirroring sqlite_store.cc's tables, CHECKs and UNIQUEs. Text is
// COLLATE "C" so times compare bytewise and lists sort as SQLite sorts them,
// whatever the database's locale. char_length counts characters as SQLite's
// length() does.
constexpr const char* kSchema = R"sql(
CREATE TABLE lantern_meta (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  application TEXT NOT NULL,
  schema_version INTEGER NOT NULL
);
CREATE TABLE submissions (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference TEXT COLLATE "C" NOT NULL UNIQUE CHECK (char_length(reference) = 8),
  token_nonce TEXT COLLATE "C" CHECK (token_nonce IS NULL OR char_length(token_nonce) BETWEEN 1 AND 64),
  content_hash TEXT COLLATE "C" NOT NULL CHECK (char_length(content_hash) = 64),
  follows_reference TEXT COLLATE "C" NOT NULL DEFAULT '' CHECK (char_length(follows_reference) IN (0, 8)),
  received_at TEXT COLLATE "C" NOT NULL CHECK (char_length(received_at) = 20),
  record_id TEXT COLLATE "C" NOT NULL CHECK (char_length(record_id) <= 200),
  record_updated TEXT COLLATE "C" NOT NULL CHECK (char_length(record_updated) <= 10),
  request_type TEXT COLLATE "C" NOT NULL CHECK (request_type IN ('question', 'feedback', 'objection', 'review')),
  message TEXT COLLATE "C" NOT NULL CHECK (char_length(message) BETWEEN 1 AND 5000),
  case_reference TEXT COLLATE "C" NOT NULL CHECK (char_length(case_reference) <= 100),
  name TEXT COLLATE "C" NOT NULL CHECK (char_length(name) <= 200),
  email TEXT COLLATE "C" NOT NULL CHECK (char_length(email) <= 254),
  reply_wanted INTEGER NOT NULL CHECK (reply_wanted IN (0, 1)),
  status TEXT COLLATE "C" NOT NULL CHECK (status IN ('new', 'acknowledged', 'in_progress', 'answered', 'closed',
                                                     'suspected_spam', 'rate_limited', 'not_spam')),
  flags TEXT COLLATE "C" NOT NULL CHECK (char_length(flags) <= 200),
  notes TEXT COLLATE "C" NOT NULL DEFAULT '' CHECK (char_length(notes) <= 200),
  message_hash TEXT COLLATE "C" NOT NULL CHECK (char_length(message_hash) = 64),
  retain_until TEXT COLLATE "C" NOT NULL CHECK (char_length(retain_until) = 20),
  due_on TEXT COLLATE "C" NOT NULL DEFAULT '' CHECK (char_length(due_on) IN (0, 10)),
  extended_due_on TEXT COLLATE "C" NOT NULL DEFAULT '' CHECK (char_length(extended_due_on) IN (0, 10)),
  extension_reason TEXT COLLATE "C" NOT NULL DEFAULT '' CHECK (char_length(extension_reason) <= 1000),
  answered_at TEXT COLLATE "C" NOT NULL DEFAULT '' CHECK (char_length(answered_at) IN (0, 20)),
  language TEXT COLLATE "C" NOT NULL DEFAULT '' CHECK (char_length(language) <= 35),
  CONSTRAINT submissions_one_row_per_answers UNIQUE (token_nonce, content_hash)
);
CREATE INDEX submissions_by_time ON submissions (received_at);
CREATE INDEX submissions_by_hash ON submissions (message_hash, received_at);
CREATE INDEX submissions_by_token ON submissions (token_nonce);
CREATE TABLE status_changes (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  submission_id BIGINT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  changed_at TEXT COLLATE "C" NOT NULL CHECK (char_length(changed_at) = 20),
  from_status TEXT COLLATE "C" NOT NULL,
  to_status TEXT COLLATE "C" NOT NULL,
  note TEXT COLLATE "C" NOT NULL CHECK (char_length(note) <= 1000)
);
CREATE INDEX status_changes_by_submission ON status_changes (submission_id, id);
CREATE TABLE outbox (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  submission_id BIGINT REFERENCES submissions (id) ON DELETE CASCADE,
  key TEXT COLLATE "C" NOT NULL CHECK (char_length(key) BETWEEN 1 AND 20),
  channel TEXT COLLATE "C" NOT NULL CHECK (channel IN ('staff_email', 'receipt', 'webhook', 'digest')),
  recipient TEXT COLLATE "C" NOT NULL CHECK (char_length(recipient) BETWEEN 1 AND 4000),
  status TEXT COLLATE "C" NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at TEXT COLLATE "C" NOT NULL CHECK (char_length(created_at) = 20),
  next_attempt_at TEXT COLLATE "C" NOT NULL CHECK (char_length(next_attempt_at) = 20),
  lease_until TEXT COLLATE "C" NOT NULL DEFAULT '',
  sent_at TEXT COLLATE "C" NOT NULL DEFAULT '',
  last_error TEXT COLLATE "C" NOT NULL DEFAULT '' CHECK (char_length(last_error) <= 1000)
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_receipts ON outbox (recipient, created_at) WHERE channel = 'receipt';
CREATE UNIQUE INDEX outbox_one_digest_a_day ON outbox (key) WHERE channel = 'digest';
)sql";

// A bound parameter: text, or SQL NULL.
using Param = std::optional<std::string>;
using Params = std::vector<Param>;

// One statement's result, cleared on destruction.
class PgResult {
 public:
  PgResult(PGresult* result, PGconn* conn) : result_(result) {
    if (!result_) fallback_ = PQerrorMessage(conn);
  }
  ~PgResult() { PQclear(result_); }
  PgResult(PgResult&& other) noexcept
      : result_(std::exchange(other.result_, nullptr)), fallback_(std::move(other.fallback_)) {}
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;

  bool ok() const {
    const ExecStatusType s = PQresultStatus(result_);
    return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
  }
  std::string Field(int code) const {
    const char* value = result_ ? PQresultErrorField(result_, code) : nullptr;
    return value ? value : "";
  }
  std::string SqlState() const { return Field(PG_DIAG_SQLSTATE); }
  std::string Constraint() const { return Field(PG_DIAG_CONSTRAINT_NAME); }
  Status Error(const std::string& what) const {
    std::string message = Field(PG_DIAG_MESSAGE_PRIMARY);
    if (message.empty()) message = result_ ? PQresultErrorMessage(result_) : fallback_;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    return Status::Error(what + ": " + (message.empty() ? "unknown PostgreSQL error" : message));
  }
  int Rows() const { return PQntuples(result_); }
  std::string Text(int row, int column) const {
    return std::string(PQgetvalue(result_, row, column), PQgetlength(result_, row, column));
  }
  bool IsNull(int row, int column) const { return PQgetisnull(result_, row, column) != 0; }
  long long Int(int row, int column) const { return std::atoll(PQgetvalue(result_, row, column)); }
  long long Changed() const { return std::atoll(PQcmdTuples(result_)); }
  std::string Command() const { return PQcmdStatus(result_); }

 private:
  PGresult* result_;
  std::string fallback_;  // the connection's message when there is no result
};

// Runs `sql` with `params` bound as text (never spliced into the SQL).
PgResult Run(PGconn* conn, const char* sql, const Params& params = {}) {
  std::vector<const char*> values;
  std::vector<int> lengths;
  for (const Param& p : params) {
    values.push_back(p ? p->c_str() : nullptr);
    lengths.push_back(p ? static_cast<int>(p->size()) : 0);
  }
  return PgResult(PQexecParams(conn, sql, static_cast<int>(params.size()), nullptr, values.data(), lengths.data(),
                               nullptr, 0),
                  conn);
}

Param Text(const std::string& value) { return value; }
Param Number(long long value) { return std::to_string(value); }
Param Nullable(const std::string& value) { return value.empty() ? Param() : Param(value); }

// Rolls back an open transaction unless Commit() succeeded.
class Transaction {
 public:
  explicit Transaction(PGconn* conn) : conn_(conn) {}
  ~Transaction() {
    if (open_) PQclear(PQexec(conn_, "ROLLBACK"));
  }
  Status Begin() {
    PgResult begin = Run(conn_, "BEGIN");
    if (!begin.ok()) return begin.Error("cannot start a transaction");
    open_ = true;
    return Status::Ok();
  }
  // Ok only when the server answered COMMIT: a transaction that had failed
  // answers ROLLBACK to a COMMIT, with a success status.
  Status Commit() {
    PgResult commit = Run(conn_, "COMMIT");
    open_ = false;
    if (!commit.ok()) return commit.Error("cannot commit");
    if (commit.Command() != "COMMIT") return Status::Error("cannot commit: the transaction was rolled back");
    return Status::Ok();
  }

 private:
  PGconn* conn_;
  bool open_ = false;
};

// What a Status may show of an error: PostgreSQL's primary message only,
// never the connection string.
std::string ConnectionError(PGconn* conn) {
  std::string message = conn ? PQerrorMessage(conn) : "out of memory";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

// Text PostgreSQL can store as it was sent.
bool StorableText(const std::string& text) {
  return text.find('\0') == std::string::npos && FindInvalidUtf8(text) == std::string::npos;
}

constexpr const char* kRowColumns =
    "reference, received_at, record_id, record_updated, request_type, message, case_reference, name, email, "
    "reply_wanted, status, flags, notes, retain_until, follows_reference, due_on, extended_due_on, "
    "extension_reason, answered_at, language";

StoredSubmission RowFrom(const PgResult& r, int i) {
  StoredSubmission row;
  row.reference = r.Text(i, 0);
  row.received_at = r.Text(i, 1);
  row.record_id = r.Text(i, 2);
  row.record_updated = r.Text(i, 3);
  row.request_type = r.Text(i, 4);
  row.message = r.Text(i, 5);
  row.case_reference = r.Text(i, 6);
  row.name = r.Text(i, 7);
  row.email = r.Text(i, 8);
  row.reply_wanted = r.Int(i, 9) != 0;
  row.status = r.Text(i, 10);
  row.flags = r.Text(i, 11);
  row.notes = r.Text(i, 12);
  row.retain_until = r.Text(i, 13);
  row.follows_reference = r.Text(i, 14);
  row.due_on = r.Text(i, 15);
  row.extended_due_on = r.Text(i, 16);
  row.extension_reason = r.Text(i, 17);
  row.answered_at = r.Text(i, 18);
  row.language = r.Text(i, 19);
  return row;
}

constexpr const char* kDeliveryColumns =
    "id, key, channel, recipient, status, attempts, created_at, next_attempt_at, sent_at, last_error";

Delivery DeliveryFrom(const PgResult& r, int i) {
  Delivery row;
  row.id = r.Int(i, 0);
  row.key = r.Text(i, 1);
  row.channel = r.Text(i, 2);
  row.recipient = r.Text(i, 3);
  row.status = r.Text(i, 4);
  row.attempts = static_cast<int>(r.Int(i, 5));
  row.created_at = r.Text(i, 6);
  row.next_attempt_at = r.Text(i, 7);
  row.sent_at = r.Text(i, 8);
  row.last_error = r.Text(i, 9);
  return row;
}

// As sqlite_store.cc: at most 1000 characters, cut on a UTF-8 boundary.
std::string ClippedError(const std::string& error) {
  if (error.size() <= 1000) return error;
  size_t end = 1000;
  while (end > 0 && (static_cast<unsigned char>(error[end]) & 0xC0) == 0x80) --end;
  return error.substr(0, end);
}

class PostgresStore final : public FeedbackStore {
 public:
  PostgresStore(std::string uri, std::string described, FeedbackStore::Mode mode, FeedbackStore::Options options)
      : uri_(std::move(uri)), described_(std::move(described)), mode_(mode), options_(options) {}
  ~PostgresStore() override {
    for (PGconn* conn : idle_) PQfinish(conn);
  }

  // A pooled connection, handed back on destruction.
  class Conn {
   public:
    Conn(const PostgresStore* store, PGconn* conn) : store_(store), conn_(conn) {}
    Conn(Conn&& other) noexcept : store_(other.store_), conn_(std::exchange(other.conn_, nullptr)) {}
    Conn(const Conn&) = delete;
    Conn& operator=(const Conn&) = delete;
    ~Conn() {
      if (conn_) store_->Release(conn_);
    }
    PGconn* get() const { return conn_; }

   private:
    const PostgresStore* store_;
    PGconn* conn_;
  };

  // A new connection with this store's session settings.
  Result<PGconn*> Connect() const {
    const std::string timeout = std::to_string(std::max(2, (options_.write_wait_ms + 999) / 1000));
    // dbname is expanded from the URI; the keywords after it override it.
    const char* keywords[] = {"dbname", "connect_timeout", "application_name", nullptr};
    const char* values[] = {uri_.c_str(), timeout.c_str(), "lantern", nullptr};
    PGconn* conn = PQconnectdbParams(keywords, values, 1);
    if (!conn || PQstatus(conn) != CONNECTION_OK) {
      Status error = Status::Error("cannot connect to the feedback database " + described_ + ": " +
                                   ConnectionError(conn));
      PQfinish(conn);
      return error;
    }
    if (Status s = Configure(conn); !s.ok()) {
      PQfinish(conn);
      return s;
    }
    return conn;
  }

  // Session settings, bound through set_config: waits for locks and
  // statements end within write_wait_ms (Insert narrows them further);
  // staff's read-only sessions cannot write.
  Status Configure(PGconn* conn) const {
    const std::string wait = std::to_string(options_.write_wait_ms) + "ms";
    const std::string statement = std::to_string(std::max(30000, 10 * options_.write_wait_ms)) + "ms";
    PgResult set = Run(conn,
                       "SELECT set_config('lock_timeout', $1, false), set_config('statement_timeout', $2, false), "
                       "set_config('default_transaction_read_only', $3, false), "
                       "set_config('client_min_messages', 'warning', false)",
                       {Text(wait), Text(statement), Text(mode_ == Mode::kReadOnly ? "on" : "off")});
    if (!set.ok()) return set.Error("cannot set up the session with " + described_);
    return Status::Ok();
  }

  Result<Conn> Acquire(std::chrono::steady_clock::time_point deadline) const {
    PGconn* conn = nullptr;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      if (!available_.wait_until(lock, deadline, [&] { return !idle_.empty() || open_ < kPoolSize; })) {
        return Status::Error("the feedback database " + described_ + " is busy (every connection is in use)");
      }
      if (!idle_.empty()) {
        conn = idle_.back();
        idle_.pop_back();
      } else {
        ++open_;  // reserved; connected below, outside the lock
      }
    }
    if (!conn) {
      Result<PGconn*> fresh = Connect();
      if (!fresh.ok()) {
        std::lock_guard<std::mutex> lock(mutex_);
        --open_;
        available_.notify_one();
        return fresh.status();
      }
      return Conn(this, fresh.value());
    }
    if (PQstatus(conn) != CONNECTION_OK) {
      // The server restarted or the network broke: reconnect once.
      PQreset(conn);
      Status ready = PQstatus(conn) == CONNECTION_OK
                         ? Configure(conn)
                         : Status::Error("lost the connection to the feedback database " + described_ + ": " +
                                         ConnectionError(conn));
      if (!ready.ok()) {
        Release(conn);
        return ready;
      }
    }
    return Conn(this, conn);
  }
  Result<Conn> Acquire() const {
    return Acquire(std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.write_wait_ms));
  }

  void Release(PGconn* conn) const {
    if (PQstatus(conn) == CONNECTION_OK && PQtransactionStatus(conn) != PQTRANS_IDLE) {
      PQclear(PQexec(conn, "ROLLBACK"));
    }
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(conn);
    available_.notify_one();
  }

  // Creates or checks the schema, under an advisory lock held to the end of
  // the transaction so two servers starting together do not both create it.
  Status Migrate(PGconn* conn) {
    Transaction transaction(conn);
    if (Status s = transaction.Begin(); !s.ok()) return s;
    if (mode_ == Mode::kCreate) {
      PgResult lock = Run(conn, "SELECT pg_advisory_xact_lock($1::bigint)", {Number(kMigrationLock)});
      if (!lock.ok()) return lock.Error("cannot lock the schema of " + described_);
    }
    PgResult tables = Run(conn,
                          "SELECT count(*), count(*) FILTER (WHERE table_name = 'lantern_meta') FROM "
                          "information_schema.tables WHERE table_schema = current_schema()");
    if (!tables.ok() || tables.Rows() != 1) return tables.Error("cannot read the tables of " + described_);
    const long long table_count = tables.Int(0, 0), meta_count = tables.Int(0, 1);
    if (table_count > 0 && meta_count == 0) {
      return Status::Invalid("the database " + described_ +
                           " holds another program's tables (no lantern_meta); give Lantern its own database");
    }
    if (table_count == 0) {
      if (mode_ != Mode::kCreate) {
        return Status::NotFound("there is no feedback store in the database " + described_ +
                             " (check --db; lantern serve creates the store when it first starts)");
      }
      PGresult* created = PQexec(conn, kSchema);  // constant DDL, no values
      PgResult schema(created, conn);
      if (!schema.ok()) return schema.Error("cannot create the schema in " + described_);
      PgResult stamp = Run(conn, "INSERT INTO lantern_meta (id, application, schema_version) VALUES (1, $1, $2)",
                           {Text(kApplication), Number(kSchemaVersion)});
      if (!stamp.ok()) return stamp.Error("cannot mark the schema of " + described_);
      return transaction.Commit();
    }
    PgResult meta = Run(conn, "SELECT application, schema_version FROM lantern_meta WHERE id = 1");
    if (!meta.ok()) return meta.Error("cannot read lantern_meta in " + described_);
    if (meta.Rows() != 1 || meta.Text(0, 0) != kApplication) {
      return Status::Error("the database " + described_ +
                           " has a lantern_meta table that is not Lantern's feedback store's; give Lantern its own "
                           "database");
    }
    const long long version = meta.Int(0, 1);
    if (version > kSchemaVersion) {
      return Status::Error("the database " + described_ + " has schema version " + std::to_string(version) +
                           ", but this Lantern reads " + std::to_string(kSchemaVersion) +
                           " (a newer Lantern made it?)");
    }
    if (version < kSchemaVersion && mode_ == Mode::kReadOnly) {
      return Status::Error("the database " + described_ + " has schema version " + std::to_string(version) +
                           ", this Lantern reads " + std::to_string(kSchemaVersion) +
                           " (lantern serve upgrades it when it starts)");
    }
    if (version < kSchemaVersion) {
      // Upgrades run under the schema lock, so two servers starting together
      // upgrade once; the version is read again under it.
      PgResult lock = Run(conn, "SELECT pg_advisory_xact_lock($1::bigint)", {Number(kMigrationLock)});
      if (!lock.ok()) return lock.Error("cannot lock the schema of " + described_);
      PgResult again = Run(conn, "SELECT schema_version FROM lantern_meta WHERE id = 1");
      if (!again.ok() || again.Rows() != 1) return again.Error("cannot read lantern_meta in " + described_);
      if (again.Int(0, 0) < 2) {
        // Version 2 added the form's language; older rows have none ('').
        PGresult* added = PQexec(conn,  // constant DDL, no values
                                 "ALTER TABLE submissions ADD COLUMN language TEXT COLLATE \"C\" NOT NULL DEFAULT '' "
                                 "CHECK (char_length(language) <= 35); UPDATE lantern_meta SET schema_version = 2");
        PgResult upgrade(added, conn);
        if (!upgrade.ok()) return upgrade.Error("cannot upgrade the schema of " + described_ + " from version 1");
      }
    }
    return transaction.Commit();
  }

  std::string Describe() const override { return described_; }

  Result<InsertOutcome> Insert(const Submission& submission, int64_t now) override {
    for (const std::string* text : {&submission.record_id, &submission.message, &submission.case_reference,
                                    &submission.name, &submission.email, &submission.token_nonce,
                                    &submission.language}) {
      if (!StorableText(*text)) {
        return Status::Error("cannot store the submission: it contains a NUL character or invalid UTF-8");
      }
    }
    // One deadline for the whole Insert, as in the SQLite store.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.write_wait_ms);
    Result<Conn> conn = Acquire(deadline);
    if (!conn.ok()) return conn.status();
    PGconn* c = conn.value().get();
    Result<InsertOutcome> outcome = InsertOn(c, submission, now, deadline);
    if (!outcome.ok()) return outcome.status().WithContext(described_);
    // Read back after COMMIT: the reference is shown only for a row that is there.
    PgResult back = Run(c, "SELECT 1 FROM submissions WHERE reference = $1", {Text(outcome.value().reference)});
    if (!back.ok()) return back.Error("cannot read back the submission from " + described_);
    if (back.Rows() != 1) {
      return Status::Error("the submission " + outcome.value().reference + " is not in " + described_);
    }
    return outcome;
  }

  Result<InsertOutcome> InsertOn(PGconn* c, const Submission& submission, int64_t now,
                                 std::chrono::steady_clock::time_point deadline) {
    Transaction transaction(c);
    if (Status s = transaction.Begin(); !s.ok()) return s;
    const long long left = std::max<long long>(
        1, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count());
    const std::string wait = std::to_string(left) + "ms";
    PgResult limits = Run(c, "SELECT set_config('lock_timeout', $1, true), set_config('statement_timeout', $1, true)",
                          {Text(wait)});
    if (!limits.ok()) return limits.Error("cannot bound the wait");
    const std::string content_hash = SubmissionContentHash(submission);
    std::string follows;
    if (!submission.token_nonce.empty()) {
      // Servers receiving the same token at once take turns here, so the
      // second sees the first's row (READ COMMITTED: each statement sees
      // what committed before it) and links to it or returns it.
      PgResult lock = Run(c, "SELECT pg_advisory_xact_lock($1::integer, hashtext($2))",
                          {Number(kTokenLockClass), Text(submission.token_nonce)});
      if (!lock.ok()) return lock.Error("cannot lock the form token");
      PgResult seen = Run(c, "SELECT reference, status, content_hash FROM submissions WHERE token_nonce = $1 ORDER BY id",
                          {Text(submission.token_nonce)});
      if (!seen.ok()) return seen.Error("cannot look up the form token");
      for (int i = 0; i < seen.Rows(); ++i) {
        if (follows.empty()) follows = seen.Text(i, 0);
        if (seen.Text(i, 2) == content_hash) return InsertOutcome{seen.Text(i, 0), seen.Text(i, 1), true, ""};
      }
    }
    const std::string message_hash = HexEncode(Sha256(submission.message));
    std::vector<std::string> flags = submission.flags;
    {
      // A resend on the same form token is the same resident, not a repeat.
      PgResult repeated = Run(c,
                              "SELECT 1 FROM submissions WHERE message_hash = $1 AND received_at >= $2 AND "
                              "(token_nonce IS NULL OR token_nonce IS DISTINCT FROM $3::text) LIMIT 1",
                              {Text(message_hash), Text(FormatUtcTime(now - 24 * 3600)), Nullable(submission.token_nonce)});
      if (!repeated.ok()) return repeated.Error("cannot check for repeated messages");
      if (repeated.Rows() > 0) flags.push_back("repeated_message");
    }
    std::vector<std::string> notes = submission.notes;
    if (!follows.empty()) notes.push_back("token_reused");
    const std::string status = InitialStatus(flags, submission.over_global_limit);
    auto receipt_allowed = [&](const std::string& address) -> Result<bool> {
      PgResult count = Run(c,
                           "SELECT count(*) FROM outbox WHERE channel = 'receipt' AND recipient = $1 AND "
                           "created_at >= $2",
                           {Text(address), Text(FormatUtcTime(now - 24 * 3600))});
      if (!count.ok()) return count.Error("cannot count receipts");
      return count.Int(0, 0) < options_.receipts_per_address_per_day;
    };
    Result<std::vector<OutboxRequest>> queued = DeliveriesToQueue(status, submission.deliveries, receipt_allowed, &notes);
    if (!queued.ok()) return queued.status();
    const std::vector<OutboxRequest>& deliveries = queued.value();
    const int keep_days = flags.empty() ? options_.retention_days : options_.spam_retention_days;
    for (int attempt = 0; attempt < 8; ++attempt) {
      Result<std::string> reference = NewReference();
      if (!reference.ok()) return reference.status();
      // A savepoint, so a reference clash undoes only this INSERT.
      PgResult savepoint = Run(c, "SAVEPOINT new_reference");
      if (!savepoint.ok()) return savepoint.Error("cannot store the submission");
      PgResult insert = Run(
          c,
          "INSERT INTO submissions (reference, token_nonce, content_hash, follows_reference, received_at, record_id, "
          "record_updated, request_type, message, case_reference, name, email, reply_wanted, status, flags, notes, "
          "message_hash, retain_until, due_on, language) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
          "$13, $14, $15, $16, $17, $18, $19, $20) ON CONFLICT (token_nonce, content_hash) DO NOTHING RETURNING id",
          {Text(reference.value()), Nullable(submission.token_nonce), Text(content_hash), Text(follows),
           Text(FormatUtcTime(now)), Text(submission.record_id), Text(submission.record_updated),
           Text(submission.request_type), Text(submission.message), Text(submission.case_reference),
           Text(submission.name), Text(submission.email), Number(submission.reply_wanted ? 1 : 0), Text(status),
           Text(JoinList(flags)), Text(JoinList(notes)), Text(message_hash),
           Text(FormatUtcTime(now + static_cast<int64_t>(keep_days) * 24 * 3600)), Text(submission.due_on),
           Text(submission.language)});
      if (!insert.ok()) {
        if (insert.SqlState() == "23505" && insert.Constraint() == "submissions_reference_key") {
          PgResult undo = Run(c, "ROLLBACK TO SAVEPOINT new_reference");
          if (!undo.ok()) return undo.Error("cannot store the submission");
          continue;  // a clash among 6.6e11 references: draw another, never lose the submission
        }
        return insert.Error("cannot store the submission");
      }
      if (insert.Rows() == 0) {
        // The unique constraint caught the same answers stored at this moment
        // by another session: theirs is the row.
        PgResult existing = Run(c, "SELECT reference, status FROM submissions WHERE token_nonce = $1 AND content_hash = $2",
                                {Text(submission.token_nonce), Text(content_hash)});
        if (!existing.ok() || existing.Rows() != 1) return existing.Error("cannot read the stored submission");
        InsertOutcome outcome{existing.Text(0, 0), existing.Text(0, 1), true, ""};
        if (Status s = transaction.Commit(); !s.ok()) return s;
        return outcome;
      }
      const std::string submission_id = insert.Text(0, 0);
      for (const OutboxRequest& request : deliveries) {
        PgResult queued = Run(c,
                              "INSERT INTO outbox (submission_id, key, channel, recipient, status, created_at, "
                              "next_attempt_at) VALUES ($1, $2, $3, $4, 'pending', $5, $5)",
                              {Text(submission_id), Text(reference.value()), Text(request.channel),
                               Text(request.recipient), Text(FormatUtcTime(now))});
        if (!queued.ok()) return queued.Error("cannot queue the notification of " + reference.value());
      }
      if (Status s = transaction.Commit(); !s.ok()) return s;
      return InsertOutcome{reference.value(), status, false, follows};
    }
    return Status::Error("cannot find a free reference number");
  }

  Result<bool> Exists(const std::string& reference) const override {
    Result<Conn> conn = Acquire();
    if (!conn.ok()) return conn.status();
    PgResult find = Run(conn.value().get(), "SELECT 1 FROM submissions WHERE reference = $1", {Text(reference)});
    if (!find.ok()) return find.Error("cannot look up " + reference + " in " + described_);
    return find.Rows() > 0;
  }

  Status Health() const override {
    Result<Conn> conn = Acquire();
    if (!conn.ok()) return conn.status();
    PgResult probe = Run(conn.value().get(), "SELECT count(*) FROM lantern_meta");
    if (!probe.ok()) return probe.Error("cannot read the feedback database " + described_);
    return Status::Ok();
  }

  Result<std::vector<StoredSubmission>> List(const std::string& since) const override {
    Result<Conn> conn = Acquire();
    if (!conn.ok()) return conn.status();
    PgResult select = Run(conn.value().get(),
                          (std::string("SELECT ") + kRowColumns +
                           " FROM submissions WHERE received_at >= $1 ORDER BY received_at, id")
                              .c_str(),
                          {Text(since)});
    if (!select.ok()) return select.Error("cannot read submissions from " + described_);
    std::vector<StoredSubmission> rows;
    for (int i = 0; i < select.Rows(); ++i) rows.push_back(RowFrom(select, i));
    return rows;
  }

  Result<long long> DeleteWhere(const char* sql, const std::string& bound) {
    Result<Conn> conn = Acquire();
    if (!conn.ok()) return conn.status();
    PgResult purge = Run(conn.value().get(), sql, {Text(bound)});  // autocommit: one statement, cascading
    if (!purge.ok()) return purge.Error("cannot purge " + described_);
    return purge.Changed();
  }

  Result<long long> PurgeOlderThan(int days, int64_t now) override {
    return DeleteWhere("DELETE FROM submissions WHERE received_at < $1",
                       FormatUtcTime(now - static_cast<int64_t>(days) * 24 * 3600));
  }

  Result<long long> PurgeExpired(int64_t now) override {
    // Digests name references only, but need not outlive a month.
    if (Result<long long> digests = DeleteWhere("DELETE FROM outbox WHERE channel = 'digest' AND created_at < $1",
                                                FormatUtcTime(now - 31 * 24 * 3600));
        !digests.ok()) {
      return digests;
    }
    return DeleteWhere("DELETE FROM submissions WHERE retain_until < $1", FormatUtcTime(now));
  }

  static Status RecordChange(PGconn* c, const std::string& reference, const std::string& from, const std::string& to,
                             const std::string& note, int64_t now) {
    PgResult insert = Run(c,
                          "INSERT INTO status_changes (submission_id, changed_at, from_status, to_status, note) "
                          "SELECT id, $2, $3, $4, $5 FROM submissions WHERE reference = $1",
                          {Text(reference), Text(FormatUtcTime(now)), Text(from), Text(to), Text(note)});
    if (!insert.ok()) return insert.Error("cannot keep the change of " + reference);
    return Status::Ok();
  }

  Status SetStatus(const std::string& reference, const std::string& status, const std::string& note,
                   int64_t now) override {
    if (!IsSubmissionStatus(status)) return Status::Error("unknown status \"" + status + "\"");
    Result<Conn> conn = Acquire();
    if (!conn.ok()) return conn.status();
    PGconn* c = conn.value().get();
    Transaction transaction(c);
    if (Status s = transaction.Begin(); !s.ok()) return s;
    // FOR UPDATE: two staff members changing one row take turns, so the history's from_status is true.
    PgResult current = Run(c, "SELECT status FROM submissions WHERE reference = $1 FOR UPDATE", {Text(reference)});
    if (!current.ok()) return current.Error("cannot read " + reference);
    if (current.Rows() == 0) return Status::Error("no submission has the reference " + reference);
    const std::string from = current.Text(0, 0);
    PgResult update = Run(c,
                          "UPDATE submissions SET status = $1, answered_at = CASE WHEN $1 = 'answered' AND "
                          "answered_at = '' THEN $3 ELSE answered_at END WHERE reference = $2",
                          {Text(status), Text(reference), Text(FormatUtcTime(now))});
    if (!update.ok()) return update.Error("cannot set the status of " + reference);
    if (Status s = RecordChange(c, reference, from, status, note, now); !s.ok()) return s;
    return transaction.Commit();
  }

  Status Extend(const std::string& reference, const std::string& extended_due_on, const std::string& reason,
                int64_t now) override {
    if (reason.empty()) return Status::Error("an extension needs a reason: the resident must be told why");
    Result<Conn> conn = Acquire();
    if (!conn.ok()) return conn.status();
    PGconn* c = conn.value().get();
    Transaction transaction(c);
    if (Status s = transaction.Begin(); !s.ok()) return s;
    PgResult current = Run(c,
                           "SELECT status, request_type, extended_due_on FROM submissions WHERE reference = $1 "
                           "FOR UPDATE",
                           {Text(reference)});
    if (!current.ok()) return current.Error("cannot read " + reference);
    if (current.Rows() == 0) return Status::Error("no submission has the reference " + reference);
    const std::string status = current.Text(0, 0), type = current.Text(0, 1), extended = current.Text(0, 2);
    if (type != "objection" && type != "review") {
      return Status::Error(reference + " is a " + type + "; only objections and review requests can be extended");
    }
    if (!extended.empty()) return Status::Error(reference + " was extended already, to " + extended);
    if (!IsOpenStatus(status)) return Status::Error(reference + " is " + status + "; only open requests can be extended");
    PgResult update = Run(c, "UPDATE submissions SET extended_due_on = $1, extension_reason = $2 WHERE reference = $3",
                          {Text(extended_due_on), Text(reason), Text(reference)});
    if (!update.ok()) return update.Error("cannot extend " + reference);
    if (Status s = RecordChange(c, reference, status, status, "extended to " + extended_due_on + ": " + reason, now);
        !s.ok()) {
      return s;
    }
    return transaction.Commit();
  }

  Result<StoredSubmission> Find(const std::string& reference) const override {
    Result<Conn> conn = Acquire();
    if (!conn.ok()) return conn.status();
    PgResult select = Run(conn.value().get(),
                          (std::string("SELECT ") + kRowColumns + " FROM submissions WHERE reference = $1").c_str(),
                          {Text(reference)});
    if (!select.ok()) return select.Error("cannot read " + reference + " from " + described_);
    if (select.Rows() == 0) return Status::Error("no submission has the reference " + reference);
    return RowFrom(select, 0);
  }

  Result<std::vector<StatusChange>> History(const std::string& reference) const override {
    Result<Conn> conn = Acquire();
    if (!conn.ok()) return conn.status();
    PgResult select = Run(conn.value().get(),
                          "SELECT c.changed_at, c.from_status, c.to_status, c.note FROM status_changes c JOIN "
                          "submissions s ON s.id = c.submission_id WHERE s.reference = $1 ORDER BY c.id",
                          {Text(reference)});
    if (!select.ok()) return select.Error("cannot read the history of " + reference);
    std::vector<StatusChange> changes;
    for (int i = 0; i < select.Rows(); ++i) {
      changes.push_back({select.Text(i, 0), select.Text(i, 1), select.Text(i, 2), select.Text(i, 3)});
    }
    return changes;
  }

  Result<StoreStats> Stats() const override {
    Result<Conn> conn = Acquire();
    if (!conn.ok()) return conn.status();
    PGconn* c = conn.value().get();
    StoreStats stats;
    PgResult groups = Run(c,
                          "SELECT request_type, status, count(*) FROM submissions GROUP BY request_type, status "
                          "ORDER BY request_type, status");
    if (!groups.ok()) return groups.Error("cannot count submissions in " + described_);
    for (int i = 0; i < groups.Rows(); ++i) {
      stats.rows.push_back({groups.Text(i, 0), groups.Text(i, 1), groups.Int(i, 2)});
      stats.total += groups.Int(i, 2);
    }
    PgResult range = Run(c, "SELECT min(received_at), max(received_at) FROM submissions");
    if (!range.ok() || range.Rows() != 1) return range.Error("cannot read " + described_);
    stats.oldest = range.Text(0, 0);  // NULL reads as "" (empty store), as in SQLite
    stats.newest = range.Text(0, 1);
    return stats;
  }

  // PostgreSQL has no whole-database check like SQLite's integrity_check;
  // this checks what Lantern can: the marker, and that every row of each
  // table can be read (a damaged page fails the scan).
  Result<std::string> IntegrityCheck() const override {
    Result<Conn> conn = Acquire();
    if (!conn.ok()) return conn.status();
    PgResult check = Run(conn.value().get(),
                         "SELECT (SELECT schema_version FROM lantern_meta WHERE id = 1 AND application = $1), "
                         "(SELECT count(*) FROM submissions), (SELECT count(*) FROM status_changes), "
                         "(SELECT count(*) FROM outbox)",
                         {Text(kApplication)});
    if (!check.ok()) return check.Error("cannot check " + described_);
    if (check.IsNull(0, 0)) return std::string("lantern_meta does not mark this database as Lantern's");
    return std::string("ok");
  }

  Result<std::vector<Delivery>> ClaimDeliveries(int64_t now, int lease_seconds, int limit) override {
    Result<Conn> conn = Acquire();
    if (!conn.ok()) return conn.status();
    const std::string at = FormatUtcTime(now);
    // SKIP LOCKED: a row another server is claiming at this moment is left
    // to it; the lease then keeps it theirs until it runs out.
    PgResult claim = Run(conn.value().get(),
                         (std::string("UPDATE outbox SET lease_until = $1 WHERE id IN (SELECT id FROM outbox WHERE "
                                      "status = 'pending' AND next_attempt_at <= $2 AND lease_until < $2 ORDER BY "
                                      "next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING ") +
                          kDeliveryColumns)
                             .c_str(),
                         {Text(FormatUtcTime(now + lease_seconds)), Text(at), Number(limit)});
    if (!claim.ok()) return claim.Error("cannot claim notifications in " + described_);
    std::vector<Delivery> claimed;
    for (int i = 0; i < claim.Rows(); ++i) claimed.push_back(DeliveryFrom(claim, i));
    // RETURNING keeps no order: oldest first, as promised.
    std::sort(claimed.begin(), claimed.end(), [](const Delivery& a, const Delivery& b) {
      return std::tie(a.next_attempt_at, a.id) < std::tie(b.next_attempt_at, b.id);
    });
    return claimed;
  }

  Status MarkDelivered(long long id, int64_t now) override {
    Result<Conn> conn = Acquire();
    if (!conn.ok()) return conn.status();
    PgResult update = Run(conn.value().get(),
                          "UPDATE outbox SET status = 'sent', sent_at = $1, lease_until = '', last_error = '', "
                          "attempts = attempts + 1 WHERE id = $2 AND status = 'pending'",
                          {Text(FormatUtcTime(now)), Number(id)});
    if (!update.ok()) return update.Error("cannot mark notification " + std::to_string(id) + " sent");
    if (update.Changed() != 1) return Status::Error("notification " + std::to_string(id) + " is not pending");
    return Status::Ok();
  }

  Status MarkDeliveryFailed(long long id, const std::string& error, int64_t retry_at, int64_t now) override {
    Result<Conn> conn = Acquire();
    if (!conn.ok()) return conn.status();
    std::string clipped = ClippedError(error);
    if (!StorableText(clipped)) clipped = "(the error text was not valid UTF-8)";
    PgResult update = Run(conn.value().get(),
                          "UPDATE outbox SET status = CASE WHEN $1::text = '' THEN 'failed' ELSE 'pending' END, "
                          "next_attempt_at = CASE WHEN $1::text = '' THEN $2 ELSE $1::text END, lease_until = '', "
                          "last_error = $3, attempts = attempts + 1 WHERE id = $4 AND status = 'pending'",
                          {Text(retry_at > 0 ? FormatUtcTime(retry_at) : std::string()), Text(FormatUtcTime(now)),
                           Text(clipped), Number(id)});
    if (!update.ok()) return update.Error("cannot record the failure of notification " + std::to_string(id));
    if (update.Changed() != 1) return Status::Error("notification " + std::to_string(id) + " is not pending");
    return Status::Ok();
  }

  Result<std::vector<Delivery>> Outbox(const std::string& status) const override {
    Result<Conn> conn = Acquire();
    if (!conn.ok()) return conn.status();
    PgResult select = Run(conn.value().get(),
                          (std::string("SELECT ") + kDeliveryColumns +
                           " FROM outbox WHERE $1::text = '' OR status = $1::text ORDER BY created_at, id")
                              .c_str(),
                          {Text(status)});
    if (!select.ok()) return select.Error("cannot read the outbox of " + described_);
    std::vector<Delivery> rows;
    for (int i = 0; i < select.Rows(); ++i) rows.push_back(DeliveryFrom(select, i));
    return rows;
  }

  Status RetryDelivery(long long id, int64_t now) override {
    Result<Conn> conn = Acquire();
    if (!conn.ok()) return conn.status();
    PgResult update = Run(conn.value().get(),
                          "UPDATE outbox SET status = 'pending', next_attempt_at = $1, lease_until = '' "
                          "WHERE id = $2 AND status = 'failed'",
                          {Text(FormatUtcTime(now)), Number(id)});
    if (!update.ok()) return update.Error("cannot retry notification " + std::to_string(id));
    if (update.Changed() != 1) {
      return Status::Error("no failed notification has the id " + std::to_string(id) +
                           " (lantern feedback outbox --status failed lists them)");
    }
    return Status::Ok();
  }

  Result<bool> EnqueueDigest(const std::string& date, const std::string& recipients, int64_t now) override {
    Result<Conn> conn = Acquire();
    if (!conn.ok()) return conn.status();
    // The partial unique index makes one row a day whichever server comes first.
    PgResult insert = Run(conn.value().get(),
                          "INSERT INTO outbox (key, channel, recipient, status, created_at, next_attempt_at) "
                          "VALUES ($1, 'digest', $2, 'pending', $3, $3) ON CONFLICT DO NOTHING",
                          {Text(date), Text(recipients), Text(FormatUtcTime(now))});
    if (!insert.ok()) return insert.Error("cannot queue the digest of " + date);
    return insert.Changed() == 1;
  }

  // Hands the first connection to the pool.
  void Adopt(PGconn* conn) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++open_;
    idle_.push_back(conn);
  }

 private:
  const std::string uri_;
  const std::string described_;
  const Mode mode_;
  const Options options_;
  mutable std::mutex mutex_;
  mutable std::condition_variable available_;
  mutable std::vector<PGconn*> idle_;  // connected, not in use
  mutable int open_ = 0;               // connections made (idle, in use or being made)
};

}  // namespace

std::string PostgresFeedbackStore::Redact(const std::string& uri) {
  std::string out = uri;
  // The user part: scheme://user:password@host… keeps scheme://user@host…
  const size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    const size_t start = scheme + 3;
    const size_t end = out.find_first_of("/?", start);
    const size_t at = out.rfind('@', end == std::string::npos ? std::string::npos : end);
    if (at != std::string::npos && at >= start) {
      const size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) out.erase(colon, at - colon);
    }
  }
  // A password= parameter in the query.
  const size_t query = out.find('?');
  if (query != std::string::npos) {
    std::string kept = out.substr(0, query);
    std::string params = out.substr(query + 1);
    std::string rebuilt;
    size_t pos = 0;
    while (pos <= params.size()) {
      size_t amp = params.find('&', pos);
      if (amp == std::string::npos) amp = params.size();
      const std::string param = params.substr(pos, amp - pos);
      if (!param.empty() && param.rfind("password=", 0) != 0) rebuilt += (rebuilt.empty() ? "" : "&") + param;
      pos = amp + 1;
    }
    out = rebuilt.empty() ? kept : kept + "?" + rebuilt;
  }
  return out;
}

Result<std::unique_ptr<FeedbackStore>> PostgresFeedbackStore::Open(const std::string& uri, FeedbackStore::Mode mode,
                                                                   FeedbackStore::Options options) {
  const std::string described = Redact(uri);
  char* error = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(uri.c_str(), &error);
  if (!parsed) {
    std::string message = error ? error : "out of memory";
    PQfreemem(error);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return Status::Error("cannot read the --db URI " + described + ": " + message);
  }
  PQconninfoFree(parsed);
  auto store = std::make_unique<PostgresStore>(uri, described, mode, options);
  Result<PGconn*> conn = store->Connect();
  if (!conn.ok()) return conn.status();
  store->Adopt(conn.value());
  {
    Result<PostgresStore::Conn> first = store->Acquire();
    if (!first.ok()) return first.status();
    if (Status s = store->Migrate(first.value().get()); !s.ok()) return s;
  }
  return std::unique_ptr<FeedbackStore>(std::move(store));
}

}  // namespace lantern
