// The only file that includes libcurl.
#include "notify/curl_transport.h"

#include <curl/curl.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "base/utf8.h"

namespace lantern {
namespace {

// curl_global_init is not thread-safe in curl 7.88 and must run before any
// handle exists: once, on first use, from whichever thread gets here first.
void GlobalInitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct EasyDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
struct MimeDeleter {
  void operator()(curl_mime* mime) const { curl_mime_free(mime); }
};
struct UrlDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};
using Easy = std::unique_ptr<CURL, EasyDeleter>;
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

void Append(Slist& list, const std::string& line) {
  curl_slist* grown = curl_slist_append(list.get(), line.c_str());
  if (grown != nullptr) {
    (void)list.release();
    list.reset(grown);
  }
}

struct ParsedUrl {
  std::string scheme, host, port;
  bool has_credentials = false;
  std::string Display() const { return scheme + "://" + host + (port.empty() ? "" : ":" + port); }
};

// The URL's parts through curl's own parser (the same one that will connect),
// or a Status when it is not a URL at all.
Result<ParsedUrl> ParseUrl(const std::string& text) {
  GlobalInitOnce();
  std::unique_ptr<CURLU, UrlDeleter> url(curl_url());
  if (!url) return Status::Error("out of memory parsing a URL");
  CURLUcode code = curl_url_set(url.get(), CURLUPART_URL, text.c_str(), CURLU_NON_SUPPORT_SCHEME);
  if (code != CURLUE_OK) return Status::Error(std::string("not a URL (") + curl_url_strerror(code) + ")");
  ParsedUrl parsed;
  auto get = [&url](CURLUPart part, std::string& out) {
    char* value = nullptr;
    if (curl_url_get(url.get(), part, &value, 0) == CURLUE_OK && value != nullptr) {
      out = value;
      curl_free(value);
      return true;
    }
    return false;
  };
  get(CURLUPART_SCHEME, parsed.scheme);
  get(CURLUPART_HOST, parsed.host);
  get(CURLUPART_PORT, parsed.port);
  std::string ignored;
  parsed.has_credentials = get(CURLUPART_USER, ignored) || get(CURLUPART_PASSWORD, ignored);
  return parsed;
}

bool IsLoopbackHost(const std::string& host) {
  return host == "127.0.0.1" || host == "[::1]" || host == "::1" || host == "localhost";
}

// What each transfer collects for its error message.
struct Transcript {
  char error[CURL_ERROR_SIZE] = {};
  std::string last_server_line;  // SMTP: the server's last reply line
  std::string response_start;    // HTTP: the first bytes of the answer's body
};

// Keeps the server's last reply line (what curl's own message leaves out,
// e.g. "451 4.3.0 Try again later"). Only what the server said (HEADER_IN)
// is kept: the client's lines would include AUTH, i.e. the password.
int OnDebug(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  if (type != CURLINFO_HEADER_IN) return 0;
  std::string line(data, size);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  if (!line.empty()) static_cast<Transcript*>(user)->last_server_line = HeaderSafe(line.substr(0, 300));
  return 0;
}

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  std::string& start = static_cast<Transcript*>(user)->response_start;
  size_t bytes = size * count;
  if (start.size() < 200) start.append(data, std::min(bytes, 200 - start.size()));
  return bytes;
}

// Settings both transports share: verified TLS, a deadline, no signals
// (threads), curl's messages into the transcript.
void CommonOptions(CURL* curl, const std::string& url, const std::string& ca_file, long timeout_ms,
                   Transcript& transcript) {
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, transcript.error);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!ca_file.empty()) {
    // That file only: without clearing CAPATH, Debian's curl would also
    // trust every CA in /etc/ssl/certs.
    curl_easy_setopt(curl, CURLOPT_CAINFO, ca_file.c_str());
    curl_easy_setopt(curl, CURLOPT_CAPATH, static_cast<char*>(nullptr));
  }
}

std::string CurlReason(CURLcode code, const Transcript& transcript) {
  std::string reason = curl_easy_strerror(code);
  if (transcript.error[0] != '\0') reason += " (" + HeaderSafe(transcript.error) + ")";
  return reason;
}

}  // namespace

Status CheckSmtpUrl(const std::string& url) {
  Result<ParsedUrl> parsed = ParseUrl(url);
  if (!parsed.ok()) return parsed.status().WithContext("SMTP server");
  const ParsedUrl& p = parsed.value();
  if (p.scheme != "smtp" && p.scheme != "smtps") {
    return Status::Error("SMTP server: the URL must start smtp:// or smtps://, not " + p.scheme + "://");
  }
  if (p.host.empty()) return Status::Error("SMTP server: the URL has no host");
  if (p.has_credentials) {
    return Status::Error("SMTP server " + p.Display() +
                         ": the URL holds a user or password; give them in the environment instead");
  }
  return Status::Ok();
}

Status CheckWebhookUrl(const std::string& url) {
  Result<ParsedUrl> parsed = ParseUrl(url);
  if (!parsed.ok()) return parsed.status().WithContext("webhook");
  const ParsedUrl& p = parsed.value();
  if (p.host.empty()) return Status::Error("webhook: the URL has no host");
  if (p.has_credentials) {
    return Status::Error("webhook " + p.Display() + ": the URL holds a user or password, which would be logged");
  }
  if (p.scheme == "https") return Status::Ok();
  if (p.scheme == "http") {
    if (IsLoopbackHost(p.host)) return Status::Ok();
    return Status::Error("webhook " + p.Display() +
                         ": http:// is allowed only to 127.0.0.1 or localhost; residents' messages need https://");
  }
  return Status::Error("webhook: the URL must start https://, not " + p.scheme + "://");
}

