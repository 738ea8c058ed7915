// The FeedbackStore contract (store.h), run against both stores: SQLite in a
// temporary file and PostgreSQL in a fresh database on the test process's
// throwaway server. Then what only PostgreSQL promises: several servers on
// one database, and clear errors for broken --db URIs.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "feedback/postgres_store.h"
#include "feedback/reference.h"
#include "feedback/store.h"
#include "testing/pg_server.h"
#include "testing/sample_submission.h"
#include "testing/test_support.h"

namespace lantern {
namespace {

constexpr int64_t kNow = testing::kStoreNow;
using testing::SampleObjection;

Submission Objection(const std::string& message = "Please stop using my data in this tool.") {
  return SampleObjection(message);
}

class StoreContractTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    location_ = GetParam() == "sqlite" ? temp_.path() + "/feedback.db" : testing::PgServer::Shared().NewDatabase();
  }
  std::unique_ptr<FeedbackStore> Open(FeedbackStore::Mode mode = FeedbackStore::Mode::kCreate,
                                      FeedbackStore::Options options = {}) {
    auto store = FeedbackStore::Open(location_, mode, options);
    EXPECT_TRUE(store.ok()) << store.status().message();
    return store.ok() ? std::move(store.value()) : nullptr;
  }
  testing::TempDir temp_;
  std::string location_;
};

TEST_P(StoreContractTest, InsertListFindExists) {
  auto store = Open();
  ASSERT_TRUE(store);
  EXPECT_TRUE(store->Health().ok());
  Submission s = Objection();
  s.due_on = "2026-12-18";
  s.notes = {"bidi_controls"};
  s.language = "cy";
  auto first = store->Insert(s, kNow);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_TRUE(IsReference(first.value().reference));
  EXPECT_EQ("new", first.value().status);
  EXPECT_FALSE(first.value().duplicate);
  EXPECT_TRUE(store->Exists(first.value().reference).value());
  EXPECT_FALSE(store->Exists("ABCDEFGH").value());
  auto rows = store->List("").value();
  ASSERT_EQ(1u, rows.size());
  const StoredSubmission& row = rows[0];
  EXPECT_EQ(first.value().reference, row.reference);
  EXPECT_EQ(FormatUtcTime(kNow), row.received_at);
  EXPECT_EQ("parking-permits", row.record_id);
  EXPECT_EQ("2026-03-01", row.record_updated);
  EXPECT_EQ("objection", row.request_type);
  EXPECT_EQ("Ada Resident", row.name);
  EXPECT_EQ("ada@example.org", row.email);
  EXPECT_TRUE(row.reply_wanted);
  EXPECT_EQ("bidi_controls", row.notes);
  EXPECT_EQ("2026-12-18", row.due_on);
  EXPECT_EQ("cy", row.language);
  EXPECT_EQ(FormatUtcTime(kNow + 365LL * 86400), row.retain_until);
  EXPECT_EQ(row.message, store->Find(row.reference).value().message);
  EXPECT_FALSE(store->Find("ABCDEFGH").ok());
  EXPECT_EQ("ok", store->IntegrityCheck().value());
  // A second, read-only opening (a staff command) sees the row.
  auto reader = Open(FeedbackStore::Mode::kReadOnly);
  ASSERT_TRUE(reader);
  EXPECT_EQ(1u, reader->List("").value().size());
}

TEST_P(StoreContractTest, StaffModesRefuseAStoreThatDoesNotExist) {
  for (auto mode : {FeedbackStore::Mode::kReadOnly, FeedbackStore::Mode::kReadWrite}) {
    auto store = FeedbackStore::Open(location_, mode);
    ASSERT_FALSE(store.ok());
    EXPECT_TRUE(store.status().is_not_found()) << store.status().message();
    EXPECT_NE(std::string::npos, store.status().message().find("lantern serve creates")) << store.status().message();
  }
}

