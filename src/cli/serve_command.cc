#include "cli/serve_command.h"

#include <malloc.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <limits>
#include <memory>
#include <filesystem>
#include <thread>

#include "base/file_system.h"
#include "cli/cli.h"
#include "cli/site_watcher.h"
#include "feedback/store.h"
#include "notify/curl_transport.h"
#include "server/delivery_worker.h"
#include "server/http_server.h"

namespace lantern {
namespace fs = std::filesystem;
namespace {

// The preview makes the same tens of megabytes again on every edit
// (records.json alone is ~19 KB a record). glibc would hand each large block
// back to the kernel when freed and take it again, zeroed, page by page on
// the next rebuild: at 2,000 records that costs more than joining the files
// does. Keeping freed memory in the heap (no trimming, large blocks from the
// heap rather than their own mappings) makes a rebuild reuse the last one's
// pages. The server's memory stays at its high-water mark, which every
// rebuild reaches anyway. mallopt fails only outside glibc's limits, and then
// the preview is as it was.
void KeepFreedMemoryForRebuilds() {
  mallopt(M_TRIM_THRESHOLD, std::numeric_limits<int>::max());
  mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);  // glibc's largest (DEFAULT_MMAP_THRESHOLD_MAX on 64-bit)
}

std::string DefaultDatabase() {
  const char* state = std::getenv("XDG_STATE_HOME");
  const char* home = std::getenv("HOME");
  std::string folder = state && *state ? std::string(state) : std::string(home ? home : ".") + "/.local/state";
  return folder + "/lantern/feedback.db";
}

std::string SiteLabel(const ServeOptions& options) {
  return options.site.empty() ? "the example site (built into lantern)" : options.site;
}

void Build(const ServeOptions& options, std::FILE* err, PipelineResult* result, PreviewCache* cache = nullptr) {
  PipelineOptions pipeline;
  pipeline.include_drafts = options.drafts;
  pipeline.cache = cache;
  pipeline.keep_parts = true;  // records.json and records.csv joined when asked for (MemoryStaticSite)
  if (options.site.empty()) {
    RunPipelineOn(EmbeddedFiles(), "content", pipeline, err, result);
  } else {
    RunPipeline(options.site, pipeline, err, result);
  }
}

}  // namespace

std::shared_ptr<SiteSnapshot> SnapshotFromPipeline(PipelineResult& result, long long version) {
  auto snapshot = std::make_shared<SiteSnapshot>();
  // Moved, not copied, like the output: at thousands of records a copy of the
  // site would add to each rebuild's wait.
  snapshot->site = std::move(result.site);
  snapshot->theme = std::move(result.theme);
  AddFormEditions(snapshot.get(), result.edition_themes);
  auto tree = std::make_shared<const SharedOutputTree>(std::move(result.output));
  if (auto it = tree->find("404.html"); it != tree->end()) snapshot->not_found_html = *it->second;
  snapshot->files =
      std::make_shared<MemoryStaticSite>(tree, std::make_shared<const SharedPartsTree>(std::move(result.output_parts)));
  snapshot->version = version;
  return snapshot;
}

