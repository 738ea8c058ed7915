#include "assemble/views.h"

#include <algorithm>
#include <map>

#include "load/redactions.h"
#include "load/schema.h"
#include "load/validator.h"
#include "model/addresses.h"
#include "model/languages.h"
#include "publish/csv_writer.h"
#include "publish/discovery.h"
#include "publish/record_data.h"
#include "render/html_escape.h"
#include "render/markdown.h"

namespace lantern {
namespace {

Value DateView(const Theme& theme, const Date& date) {
  return Value::Map().Set("iso", TextValue(date.Iso())).Set("display", TextValue(theme.DisplayDate(date)));
}

std::string DateHtml(const Theme& theme, const Date& date) {
  return "<time datetime=\"" + date.Iso() + "\">" + EscapeHtml(theme.DisplayDate(date)) + "</time>";
}

bool IsBlank(const Value* v) {
  return v == nullptr || v->is_null() || (v->is_text() && v->text().find_first_not_of(" \t\r\n") == std::string::npos) ||
         (v->is_list() && v->items().empty());
}

// A value or list of values as one text, ", " between them; the values of an
// enumeration by their names in the theme's language. `lang` (may be null)
// receives the language to mark the text with: English where a name has no
// translation on a page in another language.
std::string JoinTexts(const Value& value, const char* enumeration, const Theme& theme, std::string* lang = nullptr) {
  std::vector<std::string> parts;
  auto add = [&](const Value& item) {
    if (!item.is_text()) return;
    if (!enumeration) {
      parts.push_back(item.text());
      return;
    }
    StandardText name = theme.Standard(EnumLabel(enumeration, item.text()));
    if (lang && !name.lang.empty()) *lang = name.lang;
    parts.push_back(std::move(name.text));
  };
  if (value.is_list()) {
    for (const Value& item : value.items()) add(item);
  } else {
    add(value);
  }
  std::string joined;
  for (const std::string& part : parts) joined += (joined.empty() ? "" : ", ") + part;
  return joined;
}

// Where the links an author wrote for the default language's pages go in this
// edition (EditionUrl): on the English pages of a Welsh-first site,
// "/records/x/" leads to "/en/records/x/", not back into Welsh.
LinkAddress ForEdition(const SiteConfig& config) {
  if (config.edition_prefix.empty()) return {};
  return [&config](const std::string& url) { return EditionUrl(config, url); };
}

// A record's Markdown fields, each parsed once however often the page shows
// it, with the links the parse found kept for the link checker.
class FieldMarkdown {
 public:
  FieldMarkdown(const SiteConfig& config, std::vector<MarkdownFieldLinks>* links) : config_(config), links_(links) {}

  // The links found are what the author wrote (the checker's), whatever the
  // edition makes of them.
  std::string Html(const Value& field, MarkdownOptions options) {
    auto [at, added] = parsed_.try_emplace(&field, field.text());
    if (added && links_ != nullptr) links_->push_back({field.location(), at->second.links()});
    return at->second.Html(options, ForEdition(config_));
  }