TEST_P(StoreContractTest, SameTokenTwiceGivesTheFirstReferenceAndOneRow) {
  auto store = Open();
  Submission s = Objection();
  s.token_nonce = "00112233445566778899aabbccddeeff";
  auto a = store->Insert(s, kNow);
  auto b = store->Insert(s, kNow + 5);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a.value().reference, b.value().reference);
  EXPECT_TRUE(b.value().duplicate);
  EXPECT_EQ(1u, store->List("").value().size());
}

TEST_P(StoreContractTest, SameTokenWithOtherAnswersIsANewRowLinkedToTheFirst) {
  auto store = Open();
  Submission s = Objection();
  s.token_nonce = "00112233445566778899aabbccddeeff";
  auto a = store->Insert(s, kNow);
  s.message = "Changed my mind, different text";
  auto b = store->Insert(s, kNow + 5);
  Submission renamed = Objection();
  renamed.token_nonce = s.token_nonce;
  renamed.name = "A. Resident";
  auto c = store->Insert(renamed, kNow + 9);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_NE(a.value().reference, b.value().reference);
  EXPECT_FALSE(b.value().duplicate);
  EXPECT_EQ(a.value().reference, b.value().follows_reference);
  EXPECT_EQ(a.value().reference, c.value().follows_reference);
  EXPECT_EQ("new", c.value().status);
  auto rows = store->List("").value();
  ASSERT_EQ(3u, rows.size());
  EXPECT_EQ(a.value().reference, rows[1].follows_reference);
  EXPECT_EQ("token_reused", rows[1].notes);
  EXPECT_EQ("", rows[0].follows_reference);
}

TEST_P(StoreContractTest, FlagsAndRepeatedMessagesAreKeptAsSuspectedSpam) {
  auto store = Open();
  Submission s = Objection("Buy cheap things");
  s.flags = {"honeypot"};
  EXPECT_EQ("suspected_spam", store->Insert(s, kNow).value().status);
  EXPECT_EQ("suspected_spam", store->Insert(Objection("Buy cheap things"), kNow + 3600).value().status);
  EXPECT_EQ("new", store->Insert(Objection("Buy cheap things"), kNow + 3 * 86400).value().status);
  Submission held = Objection("Over the ceiling");
  held.over_global_limit = true;
  EXPECT_EQ("rate_limited", store->Insert(held, kNow).value().status);
  auto rows = store->List("").value();
  ASSERT_EQ(4u, rows.size());
  EXPECT_EQ("honeypot", rows[0].flags);
  EXPECT_EQ(FormatUtcTime(kNow + 30LL * 86400), rows[0].retain_until);
  EXPECT_EQ("repeated_message", rows[2].flags);  // List is by time: the rate-limited row came at kNow
  EXPECT_TRUE(store->SetStatus(rows[2].reference, "not_spam", "", kNow).ok());
  EXPECT_EQ("not_spam", store->Find(rows[2].reference).value().status);
  EXPECT_FALSE(store->SetStatus("ABCDEFGH", "closed", "", kNow).ok());
  EXPECT_FALSE(store->SetStatus(rows[0].reference, "bogus", "", kNow).ok());
}

TEST_P(StoreContractTest, CheckConstraintsRejectWhatTheFormWouldNot) {
  auto store = Open();
  EXPECT_FALSE(store->Insert(Objection(std::string(5001, 'x')), kNow).ok());
  EXPECT_TRUE(store->Insert(Objection(std::string(5000, 'x')), kNow).ok());
  std::string accents;
  for (int i = 0; i < 5000; ++i) accents += "\xc3\xa9";
  EXPECT_TRUE(store->Insert(Objection(accents), kNow).ok());  // characters, not bytes
  Submission bad_type = Objection();
  bad_type.request_type = "complaint";
  EXPECT_FALSE(store->Insert(bad_type, kNow).ok());
  EXPECT_FALSE(store->Insert(Objection(""), kNow).ok());
  Submission long_name = Objection();
  long_name.name = std::string(201, 'n');
  EXPECT_FALSE(store->Insert(long_name, kNow).ok());
  const std::string hostile = "x'); DROP TABLE submissions; -- $1 \\ \"";
  ASSERT_TRUE(store->Insert(Objection(hostile), kNow).ok());
  auto rows = store->List("").value();
  ASSERT_EQ(3u, rows.size());
  EXPECT_EQ(hostile, rows[2].message);
}

