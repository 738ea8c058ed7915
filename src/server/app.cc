#include "server/app.h"

#include <arpa/inet.h>

#include <algorithm>
#include <map>
#include <set>

#include "assemble/editions.h"
#include "assemble/views.h"
#include "feedback/reference.h"
#include "model/addresses.h"
#include "model/working_days.h"
#include "render/html_escape.h"
#include "server/feedback_form.h"
#include "server/form_parser.h"

namespace lantern {
namespace {

constexpr const char* kReloadScriptPath = "__lantern/reload.js";
constexpr const char* kHealthPath = "/__lantern/health";
// How long a resident is asked to wait when the store could not take a send.
constexpr int64_t kStoreRetrySeconds = 60;

// What the form calls a record: its name, or its id when it has none.
std::string RecordTitle(const Record& record) {
  std::string name = record.Text("summary.name");
  return name.empty() ? record.id : name;
}

// An IPv6 address as its /64 network; anything else as it is.
std::string RateKey(const std::string& address) {
  if (address.find(':') == std::string::npos) return address;
  unsigned char bytes[16];
  if (inet_pton(AF_INET6, address.c_str(), bytes) != 1) return address;
  std::fill(bytes + 8, bytes + 16, 0);
  char text[INET6_ADDRSTRLEN];
  return inet_ntop(AF_INET6, bytes, text, sizeof text) ? std::string(text) + "/64" : address;
}

std::string Joined(const std::set<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ",") + name;
  return out.empty() ? "-" : out;
}

// The form's address in the site's language: a bilingual site's other
// languages have theirs under their prefix (/en/feedback/).
std::string FormBase(const Site& site) {
  std::string endpoint = site.config.feedback_endpoint.empty() ? "/feedback" : site.config.feedback_endpoint;
  std::string base = endpoint.rfind("/", 0) == 0
                         ? site.config.root_path + site.config.edition_prefix + endpoint.substr(1)
                         : endpoint;
  if (base.empty() || base.back() != '/') base += '/';
  return base;
}

const Record* FindRecord(const Site& site, const std::string& id) {
  for (const Record& record : site.records) {
    if (record.id == id) return &record;
  }
  return nullptr;
}

// The line the form and check page show when the record the resident wrote
// about (`record`, as looked up from answers.tool) was renamed or removed
// since the form was loaded, or "" otherwise.
std::string RecordGoneNotice(const Theme& theme, const FeedbackAnswers& answers, const Record* record) {
  if (answers.tool.empty() || record) return "";
  return theme.Sentence("feedback_record_gone", {{"id", answers.tool}});
}

void NoStore(Response* response) { response->headers.push_back({"Cache-Control", "no-store"}); }

// Adds the live-reload script and, after a failed rebuild, the diagnostics to
// an HTML page, and gives it an ETag of the bytes it now holds, so that a page
// held from before a failed rebuild is sent again with its error banner
// instead of a 304 (and a range is a range of the decorated page).
void DecoratePreview(const SiteSnapshot& site, const std::string& root, Response* response) {
  if (response->content_type.rfind("text/html", 0) != 0) return;
  if (response->file) {
    // The preview serves from memory; a page from disk is read to be decorated.
    Result<std::string> bytes = response->file->Read(0, response->file->length);
    if (!bytes.ok()) return;
    response->body = std::move(bytes.value());
    response->file.reset();
  }
  if (!site.build_errors.empty()) {
    const size_t body = response->body.find("<body>");
    if (body != std::string::npos) {
      response->body.insert(body + 6, "\n<pre class=\"lantern-build-errors\" role=\"alert\">The last change has "
                                      "errors; this is the last good build.\n\n" +
                                          EscapeHtml(site.build_errors) + "</pre>\n");
    }
  }
  const size_t end = response->body.rfind("</body>");
  if (end != std::string::npos) {
    response->body.insert(end, "<script src=\"" + root + kReloadScriptPath + "\" defer></script>\n");
  }
  if (!response->Header("ETag").empty()) response->SetHeader("ETag", ContentEtag(response->body));
}

}  // namespace

void AddFormEditions(SiteSnapshot* snapshot, const std::vector<Theme>& themes) {
  const SiteConfig& config = snapshot->site.config;
  if (!config.bilingual()) return;
  for (size_t i = 0; i < config.languages.size(); ++i) {
    const std::string& language = config.languages[i];
    snapshot->editions.push_back(
        FormEdition{language, EditionOf(snapshot->site, language), i == 0 || i >= themes.size() ? snapshot->theme
                                                                                                : themes[i]});
  }
}

