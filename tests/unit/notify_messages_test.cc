// The texts of notify/messages.h: what staff and residents are told, the
// rules that keep residents' words out of headers and out of receipts, and
// the webhook's signature.
#include "notify/messages.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "base/crypto.h"
#include "server/receipt_words.h"
#include "testing/example_site.h"

namespace lantern {
namespace {

// The receipt's words from the default theme in English.
ReceiptWords English() { return ReceiptWordsOf(testing::DefaultTheme("en")); }

SubmissionFacts Objection() {
  SubmissionFacts facts;
  facts.reference = "K7MP3XWA";
  facts.request_type = "objection";
  facts.record_id = "bin-check";
  facts.record_title = "Bin collection checker";
  facts.record_url = "https://register.example.gov.uk/records/bin-check/";
  facts.received_at = "2026-11-22T05:30:15Z";
  facts.due_on = "2026-12-22";
  facts.message = "Please stop using my data.";
  facts.name = "Ann Resident";
  facts.email = "ann@example.org";
  facts.site_title = "Algorithmic tools register";
  facts.organisation = "Example Borough Council";
  facts.contact_email = "data.protection@example.gov.uk";
  facts.reply_wanted = true;
  return facts;
}

MailIdentity Identity() { return {"lantern@example.gov.uk", "Example Council register", "register.example.gov.uk"}; }

const std::vector<std::string> kStaff = {"casework@example.gov.uk"};
constexpr int64_t kNow = 1795325415;  // 2026-11-22T05:30:15Z

std::string Header(const MailMessage& mail, const std::string& name) {
  for (const auto& [field, value] : mail.headers) {
    if (field == name) return value;
  }
  return "";
}

std::string Everything(const MailMessage& mail) {
  std::string all;
  for (const std::string& line : MailHeaderLines(mail)) all += line + "\n";
  return all + "\n" + mail.subject + "\n" + mail.body;
}

TEST(StaffNotification, SubjectNamesKindReferenceRecordAndDueDate) {
  MailMessage mail = StaffNotification(Objection(), Identity(), kStaff, kNow);
  EXPECT_EQ(mail.subject, "Objection K7MP3XWA to Bin collection checker – answer by 2026-12-22");
  EXPECT_EQ(mail.to, kStaff);
  EXPECT_EQ(mail.from, "lantern@example.gov.uk");
  EXPECT_EQ(mail.message_id, "<K7MP3XWA.staff@register.example.gov.uk>");
  EXPECT_EQ(mail.date, "Sun, 22 Nov 2026 05:30:15 +0000");
}

TEST(StaffNotification, BodyHasEveryFactAndTheLawForObjections) {
  SubmissionFacts facts = Objection();
  facts.case_reference = "HB/2026/991";
  MailMessage mail = StaffNotification(facts, Identity(), kStaff, kNow);
  for (const char* expected :
       {"K7MP3XWA", "objection to the use of personal data (UK GDPR Article 21)", "Bin collection checker",
        "bin-check", "https://register.example.gov.uk/records/bin-check/", "2026-11-22T05:30:15Z", "2026-12-22",
        "one calendar month", "Please stop using my data.", "Ann Resident", "ann@example.org",
        "Reply wanted:   yes", "HB/2026/991"}) {
    EXPECT_NE(mail.body.find(expected), std::string::npos) << expected << " missing from\n" << mail.body;
  }
}

// The Welsh Language Standards: Welsh correspondence is answered in Welsh, so
// staff see the language first, in the subject, and in the body and webhook.
TEST(StaffNotification, AWelshLetterSaysSoInTheSubjectAndBody) {
  SubmissionFacts welsh = Objection();
  welsh.language = "cy";
  welsh.language_name = "Welsh";
  const MailMessage mail = StaffNotification(welsh, Identity(), {"owner@example.gov.uk"}, kNow);
  EXPECT_EQ(mail.subject.size() - std::string(" – in Welsh").size(), mail.subject.rfind(" – in Welsh")) << mail.subject;
  EXPECT_NE(std::string::npos,
            mail.body.find("Language:       Welsh (cy): the resident wrote in Welsh; answer in Welsh\n"))
      << mail.body;
  EXPECT_NE(std::string::npos, WebhookBody(welsh).find(",\"language\":\"cy\"}"));
  SubmissionFacts english = Objection();
  english.language = "en";
  english.language_name = "English";
  const MailMessage plain = StaffNotification(english, Identity(), {"owner@example.gov.uk"}, kNow);
  EXPECT_EQ(StaffNotification(Objection(), Identity(), {"owner@example.gov.uk"}, kNow).subject, plain.subject);
  EXPECT_NE(std::string::npos, plain.body.find("Language:       English (en)\n")) << plain.body;
  // Unknown: no line at all.
  EXPECT_EQ(std::string::npos, StaffNotification(Objection(), Identity(), {"a@b.example"}, kNow).body.find("Language"));
}

TEST(StaffNotification, ReviewIsNamedWithArticles22AToD) {
  SubmissionFacts facts = Objection();
  facts.request_type = "review";
  MailMessage mail = StaffNotification(facts, Identity(), kStaff, kNow);
  EXPECT_EQ(mail.subject.rfind("Review request K7MP3XWA", 0), 0u) << mail.subject;
  EXPECT_NE(mail.body.find("request for a person to review a decision (UK GDPR Articles 22A–22D)"),
            std::string::npos);
  EXPECT_NE(mail.body.find("one calendar month"), std::string::npos);
  EXPECT_NE(mail.body.find("Case reference: (not given)"), std::string::npos) << mail.body;
}

TEST(StaffNotification, QuestionsHaveNoMonthRule) {
  SubmissionFacts facts = Objection();
  facts.request_type = "question";
  MailMessage mail = StaffNotification(facts, Identity(), kStaff, kNow);
  EXPECT_EQ(mail.body.find("one calendar month"), std::string::npos);
  EXPECT_NE(mail.body.find("working days"), std::string::npos);
}

TEST(StaffNotification, ReplyToOnlyWhenWantedAndWellFormed) {
  SubmissionFacts facts = Objection();
  EXPECT_EQ(Header(StaffNotification(facts, Identity(), kStaff, kNow), "Reply-To"), "ann@example.org");
  facts.reply_wanted = false;
  EXPECT_EQ(Header(StaffNotification(facts, Identity(), kStaff, kNow), "Reply-To"), "");
  facts.reply_wanted = true;
  for (const char* bad : {"ann@example.org\r\nBcc: evil@example.org", "not an address", "a@b", "<a@b.org>",
                          "a@b.org, evil@example.org", ""}) {
    facts.email = bad;
    EXPECT_EQ(Header(StaffNotification(facts, Identity(), kStaff, kNow), "Reply-To"), "") << bad;
  }
}

TEST(StaffNotification, ResidentTextCannotAddAHeader) {
  SubmissionFacts facts = Objection();
  facts.name = "x\r\nBcc: evil@example.org";
  facts.record_title = "Bins\r\nBcc: evil@example.org\nX-Evil: 1";
  facts.reference = "K7MP3XWA\r\nBcc: evil@example.org";
  facts.email = "ann@example.org\r\nBcc: evil@example.org";
  MailMessage mail = StaffNotification(facts, Identity(), kStaff, kNow);
  for (const std::string& line : MailHeaderLines(mail)) {
    // Encoded-words fold with "\r\n " (a continuation, not a new header).
    for (size_t at = line.find('\n'); at != std::string::npos; at = line.find('\n', at + 1)) {
      ASSERT_GT(at, 0u);
      EXPECT_EQ(line[at - 1], '\r') << line;
      ASSERT_LT(at + 1, line.size());
      EXPECT_EQ(line[at + 1], ' ') << line;
    }
    EXPECT_EQ(line.rfind("Bcc", 0), std::string::npos) << line;
    EXPECT_EQ(line.rfind("X-Evil", 0), std::string::npos) << line;
  }
  EXPECT_EQ(mail.subject.find('\r'), std::string::npos);
  EXPECT_EQ(mail.subject.find('\n'), std::string::npos);
  EXPECT_EQ(mail.message_id.find('\n'), std::string::npos);
  EXPECT_EQ(Header(mail, "Reply-To"), "");
}

TEST(StaffNotification, SameInputSameBytes) {
  MailMessage a = StaffNotification(Objection(), Identity(), kStaff, kNow);
  MailMessage b = StaffNotification(Objection(), Identity(), kStaff, kNow);
  EXPECT_EQ(MailHeaderLines(a), MailHeaderLines(b));
  EXPECT_EQ(a.body, b.body);
}

TEST(ResidentReceipt, TellsReferenceNextStepsDueDateAndContact) {
  MailMessage mail = ResidentReceipt(Objection(), Identity(), kNow, English());
  EXPECT_EQ(mail.to, std::vector<std::string>{"ann@example.org"});
  EXPECT_EQ(mail.message_id, "<K7MP3XWA.receipt@register.example.gov.uk>");
  EXPECT_EQ(Header(mail, "Auto-Submitted"), "auto-replied");
  EXPECT_NE(mail.subject.find("K7MP3XWA"), std::string::npos);
  for (const char* expected : {"K7MP3XWA", "What happens next", "Tuesday 22 December 2026", "one calendar month",
                               "data.protection@example.gov.uk", "Example Borough Council"}) {
    EXPECT_NE(mail.body.find(expected), std::string::npos) << expected << " missing from\n" << mail.body;
  }
}

TEST(ResidentReceipt, NeverCarriesAnythingTheResidentTyped) {
  for (const char* kind : {"question", "feedback", "objection", "review"}) {
    SubmissionFacts facts = Objection();
    facts.request_type = kind;
    facts.message = "Buy cheap watches at spam.example ZQXMESSAGE";
    facts.name = "ZQXNAME Your account is locked";
    facts.case_reference = "ZQXCASE call 0900 000000";
    facts.email = "victim@example.org";
    MailMessage mail = ResidentReceipt(facts, Identity(), kNow, English());
    std::string all = Everything(mail);
    for (const char* typed : {"ZQXMESSAGE", "spam.example", "ZQXNAME", "locked", "ZQXCASE", "0900"}) {
      EXPECT_EQ(all.find(typed), std::string::npos) << kind << ": " << typed << " found in\n" << all;
    }
  }
}

TEST(ResidentReceipt, NoRecipientWhenTheAddressIsNotOne) {
  SubmissionFacts facts = Objection();
  facts.email = "victim@example.org\r\nBcc: many@example.org";
  EXPECT_TRUE(ResidentReceipt(facts, Identity(), kNow, English()).to.empty());
}

TEST(DailyDigest, CountsAndListsWithoutMessageText) {
  std::vector<DigestItem> items = {
      {"K7MP3XWA", "objection", "bin-check", "new", "2026-12-01", true},
      {"M4RT6YUP", "question", "parking-permits", "in_progress", "2026-12-04", false},
      {"P9LK2WHE", "review", "housing-priority", "new", "2026-12-05", false},
  };
  MailMessage mail = DailyDigest(items, "2026-12-02", "Algorithmic tools register", Identity(), kStaff, kNow);
  EXPECT_EQ(mail.message_id, "<digest-2026-12-02@register.example.gov.uk>");
  EXPECT_EQ(mail.subject, "Algorithmic tools register: 1 overdue, 2 due soon – 2026-12-02");
  size_t overdue = mail.body.find("\nOverdue\n"), soon = mail.body.find("\nDue soon\n");
  ASSERT_NE(overdue, std::string::npos) << mail.body;
  ASSERT_NE(soon, std::string::npos) << mail.body;
  size_t k7 = mail.body.find("K7MP3XWA  Objection  bin-check  due 2026-12-01  new");
  EXPECT_TRUE(k7 > overdue && k7 < soon) << mail.body;
  EXPECT_GT(mail.body.find("M4RT6YUP  Question  parking-permits  due 2026-12-04  in_progress"), soon);
  EXPECT_GT(mail.body.find("P9LK2WHE  Review request  housing-priority"), soon);
}

TEST(MailHeaders, NonAsciiSubjectBecomesEncodedWordsThatDecodeBack) {
  SubmissionFacts facts = Objection();
  facts.record_title = "Gwasanaeth ŵ ŷ – خدمة 🗑️ " + std::string(40, 'x');
  MailMessage mail = StaffNotification(facts, Identity(), kStaff, kNow);
  std::string subject_line;
  for (const std::string& line : MailHeaderLines(mail)) {
    if (line.rfind("Subject: ", 0) == 0) subject_line = line.substr(9);
  }
  ASSERT_EQ(subject_line.rfind("=?UTF-8?Q?", 0), 0u) << subject_line;
  // Each encoded-word at most 75 characters, all ASCII, joined by folding.
  std::string decoded;
  size_t start = 0;
  while (start < subject_line.size()) {
    size_t end = subject_line.find("\r\n ", start);
    std::string word = subject_line.substr(start, end == std::string::npos ? std::string::npos : end - start);
    EXPECT_LE(word.size(), 75u) << word;
    ASSERT_EQ(word.rfind("=?UTF-8?Q?", 0), 0u) << word;
    ASSERT_EQ(word.substr(word.size() - 2), "?=");
    std::string payload = word.substr(10, word.size() - 12);
    for (size_t i = 0; i < payload.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(payload[i]);
      ASSERT_LT(c, 0x80);
      if (c == '_') {
        decoded += ' ';
      } else if (c == '=') {
        decoded += static_cast<char>(std::stoi(payload.substr(i + 1, 2), nullptr, 16));
        i += 2;
      } else {
        decoded += static_cast<char>(c);
      }
    }
    if (end == std::string::npos) break;
    start = end + 3;
  }
  EXPECT_EQ(decoded, mail.subject);
  EXPECT_NE(mail.subject.find("Gwasanaeth ŵ ŷ – خدمة 🗑️"), std::string::npos);
}

TEST(MailHeaders, AsciiStaysReadableAndDisplayNamesAreQuotedOrEncoded) {
  EXPECT_EQ(EncodeHeaderText("Plain subject"), "Plain subject");
  MailMessage mail;
  mail.from = "lantern@example.gov.uk";
  mail.from_name = "Register \"Lantern\"";
  EXPECT_EQ(MailHeaderLines(mail)[0], "From: \"Register \\\"Lantern\\\"\" <lantern@example.gov.uk>");
  mail.from_name = "Cyngor Gŵyr";
  EXPECT_EQ(MailHeaderLines(mail)[0], "From: =?UTF-8?Q?Cyngor_G=C5=B5yr?= <lantern@example.gov.uk>");
}

TEST(MailHeaders, NonAsciiBodySurvivesAsUtf8) {
  SubmissionFacts facts = Objection();
  facts.message = "Bore da! ŵ ŷ — مرحبا 🎉\r\nsecond line";
  MailMessage mail = StaffNotification(facts, Identity(), kStaff, kNow);
  EXPECT_NE(mail.body.find("Bore da! ŵ ŷ — مرحبا 🎉\nsecond line"), std::string::npos) << mail.body;
  EXPECT_EQ(mail.body.find('\r'), std::string::npos);
}

TEST(MailAddress, WellFormedOnly) {
  EXPECT_TRUE(IsMailAddress("ann.resident+form@example.org"));
  for (const char* bad : {"", "ann", "@example.org", "ann@", "ann@example", "ann@@example.org", "ann @example.org",
                          "ann@example.org\n", "\"ann\"@example.org", "ann@exa<mple.org", "änn@example.org",
                          "ann@.example.org", "ann..b@example.org"}) {
    EXPECT_FALSE(IsMailAddress(bad)) << bad;
  }
}

TEST(MailDate, Rfc5322InUtc) {
  EXPECT_EQ(MailDate(0), "Thu, 01 Jan 1970 00:00:00 +0000");
  EXPECT_EQ(MailDate(1795325415), "Sun, 22 Nov 2026 05:30:15 +0000");
}

TEST(Webhook, BodyHasStableKeyOrder) {
  EXPECT_EQ(WebhookBody(Objection()),
            "{\"event\":\"submission.received\",\"reference\":\"K7MP3XWA\",\"request_type\":\"objection\","
            "\"record_id\":\"bin-check\",\"record_title\":\"Bin collection checker\","
            "\"record_url\":\"https://register.example.gov.uk/records/bin-check/\","
            "\"received_at\":\"2026-11-22T05:30:15Z\",\"due_on\":\"2026-12-22\","
            "\"message\":\"Please stop using my data.\",\"name\":\"Ann Resident\",\"email\":\"ann@example.org\","
            "\"reply_wanted\":true,\"case_reference\":\"\",\"language\":\"\"}");
}

TEST(Webhook, SignatureIsHmacOfTimestampDotBody) {
  WebhookRequest request = SignedWebhook(Objection(), "s3cret", kNow);
  std::map<std::string, std::string> headers(request.headers.begin(), request.headers.end());
  EXPECT_EQ(headers["Content-Type"], "application/json");
  EXPECT_EQ(headers["Idempotency-Key"], "K7MP3XWA");
  EXPECT_EQ(headers["X-Lantern-Timestamp"], "1795325415");
  EXPECT_EQ(headers["X-Lantern-Signature"],
            "sha256=" + HexEncode(HmacSha256("s3cret", "1795325415." + request.body)));
  EXPECT_NE(headers["X-Lantern-Signature"], SignedWebhook(Objection(), "other", kNow).headers[3].second);
  EXPECT_EQ(request.body, SignedWebhook(Objection(), "s3cret", kNow).body);
}

}  // namespace
}  // namespace lantern