TEST_P(StoreContractTest, ListSincePurgeAndRetention) {
  FeedbackStore::Options options;
  options.retention_days = 100;
  options.spam_retention_days = 10;
  auto store = Open(FeedbackStore::Mode::kCreate, options);
  ASSERT_TRUE(store->Insert(Objection("old"), kNow - 100 * 86400).ok());
  ASSERT_TRUE(store->Insert(Objection("new"), kNow).ok());
  EXPECT_EQ(1u, store->List(FormatUtcTime(kNow).substr(0, 10)).value().size());
  EXPECT_EQ(2u, store->List("2000-01-01").value().size());
  EXPECT_EQ(1, store->PurgeOlderThan(30, kNow).value());
  ASSERT_EQ(1u, store->List("").value().size());
  Submission spam = Objection("spam");
  spam.flags = {"honeypot"};
  ASSERT_TRUE(store->Insert(spam, kNow).ok());
  EXPECT_EQ(0, store->PurgeExpired(kNow + 9 * 86400).value());
  EXPECT_EQ(1, store->PurgeExpired(kNow + 11 * 86400).value());
  EXPECT_EQ("new", store->List("").value()[0].message);
  EXPECT_EQ(1, store->PurgeExpired(kNow + 101 * 86400).value());
  EXPECT_TRUE(store->List("").value().empty());
}

TEST_P(StoreContractTest, CaseworkHistoryExtensionsAndStats) {
  auto store = Open();
  Submission objection = Objection();
  objection.due_on = "2026-12-18";
  const std::string reference = store->Insert(objection, kNow).value().reference;
  ASSERT_TRUE(store->SetStatus(reference, "acknowledged", "", kNow + 60).ok());
  ASSERT_TRUE(store->SetStatus(reference, "in_progress", "asked the parking team", kNow + 120).ok());
  EXPECT_FALSE(store->Extend(reference, "2027-02-18", "", kNow + 150).ok());
  ASSERT_TRUE(store->Extend(reference, "2027-02-18", "needs the supplier's records", kNow + 180).ok());
  EXPECT_FALSE(store->Extend(reference, "2027-04-18", "again", kNow + 190).ok());
  ASSERT_TRUE(store->SetStatus(reference, "answered", "letter sent", kNow + 240).ok());
  ASSERT_TRUE(store->SetStatus(reference, "closed", "", kNow + 300).ok());
  ASSERT_TRUE(store->SetStatus(reference, "answered", "again", kNow + 400).ok());
  const StoredSubmission row = store->Find(reference).value();
  EXPECT_EQ("2027-02-18", row.DueOn());
  EXPECT_EQ("needs the supplier's records", row.extension_reason);
  EXPECT_EQ(FormatUtcTime(kNow + 240), row.answered_at);  // the first answer
  const auto history = store->History(reference).value();
  ASSERT_EQ(6u, history.size());
  EXPECT_EQ("new", history[0].from_status);
  EXPECT_EQ("acknowledged", history[0].to_status);
  EXPECT_EQ("extended to 2027-02-18: needs the supplier's records", history[2].note);
  EXPECT_EQ(FormatUtcTime(kNow + 240), history[3].changed_at);
  Submission question = Objection("A question");
  question.request_type = "question";
  const std::string asked = store->Insert(question, kNow + 10).value().reference;
  EXPECT_FALSE(store->Extend(asked, "2027-02-18", "busy", kNow).ok());
  Submission closed = Objection("Closed one");
  const std::string done = store->Insert(closed, kNow + 20).value().reference;
  ASSERT_TRUE(store->SetStatus(done, "closed", "", kNow + 30).ok());
  EXPECT_FALSE(store->Extend(done, "2027-02-18", "late", kNow + 40).ok());
  const StoreStats stats = store->Stats().value();
  EXPECT_EQ(3, stats.total);
  ASSERT_EQ(3u, stats.rows.size());
  EXPECT_EQ("objection", stats.rows[0].request_type);
  EXPECT_EQ("answered", stats.rows[0].status);
  EXPECT_EQ("closed", stats.rows[1].status);
  EXPECT_EQ("question", stats.rows[2].request_type);
  EXPECT_EQ(FormatUtcTime(kNow), stats.oldest);
  EXPECT_EQ(FormatUtcTime(kNow + 20), stats.newest);
  EXPECT_EQ(3, store->PurgeOlderThan(0, kNow + 86400).value());
  EXPECT_TRUE(store->History(reference).value().empty());
  EXPECT_EQ(0, store->Stats().value().total);
  EXPECT_EQ("", store->Stats().value().oldest);
}

