// `lantern serve` as a process: the address it prints, live reload after an
// edit, a failed rebuild shown in the page, a clean stop on SIGTERM, and the
// server crash test (SIGKILL under load, 20 rounds, nothing acknowledged lost).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "feedback/store.h"
#include "server/raw_http.h"
#include "server/server_fixture.h"
#include "testing/serve_process.h"
#include "testing/pg_server.h"
#include "testing/test_support.h"

namespace lantern {
namespace {
namespace fs = std::filesystem;
using testing::HttpExchange;
using testing::RawResponse;
using testing::ServeProcess;

// Replaces a file in one step, as an editor that saves atomically does.
void ReplaceFile(const std::string& path, const std::string& bytes) {
  const std::string temporary = fs::path(path).parent_path().string() + "/.saving";
  testing::WriteFile(temporary, bytes);
  fs::rename(temporary, path);
}

// With the preview's own Host: any other name is refused (421).
std::string Get(int port, const std::string& path) {
  return HttpExchange(port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n\r\n").raw;
}

// Opens the preview's live-reload event stream (reads time out after 15 s).
int OpenEvents(int port, const std::string& host) {
  return testing::HttpOpen(port, "GET /__lantern/events HTTP/1.1\r\nHost: " + host + ":" + std::to_string(port) + "\r\n\r\n", 15);
}

// Reads an event stream until `marker` arrives or 15 seconds pass.
std::string ReadEventsUntil(int events, const std::string& marker) {
  std::string text;
  char buffer[1024];
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (text.find(marker) == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    const ssize_t n = recv(events, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    text.append(buffer, n);
  }
  return text;
}

TEST(ServeTest, ExampleSiteIsServedWithoutASiteArgument) {
  testing::TempDir temp;
  ServeProcess serve({"--port", "0", "--db", temp.path() + "/f.db"});
  ASSERT_GT(serve.port(), 0);
  EXPECT_NE(std::string::npos, Get(serve.port(), "/").find("Example Borough Council"));
  EXPECT_NE(std::string::npos, Get(serve.port(), "/__lantern/reload.js").find("EventSource"));
  const int status = serve.Signal(SIGTERM);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(0, WEXITSTATUS(status));
  EXPECT_NE(std::string::npos, serve.ReadAll().find("Stopped."));
}

TEST(ServeTest, CurrentFolderIsServedWhenItIsASite) {
  testing::TempDir temp;
  testing::WriteTree(temp.path(), testing::ReadTree(testing::SourceDir() + "/tests/golden/sites/basic/input"));
  ServeProcess serve({"--port", "0", "--db", temp.path() + "-serve.db"}, temp.path());
  ASSERT_GT(serve.port(), 0);
  EXPECT_NE(std::string::npos, Get(serve.port(), "/").find("Test Borough Council"));
  serve.Signal(SIGTERM);
  for (const char* suffix : {"", "-wal", "-shm", ".key", ".lock"}) {
    fs::remove(temp.path() + "-serve.db" + suffix);
  }
}

TEST(ServeTest, LiveReloadFiresAfterAnEditAndAFailedRebuildKeepsTheLastGoodSite) {
  testing::TempDir temp;
  const std::string site = temp.path() + "/site";
  testing::WriteTree(site, testing::ReadTree(testing::SourceDir() + "/tests/golden/sites/basic/input"));
  ServeProcess serve({site, "--port", "0", "--db", temp.path() + "/f.db"});
  ASSERT_GT(serve.port(), 0);
  const std::string page = Get(serve.port(), "/pages/about/");
  EXPECT_NE(std::string::npos, page.find("<script src=\"/__lantern/reload.js\" defer></script>"));
  const int events = OpenEvents(serve.port(), "localhost");
  ASSERT_GE(events, 0);
  auto read_until = [&](const std::string& marker) { return ReadEventsUntil(events, marker); };
  EXPECT_NE(std::string::npos, read_until("data: 1\n").find("text/event-stream"));
  std::string about = testing::ReadFileOrEmpty(site + "/pages/about.md");
  ReplaceFile(site + "/pages/about.md", about + "\nA sentence added while the preview runs.\n");
  EXPECT_NE(std::string::npos, read_until("data: 2\n").find("data: 2"));
  EXPECT_NE(std::string::npos, Get(serve.port(), "/pages/about/").find("A sentence added while the preview runs."));
  // A broken record: the last good site stays, with the diagnostics on the page.
  ReplaceFile(site + "/records/bin-check.yaml", "schema_version: [unclosed\n");
  EXPECT_NE(std::string::npos, read_until("data: 3\n").find("data: 3"));
  const std::string shown = Get(serve.port(), "/pages/about/");
  EXPECT_NE(std::string::npos, shown.find("lantern-build-errors"));
  EXPECT_NE(std::string::npos, shown.find("records/bin-check.yaml:1:17: error:"));
  EXPECT_NE(std::string::npos, shown.find("A sentence added while the preview runs."));
  close(events);
  EXPECT_TRUE(WIFEXITED(serve.Signal(SIGINT)));
  // The reload script is never part of a build.
  testing::RunResult build = testing::RunLantern("build '" + testing::SourceDir() + "/tests/golden/sites/basic/input' -o '" +
                                                 temp.path() + "/out'");
  ASSERT_EQ(0, build.exit_code) << build.output;
  for (const auto& [path, bytes] : testing::ReadTree(temp.path() + "/out")) {
    EXPECT_EQ(std::string::npos, bytes.find("__lantern")) << path;
  }
}

// The preview of a copy of the basic golden site (at an absolute path, which
// no page may show), with its live-reload stream open once the first build
// is served.
class BasicSitePreviewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::WriteTree(site_, testing::ReadTree(testing::SourceDir() + "/tests/golden/sites/basic/input"));
  }
  void TearDown() override {
    if (events_ >= 0) close(events_);
    if (serve_) serve_->Signal(SIGTERM);
  }
  // Starts the preview and waits for its first build; a test ASSERTs it.
  bool Start() {
    serve_ = std::make_unique<ServeProcess>(std::vector<std::string>{site_, "--port", "0", "--db", temp_.path() + "/f.db"});
    if (serve_->port() <= 0) return false;
    events_ = OpenEvents(serve_->port(), "127.0.0.1");
    return events_ >= 0 && WaitForBuild(1);
  }
  // Waits for the live-reload event of build number `n`.
  bool WaitForBuild(int n) {
    const std::string marker = "data: " + std::to_string(n) + "\n";
    return ReadEventsUntil(events_, marker).find(marker) != std::string::npos;
  }
  std::string Get(const std::string& path) const { return ::lantern::Get(serve_->port(), path); }

  testing::TempDir temp_;
  const std::string site_ = temp_.path() + "/site";
  std::unique_ptr<ServeProcess> serve_;
  int events_ = -1;
};

// The preview keeps records.json and records.csv as their parts and joins
// them when asked: the bytes are the build's, after an edit too.
TEST_F(BasicSitePreviewTest, TheOpenDataFilesAreTheBuildsBytesAfterAnEdit) {
  ASSERT_TRUE(Start());
  auto expect_built = [&](const std::string& step) {
    SCOPED_TRACE(step);
    testing::RunResult build = testing::RunLantern("build '" + site_ + "' -o '" + temp_.path() + "/out'");
    ASSERT_EQ(0, build.exit_code) << build.output;
    for (const char* file : {"records.json", "records.csv"}) {
      const std::string built = testing::ReadFileOrEmpty(temp_.path() + "/out/" + file);
      ASSERT_GT(built.size(), 100u) << file;
      const std::string served = Get(std::string("/") + file);
      ASSERT_NE(std::string::npos, served.find("\r\n\r\n")) << file;
      EXPECT_EQ(built, served.substr(served.find("\r\n\r\n") + 4)) << file;
    }
  };
  expect_built("first build");
  const std::string record = testing::ReadFileOrEmpty(site_ + "/records/bin-check.yaml");
  ASSERT_NE(std::string::npos, record.find("\n  name: "));
  ReplaceFile(site_ + "/records/bin-check.yaml",
              testing::ReplaceOnce(record, "\n  name: ", "\n  name: Renamed while serving, "));
  ASSERT_TRUE(WaitForBuild(2));
  expect_built("after an edit");
  EXPECT_NE(std::string::npos, Get("/records.json").find("Renamed while serving"));
}

// Issue 9: a record linked to a file outside the site is shown as an error in
// the banner, with a path inside the site, and not one byte of the file.
TEST_F(BasicSitePreviewTest, BannerShowsSiteRelativePathsAndNothingFromOutsideTheSite) {
  testing::WriteFile(temp_.path() + "/private/secret.yaml", "title: BANNER-SECRET-7731\nsummary: [\n");
  ASSERT_TRUE(Start());
  fs::create_symlink(temp_.path() + "/private/secret.yaml", site_ + "/records/leak.yaml");
  ASSERT_TRUE(WaitForBuild(2));
  const std::string shown = Get("/");
  EXPECT_NE(std::string::npos, shown.find("lantern-build-errors"));
  EXPECT_NE(std::string::npos, shown.find("records/leak.yaml: error: a symbolic link that leads outside the site folder"))
      << shown;
  EXPECT_EQ(std::string::npos, shown.find("BANNER-SECRET-7731"));
  EXPECT_EQ(std::string::npos, shown.find(temp_.path()));
}

// The preview keeps what it parsed and rendered between rebuilds: a record
// edited to invalid YAML keeps the last good site with the banner (the other
// records' pages come from the caches), and the fix shows the edited record
// without the banner.
TEST_F(BasicSitePreviewTest, AnEditedRecordThatBreaksAndIsFixedIsShownThroughTheCaches) {
  ASSERT_TRUE(Start());
  const std::string good = testing::ReadFileOrEmpty(site_ + "/records/bin-check.yaml");
  ReplaceFile(site_ + "/records/bin-check.yaml",
              testing::ReplaceOnce(good, "  name: Larger bin check", "  name: Larger bin check, edited once"));
  ASSERT_TRUE(WaitForBuild(2));
  EXPECT_NE(std::string::npos, Get("/records/bin-check/").find("Larger bin check, edited once"));
  ReplaceFile(site_ + "/records/bin-check.yaml", "summary: [unclosed\n" + good);
  ASSERT_TRUE(WaitForBuild(3));
  std::string shown = Get("/records/bin-check/");
  EXPECT_NE(std::string::npos, shown.find("lantern-build-errors"));
  EXPECT_NE(std::string::npos, shown.find("records/bin-check.yaml:1:"));
  EXPECT_NE(std::string::npos, shown.find("Larger bin check, edited once"));  // the last good build
  ReplaceFile(site_ + "/records/bin-check.yaml",
              testing::ReplaceOnce(good, "  name: Larger bin check", "  name: Larger bin check, fixed"));
  ASSERT_TRUE(WaitForBuild(4));
  shown = Get("/records/bin-check/");
  EXPECT_EQ(std::string::npos, shown.find("lantern-build-errors"));
  EXPECT_NE(std::string::npos, shown.find("Larger bin check, fixed"));
  EXPECT_NE(std::string::npos, Get("/records/rent-arrears-early-help/").find("200 OK"));
}

// DNS rebinding: the preview answers only its own Host, as the real binary runs.
TEST(ServeTest, PreviewRefusesAnotherHostAndARequestWithoutOne) {
  testing::TempDir temp;
  ServeProcess serve({"--port", "0", "--db", temp.path() + "/f.db"});
  ASSERT_GT(serve.port(), 0);
  const std::string port = std::to_string(serve.port());
  auto status_with = [&](const std::string& host_line) {
    return HttpExchange(serve.port(), "GET / HTTP/1.1\r\n" + host_line + "\r\n").status;
  };
  EXPECT_EQ(200, status_with("Host: 127.0.0.1:" + port + "\r\n"));
  EXPECT_EQ(200, status_with("Host: localhost:" + port + "\r\n"));
  EXPECT_EQ(200, status_with("Host: [::1]:" + port + "\r\n"));
  EXPECT_EQ(421, status_with("Host: attacker.example:" + port + "\r\n"));
  EXPECT_EQ(421, status_with("Host: x\r\n"));
  EXPECT_EQ(400, status_with(""));
  serve.Signal(SIGTERM);
}

TEST(ServeTest, ProductionServesTheBuiltFolderAndRefusesWithoutADatabase) {
  testing::TempDir temp;
  ASSERT_EQ(0, testing::RunLantern("build '" + testing::SourceDir() + "/content' -o '" + temp.path() + "/public'")
                   .exit_code);
  EXPECT_EQ(2, testing::RunLantern("serve --production '" + temp.path() + "/public' --port 0").exit_code);
  ServeProcess serve({"--production", temp.path() + "/public", "--db", temp.path() + "/f.db", "--port", "0"});
  ASSERT_GT(serve.port(), 0);
  const std::string home = Get(serve.port(), "/");
  EXPECT_NE(std::string::npos, home.find("200 OK"));
  EXPECT_EQ(std::string::npos, home.find("__lantern"));
  EXPECT_NE(std::string::npos, Get(serve.port(), "/__lantern/reload.js").find("404"));
  EXPECT_NE(std::string::npos, Get(serve.port(), "/feedback/larger-bin-check").find("name=\"token\""));
  // Behind nginx (proxy_set_header Host $host) the public name arrives: answered.
  EXPECT_EQ(200, HttpExchange(serve.port(), "GET / HTTP/1.1\r\nHost: ai.example.gov.uk\r\n\r\n").status);
}

// DB11: four clients submit while the server is killed with SIGKILL once the
// round has acknowledged a random number of submissions (a condition, never a
// sleep); after each restart every reference a client was shown is stored
// exactly once and the database is intact. Fewer rounds under the sanitizers.
// `db` is a file path or a postgresql:// URI; `extra` more serve arguments.
void CrashLosesNoAcknowledgedSubmission(const std::string& db, const std::vector<std::string>& extra, int rounds) {
  testing::TempDir temp;
  ASSERT_EQ(0, testing::RunLantern("build '" + testing::SourceDir() + "/content' -o '" + temp.path() + "/public'")
                   .exit_code);
  std::set<std::string> acknowledged;
  std::mt19937 random(4242);
  for (int round = 0; round < rounds; ++round) {
    std::vector<std::string> arguments = {"--production", temp.path() + "/public", "--db", db, "--port", "0"};
    arguments.insert(arguments.end(), extra.begin(), extra.end());
    ServeProcess serve(arguments);
    ASSERT_GT(serve.port(), 0) << "round " << round;
    std::mutex mutex;
    std::condition_variable acknowledged_more;
    size_t this_round = 0;
    std::atomic<bool> stop{false};
    std::vector<std::thread> clients;
    for (int c = 0; c < 4; ++c) {
      clients.emplace_back([&, c] {
        for (int i = 0; !stop; ++i) {
          RawResponse form = HttpExchange(serve.port(), "GET /feedback/larger-bin-check HTTP/1.1\r\nHost: x\r\n\r\n", 5);
          const std::string token = testing::TokenIn(form.body);
          if (token.empty()) continue;
          const std::string body = "token=" + testing::FormEncode(token) +
                                   "&tool=larger-bin-check&request_type=objection&confirm=yes&email=a%40b.org&message=round+" +
                                   std::to_string(round) + "+client+" + std::to_string(c) + "+n+" + std::to_string(i);
          // A different address per request, as the proxy would report it, so rate limits stay out of the way.
          RawResponse sent = HttpExchange(
              serve.port(),
              "POST /feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nX-Real-IP: 10." +
                  std::to_string(round) + "." + std::to_string(c) + "." + std::to_string(i % 250) +
                  "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body,
              5);
          const std::string location = sent.Header("Location");
          if (sent.status == 303 && location.size() > 8) {
            std::lock_guard<std::mutex> lock(mutex);
            acknowledged.insert(location.substr(location.size() - 8));
            ++this_round;
            acknowledged_more.notify_all();
          }
        }
      });
    }
    const size_t wanted = 2 + random() % 10;
    {
      std::unique_lock<std::mutex> lock(mutex);
      // Generous: the wait ends as soon as the condition holds.
      acknowledged_more.wait_for(lock, std::chrono::seconds(90), [&] { return this_round >= wanted; });
    }
    serve.Signal(SIGKILL);  // while the clients are still sending
    stop = true;
    for (auto& client : clients) client.join();
    ASSERT_GE(this_round, wanted) << "round " << round << ": the server acknowledged too little before the kill";
    auto store = FeedbackStore::Open(db, FeedbackStore::Mode::kReadOnly);
    ASSERT_TRUE(store.ok()) << store.status().message();
    ASSERT_EQ("ok", store.value()->IntegrityCheck().value());
    const auto rows = store.value()->List("").value();
    std::multiset<std::string> stored;
    for (const auto& row : rows) stored.insert(row.reference);
    for (const std::string& reference : acknowledged) {
      ASSERT_EQ(1u, stored.count(reference)) << "round " << round << ": " << reference;
    }
  }
  std::printf("crash test: %d rounds, %zu acknowledged submissions, all present\n", rounds, acknowledged.size());
}

TEST(ServeTest, ServerCrashLosesNoAcknowledgedSubmission) {
  testing::TempDir temp;
  CrashLosesNoAcknowledgedSubmission(temp.path() + "/f.db", {}, testing::ScaledRounds(20));
}

// DB11 on PostgreSQL: the same promise when the store is a database on another
// server (here a throwaway one); the form key is a file of its own.
TEST(ServeTest, ServerCrashLosesNoAcknowledgedSubmissionToPostgres) {
  testing::TempDir temp;
  CrashLosesNoAcknowledgedSubmission(testing::PgServer::Shared().NewDatabase(),
                                     {"--form-key", temp.path() + "/form.key"}, testing::ScaledRounds(8));
}

}  // namespace
}  // namespace lantern