App::Language App::LanguageOf(SiteSnapshot& site, const std::string& tag) {
  for (FormEdition& edition : site.editions) {
    if (edition.language == tag) return {edition.site, edition.theme, edition.language, FormBase(edition.site)};
  }
  if (!site.editions.empty()) {
    FormEdition& first = site.editions.front();
    return {first.site, first.theme, first.language, FormBase(first.site)};
  }
  return {site.site, site.theme, site.site.config.language, FormBase(site.site)};
}

const std::string& LiveReloadScript() {
  static const std::string script =
      "// Lantern preview: reloads the page when the site is rebuilt. Never part of a built site.\n"
      "// Streams end after a while and EventSource reconnects; a refused one (503: too many\n"
      "// tabs open) is closed for good, so it is opened again after a pause.\n"
      "(function () {\n"
      "  var seen = null;\n"
      "  function listen() {\n"
      "    var source = new EventSource('/__lantern/events');\n"
      "    source.onmessage = function (event) {\n"
      "      if (seen === null) { seen = event.data; return; }\n"
      "      if (event.data !== seen) { source.close(); window.location.reload(); }\n"
      "    };\n"
      "    source.onerror = function () {\n"
      "      if (source.readyState === EventSource.CLOSED) setTimeout(listen, 5000);\n"
      "    };\n"
      "  }\n"
      "  listen();\n"
      "})();\n";
  return script;
}

App::App(AppConfig config, FeedbackStore* store, FormTokenSigner signer, std::function<int64_t()> clock)
    : config_(std::move(config)), store_(store), signer_(std::move(signer)), clock_(std::move(clock)),
      limiter_(config_.limits) {}

void App::SetSite(std::shared_ptr<SiteSnapshot> site) {
  std::lock_guard<std::mutex> lock(site_mutex_);
  site_ = std::move(site);
}

std::shared_ptr<SiteSnapshot> App::site() const {
  std::lock_guard<std::mutex> lock(site_mutex_);
  return site_;
}

std::string App::PostPath() const {
  std::string base = FormBase(site()->site);
  base.pop_back();
  return base;
}

std::string App::ClientKey(const Request& request) const {
  if (!config_.trusted_proxy.empty() && request.remote_addr == config_.trusted_proxy &&
      request.HeaderCount("X-Real-IP") == 1) {
    const std::string forwarded = request.Header("X-Real-IP");
    if (!forwarded.empty() && forwarded.size() <= 45 &&
        forwarded.find_first_not_of("0123456789abcdefABCDEF.:") == std::string::npos) {
      return RateKey(forwarded);
    }
  }
  return RateKey(request.remote_addr);
}

void App::Log(const std::string& line) const {
  if (config_.log) config_.log(line);
}

int App::Admit(const Request& request) {
  if (const int status = CheckRequest(request, config_.guards); status != 0) return status;
  if (request.method == "POST" && request.path != PostPath()) return 405;
  return 0;
}

Response App::HandleRequest(const Request& request) {
  if (const int status = Admit(request); status != 0) return ErrorPage(status);
  return Route(request);
}

std::string App::RenderThemed(const std::shared_ptr<SiteSnapshot>& site, const Language& language,
                              const std::string& template_name, const std::string& title, const std::string& url,
                              Value extra) {
  std::lock_guard<std::mutex> lock(site->render_mutex);
  Value view = CommonView(language.site, language.theme, PageKind::kPage, title, url);
  // Forms, check pages, confirmations and errors are answers to one person,
  // not pages to find: no search engine should list them or take them as canonical.
  view.Set("noindex", Value::Bool(true));
  view.Set("canonical_url", Value::Bool(false));
  for (const Value::Member& member : extra.members()) view.Set(member.key, member.value);
  Diagnostics diagnostics;
  std::optional<std::string> content = language.theme.templates.Render(template_name, view, &diagnostics);
  if (!content) {
    Log("event=render_error template=" + template_name);
    return "<!DOCTYPE html><html lang=\"en\"><title>" + EscapeHtml(title) + "</title><h1>" + EscapeHtml(title) +
           "</h1></html>\n";
  }
  view.Set("content", TextValue(std::move(*content)));
  std::optional<std::string> page = language.theme.templates.Render("layout", view, &diagnostics);
  return page ? *page : std::string("<!DOCTYPE html><title>Error</title>\n");
}

