#include "cli/authoring.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <iterator>
#include <optional>
#include <fstream>
#include <system_error>

#include "base/file_system.h"
#include "cli/cli.h"
#include "load/front_matter.h"
#include "load/scaffold.h"
#include "load/schema.h"
#include "load/site_loader.h"
#include "load/translation_scaffold.h"
#include "load/validator.h"
#include "load/yaml_reader.h"

namespace lantern {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kTemplatesPrefix = "site_templates/";

// Writes `bytes` to a new file at `path`; fails when the file exists.
Status WriteNewFile(const fs::path& path, const std::string& bytes) {
  std::error_code error;
  if (fs::exists(path, error)) return Status::Error(path.string() + " already exists");
  fs::create_directories(path.parent_path(), error);
  if (error) return Status::Error("cannot create " + path.parent_path().string() + ": " + error.message());
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Status::Error("cannot write " + path.string());
  return Status::Ok();
}

// Says whether `site` is a Lantern site, printing why not. The default "."
// also finds the site from inside one of its folders (records/, pages/).
bool RequireSite(std::string* site, std::FILE* err) {
  std::error_code error;
  if (fs::is_regular_file(fs::path(*site) / "site.yaml", error)) return true;
  if (*site == ".") {
    fs::path at = fs::current_path(error);
    for (int up = 0; !error && up < 3 && at.has_parent_path() && at != at.parent_path(); ++up) {
      at = at.parent_path();
      if (fs::is_regular_file(at / "site.yaml", error)) {
        *site = at.string();
        return true;
      }
    }
  }
  const std::string& shown = *site;
  std::fprintf(err,
               "lantern: error: \"%s\" is not a Lantern site: it has no site.yaml; run this inside a site, give "
               "--site DIR, or start one with: lantern init DIR\n",
               shown.c_str());
  return false;
}

// One file `new` or `init` writes: where below the site, and its bytes.
struct NewFile {
  std::string path;
  std::string bytes;
};

// The settings of the site at `site`, or std::nullopt (printing why) when
// site.yaml cannot be read or has errors: `new` then writes the original
// only, and `check` says what is wrong.
std::optional<SiteConfig> ReadSettings(const std::string& site) {
  std::ifstream in(fs::path(site) / "site.yaml", std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  SiteConfig config;
  Diagnostics ignored;
  if (!in && !in.eof()) return std::nullopt;
  if (!LoadSiteConfig("site.yaml", text, &config, &ignored)) return std::nullopt;
  return config;
}

// The translations of a new file on a bilingual site, one per language
// other than the source language: `translate` makes each one's bytes.
std::vector<NewFile> Translations(const SiteConfig& config, const std::string& folder, const std::string& name,
                                  const std::string& extension,
                                  const std::function<std::string(const std::string&)>& translate) {
  std::vector<NewFile> files;
  if (!config.bilingual()) return files;
  for (const std::string& language : config.languages) {
    if (language == config.source_language) continue;
    files.push_back({folder + "/" + name + "." + language + extension, translate(language)});
  }
  return files;
}

int WriteScaffold(std::string site, const std::string& kind, const std::string& name,
                  const std::string& folder, const std::string& extension, const std::string& bytes,
                  std::FILE* err,
                  const std::function<std::vector<NewFile>(const SiteConfig&)>& translations = nullptr) {
  if (!IsValidId(name)) {
    std::fprintf(err,
                 "lantern: error: \"%s\" is not a valid %s name: it becomes the web address, so use lower-case "
                 "letters, digits and single dashes, e.g. parking-permit-check\n",
                 name.c_str(), kind.c_str());
    return kExitUsageOrSystem;
  }
  if (!RequireSite(&site, err)) return kExitUsageOrSystem;
  std::vector<NewFile> files = {{folder + "/" + name + extension, bytes}};
  if (translations) {
    if (std::optional<SiteConfig> config = ReadSettings(site)) {
      for (NewFile& file : translations(*config)) files.push_back(std::move(file));
    }
  }
  // Nothing is written unless every file can be: an original without its
  // translation, or the reverse, would be half a `new`.
  std::error_code error;
  for (const NewFile& file : files) {
    const fs::path path = fs::path(site) / file.path;
    if (fs::exists(path, error)) {
      std::fprintf(err, "lantern: error: %s already exists; choose another name, or edit that file\n",
                   path.string().c_str());
      return kExitUsageOrSystem;
    }
  }
  for (const NewFile& file : files) {
    const fs::path path = fs::path(site) / file.path;
    if (Status status = WriteNewFile(path, file.bytes); !status.ok()) {
      std::fprintf(err, "lantern: error: %s\n", status.message().c_str());
      return kExitUsageOrSystem;
    }
    std::fprintf(err, "wrote %s\n", path.string().c_str());
  }
  std::fprintf(err, "fill in each TODO, then run: lantern check %s\n", site.c_str());
  return kExitOk;
}

// site_templates/site.yaml for a site in `languages`: the one-language
// setting replaced by the list.
std::string BilingualSettings(std::string text, const std::vector<std::string>& languages) {
  std::string list;
  for (const std::string& language : languages) list += (list.empty() ? "" : ", ") + language;
  const std::string one = "# The site's language as a BCP 47 tag, e.g. en or cy.\nlanguage: en\n";
  const std::string several =
      "# The languages the site publishes in, the default (shown at the root) first. Records\n"
      "# and pages are written in English; each has its translation beside it\n"
      "# (records/<id>.cy.yaml, pages/<slug>.cy.md), and lantern check lists what is missing.\n"
      "languages: [" + list + "]\n";
  const size_t at = text.find(one);
  if (at != std::string::npos) text.replace(at, one.size(), several);
  return text;
}

}  // namespace

int RunInit(const std::string& folder, std::FILE* err, const std::vector<std::string>& languages) {
  std::error_code error;
  if (fs::exists(folder, error)) {
    if (!fs::is_directory(folder, error)) {
      std::fprintf(err, "lantern: error: will not start a site at %s: it is a file\n", folder.c_str());
      return kExitUsageOrSystem;
    }
    if (!fs::is_empty(folder, error)) {
      std::fprintf(err, "lantern: error: will not start a site in %s: the folder is not empty; choose a new folder\n",
                   folder.c_str());
      return kExitUsageOrSystem;
    }
  }
  const bool bilingual = languages.size() > 1 || (languages.size() == 1 && languages[0] != "en");
  if (bilingual && std::find(languages.begin(), languages.end(), "en") == languages.end()) {
    std::fprintf(err,
                 "lantern: error: --languages must include en: the starting records and pages are written in "
                 "English, and each other language gets its translation beside them (e.g. --languages cy,en)\n");
    return kExitUsageOrSystem;
  }
  std::vector<NewFile> files;
  for (const auto& [path, bytes] : EmbeddedFiles().files()) {
    if (path.rfind(kTemplatesPrefix, 0) != 0) continue;
    const std::string below = path.substr(kTemplatesPrefix.size());
    files.push_back({below, below == "site.yaml" && bilingual ? BilingualSettings(bytes, languages) : bytes});
  }
  if (bilingual) {
    SiteConfig config;
    Diagnostics problems;
    const std::string settings = std::find_if(files.begin(), files.end(), [](const NewFile& f) {
                                   return f.path == "site.yaml";
                                 })->bytes;
    if (!LoadSiteConfig("site.yaml", settings, &config, &problems) || !config.bilingual()) {
      std::fprintf(err, "lantern: error: --languages: %s", problems.Format().c_str());
      return kExitUsageOrSystem;
    }
    const Date today = TodayUtc();
    std::vector<NewFile> translated;
    for (const NewFile& file : files) {
      const fs::path path(file.path);
      const std::string folder_name = path.parent_path().string();
      const std::string stem = path.stem().string();
      if (folder_name == "records" && path.extension() == ".yaml") {
        Diagnostics ignored;
        const std::optional<Value> tree = ReadYaml(file.path, file.bytes, &ignored);
        const Value* version = tree ? tree->Find("atrs_version") : nullptr;
        const unsigned bit = VersionBit(version && version->is_text() ? version->text() : "4.0");
        for (NewFile& t : Translations(config, "records", stem, ".yaml", [&](const std::string& language) {
               return RecordTranslationScaffold(tree ? *tree : Value::Map(), bit, language, config.source_language,
                                                today);
             })) {
          translated.push_back(std::move(t));
        }
      } else if (folder_name == "pages" && path.extension() == ".md") {
        const bool has_summary = file.bytes.find("\nsummary:") != std::string::npos;
        for (NewFile& t : Translations(config, "pages", stem, ".md", [&](const std::string& language) {
               return PageTranslationScaffold(language, config.source_language, has_summary, today);
             })) {
          translated.push_back(std::move(t));
        }
      }
    }
    for (NewFile& t : translated) files.push_back(std::move(t));
  }
  for (const NewFile& file : files) {
    if (Status status = WriteNewFile(fs::path(folder) / file.path, file.bytes); !status.ok()) {
      std::fprintf(err, "lantern: error: %s\n", status.WithContext("while starting the site").message().c_str());
      return kExitUsageOrSystem;
    }
  }
  std::fprintf(err,
               "started a site in %s (%zu files): site.yaml, an example record and six policy pages%s.\n"
               "Next: lantern check %s lists each TODO to fill in; lantern build %s writes the site.\n",
               folder.c_str(), files.size(), bilingual ? ", each with its translation to fill in" : "",
               folder.c_str(), folder.c_str());
  return kExitOk;
}

int RunNewRecord(const NewOptions& options, std::FILE* err) {
  if (options.version != "4.0" && options.version != "3.0") {
    std::fprintf(err, "lantern: error: --version must be 4.0 or 3.0, not \"%s\"\n", options.version.c_str());
    return kExitUsageOrSystem;
  }
  const Date today = TodayUtc();
  const unsigned version = VersionBit(options.version);
  const std::string bytes = IsValidId(options.name) ? RecordScaffold(options.name, version, today) : "";
  return WriteScaffold(options.site, "record", options.name, "records", ".yaml", bytes, err,
                       [&](const SiteConfig& config) {
                         Diagnostics ignored;
                         const Value tree = ReadYaml("new.yaml", bytes, &ignored).value_or(Value::Map());
                         return Translations(config, "records", options.name, ".yaml", [&](const std::string& l) {
                           return RecordTranslationScaffold(tree, version, l, config.source_language, today);
                         });
                       });
}

int RunNewPage(const NewOptions& options, std::FILE* err) {
  if (options.name == "index") {
    std::fprintf(err, "lantern: error: pages/index.md is the home page's introduction; edit it if it exists\n");
    return kExitUsageOrSystem;
  }
  return WriteScaffold(options.site, "page", options.name, "pages", ".md", PageScaffold(options.name), err,
                       [&](const SiteConfig& config) {
                         return Translations(config, "pages", options.name, ".md", [&](const std::string& l) {
                           return PageTranslationScaffold(l, config.source_language, true, TodayUtc());
                         });
                       });
}

}  // namespace lantern
