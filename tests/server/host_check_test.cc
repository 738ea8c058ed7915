// The preview answers only its own Host (DNS rebinding defence): the guard on
// its own, then the real server on a socket with raw requests.
#include <gtest/gtest.h>

#include <thread>

#include "server/guards.h"
#include "server/http_server.h"
#include "server/raw_http.h"
#include "server/server_fixture.h"

namespace lantern {
namespace {

GuardConfig PreviewGuards(const std::string& port) {
  GuardConfig guards;
  guards.origins = {"http://127.0.0.1:" + port};
  guards.hosts = {"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port, "preview.test:" + port};
  guards.host_port = port;
  return guards;
}

Request GetWithHost(const std::string& host) {
  Request request;
  request.method = "GET";
  request.version = "HTTP/1.1";
  request.target = request.path = "/";
  if (!host.empty()) request.headers.emplace("Host", host);
  return request;
}

TEST(HostGuardTest, PreviewAnswersOnlyItsOwnNamesAndAddresses) {
  const GuardConfig guards = PreviewGuards("8080");
  for (const char* host : {"127.0.0.1:8080", "localhost:8080", "LOCALHOST:8080", "[::1]:8080", "preview.test:8080",
                           "192.168.1.20:8080", "[fe80::1]:8080"}) {
    EXPECT_EQ(0, CheckRequest(GetWithHost(host), guards)) << host;
  }
  for (const char* host : {"evil.example:8080", "evil.example", "localhost", "localhost:8081", "127.0.0.1",
                           "localhost:8080.evil.example", "127.0.0.1.evil.example:8080", "256.0.0.1:8080",
                           "1.2.3:8080", "[evil]:8080", "", " localhost:8080"}) {
    EXPECT_EQ(std::string(host).empty() ? 400 : 421, CheckRequest(GetWithHost(host), guards)) << host;
  }
  Request two = GetWithHost("localhost:8080");
  two.headers.emplace("Host", "evil.example:8080");
  EXPECT_EQ(400, CheckRequest(two, guards));
  // HTTP/1.0 may leave Host out, but the preview still wants its own.
  Request old = GetWithHost("");
  old.version = "HTTP/1.0";
  EXPECT_EQ(421, CheckRequest(old, guards));
}

TEST(HostGuardTest, ProductionAnswersAnyHostTheProxySendsButHttp11NeedsOne) {
  GuardConfig production;
  production.origins = {"https://ai.example.gov.uk"};
  EXPECT_EQ(0, CheckRequest(GetWithHost("ai.example.gov.uk"), production));
  EXPECT_EQ(0, CheckRequest(GetWithHost("anything.example"), production));
  EXPECT_EQ(400, CheckRequest(GetWithHost(""), production));
  Request old = GetWithHost("");
  old.version = "HTTP/1.0";
  EXPECT_EQ(0, CheckRequest(old, production));
}

// The real server over the golden site, with the preview's Host list.
class HostServer {
 public:
  HostServer() : fixture_("http://127.0.0.1:0") {
    server_ = std::make_unique<HttpServer>(fixture_.app.get(), true);
    port_ = server_->Bind("127.0.0.1", 0).value();
    fixture_.app->SetGuards(PreviewGuards(std::to_string(port_)));
    thread_ = std::thread([this] { server_->Run(); });
    while (!server_->IsRunning()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~HostServer() {
    server_->Stop();
    thread_.join();
  }
  testing::RawResponse Get(const std::string& target, const std::string& host_line) {
    return testing::HttpExchange(port_, "GET " + target + " HTTP/1.1\r\n" + host_line + "\r\n");
  }
  std::string port() const { return std::to_string(port_); }

 private:
  testing::TestServerApp fixture_;
  std::unique_ptr<HttpServer> server_;
  int port_ = 0;
  std::thread thread_;
};

TEST(HostSocketTest, ARebindingNameGets421AndEchoesNothing) {
  HostServer server;
  EXPECT_EQ(200, server.Get("/", "Host: 127.0.0.1:" + server.port() + "\r\n").status);
  EXPECT_EQ(200, server.Get("/", "Host: localhost:" + server.port() + "\r\n").status);
  const testing::RawResponse evil =
      server.Get("/records/?q=marker-in-query", "Host: rebind-marker.evil.example:" + server.port() + "\r\n");
  EXPECT_EQ(421, evil.status) << evil.head;
  EXPECT_NE(std::string::npos, evil.body.find("only answers at its own address")) << evil.body;
  EXPECT_EQ(std::string::npos, evil.raw.find("rebind-marker"));
  EXPECT_EQ(std::string::npos, evil.raw.find("marker-in-query"));
  // Not even the reload events or a form page.
  EXPECT_EQ(421, server.Get("/__lantern/events", "Host: evil.example:" + server.port() + "\r\n").status);
  EXPECT_EQ(421, server.Get("/feedback/bin-check", "Host: evil.example:" + server.port() + "\r\n").status);
  EXPECT_EQ(400, server.Get("/", "").status);
}

}  // namespace
}  // namespace lantern
