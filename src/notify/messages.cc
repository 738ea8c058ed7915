#include "notify/messages.h"

#include <chrono>
#include <cstdio>
#include <optional>

#include "base/crypto.h"
#include "base/json_text.h"
#include "base/utf8.h"

namespace lantern {
namespace {

bool IsAscii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

// Only characters that may stand for themselves in a Message-ID's dot-atom
// (and that nobody would mistake for structure): a reference or domain with
// anything else is reduced to these.
std::string IdAtom(std::string_view text) {
  std::string out;
  for (char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_') {
      out += c;
    }
  }
  return out;
}

std::string MessageId(std::string_view left, const MailIdentity& identity) {
  std::string domain = IdAtom(identity.message_id_domain);
  if (domain.empty()) domain = "lantern.invalid";  // RFC 2606: can never be someone else's
  std::string local = IdAtom(left);
  if (local.empty()) local = "unknown";
  return "<" + local + "@" + domain + ">";
}

// Body text: valid UTF-8 with "\n" line ends only, whatever the form sent.
std::string BodyText(std::string_view text) {
  std::string valid = ReplaceInvalidUtf8(text);
  std::string out;
  out.reserve(valid.size());
  for (size_t i = 0; i < valid.size(); ++i) {
    if (valid[i] == '\r') {
      out += '\n';
      if (i + 1 < valid.size() && valid[i + 1] == '\n') ++i;
    } else {
      out += valid[i];
    }
  }
  return out;
}

// A header text (subject, display name) from a possibly long record title:
// safe, and cut at a code point boundary so one title cannot make the
// subject line unreadable.
std::string ShortHeaderText(std::string_view text, size_t max_code_points) {
  std::string safe = HeaderSafe(ReplaceInvalidUtf8(text));
  if (CountCodePoints(safe) <= max_code_points) return safe;
  size_t count = 0, i = 0;
  for (; i < safe.size(); ++i) {
    if ((static_cast<unsigned char>(safe[i]) & 0xC0) != 0x80) {
      if (count == max_code_points) break;
      ++count;
    }
  }
  return safe.substr(0, i) + "…";
}

// English always: the RFC 5322 Date header's names (the receipt's own dates
// are in the resident's language, from ReceiptWords).
constexpr const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};
constexpr const char* kDayNames[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

bool IsMonthKind(std::string_view request_type) { return request_type == "objection" || request_type == "review"; }

// The kind as the first word of a subject line.
std::string KindTitle(std::string_view request_type) {
  if (request_type == "question") return "Question";
  if (request_type == "feedback") return "Feedback";
  if (request_type == "objection") return "Objection";
  if (request_type == "review") return "Review request";
  return "Submission";
}

// The receipt_kind_* key of a kind of submission.
std::string KindKey(std::string_view request_type) {
  for (const char* kind : {"question", "feedback", "objection", "review"}) {
    if (request_type == kind) return std::string("receipt_kind_") + kind;
  }
  return "receipt_kind_message";
}

// `paragraph` in lines of at most 76 characters, each ending in "\n": RFC
// 5322 asks for lines of at most 78, and a translation's sentences are
// written unbroken.
std::string Wrapped(std::string_view paragraph) {
  std::string out;
  for (const std::string& line : WrapWords(paragraph, 76)) out += line + "\n";
  return out;
}

void AddLine(std::string& body, std::string_view label, std::string_view value) {
  std::string line(label);
  line += ':';
  for (size_t width = CountCodePoints(line); width < 16; ++width) line += ' ';
  body += line + BodyText(value) + "\n";
}

}  // namespace

bool IsMailAddress(std::string_view address) {
  if (address.empty() || address.size() > 254) return false;
  size_t at = address.find('@');
  if (at == std::string_view::npos || at == 0 || address.find('@', at + 1) != std::string_view::npos) return false;
  std::string_view local = address.substr(0, at), domain = address.substr(at + 1);
  if (local.size() > 64 || domain.size() < 3) return false;
  for (unsigned char c : address) {
    if (c <= 0x20 || c >= 0x7F) return false;
    if (std::string_view("\"(),:;<>[\\]").find(static_cast<char>(c)) != std::string_view::npos) return false;
  }
  if (domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.' ||
      domain.find("..") != std::string_view::npos || local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string_view::npos) {
    return false;
  }
  return true;
}

