// What the server answers, without sockets: guards, rate limits, static files,
// the feedback form and its POST, error pages. http_server.cc feeds it
// Requests; tests call it directly.
#ifndef LANTERN_SERVER_APP_H_
#define LANTERN_SERVER_APP_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "assemble/theme.h"
#include "feedback/store.h"
#include "model/site.h"
#include "server/deliveries.h"
#include "server/form_token.h"
#include "server/guards.h"
#include "server/http.h"
#include "server/rate_limiter.h"
#include "server/static_files.h"

namespace lantern {

// One language of a bilingual site, as the form serves it: the site in that
// language (records' names translated, addresses under its prefix) and the
// theme with its strings.
struct FormEdition {
  std::string language;
  Site site;
  Theme theme;
};

// One built site: what `serve` swaps in after each successful rebuild.
struct SiteSnapshot {
  Site site;    // the originals: what submissions are stored and notified against
  Theme theme;  // the default language's
  // A bilingual site's languages, the default first (see AddFormEditions):
  // the form, its errors, the check page and the confirmation are in the
  // language of the address they were asked at (/en/feedback/…), and each
  // submission stores it. Empty for a one-language site.
  std::vector<FormEdition> editions;
  std::shared_ptr<const StaticSite> files;
  std::string not_found_html;   // the site's own 404 page, or empty
  std::string build_errors;     // diagnostics of a failed rebuild (preview); empty when the build is current
  long long version = 0;        // increases with every rebuild, for live reload
  std::mutex render_mutex;      // TemplateSet is not thread-safe
};

struct AppConfig {
  GuardConfig guards;
  bool live_reload = false;       // preview: add the reload script to pages
  std::string trusted_proxy;      // peer address whose X-Real-IP header is believed (R7); empty: none
  RateLimiter::Limits limits;
  // One line per event, with no resident text (P1); may be null.
  std::function<void(const std::string&)> log;
  // Which notifications submissions ask for (server/deliveries.h).
  NotifyChannels notify;
  // Called after a submission with notifications was stored, to wake the
  // delivery worker; may be null.
  std::function<void()> on_queued;
};

class App {
 public:
  App(AppConfig config, FeedbackStore* store, FormTokenSigner signer, std::function<int64_t()> clock);

  void SetSite(std::shared_ptr<SiteSnapshot> site);
  // Sets the accepted origins once the port is known. Call before serving.
  void SetGuards(GuardConfig guards) { config_.guards = std::move(guards); }
  std::shared_ptr<SiteSnapshot> site() const;

  // The whole pipeline: guards, rate limits, then Route. For tests and for
  // requests the library hands over complete.
  Response HandleRequest(const Request& request);
  // Only the guards, before any body is read: a status to refuse with, or 0.
  // Rate limits are not applied here: they count sends, which only the body
  // tells apart from corrections (see FeedbackPost).
  int Admit(const Request& request);
  // A request that passed Admit.
  Response Route(const Request& request);
  // An error page for `status` that echoes nothing from the request (D6).
  Response ErrorPage(int status);

  // The path the form posts to, e.g. "/feedback".
  std::string PostPath() const;
  // The rate-limit key: the socket peer, or X-Real-IP from the trusted proxy
  // (R7); an IPv6 address counts by its /64 network, which one household or
  // machine usually holds whole.
  std::string ClientKey(const Request& request) const;

 private:
  // The site and theme of one language: the snapshot's own for a
  // one-language site or an unknown language.
  struct Language {
    const Site& site;
    Theme& theme;  // rendering is not const (TemplateSet); under render_mutex
    const std::string& tag;
    std::string form_base;  // where its form lives, e.g. "/en/feedback/"
  };
  static Language LanguageOf(SiteSnapshot& site, const std::string& tag);

  Response FeedbackGet(const std::shared_ptr<SiteSnapshot>& site, const Language& language, const std::string& rest);
  Response FeedbackPost(const std::shared_ptr<SiteSnapshot>& site, const Request& request);
  Response Health();
  Response RenderForm(const std::shared_ptr<SiteSnapshot>& site, const Language& language,
                      const struct FeedbackAnswers& answers, const std::vector<struct FieldError>& errors,
                      const std::string& token, int status);
  Response RenderCheck(const std::shared_ptr<SiteSnapshot>& site, const Language& language,
                       const struct FeedbackAnswers& answers);
  // The form again with every answer kept and `notice` at the top, for a send
  // that could not be stored now; `retry_after` seconds go in Retry-After.
  Response ShowBack(const std::shared_ptr<SiteSnapshot>& site, const Language& language,
                    const struct FeedbackAnswers& answers, struct FieldError notice, int status, int64_t retry_after);
  std::string RenderThemed(const std::shared_ptr<SiteSnapshot>& site, const Language& language,
                           const std::string& template_name, const std::string& title, const std::string& url,
                           class Value extra);
  void Log(const std::string& line) const;

  AppConfig config_;
  FeedbackStore* store_;
  FormTokenSigner signer_;
  std::function<int64_t()> clock_;
  RateLimiter limiter_;
  mutable std::mutex site_mutex_;
  std::shared_ptr<SiteSnapshot> site_;
};

// Fills snapshot->editions for a bilingual site: `themes` holds each
// language's theme in site.yaml's order (the default's is snapshot->theme).
// Does nothing for a one-language site.
void AddFormEditions(SiteSnapshot* snapshot, const std::vector<Theme>& themes);

// The live-reload script served at /__lantern/reload.js in preview.
const std::string& LiveReloadScript();

}  // namespace lantern

#endif  // LANTERN_SERVER_APP_H_