namespace lantern {
namespace {

// The staff commands go through the store interface, so they work on a
// PostgreSQL --db as on a file; and serve asks for a shared form key.
TEST(ServeTest, StaffCommandsWorkOnPostgresAndServeNeedsAFormKey) {
  const std::string uri = testing::PgServer::Shared().NewDatabase();
  std::string reference;
  {
    auto store = FeedbackStore::Open(uri, FeedbackStore::Mode::kCreate);
    ASSERT_TRUE(store.ok()) << store.status().message();
    Submission s;
    s.request_type = "objection";
    s.message = "Stop using my data";
    reference = store.value()->Insert(s, 1795000000).value().reference;
  }
  const testing::RunResult list = testing::RunLantern("feedback list --db '" + uri + "'");
  EXPECT_EQ(0, list.exit_code) << list.output;
  EXPECT_NE(std::string::npos, list.output.find(reference)) << list.output;
  const testing::RunResult mark =
      testing::RunLantern("feedback mark --db '" + uri + "' " + reference + " acknowledged --note 'letter sent'");
  EXPECT_EQ(0, mark.exit_code) << mark.output;
  const testing::RunResult show = testing::RunLantern("feedback show --db '" + uri + "' " + reference);
  EXPECT_EQ(0, show.exit_code) << show.output;
  EXPECT_NE(std::string::npos, show.output.find("letter sent")) << show.output;
  const testing::RunResult stats = testing::RunLantern("feedback stats --db '" + uri + "'");
  EXPECT_EQ(0, stats.exit_code) << stats.output;
  testing::TempDir temp;
  const testing::RunResult serve = testing::RunLantern("serve --production '" + temp.path() + "' --db '" + uri + "'");
  EXPECT_NE(0, serve.exit_code);
  EXPECT_NE(std::string::npos, serve.output.find("--form-key")) << serve.output;
}

}  // namespace
}  // namespace lantern
