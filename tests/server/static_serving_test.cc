// Static files as the server sends them: validators and ranges of the bytes
// actually sent (the preview's decorated pages included), site-relative
// redirects only, and large files streamed from disk without being held in
// memory.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "server/live_server.h"
#include "testing/test_support.h"

namespace lantern {
namespace {
using testing::BodyOf;
using testing::HeaderOf;
using testing::LiveServer;
using testing::RawResponse;
using testing::TestServerApp;

// The fixture's site again, as after a rebuild that failed with `errors`.
void FailRebuild(TestServerApp& t, const std::string& errors) {
  auto current = t.app->site();
  auto snapshot = std::make_shared<SiteSnapshot>();
  snapshot->site = current->site;
  snapshot->theme = current->theme;
  snapshot->files = current->files;
  snapshot->not_found_html = current->not_found_html;
  snapshot->build_errors = errors;
  snapshot->version = current->version + 1;
  t.app->SetSite(snapshot);
}

TEST(StaticServingTest, FailedRebuildChangesThePreviewEtagSoTheBannerShows) {
  TestServerApp t("http://127.0.0.1:8080", RateLimiter::Limits(), "", /*live_reload=*/true);
  Response before = t.Get("/");
  const std::string old_etag = HeaderOf(before, "ETag");
  ASSERT_FALSE(old_etag.empty());
  EXPECT_EQ(ContentEtag(before.body), old_etag);  // the ETag of the decorated page, not of the file
  EXPECT_EQ(304, t.Get("/", {{"If-None-Match", old_etag}}).status);
  FailRebuild(t, "records/bin-check.yaml:3:1: error: boom");
  Response after = t.Get("/", {{"If-None-Match", old_etag}});
  EXPECT_EQ(200, after.status);
  EXPECT_NE(std::string::npos, after.body.find("lantern-build-errors"));
  EXPECT_NE(std::string::npos, after.body.find("boom"));
  const std::string new_etag = HeaderOf(after, "ETag");
  EXPECT_NE(old_etag, new_etag);
  EXPECT_EQ(ContentEtag(after.body), new_etag);
  EXPECT_EQ(304, t.Get("/", {{"If-None-Match", new_etag}}).status);
  // Fixed again: the banner goes, and so does the ETag that carried it.
  FailRebuild(t, "");
  Response fixed = t.Get("/", {{"If-None-Match", new_etag}});
  EXPECT_EQ(200, fixed.status);
  EXPECT_EQ(std::string::npos, fixed.body.find("lantern-build-errors"));
  EXPECT_EQ(old_etag, HeaderOf(fixed, "ETag"));
}

TEST(StaticServingTest, RangesOfAPreviewPageAreRangesOfTheDecoratedPage) {
  TestServerApp t("http://127.0.0.1:8080", RateLimiter::Limits(), "", /*live_reload=*/true);
  FailRebuild(t, "site.yaml:1:1: error: banner at the top");
  const std::string full = t.Get("/").body;
  ASSERT_NE(std::string::npos, full.find("/__lantern/reload.js"));
  ASSERT_GT(full.size(), 200u);
  const std::string total = std::to_string(full.size());
  Response head = t.Get("/", {{"Range", "bytes=0-99"}});
  EXPECT_EQ(206, head.status);
  EXPECT_EQ(full.substr(0, 100), head.body);
  EXPECT_EQ("bytes 0-99/" + total, HeaderOf(head, "Content-Range"));
  Response tail = t.Get("/", {{"Range", "bytes=-60"}});
  EXPECT_EQ(206, tail.status);
  EXPECT_EQ(full.substr(full.size() - 60), tail.body);
  EXPECT_EQ("bytes " + std::to_string(full.size() - 60) + "-" + std::to_string(full.size() - 1) + "/" + total,
            HeaderOf(tail, "Content-Range"));
  // The whole page from a middle offset, and a range past the end.
  Response rest = t.Get("/", {{"Range", "bytes=150-"}});
  EXPECT_EQ(full.substr(150), rest.body);
  Response beyond = t.Get("/", {{"Range", "bytes=" + total + "-"}});
  EXPECT_EQ(416, beyond.status);
  EXPECT_EQ("bytes */" + total, HeaderOf(beyond, "Content-Range"));

  // The same over a socket, through the library.
  LiveServer s(RateLimiter::Limits(), /*live_reload=*/true);
  const std::string wire_full = s.Get("/").body;
  ASSERT_NE(std::string::npos, wire_full.find("/__lantern/reload.js"));
  RawResponse wire_tail = s.Get("/", "Range: bytes=-40\r\n");
  EXPECT_EQ(206, wire_tail.status);
  EXPECT_EQ(wire_full.substr(wire_full.size() - 40), wire_tail.body);
  EXPECT_EQ("bytes " + std::to_string(wire_full.size() - 40) + "-" + std::to_string(wire_full.size() - 1) + "/" +
                std::to_string(wire_full.size()),
            wire_tail.Header("Content-Range"));
  EXPECT_EQ("40", wire_tail.Header("Content-Length"));
}

// The preview's records.json and records.csv are kept as parts: served as
// the same bytes, with the same ETag, as the joined file would be.
TEST(StaticServingTest, AFileKeptAsPartsIsServedJoined) {
  auto whole = std::make_shared<const SharedOutputTree>(
      ShareTree(OutputTree{{"index.html", "<p>home</p>"}, {"records.json", "[{\"a\":1},\n{\"b\":2}]\n"}}));
  auto parts = std::make_shared<SharedPartsTree>();
  for (const char* part : {"[", "{\"a\":1}", ",\n", "{\"b\":2}", "]\n"}) {
    (*parts)["records.json"].push_back(std::make_shared<const std::string>(part));
  }
  MemoryStaticSite joined(whole);
  MemoryStaticSite parted(std::make_shared<const SharedOutputTree>(ShareTree(OutputTree{{"index.html", "<p>home</p>"}})),
                          parts);
  for (int request = 0; request < 2; ++request) {  // the second from the join kept by the first
    std::optional<Response> served = parted.Serve("/records.json");
    std::optional<Response> expected = joined.Serve("/records.json");
    ASSERT_TRUE(served && expected);
    EXPECT_EQ(expected->body, served->body);
    EXPECT_EQ(expected->Header("ETag"), served->Header("ETag"));
    EXPECT_EQ(expected->content_type, served->content_type);
  }
  EXPECT_TRUE(parted.Serve("/index.html"));
  EXPECT_FALSE(parted.Serve("/records.csv"));
  EXPECT_FALSE(parted.Serve("/records.json/"));
}

// Feed readers and browsers go by the type: the site's feeds are Atom, the
// sitemap and any other .xml (an asset, a folder named like a record's) plain
// XML, whether the preview serves them from memory or production from disk.
TEST(StaticServingTest, FeedsAreServedAsAtomAndOtherXmlAsXml) {
  TestServerApp t;
  for (const char* feed : {"/feed.xml", "/records/bin-check/feed.xml"}) {
    const Response response = t.Get(feed);
    EXPECT_EQ(200, response.status) << feed;
    EXPECT_EQ("application/atom+xml", response.content_type) << feed;
  }
  EXPECT_EQ(200, t.Get("/sitemap.xml").status);
  EXPECT_EQ("application/xml", t.Get("/sitemap.xml").content_type);

  testing::TempDir temp;
  const std::map<std::string, std::string> types = {
      {"feed.xml", "application/atom+xml"},        {"records/bin-check/feed.xml", "application/atom+xml"},
      {"sitemap.xml", "application/xml"},          {"assets/feed.xml", "application/xml"},
      {"records/feed.xml", "application/xml"},     {"records/service/housing/feed.xml", "application/xml"},
      {"pages/feed.xml/index.html", "text/html; charset=utf-8"}};
  for (const auto& [file, type] : types) testing::WriteFile(temp.path() + "/site/" + file, "<x/>");
  std::string error;
  std::unique_ptr<DiskStaticSite> disk = DiskStaticSite::Open(temp.path() + "/site", &error);
  ASSERT_TRUE(disk) << error;
  for (const auto& [file, type] : types) {
    std::optional<Response> served = disk->Serve("/" + file);
    ASSERT_TRUE(served) << file;
    EXPECT_EQ(type, served->content_type) << file;
  }
}

// The request every browser makes of a site on its own.
TEST(StaticServingTest, TheFaviconIsServedAtTheRoot) {
  TestServerApp t;
  const Response icon = t.Get("/favicon.ico");
  EXPECT_EQ(200, icon.status);
  EXPECT_EQ("image/x-icon", icon.content_type);
  EXPECT_EQ(std::string("\0\0\1\0", 4), BodyOf(icon).substr(0, 4));
  const Response svg = t.Get("/assets/favicon.svg");
  EXPECT_EQ(200, svg.status);
  EXPECT_EQ("image/svg+xml", svg.content_type);
}

TEST(StaticServingTest, RedirectsAreSiteRelativeAndNeverProtocolRelative) {
  auto memory = std::make_shared<const OutputTree>(OutputTree{
      {"records/index.html", "<p>records</p>"}, {"evil.example/index.html", "<p>x</p>"}, {"index.html", "<p>home</p>"}});
  testing::TempDir temp;
  testing::WriteTree(temp.path() + "/site", *memory);
  std::string error;
  std::shared_ptr<const StaticSite> disk(DiskStaticSite::Open(temp.path() + "/site", &error).release());
  ASSERT_TRUE(disk) << error;
  MemoryStaticSite in_memory(std::make_shared<const SharedOutputTree>(ShareTree(*memory)));
  for (const StaticSite* site : {static_cast<const StaticSite*>(&in_memory), disk.get()}) {
    std::optional<Response> moved = site->Serve("/records");
    ASSERT_TRUE(moved);
    EXPECT_EQ(301, moved->status);
    EXPECT_EQ("/records/", moved->Header("Location"));
    EXPECT_EQ(std::string::npos, moved->body.find("//"));
    for (const char* path : {"//evil.example", "//records", "//records/", "/records//", "//", "///evil.example"}) {
      EXPECT_FALSE(site->Serve(path)) << path;
    }
  }
  // Over the wire, from disk: "//evil.example" is a 404 with no Location at all.
  LiveServer s;
  s.ServeFiles(disk);
  RawResponse off_site = s.Get("//evil.example");
  EXPECT_EQ(404, off_site.status);
  EXPECT_EQ(0, off_site.HeaderCount("Location"));
  RawResponse on_site = s.Get("/evil.example");
  EXPECT_EQ(301, on_site.status);
  EXPECT_EQ("/evil.example/", on_site.Header("Location"));
  // And from memory, through App.
  TestServerApp t;
  Response app_off_site = t.Get("//records");
  EXPECT_EQ(404, app_off_site.status);
  EXPECT_EQ("", HeaderOf(app_off_site, "Location"));
  EXPECT_EQ("/records/", HeaderOf(t.Get("/records"), "Location"));
}

// A byte of the big file: position-dependent, so a shifted or repeated chunk is caught.
char PatternByte(long long i) { return static_cast<char>((i ^ (i >> 8) ^ (i >> 19)) * 31); }

long long StatusKilobytes(const std::string& field) {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind(field + ":", 0) == 0) return std::stoll(line.substr(field.size() + 1));
  }
  return -1;
}

