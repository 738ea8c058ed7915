// The theme a site is rendered with: the default theme built into the binary,
// with any template or partial the site's layouts/ folder overrides by name,
// the theme's strings for the site's language, and its static files.
#ifndef LANTERN_ASSEMBLE_THEME_H_
#define LANTERN_ASSEMBLE_THEME_H_

#include <cstdint>
#include <map>
#include <vector>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "base/file_system.h"
#include "model/date.h"
#include "model/value.h"
#include "render/template.h"

namespace lantern {

// Some of the standard's own words as a page shows them: `text`, and `lang`,
// the language to mark it with when it is not the page's ("" when it is).
struct StandardText {
  std::string text;
  std::string lang;
};

struct Theme {
  TemplateSet templates;
  Value strings = Value::Map();               // strings/<language>.yaml over strings/en.yaml
  // The standard's own words (fields' labels, sections' titles, values'
  // names: English in the schema table) in the theme's language, by their
  // English: standard/<language>.yaml; empty for English.
  Value standard_words = Value::Map();
  std::map<std::string, std::string> assets;  // output path ("assets/style.css") → bytes
  std::string language = "en";                // the strings' language, for plural forms

  // A string by key, or the key itself in brackets when the theme lacks it
  // (visible in output, and reported by the theme check).
  std::string String(const std::string& key) const;

  // The string `key` as a whole sentence with each "{name}" placeholder
  // replaced by values[name] (plain text; the template escapes it). A
  // placeholder with no value stays as it is, braces and all, so a missing
  // value is visible rather than silently dropped. Values are inserted once:
  // braces inside a value are never read as placeholders.
  std::string Sentence(const std::string& key, const std::map<std::string, std::string>& values) const;
  // A day as residents read it in the theme's language: "date_format" with
  // {day}, {month} (the nth word of "date_months") and {year}: "2 June 2025",
  // "2 Mehefin 2025". Falls back to the English form when the strings lack them.
  std::string DisplayDate(const Date& date) const;
  // The same with its weekday first, as a letter gives a deadline: "Tuesday
  // 22 December 2026", "Dydd Mawrth 22 Rhagfyr 2026" ("date_format_weekday"
  // with {weekday}, the nth of "date_weekdays" from Sunday, and {date}, the
  // day as DisplayDate writes it); DisplayDate when the strings lack them.
  std::string DisplayDateWithWeekday(const Date& date) const;

  // The sentence for `count` things: the string "<key>_<category>", the CLDR
  // plural category of `count` in the theme's language ("records_two" in
  // Welsh), else "<key>_other", with "{count}" and `values` filled in. Shows
  // "[<key>_other]" when neither exists.
  std::string Plural(const std::string& key, uint64_t count,
                     const std::map<std::string, std::string>& values = {}) const;

  // The standard's words `english` on a page in the theme's language: the
  // translation from standard_words, with no mark; else the English, marked
  // lang="en" unless the theme is English (WCAG 3.1.2: never passed off as
  // the page's language).
  StandardText Standard(std::string_view english) const;
};

// `text` with its "{name}" placeholders filled from `values` (see Theme::Sentence).
std::string FillPlaceholders(std::string_view text, const std::map<std::string, std::string>& values);

// A piece of a sentence cut at its placeholders: words, or a placeholder that
// a template fills with its own HTML (a <time>, a link).
struct SentencePart {
  std::string text;  // the words; empty for a placeholder
  std::string slot;  // the placeholder's name, without its braces; empty for words
};

// `text` cut into words and placeholders, in the sentence's own order, so that
// a template can put HTML where each placeholder stands whatever the
// language's word order: "It was retired on {date}." is the words "It was
// retired on ", the slot "date", the words ".". A placeholder with a value in
// `values` is filled in as words, once, as FillPlaceholders does; any other
// "{name}" (letters, digits and _) is a slot. Braces around anything else (a
// lone "{", "{}", "{two words}") are words. Words next to each other are one
// part, and no part is empty.
std::vector<SentencePart> SplitPlaceholders(std::string_view text, const std::map<std::string, std::string>& values);

// Loads the theme. `theme_files` holds "themes/default/…" (normally the
// embedded files); `site_files` and `site_root` give the site's layouts/ and
// assets/ folders. Returns false when a template, partial or strings file has
// an error (each added to `diagnostics`).
bool LoadTheme(const FileSystem& theme_files, const FileSystem& site_files, const std::string& site_root,
               const std::string& language, Theme* theme, Diagnostics* diagnostics);

// Of everything in `theme` (templates, strings, assets): two themes with the
// same fingerprint render the same pages. For the preview's RecordOutputCache.
uint64_t ThemeFingerprint(const Theme& theme);

// The templates every theme must provide; a missing one is an error.
const std::vector<std::string>& RequiredTemplates();

}  // namespace lantern

#endif  // LANTERN_ASSEMBLE_THEME_H_