std::string HeaderSafe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    bool space = c < 0x20 || c == 0x7F || c == ' ';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string MailDate(int64_t unix_seconds) {
  using namespace std::chrono;
  sys_seconds t{seconds{unix_seconds}};
  sys_days day = floor<days>(t);
  year_month_day ymd{day};
  hh_mm_ss<seconds> hms{t - day};
  char text[64];
  std::snprintf(text, sizeof text, "%.3s, %02u %.3s %04d %02ld:%02ld:%02ld +0000",
                kDayNames[weekday{day}.c_encoding()], static_cast<unsigned>(ymd.day()),
                kMonthNames[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long>(hms.seconds().count()));
  return text;
}

// Hand-written because no library we link encodes headers: curl's MIME API
// encodes bodies (and file names) only, and a mail library for one header
// would be a second SMTP stack. "Q" encoding (RFC 2047 section 4.2) is a few
// lines; we use the restricted character set of section 5(3), valid in a
// Subject and in a display name alike.
std::string EncodeHeaderText(std::string_view utf8) {
  std::string text = ReplaceInvalidUtf8(utf8);
  bool plain = IsAscii(text);
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7F) plain = false;
  }
  if (plain && text.find("=?") == std::string::npos) return text;

  constexpr size_t kMaxPayload = 75 - 12;  // "=?UTF-8?Q?" and "?="
  std::vector<std::string> words;
  std::string payload;
  size_t i = 0;
  while (i < text.size()) {
    // One code point's bytes at a time, so a word never splits a character.
    size_t length = 1;
    unsigned char lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0xF0) length = 4;
    else if (lead >= 0xE0) length = 3;
    else if (lead >= 0xC0) length = 2;
    std::string encoded;
    for (size_t k = i; k < i + length && k < text.size(); ++k) {
      unsigned char c = static_cast<unsigned char>(text[k]);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
          std::string_view("!*+-/").find(static_cast<char>(c)) != std::string_view::npos) {
        encoded += static_cast<char>(c);
      } else if (c == ' ') {
        encoded += '_';
      } else {
        char hex[4];
        std::snprintf(hex, sizeof hex, "=%02X", c);
        encoded += hex;
      }
    }
    if (payload.size() + encoded.size() > kMaxPayload) {
      words.push_back(payload);
      payload.clear();
    }
    payload += encoded;
    i += length;
  }
  if (!payload.empty()) words.push_back(payload);
  std::string out;
  for (size_t w = 0; w < words.size(); ++w) {
    if (w > 0) out += "\r\n ";
    out += "=?UTF-8?Q?" + words[w] + "?=";
  }
  return out;
}

std::vector<std::string> MailHeaderLines(const MailMessage& message) {
  std::vector<std::string> lines;
  std::string from = HeaderSafe(message.from);
  std::string name = HeaderSafe(message.from_name);
  if (name.empty()) {
    lines.push_back("From: " + from);
  } else if (IsAscii(name)) {
    std::string quoted;
    for (char c : name) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    lines.push_back("From: \"" + quoted + "\" <" + from + ">");
  } else {
    lines.push_back("From: " + EncodeHeaderText(name) + " <" + from + ">");
  }
  std::string to;
  for (const std::string& address : message.to) {
    if (!to.empty()) to += ", ";
    to += HeaderSafe(address);
  }
  lines.push_back("To: " + to);
  lines.push_back("Subject: " + EncodeHeaderText(HeaderSafe(message.subject)));
  lines.push_back("Date: " + HeaderSafe(message.date));
  lines.push_back("Message-ID: " + HeaderSafe(message.message_id));
  for (const auto& [field, value] : message.headers) {
    std::string safe_field;
    for (char c : field) {
      // A field name is printable ASCII without ':' (RFC 5322 section 2.2).
      if (c > 0x20 && c < 0x7F && c != ':') safe_field += c;
    }
    if (safe_field.empty()) continue;
    lines.push_back(safe_field + ": " + EncodeHeaderText(HeaderSafe(value)));
  }
  return lines;
}

std::string RequestTypeInWords(std::string_view request_type) {
  if (request_type == "question") return "question";
  if (request_type == "feedback") return "feedback";
  if (request_type == "objection") return "objection to the use of personal data (UK GDPR Article 21)";
  if (request_type == "review") return "request for a person to review a decision (UK GDPR Articles 22A–22D)";
  return "submission of an unknown kind (" + HeaderSafe(request_type) + ")";
}