Response App::ErrorPage(int status) {
  std::shared_ptr<SiteSnapshot> site = this->site();
  Response response;
  response.status = status;
  NoStore(&response);
  if (status == 404 && !site->not_found_html.empty()) {
    response.body = site->not_found_html;
  } else {
    const std::string key = "http_error_" + std::to_string(status);
    const std::string text = site->theme.String(key).rfind("[", 0) == 0 ? site->theme.String("http_error_400")
                                                                          : site->theme.String(key);
    const std::string title = site->theme.String("http_error_title");
    response.body = RenderThemed(site, LanguageOf(*site, ""), "error", title, site->site.config.root_path,
                                 Value::Map().Set("error", Value::Map().Set("title", TextValue(title))
                                                               .Set("text", TextValue(text))));
  }
  if (config_.live_reload) DecoratePreview(*site, site->site.config.root_path, &response);
  return response;
}

Response App::Route(const Request& request) {
  std::shared_ptr<SiteSnapshot> site = this->site();
  if (request.method == "POST") return FeedbackPost(site, request);
  const std::string& root = site->site.config.root_path;
  if (request.path.compare(0, root.size(), root) != 0) return ErrorPage(404);
  if (request.path == kHealthPath) return Health();
  const std::string relative = request.path.substr(root.size());
  if (config_.live_reload && relative == kReloadScriptPath) {
    Response response;
    response.content_type = "text/javascript; charset=utf-8";
    response.body = LiveReloadScript();
    NoStore(&response);
    return response;
  }
  // The form in each language at its own address; the default's last, as
  // the others' (/en/feedback/) may lie below it when the endpoint is "/".
  std::vector<std::string> tags;
  for (size_t i = 1; i < site->editions.size(); ++i) tags.push_back(site->editions[i].language);
  tags.push_back("");  // the default language
  for (const std::string& tag : tags) {
    const Language language = LanguageOf(*site, tag);
    if (request.path.compare(0, language.form_base.size(), language.form_base) != 0) continue;
    Response response = FeedbackGet(site, language, request.path.substr(language.form_base.size()));
    if (config_.live_reload) DecoratePreview(*site, root, &response);
    return response;
  }
  std::optional<Response> file = site->files->Serve("/" + relative);
  if (!file) return ErrorPage(404);
  if (file->status == 301) {
    // The static site's Location is relative to the site root ("/x/").
    file->SetHeader("Location", root + file->Header("Location").substr(1));
    return std::move(*file);
  }
  // Decorate first, then validators and ranges, so both describe the bytes sent.
  if (config_.live_reload) DecoratePreview(*site, root, &*file);
  ApplyConditionalAndRange(request, &*file);
  return std::move(*file);
}

Response App::Health() {
  Response response;
  response.content_type = "text/plain; charset=utf-8";
  NoStore(&response);
  const Status status = store_ ? store_->Health() : Status::Error("no feedback store");
  if (status.ok()) {
    response.body = "ok\n";
  } else {
    // The reason goes to the log only: it names paths.
    Log("event=health_failed reason=\"" + status.message() + "\" status=503");
    response.status = 503;
    response.body = "feedback store unavailable\n";
  }
  return response;
}

Response App::FeedbackGet(const std::shared_ptr<SiteSnapshot>& site, const Language& language,
                          const std::string& rest) {
  const std::string sent = "sent/";
  if (rest.compare(0, sent.size(), sent) == 0) {
    const std::string reference = rest.substr(sent.size());
    if (!IsReference(reference) || !store_) return ErrorPage(404);
    // Never confirm a reference the store does not hold.
    Result<bool> exists = store_->Exists(reference);
    if (!exists.ok()) return ErrorPage(503);
    if (!exists.value()) return ErrorPage(404);
    Response response;
    NoStore(&response);
    response.body = RenderThemed(
        site, language, "feedback_confirmation", language.theme.String("confirmation_title"),
        language.form_base + rest,
        Value::Map().Set("confirmation",
                         Value::Map()
                             .Set("reference", TextValue(reference))
                             .Set("response_days", TextValue(std::to_string(site->site.config.response_days)))));
    return response;
  }
  FeedbackAnswers answers;
  answers.language = language.tag;
  if (!rest.empty()) {
    if (!FindRecord(site->site, rest)) return ErrorPage(404);
    answers.tool = rest;
  }
  Result<std::string> token = signer_.Issue(clock_());
  if (!token.ok()) return ErrorPage(500);
  return RenderForm(site, language, answers, {}, token.value(), 200);
}

