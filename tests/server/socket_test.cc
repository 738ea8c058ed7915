// The real server on 127.0.0.1 (port chosen by the OS), attacked with raw
// bytes: one test per guard of the security checklist (R8, S5, C5, H7, R2).
#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>
#include <thread>

#include "server/live_server.h"
#include "testing/test_support.h"

namespace lantern {
namespace {
using testing::FormEncode;

// Serves from another StaticSite but throws on "/boom", like a handler bug would.
class ThrowingSite : public StaticSite {
 public:
  explicit ThrowingSite(std::shared_ptr<const StaticSite> inner) : inner_(std::move(inner)) {}
  std::optional<Response> Serve(const std::string& path) const override {
    if (path == "/boom") throw std::runtime_error("cannot open /var/lib/secret/feedback.db");
    return inner_->Serve(path);
  }

 private:
  std::shared_ptr<const StaticSite> inner_;
};

using testing::Generous;
using testing::LiveServer;
using testing::RawResponse;

std::string Body(const std::string& token, const std::string& message) {
  return "token=" + FormEncode(token) + "&tool=bin-check&request_type=question&confirm=yes&message=" + FormEncode(message);
}

TEST(SocketTest, ChunkedPostIs411WithoutReadingIt) {
  LiveServer s;
  std::string chunked = "POST /feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        "Transfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 100; ++i) chunked += "400\r\n" + std::string(1024, 'a') + "\r\n";
  chunked += "0\r\n\r\n";
  EXPECT_EQ(411, s.Send(chunked).status);
  EXPECT_EQ(0u, s.fixture().Rows().size());
}

TEST(SocketTest, CompressedPostIs415) {
  LiveServer s;
  const std::string gzip("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x4b\x4c\x04\x00\x43\xbe\xb7\xe8\x02\x00\x00\x00", 22);
  EXPECT_EQ(415, s.PostForm(gzip, "Content-Encoding: gzip\r\n").status);
  EXPECT_EQ(415, s.PostForm("a=1", "Content-Encoding: br\r\n").status);
}

TEST(SocketTest, LongPathIs414AndManyRangesAre416) {
  LiveServer s;
  EXPECT_EQ(414, s.Get("/" + std::string(8000, 'a')).status);
  EXPECT_EQ(416, s.Get("/assets/style.css", "Range: bytes=0-,0-\r\n").status);
  std::string many = "Range: bytes=0-";
  for (int i = 0; i < 500; ++i) many += ",0-";
  RawResponse r = s.Get("/assets/style.css", many + "\r\n");
  EXPECT_EQ(416, r.status);
  EXPECT_LT(r.raw.size(), 20000u);
  RawResponse one = s.Get("/assets/style.css", "Range: bytes=0-9\r\n");
  EXPECT_EQ(206, one.status);
  EXPECT_EQ(10u, one.body.size());
}

// Limits are in characters of any script: 5,000 Bengali letters or emoji are
// 45-60 KB once percent-encoded, and are stored. Longer text is shown back.
TEST(SocketTest, FiveThousandCharactersOfAnyScriptAreAcceptedLongerTextIsShownBack) {
  LiveServer s(Generous());
  const std::string bengali_letter = "\xe0\xa6\x95";   // U+0995, three bytes
  const std::string emoji = "\xf0\x9f\x98\x80";      // U+1F600, four bytes
  for (const std::string& character : {bengali_letter, emoji}) {
    std::string message;
    for (int i = 0; i < 5000; ++i) message += character;
    const std::string token = s.Token();
    *s.fixture().now += 10;
    const std::string body = Body(token, message);
    ASSERT_GT(body.size(), 40000u);
    RawResponse accepted = s.PostForm(body);
    EXPECT_EQ(303, accepted.status) << accepted.raw.substr(0, 300);
    ASSERT_FALSE(s.fixture().Rows().empty());
    EXPECT_EQ(message, s.fixture().Rows().back().message);
  }
  EXPECT_EQ(2u, s.fixture().Rows().size());
  // 5,001 emoji: the body is within the cap, so the text comes back with the error.
  std::string too_long;
  for (int i = 0; i < 5001; ++i) too_long += emoji;
  RawResponse shown = s.PostForm(Body(s.Token(), too_long));
  EXPECT_EQ(422, shown.status);
  EXPECT_NE(std::string::npos, shown.body.find("Message must be 5,000 characters or less"));
  EXPECT_NE(std::string::npos, shown.body.find(too_long + "</textarea>"));
  // Far past any limit: refused before the body is read.
  RawResponse refused = s.PostForm(Body(s.Token(), std::string(kMaxFormBodyBytes, 'a')));
  EXPECT_EQ(413, refused.status);
  EXPECT_NE(std::string::npos, refused.body.find("too long"));
  EXPECT_EQ(2u, s.fixture().Rows().size());
}

TEST(SocketTest, SpoofedAddressHeadersDoNotChangeTheRateLimitKey) {
  LiveServer s;
  int refused = 0;
  for (int i = 0; i < 6; ++i) {
    const std::string spoof = "REMOTE_ADDR: 203.0.113." + std::to_string(i) + "\r\nX-Real-IP: 198.51.100." +
                              std::to_string(i) + "\r\nX-Forwarded-For: 192.0.2." + std::to_string(i) + "\r\n";
    const std::string token = s.Token();
    *s.fixture().now += 10;
    RawResponse r = s.PostForm(Body(token, "send " + std::to_string(i)), spoof);
    if (r.status == 429) {
      ++refused;
      EXPECT_NE(std::string::npos, r.body.find(">send " + std::to_string(i) + "</textarea>"));
      EXPECT_EQ(1, r.HeaderCount("Retry-After"));
    }
  }
  EXPECT_EQ(1, refused);  // the sixth, from the one real address 127.0.0.1
  EXPECT_EQ(5u, s.fixture().Rows().size());
}

TEST(SocketTest, ThrowingHandlerLeaksNothing) {
  LiveServer s;
  auto snapshot = std::make_shared<SiteSnapshot>();
  auto current = s.fixture().app->site();
  snapshot->site = current->site;
  snapshot->theme = current->theme;
  snapshot->files = std::make_shared<ThrowingSite>(current->files);
  s.fixture().app->SetSite(snapshot);
  RawResponse r = s.Get("/boom");
  EXPECT_EQ(500, r.status);
  EXPECT_EQ(0, r.HeaderCount("EXCEPTION_WHAT"));
  EXPECT_EQ(std::string::npos, r.raw.find("secret"));
  EXPECT_EQ(std::string::npos, r.raw.find("feedback.db"));
}

TEST(SocketTest, StaticPathTricksFromDisk) {
  LiveServer s;
  testing::TempDir temp;
  const std::string root = temp.path() + "/site";
  testing::WriteTree(root, {{"index.html", "<p>home</p>"}, {"about.html", "<p>about</p>"}, {".env", "SECRET=1"}});
  testing::WriteFile(temp.path() + "/feedback.db", "SQLite format 3");
  std::filesystem::create_symlink("/etc/passwd", root + "/passwd.html");
  std::string error;
  auto snapshot = std::make_shared<SiteSnapshot>();
  snapshot->site = s.fixture().app->site()->site;
  snapshot->theme = s.fixture().app->site()->theme;
  snapshot->files = std::shared_ptr<const StaticSite>(DiskStaticSite::Open(root, &error).release());
  s.fixture().app->SetSite(snapshot);
  EXPECT_EQ(200, s.Get("/about.html").status);
  EXPECT_EQ(404, s.Get("/passwd.html").status);
  EXPECT_EQ(404, s.Get("/.env").status);
  EXPECT_EQ(400, s.Get("/about.html%00.txt").status);
  for (const char* trick : {"/..%2f..%2fetc/passwd", "/%2e%2e/feedback.db", "/../feedback.db", "/..%2ffeedback.db",
                            "/%2E%2E%2Ffeedback.db", "/about.html/..", "/.%2e/feedback.db"}) {
    RawResponse r = s.Get(trick);
    EXPECT_TRUE(r.status == 400 || r.status == 404) << trick << " gave " << r.status;
    EXPECT_EQ(std::string::npos, r.raw.find("SQLite format")) << trick;
    EXPECT_EQ(std::string::npos, r.raw.find("root:")) << trick;
  }
  EXPECT_EQ(400, s.Get("/a%5cb").status);
}

TEST(SocketTest, CrossSitePosts) {
  LiveServer s(Generous());
  EXPECT_EQ(403, s.PostForm(Body(s.Token(), "x"), "Sec-Fetch-Site: cross-site\r\n").status);
  EXPECT_EQ(403, s.PostForm(Body(s.Token(), "x"), "Origin: https://evil.example\r\n").status);
  EXPECT_EQ(403, s.PostForm(Body(s.Token(), "x"), "Origin: null\r\n").status);
  EXPECT_EQ(403, s.PostForm(Body(s.Token(), "x"), "Referer: https://evil.example/\r\n").status);
  const std::string token = s.Token();
  *s.fixture().now += 10;
  RawResponse ok = s.PostForm(Body(token, "hello"), "Origin: " + s.origin() + "\r\n");
  EXPECT_EQ(303, ok.status);
  // A browser on the preview: fetch metadata and the Origin of http://127.0.0.1:<port>.
  const std::string second = s.Token();
  RawResponse browser = s.PostForm(Body(second, "hi again"),
                                   "Sec-Fetch-Site: same-origin\r\nOrigin: " + s.origin() + "\r\n");
  EXPECT_EQ(303, browser.status);
  EXPECT_EQ(2u, s.fixture().Rows().size());
}

TEST(SocketTest, HoneypotAndReplayedTokensOverTheWire) {
  LiveServer s(Generous());
  const std::string token = s.Token();
  *s.fixture().now += 10;
  RawResponse first = s.PostForm(Body(token, "first") + "&website=spam");
  RawResponse again = s.PostForm(Body(token, "first"));
  EXPECT_EQ(303, first.status);
  EXPECT_EQ(first.Header("Location"), again.Header("Location"));
  auto rows = s.fixture().Rows();
  ASSERT_EQ(1u, rows.size());
  EXPECT_EQ("suspected_spam", rows[0].status);
}

TEST(SocketTest, EveryHeaderOnceNoServerHeaderNoCors) {
  LiveServer s(Generous());
  const std::string token = s.Token();
  std::vector<RawResponse> responses = {s.Get("/"), s.Get("/assets/style.css"), s.Get("/missing"),
                                        s.PostForm(Body(token, "x")), s.Send("OPTIONS / HTTP/1.1\r\nHost: x\r\n\r\n"),
                                        s.Send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n")};
  EXPECT_EQ(200, responses[0].status);
  EXPECT_EQ(404, responses[2].status);
  EXPECT_EQ(405, responses[4].status);
  EXPECT_EQ(200, responses[5].status);
  EXPECT_TRUE(responses[5].body.empty());
  for (const RawResponse& r : responses) {
    for (const char* name : {"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
                             "Permissions-Policy", "Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy",
                             "X-Frame-Options", "Content-Type"}) {
      EXPECT_EQ(1, r.HeaderCount(name)) << name << " in\n" << r.head;
    }
    EXPECT_EQ(0, r.HeaderCount("Server"));
    EXPECT_EQ(0, r.HeaderCount("Set-Cookie"));
    EXPECT_EQ(std::string::npos, r.head.find("Access-Control-"));
    EXPECT_LE(r.HeaderCount("Cache-Control"), 1);
  }
  EXPECT_EQ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
            "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            responses[0].Header("Content-Security-Policy"));
}

TEST(SocketTest, OneRequestPerConnectionAndNoBodiesOnGet) {
  LiveServer s;
  RawResponse r = s.Send("GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /records/ HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(200, r.status);
  EXPECT_EQ(std::string::npos, r.raw.find("HTTP/1.1", 5));  // one response only
  EXPECT_EQ(400, s.Send("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello").status);
  EXPECT_EQ(400, s.Send("GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n").status);
  EXPECT_EQ(415, s.Send("POST /feedback HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                        "Content-Length: 3\r\n\r\nabc").status);
  EXPECT_EQ(411, s.Send("POST /feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n").status);
}

}  // namespace
}  // namespace lantern