MailMessage StaffNotification(const SubmissionFacts& facts, const MailIdentity& identity,
                              const std::vector<std::string>& to, int64_t now_unix) {
  MailMessage mail;
  mail.from = identity.from_address;
  mail.from_name = identity.from_name;
  mail.to = to;
  mail.subject = KindTitle(facts.request_type) + " " + HeaderSafe(facts.reference) + " to " +
                 ShortHeaderText(facts.record_title, 80) + " – answer by " + HeaderSafe(facts.due_on);
  // A letter not in English says so where staff see it first, so it goes to
  // someone who can answer in that language.
  const std::string name = HeaderSafe(facts.language_name.empty() ? facts.language : facts.language_name);
  const bool english = facts.language == "en" || facts.language.rfind("en-", 0) == 0;
  const std::string language = facts.language.empty() ? "" : name + " (" + HeaderSafe(facts.language) + ")";
  if (!facts.language.empty() && !english) mail.subject += " – in " + name;
  mail.message_id = MessageId(facts.reference + ".staff", identity);
  mail.date = MailDate(now_unix);
  mail.headers.push_back({"Auto-Submitted", "auto-generated"});
  if (facts.reply_wanted && IsMailAddress(facts.email)) mail.headers.push_back({"Reply-To", facts.email});

  std::string& body = mail.body;
  body += KindTitle(facts.request_type) + " received through " +
          BodyText(facts.site_title.empty() ? "the register" : facts.site_title) + ".\n\n";
  AddLine(body, "Reference", facts.reference);
  AddLine(body, "Request", RequestTypeInWords(facts.request_type));
  AddLine(body, "Record", facts.record_title + " (" + facts.record_id + ")");
  AddLine(body, "Record page", facts.record_url);
  AddLine(body, "Received", facts.received_at);
  if (!language.empty()) {
    AddLine(body, "Language",
            english ? language : language + ": the resident wrote in " + name + "; answer in " + name);
  }
  if (IsMonthKind(facts.request_type)) {
    AddLine(body, "Answer by", facts.due_on + " (one calendar month from receipt, UK GDPR Article 12(3);");
    body += std::string(16, ' ') + "it may be extended by two further months if the resident is told why\n" +
            std::string(16, ' ') + "within the first month)\n";
  } else {
    AddLine(body, "Answer by", facts.due_on + " (the council's response target in working days)");
  }
  AddLine(body, "Name", facts.name.empty() ? "(not given)" : facts.name);
  AddLine(body, "Email", facts.email.empty() ? "(not given)" : facts.email);
  AddLine(body, "Reply wanted", facts.reply_wanted ? "yes" : "no");
  if (facts.request_type == "review" || !facts.case_reference.empty()) {
    AddLine(body, "Case reference", facts.case_reference.empty() ? "(not given)" : facts.case_reference);
  }
  body += "\nMessage:\n";
  std::string message = BodyText(facts.message);
  body += message.empty() ? "(empty)\n" : message;
  if (!body.empty() && body.back() != '\n') body += '\n';
  body += "\nSee it and its history with: lantern feedback show " + BodyText(facts.reference) + "\n";
  return mail;
}

MailMessage ResidentReceipt(const SubmissionFacts& facts, const MailIdentity& identity, int64_t now_unix,
                            const ReceiptWords& words) {
  MailMessage mail;
  mail.from = identity.from_address;
  mail.from_name = identity.from_name;
  if (IsMailAddress(facts.email)) mail.to.push_back(facts.email);
  const std::string who = !facts.organisation.empty() ? facts.organisation
                          : !facts.site_title.empty() ? facts.site_title
                                                      : words.text("receipt_council", {});
  const std::string kind = words.text(KindKey(facts.request_type), {});
  // Only texts from the register, the theme and Lantern below: never
  // facts.message, facts.name or facts.case_reference (see the header).
  mail.subject = HeaderSafe(words.text("receipt_subject", {{"kind", kind}, {"reference", facts.reference}}));
  mail.message_id = MessageId(facts.reference + ".receipt", identity);
  mail.date = MailDate(now_unix);
  mail.headers.push_back({"Auto-Submitted", "auto-replied"});
  // Outlook and Exchange honour this instead of Auto-Submitted: no out-of-office loops.
  mail.headers.push_back({"X-Auto-Response-Suppress", "All"});

  std::string& body = mail.body;
  body += Wrapped(BodyText(words.text("receipt_opening",
                                      {{"organisation", who}, {"kind", kind}, {"record", facts.record_title}}))) +
          "\n";
  AddLine(body, words.text("receipt_reference_label", {}), facts.reference);
  AddLine(body, words.text("receipt_received_label", {}), words.date(facts.received_at.substr(0, 10)));
  AddLine(body, words.text("receipt_answer_by_label", {}), words.date(facts.due_on));
  if (!facts.record_url.empty()) AddLine(body, words.text("receipt_record_label", {}), facts.record_url);
  body += "\n" + words.text("receipt_next_heading", {}) + "\n\n";
  const std::string next = facts.request_type == "objection" ? "receipt_next_objection"
                           : facts.request_type == "review"  ? "receipt_next_review"
                           : facts.reply_wanted              ? "receipt_next_reply"
                                                             : "receipt_next_no_reply";
  body += Wrapped(words.text(next, {{"kind", kind}}));
  body += "\n" + words.text("receipt_contact_heading", {}) + "\n\n";
  const std::string contact = facts.contact_email.empty() ? identity.from_address : facts.contact_email;
  body += Wrapped(words.text("receipt_quote_reference", {{"reference", BodyText(facts.reference)}}));
  if (!contact.empty()) AddLine(body, words.text("receipt_email_label", {}), contact);
  if (!facts.contact_phone.empty()) AddLine(body, words.text("receipt_phone_label", {}), facts.contact_phone);
  body += "\n" + Wrapped(words.text("receipt_automatic", {}));
  return mail;
}

