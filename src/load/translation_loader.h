// Translations of records and pages into a bilingual site's other languages:
// records/<id>.<language>.yaml beside records/<id>.yaml, holding only the
// translatable fields in the original's shape, and pages/<slug>.<language>.md
// beside pages/<slug>.md; each with a `translation` block saying who made it,
// whether a person or a machine, and when (schema: DocumentKind::kTranslation).
//
// Success is a RecordTranslation or PageTranslation to attach to the original;
// every problem is a positioned diagnostic (L100-L107 in
// base/diagnostic_codes.md), and a translation with an error is not kept, so
// its pages show the original with the "not translated" notice.
#ifndef LANTERN_LOAD_TRANSLATION_LOADER_H_
#define LANTERN_LOAD_TRANSLATION_LOADER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "load/schema.h"
#include "model/site.h"

namespace lantern {

// A content file's name split as a translation: "bin-check.cy.yaml" with
// extension ".yaml" gives {"bin-check", "cy"}; std::nullopt when the name has
// no language part ("bin-check.yaml"). The language part is whatever stands
// between the last two dots, checked by the caller against the site's
// languages.
struct TranslationName {
  std::string stem;      // the original's file name without extension
  std::string language;  // as written
};
std::optional<TranslationName> SplitTranslationName(std::string_view file_name, std::string_view extension);

// Whether a field may differ in a translation: text, Markdown, lists of
// text, web addresses and mailboxes; never a value from a list, a date, a
// number, an id, `service` or a redaction's field path.
bool IsTranslatableField(const FieldSpec& field);
// Of those, the text a reader reads (not an address): what a translation
// is expected to give, and what the page marks with lang= when it does not.
bool IsReadersTextField(const FieldSpec& field);

// Reads records/<id>.<language>.yaml: its YAML and its `translation` block.
// The fields are checked against the original by CheckRecordTranslation.
std::optional<RecordTranslation> ParseRecordTranslation(const std::string& path, const std::string& language,
                                                        const std::string& text, Diagnostics* diagnostics);

// Checks a translation against its original: errors for a field the
// original does not have, an entry beyond the original's, a field that is not
// text (a date, a value from a list, an id) changed, or a value of the wrong
// type; warnings for Tier 1 text not translated (collected into
// missing_tier1, positioned at the original's field) and for a translation
// older than the original's last change (stale). Returns false when an error
// was added; the translation must then not be kept.
bool CheckRecordTranslation(const Record& original, RecordTranslation* translation, Diagnostics* diagnostics);

// Reads pages/<slug>.<language>.md: front matter as a page's, plus its
// `translation` block; checked against the original (stale when older than
// its `updated`). std::nullopt, with diagnostics, on any error.
std::optional<PageTranslation> LoadPageTranslation(const std::string& path, const std::string& slug,
                                                   const std::string& language, const std::string& text,
                                                   const Page* original, Diagnostics* diagnostics);

// The record's tree as a reader in the translation's language sees it: the
// translated fields in place of the original's (entries of repeatable
// sections matched by position), everything else the original's.
Value OverlayTranslation(const Value& original, const Value& translated);

}  // namespace lantern

#endif  // LANTERN_LOAD_TRANSLATION_LOADER_H_
