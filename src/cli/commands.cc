#include "cli/commands.h"

#include <filesystem>
#include <system_error>

#include "cli/cli.h"
#include "cli/site_pipeline.h"

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
  RunPipeline(options.site, options.drafts, ReportOptions{options.format == "json", options.strict, stdout}, err,
              &result);
  if (result.exit_code == kExitUsageOrSystem) return result.exit_code;
  std::fprintf(err, "checked %s and %s: %s, %s\n", Plural(static_cast<int>(result.site.records.size()), "record").c_str(),
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
  RunPipeline(options.site, options.drafts, ReportOptions{options.format == "json", options.strict, stdout}, err,
              &result);
  if (result.exit_code != kExitOk) {
    if (result.exit_code == kExitContentErrors) {
      std::fprintf(err, "build failed: %s, %s; nothing was written\n",
                   Plural(result.diagnostics.error_count(), "error").c_str(),
                   Plural(result.diagnostics.warning_count(), "warning").c_str());
    }
    return result.exit_code;
  }
  Status status = WriteOutputTree(result.output, output);
  if (!status.ok()) {
    std::fprintf(err, "lantern: error: %s\n", status.WithContext("while writing the site").message().c_str());
    return kExitUsageOrSystem;
  }
  int pages = 0;
  for (const auto& [path, bytes] : result.output) pages += path.size() > 5 && path.substr(path.size() - 5) == ".html";
  std::fprintf(err, "built %s (%s, %zu files) into %s in %.2f s, %s\n", Plural(pages, "page").c_str(),
               Plural(static_cast<int>(result.site.records.size()), "record").c_str(), result.output.size(),
               output.c_str(), result.seconds, Plural(result.diagnostics.warning_count(), "warning").c_str());
  return kExitOk;
}

}  // namespace lantern
