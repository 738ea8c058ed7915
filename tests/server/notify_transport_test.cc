// notify/curl_transport.h against real servers on 127.0.0.1: an SMTP server
// (aiosmtpd, tests/testing/smtp_sink.py) and an HTTP(S) server
// (tests/testing/webhook_sink.py), with throwaway certificates from openssl.
#include "notify/curl_transport.h"

#include <gtest/gtest.h>

#include <string>

#include "base/crypto.h"
#include "notify/messages.h"
#include "server/receipt_words.h"
#include "testing/example_site.h"
#include "testing/smtp_sink.h"
#include "testing/test_support.h"
#include "testing/webhook_sink.h"

namespace lantern {
namespace {

// The receipt's words from the default theme in English.
ReceiptWords English() { return ReceiptWordsOf(testing::DefaultTheme("en")); }

using testing::SmtpSink;
using testing::SmtpSinkOptions;
using testing::WebhookSink;
using testing::WebhookSinkOptions;

constexpr long kGenerousMs = 120000;  // a loaded machine is slow, never wrong
constexpr int64_t kNow = 1795325415;

SubmissionFacts Facts() {
  SubmissionFacts facts;
  facts.reference = "K7MP3XWA";
  facts.request_type = "objection";
  facts.record_id = "bin-check";
  facts.record_title = "Gwasanaeth casglu biniau ŵ ŷ – خدمة 🗑️";
  facts.record_url = "https://register.example.gov.uk/records/bin-check/";
  facts.received_at = "2026-11-22T05:30:15Z";
  facts.due_on = "2026-12-22";
  facts.message = "Bore da ŵ ŷ — مرحبا 🎉\n.\nA line that is only a dot, above.\n" + std::string(200, 'y');
  facts.name = "Ann";
  facts.email = "ann@example.org";
  facts.reply_wanted = true;
  return facts;
}

MailIdentity Identity() { return {"lantern@example.gov.uk", "Cyngor Gŵyr", "register.example.gov.uk"}; }

SmtpSettings Smtp(const SmtpSink& sink) {
  SmtpSettings settings;
  settings.url = sink.url();
  settings.timeout_ms = kGenerousMs;
  return settings;
}

std::string WithoutCr(std::string text) {
  std::erase(text, '\r');
  return text;
}

#define ASSERT_SINK_UP(sink) ASSERT_GT((sink).port(), 0) << (sink).error()

TEST(SendMail, DeliversHeadersAndNonAsciiTextIntact) {
  SmtpSink sink;
  ASSERT_SINK_UP(sink);
  MailMessage mail = StaffNotification(Facts(), Identity(), {"casework@example.gov.uk", "dpo@example.gov.uk"}, kNow);
  Status sent = SendMail(Smtp(sink), mail);
  ASSERT_TRUE(sent.ok()) << sent.message();
  ASSERT_TRUE(sink.WaitForMessages(1));
  EXPECT_EQ(sink.EnvelopeFrom(1), "lantern@example.gov.uk");
  EXPECT_EQ(sink.Recipients(1), "casework@example.gov.uk\ndpo@example.gov.uk\n");
  // What a mail client shows: the decoded subject and body, byte for byte.
  EXPECT_EQ(sink.Subject(1), mail.subject);
  EXPECT_EQ(WithoutCr(sink.Body(1)), mail.body);
  std::string raw = sink.Raw(1);
  EXPECT_NE(raw.find("Message-ID: <K7MP3XWA.staff@register.example.gov.uk>\r\n"), std::string::npos) << raw;
  EXPECT_NE(raw.find("Reply-To: ann@example.org\r\n"), std::string::npos) << raw;
  EXPECT_NE(raw.find("From: =?UTF-8?Q?Cyngor_G=C5=B5yr?= <lantern@example.gov.uk>\r\n"), std::string::npos) << raw;
  EXPECT_NE(raw.find("Content-Transfer-Encoding: quoted-printable"), std::string::npos) << raw;
  EXPECT_NE(raw.find("charset=utf-8"), std::string::npos) << raw;
  for (unsigned char c : raw) ASSERT_LT(c, 0x80) << "raw message is not 7-bit";
}

TEST(SendMail, ResidentTextCannotAddRecipientsOrHeaders) {
  SmtpSink sink;
  ASSERT_SINK_UP(sink);
  SubmissionFacts facts = Facts();
  facts.name = "x\r\nBcc: evil@example.org";
  facts.record_title = "Bins\r\nBcc: evil@example.org";
  facts.email = "ann@example.org\r\nBcc: evil@example.org";
  ASSERT_TRUE(SendMail(Smtp(sink), StaffNotification(facts, Identity(), {"casework@example.gov.uk"}, kNow)).ok());
  ASSERT_TRUE(SendMail(Smtp(sink), ResidentReceipt(Facts(), Identity(), kNow, English())).ok());
  ASSERT_TRUE(sink.WaitForMessages(2));
  EXPECT_EQ(sink.Recipients(1), "casework@example.gov.uk\n");
  EXPECT_EQ(sink.Recipients(2), "ann@example.org\n");
  for (int n : {1, 2}) {
    std::string raw = sink.Raw(n);
    std::string head = raw.substr(0, raw.find("\r\n\r\n"));
    EXPECT_EQ(head.find("\nBcc:"), std::string::npos) << head;
    EXPECT_EQ(head.find("Reply-To: ann@example.org\r\nBcc"), std::string::npos) << head;
  }
  // A receipt to an address that is not one is refused before connecting.
  facts.email = "victim@example.org\r\nBcc: many@example.org";
  Status refused = SendMail(Smtp(sink), ResidentReceipt(facts, Identity(), kNow, English()));
  EXPECT_FALSE(refused.ok());
  EXPECT_NE(refused.message().find("no recipient"), std::string::npos) << refused.message();
}

TEST(SendMail, TemporaryRefusalIsAFailureWithTheServersReply) {
  SmtpSinkOptions options;
  options.fail_first = 1;
  SmtpSink sink(options);
  ASSERT_SINK_UP(sink);
  MailMessage mail = ResidentReceipt(Facts(), Identity(), kNow, English());
  Status first = SendMail(Smtp(sink), mail);
  ASSERT_FALSE(first.ok());
  EXPECT_NE(first.message().find(sink.url()), std::string::npos) << first.message();
  EXPECT_NE(first.message().find("451"), std::string::npos) << first.message();
  EXPECT_EQ(sink.MessageCount(), 0u);
  Status second = SendMail(Smtp(sink), mail);
  ASSERT_TRUE(second.ok()) << second.message();
  ASSERT_TRUE(sink.WaitForMessages(1));
  EXPECT_NE(sink.Raw(1).find("Auto-Submitted: auto-replied"), std::string::npos);
}

TEST(SendMail, NobodyListeningIsAFailureNamingTheServer) {
  SmtpSettings settings;
  settings.url = "smtp://127.0.0.1:1";
  settings.timeout_ms = kGenerousMs;
  Status sent = SendMail(settings, ResidentReceipt(Facts(), Identity(), kNow, English()));
  ASSERT_FALSE(sent.ok());
  EXPECT_NE(sent.message().find("smtp://127.0.0.1:1"), std::string::npos) << sent.message();
}

class TlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    certificate_ = testing::MakeTestCertificate(dir_.path());
    ASSERT_EQ(certificate_.error, "");
  }
  testing::TempDir dir_;
  testing::TestCertificate certificate_;
};

