// Issue 10, tried as a new user would: `lantern serve --smtp` pointing at a
// real SMTP server (aiosmtpd), an objection sent through the form, the email
// at the record owner's address and the resident's receipt; a server killed
// between the commit and the send delivers after restart; the webhook; and
// the start-up refusals for settings that could not deliver.
#include <gtest/gtest.h>

#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "feedback/store.h"
#include "server/form_token.h"
#include "server/raw_http.h"
#include "server/server_fixture.h"
#include "testing/pg_server.h"
#include "testing/serve_process.h"
#include "testing/smtp_sink.h"
#include "testing/test_support.h"
#include "testing/webhook_sink.h"

namespace lantern {
namespace {
namespace fs = std::filesystem;
using testing::HttpExchange;
using testing::RawResponse;
using testing::ServeProcess;

constexpr const char* kMessage = "OBJECTION-TEXT-9931 please stop using my data";
constexpr const char* kName = "RESIDENT-NAME-4412";

// Staff emails to one address, without the daily digest: the digest is queued
// from 07:00 UTC by the wall clock, so a test that counts messages would
// depend on the hour it runs at. delivery_worker_test covers the digest with
// its own clock.
constexpr const char* kEmailOnly = "  notify:\n    email: [ig@example.gov.uk]\n    digest: false\n";

// The example site with `notify` under feedback, built into SITE/public.
std::string ExampleSiteWith(const testing::TempDir& temp, const std::string& notify) {
  const std::string site = temp.path() + "/site";
  testing::WriteTree(site, testing::ReadTree(testing::SourceDir() + "/content"));
  std::string yaml = testing::ReadFileOrEmpty(site + "/site.yaml");
  const std::string anchor = "  response_days: 20\n";
  yaml.replace(yaml.find(anchor), anchor.size(), anchor + notify);
  testing::WriteFile(site + "/site.yaml", yaml);
  const testing::RunResult built = testing::RunLantern("build '" + site + "' -o '" + site + "/public'");
  EXPECT_EQ(0, built.exit_code) << built.output;
  return site;
}

// Requests wait up to 30 s: an upper bound for a busy machine under the
// sanitizers, never a pace the test relies on.
// A form token for larger-bin-check from the server on `port`, or "".
std::string FetchToken(int port) {
  RawResponse form = HttpExchange(port, "GET /feedback/larger-bin-check HTTP/1.1\r\nHost: x\r\n\r\n", 30);
  return testing::TokenIn(form.body);
}

// Not synchronisation but the form's own rule on the clock: a form sent
// sooner than kTokenMinFillSeconds after it was served is held as suspected
// spam, and held rows notify nobody.
void WaitOutTheFormsMinimumFillTime() {
  std::this_thread::sleep_for(std::chrono::seconds(kTokenMinFillSeconds) + std::chrono::milliseconds(200));
}

// Posts an objection on `token` to the server on `port` as the proxy would
// pass it on; returns the reference the resident was shown, or "".
// `resident` (1-250) is the address the proxy reports, so the per-resident
// rate limit counts each test resident apart.
std::string PostObjection(int port, const std::string& token, const std::string& message, bool reply,
                          int resident = 1) {
  const std::string body = "token=" + testing::FormEncode(token) +
                           "&tool=larger-bin-check&request_type=objection&confirm=yes" +
                           "&email=resident" + std::to_string(resident) + "%40example.org" +
                           (reply ? "&reply=yes&name=" + testing::FormEncode(kName) : "") +
                           "&message=" + testing::FormEncode(message);
  RawResponse sent = HttpExchange(port,
                                  "POST /feedback HTTP/1.1\r\nHost: x\r\nX-Real-IP: 10.9.0." + std::to_string(resident) +
                                      "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body,
                                  30);
  const std::string location = sent.Header("Location");
  return sent.status == 303 && location.size() > 8 ? location.substr(location.size() - 8) : "";
}

// An objection with a reply wanted, as a resident fills the form in.
std::string SendObjection(int port) {
  const std::string token = FetchToken(port);
  if (token.empty()) return "";
  WaitOutTheFormsMinimumFillTime();
  return PostObjection(port, token, kMessage, true);
}

// The message among the sink's first `count` whose recipients include `address`, or 0.
int MessageTo(const testing::SmtpSink& sink, int count, const std::string& address) {
  for (int n = 1; n <= count; ++n) {
    if (sink.Recipients(n).find(address) != std::string::npos) return n;
  }
  return 0;
}

std::vector<std::string> ServeArguments(const std::string& site, const std::string& db, const std::string& smtp) {
  std::vector<std::string> arguments = {site, "--production", site + "/public", "--db", db, "--port", "0"};
  if (!smtp.empty()) arguments.insert(arguments.end(), {"--smtp", smtp});
  return arguments;
}

void ExpectOwnerEmailAndReceipt(const testing::SmtpSink& sink, const std::string& reference, const std::string& due_on) {
  const int staff = MessageTo(sink, 2, "waste.services@example.gov.uk");
  ASSERT_NE(0, staff) << sink.Recipients(1) << " / " << sink.Recipients(2);
  EXPECT_NE(std::string::npos, sink.Recipients(staff).find("ig@example.gov.uk"));  // feedback.notify.email
  EXPECT_NE(std::string::npos, sink.Subject(staff).find(reference));
  EXPECT_NE(std::string::npos, sink.Body(staff).find(kMessage));
  EXPECT_NE(std::string::npos, sink.Body(staff).find(due_on));
  EXPECT_NE(std::string::npos, sink.Raw(staff).find("Message-ID: <" + reference + ".staff@"));
  const int receipt = MessageTo(sink, 2, "resident1@example.org");
  ASSERT_NE(0, receipt);
  EXPECT_EQ(std::string::npos, sink.Recipients(receipt).find("waste.services"));
  EXPECT_NE(std::string::npos, sink.Body(receipt).find(reference));
  // The receipt gives the date in words, as a letter would: "… 4 January 2027".
  static const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
  const std::string in_words = std::to_string(std::stoi(due_on.substr(8, 2))) + " " +
                               kMonths[std::stoi(due_on.substr(5, 2)) - 1] + " " + due_on.substr(0, 4);
  EXPECT_NE(std::string::npos, sink.Body(receipt).find("Answer by:")) << sink.Body(receipt);
  EXPECT_NE(std::string::npos, sink.Body(receipt).find(in_words)) << sink.Body(receipt);
  // Nothing the resident typed goes back out: the form cannot mail text to others.
  EXPECT_EQ(std::string::npos, sink.Raw(receipt).find("OBJECTION-TEXT-9931"));
  EXPECT_EQ(std::string::npos, sink.Raw(receipt).find(kName));
}

TEST(NotifyServeTest, AnObjectionReachesTheRecordOwnerAndTheResidentGetsAReceipt) {
  testing::TempDir temp;
  const std::string site = ExampleSiteWith(temp, kEmailOnly);
  testing::SmtpSink sink;
  ASSERT_GT(sink.port(), 0) << sink.error();
  const std::string db = temp.path() + "/f.db";
  ServeProcess serve(ServeArguments(site, db, sink.url()));
  ASSERT_GT(serve.port(), 0);
  const std::string reference = SendObjection(serve.port());
  const auto sent_at = std::chrono::steady_clock::now();
  ASSERT_EQ(8u, reference.size());
  ASSERT_TRUE(sink.WaitForMessages(2)) << sink.MessageCount() << " messages";
  std::printf("commit to two messages accepted: %lld ms\n",
              static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                         std::chrono::steady_clock::now() - sent_at)
                                         .count()));
  auto store = FeedbackStore::Open(db, FeedbackStore::Mode::kReadOnly);
  ASSERT_TRUE(store.ok()) << store.status().message();
  const std::string due_on = store.value()->Find(reference).value().due_on;
  ASSERT_EQ(10u, due_on.size());
  ExpectOwnerEmailAndReceipt(sink, reference, due_on);
  // One email each: the rows are marked sent, and nothing more arrives on later passes.
  const testing::RunResult outbox = testing::RunLantern("feedback outbox --db '" + db + "'");
  EXPECT_EQ(0, outbox.exit_code) << outbox.output;
  EXPECT_NE(std::string::npos, outbox.output.find("0 pending, 2 sent, 0 failed")) << outbox.output;
  EXPECT_EQ(2u, sink.MessageCount());
}

