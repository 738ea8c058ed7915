#include "server/server_fixture.h"

#include <cstdio>

#include "cli/serve_command.h"
#include "cli/site_pipeline.h"
#include "testing/test_support.h"

namespace lantern::testing {

TestServerApp::TestServerApp(const std::string& origin, RateLimiter::Limits limits, const std::string& trusted_proxy,
                             bool live_reload, const std::string& db_path, FeedbackStore::Options store_options,
                             const std::string& golden_site) {
  store = std::move(FeedbackStore::Open(db_path, FeedbackStore::Mode::kCreate, store_options).value());
  PipelineResult built;
  std::FILE* quiet = std::fopen("/dev/null", "w");
  RunPipeline(SourceDir() + "/tests/golden/sites/" + golden_site + "/input", PipelineOptions{}, quiet, &built);
  std::fclose(quiet);
  AppConfig config;
  config.guards.origins = {origin};
  config.limits = limits;
  config.trusted_proxy = trusted_proxy;
  config.live_reload = live_reload;
  config.log = [this](const std::string& line) {
    std::lock_guard<std::mutex> lock(log_mutex_);
    log_.push_back(line);
  };
  auto clock = now;
  app = std::make_unique<App>(config, store.get(), FormTokenSigner(std::string(32, 'k')),
                              [clock] { return clock->load(); });
  app->SetSite(SnapshotFromPipeline(built, 1));
}

std::vector<std::string> TestServerApp::Log() const {
  std::lock_guard<std::mutex> lock(log_mutex_);
  return log_;
}

Response TestServerApp::Get(const std::string& target, std::map<std::string, std::string> headers) {
  Request request;
  request.method = "GET";
  request.target = target;
  request.path = target.substr(0, target.find('?'));
  request.remote_addr = "127.0.0.1";
  for (auto& [name, value] : headers) request.headers.emplace(name, value);
  return app->HandleRequest(request);
}

Response TestServerApp::Post(const std::string& body, std::map<std::string, std::string> headers,
                             const std::string& remote) {
  Request request;
  request.method = "POST";
  request.target = request.path = "/feedback";
  request.remote_addr = remote;
  request.body = body;
  headers.emplace("Content-Type", "application/x-www-form-urlencoded");
  headers.emplace("Content-Length", std::to_string(body.size()));
  headers.emplace("Sec-Fetch-Site", "same-origin");
  for (auto& [name, value] : headers) {
    if (!value.empty()) request.headers.emplace(name, value);
  }
  return app->HandleRequest(request);
}

RateLimiter::Limits Generous() {
  RateLimiter::Limits limits;
  limits.per_client_short = limits.per_client_day = limits.global_per_hour = 1000;
  return limits;
}

std::string TestServerApp::Token(const std::string& record) { return TokenIn(Get("/feedback/" + record).body); }

std::vector<StoredSubmission> TestServerApp::Rows() const { return store->List("").value(); }

std::string FormEncode(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string TokenIn(const std::string& html) {
  const std::string marker = "name=\"token\" value=\"";
  const size_t at = html.find(marker);
  if (at == std::string::npos) return "";
  const size_t start = at + marker.size();
  return html.substr(start, html.find('"', start) - start);
}

std::string HeaderOf(const Response& response, const std::string& name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return "";
}

std::string BodyOf(const Response& response) {
  if (!response.file) return response.body;
  Result<std::string> bytes = response.file->Read(0, response.file->length);
  return bytes.ok() ? bytes.value() : "<unreadable: " + bytes.status().message() + ">";
}

}  // namespace lantern::testing