TEST_F(TlsTest, StarttlsVerifiesAgainstTheGivenCaFileOnly) {
  SmtpSinkOptions options;
  options.starttls_cert = certificate_.cert_file;
  options.starttls_key = certificate_.key_file;
  SmtpSink sink(options);
  ASSERT_SINK_UP(sink);
  MailMessage mail = ResidentReceipt(Facts(), Identity(), kNow, English());

  Status untrusted = SendMail(Smtp(sink), mail);  // the system store does not know this certificate
  ASSERT_FALSE(untrusted.ok());
  EXPECT_NE(untrusted.message().find("certificate"), std::string::npos) << untrusted.message();

  SmtpSettings trusted = Smtp(sink);
  trusted.ca_file = certificate_.cert_file;
  Status sent = SendMail(trusted, mail);
  ASSERT_TRUE(sent.ok()) << sent.message();
  ASSERT_TRUE(sink.WaitForMessages(1));
  EXPECT_EQ(sink.MessageCount(), 1u);
}

TEST_F(TlsTest, AuthOverStarttlsAndAWrongPasswordIsNeverEchoed) {
  SmtpSinkOptions options;
  options.starttls_cert = certificate_.cert_file;
  options.starttls_key = certificate_.key_file;
  options.auth = "lantern:correct-horse";
  SmtpSink sink(options);
  ASSERT_SINK_UP(sink);
  MailMessage mail = ResidentReceipt(Facts(), Identity(), kNow, English());
  SmtpSettings settings = Smtp(sink);
  settings.ca_file = certificate_.cert_file;
  settings.user = "lantern";

  settings.password = "Wrong-Password-42";
  Status refused = SendMail(settings, mail);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.message().find("Wrong-Password-42"), std::string::npos) << refused.message();
  EXPECT_EQ(sink.MessageCount(), 0u);

  settings.password = "correct-horse";
  Status sent = SendMail(settings, mail);
  ASSERT_TRUE(sent.ok()) << sent.message();
  ASSERT_TRUE(sink.WaitForMessages(1));
}