// A port that takes connections (the kernel's backlog) and never answers: an
// SMTP server that hangs, so the worker is caught mid-send.
class SilentPort {
 public:
  SilentPort() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 && listen(fd_, 8) == 0 &&
        getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
      port_ = ntohs(address.sin_port);
    }
  }
  ~SilentPort() { close(fd_); }
  int port() const { return port_; }
  // True once a client has connected (and is waiting for a greeting), within 60 s.
  bool WaitForConnection() const {
    pollfd p{fd_, POLLIN, 0};
    return poll(&p, 1, 60000) == 1;
  }

 private:
  int fd_ = -1;
  int port_ = 0;
};

TEST(NotifyServeTest, AServerKilledBetweenTheCommitAndTheSendDeliversAfterRestart) {
  testing::TempDir temp;
  const std::string site = ExampleSiteWith(temp, kEmailOnly);
  const std::string db = temp.path() + "/f.db";
  SilentPort hanging;
  ASSERT_GT(hanging.port(), 0);
  std::string reference;
  {
    ServeProcess serve(ServeArguments(site, db, "smtp://127.0.0.1:" + std::to_string(hanging.port())));
    ASSERT_GT(serve.port(), 0);
    reference = SendObjection(serve.port());
    ASSERT_EQ(8u, reference.size());
    ASSERT_TRUE(hanging.WaitForConnection());  // the worker is sending now
    serve.Signal(SIGKILL);
  }
  {
    auto store = FeedbackStore::Open(db, FeedbackStore::Mode::kReadOnly);
    ASSERT_TRUE(store.ok()) << store.status().message();
    const auto pending = store.value()->Outbox("pending").value();
    ASSERT_EQ(2u, pending.size());
    EXPECT_EQ(reference, pending[0].key);
  }
  testing::SmtpSink sink;
  ASSERT_GT(sink.port(), 0) << sink.error();
  ServeProcess restarted(ServeArguments(site, db, sink.url()));
  ASSERT_GT(restarted.port(), 0);
  ASSERT_TRUE(sink.WaitForMessages(2)) << sink.MessageCount() << " messages";
  auto store = FeedbackStore::Open(db, FeedbackStore::Mode::kReadOnly);
  ExpectOwnerEmailAndReceipt(sink, reference, store.value()->Find(reference).value().due_on);
}

