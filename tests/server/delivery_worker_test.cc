// The delivery worker on a clock the test moves, against a real SMTP server
// (aiosmtpd): retries with backoff, giving up into "failed" (and staff's
// retry), the daily digest once a day, and rows it cannot send without --smtp.
#include <gtest/gtest.h>

#include <string_view>

#include "base/utf8.h"
#include "server/delivery_worker.h"
#include "server/server_fixture.h"
#include "testing/smtp_sink.h"

namespace lantern {
namespace {

constexpr int64_t kMorning = 1794960000 + 8 * 3600;  // 2026-11-18, 08:00 UTC

Submission Objection(const std::string& message, const std::string& due_on) {
  Submission s;
  s.record_id = "bin-check";
  s.request_type = "objection";
  s.message = message;
  s.email = "resident@example.org";
  s.reply_wanted = true;
  s.due_on = due_on;
  s.deliveries = {{"staff_email", "owner@example.gov.uk"}};
  return s;
}

struct WorkerRig {
  testing::TestServerApp server;
  int64_t now = kMorning;
  std::unique_ptr<DeliveryWorker> worker;

  std::vector<std::string> log;

  WorkerRig(const std::string& smtp_url, std::vector<std::string> digest_to = {},
            const std::string& golden_site = "basic")
      : server("http://127.0.0.1:8080", RateLimiter::Limits(), "", false, ":memory:", FeedbackStore::Options(),
               golden_site) {
    // The golden site, with the digest's addresses set.
    auto snapshot = std::make_shared<SiteSnapshot>();
    snapshot->site = server.app->site()->site;
    snapshot->theme = server.app->site()->theme;
    snapshot->editions = server.app->site()->editions;
    snapshot->site.config.notify.email = std::move(digest_to);
    DeliveryWorkerConfig config;
    config.email = !smtp_url.empty();
    config.smtp.url = smtp_url;
    config.smtp.timeout_ms = 60000;
    config.log = [this](const std::string& line) { log.push_back(line); };  // RunOnce runs on the test's thread
    worker = std::make_unique<DeliveryWorker>(server.store.get(), config, [snapshot] { return snapshot; },
                                              [this] { return now; });
  }
  Delivery Only(const std::string& status = "") {
    auto rows = server.store->Outbox(status).value();
    EXPECT_EQ(1u, rows.size());
    return rows.empty() ? Delivery() : rows[0];
  }
};

TEST(DeliveryWorkerTest, RetryDelaysDoubleFromThirtySecondsToHourly) {
  EXPECT_EQ(30, RetryDelaySeconds(1));
  EXPECT_EQ(60, RetryDelaySeconds(2));
  EXPECT_EQ(120, RetryDelaySeconds(3));
  EXPECT_EQ(3600, RetryDelaySeconds(8));
  EXPECT_EQ(3600, RetryDelaySeconds(40));
}

TEST(DeliveryWorkerTest, ARefusedMessageIsRetriedAfterItsBackoffAndThenSent) {
  testing::SmtpSinkOptions options;
  options.fail_first = 1;
  testing::SmtpSink sink(options);
  ASSERT_GT(sink.port(), 0) << sink.error();
  WorkerRig rig(sink.url());
  const std::string reference = rig.server.store->Insert(Objection("please stop", "2026-12-18"), rig.now).value().reference;
  ASSERT_EQ(1, rig.worker->RunOnce().value());
  Delivery row = rig.Only();
  EXPECT_EQ("pending", row.status);
  EXPECT_EQ(1, row.attempts);
  EXPECT_NE(std::string::npos, row.last_error.find("451")) << row.last_error;
  EXPECT_EQ(FormatUtcTime(rig.now + 30), row.next_attempt_at);
  rig.now += 29;
  EXPECT_EQ(0, rig.worker->RunOnce().value());  // not yet due
  rig.now += 2;
  ASSERT_EQ(1, rig.worker->RunOnce().value());
  row = rig.Only();
  EXPECT_EQ("sent", row.status);
  EXPECT_EQ(2, row.attempts);
  ASSERT_TRUE(sink.WaitForMessages(1));
  EXPECT_NE(std::string::npos, sink.Subject(1).find(reference));
  EXPECT_EQ(0, rig.worker->RunOnce().value());  // sent once
}

// A refusal is logged with its reason for staff mail, but a receipt's reason
// (a mail server may quote the resident's address) stays in the outbox only.
TEST(DeliveryWorkerTest, AReceiptsRefusalIsKeptInTheOutboxNotTheLog) {
  testing::SmtpSinkOptions options;
  options.fail_first = 2;
  testing::SmtpSink sink(options);
  ASSERT_GT(sink.port(), 0) << sink.error();
  WorkerRig rig(sink.url());
  Submission s = Objection("please stop", "2026-12-18");
  s.deliveries.push_back({"receipt", "resident@example.org"});
  rig.server.store->Insert(s, rig.now).value();
  ASSERT_EQ(2, rig.worker->RunOnce().value());
  ASSERT_EQ(2u, rig.log.size());
  const std::vector<Delivery> pending = rig.server.store->Outbox("pending").value();
  ASSERT_EQ(2u, pending.size());
  for (const Delivery& row : pending) {
    EXPECT_NE(std::string::npos, row.last_error.find("451")) << row.channel;
  }
  for (const std::string& line : rig.log) {
    const bool receipt = line.find("channel=receipt") != std::string::npos;
    EXPECT_EQ(!receipt, line.find("451") != std::string::npos) << line;
    EXPECT_EQ(std::string::npos, line.find("resident@")) << line;
  }
}

// The Welsh Language Standards: correspondence in Welsh is answered in Welsh.
// A resident who wrote from the Welsh form gets a Welsh receipt, naming the
// record as the Welsh pages do and linking its Welsh page; one who wrote in
// English gets an English one; staff are told in English, with the language.
TEST(DeliveryWorkerTest, TheReceiptIsInTheLanguageTheResidentWroteIn) {
  testing::SmtpSink sink;
  ASSERT_GT(sink.port(), 0) << sink.error();
  WorkerRig rig(sink.url(), {}, "bilingual");
  Submission welsh = Objection("please stop", "2026-12-22");
  welsh.language = "cy";
  welsh.token_nonce = "0a1b";
  welsh.deliveries = {{"receipt", "preswylydd@example.org"}};
  const std::string welsh_ref = rig.server.store->Insert(welsh, rig.now).value().reference;
  ASSERT_EQ(1, rig.worker->RunOnce().value());
  ASSERT_TRUE(sink.WaitForMessages(1));
  EXPECT_NE(std::string::npos, sink.Subject(1).find("Rydym wedi cael eich gwrthwynebiad i'r defnydd o'ch data personol – cyfeirnod " +
                                                   welsh_ref))
      << sink.Subject(1);
  const std::string body = sink.Body(1);
  for (const char* expected : {"Mae Cyngor Bwrdeistref Prawf wedi cael eich gwrthwynebiad", "\"Gwiriad bin mwy\"",
                               "Ateb erbyn:     Dydd Mawrth 22 Rhagfyr 2026", "Beth sy'n digwydd nesaf",
                               "Erthygl 21 GDPR y DU", "https://ai.test.example/records/bin-check/",
                               "Sut i gysylltu â ni", "Neges awtomatig yw hon."}) {
    EXPECT_NE(std::string::npos, body.find(expected)) << expected << " not in\n" << body;
  }
  EXPECT_EQ(std::string::npos, body.find("What happens next")) << body;
  EXPECT_EQ(std::string::npos, body.find("please stop"));
  // Each line fits a mail reader (RFC 5322 asks for at most 78).
  for (size_t at = 0, end; at < body.size(); at = end + 1) {
    end = body.find('\n', at);
    if (end == std::string::npos) end = body.size();
    std::string_view line = std::string_view(body).substr(at, end - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // as the sink keeps it
    EXPECT_LE(CountCodePoints(line), 76u) << line;
  }

  // Other words: the same message twice in a row is held as suspected spam.
  Submission english = Objection("I object to this tool", "2026-12-22");
  english.language = "en";
  english.deliveries = {{"receipt", "resident@example.org"}, {"staff_email", "owner@example.gov.uk"}};
  english.token_nonce = "2c3d";
  const InsertOutcome second = rig.server.store->Insert(english, rig.now).value();
  ASSERT_FALSE(second.duplicate) << second.status;
  ASSERT_EQ(2, rig.worker->RunOnce().value()) << second.status;
  ASSERT_TRUE(sink.WaitForMessages(3));
  int receipt = 0, staff = 0;
  for (int n = 2; n <= 3; ++n) (sink.Recipients(n).find("resident@") != std::string::npos ? receipt : staff) = n;
  ASSERT_TRUE(receipt && staff);
  EXPECT_NE(std::string::npos, sink.Body(receipt).find("\"Larger bin check\"")) << sink.Body(receipt);
  EXPECT_NE(std::string::npos, sink.Body(receipt).find("Tuesday 22 December 2026"));
  EXPECT_NE(std::string::npos, sink.Body(receipt).find("https://ai.test.example/en/records/bin-check/"));
  EXPECT_EQ(std::string::npos, sink.Body(staff).find("Rydym"));
}

TEST(DeliveryWorkerTest, AfterThreeDaysOfFailuresTheRowIsFailedUntilStaffRetryIt) {
  testing::SmtpSinkOptions options;
  options.fail_first = 1000;
  testing::SmtpSink sink(options);
  ASSERT_GT(sink.port(), 0) << sink.error();
  WorkerRig rig(sink.url());
  rig.server.store->Insert(Objection("please stop", "2026-12-18"), rig.now).value();
  const int64_t created = rig.now;
  ASSERT_EQ(1, rig.worker->RunOnce().value());
  rig.now = created + kGiveUpSeconds + 3600;
  ASSERT_EQ(1, rig.worker->RunOnce().value());
  Delivery row = rig.Only("failed");
  EXPECT_EQ(2, row.attempts);
  EXPECT_NE(std::string::npos, row.last_error.find("451"));
  EXPECT_EQ(0, rig.worker->RunOnce().value());  // given up: not claimed again
  ASSERT_TRUE(rig.server.store->RetryDelivery(row.id, rig.now).ok());
  EXPECT_EQ("pending", rig.Only().status);
  EXPECT_FALSE(rig.server.store->RetryDelivery(row.id, rig.now).ok());  // only a failed row can be retried
}

TEST(DeliveryWorkerTest, RowsQueuedForEmailWaitVisiblyOnAServerWithoutSmtp) {
  WorkerRig rig("");
  rig.server.store->Insert(Objection("please stop", "2026-12-18"), rig.now).value();
  ASSERT_EQ(1, rig.worker->RunOnce().value());
  const Delivery row = rig.Only("pending");
  EXPECT_NE(std::string::npos, row.last_error.find("--smtp")) << row.last_error;
}

TEST(DeliveryWorkerTest, TheDigestListsOverdueAndDueSoonOnceADayAndNoMessageText) {
  testing::SmtpSink sink;
  ASSERT_GT(sink.port(), 0) << sink.error();
  WorkerRig rig(sink.url(), {"ig@example.gov.uk"});
  Submission overdue = Objection("DIGEST-SECRET-TEXT overdue", "2026-11-02");
  overdue.deliveries.clear();
  Submission later = Objection("due next year", "2027-01-20");
  later.deliveries.clear();
  const std::string overdue_ref = rig.server.store->Insert(overdue, rig.now - 40 * 86400).value().reference;
  const std::string later_ref = rig.server.store->Insert(later, rig.now).value().reference;
  rig.now = kMorning - 2 * 3600;  // 06:00: before the digest hour
  EXPECT_EQ(0, rig.worker->RunOnce().value());
  rig.now = kMorning;
  ASSERT_EQ(1, rig.worker->RunOnce().value());
  ASSERT_TRUE(sink.WaitForMessages(1));
  EXPECT_NE(std::string::npos, sink.Recipients(1).find("ig@example.gov.uk"));
  EXPECT_NE(std::string::npos, sink.Body(1).find(overdue_ref));
  EXPECT_EQ(std::string::npos, sink.Body(1).find(later_ref));  // not due within a week
  EXPECT_EQ(std::string::npos, sink.Raw(1).find("DIGEST-SECRET-TEXT"));
  rig.now += 3600;
  EXPECT_EQ(0, rig.worker->RunOnce().value());  // one a day
  rig.now += 86400;
  EXPECT_EQ(1, rig.worker->RunOnce().value());
  EXPECT_TRUE(sink.WaitForMessages(2));
}

}  // namespace
}  // namespace lantern