Status SendMail(const SmtpSettings& settings, const MailMessage& message) {
  if (Status url = CheckSmtpUrl(settings.url); !url.ok()) return url;
  std::string server = ParseUrl(settings.url).value().Display();
  auto fail = [&server](const std::string& why) { return Status::Error("sending mail through " + server + ": " + why); };
  if (!IsMailAddress(message.from)) return fail("the sender \"" + HeaderSafe(message.from) + "\" is not an address");
  if (message.to.empty()) return fail("the message has no recipient");
  for (const std::string& to : message.to) {
    if (!IsMailAddress(to)) return fail("the recipient \"" + HeaderSafe(to) + "\" is not an address");
  }

  Easy curl(curl_easy_init());
  if (!curl) return fail("curl could not start a transfer");
  Transcript transcript;
  CommonOptions(curl.get(), settings.url, settings.ca_file, settings.timeout_ms, transcript);
  curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  if (!settings.user.empty()) {
    curl_easy_setopt(curl.get(), CURLOPT_USERNAME, settings.user.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_PASSWORD, settings.password.c_str());
  }
  // smtps:// is TLS from the start; for smtp:// TLS is used when offered, and
  // required when there is a password to protect.
  curl_easy_setopt(curl.get(), CURLOPT_USE_SSL, settings.user.empty() ? static_cast<long>(CURLUSESSL_TRY)
                                                                      : static_cast<long>(CURLUSESSL_ALL));
  curl_easy_setopt(curl.get(), CURLOPT_VERBOSE, 1L);  // only to feed OnDebug; nothing is printed
  curl_easy_setopt(curl.get(), CURLOPT_DEBUGFUNCTION, OnDebug);
  curl_easy_setopt(curl.get(), CURLOPT_DEBUGDATA, &transcript);

  curl_easy_setopt(curl.get(), CURLOPT_MAIL_FROM, message.from.c_str());
  Slist recipients;
  for (const std::string& to : message.to) Append(recipients, to);
  curl_easy_setopt(curl.get(), CURLOPT_MAIL_RCPT, recipients.get());
  Slist headers;
  for (const std::string& line : MailHeaderLines(message)) Append(headers, line);
  curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());

  // SMTP lines end in CRLF; curl's quoted-printable encoder keeps CRLF as a
  // line break but would encode a bare LF as =0A.
  std::string body;
  body.reserve(message.body.size() + message.body.size() / 40);
  for (char c : message.body) {
    if (c == '\n') body += '\r';
    if (c != '\r') body += c;
  }
  std::unique_ptr<curl_mime, MimeDeleter> mime(curl_mime_init(curl.get()));
  curl_mimepart* part = mime ? curl_mime_addpart(mime.get()) : nullptr;
  if (part == nullptr) return fail("out of memory building the message");
  curl_mime_data(part, body.data(), body.size());
  curl_mime_type(part, "text/plain; charset=utf-8");
  curl_mime_encoder(part, "quoted-printable");
  curl_easy_setopt(curl.get(), CURLOPT_MIMEPOST, mime.get());

  CURLcode code = curl_easy_perform(curl.get());
  if (code != CURLE_OK) {
    std::string why = CurlReason(code, transcript);
    if (!transcript.last_server_line.empty()) why += "; the server said \"" + transcript.last_server_line + "\"";
    return fail(why);
  }
  return Status::Ok();
}

Status PostWebhook(const WebhookSettings& settings, const WebhookRequest& request) {
  if (Status url = CheckWebhookUrl(settings.url); !url.ok()) return url;
  std::string target = ParseUrl(settings.url).value().Display();
  auto fail = [&target](const std::string& why) { return Status::Error("posting the webhook to " + target + ": " + why); };

  Easy curl(curl_easy_init());
  if (!curl) return fail("curl could not start a transfer");
  Transcript transcript;
  CommonOptions(curl.get(), settings.url, settings.ca_file, settings.timeout_ms, transcript);
  curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  // A redirect would re-send residents' personal data to a place nobody
  // configured: never follow one (curl's default, said out loud).
  curl_easy_setopt(curl.get(), CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl.get(), CURLOPT_USERAGENT, "Lantern-webhook/1");
  curl_easy_setopt(curl.get(), CURLOPT_POST, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, request.body.data());
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  Slist headers;
  for (const auto& [field, value] : request.headers) Append(headers, HeaderSafe(field) + ": " + HeaderSafe(value));
  Append(headers, "Expect:");  // no 100-continue round trip: the bodies are small
  curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &transcript);

  CURLcode code = curl_easy_perform(curl.get());
  if (code != CURLE_OK) return fail(CurlReason(code, transcript));
  long status = 0;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
  if (status >= 200 && status < 300) return Status::Ok();
  std::string why = "HTTP " + std::to_string(status);
  if (status >= 300 && status < 400) {
    char* location = nullptr;
    curl_easy_getinfo(curl.get(), CURLINFO_REDIRECT_URL, &location);
    why += " redirect to " + (location != nullptr ? HeaderSafe(location) : std::string("(no Location)")) +
           ", not followed";
  } else if (!transcript.response_start.empty()) {
    why += " (" + HeaderSafe(ReplaceInvalidUtf8(transcript.response_start)) + ")";
  }
  return fail(why);
}

}  // namespace lantern