TEST(SendMail, APasswordIsNeverSentWithoutTls) {
  SmtpSinkOptions options;
  options.auth = "lantern:correct-horse";  // the sink would accept AUTH in clear
  SmtpSink sink(options);
  ASSERT_SINK_UP(sink);
  SmtpSettings settings = Smtp(sink);
  settings.user = "lantern";
  settings.password = "correct-horse";
  Status sent = SendMail(settings, ResidentReceipt(Facts(), Identity(), kNow, English()));
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.message().find("correct-horse"), std::string::npos) << sent.message();
  EXPECT_EQ(sink.MessageCount(), 0u);
}

TEST(CheckUrls, RefuseWhatCouldNeverWork) {
  EXPECT_TRUE(CheckSmtpUrl("smtp://mail.example.gov.uk:587").ok());
  EXPECT_TRUE(CheckSmtpUrl("smtps://mail.example.gov.uk").ok());
  for (const char* bad : {"nonsense", "", "http://mail.example.gov.uk", "smtp://", "smtp://user:pw@mail.example"}) {
    Status checked = CheckSmtpUrl(bad);
    EXPECT_FALSE(checked.ok()) << bad;
    if (!checked.ok()) {
      EXPECT_EQ(checked.message().find(":pw"), std::string::npos) << checked.message();
    }
  }
  EXPECT_TRUE(CheckWebhookUrl("https://cases.example.gov.uk/hooks/lantern").ok());
  EXPECT_TRUE(CheckWebhookUrl("http://127.0.0.1:8080/hook").ok());
  EXPECT_TRUE(CheckWebhookUrl("http://localhost/hook").ok());
  for (const char* bad : {"nonsense", "http://cases.example.gov.uk/hook", "ftp://127.0.0.1/x", "https://",
                          "https://user:pw@cases.example.gov.uk/"}) {
    EXPECT_FALSE(CheckWebhookUrl(bad).ok()) << bad;
  }
}