MailMessage DailyDigest(const std::vector<DigestItem>& items, const std::string& date, const std::string& site_title,
                        const MailIdentity& identity, const std::vector<std::string>& to, int64_t now_unix) {
  std::vector<const DigestItem*> overdue, due_soon;
  for (const DigestItem& item : items) (item.overdue ? overdue : due_soon).push_back(&item);
  MailMessage mail;
  mail.from = identity.from_address;
  mail.from_name = identity.from_name;
  mail.to = to;
  mail.subject = ShortHeaderText(site_title.empty() ? "Lantern" : site_title, 60) + ": " +
                 std::to_string(overdue.size()) + " overdue, " + std::to_string(due_soon.size()) +
                 " due soon – " + HeaderSafe(date);
  mail.message_id = MessageId("digest-" + date, identity);
  mail.date = MailDate(now_unix);
  mail.headers.push_back({"Auto-Submitted", "auto-generated"});

  std::string& body = mail.body;
  body += "Requests waiting for an answer on " + BodyText(date) + ":\n\n";
  AddLine(body, "Overdue", std::to_string(overdue.size()));
  AddLine(body, "Due soon", std::to_string(due_soon.size()));
  auto list = [&body](const char* heading, const std::vector<const DigestItem*>& list_items) {
    body += "\n" + std::string(heading) + "\n";
    if (list_items.empty()) {
      body += "  (none)\n";
      return;
    }
    for (const DigestItem* item : list_items) {
      body += "  " + BodyText(item->reference) + "  " + KindTitle(item->request_type) + "  " +
              BodyText(item->record_id) + "  due " + BodyText(item->due_on) + "  " + BodyText(item->status) + "\n";
    }
  };
  list("Overdue", overdue);
  list("Due soon", due_soon);
  body += "\nSee each one with: lantern feedback show REFERENCE\n";
  return mail;
}

std::string WebhookBody(const SubmissionFacts& facts) {
  std::string json = "{\"event\":\"submission.received\"";
  auto field = [&json](const char* key, const std::string& value) {
    json += ",\"" + std::string(key) + "\":" + JsonString(ReplaceInvalidUtf8(value));
  };
  field("reference", facts.reference);
  field("request_type", facts.request_type);
  field("record_id", facts.record_id);
  field("record_title", facts.record_title);
  field("record_url", facts.record_url);
  field("received_at", facts.received_at);
  field("due_on", facts.due_on);
  field("message", facts.message);
  field("name", facts.name);
  field("email", facts.email);
  json += std::string(",\"reply_wanted\":") + (facts.reply_wanted ? "true" : "false");
  field("case_reference", facts.case_reference);
  field("language", facts.language);
  json += "}";
  return json;
}

WebhookRequest SignedWebhook(const SubmissionFacts& facts, const std::string& secret, int64_t now_unix) {
  WebhookRequest request;
  request.body = WebhookBody(facts);
  std::string timestamp = std::to_string(now_unix);
  request.headers = {
      {"Content-Type", "application/json"},
      {"Idempotency-Key", HeaderSafe(facts.reference)},
      {"X-Lantern-Timestamp", timestamp},
      {"X-Lantern-Signature", "sha256=" + HexEncode(HmacSha256(secret, timestamp + "." + request.body))},
  };
  return request;
}

}  // namespace lantern
