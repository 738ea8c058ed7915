#include "assemble/notice_kit.h"

#include <optional>

#include "assemble/views.h"
#include "model/addresses.h"
#include "publish/qr_code.h"
#include "render/html_escape.h"

namespace lantern {
namespace {

// The string `key` as HTML: its words escaped, its placeholders filled with
// `html_values` (already safe HTML), so that a link can sit inside a sentence
// whose word order belongs to the translation.
std::string SentenceHtml(const Theme& theme, const std::string& key,
                         const std::map<std::string, std::string>& html_values) {
  return FillPlaceholders(EscapeHtml(theme.String(key)), html_values);
}

}  // namespace

bool RenderNoticeKit(const Site& site, const SiteIndex& index, const Theme& theme, TemplateSet* templates,
                     const Record& record, Diagnostics* diagnostics, std::vector<OutputFile>* files) {
  const SiteConfig& c = site.config;
  const std::string name = record.Text("summary.name");
  const std::string short_url = AbsoluteUrl(c, ShortPath(record));
  const std::string notice_path = NoticePath(record);
  const std::string notice_url = SiteUrl(c, notice_path);
  const std::string qr_alt = theme.Sentence("notice_qr_alt", {{"address", short_url}});
  bool ok = true;

  Value view = PageView(site, index, theme, PageKind::kRecord,
                        theme.Sentence("notice_page_title", {{"name", name}}), notice_url);
  if (std::string sentence = record.Text("summary.one_sentence_description"); !sentence.empty()) {
    view.Set("meta_description", TextValue(sentence));
  }
  Value notice = Value::Map();
  // On a bilingual site's page in another language, what is still in the original's.
  const std::string name_lang = ContentLanguage(record, "summary.name");
  const std::string description_lang = ContentLanguage(record, "summary.one_sentence_description");
  notice.Set("name", TextValue(name))
      .Set("name_lang", TextValue(name_lang))
      .Set("one_sentence_description", TextValue(record.Text("summary.one_sentence_description")))
      .Set("description_lang", TextValue(description_lang))
      .Set("is_retired", Value::Bool(record.is_retired()))
      .Set("intro", TextValue(theme.Sentence("notice_intro", {{"organisation", c.organisation}})))
      .Set("record_url", TextValue(RecordUrl(site, record)))
      .Set("short_url", TextValue(short_url))
      .Set("qr_url", TextValue(notice_url + "qr.svg"))
      .Set("qr_alt", TextValue(qr_alt))
      .Set("letter_text", TextValue(theme.Sentence("notice_letter", {{"name", name}, {"address", short_url}})))
      // Shown in a text box to copy: the template escapes it like any text.
      .Set("letter_html_source",
           TextValue("<p>" +
                     SentenceHtml(theme, "notice_letter",
                                  {{"name", EscapeHtml(name)}, {"address", LinkHtml(short_url, short_url)}}) +
                     "</p>"));
  // The card for service pages, given as a file and as its source to copy,
  // with its style in style attributes; and its preview on this page, the same
  // card without them (this site's Content-Security-Policy refuses style
  // attributes; style.css styles the card's classes instead).
  Value card = Value::Map();
  card.Set("language", TextValue(c.language))
      .Set("title", TextValue(theme.String("notice_card_title")))
      .Set("name", TextValue(name))
      .Set("name_lang", TextValue(name_lang))
      .Set("description", TextValue(record.Text("summary.one_sentence_description")))
      .Set("description_lang", TextValue(description_lang))
      .Set("link", TextValue(theme.String("notice_card_link")))
      .Set("url", TextValue(short_url));
  Value preview_view = Value::Map();
  preview_view.Set("card", card);
  card.Set("inline", TextValue("yes"));
  Value card_view = Value::Map();
  card_view.Set("card", std::move(card));
  std::optional<std::string> card_html = templates->Render("notice_card", card_view, diagnostics);
  std::optional<std::string> preview_html = templates->Render("notice_card", preview_view, diagnostics);
  if (card_html && preview_html) {
    notice.Set("card_preview_html", TextValue(std::move(*preview_html)))
        .Set("card_source", TextValue(*card_html))
        .Set("card_url", TextValue(notice_url + "card.html"));
  } else {
    ok = false;
  }
  Value feedback_record = Value::Map();
  // "record" is what the feedback partial and the layout read of the
  // record: how to respond, and its own feed and data (the layout links them).
  feedback_record.Set("feedback", FeedbackView(site, record))
      .Set("feed_url", TextValue(SiteUrl(c, RecordFeedPath(record))))
      .Set("json_url", TextValue(SiteUrl(c, RecordJsonPath(record))));
  view.Set("notice", std::move(notice));
  view.Set("record", std::move(feedback_record));
  std::optional<std::string> page = templates->RenderInLayout("notice", "layout", std::move(view), diagnostics);
  if (page) {
    files->push_back({notice_path + "index.html", std::move(*page)});
  } else {
    ok = false;
  }

  if (card_html && preview_html) files->push_back({notice_path + "card.html", std::move(*card_html)});

  if (std::optional<std::string> svg = QrCodeSvg(short_url, qr_alt)) {
    files->push_back({notice_path + "qr.svg", std::move(*svg)});
  } else {
    diagnostics->Error(record.source_path, {}, "L083", "the QR code of " + short_url + " could not be made");
    ok = false;
  }

  Value redirect = Value::Map();
  redirect.Set("language", TextValue(c.language))
      .Set("title", TextValue(theme.Sentence("notice_redirect_title", {{"address", AbsoluteUrl(c, notice_path)}})))
      .Set("text", TextValue(theme.Sentence("notice_redirect_text", {{"name", name}})))
      .Set("target", TextValue(notice_url))
      .Set("absolute_target", TextValue(AbsoluteUrl(c, notice_path)));
  Value redirect_view = Value::Map();
  redirect_view.Set("redirect", std::move(redirect));
  if (std::optional<std::string> html = templates->Render("short_redirect", redirect_view, diagnostics)) {
    files->push_back({ShortPath(record) + "index.html", std::move(*html)});
  } else {
    ok = false;
  }
  return ok;
}

}  // namespace lantern