// Descriptors of this process open on `path`.
int OpenDescriptorsOn(const std::string& path) {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
    std::error_code ignored;
    if (std::filesystem::read_symlink(entry.path(), ignored) == path) ++count;
  }
  return count;
}

struct Streamed {
  int status = 0;
  std::string head;
  long long body_bytes = 0;
  long long mismatches = 0;  // body bytes that are not the file's bytes from `first`
};

// Sends `request` and reads the response in 64 KiB pieces, comparing the body
// with the pattern from offset `first` as it arrives: nothing is kept.
Streamed StreamFrom(int port, const std::string& request, long long first) {
  Streamed out;
  const int fd = testing::HttpOpen(port, request, 30);
  if (fd < 0) return out;
  std::string buffer(64 * 1024, '\0');
  bool in_body = false;
  for (ssize_t n; (n = recv(fd, buffer.data(), buffer.size(), 0)) > 0;) {
    size_t start = 0;
    if (!in_body) {
      out.head.append(buffer.data(), static_cast<size_t>(n));
      const size_t end = out.head.find("\r\n\r\n");
      if (end == std::string::npos) continue;
      in_body = true;
      start = static_cast<size_t>(n) - (out.head.size() - end - 4);
      out.head.resize(end + 2);
    }
    for (size_t i = start; i < static_cast<size_t>(n); ++i, ++out.body_bytes) {
      if (buffer[i] != PatternByte(first + out.body_bytes)) ++out.mismatches;
    }
  }
  close(fd);
  if (out.head.size() > 12) out.status = std::atoi(out.head.substr(9, 3).c_str());
  return out;
}