 private:
  const SiteConfig& config_;
  std::map<const Value*, MarkdownDocument> parsed_;
  std::vector<MarkdownFieldLinks>* links_;
};

// The HTML for one field's value, by the field's type. For a value from the
// standard's lists, `names_lang` receives the language of its names.
std::string ValueHtml(const FieldSpec& spec, const Value& value, const Theme& theme, FieldMarkdown* markdown,
                      std::string* names_lang) {
  const std::string text = value.is_text() ? value.text() : std::string();
  switch (spec.type) {
    case FieldType::kMarkdown:
      return value.is_text() ? markdown->Html(value, {3}) : MarkdownToHtml(text, {3});
    case FieldType::kUrl:
      if (ClassifyUrl(text) == UrlForm::kNotApplicable) return EscapeHtml(theme.String("value_not_applicable"));
      if (ClassifyUrl(text) == UrlForm::kInvalid || ClassifyUrl(text) == UrlForm::kBadScheme) return EscapeHtml(text);
      {
        const std::string first = text.substr(0, text.find_first_of(" \t\n"));
        const std::string rest = first.size() < text.size() ? text.substr(first.size()) : "";
        return LinkHtml(UrlTarget(text), first) + EscapeHtml(rest);
      }
    case FieldType::kEmail:
      if (ClassifyEmail(text) == EmailForm::kNotApplicable) return EscapeHtml(theme.String("value_not_applicable"));
      if (ClassifyEmail(text) == EmailForm::kInvalid) return EscapeHtml(text);
      return LinkHtml("mailto:" + EmailAddress(text), EmailAddress(text));
    case FieldType::kDate:
      if (std::optional<Date> date = Date::Parse(text)) return DateHtml(theme, *date);
      return EscapeHtml(text);
    case FieldType::kBool:
      return EscapeHtml(theme.String(ParseBool(text).value_or(false) ? "value_yes" : "value_no"));
    case FieldType::kEnum:
    case FieldType::kEnumList:
      return EscapeHtml(JoinTexts(value, spec.enumeration, theme, names_lang));
    case FieldType::kTextList:
      return EscapeHtml(JoinTexts(value, nullptr, theme));
    default:
      return EscapeHtml(text);
  }
}

bool IsWithheld(const Record& record, const std::string& schema_path) {
  return lantern::IsWithheld(record.withheld, schema_path);
}

// A summary-list row for the field `spec` whose value is `value` (may be null).
Value Row(const Record& record, const Theme& theme, const FieldSpec& spec, const Value* value,
          FieldMarkdown* markdown) {
  Value row = Value::Map();
  const StandardText label = theme.Standard(FieldLabel(spec, record.version_bit));
  row.Set("label", TextValue(label.text));
  row.Set("label_lang", TextValue(label.lang));
  row.Set("number", TextValue(FieldNumber(spec, record.version_bit)));
  // Listed under redactions: with no value the field is withheld; with a value
  // it is partly withheld (shown, with the reason for what is left out).
  const bool listed = IsWithheld(record, spec.path);
  const bool withheld = listed && IsBlank(value);
  const bool partly = !withheld && record.withheld.count(spec.path) > 0;
  row.Set("withheld", Value::Bool(withheld));
  row.Set("partly_withheld", Value::Bool(partly));
  row.Set("withheld_reason", TextValue(listed ? WithheldReason(record, spec.path) : ""));
  row.Set("is_group", Value::Bool(false));
  const bool readers_text = spec.type == FieldType::kText || spec.type == FieldType::kMarkdown ||
                            spec.type == FieldType::kTextList;
  const bool standard_words = spec.type == FieldType::kEnum || spec.type == FieldType::kEnumList;
  std::string names_lang;  // of the values' names, for a value from the standard's lists
  const std::string value_html = IsBlank(value) ? EscapeHtml(theme.String("value_none"))
                                                : ValueHtml(spec, *value, theme, markdown, &names_lang);
  row.Set("value_lang", TextValue(IsBlank(value)    ? ""
                                  : readers_text   ? ContentLanguage(record, spec.path)
                                  : standard_words ? names_lang
                                                   : ""));
  row.Set("value_html", TextValue(withheld ? "" : value_html));
  return row;
}

// A group of repeated entries (models, datasets, third parties, risks, …).
Value Group(const Record& record, const Theme& theme, const FieldSpec& spec, const Value* list,
            FieldMarkdown* markdown) {
  Value group = Value::Map();
  group.Set("is_group", Value::Bool(true));
  const StandardText label = theme.Standard(FieldLabel(spec, record.version_bit));
  group.Set("label", TextValue(label.text));
  group.Set("label_lang", TextValue(label.lang));
  group.Set("number", TextValue(FieldNumber(spec, record.version_bit)));
  const bool listed = IsWithheld(record, spec.path);
  const bool withheld = listed && IsBlank(list);
  group.Set("withheld", Value::Bool(withheld));
  group.Set("partly_withheld", Value::Bool(!withheld && record.withheld.count(spec.path) > 0));
  group.Set("withheld_reason", TextValue(listed ? WithheldReason(record, spec.path) : ""));
  Value entries = Value::List();
  const std::vector<const FieldSpec*> children =
      ChildFields(DocumentKind::kRecord, record.version_bit, std::string(spec.path) + "[]");
  if (!withheld && list != nullptr && list->is_list()) {
    int n = 0;
    for (const Value& item : list->items()) {
      ++n;
      std::string heading;
      for (const char* key : {"name", "title"}) {
        if (const Value* v = item.Find(key); v && v->is_text() && heading.empty()) heading = v->text();
      }
      if (heading.empty()) heading = label.text + " " + std::to_string(n);
      Value rows = Value::List();
      for (const FieldSpec* child : children) {
        const std::string_view key = FieldKey(child->path);
        if ((key == "name" || key == "title") && item.Find(key) != nullptr && child->type == FieldType::kText) continue;
        rows.Push(Row(record, theme, *child, item.Find(key), markdown));
      }
      entries.Push(Value::Map().Set("heading", TextValue(heading)).Set("rows", std::move(rows)));
    }
  }
  group.Set("is_empty", Value::Bool(entries.items().empty()));
  group.Set("empty_text", TextValue(withheld ? theme.String("withheld_label") + ": " + WithheldReason(record, spec.path)
                                             : theme.String("value_none")));
  group.Set("entries", std::move(entries));
  return group;
}

// A published count: the number, or only that it is fewer than 5 (the
// template words that from the theme's strings).
Value CountView(const PublishedCount& count) {
  return Value::Map()
      .Set("fewer_than_five", Value::Bool(count.fewer_than_five))
      .Set("number", TextValue(std::to_string(count.exact)));
}

// `build --feedback-stats`: the days counted and the record's counts.
Value FeedbackStatsView(const Theme& theme, const SiteFeedbackSummary& period, const FeedbackSummary& summary) {
  return Value::Map()
      .Set("first_day", DateView(theme, period.first_day))
      .Set("last_day", DateView(theme, period.last_day))
      .Set("questions", CountView(summary.questions))
      .Set("feedback", CountView(summary.feedback))
      .Set("objections", CountView(summary.objections))
      .Set("reviews", CountView(summary.reviews))
      .Set("on_time_shown", Value::Bool(summary.on_time_shown))
      .Set("on_time_percent", TextValue(std::to_string(summary.on_time_percent)))
      .Set("on_time_judged", TextValue(std::to_string(summary.on_time_judged)));
}

std::string MarkdownAt(const Record& record, FieldMarkdown* markdown, std::string_view path) {
  const Value* v = record.data().FindPath(path);
  return IsBlank(v) || !v->is_text() ? std::string() : markdown->Html(*v, {2});
}

}  // namespace

// The language a record's field is shown in on a page of a bilingual site,
// when it is not the page's: the original's, where the record has no
// translation into the page's language or its translation leaves the field
// out ("" otherwise, and always on a page in the original's language). A
// field inside a repeatable section counts as translated when its section is.
StandardText FacetLabel(const Site& site, const Theme& theme, const Facet& facet) {
  if (facet.kind != "service") return theme.Standard(facet.label);
  const std::string& words = site.config.source_language;
  return {facet.label, PrimaryLanguage(words) == PrimaryLanguage(site.config.language) ? "" : words};
}

std::string ContentLanguage(const Record& record, std::string_view schema_path) {
  const std::optional<TranslationNote>& note = record.translation_note;
  if (!note) return "";
  if (!note->fallback_language.empty()) return note->fallback_language;
  const RecordTranslation* translation = record.Translation(note->language);
  if (translation == nullptr) return "";
  const std::string path(schema_path.substr(0, schema_path.find("[]")));
  return translation->data->FindPath(path) != nullptr ? "" : note->source_language;
}

std::string RecordUrl(const Site& site, const Record& record) { return SiteUrl(site.config, RecordPath(record)); }

std::string PageUrl(const Site& site, const Page& page) { return SiteUrl(site.config, PagePath(page)); }

// The notice a page of a bilingual site gives about its translation: none
// in the language it was written in; otherwise whether it is translated at
// all (if not, the original is shown, marked with its lang), in part, by
// machine, or since the original changed. Sentences in the page's language.
Value TranslationNoteView(const std::optional<TranslationNote>& note, const Theme& theme, bool is_record) {
  Value view = Value::Map();
  if (!note) return view;
  const std::string source_name =
      theme.String("language_name_" + PrimaryLanguage(note->fallback_language.empty() ? "en" : note->fallback_language));
  const std::map<std::string, std::string> values = {{"source_language", source_name}};
  view.Set("shown", Value::Bool(true));
  if (!note->fallback_language.empty()) {
    view.Set("missing", Value::Bool(true));
    view.Set("fallback_language", TextValue(note->fallback_language));
    view.Set("missing_sentence",
             TextValue(theme.Sentence(is_record ? "translation_missing_record" : "translation_missing_page", values)));
    return view;
  }
  std::vector<std::string> sentences;
  if (note->partial) sentences.push_back(theme.Sentence("translation_partial", values));
  if (note->by_machine) {
    sentences.push_back(note->reviewed_on
                            ? theme.Sentence("translation_machine_reviewed", {{"date", theme.DisplayDate(*note->reviewed_on)}})
                            : theme.String("translation_machine"));
  }
  if (note->stale) sentences.push_back(theme.String("translation_stale"));
  Value list = Value::List();
  for (std::string& sentence : sentences) list.Push(TextValue(std::move(sentence)));
  view.Set("has_sentences", Value::Bool(!list.items().empty()));
  view.Set("sentences", std::move(list));
  view.Set("by_sentence", TextValue(theme.Sentence("translation_by", {{"translator", note->translated_by}})));
  return view;
}

// The parts of `text` (SplitPlaceholders) for a template to walk in order:
// [{text: "It was retired on "}, {slot_date: true}, {text: "."}]. Each part
// has a text (empty on a slot) and every slot of the sentence (true only on
// its own), so that no name in it is found further up the template's context,
// as it would be inside another sentence's slot.
Value PartsView(const std::vector<SentencePart>& parts) {
  std::vector<std::string> slots;
  for (const SentencePart& part : parts) {
    if (!part.slot.empty() && std::find(slots.begin(), slots.end(), part.slot) == slots.end()) slots.push_back(part.slot);
  }
  Value list = Value::List();
  for (const SentencePart& part : parts) {
    Value entry = Value::Map().Set("text", TextValue(part.text));
    for (const std::string& slot : slots) entry.Set("slot_" + slot, Value::Bool(part.slot == slot));
    list.Push(std::move(entry));
  }
  return list;
}

// Every string with a placeholder a template fills (any but the site's own,
// `site_values`, which are filled in as words), as its parts: the HTML around
// a value (a <time>, a link) stays in the template, and the words around it
// stay one sentence a translation can put in its own order.
Value SentencePartsView(const Theme& theme, const std::map<std::string, std::string>& site_values) {
  Value view = Value::Map();
  for (const Value::Member& member : theme.strings.members()) {
    if (!member.value.is_text() || member.value.text().find('{') == std::string::npos) continue;
    const std::vector<SentencePart> parts = SplitPlaceholders(member.value.text(), site_values);
    const bool has_slot = std::any_of(parts.begin(), parts.end(), [](const SentencePart& p) { return !p.slot.empty(); });
    if (has_slot) view.Set(member.key, PartsView(parts));
  }
  return view;
}

Value ConstantView(const Site& site, const Theme& theme) {
  const SiteConfig& c = site.config;
  Value view = Value::Map();
  view.Set("strings", theme.strings);
  view.Set("site", Value::Map()
                       .Set("title", TextValue(c.title))
                       .Set("organisation", TextValue(c.organisation))
                       .Set("language", TextValue(c.language))
                       .Set("contact_email", TextValue(c.contact_email))
                       .Set("base_url", TextValue(c.base_url)));
  view.Set("root", TextValue(SiteUrl(c, "")));
  // The root of the files every language shares (assets, the favicon): the
  // site's own root, also on a bilingual site's /cy/ pages.
  view.Set("site_root", TextValue(c.root_path));
  // Every string that names the organisation, as the whole sentence for this
  // site: filled once per build, here in the constant layer, not per page.
  const std::map<std::string, std::string> site_values = {{"organisation", c.organisation}};
  Value sentences = Value::Map();
  for (const Value::Member& member : theme.strings.members()) {
    if (member.value.is_text() && member.value.text().find("{organisation}") != std::string::npos) {
      sentences.Set(member.key, TextValue(FillPlaceholders(member.value.text(), site_values)));
    }
  }
  view.Set("sentences", std::move(sentences));
  view.Set("parts", SentencePartsView(theme, site_values));
  // The description a page without its own (home, lists, data) gives search engines.
  view.Set("meta_description", TextValue(theme.Sentence("meta_description_site", site_values)));
  view.Set("feed_url", TextValue(SiteUrl(c, kSiteFeedPath)));
  view.Set("data_url", TextValue(SiteUrl(c, "data/")));
  view.Set("dashboard_url", TextValue(SiteUrl(c, kDashboardPath)));
  view.Set("licence", Value::Map()
                          .Set("name", TextValue(c.licence_name))
                          .Set("url", TextValue(c.licence_url))
                          .Set("statement", TextValue(LicenceStatement(c))));
  return view;
}

Value PageView(const Site& site, const SiteIndex& index, const Theme& theme, PageKind kind,
               const std::string& page_title, const std::string& current_url) {
  const SiteConfig& c = site.config;
  Value view = Value::Map();
  Value nav = Value::List();
  const std::string records_url = SiteUrl(c, kRecordsPath);
  nav.Push(Value::Map()
               .Set("title", TextValue(theme.String("records_title")))
               .Set("url", TextValue(records_url))
               .Set("current", Value::Bool(current_url == records_url)));
  for (const Page* page : index.nav_pages) {
    const std::string url = PageUrl(site, *page);
    nav.Push(Value::Map()
                 .Set("title", TextValue(page->title))
                 .Set("url", TextValue(url))
                 .Set("current", Value::Bool(current_url == url)));
  }
  view.Set("nav", std::move(nav));

  Value breadcrumbs = Value::List();
  if (kind != PageKind::kHome) {
    breadcrumbs.Push(Value::Map().Set("title", TextValue(theme.String("home_title"))).Set("url", TextValue(SiteUrl(c, ""))));
  }
  if (kind == PageKind::kRecord || kind == PageKind::kFilter) {
    breadcrumbs.Push(Value::Map().Set("title", TextValue(theme.String("records_title"))).Set("url", TextValue(records_url)));
  }
  view.Set("breadcrumbs", std::move(breadcrumbs));
  view.Set("page_title", TextValue(page_title));
  if (kind == PageKind::kNotFound) {
    // Served at every missing address: it is nobody's canonical page.
    view.Set("noindex", Value::Bool(true));
  } else {
    view.Set("canonical_url", TextValue(AbsoluteUrl(c, PathBelowEdition(c, current_url))));
  }
  if (c.bilingual()) {
    // The same page in each language: the switch in the header, and the
    // hreflang alternates search engines read (the default also as x-default).
    Value alternates = Value::List();
    Value switch_links = Value::List();
    for (const std::string& language : c.languages) {
      const std::string url = CounterpartUrl(c, current_url, language);
      const bool current = language == c.language;
      Value entry = Value::Map()
                        .Set("language", TextValue(language))
                        .Set("name", TextValue(LanguageNameInItself(language)))
                        .Set("url", TextValue(url))
                        .Set("absolute_url", TextValue(c.base_url + url.substr(std::min(url.size(), c.root_path.size()))))
                        .Set("current", Value::Bool(current));
      if (!current) switch_links.Push(entry);
      alternates.Push(std::move(entry));
    }
    if (kind != PageKind::kNotFound) {
      view.Set("alternates", std::move(alternates));
      const std::string default_url = CounterpartUrl(c, current_url, c.languages.front());
      view.Set("x_default_url", TextValue(c.base_url + default_url.substr(std::min(default_url.size(), c.root_path.size()))));
    }
    view.Set("has_language_switch", Value::Bool(true));
    view.Set("language_switch", std::move(switch_links));
  }
  static const char* kKinds[] = {"home", "records", "record", "page", "not_found", "data", "filter", "dashboard"};
  view.Set("page_kind", TextValue(kKinds[static_cast<int>(kind)]));
  return view;
}

Value CommonView(const Site& site, const Theme& theme, PageKind kind, const std::string& page_title,
                 const std::string& current_url) {
  Value view = ConstantView(site, theme);
  Value page = PageView(site, IndexSite(site), theme, kind, page_title, current_url);
  for (const Value::Member& member : page.members()) view.Set(member.key, member.value);
  return view;
}

Value RecordListEntry(const Site& site, const Theme& theme, const Record& record, const Date& today) {
  const std::string service = record.Text("service");
  const StandardText phase = theme.Standard(EnumLabel("phase", record.phase));
  return Value::Map()
      .Set("id", TextValue(record.id))
      .Set("url", TextValue(RecordUrl(site, record)))
      .Set("name", TextValue(record.Text("summary.name")))
      .Set("one_sentence_description", TextValue(record.Text("summary.one_sentence_description")))
      // On a bilingual site's page in another language: what is still in the original's.
      .Set("name_lang", TextValue(ContentLanguage(record, "summary.name")))
      .Set("description_lang", TextValue(ContentLanguage(record, "summary.one_sentence_description")))
      .Set("service_lang", TextValue(service.empty() ? "" : ContentLanguage(record, "service")))
      .Set("service", TextValue(service))
      .Set("service_url", TextValue(service.empty() ? "" : SiteUrl(site.config, FacetPath("service", Slugify(service)))))
      .Set("phase", TextValue(record.phase))
      .Set("phase_url", TextValue(SiteUrl(site.config, FacetPath("phase", record.phase))))
      .Set("is_review_overdue", Value::Bool(!record.is_retired() && record.next_review < today))
      .Set("phase_label", TextValue(phase.text))
      .Set("phase_lang", TextValue(phase.lang))
      .Set("is_retired", Value::Bool(record.is_retired()))
      // A retired phase already says "Retired" on its own tag; only a record
      // retired by its status alone needs the second tag.
      .Set("has_retired_tag", Value::Bool(record.is_retired() && record.phase != "retired"))
      .Set("is_draft", Value::Bool(record.is_draft()))
      .Set("updated", DateView(theme, record.last_changed()));
}

Value FeedbackView(const Site& site, const Record& record) {
  const SiteConfig& c = site.config;
  const std::string endpoint = c.feedback_endpoint;
  std::string feedback_url;
  if (!endpoint.empty()) {
    // The form in the page's language (a bilingual site's other languages
    // have theirs under their prefix, /en/feedback/…).
    feedback_url = endpoint.rfind("/", 0) == 0 ? c.root_path + c.edition_prefix + endpoint.substr(1) : endpoint;
    if (feedback_url.back() != '/') feedback_url += '/';
    feedback_url += record.id;
  }
  std::string contact = EmailAddress(record.Text("summary.contact_email"));
  if (ClassifyEmail(contact) != EmailForm::kValid) contact = c.contact_email;
  std::string privacy = c.privacy_notice;
  if (privacy.rfind("/", 0) == 0) privacy = SiteUrl(c, privacy.substr(1));
  return Value::Map()
                        .Set("has_form", Value::Bool(!endpoint.empty()))
                        .Set("url", TextValue(feedback_url))
                        .Set("contact_email", TextValue(contact))
                        .Set("privacy_url", TextValue(privacy));
}

void AddRecordView(const Site& site, const Theme& theme, const Record& record, const Date& today, Value* view,
                   std::vector<MarkdownFieldLinks>* links) {
  const unsigned version = record.version_bit;
  FieldMarkdown markdown(site.config, links);
  Value r = RecordListEntry(site, theme, record, today);
  r.Set("description_html", TextValue(MarkdownAt(record, &markdown, "summary.description")));
  r.Set("translation", TranslationNoteView(record.translation_note, theme, true));
  // Where a text is shown untranslated, the element holding it says its language.
  r.Set("lang", Value::Map()
                    .Set("name", TextValue(ContentLanguage(record, "summary.name")))
                    .Set("one_sentence_description", TextValue(ContentLanguage(record, "summary.one_sentence_description")))
                    .Set("description", TextValue(ContentLanguage(record, "summary.description")))
                    .Set("how_it_affects_you", TextValue(ContentLanguage(record, "resident_guidance.how_it_affects_you")))
                    .Set("how_to_object", TextValue(ContentLanguage(record, "resident_guidance.how_to_object")))
                    .Set("appeals", TextValue(ContentLanguage(record, "deployment.appeals_and_review")))
                    .Set("human_review", TextValue(ContentLanguage(record, version == kV4 ? "deployment.human_review"
                                                                                            : "deployment.human_decisions_and_review")))
                    .Set("team", TextValue(ContentLanguage(record, "owner.team")))
                    .Set("senior_responsible_owner", TextValue(ContentLanguage(record, "owner.senior_responsible_owner"))));
  r.Set("version", TextValue(record.version));
  r.Set("status", TextValue(record.status));
  std::string organisation = record.Text("owner.organisation");
  if (organisation.empty()) organisation = record.Text("organisation");
  if (organisation.empty()) organisation = site.config.organisation;
  r.Set("organisation", TextValue(organisation));
  // Shown only on paper: a printed record (for a complaint or an appeal) says
  // where it came from and which version it is.
  r.Set("print_note", TextValue(theme.Sentence("record_print_note",
                                               {{"address", AbsoluteUrl(site.config, RecordPath(record))},
                                                {"date", theme.DisplayDate(record.last_changed())}})));
  r.Set("team", TextValue(record.Text("owner.team")));
  r.Set("senior_responsible_owner", TextValue(record.Text("owner.senior_responsible_owner")));
  r.Set("published", DateView(theme, record.published));
  r.Set("has_updated", Value::Bool(record.updated.has_value()));
  if (record.updated) r.Set("updated", DateView(theme, *record.updated));
  r.Set("has_archived", Value::Bool(record.archived.has_value()));
  if (record.archived) r.Set("archived", DateView(theme, *record.archived));
  r.Set("next_review", DateView(theme, record.next_review));
  r.Set("last_reviewed", DateView(theme, record.last_changed()));

  const std::string affects = MarkdownAt(record, &markdown, "resident_guidance.how_it_affects_you");
  const std::string object = MarkdownAt(record, &markdown, "resident_guidance.how_to_object");
  const std::string appeals = MarkdownAt(record, &markdown, "deployment.appeals_and_review");
  const std::string human = MarkdownAt(record, &markdown, version == kV4 ? "deployment.human_review"
                                                                         : "deployment.human_decisions_and_review");
  r.Set("resident", Value::Map()
                        .Set("how_it_affects_you_html", TextValue(affects))
                        .Set("has_how_it_affects_you", Value::Bool(!affects.empty()))
                        .Set("how_to_object_html", TextValue(object))
                        .Set("has_how_to_object", Value::Bool(!object.empty()))
                        .Set("human_review_html", TextValue(human))
                        .Set("appeals_html", TextValue(appeals))
                        .Set("has_appeals", Value::Bool(!appeals.empty())));

  // The facts for the summary list: Tier 1 contact routes, then metadata.
  static const char* kSummaryFields[] = {
      "summary.website_url", "summary.contact_email", "phase", "risk_level", "service", "organisation_type", "function",
      "capability", "task", "region", "tags", "dates.published", "dates.updated", "dates.archived",
      "governance.approved_by", "governance.approved_on", "environment.summary", "environment.assessment_url",
      "atrs_version"};
  Value summary_rows = Value::List();
  for (const char* path : kSummaryFields) {
    const FieldSpec* spec = FindField(DocumentKind::kRecord, version, path);
    const Value* value = record.data().FindPath(path);
    if (spec == nullptr) continue;
    const bool tier1 = std::string_view(path).rfind("summary.", 0) == 0;
    if (!tier1 && IsBlank(value) && !IsWithheld(record, path)) continue;  // optional metadata left out
    Value row = Row(record, theme, *spec, value, &markdown);
    // Key facts are for residents: the ATRS numbers belong to the technical detail.
    row.Set("number", TextValue(""));
    summary_rows.Push(std::move(row));
  }
  Value next_review_row = Value::Map()
                              .Set("label", TextValue(theme.String("next_review_label")))
                              .Set("number", TextValue(""))
                              .Set("withheld", Value::Bool(false))
                              .Set("withheld_reason", TextValue(""))
                              .Set("is_group", Value::Bool(false))
                              .Set("value_html", TextValue(DateHtml(theme, record.next_review)));
  // A retired tool is never reviewed again (the "When reviewed" part leaves it out too).
  if (!record.is_retired()) summary_rows.Push(std::move(next_review_row));
  r.Set("summary_rows", std::move(summary_rows));

  // Tier 2, section by section, field by field, in the table's (ATRS) order.
  Value contents = Value::List();
  Value sections = Value::List();
  for (const SectionSpec& section : RecordSections()) {
    const StandardText section_title = theme.Standard(version == kV3 && section.title_v3 ? section.title_v3 : section.title);
    const std::string& title = section_title.text;
    const std::string& title_lang = section_title.lang;
    contents.Push(Value::Map()
                      .Set("number", TextValue(section.number))
                      .Set("title", TextValue(title))
                      .Set("title_lang", TextValue(title_lang))
                      .Set("anchor", TextValue(section.anchor)));
    Value items = Value::List();
    const Value* block = record.data().Find(section.key);
    for (const FieldSpec* spec : ChildFields(DocumentKind::kRecord, version, section.key)) {
      const Value* value = block ? block->Find(FieldKey(spec->path)) : nullptr;
      items.Push(spec->type == FieldType::kObjectList ? Group(record, theme, *spec, value, &markdown)
                                                      : Row(record, theme, *spec, value, &markdown));
    }
    sections.Push(Value::Map()
                      .Set("number", TextValue(section.number))
                      .Set("title", TextValue(title))
                      .Set("title_lang", TextValue(title_lang))
                      .Set("anchor", TextValue(section.anchor))
                      .Set("items", std::move(items)));
  }
  r.Set("contents", std::move(contents));
  r.Set("sections", std::move(sections));

  Value changes = Value::List();
  for (const RecordChange& change : record.changes) {
    changes.Push(Value::Map()
                     .Set("date", DateView(theme, change.date))
                     .Set("note_html", TextValue(MarkdownToHtml(change.note, {3}, ForEdition(site.config)))));
  }
  r.Set("has_changes", Value::Bool(!changes.items().empty()));
  r.Set("changes", std::move(changes));

  // Following and reusing the record; the dates git saw its file change.
  r.Set("feed_url", TextValue(SiteUrl(site.config, RecordFeedPath(record))));
  r.Set("json_url", TextValue(SiteUrl(site.config, RecordJsonPath(record))));
  Value file_changes = Value::List();
  for (const std::string& day : record.file_change_dates) {
    if (std::optional<Date> date = Date::Parse(day)) file_changes.Push(DateView(theme, *date));
  }
  r.Set("has_file_changes", Value::Bool(!file_changes.items().empty()));
  r.Set("file_changes", std::move(file_changes));
  if (record.feedback_summary && site.feedback_summary) {
    r.Set("feedback_stats", FeedbackStatsView(theme, *site.feedback_summary, *record.feedback_summary));
  }
  view->Set("json_ld_html", TextValue(RecordJsonLd(site, record)));

  r.Set("feedback", FeedbackView(site, record));
  r.Set("notice_url", TextValue(SiteUrl(site.config, NoticePath(record))));
  view->Set("record", std::move(r));
}

namespace {

Value Counts(const SiteIndex& index) {
  const int retired = index.retired;
  const int total = index.total;
  return Value::Map()
      .Set("published", TextValue(std::to_string(total - retired)))
      .Set("retired", TextValue(std::to_string(retired)))
      .Set("total", TextValue(std::to_string(total)));
}

}  // namespace

void AddHomeView(const Site& site, const SiteIndex& index, const Theme& theme, const Date& today, Value* view) {
  const std::string intro = site.home_intro ? MarkdownToHtml(site.home_intro->body, {.top_level = 2}, ForEdition(site.config)) : std::string();
  view->Set("intro_html", TextValue(intro));
  view->Set("has_intro", Value::Bool(!intro.empty()));
  // On a bilingual site, as a page's: whether the introduction is translated,
  // and its language when it is shown in the original's.
  const std::optional<TranslationNote> no_note;
  const std::optional<TranslationNote>& note = site.home_intro ? site.home_intro->translation_note : no_note;
  view->Set("intro", Value::Map()
                         .Set("translation", TranslationNoteView(note, theme, false))
                         .Set("lang", TextValue(note ? note->fallback_language : "")));
  view->Set("counts", Counts(index));

  std::vector<const Record*> recent = index.by_name;
  std::stable_sort(recent.begin(), recent.end(),
                   [](const Record* a, const Record* b) { return b->last_changed() < a->last_changed(); });
  Value recent_list = Value::List();
  for (size_t i = 0; i < recent.size() && i < 5; ++i) recent_list.Push(RecordListEntry(site, theme, *recent[i], today));
  view->Set("recent", std::move(recent_list));

  Value page_list = Value::List();
  for (const Page* page : index.pages_in_order) {
    page_list.Push(Value::Map()
                       .Set("title", TextValue(page->title))
                       .Set("url", TextValue(PageUrl(site, *page)))
                       .Set("summary", TextValue(page->summary)));
  }
  view->Set("pages", std::move(page_list));

  std::map<std::string, int> per_service;
  for (const Record& record : site.records) {
    if (!record.Text("service").empty()) ++per_service[record.Text("service")];
  }
  Value services = Value::List();
  for (const auto& [name, count] : per_service) {
    services.Push(Value::Map()
                      .Set("name", TextValue(name))
                      .Set("url", TextValue(SiteUrl(site.config, FacetPath("service", Slugify(name)))))
                      .Set("count", TextValue(std::to_string(count))));
  }
  view->Set("services", std::move(services));
}

namespace {

// The filter pages grouped by kind, for the "Browse by" lists; the current
// facet (on a filter page) is marked.
Value FacetGroups(const Site& site, const SiteIndex& index, const Theme& theme, const Facet* current) {
  Value groups = Value::List();
  const std::vector<Facet>& facets = index.facets;
  for (const char* kind : {"service", "function", "phase"}) {
    Value items = Value::List();
    for (const Facet& facet : facets) {
      if (facet.kind != kind) continue;
      const bool is_current = current && current->kind == facet.kind && current->slug == facet.slug;
      const StandardText label = FacetLabel(site, theme, facet);
      items.Push(Value::Map()
                     .Set("label", TextValue(label.text))
                     .Set("label_lang", TextValue(label.lang))
                     .Set("url", TextValue(FacetUrl(site, facet)))
                     .Set("count", TextValue(std::to_string(facet.records.size())))
                     .Set("current", Value::Bool(is_current)));
    }
    if (items.items().empty()) continue;
    groups.Push(Value::Map()
                    .Set("kind", TextValue(kind))
                    .Set("heading", TextValue(theme.String(std::string("filter_") + kind + "_heading")))
                    .Set("items", std::move(items)));
  }
  return groups;
}

}  // namespace

void AddRecordsView(const Site& site, const SiteIndex& index, const Theme& theme, Value* view) {
  view->Set("counts", Counts(index));
  view->Set("facet_groups", FacetGroups(site, index, theme, nullptr));
  view->Set("search", Value::Map()
                          .Set("index_url", TextValue(SiteUrl(site.config, "search-index.json")))
                          .Set("script_url", TextValue(SiteUrl(site.config, "assets/search.js"))));
}

void AddFilterView(const Site& site, const SiteIndex& index, const Theme& theme, const Facet& facet, Value* view) {
  const StandardText label = FacetLabel(site, theme, facet);
  view->Set("filter", Value::Map()
                          .Set("kind", TextValue(facet.kind))
                          .Set("kind_label", TextValue(theme.String("filter_" + facet.kind + "_label")))
                          .Set("label", TextValue(label.text))
                          .Set("label_lang", TextValue(label.lang))
                          .Set("count", TextValue(std::to_string(facet.records.size()))));
  view->Set("facet_groups", FacetGroups(site, index, theme, &facet));
  view->Set("meta_description",
            TextValue(theme.Sentence("meta_description_filter", {{"organisation", site.config.organisation},
                                                                 {"filter", theme.String("filter_" + facet.kind + "_label")},
                                                                 {"value", label.text}})));
}

void AddPageView(const SiteConfig& config, const Page& page, const Theme& theme, Value* view) {
  Value p = Value::Map()
                .Set("translation", TranslationNoteView(page.translation_note, theme, false))
                .Set("content_lang", TextValue(page.translation_note ? page.translation_note->fallback_language : ""))
                .Set("title", TextValue(page.title))
                .Set("summary", TextValue(page.summary))
                .Set("slug", TextValue(page.slug))
                .Set("body_html", TextValue(MarkdownToHtml(page.body, {.top_level = 2}, ForEdition(config))))
                .Set("has_updated", Value::Bool(page.updated.has_value()));
  if (page.updated) p.Set("updated", DateView(theme, *page.updated));
  view->Set("page", std::move(p));
  if (!page.summary.empty()) view->Set("meta_description", TextValue(page.summary));
}

void AddDataView(const Site& site, const Theme& theme, Value* view) {
  const SiteConfig& c = site.config;
  std::string example_id = site.records.empty() ? "bin-check" : site.records.front().id;
  const size_t csv_columns = RecordsCsvColumns(CsvLayoutOf(site)).size();
  Value data = Value::Map()
                   .Set("records_json_url", TextValue(SiteUrl(c, "records.json")))
                   .Set("records_csv_url", TextValue(SiteUrl(c, "records.csv")))
                   .Set("schema_url", TextValue(SiteUrl(c, "schema/record.json")))
                   .Set("csv_columns_url", TextValue(SiteUrl(c, "schema/records-csv-columns.csv")))
                   .Set("feed_url", TextValue(SiteUrl(c, kSiteFeedPath)))
                   .Set("sitemap_url", TextValue(SiteUrl(c, "sitemap.xml")))
                   .Set("example_json_url", TextValue(SiteUrl(c, RecordJsonPath(example_id))))
                   .Set("example_feed_url", TextValue(SiteUrl(c, RecordFeedPath(example_id))))
                   .Set("record_count", TextValue(std::to_string(site.records.size())))
                   .Set("csv_column_count", TextValue(std::to_string(csv_columns)))
                   .Set("records_sentence", TextValue(theme.Plural("data_records_count", site.records.size())))
                   .Set("csv_columns_sentence", TextValue(theme.Plural("data_csv_columns", csv_columns)));
  view->Set("data", std::move(data));
  view->Set("json_ld_html", TextValue(DataJsonLd(site)));
  view->Set("meta_description", TextValue(theme.Sentence("meta_description_data", {{"organisation", c.organisation}})));
}

void AddAccessibilityView(const Site& site, const Theme& theme, Value* view) {
  const AccessibilitySettings& a = site.config.accessibility;
  Value v = Value::Map()
                .Set("compliance", TextValue(a.compliance))
                .Set("is_full", Value::Bool(a.compliance == "full"))
                .Set("is_partial", Value::Bool(a.compliance == "partial"))
                .Set("is_not_compliant", Value::Bool(a.compliance == "not-compliant"))
                .Set("contact_email", TextValue(a.contact_email))
                .Set("contact_phone", TextValue(a.contact_phone))
                .Set("has_phone", Value::Bool(!a.contact_phone.empty()))
                .Set("response_days", TextValue(std::to_string(a.response_days)))
                .Set("has_response_days", Value::Bool(a.response_days > 0))
                .Set("prepared_on", DateView(theme, a.prepared_on))
                .Set("has_reviewed", Value::Bool(a.reviewed_on.has_value()))
                .Set("tested_on", DateView(theme, a.tested_on))
                .Set("tested_by", TextValue(a.tested_by));
  // Who tested it is written once, in site.yaml's language: marked with it on
  // the other language's statement (WCAG 3.1.2), as untranslated record text is.
  const std::string& written_in = site.config.source_language;
  if (!written_in.empty() && PrimaryLanguage(written_in) != PrimaryLanguage(site.config.language)) {
    v.Set("tested_by_lang", TextValue(written_in));
  }
  if (a.reviewed_on) v.Set("reviewed_on", DateView(theme, *a.reviewed_on));
  view->Set("statement", std::move(v));
}

std::string LinkHtml(const std::string& href, const std::string& text) {
  return "<a href=\"" + EscapeHtml(href) + "\">" + EscapeHtml(text) + "</a>";
}

}  // namespace lantern
