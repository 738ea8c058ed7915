#include "assemble/theme.h"

#include <chrono>
#include <optional>

#include <algorithm>

#include "assemble/plural_rules.h"
#include "base/entry_check.h"
#include "base/fingerprint.h"
#include "load/yaml_reader.h"

namespace lantern {
namespace {

constexpr const char* kThemeRoot = "themes/default";

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Adds every *.mustache file of `folder` on `files` as a template or partial.
// Hidden names (editors' lock and swap files) are never opened; a link out of
// the site or a special file is an error even when it is not a template. The
// caller checks `folder` itself (layouts/partials is an entry of layouts/), and
// a disk file system never lists a folder outside the site.
bool AddMustacheFolder(const FileSystem& files, const std::string& folder, bool partials, TemplateSet* set,
                       Diagnostics* diagnostics) {
  bool ok = true;
  for (const std::string& name : files.List(folder)) {
    if (name.empty() || name[0] == '.') continue;
    const std::string path = JoinPath(folder, name);
    if (IsRefused(CheckedKind(files, path, diagnostics))) {
      ok = false;
      continue;
    }
    if (!EndsWith(name, ".mustache")) continue;
    Result<std::string> text = files.ReadFile(path);
    if (!text.ok()) {
      diagnostics->Error(path, {}, "L054", text.status().message());
      ok = false;
      continue;
    }
    const std::string template_name = name.substr(0, name.size() - 9);
    ok &= partials ? set->AddPartial(template_name, path, text.value(), diagnostics)
                   : set->AddTemplate(template_name, path, text.value(), diagnostics);
  }
  return ok;
}

// Reads a flat strings file; keys already set (from a more specific language)
// are kept.
bool MergeStrings(const FileSystem& files, const std::string& path, Value* strings, Diagnostics* diagnostics) {
  Result<std::string> text = files.ReadFile(path);
  if (!text.ok()) return false;
  diagnostics->RememberSource(path, text.value());
  std::optional<Value> root = ReadYaml(path, text.value(), diagnostics);
  if (!root) return false;
  if (!root->is_map()) {
    diagnostics->Error(path, root->location(), "L055", "a strings file is a list of key: text lines");
    return false;
  }
  bool ok = true;
  for (const Value::Member& member : root->members()) {
    if (!member.value.is_text()) {
      diagnostics->Error(path, member.key_location, "L055", "string \"" + member.key + "\" should be text");
      ok = false;
      continue;
    }
    if (strings->Find(member.key) == nullptr) strings->Set(member.key, member.value);
  }
  return ok;
}

// Copies the files below `folder` into `out`. Dotfiles and dot-folders are
// never published (".env", ".git/" would leak); links out of the site and
// special files are errors (CheckedKind), so nothing outside is ever read.
// A link to a folder inside the site is followed, so a link to a folder that
// holds it ("assets/self -> .") would nest forever: deeper than this is a loop.
constexpr int kMaxAssetDepth = 16;

void CopyFolder(const FileSystem& files, const std::string& folder, const std::string& output_prefix,
                std::map<std::string, std::string>* out, Diagnostics* diagnostics, int depth = 0) {
  for (const std::string& name : files.List(folder)) {
    if (name.empty() || name[0] == '.') continue;  // never publish dotfiles
    const std::string path = JoinPath(folder, name);
    const EntryKind kind = CheckedKind(files, path, diagnostics);
    if (kind != EntryKind::kFile && kind != EntryKind::kDirectory) continue;
    if (kind == EntryKind::kDirectory) {
      if (depth + 1 >= kMaxAssetDepth) {
        diagnostics->Error(path, {}, "L042", "folders nested " + std::to_string(kMaxAssetDepth) +
                                                 " deep: a symbolic link that leads back to a folder holding it "
                                                 "makes a loop; remove the link");
        continue;
      }
      CopyFolder(files, path, output_prefix + name + "/", out, diagnostics, depth + 1);
      continue;
    }
    Result<std::string> bytes = files.ReadFile(path);
    if (!bytes.ok()) {
      diagnostics->Error(path, {}, "L054", bytes.status().message());
      continue;
    }
    (*out)[output_prefix + name] = std::move(bytes.value());
  }
}

}  // namespace

const std::vector<std::string>& RequiredTemplates() {
  static const std::vector<std::string> kNames = {"layout", "home",   "records", "record", "page",
                                                  "404",    "filter", "accessibility", "data"};
  return kNames;
}

uint64_t ThemeFingerprint(const Theme& theme) {
  Fingerprint fingerprint;
  fingerprint.Add(theme.templates.Fingerprint());
  // Strings are a flat map of texts (MergeStrings keeps only texts).
  fingerprint.Add(theme.strings.members().size());
  for (const Value::Member& member : theme.strings.members()) {
    fingerprint.Add(member.key).Add(member.value.is_text() ? member.value.text() : std::string_view("\x01"));
  }
  fingerprint.Add(theme.standard_words.members().size());
  for (const Value::Member& member : theme.standard_words.members()) {
    fingerprint.Add(member.key).Add(member.value.is_text() ? member.value.text() : std::string_view("\x01"));
  }
  fingerprint.Add(theme.language);  // picks the plural forms
  fingerprint.Add(theme.assets.size());
  for (const auto& [path, bytes] : theme.assets) fingerprint.Add(path).Add(bytes);
  return fingerprint.value();
}

StandardText Theme::Standard(std::string_view english) const {
  if (const Value* word = standard_words.Find(english); word != nullptr && word->is_text()) return {word->text(), ""};
  return {std::string(english), language == "en" || language.rfind("en-", 0) == 0 ? "" : "en"};
}

std::string Theme::String(const std::string& key) const {
  const Value* value = strings.Find(key);
  return value && value->is_text() ? value->text() : "[" + key + "]";
}

std::string Theme::Sentence(const std::string& key, const std::map<std::string, std::string>& values) const {
  return FillPlaceholders(String(key), values);
}

namespace {

// The nth (from 0) item of `list` between `separator`s, trimmed of spaces, or
// nullopt when the list is shorter.
std::optional<std::string> NthItem(std::string_view list, int nth, char separator) {
  for (int n = 0; n < nth; ++n) {
    const size_t end = list.find(separator);
    if (end == std::string_view::npos) return std::nullopt;
    list.remove_prefix(end + 1);
  }
  std::string item(list.substr(0, list.find(separator)));
  item.erase(0, item.find_first_not_of(' '));
  item.erase(item.find_last_not_of(' ') + 1);
  if (item.empty()) return std::nullopt;
  return item;
}

}  // namespace

std::string Theme::DisplayDate(const Date& date) const {
  const Value* months = strings.Find("date_months");
  const Value* format = strings.Find("date_format");
  if (months == nullptr || format == nullptr || !months->is_text() || !format->is_text()) return date.Display();
  // Words between spaces: no month name has a space in English or Welsh.
  std::string list = months->text();
  for (size_t at = list.find("  "); at != std::string::npos; at = list.find("  ")) list.erase(at, 1);
  const std::optional<std::string> month = NthItem(list, date.month - 1, ' ');
  if (!month) return date.Display();
  return FillPlaceholders(format->text(),
                          {{"day", std::to_string(date.day)}, {"month", *month}, {"year", std::to_string(date.year)}});
}

std::string Theme::DisplayDateWithWeekday(const Date& date) const {
  const Value* weekdays = strings.Find("date_weekdays");
  const Value* format = strings.Find("date_format_weekday");
  const std::chrono::year_month_day ymd{std::chrono::year{date.year}, std::chrono::month{static_cast<unsigned>(date.month)},
                                        std::chrono::day{static_cast<unsigned>(date.day)}};
  if (weekdays == nullptr || format == nullptr || !weekdays->is_text() || !format->is_text() || !ymd.ok()) {
    return DisplayDate(date);
  }
  const int sunday_first = static_cast<int>(std::chrono::weekday{std::chrono::sys_days{ymd}}.c_encoding());
  // Between commas: Welsh weekday names have spaces ("Dydd Mawrth").
  const std::optional<std::string> weekday = NthItem(weekdays->text(), sunday_first, ',');
  if (!weekday) return DisplayDate(date);
  const std::string day = DisplayDate(date);
  return FillPlaceholders(format->text(), {{"weekday", *weekday}, {"date", day}});
}

std::string Theme::Plural(const std::string& key, uint64_t count,
                          const std::map<std::string, std::string>& values) const {
  std::string form = key + "_" + std::string(PluralCategory(language, count));
  if (!strings.Find(form)) form = key + "_other";
  std::map<std::string, std::string> filled = values;
  filled.emplace("count", std::to_string(count));
  return Sentence(form, filled);
}

namespace {

// A "{name}" found in a sentence: where its braces stand, and the name.
struct FoundPlaceholder {
  size_t open = std::string_view::npos;  // npos: none
  size_t close = std::string_view::npos;
  std::string_view name;
};

// The first "{name}" at or after `from` whose name `accepts`. A brace that
// opens no accepted name is words: the search goes on from the next brace,
// so "a { b {x}" holds {x}. Everything FillPlaceholders and SplitPlaceholders
// read as a placeholder is found here, so the two never disagree.
template <typename Accepts>
FoundPlaceholder FindPlaceholder(std::string_view text, size_t from, const Accepts& accepts) {
  for (size_t open = text.find('{', from); open != std::string_view::npos; open = text.find('{', open + 1)) {
    const size_t close = text.find('}', open + 1);
    if (close == std::string_view::npos) break;
    const std::string_view name = text.substr(open + 1, close - open - 1);
    if (accepts(name)) return {open, close, name};
  }
  return {};
}

// A name a template can test as slot_<name>: letters, digits and _ (ASCII).
bool IsSlotName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

std::string FillPlaceholders(std::string_view text, const std::map<std::string, std::string>& values) {
  // One pass from left to right, so a value that itself holds "{name}" is
  // copied, not filled again.
  const std::string* value = nullptr;  // of the name `known` last accepted
  const auto known = [&](std::string_view name) {
    const auto found = values.find(std::string(name));
    value = found == values.end() ? nullptr : &found->second;
    return value != nullptr;
  };
  std::string out;
  out.reserve(text.size());
  size_t at = 0;
  for (FoundPlaceholder p = FindPlaceholder(text, 0, known); p.open != std::string_view::npos;
       p = FindPlaceholder(text, at, known)) {
    out.append(text, at, p.open - at);
    out += *value;
    at = p.close + 1;
  }
  out.append(text, at);
  return out;
}

std::vector<SentencePart> SplitPlaceholders(std::string_view text, const std::map<std::string, std::string>& values) {
  std::vector<SentencePart> parts;
  const auto add_words = [&parts](std::string_view words) {
    if (words.empty()) return;
    if (parts.empty() || !parts.back().slot.empty()) parts.emplace_back();
    parts.back().text.append(words);
  };
  const std::string* value = nullptr;  // of the name last accepted, when it has one
  const auto accepts = [&](std::string_view name) {
    const auto found = values.find(std::string(name));
    value = found == values.end() ? nullptr : &found->second;
    return value != nullptr || IsSlotName(name);
  };
  size_t at = 0;
  for (FoundPlaceholder p = FindPlaceholder(text, 0, accepts); p.open != std::string_view::npos;
       p = FindPlaceholder(text, at, accepts)) {
    add_words(text.substr(at, p.open - at));
    if (value != nullptr) {
      add_words(*value);
    } else {
      parts.push_back({"", std::string(p.name)});
    }
    at = p.close + 1;
  }
  add_words(text.substr(at));
  return parts;
}

bool LoadTheme(const FileSystem& theme_files, const FileSystem& site_files, const std::string& site_root,
               const std::string& language, Theme* theme, Diagnostics* diagnostics) {
  const std::string theme_root = kThemeRoot;
  bool ok = AddMustacheFolder(theme_files, JoinPath(theme_root, "templates"), false, &theme->templates, diagnostics);
  ok &= AddMustacheFolder(theme_files, JoinPath(theme_root, "partials"), true, &theme->templates, diagnostics);
  // The site's layouts/ replace the theme's files of the same name.
  const std::string layouts = JoinPath(site_root, "layouts");
  if (CheckedKind(site_files, layouts, diagnostics) == EntryKind::kDirectory) {
    ok &= AddMustacheFolder(site_files, layouts, false, &theme->templates, diagnostics);
    ok &= AddMustacheFolder(site_files, JoinPath(layouts, "partials"), true, &theme->templates, diagnostics);
  }
  for (const std::string& name : RequiredTemplates()) {
    if (!theme->templates.HasTemplate(name)) {
      diagnostics->Error(JoinPath(layouts, name + ".mustache"), {}, "L052", "the theme has no template \"" + name + "\"");
      ok = false;
    }
  }
  ok &= theme->templates.CheckPartials(diagnostics);
  // Each record's row is rendered once, on its own, and every list joins the
  // rows (rows_html): a template that includes record_row would see no list.
  ok &= theme->templates.CheckNotIncluded(
      "record_row", "record_row is rendered on its own, once per record; a list writes its rows with {{{rows_html}}}",
      diagnostics);

  theme->language = language;
  // Strings: the site's language, then its base language, then English.
  const std::string strings_folder = JoinPath(theme_root, "strings");
  std::vector<std::string> languages = {language};
  if (language.find('-') != std::string::npos) languages.push_back(language.substr(0, language.find('-')));
  if (languages.back() != "en") languages.push_back("en");
  for (const std::string& lang : languages) {
    const std::string path = JoinPath(strings_folder, lang + ".yaml");
    if (theme_files.FileSize(path) >= 0) ok &= MergeStrings(theme_files, path, &theme->strings, diagnostics);
    // The standard's words are English already: no file for English.
    const std::string standard = JoinPath(JoinPath(theme_root, "standard"), lang + ".yaml");
    if (lang != "en" && theme_files.FileSize(standard) >= 0) {
      ok &= MergeStrings(theme_files, standard, &theme->standard_words, diagnostics);
    }
  }

  CopyFolder(theme_files, JoinPath(theme_root, "static"), "assets/", &theme->assets, diagnostics);
  // The site's own assets/ come last so that a site file replaces a theme file.
  const std::string site_assets = JoinPath(site_root, "assets");
  if (CheckedKind(site_files, site_assets, diagnostics) == EntryKind::kDirectory) CopyFolder(site_files, site_assets, "assets/", &theme->assets, diagnostics);
  return ok && !diagnostics->has_errors();
}

}  // namespace lantern