TEST(NotifyServeTest, TheWebhookGetsEachSubmissionSignedWithItsReferenceAsIdempotencyKey) {
  testing::TempDir temp;
  testing::WebhookSink hook;
  ASSERT_GT(hook.port(), 0) << hook.error();
  const std::string site = ExampleSiteWith(temp, "  notify:\n    webhook: " + hook.url() + "\n");
  const std::string db = temp.path() + "/f.db";
  ServeProcess serve(ServeArguments(site, db, ""), "", {"LANTERN_WEBHOOK_SECRET=case-system-secret-0123456789"});
  ASSERT_GT(serve.port(), 0);
  const std::string reference = SendObjection(serve.port());
  ASSERT_EQ(8u, reference.size());
  ASSERT_TRUE(hook.WaitForRequests(1));
  EXPECT_EQ("POST", hook.Method(1));
  EXPECT_EQ(reference, hook.Header(1, "Idempotency-Key"));
  EXPECT_NE(std::string::npos, hook.Body(1).find("\"reference\":\"" + reference + "\""));
  EXPECT_NE(std::string::npos, hook.Header(1, "X-Lantern-Signature").find("sha256="));
}

TEST(NotifyServeTest, SettingsThatCouldNotDeliverStopTheServerAtStart) {
  testing::TempDir temp;
  const std::string db = temp.path() + "/f.db";
  const std::string content = testing::SourceDir() + "/content";
  testing::RunResult bad_url = testing::RunLantern("serve '" + content + "' --port 0 --db '" + db + "' --smtp ftp://x");
  EXPECT_EQ(2, bad_url.exit_code);
  EXPECT_NE(std::string::npos, bad_url.output.find("--smtp")) << bad_url.output;
  testing::RunResult no_key =
      testing::RunLantern("serve '" + content + "' --port 0 --db postgresql://lantern@127.0.0.1:1/feedback");
  EXPECT_EQ(2, no_key.exit_code);
  EXPECT_NE(std::string::npos, no_key.output.find("--form-key")) << no_key.output;
  const std::string site = ExampleSiteWith(temp, "  notify:\n    webhook: https://cases.example.gov.uk/hook\n");
  testing::RunResult no_secret = testing::RunLantern("serve '" + site + "' --port 0 --db '" + db + "'");
  EXPECT_EQ(2, no_secret.exit_code);
  EXPECT_NE(std::string::npos, no_secret.output.find("LANTERN_WEBHOOK_SECRET")) << no_secret.output;
}