int RunServe(const ServeOptions& given, std::FILE* out, std::FILE* err) {
  ServeOptions options = given;
  // Like the other commands, the current folder is the site when it is one;
  // anywhere else, the example site built into lantern.
  std::error_code exists_error;
  if (options.site.empty() && fs::exists("site.yaml", exists_error)) options.site = ".";
  const bool production = !options.production.empty();
  if (options.port < 0 || options.port > 65535) {
    std::fprintf(err, "lantern: error: --port must be between 0 and 65535\n");
    return kExitUsageOrSystem;
  }
  if (!production) KeepFreedMemoryForRebuilds();
  // The watch starts before the first build reads the site: a file changed
  // while it builds (or before the watcher's thread runs, on a busy machine)
  // is a change the watcher sees, never one the first fingerprint already holds.
  std::unique_ptr<SiteWatcher> changes;
  if (!production && !options.site.empty()) changes = std::make_unique<SiteWatcher>(options.site);
  // Kept by the watcher from one rebuild to the next; the first build fills it.
  PreviewCache cache;
  PipelineResult built;
  Build(options, err, &built, production ? nullptr : &cache);
  if (built.exit_code != kExitOk) {
    std::fprintf(err, "serve: the site has errors; fix them and run lantern serve again\n");
    return built.exit_code;
  }
  long long version = 1;
  std::shared_ptr<SiteSnapshot> snapshot;
  if (production) {
    std::string error;
    std::unique_ptr<DiskStaticSite> files = DiskStaticSite::Open(options.production, &error);
    if (!files) {
      std::fprintf(err, "lantern: error: %s\n", error.c_str());
      return kExitUsageOrSystem;
    }
    snapshot = std::make_shared<SiteSnapshot>();
    snapshot->site = built.site;
    snapshot->theme = built.theme;
    AddFormEditions(snapshot.get(), built.edition_themes);
    snapshot->not_found_html = built.output.count("404.html") ? *built.output["404.html"] : "";
    snapshot->files = std::move(files);
  } else {
    snapshot = SnapshotFromPipeline(built, version);
  }

  if (production && options.db.empty()) {
    std::fprintf(err, "lantern: error: --production needs --db PATH (outside the served folder)\n");
    return kExitUsageOrSystem;
  }
  const std::string db = options.db.empty() ? DefaultDatabase() : options.db;
  if (FeedbackStore::IsDatabaseUri(db) && options.form_key.empty()) {
    std::fprintf(err, "lantern: error: a postgresql:// --db needs --form-key PATH (the same key file on every "
                      "server sharing the database)\n");
    return kExitUsageOrSystem;
  }
  const SiteConfig& site_config = snapshot->site.config;
  DeliveryWorkerConfig delivery;
  if (!options.smtp.empty()) {
    if (Status s = CheckSmtpUrl(options.smtp); !s.ok()) {
      std::fprintf(err, "lantern: error: --smtp: %s\n", s.message().c_str());
      return kExitUsageOrSystem;
    }
    delivery.email = true;
    delivery.smtp.url = options.smtp;
    // Never from site.yaml: the site folder is published and kept in git.
    if (const char* user = std::getenv("LANTERN_SMTP_USER")) delivery.smtp.user = user;
    if (const char* password = std::getenv("LANTERN_SMTP_PASSWORD")) delivery.smtp.password = password;
  } else if (!site_config.notify.email.empty()) {
    std::fprintf(err, "lantern: warning: site.yaml has feedback.notify.email but there is no --smtp, so nobody is "
                      "emailed; submissions are only stored\n");
  }
  if (!site_config.notify.webhook.empty()) {
    const char* secret = std::getenv("LANTERN_WEBHOOK_SECRET");
    if (!secret || std::string(secret).size() < 16) {
      std::fprintf(err, "lantern: error: site.yaml has feedback.notify.webhook, so LANTERN_WEBHOOK_SECRET must hold "
                        "the signing secret (16 characters or more) shared with the case system\n");
      return kExitUsageOrSystem;
    }
    if (Status s = CheckWebhookUrl(site_config.notify.webhook); !s.ok()) {
      std::fprintf(err, "lantern: error: feedback.notify.webhook: %s\n", s.message().c_str());
      return kExitUsageOrSystem;
    }
    delivery.webhook = true;
    delivery.webhook_secret = secret;
  }
  FeedbackStore::Options store_options;
  if (snapshot->site.config.retention_days > 0) store_options.retention_days = snapshot->site.config.retention_days;
  auto store = FeedbackStore::Open(db, FeedbackStore::Mode::kCreate, store_options);
  if (!store.ok()) {
    std::fprintf(err, "lantern: error: %s\n", store.status().message().c_str());
    return kExitUsageOrSystem;
  }
  auto signer = FormTokenSigner::FromKeyFile(options.form_key.empty() ? db + ".key" : options.form_key);
  if (!signer.ok()) {
    std::fprintf(err, "lantern: error: %s\n", signer.status().message().c_str());
    return kExitUsageOrSystem;
  }

  AppConfig config;
  config.live_reload = !production;
  config.limits.global_per_hour = options.max_posts_per_hour;
  if (production) config.trusted_proxy = options.proxy;
  config.log = [err](const std::string& line) {
    std::fprintf(err, "%s %s\n", FormatUtcTime(std::time(nullptr)).c_str(), line.c_str());
  };
  config.notify.email = delivery.email;
  config.notify.webhook = delivery.webhook;
  delivery.log = config.log;
  std::unique_ptr<DeliveryWorker> worker;
  // Set before the App exists, so a submission's wake-up always finds the worker.
  DeliveryWorker* worker_for_app = nullptr;
  config.on_queued = [&worker_for_app] {
    if (worker_for_app) worker_for_app->Wake();
  };
  App app(config, store.value().get(), signer.value(), [] { return static_cast<int64_t>(std::time(nullptr)); });
  app.SetSite(snapshot);
  // Always running: rows queued before a restart (or by a server that had
  // --smtp) are sent, or kept with the reason they cannot be.
  worker = std::make_unique<DeliveryWorker>(store.value().get(), delivery, [&app] { return app.site(); },
                                            [] { return static_cast<int64_t>(std::time(nullptr)); });
  worker_for_app = worker.get();
  HttpServer server(&app, !production);
  Result<int> port = server.Bind(options.host, options.port);
  if (!port.ok()) {
    std::fprintf(err, "lantern: error: %s\n", port.status().message().c_str());
    return kExitUsageOrSystem;
  }
  // Now that the port is known, the origins the form accepts (C1).
  AppConfig final_config = config;
  const std::string port_text = std::to_string(port.value());
  if (production) {
    // As browsers send it: "https://AI.Example.gov.uk:443/ai/" is "https://ai.example.gov.uk".
    final_config.guards.origins = {NormalizeOrigin(snapshot->site.config.base_url)};
  } else {
    final_config.guards.origins = {NormalizeOrigin("http://" + options.host + ":" + port_text),
                                   "http://localhost:" + port_text};
    // Only the preview's own names (DNS rebinding); production is behind a
    // proxy that has already matched the name.
    final_config.guards.hosts = {"127.0.0.1:" + port_text, "localhost:" + port_text, "[::1]:" + port_text,
                                 options.host + ":" + port_text};
    final_config.guards.host_port = port_text;
  }
  app.SetGuards(final_config.guards);

  // Signals are taken by one thread with sigwait, so that Ctrl-C stops cleanly.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::atomic<bool> stopping{false};
  std::thread signal_thread([&] {
    int signal_number = 0;
    sigwait(&signals, &signal_number);
    stopping = true;
    server.Stop();
  });

  std::thread watcher;
  if (changes) {
    watcher = std::thread([&] {
      while (changes->WaitForChange(stopping)) {
        const auto seen = std::chrono::steady_clock::now();
        PipelineResult rebuilt;
        Build(options, err, &rebuilt, &cache);
        std::shared_ptr<SiteSnapshot> next;
        if (rebuilt.exit_code == kExitOk) {
          next = SnapshotFromPipeline(rebuilt, ++version);
        } else {
          // Keep the last good site; show what is wrong on every page.
          std::shared_ptr<SiteSnapshot> good = app.site();
          next = std::make_shared<SiteSnapshot>();
          next->site = good->site;
          next->theme = good->theme;
          next->editions = good->editions;
          next->files = good->files;
          next->not_found_html = good->not_found_html;
          next->version = ++version;
          // Site-relative paths: the banner is a web page, not a terminal.
          next->build_errors = rebuilt.diagnostics.FormatWithin(options.site);
          if (next->build_errors.empty()) next->build_errors = "The site could not be loaded.";
          std::fprintf(err, "rebuild failed; still serving the last good build\n");
        }
        // The old site is freed after the reload is announced, not before:
        // freeing thousands of pages takes a while and need not be waited for.
        std::shared_ptr<SiteSnapshot> previous = app.site();
        const bool good = next->build_errors.empty();
        app.SetSite(std::move(next));
        server.NotifyReload();
        // The build's own time and the whole wait (the difference is the
        // snapshot and the swap), so that a slow preview can be told apart.
        if (good) {
          std::fprintf(err, "rebuilt in %.2f s (serving %.2f s after the change was seen)\n", rebuilt.seconds,
                       std::chrono::duration<double>(std::chrono::steady_clock::now() - seen).count());
        }
      }
    });
  }

  // Retention (P7): rows past their retain_until are deleted inside the server,
  // at start and then every hour, never by a second process (DB7).
  std::thread housekeeping([&] {
    for (int tick = 0; !stopping; ++tick) {
      if (tick % 7200 == 0) {
        auto purged = store.value()->PurgeExpired(std::time(nullptr));
        if (purged.ok() && purged.value() > 0) config.log("event=purge_expired count=" + std::to_string(purged.value()));
        if (!purged.ok()) config.log("event=purge_failed");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
  });

  std::fprintf(out, "Serving %s at http://%s:%s%s\n", SiteLabel(options).c_str(), options.host.c_str(),
               port_text.c_str(), snapshot->site.config.root_path.c_str());
  std::fprintf(out, "Feedback is stored in %s\n", store.value()->Describe().c_str());  // never a password
  if (delivery.email) std::fprintf(out, "Notifications are emailed through %s\n", options.smtp.c_str());
  worker->Start();
  std::fprintf(out, "%s Press Ctrl-C to stop.\n",
               production ? "Serving the built folder; no watching." : "Watching for changes.");
  std::fflush(out);
  server.Run();
  stopping = true;
  worker->Stop();
  if (watcher.joinable()) watcher.join();
  housekeeping.join();
  // If Run ended for another reason, wake the signal thread.
  pthread_kill(signal_thread.native_handle(), SIGTERM);
  signal_thread.join();
  std::fprintf(out, "Stopped.\n");
  return kExitOk;
}

}  // namespace lantern
