#include "server/live_server.h"

#include <chrono>

namespace lantern::testing {

LiveServer::LiveServer(RateLimiter::Limits limits, bool live_reload, EventStreamLimits streams,
                       const std::string& db_path, FeedbackStore::Options store_options)
    : fixture_("http://127.0.0.1:0", limits, "", live_reload, db_path, store_options) {
  server_ = std::make_unique<HttpServer>(fixture_.app.get(), live_reload, streams);
  port_ = server_->Bind("127.0.0.1", 0).value();
  GuardConfig guards;
  guards.origins = {"http://127.0.0.1:" + std::to_string(port_)};
  fixture_.app->SetGuards(guards);
  thread_ = std::thread([this] { server_->Run(); });
  while (!server_->IsRunning()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

LiveServer::~LiveServer() {
  server_->Stop();
  thread_.join();
}

void LiveServer::ServeFiles(std::shared_ptr<const StaticSite> files, const std::string& build_errors) {
  auto current = fixture_.app->site();
  auto snapshot = std::make_shared<SiteSnapshot>();
  snapshot->site = current->site;
  snapshot->theme = current->theme;
  snapshot->not_found_html = current->not_found_html;
  snapshot->files = std::move(files);
  snapshot->build_errors = build_errors;
  snapshot->version = current->version + 1;
  fixture_.app->SetSite(snapshot);
}

}  // namespace lantern::testing