Response App::RenderForm(const std::shared_ptr<SiteSnapshot>& site, const Language& language,
                         const FeedbackAnswers& answers, const std::vector<FieldError>& errors,
                         const std::string& token, int status) {
  const Theme& theme = language.theme;
  // The record as the page's language names it.
  const Record* record = answers.tool.empty() ? nullptr : FindRecord(language.site, answers.tool);
  const std::string heading = theme.String(record ? "feedback_page_title" : "feedback_general_title");
  Value form = Value::Map();
  form.Set("heading", TextValue(heading));
  form.Set("action", TextValue(PostPath()));
  form.Set("token", TextValue(token));
  form.Set("tool", TextValue(answers.tool));
  form.Set("language", TextValue(language.tag));
  // A record renamed or removed since the form was loaded: the message is
  // kept, as general feedback naming the old id.
  if (std::string notice = RecordGoneNotice(theme, answers, record); !notice.empty()) {
    form.Set("notice", TextValue(notice));
  }
  if (record) {
    form.Set("record_title", TextValue(RecordTitle(*record)));
    form.Set("record_url", TextValue(RecordUrl(language.site, *record)));
  }
  const SiteConfig& config = language.site.config;
  const std::string privacy = config.privacy_notice;
  form.Set("privacy_url", TextValue(privacy.rfind("/", 0) == 0 ? SiteUrl(config, privacy.substr(1)) : privacy));
  if (config.retention_days > 0) {
    form.Set("retention_sentence",
             TextValue(theme.Sentence("feedback_retention", {{"days", std::to_string(config.retention_days)}})));
  }
  Value types = Value::List();
  for (const std::string& type : RequestTypes()) {
    types.Push(Value::Map()
                   .Set("id", TextValue("type-" + type))
                   .Set("value", TextValue(type))
                   .Set("label", TextValue(theme.String("feedback_type_" + type)))
                   .Set("hint", TextValue(theme.String("feedback_type_" + type + "_hint")))
                   .Set("checked", Value::Bool(answers.request_type == type)));
  }
  form.Set("types", std::move(types));
  form.Set("values", Value::Map()
                         .Set("message", TextValue(answers.message))
                         .Set("case_reference", TextValue(answers.case_reference))
                         .Set("name", TextValue(answers.name))
                         .Set("email", TextValue(answers.email))
                         .Set("reply", Value::Bool(answers.reply)));
  Value error_list = Value::List();
  for (const FieldError& error : errors) {
    const std::string text = theme.Sentence(error.string_key, error.values);
    error_list.Push(Value::Map().Set("field_id", TextValue(error.field_id)).Set("text", TextValue(text)));
    std::string slot = error.field_id.rfind("type-", 0) == 0 ? "type_error" : error.field_id + "_error";
    if (!form.Find(slot)) form.Set(slot, TextValue(text));
  }
  form.Set("has_errors", Value::Bool(!errors.empty()));
  form.Set("errors", std::move(error_list));
  // Each tool's form has its own title, so browser tabs and history tell them apart.
  const std::string page_title = record ? theme.Sentence("feedback_page_html_title", {{"tool", RecordTitle(*record)}})
                                        : heading;
  const std::string title =
      errors.empty() ? page_title : theme.String("feedback_title_error_prefix") + " " + page_title;
  const std::string url = language.form_base + answers.tool;
  Response response;
  response.status = status;
  NoStore(&response);
  response.body = RenderThemed(site, language, "feedback", title, url, Value::Map().Set("form", std::move(form)));
  return response;
}

