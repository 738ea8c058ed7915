// `lantern serve`: the preview server (build in memory, watch, rebuild, live
// reload) and, with --production, a built folder plus the feedback endpoint.
#ifndef LANTERN_CLI_SERVE_COMMAND_H_
#define LANTERN_CLI_SERVE_COMMAND_H_

#include <cstdio>
#include <memory>
#include <string>

#include "cli/site_pipeline.h"
#include "server/app.h"

namespace lantern {

struct ServeOptions {
  std::string site;        // empty: the current folder if it holds site.yaml, else the example site built in
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string db;          // default: $XDG_STATE_HOME/lantern/feedback.db (preview only)
  // The form token key file (default: the --db path + ".key"). Required with a
  // postgresql:// --db: servers sharing a database must share one key, or a
  // form issued by one is refused by another.
  std::string form_key;
  std::string production;  // a built folder to serve instead of building in memory
  std::string proxy = "127.0.0.1";  // production: the reverse proxy whose X-Real-IP is believed
  int max_posts_per_hour = 300;     // the global ceiling on form submissions (R6)
  bool drafts = false;
  // smtp://host:port (STARTTLS when offered) or smtps://host:port: email each
  // submission to staff and a receipt to the resident. Credentials come only
  // from LANTERN_SMTP_USER and LANTERN_SMTP_PASSWORD.
  std::string smtp;
};
int RunServe(const ServeOptions& options, std::FILE* out, std::FILE* err);

// Builds a snapshot from a pipeline result (tests use it to serve a site in memory).
// Takes the result's site, theme and output: they are moved, not copied.
std::shared_ptr<SiteSnapshot> SnapshotFromPipeline(PipelineResult& result, long long version);

}  // namespace lantern

#endif  // LANTERN_CLI_SERVE_COMMAND_H_
