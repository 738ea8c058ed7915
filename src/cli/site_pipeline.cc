#include "cli/site_pipeline.h"

#include <unistd.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <set>
#include <vector>

#include "assemble/link_checker.h"
#include "assemble/site_builder.h"
#include "assemble/theme.h"
#include "base/file_system.h"
#include "base/fingerprint.h"
#include "cli/cli.h"
#include "cli/json_report.h"
#include "feedback/public_stats.h"
#include "feedback/store.h"
#include "load/git_history.h"
#include "load/site_loader.h"

namespace lantern {
namespace {

PublishedCount Published(const PublicCount& count) { return PublishedCount{count.fewer_than_smallest, count.exact}; }

FeedbackSummary Summary(const PublicFeedbackCounts& counts) {
  FeedbackSummary summary;
  summary.questions = Published(counts.questions);
  summary.feedback = Published(counts.feedback);
  summary.objections = Published(counts.objections);
  summary.reviews = Published(counts.reviews);
  summary.on_time_shown = counts.on_time_shown;
  summary.on_time_percent = counts.on_time_percent;
  summary.on_time_judged = counts.on_time_judged;
  return summary;
}

// `build --feedback-stats`: the counts of the 12 months up to the build date
// (site.config.today, SOURCE_DATE_EPOCH when set, so the same store builds
// the same bytes), read from a store opened read-only.
Status ReadFeedbackStats(const std::string& store_path, Site* site) {
  const Date last_day = site->config.today;
  const Date first_day = last_day.PlusMonths(-12);
  Result<std::unique_ptr<FeedbackStore>> store = FeedbackStore::Open(store_path, FeedbackStore::Mode::kReadOnly);
  if (!store.ok()) return store.status();
  Result<std::vector<StoredSubmission>> rows = store.value()->List(first_day.Iso());
  if (!rows.ok()) return rows.status().WithContext("cannot read feedback store " + store_path);
  std::set<std::string> record_ids;
  for (const Record& record : site->records) record_ids.insert(record.id);
  const PublicFeedbackStats stats =
      ComputePublicFeedbackStats(rows.value(), record_ids, StatsWindow{first_day.Iso(), last_day.Iso()});
  for (Record& record : site->records) record.feedback_summary = Summary(stats.by_record.at(record.id));
  site->feedback_summary = SiteFeedbackSummary{first_day, last_day, Summary(stats.site_wide)};
  return Status::Ok();
}

}  // namespace

void RunPipeline(const std::string& site_root, const PipelineOptions& options, std::FILE* err, PipelineResult* result) {
  // Bounded by the site folder: nothing a link points to outside it is read.
  DiskFileSystem disk(site_root);
  RunPipelineOn(disk, site_root, options, err, result);
}

void RunPipelineOn(const FileSystem& disk, const std::string& site_root, const PipelineOptions& options,
                   std::FILE* err, PipelineResult* result) {
  const auto start = std::chrono::steady_clock::now();
  const ReportOptions& report = options.report;
  LoadOptions load_options;
  load_options.include_drafts = options.include_drafts;
  PreviewCache* cache = options.git_history || !options.feedback_stats.empty() ? nullptr : options.cache;
  if (cache) load_options.cache = &cache->records;
  Status status = LoadSite(disk, site_root, load_options, &result->site, &result->diagnostics);
  if (!status.ok()) {
    std::fprintf(err, "lantern: error: %s\n", status.message().c_str());
    result->exit_code = kExitUsageOrSystem;
    return;
  }
  if (options.git_history) {
    status = ReadGitHistory(site_root, &result->site);
    if (!status.ok()) {
      std::fprintf(err, "lantern: error: %s\n", status.message().c_str());
      result->exit_code = kExitUsageOrSystem;
      return;
    }
  }
  if (!options.feedback_stats.empty()) {
    status = ReadFeedbackStats(options.feedback_stats, &result->site);
    if (!status.ok()) {
      std::fprintf(err, "lantern: error: --feedback-stats: %s\n", status.message().c_str());
      result->exit_code = kExitUsageOrSystem;
      return;
    }
  }
  Theme& theme = result->theme;
  const bool theme_ok = LoadTheme(EmbeddedFiles(), disk, site_root, result->site.config.language, &theme,
                                  &result->diagnostics);
  if (theme_ok && !result->diagnostics.has_errors()) {
    const bool show_progress = isatty(fileno(err)) != 0;
    std::mutex print_mutex;
    auto progress = [&](BuildProgress p) {
      // A few updates per build are enough; more would slow the build down.
      if (!show_progress || (p.done % 50 != 0 && p.done != p.total)) return;
      std::lock_guard<std::mutex> lock(print_mutex);
      std::fprintf(err, "\r\033[Krendering pages %zu/%zu", p.done, p.total);
      std::fflush(err);
    };
    SharedMemoryOutput memory(&result->output);
    OutputSink* sink = options.sink ? options.sink : &memory;
    RecordReuse reuse;
    if (cache) {
      // Everything a record's output depends on but the record's own file.
      const uint64_t context = Fingerprint().Add(cache->records.site_fingerprint()).Add(ThemeFingerprint(theme)).value();
      reuse.cache = &cache->outputs;
      reuse.key = [cache, context](const Record& record) -> std::optional<uint64_t> {
        const std::optional<uint64_t> file = cache->records.FileFingerprint(record.source_path);
        if (!file) return std::nullopt;
        return Fingerprint().Add(context).Add(*file).value();
      };
    }
    BuildSite(result->site, theme, sink, &result->built, &result->diagnostics, progress, cache ? &reuse : nullptr);
    if (show_progress) std::fprintf(err, "\r\033[K");
    CheckInternalLinks(result->site, result->built, &result->diagnostics);
  }
  if (report.strict) result->diagnostics.PromoteWarningsToErrors();
  if (report.json) {
    std::fputs(DiagnosticsToJson(result->diagnostics).c_str(), report.out);
  } else {
    std::fputs(result->diagnostics.Format().c_str(), err);
  }
  result->exit_code = result->diagnostics.has_errors() ? kExitContentErrors : kExitOk;
  if (result->exit_code != kExitOk) result->output.clear();  // a broken link fails the build
  result->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace lantern