TEST(StaticServingTest, LargeFilesAreStreamedFromDiskNotHeldInMemory) {
  constexpr long long kSize = 32LL * 1024 * 1024;
  testing::TempDir temp;
  std::filesystem::create_directories(temp.path() + "/site");
  const std::string big = temp.path() + "/site/big.pdf";
  {
    std::ofstream out(big, std::ios::binary);
    std::string chunk(1 << 20, '\0');
    for (long long at = 0; at < kSize; at += static_cast<long long>(chunk.size())) {
      for (size_t i = 0; i < chunk.size(); ++i) chunk[i] = PatternByte(at + static_cast<long long>(i));
      out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    }
  }
  std::string error;
  std::shared_ptr<const StaticSite> disk(DiskStaticSite::Open(temp.path() + "/site", &error).release());
  ASSERT_TRUE(disk) << error;
  LiveServer s;
  s.ServeFiles(disk);
  const std::string real = std::filesystem::canonical(big).string();

  // Peak memory from here on: writing 5 resets VmHWM to the current RSS.
  { std::ofstream("/proc/self/clear_refs") << "5"; }
  const long long baseline = StatusKilobytes("VmHWM");
  ASSERT_GT(baseline, 0);
  Streamed whole = StreamFrom(s.port(), "GET /big.pdf HTTP/1.1\r\nHost: x\r\n\r\n", 0);
  const long long growth_kb = StatusKilobytes("VmHWM") - baseline;
  EXPECT_EQ(200, whole.status) << whole.head;
  EXPECT_NE(std::string::npos, whole.head.find("\r\nContent-Length: " + std::to_string(kSize) + "\r\n")) << whole.head;
  EXPECT_EQ(kSize, whole.body_bytes);
  EXPECT_EQ(0, whole.mismatches);
  // Reading the file into a string (the old way) would add at least 32 MiB.
  EXPECT_LT(growth_kb, 8 * 1024) << "peak RSS grew by " << growth_kb << " kB serving a " << kSize << "-byte file";
  std::printf("serving %lld bytes raised peak RSS by %lld kB\n", kSize, growth_kb);

  // A range in the middle, a suffix, and HEAD: exactly those bytes.
  Streamed middle = StreamFrom(s.port(), "GET /big.pdf HTTP/1.1\r\nHost: x\r\nRange: bytes=20000000-20000099\r\n\r\n",
                               20000000);
  EXPECT_EQ(206, middle.status);
  EXPECT_EQ(100, middle.body_bytes);
  EXPECT_EQ(0, middle.mismatches);
  EXPECT_NE(std::string::npos, middle.head.find("\r\nContent-Range: bytes 20000000-20000099/" + std::to_string(kSize)));
  Streamed suffix = StreamFrom(s.port(), "GET /big.pdf HTTP/1.1\r\nHost: x\r\nRange: bytes=-10\r\n\r\n", kSize - 10);
  EXPECT_EQ(206, suffix.status);
  EXPECT_EQ(10, suffix.body_bytes);
  EXPECT_EQ(0, suffix.mismatches);
  Streamed head = StreamFrom(s.port(), "HEAD /big.pdf HTTP/1.1\r\nHost: x\r\n\r\n", 0);
  EXPECT_EQ(200, head.status);
  EXPECT_NE(std::string::npos, head.head.find("\r\nContent-Length: " + std::to_string(kSize) + "\r\n"));
  EXPECT_EQ(0, head.body_bytes);

  // The file is closed once each response has gone (the worker may still be
  // finishing when the socket closes, so wait for it, generously).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (OpenDescriptorsOn(real) > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(0, OpenDescriptorsOn(real));
}

}  // namespace
}  // namespace lantern
