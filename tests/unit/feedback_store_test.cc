// The SQLite feedback store where it differs from PostgreSQL (files, locks, the
// WAL, NUL bytes, schema upgrades), its reference numbers and exports. What both
// stores promise is tested once for each in feedback_store_contract_test.cc.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>
#include <set>
#include <thread>

#include "feedback/export.h"
#include "feedback/reference.h"
#include "feedback/store.h"
#include "testing/sample_submission.h"
#include "testing/test_support.h"

namespace lantern {
namespace {

constexpr int64_t kNow = testing::kStoreNow;
using testing::SampleObjection;

Submission Objection(const std::string& message = "Please stop using my data in this tool.") {
  return SampleObjection(message);
}

std::unique_ptr<FeedbackStore> OpenOrDie(const std::string& path) {
  auto store = FeedbackStore::Open(path, FeedbackStore::Mode::kCreate);
  EXPECT_TRUE(store.ok()) << store.status().message();
  return store.ok() ? std::move(store.value()) : nullptr;
}

TEST(ReferenceTest, ShapeAndAlphabetWithoutLookAlikes) {
  std::set<std::string> seen;
  std::map<char, int> counts;
  for (int i = 0; i < 3000; ++i) {
    Result<std::string> r = NewReference();
    ASSERT_TRUE(r.ok());
    ASSERT_TRUE(IsReference(r.value())) << r.value();
    for (char c : r.value()) {
      EXPECT_EQ(std::string::npos, std::string("IOQZ01").find(c));
      counts[c]++;
    }
    seen.insert(r.value());
  }
  EXPECT_EQ(3000u, seen.size());
  EXPECT_EQ(30u, counts.size());  // every letter of the alphabet turns up
  EXPECT_FALSE(IsReference("ABCDEFG"));
  EXPECT_FALSE(IsReference("ABCDEFGO"));
  EXPECT_FALSE(IsReference("abcdefgh"));
}

TEST(FeedbackStoreTest, InsertThenListInMemory) {
  auto store = OpenOrDie(":memory:");
  ASSERT_TRUE(store);
  Result<InsertOutcome> first = store->Insert(Objection(), kNow);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_TRUE(IsReference(first.value().reference));
  EXPECT_EQ("new", first.value().status);
  EXPECT_FALSE(first.value().duplicate);
  auto rows = store->List("");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(1u, rows.value().size());
  const StoredSubmission& row = rows.value()[0];
  EXPECT_EQ(first.value().reference, row.reference);
  EXPECT_EQ(FormatUtcTime(kNow), row.received_at);
  EXPECT_EQ("parking-permits", row.record_id);
  EXPECT_EQ("2026-03-01", row.record_updated);
  EXPECT_EQ("objection", row.request_type);
  EXPECT_EQ("Ada Resident", row.name);
  EXPECT_TRUE(row.reply_wanted);
  EXPECT_EQ(FormatUtcTime(kNow + 365LL * 86400), row.retain_until);
  EXPECT_EQ("ok", store->IntegrityCheck().value());
}

TEST(FeedbackStoreTest, FormatUtcTime) {
  EXPECT_EQ("1970-01-01T00:00:00Z", FormatUtcTime(0));
  EXPECT_EQ("2026-11-22T05:30:15Z", FormatUtcTime(1795325415));
}

TEST(FeedbackStoreTest, CheckConstraintsRejectWhatTheFormWouldNot) {
  auto store = OpenOrDie(":memory:");
  Submission too_long = Objection(std::string(5001, 'x'));
  EXPECT_FALSE(store->Insert(too_long, kNow).ok());
  EXPECT_TRUE(store->Insert(Objection(std::string(5000, 'x')), kNow).ok());
  // Limits count characters, not bytes: 5,000 two-byte letters fit.
  std::string accents;
  for (int i = 0; i < 5000; ++i) accents += "\xc3\xa9";
  EXPECT_TRUE(store->Insert(Objection(accents), kNow).ok());
  Submission bad_type = Objection();
  bad_type.request_type = "complaint";
  EXPECT_FALSE(store->Insert(bad_type, kNow).ok());
  Submission empty = Objection("");
  EXPECT_FALSE(store->Insert(empty, kNow).ok());
  Submission long_name = Objection();
  long_name.name = std::string(201, 'n');
  EXPECT_FALSE(store->Insert(long_name, kNow).ok());
  Submission hostile = Objection("'); DROP TABLE submissions; --\0 and a NUL");
  hostile.message = std::string("x'); DROP TABLE submissions; --\0tail", 36);
  ASSERT_TRUE(store->Insert(hostile, kNow).ok());
  auto rows = store->List("").value();
  ASSERT_EQ(3u, rows.size());
  EXPECT_EQ(hostile.message, rows[2].message);  // bytes kept exactly, NUL included
}

TEST(FeedbackStoreTest, ListSinceAndPurgeOlderThan) {
  testing::TempDir temp;
  const std::string path = temp.path() + "/feedback.db";
  auto store = OpenOrDie(path);
  ASSERT_TRUE(store->Insert(Objection("old"), kNow - 100 * 86400).ok());
  ASSERT_TRUE(store->Insert(Objection("new"), kNow).ok());
  EXPECT_EQ(1u, store->List(FormatUtcTime(kNow).substr(0, 10)).value().size());
  EXPECT_EQ(2u, store->List("2000-01-01").value().size());
  auto purged = store->PurgeOlderThan(30, kNow);
  ASSERT_TRUE(purged.ok()) << purged.status().message();
  EXPECT_EQ(1, purged.value());
  auto rows = store->List("").value();
  ASSERT_EQ(1u, rows.size());
  EXPECT_EQ("new", rows[0].message);
  // The WAL is truncated after a purge so deleted text does not linger.
  EXPECT_EQ(0u, std::filesystem::file_size(path + "-wal"));
}

TEST(FeedbackStoreTest, FilePersistsAndReadOnlyOpenSeesIt) {
  testing::TempDir temp;
  const std::string path = temp.path() + "/feedback.db";
  std::string reference;
  {
    auto store = OpenOrDie(path);
    reference = store->Insert(Objection(), kNow).value().reference;
  }
  auto reader = FeedbackStore::Open(path, FeedbackStore::Mode::kReadOnly);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  auto rows = reader.value()->List("").value();
  ASSERT_EQ(1u, rows.size());
  EXPECT_EQ(reference, rows[0].reference);
  EXPECT_FALSE(reader.value()->Insert(Objection(), kNow).ok());
  auto stats = reader.value()->Stats().value();
  EXPECT_EQ(1, stats.total);
  ASSERT_EQ(1u, stats.rows.size());
  EXPECT_EQ("objection", stats.rows[0].request_type);
}

TEST(FeedbackStoreTest, OddFilesGiveClearErrors) {
  testing::TempDir temp;
  testing::WriteFile(temp.path() + "/text.db", "this is not a database, just some text that is long enough to matter\n");
  auto garbage = FeedbackStore::Open(temp.path() + "/text.db", FeedbackStore::Mode::kCreate);
  ASSERT_FALSE(garbage.ok());
  EXPECT_NE(std::string::npos, garbage.status().message().find(temp.path() + "/text.db")) << garbage.status().message();
  EXPECT_EQ("this is not a database, just some text that is long enough to matter\n",
            testing::ReadFileOrEmpty(temp.path() + "/text.db"));  // left as it was
  // Staff commands never create a store: a mistyped --db is an error, and no file appears.
  for (auto mode : {FeedbackStore::Mode::kReadOnly, FeedbackStore::Mode::kReadWrite}) {
    auto missing = FeedbackStore::Open(temp.path() + "/typo.db", mode);
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(std::string::npos, missing.status().message().find("there is no feedback store at " + temp.path() +
                                                                 "/typo.db"))
        << missing.status().message();
    EXPECT_FALSE(std::filesystem::exists(temp.path() + "/typo.db"));
  }
  testing::WriteFile(temp.path() + "/file", "x");
  EXPECT_FALSE(FeedbackStore::Open(temp.path() + "/file/f.db", FeedbackStore::Mode::kCreate).ok());
  auto directory = FeedbackStore::Open(temp.path(), FeedbackStore::Mode::kCreate);
  EXPECT_FALSE(directory.ok());
  EXPECT_NE(std::string::npos, directory.status().message().find("not a regular file")) << directory.status().message();
  // A symlink to a store is refused (SQLITE_OPEN_NOFOLLOW).
  { OpenOrDie(temp.path() + "/real.db"); }
  std::filesystem::create_symlink(temp.path() + "/real.db", temp.path() + "/link.db");
  EXPECT_FALSE(FeedbackStore::Open(temp.path() + "/link.db", FeedbackStore::Mode::kCreate).ok());
}

// DB10: a child process inserts in a loop and reports each reference only after
// COMMIT returned; it is killed with SIGKILL once it has reported a random
// number of them (a condition, not a sleep); every reported reference must be
// present and the file intact.
TEST(FeedbackStoreTest, CrashWhileWritingLosesNoAcknowledgedSubmission) {
  testing::TempDir temp;
  const std::string path = temp.path() + "/feedback.db";
  { OpenOrDie(path); }
  std::mt19937 random(12345);
  std::set<std::string> acknowledged;
  const int rounds = testing::ScaledRounds(20);
  for (int round = 0; round < rounds; ++round) {
    int fds[2];
    ASSERT_EQ(0, pipe(fds));
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      close(fds[0]);
      auto store = FeedbackStore::Open(path, FeedbackStore::Mode::kReadWrite);
      if (!store.ok()) _exit(3);
      for (int i = 0;; ++i) {
        auto r = store.value()->Insert(Objection("round " + std::to_string(round) + " #" + std::to_string(i)), kNow);
        if (!r.ok()) _exit(4);
        const std::string line = r.value().reference + "\n";
        if (write(fds[1], line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(5);
      }
    }
    close(fds[1]);
    // Kill after 1 to 12 acknowledged references: inside whatever the child is doing next.
    const size_t wanted = 1 + random() % 12;
    std::string text;
    char buffer[64];
    ssize_t n;
    while (static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) < wanted &&
           (n = read(fds[0], buffer, sizeof buffer)) > 0) {
      text.append(buffer, n);
    }
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "child exited early with " << WEXITSTATUS(status);
    while ((n = read(fds[0], buffer, sizeof buffer)) > 0) text.append(buffer, n);
    close(fds[0]);
    for (size_t start = 0, end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
      acknowledged.insert(text.substr(start, end - start));
    }
    auto store = OpenOrDie(path);
    ASSERT_EQ("ok", store->IntegrityCheck().value());
    std::set<std::string> stored;
    const auto rows = store->List("").value();
    for (const auto& row : rows) stored.insert(row.reference);
    for (const auto& reference : acknowledged) ASSERT_TRUE(stored.count(reference)) << "lost " << reference;
  }
  EXPECT_GE(acknowledged.size(), static_cast<size_t>(rounds));
}

TEST(FeedbackExportTest, CsvQuotesAndDefusesFormulas) {
  EXPECT_EQ("plain", CsvCell("plain"));
  EXPECT_EQ("\"say \"\"hi\"\"\"", CsvCell("say \"hi\""));
  EXPECT_EQ("\"'=HYPERLINK(\"\"http://x\"\")\"", CsvCell("=HYPERLINK(\"http://x\")"));
  for (const char* risky : {"+1", "-1", "@SUM(A1)", "\tx", "\rx"}) {
    EXPECT_EQ("\"'", CsvCell(risky).substr(0, 2)) << risky;
  }
  EXPECT_EQ("\"a\r\nb\"", CsvCell("a\r\nb"));
  StoredSubmission row;
  row.reference = "ABCDEFGH";
  row.message = "=1+1";
  const std::string csv = SubmissionsToCsv({row});
  EXPECT_EQ(0u, csv.find("reference,received_at,"));
  EXPECT_NE(std::string::npos, csv.find("\"'=1+1\""));
  EXPECT_EQ(2, std::count(csv.begin(), csv.end(), '\n'));
}

TEST(FeedbackExportTest, JsonEscapesEverythingItMust) {
  EXPECT_EQ("\"a\\\"b\\\\c\\nd\\u0001\"", JsonString("a\"b\\c\nd\x01"));
  StoredSubmission row;
  row.reference = "ABCDEFGH";
  row.reply_wanted = true;
  const std::string json = SubmissionsToJson({row});
  EXPECT_NE(std::string::npos, json.find("\"reference\": \"ABCDEFGH\""));
  EXPECT_NE(std::string::npos, json.find("\"reply_wanted\": true"));
  EXPECT_EQ("[]\n", SubmissionsToJson({}));
}

}  // namespace
}  // namespace lantern

