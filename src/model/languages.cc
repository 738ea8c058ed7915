#include "model/languages.h"

#include <cctype>

namespace lantern {
namespace {

struct LanguageNames {
  const char* tag;
  const char* english;
  const char* itself;
};

// The languages of the UK and Ireland's public bodies first; a council
// publishing in another adds nothing here to make it work (the tag is shown).
constexpr LanguageNames kNames[] = {
    {"en", "English", "English"},        {"cy", "Welsh", "Cymraeg"},
    {"ga", "Irish", "Gaeilge"},          {"gd", "Scottish Gaelic", "Gàidhlig"},
    {"kw", "Cornish", "Kernewek"},       {"gv", "Manx", "Gaelg"},
};

const LanguageNames* Find(std::string_view tag) {
  const std::string primary = PrimaryLanguage(tag);
  for (const LanguageNames& names : kNames) {
    if (primary == names.tag) return &names;
  }
  return nullptr;
}

}  // namespace

std::string PrimaryLanguage(std::string_view tag) {
  std::string primary(tag.substr(0, tag.find('-')));
  for (char& c : primary) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return primary;
}

std::string LanguageNameInEnglish(std::string_view tag) {
  const LanguageNames* names = Find(tag);
  return names ? names->english : std::string(tag);
}

std::string LanguageNameInItself(std::string_view tag) {
  const LanguageNames* names = Find(tag);
  return names ? names->itself : std::string(tag);
}

}  // namespace lantern