TEST_P(StoreContractTest, ConcurrentWritersLoseNothing) {
  auto store = Open();
  std::vector<std::thread> threads;
  std::vector<std::vector<std::string>> references(8);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 15; ++i) {
        auto r = store->Insert(Objection("thread " + std::to_string(t) + " message " + std::to_string(i)), kNow);
        if (r.ok()) references[t].push_back(r.value().reference);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  std::set<std::string> stored;
  const auto rows = store->List("").value();
  for (const auto& row : rows) stored.insert(row.reference);
  EXPECT_EQ(120u, stored.size());
  for (const auto& list : references) {
    EXPECT_EQ(15u, list.size());
    for (const auto& reference : list) EXPECT_TRUE(stored.count(reference));
  }
}

// The outbox: written with the submission, none for held spam, receipts
// limited per address, leased claims, marks, retries, one digest a day,
// purged with the submission.
TEST_P(StoreContractTest, OutboxIsWrittenWithTheSubmission) {
  auto store = Open();
  Submission s = Objection();
  s.deliveries = {{"staff_email", "team@council.example,dpo@council.example"}, {"receipt", "ada@example.org"},
                  {"webhook", "https://hooks.example/x"}};
  const std::string reference = store->Insert(s, kNow).value().reference;
  auto pending = store->Outbox("pending").value();
  ASSERT_EQ(3u, pending.size());
  for (const Delivery& d : pending) {
    EXPECT_EQ(reference, d.key);
    EXPECT_EQ(0, d.attempts);
    EXPECT_EQ(FormatUtcTime(kNow), d.created_at);
    EXPECT_EQ(FormatUtcTime(kNow), d.next_attempt_at);
  }
  EXPECT_EQ("staff_email", pending[0].channel);
  EXPECT_EQ("receipt", pending[1].channel);
  Submission spam = Objection("spam with links");
  spam.flags = {"many_links"};
  spam.deliveries = s.deliveries;
  ASSERT_EQ("suspected_spam", store->Insert(spam, kNow).value().status);
  EXPECT_EQ(3u, store->Outbox("").value().size());  // held spam notifies no one
  Submission bad = Objection("bad channel");
  bad.deliveries = {{"pigeon", "roof"}};
  EXPECT_FALSE(store->Insert(bad, kNow).ok());
  EXPECT_EQ(2u, store->List("").value().size());  // nothing of it was stored
  // Purging a submission takes its outbox rows with it.
  EXPECT_EQ(2, store->PurgeOlderThan(0, kNow + 1).value());
  EXPECT_TRUE(store->Outbox("").value().empty());
}