TEST(PostWebhook, DeliversASignatureTheReceiverCanCheck) {
  WebhookSink sink;
  ASSERT_SINK_UP(sink);
  WebhookRequest request = SignedWebhook(Facts(), "hook-secret", kNow);
  Status posted = PostWebhook({sink.url(), "", kGenerousMs}, request);
  ASSERT_TRUE(posted.ok()) << posted.message();
  ASSERT_TRUE(sink.WaitForRequests(1));
  EXPECT_EQ(sink.Method(1), "POST");
  EXPECT_EQ(sink.Path(1), "/hook");
  std::string body = sink.Body(1);
  EXPECT_EQ(body, request.body);
  EXPECT_EQ(sink.Header(1, "Content-Type"), "application/json");
  EXPECT_EQ(sink.Header(1, "Idempotency-Key"), "K7MP3XWA");
  // The receiver's check: HMAC of "<timestamp>.<body as received>".
  std::string timestamp = sink.Header(1, "X-Lantern-Timestamp");
  EXPECT_EQ(timestamp, "1795325415");
  EXPECT_EQ(sink.Header(1, "X-Lantern-Signature"),
            "sha256=" + HexEncode(HmacSha256("hook-secret", timestamp + "." + body)));
}

TEST(PostWebhook, AServerErrorIsAFailureWithTheCode) {
  WebhookSinkOptions options;
  options.status = 500;
  WebhookSink sink(options);
  ASSERT_SINK_UP(sink);
  Status posted = PostWebhook({sink.url(), "", kGenerousMs}, SignedWebhook(Facts(), "k", kNow));
  ASSERT_FALSE(posted.ok());
  EXPECT_NE(posted.message().find("HTTP 500"), std::string::npos) << posted.message();
}

TEST(PostWebhook, RedirectsAreNotFollowed) {
  WebhookSinkOptions options;
  options.status = 307;
  WebhookSink sink(options);
  ASSERT_SINK_UP(sink);
  options.location = sink.url("/elsewhere");
  WebhookSink redirecting(options);
  ASSERT_SINK_UP(redirecting);
  Status posted = PostWebhook({redirecting.url(), "", kGenerousMs}, SignedWebhook(Facts(), "k", kNow));
  ASSERT_FALSE(posted.ok());
  EXPECT_NE(posted.message().find("HTTP 307"), std::string::npos) << posted.message();
  EXPECT_NE(posted.message().find("not followed"), std::string::npos) << posted.message();
  ASSERT_TRUE(redirecting.WaitForRequests(1));
  EXPECT_EQ(redirecting.RequestCount(), 1u);
  EXPECT_EQ(sink.RequestCount(), 0u);
}

TEST_F(TlsTest, WebhookOverTlsNeedsATrustedCertificate) {
  WebhookSinkOptions options;
  options.tls_cert = certificate_.cert_file;
  options.tls_key = certificate_.key_file;
  WebhookSink sink(options);
  ASSERT_SINK_UP(sink);
  WebhookRequest request = SignedWebhook(Facts(), "k", kNow);
  Status untrusted = PostWebhook({sink.url(), "", kGenerousMs}, request);
  ASSERT_FALSE(untrusted.ok());
  EXPECT_NE(untrusted.message().find("certificate"), std::string::npos) << untrusted.message();
  EXPECT_EQ(sink.RequestCount(), 0u);

  Status trusted = PostWebhook({sink.url(), certificate_.cert_file, kGenerousMs}, request);
  ASSERT_TRUE(trusted.ok()) << trusted.message();
  ASSERT_TRUE(sink.WaitForRequests(1));
}

TEST(PostWebhook, PlainHttpToAnotherHostIsRefusedBeforeConnecting) {
  Status posted = PostWebhook({"http://cases.example.gov.uk/hook", "", kGenerousMs}, SignedWebhook(Facts(), "k", kNow));
  ASSERT_FALSE(posted.ok());
  EXPECT_NE(posted.message().find("https://"), std::string::npos) << posted.message();
}

}  // namespace
}  // namespace lantern