Response App::RenderCheck(const std::shared_ptr<SiteSnapshot>& site, const Language& language,
                          const FeedbackAnswers& answers) {
  const Theme& theme = language.theme;
  Value rows = Value::List();
  auto row = [&](const std::string& field, const std::string& key, const std::string& value) {
    rows.Push(Value::Map()
                  .Set("field", TextValue(field))
                  .Set("key", TextValue(theme.String(key)))
                  .Set("value", TextValue(value)));
  };
  row("type-" + answers.request_type, "check_type", theme.String("feedback_type_" + answers.request_type));
  if (answers.request_type == "review" || !answers.case_reference.empty()) {
    row("case_reference", "check_case_reference", answers.case_reference);
  }
  row("message", "check_message", answers.message);
  row("reply", "check_reply", theme.String(answers.reply ? "check_yes" : "check_no"));
  row("name", "check_name", answers.name);
  row("email", "check_email", answers.email);
  Value hidden = Value::List();
  auto keep = [&](const char* name, const std::string& value) {
    hidden.Push(Value::Map().Set("name", TextValue(name)).Set("value", TextValue(value)));
  };
  keep("token", answers.token);
  keep("tool", answers.tool);
  keep("language", language.tag);
  keep("request_type", answers.request_type);
  keep("message", answers.message);
  keep("case_reference", answers.case_reference);
  keep("name", answers.name);
  keep("email", answers.email);
  if (answers.reply) keep("reply", "yes");
  keep("website", answers.website);
  Value check = Value::Map();
  const Record* record = answers.tool.empty() ? nullptr : FindRecord(language.site, answers.tool);
  if (std::string notice = RecordGoneNotice(theme, answers, record); !notice.empty()) {
    check.Set("notice", TextValue(notice));
  }
  check.Set("action", TextValue(PostPath()));
  check.Set("rows", std::move(rows));
  check.Set("hidden", std::move(hidden));
  Response response;
  NoStore(&response);
  const std::string title =
      record ? theme.Sentence("check_page_html_title", {{"tool", RecordTitle(*record)}}) : theme.String("check_title");
  // The header's language switch sends this page's form (feedback_check.mustache).
  response.body = RenderThemed(site, language, "feedback_check", title, language.form_base + answers.tool,
                               Value::Map().Set("check", std::move(check)).Set("switch_form", TextValue("feedback-check")));
  return response;
}

Response App::ShowBack(const std::shared_ptr<SiteSnapshot>& site, const Language& language,
                       const FeedbackAnswers& answers, FieldError notice, int status, int64_t retry_after) {
  Response response = RenderForm(site, language, answers, {std::move(notice)}, answers.token, status);
  response.headers.push_back({"Retry-After", std::to_string(retry_after)});
  return response;
}