TEST_P(StoreContractTest, AFourthReceiptToOneAddressInADayIsSkipped) {
  auto store = Open();
  for (int i = 0; i < 4; ++i) {
    Submission s = Objection("message " + std::to_string(i));
    s.deliveries = {{"receipt", "ada@example.org"}, {"staff_email", "team@council.example"}};
    ASSERT_TRUE(store->Insert(s, kNow + i * 60).ok());
  }
  int receipts = 0;
  const auto outbox = store->Outbox("").value();
  for (const Delivery& d : outbox) receipts += d.channel == "receipt";
  EXPECT_EQ(3, receipts);
  EXPECT_EQ(8u - 1u, store->Outbox("").value().size());  // the staff e-mail still goes
  const auto rows = store->List("").value();
  EXPECT_EQ("", rows[2].notes);
  EXPECT_EQ("receipt_limited", rows[3].notes);
  // A day later the address may have a receipt again.
  Submission later = Objection("next day");
  later.deliveries = {{"receipt", "ada@example.org"}};
  ASSERT_TRUE(store->Insert(later, kNow + 86400 + 60).ok());
  EXPECT_EQ("", store->List("").value()[4].notes);
}

TEST_P(StoreContractTest, ClaimsAreLeasedMarkedAndRetried) {
  auto store = Open();
  Submission s = Objection();
  s.deliveries = {{"staff_email", "team@council.example"}, {"webhook", "https://hooks.example/x"}};
  ASSERT_TRUE(store->Insert(s, kNow).ok());
  EXPECT_TRUE(store->ClaimDeliveries(kNow - 1, 60, 10).value().empty());  // not due yet
  auto claimed = store->ClaimDeliveries(kNow, 60, 10).value();
  ASSERT_EQ(2u, claimed.size());
  EXPECT_LT(claimed[0].id, claimed[1].id);  // oldest first
  EXPECT_TRUE(store->ClaimDeliveries(kNow + 30, 60, 10).value().empty());  // leased
  EXPECT_EQ(2u, store->ClaimDeliveries(kNow + 61, 60, 10).value().size());  // the lease ran out
  ASSERT_TRUE(store->MarkDelivered(claimed[0].id, kNow + 70).ok());
  EXPECT_FALSE(store->MarkDelivered(claimed[0].id, kNow + 71).ok());  // not pending any more
  ASSERT_TRUE(store->MarkDeliveryFailed(claimed[1].id, "503 from the hook", kNow + 300, kNow + 70).ok());
  EXPECT_TRUE(store->ClaimDeliveries(kNow + 200, 60, 10).value().empty());  // retry not due
  auto again = store->ClaimDeliveries(kNow + 300, 60, 10).value();
  ASSERT_EQ(1u, again.size());
  EXPECT_EQ(1, again[0].attempts);
  EXPECT_EQ("503 from the hook", again[0].last_error);
  ASSERT_TRUE(store->MarkDeliveryFailed(claimed[1].id, std::string(1500, 'e'), 0, kNow + 310).ok());  // give up
  auto failed = store->Outbox("failed").value();
  ASSERT_EQ(1u, failed.size());
  EXPECT_EQ(2, failed[0].attempts);
  EXPECT_EQ(1000u, failed[0].last_error.size());
  const auto sent = store->Outbox("sent").value();
  ASSERT_EQ(1u, sent.size());
  EXPECT_EQ(FormatUtcTime(kNow + 70), sent[0].sent_at);
  EXPECT_TRUE(store->ClaimDeliveries(kNow + 1000, 60, 10).value().empty());
  EXPECT_FALSE(store->RetryDelivery(sent[0].id, kNow + 1000).ok());  // only failed rows
  EXPECT_FALSE(store->RetryDelivery(999999, kNow + 1000).ok());
  ASSERT_TRUE(store->RetryDelivery(failed[0].id, kNow + 1000).ok());
  auto retried = store->ClaimDeliveries(kNow + 1000, 60, 10).value();
  ASSERT_EQ(1u, retried.size());
  EXPECT_EQ(2, retried[0].attempts);  // attempts kept
}

