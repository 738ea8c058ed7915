// The texts Lantern sends about residents' submissions: the email to staff,
// the receipt to the resident, the daily digest, and the signed webhook.
//
// Pure: no I/O and no clock (the caller passes the time), so the same input
// gives the same bytes and a retried delivery is the same message (same
// Message-ID, same Idempotency-Key) that the receiver can recognise.
//
// Header values never carry CR, LF or other control characters from anything
// a resident typed: they are replaced by spaces, so no form field can add a
// header (a Bcc) to a message.
#ifndef LANTERN_NOTIFY_MESSAGES_H_
#define LANTERN_NOTIFY_MESSAGES_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lantern {

struct MailIdentity {
  std::string from_address;       // the envelope sender and the From address
  std::string from_name;          // display name, may be non-ASCII
  std::string message_id_domain;  // e.g. the host of the site's base_url
};

struct MailMessage {
  std::string from;       // bare address (envelope sender too)
  std::string from_name;  // display name in the From header; may be empty
  std::vector<std::string> to;
  std::string subject;     // UTF-8; encoded by MailHeaderLines when not ASCII
  std::string message_id;  // "<...@domain>"
  std::string date;        // RFC 5322 date, e.g. "Sun, 22 Nov 2026 05:30:15 +0000"
  std::string body;        // UTF-8 plain text, lines end in "\n"
  std::vector<std::pair<std::string, std::string>> headers;  // extra, e.g. Auto-Submitted, Reply-To
};

struct SubmissionFacts {
  std::string reference, request_type /* question|feedback|objection|review */, record_id, record_title,
      record_url, received_at /* 2026-11-22T05:30:15Z */, due_on /* YYYY-MM-DD */, message, name, email,
      case_reference, site_title, organisation;
  // The language the resident wrote in ("cy"), or empty when not known; staff
  // answer in it (the Welsh Language Standards require it for Welsh).
  std::string language;
  std::string language_name;  // its name in English ("Welsh"), from model/languages
  bool reply_wanted = false;
  // How residents reach the council, for the receipt; the sender address
  // is used when contact_email is empty.
  std::string contact_email, contact_phone;
};

// The email to staff about one submission. Subject "<Kind> <reference> to
// <record title> – answer by <due_on>"; the body has every fact, including the
// resident's message. Reply-To is the resident's address only when a reply
// is wanted and the address is well-formed (IsMailAddress). Message-ID
// "<REFERENCE.staff@domain>".
MailMessage StaffNotification(const SubmissionFacts& facts, const MailIdentity& identity,
                              const std::vector<std::string>& to, int64_t now_unix);

// The words of a receipt in the language the resident wrote in (the Welsh
// Language Standards ask that Welsh correspondence is answered in Welsh), so
// that this layer needs no theme: `text(key, values)` is the theme's string
// `key` (receipt_subject, receipt_kind_objection, …: strings/en.yaml) with
// its {placeholders} filled; `date(iso)` a day as a letter writes it, with
// its weekday. ReceiptWordsOf (server/receipt_words.h) makes them from a theme.
struct ReceiptWords {
  std::function<std::string(const std::string& key, const std::map<std::string, std::string>& values)> text;
  std::function<std::string(std::string_view iso_date)> date;
};

// The receipt to the resident (to = facts.email, or no recipient when that is
// not a well-formed address), in `words`' language, each sentence wrapped at
// 76 characters. It holds only texts Lantern chose (reference, kind, record
// title from the register, due date, contact) and never anything the
// resident typed, so the form cannot send a stranger words of the sender's
// choosing. Auto-Submitted: auto-replied; Message-ID "<REFERENCE.receipt@domain>".
MailMessage ResidentReceipt(const SubmissionFacts& facts, const MailIdentity& identity, int64_t now_unix,
                            const ReceiptWords& words);

struct DigestItem {
  std::string reference, request_type, record_id, status, due_on;
  bool overdue = false;
};

// The daily email to staff: counts, then the overdue and the due-soon items
// (reference, kind, record, due date, status); never a message text.
// Message-ID "<digest-DATE@domain>".
MailMessage DailyDigest(const std::vector<DigestItem>& items, const std::string& date, const std::string& site_title,
                        const MailIdentity& identity, const std::vector<std::string>& to, int64_t now_unix);

// The submission as one compact JSON object with a fixed key order:
// event ("submission.received"), reference, request_type, record_id,
// record_title, record_url, received_at, due_on, message, name, email,
// reply_wanted, case_reference.
std::string WebhookBody(const SubmissionFacts& facts);

struct WebhookRequest {
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

// WebhookBody with the headers Content-Type: application/json,
// Idempotency-Key: <reference>, X-Lantern-Timestamp: <now_unix> and
// X-Lantern-Signature: sha256=<lower-case hex HMAC-SHA256 under `secret` of
// "<timestamp>.<body>">; the receiver recomputes it and may refuse old
// timestamps (replays).
WebhookRequest SignedWebhook(const SubmissionFacts& facts, const std::string& secret, int64_t now_unix);

// --- Building blocks, public so that the transport and the tests share them.

// True for a plain ASCII addr-spec "local@domain.tld" of at most 254 bytes
// with no spaces, quotes, angle brackets, commas or control characters: the
// only addresses Lantern puts in a header or an envelope.
bool IsMailAddress(std::string_view address);

// `text` with every control character (CR, LF, TAB, DEL, ...) replaced by a
// space, runs of spaces collapsed and the ends trimmed: safe in a header.
std::string HeaderSafe(std::string_view text);

// RFC 5322 date of a Unix time, in UTC: "Sun, 22 Nov 2026 05:30:15 +0000".
std::string MailDate(int64_t unix_seconds);

// A header value as it goes on the wire: unchanged when it is printable
// ASCII, otherwise RFC 2047 "Q" encoded-words of UTF-8, each at most 75
// characters, never splitting a character, joined by "\r\n " (folding).
std::string EncodeHeaderText(std::string_view utf8);

// The message's header lines, in order, without line ends: From, To,
// Subject, Date, Message-ID, then the extra headers. Every value has been
// through HeaderSafe; texts are encoded by EncodeHeaderText. The body's
// Content-Type and transfer encoding are added by the transport (curl's MIME).
std::vector<std::string> MailHeaderLines(const MailMessage& message);

// The request type in words for staff, e.g. objection → "objection to the use
// of personal data (UK GDPR Article 21)".
std::string RequestTypeInWords(std::string_view request_type);

}  // namespace lantern

#endif  // LANTERN_NOTIFY_MESSAGES_H_
