#include "cli/site_pipeline.h"

#include <unistd.h>

#include <chrono>
#include <functional>
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
#include "assemble/editions.h"
#include "cli/site_stream.h"
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
class FeedbackStats {
 public:
  Status Read(const std::string& store_path, const Date& today) {
    last_day_ = today;
    first_day_ = today.PlusMonths(-12);
    Result<std::unique_ptr<FeedbackStore>> store = FeedbackStore::Open(store_path, FeedbackStore::Mode::kReadOnly);
    if (!store.ok()) return store.status();
    Result<std::vector<StoredSubmission>> rows = store.value()->List(first_day_.Iso());
    if (!rows.ok()) return rows.status().WithContext("cannot read feedback store " + store_path);
    // Every record the rows name: a record's counts are its rows', and the
    // site-wide counts do not depend on which records there are.
    std::set<std::string> record_ids;
    for (const StoredSubmission& row : rows.value()) record_ids.insert(row.record_id);
    const StatsWindow window{first_day_.Iso(), last_day_.Iso()};
    stats_ = ComputePublicFeedbackStats(rows.value(), record_ids, window);
    none_ = Summary(ComputePublicFeedbackStats({}, {""}, window).by_record.at(""));
    return Status::Ok();
  }
  SiteFeedbackSummary SiteWide() const { return {first_day_, last_day_, Summary(stats_.site_wide)}; }
  FeedbackSummary Of(const std::string& record_id) const {
    auto found = stats_.by_record.find(record_id);
    return found == stats_.by_record.end() ? none_ : Summary(found->second);
  }

 private:
  Date first_day_, last_day_;
  PublicFeedbackStats stats_;
  FeedbackSummary none_;
};

Status ReadFeedbackStats(const std::string& store_path, Site* site) {
  FeedbackStats stats;
  if (Status s = stats.Read(store_path, site->config.today); !s.ok()) return s;
  for (Record& record : site->records) record.feedback_summary = stats.Of(record.id);
  site->feedback_summary = stats.SiteWide();
  return Status::Ok();
}

// Whether site.yaml names more than one language. A bilingual site is built
// in memory, all at once (assemble/editions.h): the streamed build renders
// one language. A broken site.yaml reads as one language here; its errors
// are reported by the build that follows.
bool IsBilingual(const FileSystem& disk, const std::string& site_root, const PipelineOptions& options) {
  Site peek;
  bool config_ok = false;
  Diagnostics ignored;
  LoadOptions load;
  load.include_drafts = options.include_drafts;
  return LoadSiteSettings(disk, site_root, load, &peek, &config_ok, &ignored).ok() && config_ok &&
         peek.config.bilingual();
}

// A bilingual site's editions, one per language, each with the theme's
// strings in its language (the default's is result->theme, which the server
// uses for the form). Every edition is rendered afresh on each preview
// rebuild: the record output cache keys one language's output.
void BuildBilingual(const FileSystem& disk, const std::string& site_root, std::FILE* err,
                    const std::function<void(BuildProgress)>& progress, const PipelineOptions& options,
                    PipelineResult* result, bool theme_ok) {
  // The default language's theme is result->theme (the server's, for the
  // form); the others are loaded beside it.
  std::vector<Theme> loaded;
  Diagnostics again;  // template errors were reported with result->theme
  theme_ok &= LoadEditionThemes(EmbeddedFiles(), disk, site_root, result->site.config, &loaded, &again);
  std::vector<const Theme*> themes = {&result->theme};
  for (size_t i = 1; i < loaded.size(); ++i) themes.push_back(&loaded[i]);
  if (!theme_ok || result->diagnostics.has_errors()) return;
  SharedMemoryOutput memory(&result->output, options.keep_parts ? &result->output_parts : nullptr);
  OutputSink* sink = options.sink ? options.sink : &memory;
  BuildEditions(result->site, themes, sink, &result->built, &result->diagnostics, progress);
  memory.Finish();
  themes.clear();  // they point into `loaded`, kept for the form
  result->edition_themes = std::move(loaded);
  if (isatty(fileno(err)) != 0) std::fprintf(err, "\r\033[K");
  CheckInternalLinks(result->site, result->built, &result->diagnostics);
}