// Issue 10's "done when": two --production servers on one PostgreSQL
// database both accept submissions, forms issued by one are accepted by the
// other (one --form-key), a resend through the other server is stored once,
// and every acknowledged reference is stored once and emailed once.
TEST(NotifyServeTest, TwoServersOnOnePostgresDatabaseStoreAndNotifyEverySubmissionOnce) {
  testing::TempDir temp;
  const std::string uri = testing::PgServer::Shared().NewDatabase();
  const std::string site = ExampleSiteWith(temp, kEmailOnly);
  testing::SmtpSink sink;
  ASSERT_GT(sink.port(), 0) << sink.error();
  auto arguments = ServeArguments(site, uri, sink.url());
  arguments.insert(arguments.end(), {"--form-key", temp.path() + "/form.key"});
  ServeProcess first(arguments);
  ASSERT_GT(first.port(), 0);
  ServeProcess second(arguments);
  ASSERT_GT(second.port(), 0);
  const int ports[2] = {first.port(), second.port()};
  // Ten forms from each server; each is sent to the other server half the time.
  std::vector<std::pair<std::string, int>> forms;  // token, the port it is sent to
  for (int i = 0; i < 20; ++i) {
    const std::string token = FetchToken(ports[i % 2]);
    ASSERT_FALSE(token.empty());
    forms.push_back({token, ports[(i / 2) % 2 == 0 ? i % 2 : 1 - i % 2]});
  }
  WaitOutTheFormsMinimumFillTime();
  std::vector<std::string> references(forms.size());
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c) {
    clients.emplace_back([&, c] {
      for (size_t i = c; i < forms.size(); i += 4) {
        references[i] = PostObjection(forms[i].second, forms[i].first, "objection number " + std::to_string(i), false,
                                      static_cast<int>(i) + 1);
      }
    });
  }
  for (auto& client : clients) client.join();
  std::set<std::string> unique;
  for (size_t i = 0; i < references.size(); ++i) {
    ASSERT_EQ(8u, references[i].size()) << "form " << i << " was not acknowledged";
    unique.insert(references[i]);
  }
  ASSERT_EQ(forms.size(), unique.size());
  // A double click that reaches the other server: the same reference, nothing added.
  const int other = forms[0].second == ports[0] ? ports[1] : ports[0];
  EXPECT_EQ(references[0], PostObjection(other, forms[0].first, "objection number 0", false, 1));

  // An objection gives an address (to answer it), so no receipt is asked for: one staff email each.
  ASSERT_TRUE(sink.WaitForMessages(unique.size())) << sink.MessageCount() << " of " << unique.size();
  std::map<std::string, int> emailed;
  for (size_t n = 1; n <= sink.MessageCount(); ++n) {
    for (const std::string& reference : unique) {
      if (sink.Subject(static_cast<int>(n)).find(reference) != std::string::npos &&
          sink.Recipients(static_cast<int>(n)).find("waste.services@example.gov.uk") != std::string::npos) {
        ++emailed[reference];
      }
    }
  }
  for (const std::string& reference : unique) EXPECT_EQ(1, emailed[reference]) << reference;
  auto store = FeedbackStore::Open(uri, FeedbackStore::Mode::kReadOnly);
  ASSERT_TRUE(store.ok()) << store.status().message();
  const auto rows = store.value()->List("").value();
  std::multiset<std::string> stored;
  for (const auto& row : rows) stored.insert(row.reference);
  EXPECT_EQ(unique.size(), rows.size());
  for (const std::string& reference : unique) EXPECT_EQ(1u, stored.count(reference)) << reference;
  // Sent rows are marked once sent; a repeat would show as a second message.
  EXPECT_FALSE(sink.WaitForMessages(unique.size() + 1, std::chrono::seconds(2)));
  EXPECT_EQ(unique.size(), store.value()->Outbox("sent").value().size());
}