TEST_P(StoreContractTest, OneDigestADay) {
  auto store = Open();
  EXPECT_TRUE(store->EnqueueDigest("2026-11-18", "team@council.example", kNow).value());
  EXPECT_FALSE(store->EnqueueDigest("2026-11-18", "team@council.example", kNow + 60).value());
  EXPECT_TRUE(store->EnqueueDigest("2026-11-19", "team@council.example", kNow + 86400).value());
  auto rows = store->Outbox("").value();
  ASSERT_EQ(2u, rows.size());
  EXPECT_EQ("digest", rows[0].channel);
  EXPECT_EQ("2026-11-18", rows[0].key);
  // Digests go after a month with the daily purge.
  EXPECT_EQ(0, store->PurgeExpired(kNow + 32 * 86400).value());
  EXPECT_EQ(1u, store->Outbox("").value().size());
}

INSTANTIATE_TEST_SUITE_P(BothStores, StoreContractTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

// PostgreSQL only.

FeedbackStore::Options Quick() {
  FeedbackStore::Options options;
  options.write_wait_ms = 2000;
  return options;
}

std::unique_ptr<FeedbackStore> OpenOrDie(const std::string& uri, FeedbackStore::Mode mode = FeedbackStore::Mode::kCreate) {
  auto store = FeedbackStore::Open(uri, mode, Quick());
  EXPECT_TRUE(store.ok()) << store.status().message();
  return store.ok() ? std::move(store.value()) : nullptr;
}

// Two "servers" on one database, 8 threads sending 40 form tokens twice each
// (a double click reaching two servers): each token's answers are stored
// once, and every caller of one token was given the same reference.
TEST(PostgresStoreTest, TwoServersStoreEachTokenOnceAndAgreeOnItsReference) {
  const std::string uri = testing::PgServer::Shared().NewDatabase();
  auto first = OpenOrDie(uri), second = OpenOrDie(uri);
  ASSERT_TRUE(first && second);
  constexpr int kTokens = 40;
  std::mutex mutex;
  std::map<int, std::set<std::string>> given;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      // Threads t and t+4 share tokens and go through different servers.
      FeedbackStore* store = t < 4 ? first.get() : second.get();
      for (int i = 0; i < kTokens; ++i) {
        const int token = (t % 4) * kTokens + i;
        Submission s = Objection("token " + std::to_string(token));
        s.token_nonce = "feed" + std::to_string(token);
        auto r = store->Insert(s, kNow);
        if (!r.ok()) {
          ++failures;
          continue;
        }
        std::lock_guard<std::mutex> lock(mutex);
        given[token].insert(r.value().reference);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(0, failures.load());
  const auto rows = first->List("").value();
  EXPECT_EQ(4u * kTokens, rows.size());
  std::map<std::string, int> by_message;
  for (const auto& row : rows) by_message[row.message]++;
  for (const auto& [message, count] : by_message) EXPECT_EQ(1, count) << message;
  ASSERT_EQ(4u * kTokens, given.size());
  for (const auto& [token, references] : given) {
    ASSERT_EQ(1u, references.size()) << "token " << token;
    EXPECT_TRUE(first->Exists(*references.begin()).value());
  }
}

// Two servers' delivery workers claiming at once never get the same row.
TEST(PostgresStoreTest, TwoServersNeverClaimTheSameDelivery) {
  const std::string uri = testing::PgServer::Shared().NewDatabase();
  auto first = OpenOrDie(uri), second = OpenOrDie(uri);
  ASSERT_TRUE(first && second);
  for (int i = 0; i < 60; ++i) {
    Submission s = Objection("message " + std::to_string(i));
    s.deliveries = {{"staff_email", "team@council.example"}, {"webhook", "https://hooks.example/x"}};
    ASSERT_TRUE(first->Insert(s, kNow).ok());
  }
  std::mutex mutex;
  std::multiset<long long> claimed;
  std::vector<std::thread> workers;
  for (int w = 0; w < 6; ++w) {
    workers.emplace_back([&, w] {
      FeedbackStore* store = w % 2 ? second.get() : first.get();
      for (;;) {
        auto batch = store->ClaimDeliveries(kNow, 300, 3);
        ASSERT_TRUE(batch.ok()) << batch.status().message();
        if (batch.value().empty()) return;
        std::lock_guard<std::mutex> lock(mutex);
        for (const Delivery& d : batch.value()) claimed.insert(d.id);
      }
    });
  }
  for (auto& worker : workers) worker.join();
  EXPECT_EQ(120u, claimed.size());
  EXPECT_EQ(120u, std::set<long long>(claimed.begin(), claimed.end()).size());
  // A third server opening does not release live servers' leases.
  auto third = OpenOrDie(uri);
  EXPECT_TRUE(third->ClaimDeliveries(kNow + 1, 300, 10).value().empty());
}

TEST(PostgresStoreTest, DescribeAndMessagesNeverShowThePassword) {
  EXPECT_EQ("postgresql://lantern@db.example:5432/feedback",
            PostgresFeedbackStore::Redact("postgresql://lantern:s3cret-pw@db.example:5432/feedback"));
  EXPECT_EQ("postgres://lantern@db.example/feedback?sslmode=require",
            PostgresFeedbackStore::Redact("postgres://lantern@db.example/feedback?password=s3cret-pw&sslmode=require"));
  EXPECT_EQ("postgresql:///feedback", PostgresFeedbackStore::Redact("postgresql:///feedback?password=s3cret-pw"));
  const auto& server = testing::PgServer::Shared();
  const std::string uri = testing::PgServer::Shared().NewDatabase();
  const std::string with_password = "postgresql://postgres:s3cret-pw@127.0.0.1:" + std::to_string(server.port()) +
                                    "/" + testing::PgServer::DatabaseOf(uri);
  auto store = OpenOrDie(with_password);  // trust authentication ignores the password
  ASSERT_TRUE(store);
  EXPECT_EQ(std::string::npos, store->Describe().find("s3cret"));
  EXPECT_NE(std::string::npos, store->Describe().find(testing::PgServer::DatabaseOf(uri)));
}

// Each broken --db gives a Status that says what is wrong, never the password.
TEST(PostgresStoreTest, BrokenDatabasesGiveClearErrors) {
  auto& server = testing::PgServer::Shared();
  auto expect_error = [](const std::string& uri, FeedbackStore::Mode mode, const std::string& words) {
    auto store = FeedbackStore::Open(uri, mode, Quick());
    ASSERT_FALSE(store.ok()) << uri;
    const std::string& message = store.status().message();
    EXPECT_NE(std::string::npos, message.find(words)) << message;
    EXPECT_EQ(std::string::npos, message.find("s3cret")) << message;
  };
  expect_error("postgresql://u:s3cret@127.0.0.1/db%zz", FeedbackStore::Mode::kCreate, "cannot read the --db URI");
  expect_error("postgresql://u:s3cret@127.0.0.1/db?nosuchoption=1", FeedbackStore::Mode::kCreate,
               "cannot read the --db URI");
  // Nothing listens on port 1 (privileged, never ours).
  expect_error("postgresql://postgres:s3cret@127.0.0.1:1/db", FeedbackStore::Mode::kCreate, "cannot connect");
  expect_error("postgresql://postgres:s3cret@127.0.0.1:" + std::to_string(server.port()) + "/no_such_database",
               FeedbackStore::Mode::kCreate, "no_such_database");
  // Another program's tables.
  const std::string foreign = server.NewDatabase();
  server.Psql(testing::PgServer::DatabaseOf(foreign), "CREATE TABLE users (id integer)");
  expect_error(foreign, FeedbackStore::Mode::kCreate, "another program's tables");
  expect_error(foreign, FeedbackStore::Mode::kReadOnly, "another program's tables");
  // A schema from a newer Lantern.
  const std::string newer = server.NewDatabase();
  ASSERT_TRUE(OpenOrDie(newer));
  server.Psql(testing::PgServer::DatabaseOf(newer), "UPDATE lantern_meta SET schema_version = 99");
  expect_error(newer, FeedbackStore::Mode::kCreate, "schema version 99");
  expect_error(newer, FeedbackStore::Mode::kReadOnly, "schema version 99");
}

// Schema 1 (before the form's language): staff commands are told the server
// upgrades it; the server adds the column once, rows keep an empty language.
TEST(PostgresStoreTest, SchemaOneGainsTheLanguageKeepingEveryRow) {
  auto& server = testing::PgServer::Shared();
  const std::string old = server.NewDatabase();
  {
    auto store = OpenOrDie(old);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->Insert(Objection("Before languages"), kNow).ok());
  }
  server.Psql(testing::PgServer::DatabaseOf(old),
              "ALTER TABLE submissions DROP COLUMN language; UPDATE lantern_meta SET schema_version = 1");
  auto reader = FeedbackStore::Open(old, FeedbackStore::Mode::kReadOnly, Quick());
  ASSERT_FALSE(reader.ok());
  EXPECT_NE(std::string::npos, reader.status().message().find("upgrades it")) << reader.status().message();
  {
    auto store = OpenOrDie(old);
    ASSERT_TRUE(store);
    Submission welsh = Objection("Yn Gymraeg");
    welsh.language = "cy";
    ASSERT_TRUE(store->Insert(welsh, kNow).ok());
  }
  auto rows = FeedbackStore::Open(old, FeedbackStore::Mode::kReadOnly, Quick()).value()->List("").value();
  ASSERT_EQ(2u, rows.size());
  EXPECT_EQ("", rows[0].language);
  EXPECT_EQ("cy", rows[1].language);
}

// The database server dropped every connection (a restart, a failover):
// a request in flight fails, with nothing acknowledged, and the pool
// reconnects for the next one.
TEST(PostgresStoreTest, ABrokenConnectionIsReconnected) {
  auto& server = testing::PgServer::Shared();
  const std::string uri = server.NewDatabase();
  auto store = OpenOrDie(uri);
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->Insert(Objection("before"), kNow).ok());
  server.Psql(testing::PgServer::DatabaseOf(uri),
              "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lantern'");
  int failed = 0;
  std::set<std::string> acknowledged;
  for (int i = 0; i < 3; ++i) {
    auto r = store->Insert(Objection("after " + std::to_string(i)), kNow);
    if (r.ok()) {
      acknowledged.insert(r.value().reference);
    } else {
      ++failed;
    }
  }
  EXPECT_LE(failed, 1);  // only the request that found the connection broken
  auto rows = store->List("");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  for (const auto& reference : acknowledged) EXPECT_TRUE(store->Exists(reference).value());
  EXPECT_EQ(1u + acknowledged.size(), rows.value().size());
}

