// The names of the languages a site may publish in, for messages (in
// English) and for the language switch (in the language itself). Tags the
// table does not know are shown as written.
#ifndef LANTERN_MODEL_LANGUAGES_H_
#define LANTERN_MODEL_LANGUAGES_H_

#include <string>
#include <string_view>

namespace lantern {

// "cy" → "Welsh"; "cy-GB" → "Welsh" (by its primary subtag); "xx" → "xx".
std::string LanguageNameInEnglish(std::string_view tag);
// "cy" → "Cymraeg", "en" → "English": what the language switch offers.
std::string LanguageNameInItself(std::string_view tag);
// The primary subtag in lower case: "cy-GB" → "cy".
std::string PrimaryLanguage(std::string_view tag);

}  // namespace lantern

#endif  // LANTERN_MODEL_LANGUAGES_H_