// `feedback outbox`: what waits, what was sent, what failed and why; exit 1
// while anything failed (for a monitoring check); --retry puts it back.
TEST(NotifyServeTest, OutboxCommandShowsFailuresWithTheirReasonAndRetriesThem) {
  testing::TempDir temp;
  const std::string db = temp.path() + "/f.db";
  long long id = 0;
  {
    auto store = std::move(FeedbackStore::Open(db, FeedbackStore::Mode::kCreate).value());
    Submission s;
    s.request_type = "question";
    s.message = "when is collection day?";
    s.deliveries = {{"staff_email", "owner@example.gov.uk"}, {"webhook", "https://cases.example.gov.uk/hook"}};
    store->Insert(s, 1795000000).value();
    const auto rows = store->ClaimDeliveries(1795000000, 60, 10).value();
    ASSERT_EQ(2u, rows.size());
    id = rows[0].id;
    ASSERT_TRUE(store->MarkDeliveryFailed(id, "smtp://relay: 550 mailbox unavailable", 0, 1795000010).ok());
    ASSERT_TRUE(store->MarkDelivered(rows[1].id, 1795000011).ok());
  }
  testing::RunResult listed = testing::RunLantern("feedback outbox --db '" + db + "'");
  EXPECT_EQ(1, listed.exit_code) << listed.output;
  EXPECT_NE(std::string::npos, listed.output.find("550 mailbox unavailable")) << listed.output;
  EXPECT_NE(std::string::npos, listed.output.find("0 pending, 1 sent, 1 failed")) << listed.output;
  testing::RunResult failed_only = testing::RunLantern("feedback outbox --db '" + db + "' --status failed");
  EXPECT_EQ(std::string::npos, failed_only.output.find("webhook")) << failed_only.output;
  EXPECT_EQ(0, testing::RunLantern("feedback outbox --db '" + db + "' --retry " + std::to_string(id)).exit_code);
  testing::RunResult after = testing::RunLantern("feedback outbox --db '" + db + "'");
  EXPECT_EQ(0, after.exit_code) << after.output;
  EXPECT_NE(std::string::npos, after.output.find("1 pending, 1 sent, 0 failed")) << after.output;
  // Broken input: a clear refusal each, nothing changed.
  testing::RunResult again = testing::RunLantern("feedback outbox --db '" + db + "' --retry " + std::to_string(id));
  EXPECT_EQ(2, again.exit_code);
  EXPECT_NE(std::string::npos, again.output.find("no failed notification has the id")) << again.output;
  EXPECT_EQ(2, testing::RunLantern("feedback outbox --db '" + db + "' --status lost").exit_code);
  testing::RunResult missing = testing::RunLantern("feedback outbox --db '" + temp.path() + "/none.db'");
  EXPECT_EQ(2, missing.exit_code);
  EXPECT_NE(std::string::npos, missing.output.find("there is no feedback store")) << missing.output;
}

}  // namespace
}  // namespace lantern
