#include "cli/commands.h"

#include <filesystem>
#include <fstream>
#include <system_error>

#include "assemble/output_tree.h"
#include "base/edit_distance.h"
#include "base/file_system.h"
#include "cli/cli.h"
#include "cli/site_pipeline.h"
#include "load/site_loader.h"
#include "publish/atrs_export.h"

namespace lantern {
namespace fs = std::filesystem;
namespace {

std::string Plural(int n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// Refuses output folders whose replacement would destroy something that is not
// a previous build: the site itself, a folder containing it, or a non-empty
// folder that does not look like a Lantern build.
std::string UnsafeOutputReason(const std::string& site, const std::string& output) {
  std::error_code error;
  const fs::path site_path = fs::weakly_canonical(site, error);
  const fs::path out_path = fs::weakly_canonical(output, error);
  if (error) return {};
  const std::string site_text = site_path.string() + "/", out_text = out_path.string() + "/";
  if (site_text.rfind(out_text, 0) == 0) return "it is the site folder or contains it";
  if (!fs::exists(out_path, error)) return {};
  if (!fs::is_directory(out_path, error)) return "it is a file";
  if (fs::exists(out_path / "site.yaml", error)) return "it holds a site.yaml";
  if (!fs::is_empty(out_path, error) && !fs::exists(out_path / "index.html", error)) {
    return "it is not empty and does not look like an earlier build (no index.html)";
  }
  return {};
}

}  // namespace

int RunCheck(const CheckOptions& options, std::FILE* err) {
  PipelineResult result;
  PipelineOptions pipeline;
  pipeline.include_drafts = options.drafts;
  pipeline.report = ReportOptions{options.format == "json", options.strict, stdout};
  DiscardOutput nowhere;  // check renders every page (for the link check) but keeps none
  pipeline.sink = &nowhere;
  pipeline.stream = true;
  RunPipeline(options.site, pipeline, err, &result);
  if (result.exit_code == kExitUsageOrSystem) return result.exit_code;
  std::fprintf(err, "checked %s and %s: %s, %s\n", Plural(static_cast<int>(result.site.record_files), "record").c_str(),
               Plural(static_cast<int>(result.site.pages.size() + (result.site.home_intro ? 1 : 0)), "page").c_str(),
               Plural(result.diagnostics.error_count(), "error").c_str(),
               Plural(result.diagnostics.warning_count(), "warning").c_str());
  return result.exit_code;
}

int RunBuild(const BuildOptions& options, std::FILE* err) {
  const std::string output = options.output.empty() ? (fs::path(options.site) / "public").string() : options.output;
  if (const std::string reason = UnsafeOutputReason(options.site, output); !reason.empty()) {
    std::fprintf(err, "lantern: error: will not write the site to %s: %s; choose another folder with -o\n",
                 output.c_str(), reason.c_str());
    return kExitUsageOrSystem;
  }
  PipelineResult result;
  PipelineOptions pipeline;
  pipeline.include_drafts = options.drafts;
  pipeline.git_history = options.git_history;
  pipeline.feedback_stats = options.feedback_stats;
  pipeline.report = ReportOptions{options.format == "json", options.strict, stdout};
  // Files go to a staging folder as they are rendered; it replaces the output
  // folder only if the whole build succeeds, and is removed otherwise.
  StagedFolder staged(output);
  if (Status status = staged.Open(); !status.ok()) {
    std::fprintf(err, "lantern: error: %s\n", status.WithContext("while writing the site").message().c_str());
    return kExitUsageOrSystem;
  }
  pipeline.sink = &staged;
  pipeline.stream = true;
  RunPipeline(options.site, pipeline, err, &result);
  if (result.exit_code != kExitOk) {
    if (result.exit_code == kExitContentErrors) {
      std::fprintf(err, "build failed: %s, %s; nothing was written\n",
                   Plural(result.diagnostics.error_count(), "error").c_str(),
                   Plural(result.diagnostics.warning_count(), "warning").c_str());
    }
    return result.exit_code;
  }
  Status status = staged.Commit();
  if (!status.ok()) {
    std::fprintf(err, "lantern: error: %s\n", status.WithContext("while writing the site").message().c_str());
    return kExitUsageOrSystem;
  }
  const int pages = static_cast<int>(result.built.html_count());
  std::fprintf(err, "built %s (%s, %zu files) into %s in %.2f s, %s\n", Plural(pages, "page").c_str(),
               Plural(static_cast<int>(result.site.records.size()), "record").c_str(), result.built.size(),
               output.c_str(), result.seconds, Plural(result.diagnostics.warning_count(), "warning").c_str());
  return kExitOk;
}

int RunExport(const ExportOptions& options, std::FILE* out, std::FILE* err) {
  if (options.format != "atrs") {
    std::fprintf(err, "lantern: error: unknown export format \"%s\": the only format is \"atrs\" (the ATRS 4.0 template)\n",
                 options.format.c_str());
    return kExitUsageOrSystem;
  }
  DiskFileSystem disk(options.site);  // nothing outside the site folder is read
  LoadOptions load_options;
  load_options.include_drafts = true;  // a record is often sent to the ATRS team before it goes live
  Site site;
  Diagnostics diagnostics;
  Status status = LoadSite(disk, options.site, load_options, &site, &diagnostics);
  if (!status.ok()) {
    std::fprintf(err, "lantern: error: %s\n", status.message().c_str());
    return kExitUsageOrSystem;
  }
  std::fputs(diagnostics.Format().c_str(), err);
  if (diagnostics.has_errors()) {
    std::fprintf(err, "export failed: %s in the site; nothing was written\n",
                 Plural(diagnostics.error_count(), "error").c_str());
    return kExitContentErrors;
  }
  const Record* record = nullptr;
  std::vector<std::string> ids;
  for (const Record& r : site.records) {
    ids.push_back(r.id);
    if (r.id == options.id) record = &r;
  }
  if (record == nullptr) {
    const std::string nearest = NearestMatch(options.id, ids);
    std::fprintf(err, "lantern: error: no record \"%s\" in %s%s\n", options.id.c_str(),
                 (fs::path(options.site) / "records").string().c_str(),
                 nearest.empty() ? "" : (" (did you mean \"" + nearest + "\"?)").c_str());
    return kExitContentErrors;
  }
  const std::string csv = AtrsTemplateCsv(site, *record);
  if (options.output.empty() || options.output == "-") {
    std::fwrite(csv.data(), 1, csv.size(), out);
    return kExitOk;
  }
  std::ofstream file(options.output, std::ios::binary | std::ios::trunc);
  file << csv;
  file.close();
  if (!file) {
    std::fprintf(err, "lantern: error: could not write %s\n", options.output.c_str());
    return kExitUsageOrSystem;
  }
  std::fprintf(err, "wrote record \"%s\" (ATRS %s) as the ATRS 4.0 template to %s\n", record->id.c_str(),
               record->version.c_str(), options.output.c_str());
  return kExitOk;
}

}  // namespace lantern
