#include "cli/authoring.h"

#include <filesystem>
#include <fstream>
#include <system_error>

#include "base/file_system.h"
#include "cli/cli.h"
#include "load/scaffold.h"
#include "load/schema.h"
#include "load/validator.h"

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

int WriteScaffold(std::string site, const std::string& kind, const std::string& name,
                  const std::string& folder, const std::string& extension, const std::string& bytes,
                  std::FILE* err) {
  if (!IsValidId(name)) {
    std::fprintf(err,
                 "lantern: error: \"%s\" is not a valid %s name: it becomes the web address, so use lower-case "
                 "letters, digits and single dashes, e.g. parking-permit-check\n",
                 name.c_str(), kind.c_str());
    return kExitUsageOrSystem;
  }
  if (!RequireSite(&site, err)) return kExitUsageOrSystem;
  const fs::path path = fs::path(site) / folder / (name + extension);
  std::error_code error;
  if (fs::exists(path, error)) {
    std::fprintf(err, "lantern: error: %s already exists; choose another name, or edit that file\n",
                 path.string().c_str());
    return kExitUsageOrSystem;
  }
  if (Status status = WriteNewFile(path, bytes); !status.ok()) {
    std::fprintf(err, "lantern: error: %s\n", status.message().c_str());
    return kExitUsageOrSystem;
  }
  std::fprintf(err, "wrote %s: fill in each TODO, then run: lantern check %s\n", path.string().c_str(),
               site.c_str());
  return kExitOk;
}

}  // namespace

int RunInit(const std::string& folder, std::FILE* err) {
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
  int written = 0;
  for (const auto& [path, bytes] : EmbeddedFiles().files()) {
    if (path.rfind(kTemplatesPrefix, 0) != 0) continue;
    const fs::path target = fs::path(folder) / path.substr(kTemplatesPrefix.size());
    if (Status status = WriteNewFile(target, bytes); !status.ok()) {
      std::fprintf(err, "lantern: error: %s\n", status.WithContext("while starting the site").message().c_str());
      return kExitUsageOrSystem;
    }
    ++written;
  }
  std::fprintf(err,
               "started a site in %s (%d files): site.yaml, an example record and six policy pages.\n"
               "Next: lantern check %s lists each TODO to fill in; lantern build %s writes the site.\n",
               folder.c_str(), written, folder.c_str(), folder.c_str());
  return kExitOk;
}

int RunNewRecord(const NewOptions& options, std::FILE* err) {
  if (options.version != "4.0" && options.version != "3.0") {
    std::fprintf(err, "lantern: error: --version must be 4.0 or 3.0, not \"%s\"\n", options.version.c_str());
    return kExitUsageOrSystem;
  }
  const std::string bytes =
      IsValidId(options.name) ? RecordScaffold(options.name, VersionBit(options.version), TodayUtc()) : "";
  return WriteScaffold(options.site, "record", options.name, "records", ".yaml", bytes, err);
}

int RunNewPage(const NewOptions& options, std::FILE* err) {
  if (options.name == "index") {
    std::fprintf(err, "lantern: error: pages/index.md is the home page's introduction; edit it if it exists\n");
    return kExitUsageOrSystem;
  }
  return WriteScaffold(options.site, "page", options.name, "pages", ".md", PageScaffold(options.name), err);
}

}  // namespace lantern
