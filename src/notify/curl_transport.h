// Sending the messages of notify/messages.h: email over SMTP and webhooks
// over HTTPS, both with libcurl (curl_transport.cc is its only includer).
//
// Each call is one blocking attempt with a timeout; retrying, backing off and
// remembering what was sent belong to the caller's outbox. Calls may run on
// several threads at once (each uses its own curl handle). TLS certificates
// are always verified, against `ca_file` when it is set (that file only),
// otherwise against the system's CA store.
#ifndef LANTERN_NOTIFY_CURL_TRANSPORT_H_
#define LANTERN_NOTIFY_CURL_TRANSPORT_H_

#include <string>

#include "base/status.h"
#include "notify/messages.h"

namespace lantern {

struct SmtpSettings {
  std::string url;  // smtp://host:port (STARTTLS when offered) or smtps://host:port
  std::string user, password;  // from the environment, read by the caller; empty user = no AUTH
  std::string ca_file;         // empty = the system CA store
  long timeout_ms = 30000;
};

// Ok once the server accepted the message (250 after DATA). The body goes as
// UTF-8 text/plain, quoted-printable (curl's MIME encoder); the headers are
// MailHeaderLines(message). With a user set on smtp://, STARTTLS is required,
// so a password never crosses the network in clear.
// Failure: a Status naming the server URL and curl's reason, with the
// server's last reply when there was one (e.g. "451 4.3.0 Try again later");
// it never includes the password. Refused before connecting: a URL
// CheckSmtpUrl refuses, a From or To that is not IsMailAddress, no recipient.
Status SendMail(const SmtpSettings& settings, const MailMessage& message);

struct WebhookSettings {
  std::string url;  // https:// (http:// only for 127.0.0.1/localhost, for tests and local case systems)
  std::string ca_file;
  long timeout_ms = 15000;
};

// POSTs request.body with request.headers. Ok on a 2xx answer. Failure
// (connect, TLS verification, a non-2xx answer — "HTTP 500" with the status
// code; redirects are never followed, a 3xx is a failure naming its Location):
// a Status with the reason and the URL.
Status PostWebhook(const WebhookSettings& settings, const WebhookRequest& request);

// Checks a URL before a server starts, so `lantern serve --smtp nonsense`
// fails at once. SMTP: scheme smtp or smtps, a host, no user or password in
// the URL (they come from the environment). Webhook: https with a host, or
// http to 127.0.0.1, ::1 or localhost; no user or password in the URL.
// Ok, or a Status saying what is wrong (without echoing any password).
Status CheckSmtpUrl(const std::string& url);
Status CheckWebhookUrl(const std::string& url);

}  // namespace lantern

#endif  // LANTERN_NOTIFY_CURL_TRANSPORT_H_
