#include "load/site_loader.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <map>
#include <mutex>

#include "base/edit_distance.h"
#include "base/entry_check.h"
#include "base/fingerprint.h"
#include "base/parallel.h"
#include "load/page_loader.h"
#include "load/placeholders.h"
#include "load/record_loader.h"
#include "load/translation_loader.h"
#include "load/validator.h"
#include "load/yaml_reader.h"
#include "model/addresses.h"
#include "model/languages.h"

namespace lantern {
namespace {

std::string Quote(std::string_view text) { return "\"" + std::string(text) + "\""; }

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string TextOr(const Value& map, std::string_view key, std::string fallback) {
  const Value* v = map.Find(key);
  return v && v->is_text() && !v->text().empty() ? v->text() : fallback;
}

// Whether `url` is an address a webhook may post to: https, or plain http to
// this machine (a local case system, or a test). Residents' messages must not
// cross a network in clear text.
bool IsWebhookAddress(const std::string& url) {
  if (url.rfind("https://", 0) == 0) return url.size() > 8;
  for (const char* local : {"http://127.0.0.1", "http://localhost", "http://[::1]"}) {
    const size_t n = std::strlen(local);
    if (url.compare(0, n, local) == 0 && (url.size() == n || url[n] == ':' || url[n] == '/')) return true;
  }
  return false;
}

// feedback.notify. The validator has checked the types; what it cannot know
// is that each address must be deliverable and the webhook encrypted (L038).
void LoadNotifySettings(const Value& notify, const std::string& path, Diagnostics* local, NotifySettings* out) {
  if (const Value* email = notify.Find("email")) {
    std::vector<const Value*> addresses;
    if (email->is_text()) addresses.push_back(email);
    for (const Value& address : email->items()) addresses.push_back(&address);
    for (const Value* address : addresses) {
      if (!address->is_text() || ClassifyEmail(address->text()) != EmailForm::kValid) {
        local->Error(path, address->location(), "L038",
                     "feedback.notify.email should list email addresses, e.g. - ai-register@example.gov.uk");
        continue;
      }
      out->email.push_back(EmailAddress(address->text()));
    }
  }
  out->from = EmailAddress(TextOr(notify, "from", ""));
  if (const Value* webhook = notify.Find("webhook"); webhook && webhook->is_text()) {
    if (!IsWebhookAddress(webhook->text())) {
      local->Error(path, webhook->location(), "L038",
                   "feedback.notify.webhook must be an https:// address (plain http only to this machine), so "
                   "residents' messages are encrypted on the way");
    } else {
      out->webhook = webhook->text();
    }
  }
  if (const Value* v = notify.Find("digest"); v && v->is_text()) out->digest = ParseBool(v->text()).value_or(true);
  if (const Value* v = notify.Find("receipts"); v && v->is_text()) out->receipts = ParseBool(v->text()).value_or(true);
}

SourceLocation KeyAt(const Value& map, std::string_view key) {
  const Value::Member* m = map.FindMember(key);
  return m ? m->key_location : map.location();
}

bool IsLanguageTag(const std::string& tag) {
  // BCP 47 in the shape sites use: a 2–3 letter language, then subtags.
  size_t start = 0;
  bool first = true;
  while (true) {
    const size_t dash = tag.find('-', start);
    const std::string part = tag.substr(start, dash == std::string::npos ? std::string::npos : dash - start);
    const bool letters = std::all_of(part.begin(), part.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    const bool alnum = std::all_of(part.begin(), part.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
    if (first ? !(letters && part.size() >= 2 && part.size() <= 3) : !(alnum && part.size() >= 2 && part.size() <= 8)) {
      return false;
    }
    if (dash == std::string::npos) return true;
    start = dash + 1;
    first = false;
  }
}

// site.yaml's `languages` (instead of `language`): the default first, each
// once, and which of them the untagged files are written in.
void LoadLanguages(const Value& root, const Value& languages, const std::string& path, Diagnostics* local,
                   SiteConfig* config) {
  if (root.Find("language") != nullptr) {
    local->Error(path, root.Find("language")->location(), "L025",
                 "give either \"language\" (one language) or \"languages\" (several, the default first), not both");
    return;
  }
  std::vector<const Value*> tags;
  if (languages.is_text()) tags.push_back(&languages);
  for (const Value& tag : languages.items()) tags.push_back(&tag);
  std::vector<std::string> seen;
  for (const Value* tag : tags) {
    if (!tag->is_text() || !IsLanguageTag(tag->text())) {
      local->Error(path, tag->location(), "L025",
                   (tag->is_text() ? Quote(tag->text()) : std::string("this")) +
                       " is not a language tag; use BCP 47 tags such as cy and en");
      continue;
    }
    if (std::find(seen.begin(), seen.end(), tag->text()) != seen.end()) {
      local->Error(path, tag->location(), "L025", "language " + Quote(tag->text()) + " is listed twice");
      continue;
    }
    seen.push_back(tag->text());
  }
  if (seen.empty()) {
    if (!local->has_errors()) {
      local->Error(path, languages.location(), "L025", "\"languages\" needs at least one language, e.g. [cy, en]");
    }
    return;
  }
  config->languages = seen;
  config->language = seen.front();
  const bool english = std::find(seen.begin(), seen.end(), "en") != seen.end();
  config->source_language = TextOr(root, "source_language", english ? "en" : seen.front());
  if (std::find(seen.begin(), seen.end(), config->source_language) == seen.end()) {
    local->Error(path, root.Find("source_language")->location(), "L025",
                 "source_language " + Quote(config->source_language) + " is not one of \"languages\"; "
                 "it names which of them records/<id>.yaml and pages/<slug>.md are written in");
  }
}

// Files in a content folder that Lantern reads (by extension); editors' and
// systems' hidden files are skipped silently (never opened: an editor's lock
// file, ".#x.yaml", is a link to nothing while the file is being edited),
// links out of the site and special files are errors, anything else draws a
// warning so that a mistyped extension does not make a record vanish.
std::vector<std::string> ContentFiles(const FileSystem& files, const std::string& folder, std::string_view extension,
                                      Diagnostics* diagnostics) {
  std::vector<std::string> names;
  if (CheckedKind(files, folder, diagnostics) != EntryKind::kDirectory) return names;
  for (const std::string& name : files.List(folder)) {
    if (name.empty() || name[0] == '.' || name.back() == '~') continue;
    const std::string path = JoinPath(folder, name);
    // One look at each entry: with thousands of records, a second (FileSize,
    // IsDirectory) was a tenth of the preview's rebuild.
    const EntryKind kind = CheckedKind(files, path, diagnostics);
    if (IsRefused(kind)) continue;
    if (EndsWith(name, extension) && name.size() > extension.size() && kind == EntryKind::kFile) {
      names.push_back(name);
    } else if (kind == EntryKind::kDirectory) {
      diagnostics->Warning(path, {}, "L041", "folders inside " + Quote(folder) + " are not read; move its files up");
    } else if (EndsWith(name, ".yml") && extension == ".yaml") {
      // Clearly meant as a record: silently leaving it out would drop it from the site.
      diagnostics->Error(path, {}, "L041", "records must end in .yaml, not .yml; rename it to " +
                                               Quote(name.substr(0, name.size() - 4) + ".yaml"));
    } else {
      diagnostics->Warning(path, {}, "L041", "ignored: only " + std::string(extension) + " files are read here");
    }
  }
  return names;
}

// A content folder's files, the originals apart from their translations
// ("bin-check.cy.yaml"). A file whose name has a language part that is not
// one of the site's other languages, or whose original is missing, is an
// error: it would otherwise be published nowhere without a word.
struct ContentFileSet {
  std::vector<std::string> originals;
  struct Translation {
    std::string file_name;
    TranslationName name;
  };
  std::vector<Translation> translations;
};

ContentFileSet SplitTranslations(std::vector<std::string> names, std::string_view extension, const SiteConfig& config,
                                 bool config_ok, const std::string& folder, Diagnostics* diagnostics) {
  ContentFileSet set;
  std::vector<ContentFileSet::Translation> candidates;
  for (std::string& name : names) {
    std::optional<TranslationName> split = SplitTranslationName(name, extension);
    if (split) {
      candidates.push_back({std::move(name), std::move(*split)});
    } else {
      set.originals.push_back(std::move(name));
    }
  }
  for (ContentFileSet::Translation& candidate : candidates) {
    const std::string path = JoinPath(folder, candidate.file_name);
    const std::string& language = candidate.name.language;
    const bool listed = std::find(config.languages.begin(), config.languages.end(), language) != config.languages.end();
    if (!listed || language == config.source_language) {
      if (!config_ok) continue;  // site.yaml's own errors say why its languages are unknown
      std::string languages;
      for (const std::string& l : config.languages) languages += (languages.empty() ? "" : ", ") + l;
      diagnostics->Error(path, {}, "L104",
                         !config.bilingual()
                             ? Quote(candidate.file_name) + " looks like a translation (into " + Quote(language) +
                                   "), but the site has one language (" + languages + "); for a bilingual site set "
                                   "languages in site.yaml, e.g. languages: [cy, en]; otherwise rename the file "
                                   "(an id has no dots)"
                         : language == config.source_language
                             ? Quote(candidate.file_name) + " is a translation into " + Quote(language) +
                                   ", the language the originals are written in (source_language); translate into "
                                   "one of the site's other languages, or rename the file"
                             : Quote(candidate.file_name) + " is a translation into " + Quote(language) +
                                   ", which is not one of the site's languages (" + languages +
                                   "); add it to languages in site.yaml, or rename the file");
      continue;
    }
    const std::string original = candidate.name.stem + std::string(extension);
    if (std::find(set.originals.begin(), set.originals.end(), original) == set.originals.end()) {
      diagnostics->Error(path, {}, "L105",
                         "this translates " + JoinPath(folder, original) + ", which does not exist: add the " +
                             LanguageNameInEnglish(config.source_language) + " original, or rename this file to "
                             "match it");
      continue;
    }
    set.translations.push_back(std::move(candidate));
  }
  return set;
}

// Whether `language` comes before `other` in the site's list.
size_t LanguageRank(const SiteConfig& config, const std::string& language) {
  return static_cast<size_t>(std::find(config.languages.begin(), config.languages.end(), language) -
                             config.languages.begin());
}

}  // namespace

bool LoadSiteConfig(const std::string& path, const std::string& text, SiteConfig* config, Diagnostics* diagnostics) {
  diagnostics->RememberSource(path, text);
  if (!CheckContentBytes(path, text, diagnostics)) return false;
  ReportPlaceholders(path, text, diagnostics);
  std::optional<Value> root = ReadYaml(path, text, diagnostics);
  if (!root) return false;
  Diagnostics local;
  ValidationTarget target{DocumentKind::kSite, kAll, "", path, {}};
  if (!ValidateDocument(target, *root, &local) || !root->is_map()) {
    diagnostics->AddAll(local);
    return false;
  }
  config->title = TextOr(*root, "title", "");
  config->organisation = TextOr(*root, "organisation", "");
  config->base_url = TextOr(*root, "base_url", "");
  // Every canonical link and feed is built on base_url, so it must be a full
  // address; the leniency records get for published quirks does not apply.
  if (const Value* base = root->Find("base_url"); base && !config->base_url.empty() &&
                                                   ClassifyUrl(config->base_url) != UrlForm::kValid) {
    local.Error(path, base->location(), "L020",
                "\"base_url\" must be the site's full address starting with https://, e.g. https://ai.example.gov.uk/");
  }
  if (!config->base_url.empty() && config->base_url.back() != '/') config->base_url += '/';
  // The path part of base_url: every internal link starts with it.
  const size_t scheme_end = config->base_url.find("://");
  const size_t path_start = config->base_url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
  config->root_path = path_start == std::string::npos ? "/" : config->base_url.substr(path_start);
  config->language = TextOr(*root, "language", "en");
  if (!IsLanguageTag(config->language)) {
    local.Error(path, root->Find("language")->location(), "L025",
                Quote(config->language) + " is not a language tag; use a BCP 47 tag such as en, cy or en-GB");
  }
  config->languages = {config->language};
  config->source_language = config->language;
  if (const Value* languages = root->Find("languages")) {
    LoadLanguages(*root, *languages, path, &local, config);
  }
  const std::string theme = TextOr(*root, "theme", "default");
  if (theme != "default") {
    local.Error(path, root->Find("theme")->location(), "L025",
                "unknown theme " + Quote(theme) + ": the built-in theme is \"default\"; to change how pages "
                "look, put templates of the same names in the site's layouts/ folder");
  }
  config->contact_email = EmailAddress(TextOr(*root, "contact_email", ""));
  const std::string interval = TextOr(*root, "review_interval_months", "12");
  config->review_interval_months = std::stoi(interval);
  if (config->review_interval_months < 1 || config->review_interval_months > 120) {
    local.Error(path, root->Find("review_interval_months")->location(), "L025",
                "review_interval_months should be between 1 and 120, not " + interval);
  }
  if (const Value* feedback = root->Find("feedback"); feedback && feedback->is_map()) {
    config->feedback_endpoint = TextOr(*feedback, "endpoint", "");
    config->privacy_notice = TextOr(*feedback, "privacy_notice", "");
    config->retention_days = std::stoi(TextOr(*feedback, "retention_days", "0"));
    config->response_days = std::stoi(TextOr(*feedback, "response_days", "20"));
    // The validator has checked the enumeration.
    config->calendar.region = ParseHolidayRegion(TextOr(*feedback, "bank_holidays", "england-and-wales"))
                                  .value_or(HolidayRegion::kEnglandAndWales);
    if (const Value* extra = feedback->Find("extra_bank_holidays")) {
      std::vector<const Value*> days;
      if (extra->is_text()) days.push_back(extra);
      for (const Value& day : extra->items()) days.push_back(&day);
      for (const Value* day : days) {
        const std::optional<Date> date = day->is_text() ? Date::Parse(day->text()) : std::nullopt;
        if (!date) {
          local.Error(path, day->location(), "L030",
                      "extra_bank_holidays should list days as YYYY-MM-DD, e.g. 2027-06-07");
          continue;
        }
        config->calendar.extra_holidays.push_back(*date);
      }
    }
    if (const Value* notify = feedback->Find("notify"); notify && notify->is_map()) {
      LoadNotifySettings(*notify, path, &local, &config->notify);
    }
    if (!config->feedback_endpoint.empty() && config->privacy_notice.empty()) {
      local.Error(path, KeyAt(*feedback, "endpoint"), "L026",
                  "the feedback form needs a privacy notice: add \"privacy_notice\" under \"feedback\", e.g. "
                  "privacy_notice: /pages/privacy/");
    }
  }
  if (const Value* licence = root->Find("licence"); licence && licence->is_map()) {
    config->licence_name = TextOr(*licence, "name", config->licence_name);
    const std::string url = TextOr(*licence, "url", config->licence_url);
    // A missing scheme draws the validator's warning and is linked with https://;
    // "N/A" or a broken address cannot go into feeds and data as the licence.
    const UrlForm form = ClassifyUrl(url);
    if (form == UrlForm::kValid || form == UrlForm::kNoScheme || form == UrlForm::kTrailingText) {
      config->licence_url = UrlTarget(url);
    } else {
      local.Error(path, root->FindPath("licence.url") ? root->FindPath("licence.url")->location() : KeyAt(*licence, "url"),
                  "L025", "the licence needs the web address of its text, e.g. "
                  "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/, not " + Quote(url));
    }
  }
  if (const Value* a = root->Find("accessibility"); a && a->is_map()) {
    AccessibilitySettings& settings = config->accessibility;
    settings.given = true;
    settings.page = TextOr(*a, "page", "accessibility");
    settings.page_location = a->Find("page") ? a->Find("page")->location() : KeyAt(*root, "accessibility");
    settings.compliance = TextOr(*a, "compliance", "");
    settings.contact_email = EmailAddress(TextOr(*a, "contact_email", ""));
    if (ClassifyEmail(settings.contact_email) != EmailForm::kValid) settings.contact_email = config->contact_email;
    settings.contact_phone = TextOr(*a, "contact_phone", "");
    settings.response_days = std::stoi(TextOr(*a, "response_days", "0"));
    settings.prepared_on = Date::Parse(TextOr(*a, "prepared_on", "")).value_or(Date{});
    settings.reviewed_on = Date::Parse(TextOr(*a, "reviewed_on", ""));
    settings.tested_on = Date::Parse(TextOr(*a, "tested_on", "")).value_or(Date{});
    settings.tested_by = TextOr(*a, "tested_by", "");
    if (settings.reviewed_on && *settings.reviewed_on < settings.prepared_on) {
      local.Error(path, a->Find("reviewed_on")->location(), "L080",
                  "reviewed_on (" + settings.reviewed_on->Iso() + ") is before prepared_on (" +
                      settings.prepared_on.Iso() + "): a statement is reviewed after it is prepared");
    }
  }
  if (const Value* services = root->Find("services")) {
    if (services->is_text()) config->services.push_back(services->text());
    for (const Value& s : services->items()) {
      if (!s.is_text()) continue;
      if (std::find(config->services.begin(), config->services.end(), s.text()) != config->services.end()) {
        local.Warning(path, s.location(), "L027", "service " + Quote(s.text()) + " is listed twice");
        continue;
      }
      config->services.push_back(s.text());
    }
  }
  const bool ok = !local.has_errors();
  diagnostics->AddAll(local);
  return ok;
}

Status LoadSiteSettings(const FileSystem& files, const std::string& root, const LoadOptions& options, Site* site,
                        bool* config_ok, Diagnostics* diagnostics, Fingerprint* inputs) {
  *config_ok = false;
  if (!files.IsDirectory(root)) {
    return Status::Error("no folder " + Quote(root));
  }
  const std::string config_path = JoinPath(root, "site.yaml");
  // A site.yaml that links out of the site is a content error like any other
  // file's (never read); only a missing one means "not a site".
  const EntryKind config_kind = CheckedKind(files, config_path, diagnostics);
  if (config_kind != EntryKind::kFile && !IsRefused(config_kind)) {
    return Status::Error(Quote(root) + " is not a Lantern site: it has no site.yaml (start one with: lantern init " +
                         root + ")");
  }
  site->root = root;
  if (config_kind == EntryKind::kFile) {
    Result<std::string> config_text = files.ReadFile(config_path);
    if (!config_text.ok()) return config_text.status();
    if (inputs) inputs->Add(config_text.value());
    *config_ok = LoadSiteConfig(config_path, config_text.value(), &site->config, diagnostics);
  }
  site->config.today = options.today ? *options.today : TodayUtc();
  if (inputs) inputs->Add(site->config.today.Iso());
  return Status::Ok();
}

std::vector<std::string> RecordFileNames(const FileSystem& files, const std::string& root, const SiteConfig& config,
                                         bool config_ok, Diagnostics* diagnostics) {
  const std::string folder = JoinPath(root, "records");
  return SplitTranslations(ContentFiles(files, folder, ".yaml", diagnostics), ".yaml", config, config_ok, folder,
                           diagnostics)
      .originals;
}

RecordIdentity IdentityOf(const Record& record) {
  RecordIdentity identity;
  identity.id = record.id;
  const Value::Member* id_member = record.data().FindMember("id");
  identity.explicit_id = id_member != nullptr;
  identity.id_location = id_member ? id_member->value.location() : SourceLocation{};
  identity.source_path = record.source_path;
  identity.service = record.Text("service");
  if (const Value* service = record.data().Find("service")) identity.service_location = service->location();
  return identity;
}

std::vector<bool> CheckAcrossRecords(const std::vector<RecordIdentity>& records, const SiteConfig& config,
                                     bool config_ok, Diagnostics* diagnostics) {
  // A record whose id comes from its file name keeps it; the error goes to the
  // one that set "id:" to a name already taken.
  std::vector<size_t> order(records.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return !records[a].explicit_id && records[b].explicit_id;
  });
  std::vector<bool> kept(records.size(), false);
  std::map<std::string, std::string> id_owner;
  std::map<std::string, const RecordIdentity*> short_owner;
  for (const size_t i : order) {
    const RecordIdentity& record = records[i];
    auto [it, inserted] = id_owner.emplace(record.id, record.source_path);
    if (!inserted) {
      diagnostics->Error(record.source_path, record.id_location, "L028",
                         "id " + Quote(record.id) + " is already used by " + it->second +
                             "; each record needs its own id, and an id is never reused");
      continue;
    }
    // Two ids with one short address would send a letter's reader to the
    // wrong record: the later file (in the order above) yields.
    auto [short_it, short_free] = short_owner.emplace(ShortCode(record.id), &record);
    if (!short_free) {
      diagnostics->Error(record.source_path, record.id_location, "L082",
                         "id " + Quote(record.id) + " has the same short address (/" + ShortPath(record.id) +
                             ") as " + Quote(short_it->second->id) + " in " + short_it->second->source_path +
                             "; give one of them another id");
      continue;
    }
    const std::string& service = record.service;
    if (!service.empty() && config_ok && !config.services.empty() &&
        std::find(config.services.begin(), config.services.end(), service) == config.services.end()) {
      const std::string nearest = NearestMatch(service, config.services);
      diagnostics->Error(record.source_path, record.service_location, "L029",
                         "service " + Quote(service) + " is not in site.yaml's services" +
                             (nearest.empty() ? "; add it there, or use one of them"
                                              : " (did you mean " + Quote(nearest) + "?)"));
      continue;
    }
    kept[i] = true;
  }
  return kept;
}

// Reads each page's translations (pages/<slug>.<language>.md) and attaches
// those without errors to the page (or to the home page's introduction);
// then warns of each page without a translation into one of the other
// languages.
Status LoadPageTranslations(const FileSystem& files, const std::string& folder, const ContentFileSet& set, Site* site,
                            Diagnostics* diagnostics, Fingerprint* inputs) {
  const SiteConfig& config = site->config;
  if (!config.bilingual()) return Status::Ok();
  auto original_of = [&](const std::string& slug) -> Page* {
    if (slug == "index") return site->home_intro ? &*site->home_intro : nullptr;
    for (Page& page : site->pages) {
      if (page.slug == slug) return &page;
    }
    return nullptr;
  };
  for (const ContentFileSet::Translation& file : set.translations) {
    const std::string path = JoinPath(folder, file.file_name);
    Result<std::string> text = files.ReadFile(path);
    if (!text.ok() && text.status().is_not_found()) continue;
    if (!text.ok()) return text.status();
    if (inputs) inputs->Add(path).Add(text.value());
    Page* original = original_of(file.name.stem);
    if (original == nullptr) continue;  // the original has errors, reported already
    std::optional<PageTranslation> translation =
        LoadPageTranslation(path, file.name.stem, file.name.language, text.value(), original, diagnostics);
    if (translation) original->translations.push_back(std::move(*translation));
  }
  std::vector<Page*> pages;
  for (Page& page : site->pages) pages.push_back(&page);
  if (site->home_intro) pages.push_back(&*site->home_intro);
  for (Page* page : pages) {
    std::sort(page->translations.begin(), page->translations.end(),
              [&](const PageTranslation& a, const PageTranslation& b) {
                return LanguageRank(config, a.language) < LanguageRank(config, b.language);
              });
    for (const std::string& language : config.languages) {
      if (language == config.source_language) continue;
      const bool given = std::any_of(set.translations.begin(), set.translations.end(), [&](const auto& t) {
        return t.name.stem == page->slug && t.name.language == language;
      });
      if (given) continue;
      diagnostics->Warning(page->source_path, {}, "L106",
                           "no " + LanguageNameInEnglish(language) + " translation: add " +
                               JoinPath(folder, page->slug + "." + language + ".md") + " (the page shows the " +
                               LanguageNameInEnglish(config.source_language) + " with a notice until then)");
    }
  }
  return Status::Ok();
}

Status LoadSitePages(const FileSystem& files, const std::string& root, bool config_ok, Site* site,
                     Diagnostics* diagnostics, Fingerprint* inputs) {
  const std::string pages_folder = JoinPath(root, "pages");
  const ContentFileSet page_files = SplitTranslations(ContentFiles(files, pages_folder, ".md", diagnostics), ".md",
                                                      site->config, config_ok, pages_folder, diagnostics);
  for (const std::string& name : page_files.originals) {
    const std::string path = JoinPath(pages_folder, name);
    Result<std::string> text = files.ReadFile(path);
    if (!text.ok() && text.status().is_not_found()) continue;  // deleted since listed, as for records
    if (!text.ok()) return text.status();
    if (inputs) inputs->Add(path).Add(text.value());
    const std::string slug = name.substr(0, name.size() - 3);
    std::optional<Page> page = LoadPage(path, slug, text.value(), diagnostics);
    if (!page) continue;
    if (slug == "index") {
      site->home_intro = std::move(page);
    } else {
      site->pages.push_back(std::move(*page));
    }
  }
  if (Status status = LoadPageTranslations(files, pages_folder, page_files, site, diagnostics, inputs); !status.ok()) {
    return status;
  }
  // The accessibility statement's own words live in a page: it must exist.
  const AccessibilitySettings& accessibility = site->config.accessibility;
  if (config_ok && accessibility.given &&
      std::none_of(site->pages.begin(), site->pages.end(),
                   [&](const Page& page) { return page.slug == accessibility.page; })) {
    diagnostics->Error(JoinPath(root, "site.yaml"), accessibility.page_location,
                       "L081",
                       "the accessibility statement needs its page: add " +
                           JoinPath(pages_folder, accessibility.page + ".md") +
                           " (its introduction, non-accessible content and plans), or name an existing page "
                           "with \"page\" under \"accessibility\"");
  }
  return Status::Ok();
}

// Reads each record's translations and attaches those without errors to the
// loaded original (by file name: a translation sits beside its original);
// then warns of each loaded record still without a translation into one of
// the site's other languages.
Status LoadRecordTranslations(const FileSystem& files, const std::string& folder, const ContentFileSet& set,
                              const std::vector<std::string>& originals, const SiteConfig& config,
                              std::vector<std::optional<Record>>* loaded, Diagnostics* diagnostics,
                              Fingerprint* inputs) {
  if (!config.bilingual()) return Status::Ok();
  std::map<std::string, size_t> by_stem;
  for (size_t i = 0; i < originals.size(); ++i) by_stem[originals[i].substr(0, originals[i].size() - 5)] = i;
  std::vector<std::optional<RecordTranslation>> parsed(set.translations.size());
  std::vector<Status> read_errors(set.translations.size());
  std::vector<uint64_t> hashes(set.translations.size());
  ParallelFor(set.translations.size(), [&](size_t i) {
    const ContentFileSet::Translation& file = set.translations[i];
    const std::string path = JoinPath(folder, file.file_name);
    Result<std::string> text = files.ReadFile(path);
    if (!text.ok()) {
      if (!text.status().is_not_found()) read_errors[i] = text.status();
      return;
    }
    hashes[i] = Fingerprint().Add(path).Add(text.value()).value();
    const std::optional<Record>& original = (*loaded)[by_stem.at(file.name.stem)];
    if (!original) return;  // its own errors come first; the translation is checked once it loads
    Diagnostics own;
    parsed[i] = ParseRecordTranslation(path, file.name.language, text.value(), &own);
    if (parsed[i]) {
      parsed[i]->source_hash = hashes[i];
      if (!CheckRecordTranslation(*original, &*parsed[i], &own)) parsed[i].reset();
    }
    diagnostics->AddItems(own.Items());
    diagnostics->RememberSource(path, std::move(text.value()));
  });
  for (const Status& s : read_errors) {
    if (!s.ok()) return s;
  }
  // Attached in a fixed order (the site's languages), whatever order threads finished in.
  std::vector<std::set<std::string>> given(originals.size());
  for (size_t i = 0; i < set.translations.size(); ++i) {
    const size_t original = by_stem.at(set.translations[i].name.stem);
    given[original].insert(set.translations[i].name.language);
    if (inputs) inputs->Add(hashes[i]);
    if (parsed[i] && (*loaded)[original]) (*loaded)[original]->translations.push_back(std::move(*parsed[i]));
  }
  for (size_t i = 0; i < originals.size(); ++i) {
    std::optional<Record>& record = (*loaded)[i];
    if (!record) continue;
    std::sort(record->translations.begin(), record->translations.end(),
              [&](const RecordTranslation& a, const RecordTranslation& b) {
                return LanguageRank(config, a.language) < LanguageRank(config, b.language);
              });
    for (const std::string& language : config.languages) {
      if (language == config.source_language || given[i].count(language)) continue;
      const std::string stem = originals[i].substr(0, originals[i].size() - 5);
      diagnostics->Warning(record->source_path, {}, "L106",
                           "no " + LanguageNameInEnglish(language) + " translation: add " +
                               JoinPath(folder, stem + "." + language + ".yaml") +
                               " (its pages show the " + LanguageNameInEnglish(config.source_language) +
                               " with a notice until then)");
    }
  }
  return Status::Ok();
}

Status LoadSite(const FileSystem& files, const std::string& root, const LoadOptions& options, Site* site,
                Diagnostics* diagnostics) {
  bool config_ok = false;
  // What this load read besides records, for RecordLoadCache::site_fingerprint.
  Fingerprint inputs;
  inputs.Add(root).Add(options.include_drafts ? 1 : 0);
  if (Status status = LoadSiteSettings(files, root, options, site, &config_ok, diagnostics, &inputs); !status.ok()) {
    return status;
  }
  // Everything FinishRecord reads besides the record (ParsedRecordFile::finished_under).
  const uint64_t settings = inputs.value();

  // Records: read and checked in parallel; each file's diagnostics are
  // independent, and sorting at print time keeps the output deterministic.
  const std::string records_folder = JoinPath(root, "records");
  ContentFileSet record_files = SplitTranslations(ContentFiles(files, records_folder, ".yaml", diagnostics), ".yaml",
                                                  site->config, config_ok, records_folder, diagnostics);
  const std::vector<std::string>& record_names = record_files.originals;
  std::vector<std::optional<Record>> loaded(record_names.size());
  std::vector<Status> read_errors(record_names.size());
  // With a cache: what each file's bytes parsed to, found or made.
  std::vector<std::shared_ptr<const ParsedRecordFile>> parsed(record_names.size());
  std::atomic<size_t> parsed_afresh{0};
  ParallelFor(record_names.size(), [&](size_t i) {
    const std::string path = JoinPath(records_folder, record_names[i]);
    // Taken before the bytes are read, so that a write after it changes it.
    const std::optional<FileStamp> stamp = options.cache ? files.Stamp(path) : std::nullopt;
    if (stamp) {
      // A clean file unchanged since it was last read: its parse and finish
      // are replayed without reading it (the preview's rebuild after one
      // edit would otherwise read every record file).
      std::shared_ptr<const ParsedRecordFile> kept = options.cache->FindUnchanged(path, *stamp);
      if (kept && kept->record && kept->diagnostics.empty() && kept->finished_under == settings &&
          kept->finish_diagnostics.empty()) {
        diagnostics->RememberSourceLater(path);
        loaded[i] = *kept->record;
        loaded[i]->next_review = kept->next_review;
        parsed[i] = std::move(kept);
        return;
      }
    }
    Result<std::string> text = files.ReadFile(path);
    if (!text.ok()) {
      // Deleted since the folder was listed (an editor saving by delete and
      // rewrite, while the preview rebuilds): the site as it now is has no
      // such record, and the watcher rebuilds when the file is back. Any
      // other failure stops the load.
      if (!text.status().is_not_found()) read_errors[i] = text.status();
      return;
    }
    const std::string file_id = record_names[i].substr(0, record_names[i].size() - 5);
    // One path with or without the cache: ParseRecord's diagnostics are
    // collected apart and added (so a replay adds exactly what a parse did),
    // then the file's text is remembered for the source lines.
    const uint64_t hash = options.cache ? RecordLoadCache::HashOf(text.value()) : 0;
    std::shared_ptr<const ParsedRecordFile> file =
        options.cache ? options.cache->Find(path, text.value().size(), hash) : nullptr;
    if (!file) {
      auto made = std::make_shared<ParsedRecordFile>();
      made->size = text.value().size();
      made->hash = hash;
      Diagnostics own;
      made->record = ParseRecord(path, file_id, text.value(), &own);
      made->diagnostics = own.Items();
      made->stamp = stamp;
      file = std::move(made);
      ++parsed_afresh;
    } else if (file->stamp != stamp) {
      auto restamped = std::make_shared<ParsedRecordFile>(*file);  // same bytes, touched or first settled
      restamped->stamp = stamp;
      file = std::move(restamped);
    }
    diagnostics->AddItems(file->diagnostics);
    diagnostics->RememberSource(path, std::move(text.value()));
    if (file->record && !options.cache) {
      loaded[i] = std::move(std::const_pointer_cast<ParsedRecordFile>(file)->record);
      FinishRecord(site->config, &*loaded[i], diagnostics);
    } else if (file->record) {
      // Copied from the cache, which keeps its own (the copy shares the
      // record's tree: Record::data), and finished or replayed.
      loaded[i] = *file->record;
      if (file->finished_under != settings) {
        Diagnostics own;
        FinishRecord(site->config, &*loaded[i], &own);
        auto finished = std::make_shared<ParsedRecordFile>(*file);
        finished->finished_under = settings;
        finished->next_review = loaded[i]->next_review;
        finished->finish_diagnostics = own.Items();
        file = std::move(finished);
      }
      loaded[i]->next_review = file->next_review;
      diagnostics->AddItems(file->finish_diagnostics);
    }
    if (options.cache) parsed[i] = std::move(file);
  });
  for (const Status& s : read_errors) {
    if (!s.ok()) return s;
  }
  if (options.cache) {
    std::map<std::string, std::shared_ptr<const ParsedRecordFile>> kept;
    for (size_t i = 0; i < record_names.size(); ++i) kept[JoinPath(records_folder, record_names[i])] = parsed[i];
    options.cache->Replace(std::move(kept), parsed_afresh);
  }

  site->record_files = record_names.size();
  if (Status status = LoadRecordTranslations(files, records_folder, record_files, record_names, site->config, &loaded,
                                             diagnostics, &inputs);
      !status.ok()) {
    return status;
  }
  // Checks across records: unique ids and services from the site's list.
  std::vector<Record*> records;
  std::vector<RecordIdentity> identities;
  for (std::optional<Record>& record : loaded) {
    if (!record) continue;
    records.push_back(&*record);
    identities.push_back(IdentityOf(*record));
  }
  const std::vector<bool> kept = CheckAcrossRecords(identities, site->config, config_ok, diagnostics);
  for (size_t i = 0; i < records.size(); ++i) {
    if (!kept[i] || (records[i]->is_draft() && !options.include_drafts)) continue;
    site->records.push_back(std::move(*records[i]));
  }
  std::sort(site->records.begin(), site->records.end(),
            [](const Record& a, const Record& b) { return a.id < b.id; });
  if (Status status = LoadSitePages(files, root, config_ok, site, diagnostics, &inputs); !status.ok()) return status;
  if (options.cache) options.cache->set_site_fingerprint(inputs.value());
  return Status::Ok();
}

}  // namespace lantern