// LoadSite, then BuildSite and CheckInternalLinks over the whole site in memory
// (the preview, which keeps the site).
void RunInMemory(const FileSystem& disk, const std::string& site_root, const PipelineOptions& options,
                 std::FILE* err, const std::function<void(BuildProgress)>& progress, PipelineResult* result) {
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
  if (result->site.config.bilingual()) {
    BuildBilingual(disk, site_root, err, progress, options, result, theme_ok);
    return;
  }
  if (theme_ok && !result->diagnostics.has_errors()) {
    SharedMemoryOutput memory(&result->output, options.keep_parts ? &result->output_parts : nullptr);
    OutputSink* sink = options.sink ? options.sink : &memory;
    RecordReuse reuse;
    if (cache) {
      // Everything a record's output depends on but the record's own file.
      const uint64_t context = Fingerprint().Add(cache->records.site_fingerprint()).Add(ThemeFingerprint(theme)).value();
      reuse.cache = &cache->outputs;
      reuse.pages = &cache->pages;
      reuse.context = context;
      reuse.key = [cache, context](const Record& record) -> std::optional<uint64_t> {
        const std::optional<uint64_t> file = cache->records.FileFingerprint(record.source_path);
        if (!file) return std::nullopt;
        return Fingerprint().Add(context).Add(*file).value();
      };
    }
    BuildSite(result->site, theme, sink, &result->built, &result->diagnostics, progress, cache ? &reuse : nullptr);
    memory.Finish();
    if (isatty(fileno(err)) != 0) std::fprintf(err, "\r\033[K");
    if (cache) {
      std::vector<InternalLink> links;
      CollectSitePageLinks(result->site, &links);
      links.insert(links.end(), reuse.links.begin(), reuse.links.end());
      CheckLinks(result->site.config, links, result->built, &result->diagnostics);
    } else {
      CheckInternalLinks(result->site, result->built, &result->diagnostics);
    }
  }
}

// Prints what was found and sets the exit code.
void Report(const ReportOptions& report, std::FILE* err, std::chrono::steady_clock::time_point start,
            PipelineResult* result) {
  if (report.strict) result->diagnostics.PromoteWarningsToErrors();
  if (report.json) {
    std::fputs(DiagnosticsToJson(result->diagnostics).c_str(), report.out);
  } else {
    std::fputs(result->diagnostics.Format().c_str(), err);
  }
  result->exit_code = result->diagnostics.has_errors() ? kExitContentErrors : kExitOk;
  if (result->exit_code != kExitOk) {  // a broken link fails the build
    result->output.clear();
    result->output_parts.clear();
  }
  result->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
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
  // The record files the preview knew unchanged are not read (LoadSite); should
  // a diagnostic name a line of one (a broken link, a duplicate id), it is read
  // from `disk` then, and before `disk` may go, so that the report is the one a
  // full read would give.
  result->diagnostics.SetSourceReader([&disk](const std::string& path) -> std::optional<std::string> {
    Result<std::string> text = disk.ReadFile(path);
    if (!text.ok()) return std::nullopt;
    return std::move(text.value());
  });
  struct ForgetReader {
    Diagnostics* diagnostics;
    ~ForgetReader() { diagnostics->SetSourceReader(nullptr); }
  } forget_reader{&result->diagnostics};
  const bool show_progress = isatty(fileno(err)) != 0;
  std::mutex print_mutex;
  auto progress = [&](BuildProgress p) {
    // A few updates per build are enough; more would slow the build down.
    if (!show_progress || (p.done % 50 != 0 && p.done != p.total)) return;
    std::lock_guard<std::mutex> lock(print_mutex);
    std::fprintf(err, "\r\033[Krendering pages %zu/%zu", p.done, p.total);
    std::fflush(err);
  };
  if (options.stream && !IsBilingual(disk, site_root, options)) {
    StreamOptions stream;
    stream.load.include_drafts = options.include_drafts;
    FeedbackStats stats;
    const char* context = "";
    if (options.git_history || !options.feedback_stats.empty()) {
      stream.prepare = [&](Site* site) {
        if (options.git_history) {
          if (Status s = CheckGitCheckout(site_root); !s.ok()) return s;
        }
        if (!options.feedback_stats.empty()) {
          if (Status s = stats.Read(options.feedback_stats, site->config.today); !s.ok()) {
            context = "--feedback-stats: ";
            return s;
          }
          site->feedback_summary = stats.SiteWide();
        }
        return Status::Ok();
      };
      stream.annotate = [&](Record* record) {
        if (!options.feedback_stats.empty()) record->feedback_summary = stats.Of(record->id);
        return options.git_history ? ReadRecordGitHistory(site_root, record) : Status::Ok();
      };
    }
    stream.progress = progress;
    stream.batch = options.stream_batch;
    SharedMemoryOutput memory(&result->output);
    OutputSink* sink = options.sink ? options.sink : &memory;
    Status status = StreamSite(disk, site_root, stream, sink, &result->site, &result->theme, &result->built,
                               &result->diagnostics);
    memory.Finish();
    if (show_progress) std::fprintf(err, "\r\033[K");
    if (!status.ok()) {
      std::fprintf(err, "lantern: error: %s%s\n", context, status.message().c_str());
      result->exit_code = kExitUsageOrSystem;
      result->output.clear();
      return;
    }
  } else {
    RunInMemory(disk, site_root, options, err, progress, result);
    if (result->exit_code == kExitUsageOrSystem) return;
  }
  result->diagnostics.ReadNamedSources();  // kept in the result, for the preview's banner
  Report(report, err, start, result);
}

}  // namespace lantern