TEST(PostgresStoreTest, ReadOnlySessionsCannotWriteAndTextPostgresCannotHoldIsRefused) {
  const std::string uri = testing::PgServer::Shared().NewDatabase();
  auto writer = OpenOrDie(uri);
  ASSERT_TRUE(writer);
  auto reader = OpenOrDie(uri, FeedbackStore::Mode::kReadOnly);
  ASSERT_TRUE(reader);
  auto refused = reader->Insert(Objection(), kNow);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(std::string::npos, refused.status().message().find("read-only")) << refused.status().message();
  auto nul = writer->Insert(Objection(std::string("a\0b", 3)), kNow);
  ASSERT_FALSE(nul.ok());
  EXPECT_NE(std::string::npos, nul.status().message().find("NUL")) << nul.status().message();
  EXPECT_TRUE(writer->List("").value().empty());
  // Two servers starting at once both migrate safely (the advisory lock).
  const std::string fresh = testing::PgServer::Shared().NewDatabase();
  std::vector<std::thread> starting;
  std::atomic<int> opened{0};
  for (int i = 0; i < 4; ++i) {
    starting.emplace_back([&] {
      if (FeedbackStore::Open(fresh, FeedbackStore::Mode::kCreate, Quick()).ok()) ++opened;
    });
  }
  for (auto& thread : starting) thread.join();
  EXPECT_EQ(4, opened.load());
}

}  // namespace
}  // namespace lantern
