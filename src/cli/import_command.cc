#include "cli/import_command.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "cli/cli.h"
#include "import/atrs_csv_import.h"
#include "import/govuk_import.h"
#include "load/scaffold.h"
#include "load/schema.h"
#include "load/validator.h"
#include "model/date.h"

namespace lantern {
namespace fs = std::filesystem;
namespace {

// The files to read: each one given, and the files with `extension` in each
// folder given, sorted.
std::vector<std::string> InputFiles(const std::vector<std::string>& inputs, const std::string& extension) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    std::error_code error;
    if (!fs::is_directory(input, error)) {
      files.push_back(input);
      continue;
    }
    std::vector<std::string> inside;
    for (const auto& entry : fs::directory_iterator(input, error)) {
      if (entry.is_regular_file() && entry.path().extension() == extension) inside.push_back(entry.path().string());
    }
    std::sort(inside.begin(), inside.end());
    files.insert(files.end(), inside.begin(), inside.end());
  }
  return files;
}

std::string Plural(int n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

int CountTodos(const std::string& yaml) {
  int count = 0;
  for (size_t at = yaml.find("TODO"); at != std::string::npos; at = yaml.find("TODO", at + 4)) ++count;
  return count;
}

// What the input had that no field takes, kept whole as comments under a
// TODO at the end of the file, so that `check` lists it until it is moved.
std::string Unmapped(const ImportedRecord& record) {
  if (record.unmapped.empty()) return "";
  std::string out =
      "\n# TODO: " + std::to_string(record.unmapped.size()) +
      " part(s) of the imported record map to no field. Move each into the field it belongs to (or drop it), then "
      "delete this block.\n";
  for (const std::string& part : record.unmapped) {
    out += "#\n";
    size_t start = 0;
    while (start <= part.size()) {
      const size_t end = std::min(part.find('\n', start), part.size());
      const std::string line = part.substr(start, end - start);
      out += line.empty() ? "#\n" : "# " + line + "\n";
      start = end + 1;
    }
  }
  return out;
}

}  // namespace

int RunImport(const ImportOptions& options, std::FILE* err) {
  if (options.format != "atrs" && options.format != "govuk") {
    std::fprintf(err,
                 "lantern: error: unknown import format \"%s\": the formats are \"atrs\" (the ATRS 4.0 template as "
                 "CSV) and \"govuk\" (GOV.UK's Content API JSON)\n",
                 options.format.c_str());
    return kExitUsageOrSystem;
  }
  const bool govuk = options.format == "govuk";
  std::error_code error;
  if (!fs::is_regular_file(fs::path(options.site) / "site.yaml", error)) {
    std::fprintf(err,
                 "lantern: error: \"%s\" is not a Lantern site: it has no site.yaml; give --site DIR, or start one "
                 "with: lantern init DIR\n",
                 options.site.c_str());
    return kExitUsageOrSystem;
  }
  const std::vector<std::string> files = InputFiles(options.inputs, govuk ? ".json" : ".csv");
  if (files.empty()) {
    std::fprintf(err, "lantern: error: no %s files to import\n", govuk ? ".json" : ".csv");
    return kExitUsageOrSystem;
  }
  // Every input is read and checked before anything is written.
  Diagnostics diagnostics;
  std::vector<ImportedRecord> records;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::fprintf(err, "lantern: error: cannot read %s\n", file.c_str());
      return kExitUsageOrSystem;
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ImportedRecord record;
    const bool ok = govuk ? ImportGovukJson(file, text, &record, &diagnostics)
                          : ImportAtrsCsv(file, text, &record, &diagnostics);
    if (ok) records.push_back(std::move(record));
  }
  std::set<std::string> ids;
  for (const ImportedRecord& record : records) {
    if (!IsValidId(record.id)) {
      diagnostics.Error(record.source_path, {}, "L128",
                        "no record id can be made from this file's name: name it like the record, e.g. rentsense.csv");
    } else if (!ids.insert(record.id).second) {
      diagnostics.Error(record.source_path, {}, "L128",
                        "another input also makes the record \"" + record.id + "\": give each a different name");
    }
  }
  std::fputs(diagnostics.Format().c_str(), err);
  if (diagnostics.has_errors()) {
    std::fprintf(err, "import failed: %s; nothing was written\n", Plural(diagnostics.error_count(), "error").c_str());
    return kExitContentErrors;
  }
  const fs::path folder = fs::path(options.site) / "records";
  for (const ImportedRecord& record : records) {
    if (fs::exists(folder / (record.id + ".yaml"), error)) {
      std::fprintf(err,
                   "lantern: error: %s already exists; nothing was written (import never overwrites a record: rename "
                   "the input, or remove that file)\n",
                   (folder / (record.id + ".yaml")).string().c_str());
      return kExitUsageOrSystem;
    }
  }
  const Date today = TodayUtc();
  fs::create_directories(folder, error);
  for (const ImportedRecord& record : records) {
    const std::string yaml = RecordFromAnswers(record.id, kV4, today, record.answers) + Unmapped(record);
    const fs::path path = folder / (record.id + ".yaml");
    std::ofstream out(path, std::ios::binary);
    out << yaml;
    out.close();
    if (!out) {
      std::fprintf(err, "lantern: error: cannot write %s\n", path.string().c_str());
      return kExitUsageOrSystem;
    }
    std::fprintf(err, "%s: %s mapped, %s to fill in, %s; wrote %s\n", record.source_path.c_str(),
                 Plural(record.fields_mapped, "field").c_str(), Plural(CountTodos(yaml), "TODO").c_str(),
                 Plural(static_cast<int>(record.unmapped.size()), "unmapped part").c_str(), path.string().c_str());
    for (const std::string& part : record.unmapped) {
      std::fprintf(err, "  unmapped: %s\n", part.substr(0, part.find('\n')).c_str());
    }
  }
  std::fprintf(err, "fill in each TODO, then run: lantern check %s\n", options.site.c_str());
  return kExitOk;
}

}  // namespace lantern
