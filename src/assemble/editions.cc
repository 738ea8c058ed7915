#include "assemble/editions.h"

#include <set>
#include <tuple>

#include "load/translation_loader.h"
#include "model/addresses.h"

namespace lantern {
namespace {

TranslationNote NoteOf(const RecordTranslation& translation, const std::string& source_language) {
  TranslationNote note;
  note.language = translation.language;
  note.source_language = source_language;
  note.partial = !translation.missing_tier1.empty();
  note.by_machine = translation.by_machine;
  note.reviewed_on = translation.reviewed_on;
  note.stale = translation.stale;
  note.translated_by = translation.translated_by;
  return note;
}

// The change log's notes in the translation's words, entry by entry (the
// dates are the original's: a translation cannot change them).
void TranslateChanges(const Value& translated, std::vector<RecordChange>* changes) {
  const Value* list = translated.Find("changes");
  if (list == nullptr || !list->is_list()) return;
  for (size_t i = 0; i < list->items().size() && i < changes->size(); ++i) {
    const Value* note = list->items()[i].is_map() ? list->items()[i].Find("note") : nullptr;
    if (note != nullptr && note->is_text() && !note->text().empty()) (*changes)[i].note = note->text();
  }
}

void ShowPageIn(const std::string& language, const std::string& source_language, Page* page) {
  const PageTranslation* translation = page->Translation(language);
  TranslationNote note;
  note.language = language;
  note.source_language = source_language;
  if (translation == nullptr) {
    note.fallback_language = source_language;
    page->translation_note = note;
    return;
  }
  const Page& translated = *translation->page;
  page->source_path = translated.source_path;
  page->title = translated.title;
  page->summary = translated.summary;
  page->body = translated.body;
  page->body_first_line = translated.body_first_line;
  note.by_machine = translation->by_machine;
  note.reviewed_on = translation->reviewed_on;
  note.stale = translation->stale;
  note.translated_by = translation->translated_by;
  page->translation_note = note;
}

}  // namespace

Site EditionOf(const Site& site, const std::string& language) {
  Site edition = site;
  SiteConfig& config = edition.config;
  config.language = language;
  config.edition_prefix = EditionPrefix(site.config, language);
  if (language == site.config.source_language) return edition;
  for (Record& record : edition.records) {
    const RecordTranslation* translation = record.Translation(language);
    if (translation == nullptr) {
      TranslationNote note;
      note.language = language;
      note.source_language = site.config.source_language;
      note.fallback_language = site.config.source_language;
      record.translation_note = note;
      continue;
    }
    record.set_data(OverlayTranslation(record.data(), *translation->data));
    TranslateChanges(*translation->data, &record.changes);
    record.translation_note = NoteOf(*translation, site.config.source_language);
  }
  for (Page& page : edition.pages) ShowPageIn(language, site.config.source_language, &page);
  if (edition.home_intro) ShowPageIn(language, site.config.source_language, &*edition.home_intro);
  return edition;
}

std::string EditionSink::Where(const std::string& path) const {
  if (IsSharedAcrossLanguages(path)) return writes_shared_ ? path : std::string();
  return prefix_ + path;
}

void EditionSink::Put(const std::string& path, std::string bytes) {
  if (const std::string where = Where(path); !where.empty()) inner_->Put(where, std::move(bytes));
}

void EditionSink::Append(const std::string& path, std::string_view bytes) {
  if (const std::string where = Where(path); !where.empty()) inner_->Append(where, bytes);
}

void EditionSink::PutShared(const std::string& path, SharedFile bytes) {
  if (const std::string where = Where(path); !where.empty()) inner_->PutShared(where, std::move(bytes));
}

void EditionSink::AppendShared(const std::string& path, SharedFile bytes) {
  if (const std::string where = Where(path); !where.empty()) inner_->AppendShared(where, std::move(bytes));
}

bool LoadEditionThemes(const FileSystem& theme_files, const FileSystem& site_files, const std::string& site_root,
                       const SiteConfig& config, std::vector<Theme>* themes, Diagnostics* diagnostics) {
  themes->assign(config.languages.size(), Theme{});
  bool ok = true;
  for (size_t i = 0; i < config.languages.size(); ++i) {
    Diagnostics again;
    ok &= LoadTheme(theme_files, site_files, site_root, config.languages[i], &(*themes)[i], i == 0 ? diagnostics : &again);
  }
  return ok;
}

bool BuildEditions(const Site& site, const std::vector<const Theme*>& themes, OutputSink* sink, BuiltPages* built,
                   Diagnostics* diagnostics, const std::function<void(BuildProgress)>& progress) {
  const SiteConfig& config = site.config;
  bool ok = true;
  std::set<std::tuple<std::string, int, int, std::string, std::string>> reported;
  for (size_t i = 0; i < config.languages.size() && i < themes.size(); ++i) {
    const std::string& language = config.languages[i];
    const Site edition = EditionOf(site, language);
    EditionSink edition_sink(sink, edition.config.edition_prefix, language == config.source_language);
    // Links authors write ("/records/x/") name the default edition's pages,
    // at the root: the link checker checks against those. The others' are
    // added at their prefix after (for the build's count, and for a link
    // written to one of them).
    BuiltPages others;
    BuiltPages* pages = edition.config.edition_prefix.empty() ? built : &others;
    // Render problems of a text every edition shows would be reported once per edition.
    Diagnostics own;
    if (!BuildSite(edition, *themes[i], &edition_sink, pages, &own, progress)) ok = false;
    if (pages != built) built->AddEdition(others, edition.config.edition_prefix, IsSharedAcrossLanguages);
    for (const Diagnostic& item : own.Items()) {
      if (reported.emplace(item.path, item.location.line, item.location.column, item.code, item.message).second) {
        diagnostics->Add(item);
      }
    }
  }
  return ok;
}

}  // namespace lantern
