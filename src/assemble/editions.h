// A bilingual site is built once per language, each build an "edition": the
// default language's pages at the root, each other language's under
// "<language>/" (model/addresses.h), every page in every edition, so that
// each page's language switch has a counterpart to go to. An edition's
// records and pages are the originals with their translations laid over
// them; where there is none, the original is shown with a notice in the
// edition's language (Record/Page::translation_note), never silently.
//
// The files every language shares (assets, the open data, the schema, the
// sitemap with each page's alternates) are written once, by the edition of
// the language the files are written in (site.yaml's source_language), so
// records.json holds the originals.
#ifndef LANTERN_ASSEMBLE_EDITIONS_H_
#define LANTERN_ASSEMBLE_EDITIONS_H_

#include <functional>
#include <string>
#include <vector>

#include "assemble/built_pages.h"
#include "assemble/output_sink.h"
#include "assemble/site_builder.h"
#include "assemble/theme.h"
#include "base/diagnostic.h"
#include "base/file_system.h"
#include "model/site.h"

namespace lantern {

// The site as readers of `language` see it: the settings with that
// language and its edition prefix; each record's tree with its translation
// laid over it (load/translation_loader.h's OverlayTranslation), each page
// replaced by its translation; a note on each where the translation is
// missing, partial, by machine or stale. On the source language's edition
// the records and pages are the originals, shared, not copied.
Site EditionOf(const Site& site, const std::string& language);

// Passes an edition's files on to `inner`: pages under the edition's
// prefix; the shared files only when `writes_shared`, else dropped (another
// edition writes them).
class EditionSink final : public OutputSink {
 public:
  EditionSink(OutputSink* inner, std::string prefix, bool writes_shared)
      : inner_(inner), prefix_(std::move(prefix)), writes_shared_(writes_shared) {}
  void Put(const std::string& path, std::string bytes) override;
  void Append(const std::string& path, std::string_view bytes) override;
  void PutShared(const std::string& path, SharedFile bytes) override;
  void AppendShared(const std::string& path, SharedFile bytes) override;
  bool keeps_files() const override { return inner_->keeps_files(); }

 private:
  // The path in the whole site, or "" when this edition does not write it.
  std::string Where(const std::string& path) const;
  OutputSink* inner_;
  std::string prefix_;
  bool writes_shared_;
};

// The theme in each of the site's languages, in the order of
// config.languages (one for a site with one language): the same templates,
// each with its language's strings. Template errors are reported once.
// Returns false when a theme has errors.
bool LoadEditionThemes(const FileSystem& theme_files, const FileSystem& site_files, const std::string& site_root,
                       const SiteConfig& config, std::vector<Theme>* themes, Diagnostics* diagnostics);

// Builds every edition of a bilingual site, one after the other, into
// `sink`; `themes` holds the theme loaded for each of site.config.languages,
// in that order. `built` gets every edition's pages at their paths in the
// whole site. Returns false when any page failed to render (diagnostics
// say why); the sink must then be discarded, as for BuildSite.
bool BuildEditions(const Site& site, const std::vector<const Theme*>& themes, OutputSink* sink, BuiltPages* built,
                   Diagnostics* diagnostics, const std::function<void(BuildProgress)>& progress = nullptr);

}  // namespace lantern

#endif  // LANTERN_ASSEMBLE_EDITIONS_H_