namespace lantern {
namespace {

TEST(FeedbackStoreTest, OnlyOneProcessWritesAndReadersMayJoin) {
  testing::TempDir temp;
  const std::string path = temp.path() + "/feedback.db";
  auto writer = OpenOrDie(path);
  ASSERT_TRUE(writer->Insert(Objection(), kNow).ok());
  auto second = FeedbackStore::Open(path, FeedbackStore::Mode::kCreate);
  ASSERT_FALSE(second.ok());
  EXPECT_NE(std::string::npos, second.status().message().find("another process")) << second.status().message();
  auto reader = FeedbackStore::Open(path, FeedbackStore::Mode::kReadOnly);
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(1u, reader.value()->List("").value().size());
  writer.reset();
  EXPECT_TRUE(FeedbackStore::Open(path, FeedbackStore::Mode::kCreate).ok());
}

// The lock is on the database file itself: no other file to delete, and a
// store whose file was deleted refuses to write rather than write to nothing.
TEST(FeedbackStoreTest, TheWriterLockCannotBeDefeatedByDeletingAFile) {
  testing::TempDir temp;
  const std::string path = temp.path() + "/feedback.db";
  auto writer = OpenOrDie(path);
  ASSERT_TRUE(writer->Insert(Objection(), kNow).ok());
  for (const auto& entry : std::filesystem::directory_iterator(temp.path())) {
    const std::string name = entry.path().filename().string();
    if (name != "feedback.db" && name != "feedback.db-wal" && name != "feedback.db-shm") {
      std::filesystem::remove(entry.path());  // e.g. an old-style feedback.db.lock
    }
  }
  EXPECT_FALSE(FeedbackStore::Open(path, FeedbackStore::Mode::kReadWrite).ok());
  // Deleting the store itself lets a new process start a new one, but the old
  // writer then refuses: it cannot acknowledge into a file nobody will open.
  std::filesystem::remove(path);
  auto second = FeedbackStore::Open(path, FeedbackStore::Mode::kCreate);
  ASSERT_TRUE(second.ok()) << second.status().message();
  auto orphan = writer->Insert(Objection("after the delete"), kNow + 1);
  ASSERT_FALSE(orphan.ok());
  EXPECT_NE(std::string::npos, orphan.status().message().find("was deleted")) << orphan.status().message();
  EXPECT_FALSE(writer->Health().ok());
  EXPECT_TRUE(second.value()->Health().ok());
}

// A store made by the first Lantern (schema 1) is upgraded in place with its rows.
TEST(FeedbackStoreTest, SchemaOneIsUpgradedKeepingEveryRow) {
  testing::TempDir temp;
  const std::string path = temp.path() + "/v1.db";
  const std::string script = temp.path() + "/v1.py";
  testing::WriteFile(script, R"py(import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript("""
CREATE TABLE submissions (id INTEGER PRIMARY KEY, reference TEXT NOT NULL UNIQUE,
  token_nonce TEXT UNIQUE, received_at TEXT NOT NULL, record_id TEXT NOT NULL,
  record_updated TEXT NOT NULL, request_type TEXT NOT NULL, message TEXT NOT NULL,
  case_reference TEXT NOT NULL, name TEXT NOT NULL, email TEXT NOT NULL,
  reply_wanted INTEGER NOT NULL, status TEXT NOT NULL, flags TEXT NOT NULL,
  message_hash TEXT NOT NULL, retain_until TEXT NOT NULL) STRICT;
INSERT INTO submissions VALUES (1, 'K7MP3XWA', 'aa', '2026-11-01T10:00:00Z', 'bin-check',
  '2026-03-01', 'objection', 'Old objection', '', 'Ada', 'ada@example.org', 1, 'new', '',
  'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '2027-11-01T10:00:00Z');
PRAGMA application_id = 1280201798;
PRAGMA user_version = 1;
""")
c.commit()
)py");
  ASSERT_EQ(0, std::system(("python3 '" + script + "' '" + path + "'").c_str()));
  auto old_reader = FeedbackStore::Open(path, FeedbackStore::Mode::kReadOnly);
  ASSERT_FALSE(old_reader.ok());
  EXPECT_NE(std::string::npos, old_reader.status().message().find("upgrades it")) << old_reader.status().message();
  {
    auto store = OpenOrDie(path);
    ASSERT_NE(nullptr, store);
    Submission again = Objection("New after upgrade");
    again.token_nonce = "aa";  // the old row's token: a new, linked row
    auto r = store->Insert(again, kNow);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ("K7MP3XWA", r.value().follows_reference);
  }
  auto rows = FeedbackStore::Open(path, FeedbackStore::Mode::kReadOnly).value()->List("").value();
  ASSERT_EQ(2u, rows.size());
  EXPECT_EQ("Old objection", rows[0].message);
  EXPECT_EQ("K7MP3XWA", rows[0].reference);
  EXPECT_EQ("New after upgrade", rows[1].message);
}

// A store of schema 2 (before the outbox) gains the outbox with its rows kept;
// a reader of the old schema is told the server upgrades it.
TEST(FeedbackStoreTest, SchemaTwoGainsTheOutboxKeepingEveryRow) {
  testing::TempDir temp;
  const std::string path = temp.path() + "/v2.db";
  {
    auto store = OpenOrDie(path);
    ASSERT_NE(nullptr, store);
    ASSERT_TRUE(store->Insert(Objection("Before the outbox"), kNow).ok());
  }
  const std::string script = temp.path() + "/v2.py";
  testing::WriteFile(script, R"py(import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript("DROP TABLE outbox; ALTER TABLE submissions DROP COLUMN language; PRAGMA user_version = 2;")
c.commit()
)py");
  ASSERT_EQ(0, std::system(("python3 '" + script + "' '" + path + "'").c_str()));
  auto old_reader = FeedbackStore::Open(path, FeedbackStore::Mode::kReadOnly);
  ASSERT_FALSE(old_reader.ok());
  EXPECT_NE(std::string::npos, old_reader.status().message().find("upgrades it")) << old_reader.status().message();
  {
    auto store = OpenOrDie(path);
    ASSERT_NE(nullptr, store);
    Submission notified = Objection("After the outbox");
    notified.deliveries = {{"staff_email", "owner@example.gov.uk"}};
    ASSERT_TRUE(store->Insert(notified, kNow).ok());
    EXPECT_EQ(1u, store->Outbox("pending").value().size());
  }
  auto rows = FeedbackStore::Open(path, FeedbackStore::Mode::kReadOnly).value()->List("").value();
  ASSERT_EQ(2u, rows.size());
  EXPECT_EQ("Before the outbox", rows[0].message);
}

// A store of schema 3 (before the form's language) gains the column, its
// rows keep theirs empty, and new rows store the language they were sent in.
TEST(FeedbackStoreTest, SchemaThreeGainsTheLanguageKeepingEveryRow) {
  testing::TempDir temp;
  const std::string path = temp.path() + "/v3.db";
  {
    auto store = OpenOrDie(path);
    ASSERT_NE(nullptr, store);
    ASSERT_TRUE(store->Insert(Objection("Before languages"), kNow).ok());
  }
  const std::string script = temp.path() + "/v3.py";
  testing::WriteFile(script, R"py(import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript("ALTER TABLE submissions DROP COLUMN language; PRAGMA user_version = 3;")
c.commit()
)py");
  ASSERT_EQ(0, std::system(("python3 '" + script + "' '" + path + "'").c_str()));
  auto old_reader = FeedbackStore::Open(path, FeedbackStore::Mode::kReadOnly);
  ASSERT_FALSE(old_reader.ok());
  EXPECT_NE(std::string::npos, old_reader.status().message().find("upgrades it")) << old_reader.status().message();
  {
    auto store = OpenOrDie(path);
    ASSERT_NE(nullptr, store);
    Submission welsh = Objection("Yn Gymraeg");
    welsh.language = "cy";
    ASSERT_TRUE(store->Insert(welsh, kNow).ok());
  }
  auto rows = FeedbackStore::Open(path, FeedbackStore::Mode::kReadOnly).value()->List("").value();
  ASSERT_EQ(2u, rows.size());
  EXPECT_EQ("Before languages", rows[0].message);
  EXPECT_EQ("", rows[0].language);
  EXPECT_EQ("cy", rows[1].language);
}

TEST(FeedbackStoreTest, PurgeExpiredFollowsRetainUntil) {
  FeedbackStore::Options options;
  options.retention_days = 100;
  options.spam_retention_days = 10;
  auto store = std::move(FeedbackStore::Open(":memory:", FeedbackStore::Mode::kCreate, options).value());
  Submission spam = Objection("spam");
  spam.flags = {"honeypot"};
  ASSERT_TRUE(store->Insert(spam, kNow).ok());
  ASSERT_TRUE(store->Insert(Objection("kept"), kNow).ok());
  EXPECT_EQ(0, store->PurgeExpired(kNow + 9 * 86400).value());
  EXPECT_EQ(1, store->PurgeExpired(kNow + 11 * 86400).value());
  auto rows = store->List("").value();
  ASSERT_EQ(1u, rows.size());
  EXPECT_EQ("kept", rows[0].message);
  EXPECT_EQ(1, store->PurgeExpired(kNow + 101 * 86400).value());
}

}  // namespace
}  // namespace lantern

namespace lantern {
namespace {

// Casework: each change of status is kept with its time and note; the first
// "answered" is recorded; an extension once, with a reason, only for open
// objections and reviews; history goes with the row when it is purged.
TEST(FeedbackCaseworkTest, StatusHistoryAnsweredTimeAndExtensions) {
  auto store = std::move(FeedbackStore::Open(":memory:", FeedbackStore::Mode::kCreate).value());
  Submission objection = Objection();
  objection.due_on = "2026-12-18";
  const std::string reference = store->Insert(objection, kNow).value().reference;
  EXPECT_EQ("2026-12-18", store->Find(reference).value().DueOn());
  ASSERT_TRUE(store->SetStatus(reference, "acknowledged", "", kNow + 60).ok());
  ASSERT_TRUE(store->SetStatus(reference, "in_progress", "asked the parking team", kNow + 120).ok());
  EXPECT_FALSE(store->Extend(reference, "2027-02-18", "", kNow + 150).ok());  // a reason is required
  ASSERT_TRUE(store->Extend(reference, "2027-02-18", "needs the supplier's records", kNow + 180).ok());
  EXPECT_FALSE(store->Extend(reference, "2027-04-18", "again", kNow + 190).ok());  // once only
  ASSERT_TRUE(store->SetStatus(reference, "answered", "letter sent", kNow + 240).ok());
  ASSERT_TRUE(store->SetStatus(reference, "closed", "", kNow + 300).ok());
  EXPECT_FALSE(store->SetStatus(reference, "done", "", kNow + 400).ok());
  EXPECT_FALSE(store->SetStatus("ABCDEFGH", "closed", "", kNow + 400).ok());
  const StoredSubmission row = store->Find(reference).value();
  EXPECT_EQ("closed", row.status);
  EXPECT_EQ("2027-02-18", row.DueOn());
  EXPECT_EQ("needs the supplier's records", row.extension_reason);
  EXPECT_EQ(FormatUtcTime(kNow + 240), row.answered_at);
  const auto history = store->History(reference).value();
  ASSERT_EQ(5u, history.size());
  EXPECT_EQ("new", history[0].from_status);
  EXPECT_EQ("acknowledged", history[0].to_status);
  EXPECT_EQ("asked the parking team", history[1].note);
  EXPECT_EQ("extended to 2027-02-18: needs the supplier's records", history[2].note);
  EXPECT_EQ(FormatUtcTime(kNow + 240), history[3].changed_at);
  // Questions cannot be extended under Art. 12(3).
  Submission question = Objection("A question");
  question.request_type = "question";
  const std::string asked = store->Insert(question, kNow).value().reference;
  EXPECT_FALSE(store->Extend(asked, "2027-02-18", "busy", kNow).ok());
  // Purging a row takes its history with it.
  EXPECT_EQ(2, store->PurgeOlderThan(0, kNow + 86400).value());
  EXPECT_FALSE(store->History(reference).ok() && !store->History(reference).value().empty());
}

}  // namespace
}  // namespace lantern
