#include "assemble/theme.h"

#include "load/yaml_reader.h"

namespace lantern {
namespace {

constexpr const char* kThemeRoot = "themes/default";

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Adds every *.mustache file of `folder` on `files` as a template or partial.
bool AddMustacheFolder(const FileSystem& files, const std::string& folder, bool partials, TemplateSet* set,
                       Diagnostics* diagnostics) {
  bool ok = true;
  for (const std::string& name : files.List(folder)) {
    if (!EndsWith(name, ".mustache")) continue;
    const std::string path = JoinPath(folder, name);
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

void CopyFolder(const FileSystem& files, const std::string& folder, const std::string& output_prefix,
                std::map<std::string, std::string>* out, Diagnostics* diagnostics) {
  for (const std::string& name : files.List(folder)) {
    if (name.empty() || name[0] == '.') continue;  // never publish dotfiles
    const std::string path = JoinPath(folder, name);
    if (files.IsDirectory(path)) {
      CopyFolder(files, path, output_prefix + name + "/", out, diagnostics);
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

std::string Theme::String(const std::string& key) const {
  const Value* value = strings.Find(key);
  return value && value->is_text() ? value->text() : "[" + key + "]";
}

bool LoadTheme(const FileSystem& theme_files, const FileSystem& site_files, const std::string& site_root,
               const std::string& language, Theme* theme, Diagnostics* diagnostics) {
  const std::string theme_root = kThemeRoot;
  bool ok = AddMustacheFolder(theme_files, JoinPath(theme_root, "templates"), false, &theme->templates, diagnostics);
  ok &= AddMustacheFolder(theme_files, JoinPath(theme_root, "partials"), true, &theme->templates, diagnostics);
  // The site's layouts/ replace the theme's files of the same name.
  const std::string layouts = JoinPath(site_root, "layouts");
  if (site_files.IsDirectory(layouts)) {
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

  // Strings: the site's language, then its base language, then English.
  const std::string strings_folder = JoinPath(theme_root, "strings");
  std::vector<std::string> languages = {language};
  if (language.find('-') != std::string::npos) languages.push_back(language.substr(0, language.find('-')));
  if (languages.back() != "en") languages.push_back("en");
  for (const std::string& lang : languages) {
    const std::string path = JoinPath(strings_folder, lang + ".yaml");
    if (theme_files.FileSize(path) >= 0) ok &= MergeStrings(theme_files, path, &theme->strings, diagnostics);
  }

  CopyFolder(theme_files, JoinPath(theme_root, "static"), "assets/", &theme->assets, diagnostics);
  // The site's own assets/ come last so that a site file replaces a theme file.
  const std::string site_assets = JoinPath(site_root, "assets");
  if (site_files.IsDirectory(site_assets)) CopyFolder(site_files, site_assets, "assets/", &theme->assets, diagnostics);
  return ok && !diagnostics->has_errors();
}

}  // namespace lantern