Response App::FeedbackPost(const std::shared_ptr<SiteSnapshot>& site, const Request& request) {
  if (!request.body_complete) {
    // The client went away mid-body: there is nobody to show the text to, and
    // a cut message must never be stored as if it were whole.
    Log("event=feedback_incomplete_body status=400");
    return ErrorPage(400);
  }
  if (request.body.size() > kMaxFormBodyBytes) return ErrorPage(413);
  // From here on, whatever the bytes, the resident's text is stored or shown back.
  const ParsedForm parsed = ParseFormBody(request.body, FeedbackFieldNames());
  FeedbackAnswers answers = FeedbackAnswers::FromFields(parsed.fields);
  if (!answers.tool.empty() && !IsRecordIdShape(answers.tool)) answers.tool.clear();  // not an id we could name
  // The form's language, from its hidden field: one the site has, else the
  // default (a form from before the site became bilingual has none).
  const Language language = LanguageOf(*site, answers.language);
  const Record* record = answers.tool.empty() ? nullptr : FindRecord(site->site, answers.tool);
  const int64_t now = clock_();
  if (!answers.change.empty()) {
    // "Change" on the check-answers page: the form again, with everything kept.
    Log("event=feedback_change status=200");
    return RenderForm(site, language, answers, {}, answers.token, 200);
  }
  if (!answers.switch_language.empty()) {
    // The check page's language switch: nothing is stored or counted; the
    // same answers are shown for checking in the language chosen. Answers
    // that no longer pass (edited by hand) get the form, with its errors.
    const Language chosen = LanguageOf(*site, answers.switch_language);
    answers.language = chosen.tag;
    Log("event=feedback_switch_language language=" + chosen.tag + " status=200");
    std::vector<FieldError> errors = ValidateAnswers(answers);
    if (!errors.empty()) return RenderForm(site, chosen, answers, errors, answers.token, 422);
    return RenderCheck(site, chosen, answers);
  }
  const TokenCheck token = signer_.Check(answers.token, now);
  std::vector<FieldError> errors = ValidateAnswers(answers);
  if (token.outcome != TokenCheck::Outcome::kValid) {
    // The resident's text is kept; a fresh token lets them send again (A2, A3).
    Result<std::string> fresh = signer_.Issue(now);
    if (!fresh.ok()) return ErrorPage(500);
    answers.token = fresh.value();
    errors.insert(errors.begin(), FieldError{"message", "error_token"});
  }
  if (!errors.empty()) {
    Log("event=feedback_invalid errors=" + std::to_string(errors.size()) + " anomalies=" + Joined(parsed.anomalies) +
        " status=422");
    return RenderForm(site, language, answers, errors, answers.token, 422);
  }
  if (!answers.confirm) {
    // Check your answers (F11, WCAG 3.3.4): nothing is stored until the resident confirms.
    return RenderCheck(site, language, answers);
  }
  // A send: only now do the rate limits count.
  const RateLimiter::Decision limit = limiter_.TakeSend(ClientKey(request), static_cast<double>(now));
  if (limit.kind == RateLimiter::Decision::Kind::kClientLimited) {
    const int64_t minutes = (limit.retry_after_seconds + 59) / 60;
    Log("event=feedback_rate_limited retry_after=" + std::to_string(limit.retry_after_seconds) + " status=429");
    return ShowBack(site, language, answers,
                    FieldError{"message", minutes == 1 ? "error_rate_limited_one" : "error_rate_limited",
                               {{"minutes", std::to_string(minutes)}}},
                    429, limit.retry_after_seconds);
  }
  Submission submission;
  submission.record_id = answers.tool;
  if (record) submission.record_updated = record->last_changed().Iso();
  submission.request_type = answers.request_type;
  submission.message = answers.message;
  submission.case_reference = answers.case_reference;
  submission.name = answers.name;
  submission.email = answers.email;
  submission.reply_wanted = answers.reply;
  submission.language = language.tag;
  submission.token_nonce = token.nonce_hex;
  submission.over_global_limit = limit.kind == RateLimiter::Decision::Kind::kOverGlobal;
  // The law's clock starts on the day of receipt (UK GDPR Art. 12(3) for objections and reviews).
  submission.due_on = DueDate(answers.request_type, DateFromEpochSeconds(now), site->site.config.response_days,
                              site->site.config.calendar)
                          .Iso();
  if (!answers.website.empty()) submission.flags.push_back("honeypot");
  if (token.age_seconds < kTokenMinFillSeconds) submission.flags.push_back("too_fast");
  if (CountLinks(answers.message) > 2) submission.flags.push_back("many_links");
  for (const char* note : {"bidi_controls", "controls_removed", "invalid_utf8", "bad_percent_encoding"}) {
    if (parsed.anomalies.count(note)) submission.notes.push_back(note);
  }
  if (!answers.tool.empty() && !record) submission.notes.push_back("record_gone");
  submission.deliveries = PlanDeliveries(site->site.config, record, submission, config_.notify);
  Result<InsertOutcome> stored = store_ ? store_->Insert(submission, now) : Result<InsertOutcome>(Status::Error("no store"));
  if (!stored.ok()) {
    // Nothing is acknowledged; the resident keeps the text and is told to try again.
    Log("event=feedback_store_error reason=\"" + stored.status().message() + "\" status=503");
    return ShowBack(site, language, answers, FieldError{"message", "error_store_unavailable"}, 503,
                    kStoreRetrySeconds);
  }
  std::string flags;
  for (const std::string& flag : submission.flags) flags += (flags.empty() ? "" : ",") + flag;
  const InsertOutcome& outcome = stored.value();
  if (!outcome.duplicate && !submission.deliveries.empty() && config_.on_queued) config_.on_queued();
  Log("event=feedback_stored reference=" + outcome.reference + " type=" + submission.request_type +
      " outcome=" + (outcome.duplicate ? "duplicate" : outcome.status) + " flags=" + (flags.empty() ? "-" : flags) +
      (outcome.follows_reference.empty() ? "" : " follows=" + outcome.follows_reference) +
      " anomalies=" + Joined(parsed.anomalies) + " status=303");
  Response response;
  response.status = 303;
  NoStore(&response);
  const std::string location = language.form_base + "sent/" + outcome.reference;
  response.headers.push_back({"Location", location});
  response.body = "<!DOCTYPE html><title>Sent</title><a href=\"" + location + "\">Continue</a>\n";
  return response;
}

}  // namespace lantern
