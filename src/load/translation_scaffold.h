// The files `lantern init --languages` and `lantern new record` write beside
// an original on a bilingual site: records/<id>.<language>.yaml with the
// `translation` block and a TODO for each text a reader reads (each under a
// comment quoting the original), and pages/<slug>.<language>.md. The text
// loads and checks against its original without errors; `check` lists each
// TODO until it is translated.
#ifndef LANTERN_LOAD_TRANSLATION_SCAFFOLD_H_
#define LANTERN_LOAD_TRANSLATION_SCAFFOLD_H_

#include <string>

#include "model/date.h"
#include "model/value.h"

namespace lantern {

// `original` is the record's tree (its YAML, read), `version` kV4 or kV3;
// `language` the translation's, `source_language` the original's (both
// named in the header comment); `today` is the day written as translated_on.
std::string RecordTranslationScaffold(const Value& original, unsigned version, const std::string& language,
                                      const std::string& source_language, const Date& today);

// A page's translation: its title and summary as TODOs, the translation
// block, and a TODO for the body. `has_summary`: the original has one.
std::string PageTranslationScaffold(const std::string& language, const std::string& source_language,
                                    bool has_summary, const Date& today);

}  // namespace lantern

#endif  // LANTERN_LOAD_TRANSLATION_SCAFFOLD_H_
