// Handler-level tests: every guard and validation path, without sockets.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "base/utf8.h"
#include "render/html_escape.h"
#include "server/feedback_form.h"
#include "server/form_parser.h"
#include "server/form_token.h"
#include "server/guards.h"
#include "server/rate_limiter.h"
#include "server/server_fixture.h"
#include "server/static_files.h"
#include "testing/test_support.h"

namespace lantern {
namespace {
using testing::FormEncode;
using testing::BodyOf;
using testing::HeaderOf;
using testing::TestServerApp;

Request Post(std::map<std::string, std::string> headers) {
  Request r;
  r.method = "POST";
  r.target = r.path = "/feedback";
  for (auto& [k, v] : headers) r.headers.emplace(k, v);
  return r;
}

const GuardConfig kGuards = [] {
  GuardConfig guards;
  guards.origins = {"http://127.0.0.1:8080"};
  return guards;
}();
const std::map<std::string, std::string> kForm = {{"Content-Type", "application/x-www-form-urlencoded"},
                                                  {"Content-Length", "10"}};

TEST(GuardsTest, PathsAndMethods) {
  Request r;
  r.method = "GET";
  r.target = r.path = "/records/";
  EXPECT_EQ(0, CheckRequest(r, kGuards));
  r.target = r.path = "/" + std::string(300, 'a');
  EXPECT_EQ(414, CheckRequest(r, kGuards));
  r.target = "/about.html%00.txt";
  r.path = std::string("/about.html\0.txt", 16);
  EXPECT_EQ(400, CheckRequest(r, kGuards));
  r.target = r.path = "/a\\b";
  EXPECT_EQ(400, CheckRequest(r, kGuards));
  for (const char* dotted : {"/.env", "/assets/.git/config", "/../etc/passwd", "/a/./b"}) {
    r.target = r.path = dotted;
    EXPECT_EQ(404, CheckRequest(r, kGuards)) << dotted;
  }
  r.target = r.path = "/records/";
  for (const char* method : {"PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "CONNECT"}) {
    r.method = method;
    EXPECT_EQ(405, CheckRequest(r, kGuards)) << method;
  }
  r.method = "HEAD";
  EXPECT_EQ(0, CheckRequest(r, kGuards));
}

TEST(GuardsTest, RangesAndBodiesOnGet) {
  Request r;
  r.method = "GET";
  r.target = r.path = "/";
  r.range_count = 2;
  EXPECT_EQ(416, CheckRequest(r, kGuards));
  r.range_count = 1;
  r.headers.emplace("Range", "bytes=0-,0-");
  EXPECT_EQ(416, CheckRequest(r, kGuards));
  r.headers.clear();
  r.headers.emplace("Content-Length", "5");
  EXPECT_EQ(400, CheckRequest(r, kGuards));
  r.headers.clear();
  r.headers.emplace("Transfer-Encoding", "chunked");
  EXPECT_EQ(400, CheckRequest(r, kGuards));
  r.headers.clear();
  r.headers.emplace("Content-Length", "0");
  EXPECT_EQ(0, CheckRequest(r, kGuards));
}

TEST(GuardsTest, PostBodies) {
  auto with = [](std::map<std::string, std::string> changes) {
    std::map<std::string, std::string> headers = kForm;
    for (auto& [k, v] : changes) {
      if (v.empty()) {
        headers.erase(k);
      } else {
        headers[k] = v;
      }
    }
    return Post(headers);
  };
  EXPECT_EQ(0, CheckRequest(with({}), kGuards));
  EXPECT_EQ(411, CheckRequest(with({{"Transfer-Encoding", "chunked"}}), kGuards));
  EXPECT_EQ(411, CheckRequest(with({{"Content-Length", ""}}), kGuards));
  EXPECT_EQ(400, CheckRequest(with({{"Content-Length", "1x"}}), kGuards));
  EXPECT_EQ(400, CheckRequest(with({{"Content-Length", "-1"}}), kGuards));
  EXPECT_EQ(400, CheckRequest(with({{"Content-Length", "1234567"}}), kGuards));
  const std::string cap = std::to_string(kMaxFormBodyBytes);
  EXPECT_EQ(413, CheckRequest(with({{"Content-Length", std::to_string(kMaxFormBodyBytes + 1)}}), kGuards));
  EXPECT_EQ(0, CheckRequest(with({{"Content-Length", cap}}), kGuards));
  Request twice = with({});
  twice.headers.emplace("Content-Length", "10");
  EXPECT_EQ(400, CheckRequest(twice, kGuards));
  EXPECT_EQ(415, CheckRequest(with({{"Content-Encoding", "gzip"}}), kGuards));
  EXPECT_EQ(415, CheckRequest(with({{"Content-Type", "multipart/form-data; boundary=x"}}), kGuards));
  EXPECT_EQ(415, CheckRequest(with({{"Content-Type", "text/plain"}}), kGuards));
  EXPECT_EQ(415, CheckRequest(with({{"Content-Type", "application/x-www-form-urlencoded-evil"}}), kGuards));
  EXPECT_EQ(0, CheckRequest(with({{"Content-Type", "application/x-www-form-urlencoded; charset=UTF-8"}}), kGuards));
}

TEST(GuardsTest, CrossSiteChecksFirstMatchWins) {
  auto check = [](std::map<std::string, std::string> extra) {
    std::map<std::string, std::string> headers = kForm;
    headers.insert(extra.begin(), extra.end());
    return CheckRequest(Post(headers), kGuards);
  };
  EXPECT_EQ(0, check({}));  // not a browser: the token still applies
  EXPECT_EQ(0, check({{"Sec-Fetch-Site", "same-origin"}}));
  EXPECT_EQ(403, check({{"Sec-Fetch-Site", "cross-site"}}));
  EXPECT_EQ(403, check({{"Sec-Fetch-Site", "same-site"}}));
  EXPECT_EQ(403, check({{"Sec-Fetch-Site", "none"}}));
  EXPECT_EQ(403, check({{"Sec-Fetch-Site", "cross-site"}, {"Origin", "http://127.0.0.1:8080"}}));
  EXPECT_EQ(0, check({{"Origin", "http://127.0.0.1:8080"}}));
  EXPECT_EQ(403, check({{"Origin", "https://evil.example"}}));
  EXPECT_EQ(403, check({{"Origin", "null"}}));
  EXPECT_EQ(403, check({{"Origin", "http://127.0.0.1:8080.evil.example"}}));
  EXPECT_EQ(0, check({{"Referer", "http://127.0.0.1:8080/feedback/x"}}));
  EXPECT_EQ(403, check({{"Referer", "http://127.0.0.1:8080.evil.example/"}}));
  EXPECT_EQ(403, check({{"Referer", "https://evil.example/?http://127.0.0.1:8080/"}}));
}

// A base_url written with capitals or an explicit default port must not make
// every browser's Origin look foreign.
TEST(GuardsTest, OriginsAreComparedAsBrowsersSendThem) {
  EXPECT_EQ("https://ai.example.gov.uk", NormalizeOrigin("HTTPS://AI.Example.gov.uk:443/ai/"));
  EXPECT_EQ("https://ai.example.gov.uk", NormalizeOrigin("https://ai.example.gov.uk"));
  EXPECT_EQ("https://ai.example.gov.uk:8443", NormalizeOrigin("https://ai.example.gov.uk:8443/"));
  EXPECT_EQ("http://127.0.0.1:8080", NormalizeOrigin("http://127.0.0.1:8080"));
  EXPECT_EQ("http://example.org", NormalizeOrigin("http://example.org:80/x?y"));
  EXPECT_EQ("http://[::1]:8080", NormalizeOrigin("http://[::1]:8080/"));
  EXPECT_EQ("", NormalizeOrigin("ftp://example.org"));
  EXPECT_EQ("", NormalizeOrigin("https://user@example.org"));
  EXPECT_EQ("", NormalizeOrigin("null"));
  GuardConfig guards;
  guards.origins = {NormalizeOrigin("https://AI.Example.gov.uk:443/ai/")};
  auto check = [&](std::map<std::string, std::string> extra) {
    std::map<std::string, std::string> headers = kForm;
    headers.insert(extra.begin(), extra.end());
    return CheckRequest(Post(headers), guards);
  };
  EXPECT_EQ(0, check({{"Origin", "https://ai.example.gov.uk"}}));
  EXPECT_EQ(0, check({{"Referer", "https://ai.example.gov.uk/ai/feedback/bin-check"}}));
  EXPECT_EQ(403, check({{"Origin", "https://ai.example.gov.uk.evil.example"}}));
  EXPECT_EQ(403, check({{"Origin", "http://ai.example.gov.uk"}}));
}

TEST(FormParserTest, DecodesAndNormalizes) {
  const std::set<std::string> allowed = {"a", "b", "c"};
  ParsedForm form = ParseFormBody("a=one+two%21&b=%E2%82%AC&c=", allowed);
  EXPECT_TRUE(form.anomalies.empty());
  EXPECT_EQ("one two!", form.fields["a"]);
  EXPECT_EQ("\xe2\x82\xac", form.fields["b"]);
  EXPECT_EQ("", form.fields["c"]);
  form = ParseFormBody("a=%20%20line1%0D%0Aline2%0Dline3%09x%20%0A", allowed);
  EXPECT_EQ("line1\nline2\nline3\tx", form.fields["a"]);
  EXPECT_TRUE(ParseFormBody("", allowed).fields.empty());
  EXPECT_EQ(2u, ParseFormBody("a=1&&b=2&", allowed).fields.size());
}

// Nothing a browser can send makes the parser give up: every value comes out
// as valid, normalised UTF-8 and what was changed is named.
TEST(FormParserTest, BrokenInputIsNormalisedNotRefused) {
  const std::set<std::string> allowed = {"a", "b"};
  struct Case {
    const char* body;
    const char* value;
    const char* anomaly;  // "" for none
  };
  for (const Case& c : std::vector<Case>{
           {"a=100%", "100%", "bad_percent_encoding"},
           {"a=%4", "%4", "bad_percent_encoding"},
           {"a=%zz", "%zz", "bad_percent_encoding"},
           {"a=x%4gy", "x%4gy", "bad_percent_encoding"},
           {"a=one%0Ctwo", "one\ntwo", ""},                  // form feed: a line break
           {"a=one%0Btwo", "one\ntwo", ""},                  // vertical tab
           {"a=x%1B%5B31my", "x[31my", "controls_removed"},   // ESC dropped
           {"a=x%7Fy", "xy", "controls_removed"},              // DEL
           {"a=a%00b", "ab", "controls_removed"},              // NUL
           {"a=x%C2%85y", "x\ny", ""},                        // NEL
           {"a=x%C2%9By", "xy", "controls_removed"},           // C1 CSI
           {"a=x%E2%80%A8y", "x\ny", ""},                     // line separator
           {"a=x%E2%80%AEy", "x\xe2\x80\xaey", "bidi_controls"},  // right-to-left override, kept
           {"a=x%E2%81%A6y", "x\xe2\x81\xa6y", "bidi_controls"},  // left-to-right isolate, kept
           {"a=%C0%AF", "\xef\xbf\xbd\xef\xbf\xbd", "invalid_utf8"},  // overlong '/'
           {"a=%ED%A0%80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", "invalid_utf8"},  // surrogate
           {"a=%FF", "\xef\xbf\xbd", "invalid_utf8"},
           {"a=1&a=2", "1", "repeated_field"},
           {"a=1&z=2", "1", "unknown_field"},
           {"a=1&%ZZ=1", "1", "unknown_field"},
       }) {
    ParsedForm form = ParseFormBody(c.body, allowed);
    EXPECT_EQ(c.value, form.fields["a"]) << c.body;
    if (*c.anomaly) {
      EXPECT_EQ(1u, form.anomalies.count(c.anomaly)) << c.body;
    } else {
      EXPECT_TRUE(form.anomalies.empty()) << c.body;
    }
    EXPECT_EQ(std::string::npos, FindInvalidUtf8(form.fields["a"])) << c.body;
  }
}

TEST(FeedbackFormTest, EmailRules) {
  EXPECT_TRUE(IsPlausibleEmail("a@b"));
  EXPECT_TRUE(IsPlausibleEmail("first.last+tag@example.gov.uk"));
  for (const char* bad : {"", "a", "@b", "a@", "a@@b", "a@b@c", "a b@c", "\"a\"@b", "a`@b", "a@b\x01"}) {
    EXPECT_FALSE(IsPlausibleEmail(bad)) << bad;
  }
  EXPECT_TRUE(IsPlausibleEmail(std::string(63, 'x') + "@b"));
  EXPECT_FALSE(IsPlausibleEmail(std::string(64, 'x') + "@b"));
  EXPECT_FALSE(IsPlausibleEmail("a@" + std::string(253, 'b')));
  EXPECT_EQ(0, CountLinks("no links here"));
  EXPECT_EQ(3, CountLinks("http://a https://www.b www.c"));
}

TEST(FormTokenTest, ValidTamperedExpiredAndFuture) {
  FormTokenSigner signer(std::string(32, 'k'));
  const std::string token = signer.Issue(1000).value();
  TokenCheck check = signer.Check(token, 1010);
  EXPECT_EQ(TokenCheck::Outcome::kValid, check.outcome);
  EXPECT_EQ(10, check.age_seconds);
  EXPECT_EQ(32u, check.nonce_hex.size());
  EXPECT_NE(signer.Check(signer.Issue(1000).value(), 1010).nonce_hex, check.nonce_hex);
  std::string tampered = token;
  tampered[5] = tampered[5] == 'A' ? 'B' : 'A';
  EXPECT_EQ(TokenCheck::Outcome::kMissingOrBad, signer.Check(tampered, 1010).outcome);
  EXPECT_EQ(TokenCheck::Outcome::kMissingOrBad, FormTokenSigner(std::string(32, 'x')).Check(token, 1010).outcome);
  EXPECT_EQ(TokenCheck::Outcome::kMissingOrBad, signer.Check("", 1010).outcome);
  EXPECT_EQ(TokenCheck::Outcome::kMissingOrBad, signer.Check("!!!!", 1010).outcome);
  EXPECT_EQ(TokenCheck::Outcome::kMissingOrBad, signer.Check(token.substr(1), 1010).outcome);
  EXPECT_EQ(TokenCheck::Outcome::kExpired, signer.Check(token, 1000 + 25 * 3600).outcome);
  EXPECT_EQ(TokenCheck::Outcome::kMissingOrBad, signer.Check(token, 1000 - 3600).outcome);
}

TEST(FormTokenTest, KeyFileIsCreatedPrivateAndReused) {
  testing::TempDir temp;
  const std::string path = temp.path() + "/feedback.db.key";
  auto first = FormTokenSigner::FromKeyFile(path);
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE((std::filesystem::perms::owner_read | std::filesystem::perms::owner_write) ==
              (std::filesystem::status(path).permissions() & std::filesystem::perms::all));
  auto second = FormTokenSigner::FromKeyFile(path);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(TokenCheck::Outcome::kValid, second.value().Check(first.value().Issue(5).value(), 10).outcome);
  testing::WriteFile(path, "short");
  EXPECT_FALSE(FormTokenSigner::FromKeyFile(path).ok());
}

TEST(RateLimiterTest, PerClientAndGlobalBuckets) {
  using Kind = RateLimiter::Decision::Kind;
  RateLimiter limiter;
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Kind::kAllowed, limiter.TakeSend("a", 0).kind) << i;
  RateLimiter::Decision refused = limiter.TakeSend("a", 1);
  EXPECT_EQ(Kind::kClientLimited, refused.kind);
  EXPECT_EQ(119, refused.retry_after_seconds);  // one token refills every 120 s
  EXPECT_EQ(Kind::kAllowed, limiter.TakeSend("b", 1).kind);
  EXPECT_EQ(Kind::kAllowed, limiter.TakeSend("a", 121).kind);  // one token back after 2 minutes
  EXPECT_EQ(Kind::kClientLimited, limiter.TakeSend("a", 122).kind);
  // 20 a day: trying every 2 minutes for 2 hours, the short bucket would allow 65;
  // the day bucket allows its 20 plus what refills in 2 hours (1.67).
  RateLimiter day;
  int allowed = 0;
  for (double t = 0; t <= 7200; t += 120) allowed += day.TakeSend("c", t).kind == Kind::kAllowed ? 1 : 0;
  EXPECT_EQ(21, allowed);
  RateLimiter::Limits limits;
  limits.global_per_hour = 3;
  RateLimiter global(limits);
  EXPECT_EQ(Kind::kAllowed, global.TakeSend("x", 0).kind);
  EXPECT_EQ(Kind::kAllowed, global.TakeSend("y", 0).kind);
  EXPECT_EQ(Kind::kAllowed, global.TakeSend("z", 0).kind);
  EXPECT_EQ(Kind::kOverGlobal, global.TakeSend("w", 0).kind);
}

// A full table forgets the address unused for longest, never everyone.
TEST(RateLimiterTest, AFullTableForgetsTheOldestAddressOnly) {
  using Kind = RateLimiter::Decision::Kind;
  RateLimiter::Limits limits;
  limits.max_clients = 100;
  limits.global_per_hour = 1e9;
  RateLimiter limiter(limits);
  for (int i = 0; i < 5; ++i) limiter.TakeSend("resident", 0);
  EXPECT_EQ(Kind::kClientLimited, limiter.TakeSend("resident", 0).kind);
  // 99 other addresses fill the table; the resident, used since, stays limited.
  for (int i = 0; i < 99; ++i) limiter.TakeSend("other-" + std::to_string(i), 1);
  limiter.TakeSend("resident", 2);
  for (int i = 0; i < 50; ++i) limiter.TakeSend("more-" + std::to_string(i), 3);
  EXPECT_EQ(100u, limiter.client_count());
  EXPECT_EQ(Kind::kClientLimited, limiter.TakeSend("resident", 4).kind);
  EXPECT_EQ(Kind::kClientLimited, limiter.TakeSend("resident", 4).kind);
}

std::string ValidBody(const std::string& token, const std::string& extra = "") {
  return "token=" + FormEncode(token) + "&tool=bin-check&request_type=objection&message=" +
         FormEncode("Please stop using my data.") + "&email=" + FormEncode("ada@example.org") + "&confirm=yes" + extra;
}

// A bilingual site's form is in the language of the page it was opened from
// (/feedback/… Welsh, the default; /en/feedback/… English): its words, the
// record's name, errors, the check page and the confirmation; each
// submission stores its language so staff answer in it.
TEST(AppTest, TheFormIsInThePagesLanguageAndEachSubmissionStoresIt) {
  TestServerApp t("http://127.0.0.1:8080", testing::Generous(), "", false, ":memory:", FeedbackStore::Options(),
                  "bilingual");
  Response welsh = t.Get("/feedback/bin-check");
  ASSERT_EQ(200, welsh.status);
  EXPECT_NE(std::string::npos, welsh.body.find("<html lang=\"cy\">"));
  EXPECT_NE(std::string::npos, welsh.body.find("<title>Cysylltwch â ni ynghylch Gwiriad bin mwy"));
  EXPECT_NE(std::string::npos, welsh.body.find("name=\"language\" value=\"cy\""));
  // Its switch goes to the English form.
  EXPECT_NE(std::string::npos, welsh.body.find("href=\"/en/feedback/bin-check\""));
  Response english = t.Get("/en/feedback/bin-check");
  ASSERT_EQ(200, english.status);
  EXPECT_NE(std::string::npos, english.body.find("<html lang=\"en\">"));
  EXPECT_NE(std::string::npos, english.body.find("<title>Contact us about Larger bin check"));
  EXPECT_NE(std::string::npos, english.body.find("name=\"language\" value=\"en\""));
  EXPECT_EQ(404, t.Get("/en/feedback/no-such-record").status);

  // Errors and the check page in the form's language.
  const std::string token = testing::TokenIn(welsh.body);
  *t.now += 10;
  Response empty = t.Post("token=" + FormEncode(token) + "&tool=bin-check&language=cy&request_type=question");
  EXPECT_EQ(422, empty.status);
  EXPECT_NE(std::string::npos, empty.body.find("Rhowch eich neges"));
  EXPECT_NE(std::string::npos, empty.body.find("<html lang=\"cy\">"));
  const std::string answers = "token=" + FormEncode(token) + "&tool=bin-check&request_type=question&message=" +
                              FormEncode("Pryd fydd y bin yn cyrraedd?");
  Response check = t.Post(answers + "&language=cy");
  EXPECT_EQ(200, check.status);
  EXPECT_NE(std::string::npos, check.body.find("<title>Gwiriwch eich atebion: Gwiriad bin mwy"));
  EXPECT_NE(std::string::npos, check.body.find("name=\"language\" value=\"cy\""));

  // Sent in Welsh: stored as Welsh, confirmed in Welsh.
  Response sent = t.Post(answers + "&language=cy&confirm=yes");
  ASSERT_EQ(303, sent.status);
  const std::string location = HeaderOf(sent, "Location");
  EXPECT_EQ(0u, location.rfind("/feedback/sent/", 0)) << location;
  Response confirmed = t.Get(location);
  EXPECT_EQ(200, confirmed.status);
  EXPECT_NE(std::string::npos, confirmed.body.find("Neges wedi&#39;i hanfon"));
  // Sent in English from the English form.
  const std::string english_token = testing::TokenIn(english.body);
  *t.now += 10;
  Response sent_english = t.Post("token=" + FormEncode(english_token) +
                                 "&tool=bin-check&request_type=question&language=en&message=" + FormEncode("When?"));
  EXPECT_EQ(200, sent_english.status);  // the check page first
  sent_english = t.Post("token=" + FormEncode(english_token) +
                        "&tool=bin-check&request_type=question&language=en&confirm=yes&message=" + FormEncode("When?"));
  ASSERT_EQ(303, sent_english.status);
  EXPECT_EQ(0u, HeaderOf(sent_english, "Location").rfind("/en/feedback/sent/", 0));
  EXPECT_NE(std::string::npos, t.Get(HeaderOf(sent_english, "Location")).body.find("Message sent"));
  // A language the site does not have is the default's; the text is kept.
  Response unknown = t.Post("token=" + FormEncode(english_token) +
                            "&tool=bin-check&request_type=feedback&language=fr&confirm=yes&message=" + FormEncode("Da"));
  ASSERT_EQ(303, unknown.status);
  const auto rows = t.Rows();
  ASSERT_EQ(3u, rows.size());
  EXPECT_EQ("cy", rows[0].language);
  EXPECT_EQ("en", rows[1].language);
  EXPECT_EQ("cy", rows[2].language);
}

// The check page's language switch sends the answers (a button naming the
// page's form), so the resident sees the same answers in the other language
// instead of a blank form; nothing is stored until they send.
TEST(AppTest, TheCheckPagesLanguageSwitchKeepsTheAnswers) {
  TestServerApp t("http://127.0.0.1:8080", testing::Generous(), "", false, ":memory:", FeedbackStore::Options(),
                  "bilingual");
  const std::string token = testing::TokenIn(t.Get("/feedback/bin-check").body);
  *t.now += 10;
  const std::string message = "Pryd fydd y bin yn cyrraedd? Ysgrifennais hwn yn Gymraeg.";
  const std::string answers = "token=" + FormEncode(token) + "&tool=bin-check&request_type=objection&email=" +
                              FormEncode("ada@example.org") + "&name=" + FormEncode("Ada Lovelace") + "&message=" +
                              FormEncode(message);
  Response check = t.Post(answers + "&language=cy");
  ASSERT_EQ(200, check.status);
  // The switch is a button of the check page's form, not a link to a blank form.
  EXPECT_NE(std::string::npos, check.body.find("<form id=\"feedback-check\""));
  EXPECT_NE(std::string::npos, check.body.find("form=\"feedback-check\" name=\"switch_language\" value=\"en\""));
  EXPECT_EQ(std::string::npos, check.body.find("href=\"/en/feedback/bin-check\""));

  Response english = t.Post(answers + "&language=cy&switch_language=en");
  ASSERT_EQ(200, english.status);
  EXPECT_NE(std::string::npos, english.body.find("<html lang=\"en\">"));
  EXPECT_NE(std::string::npos, english.body.find("<title>Check your answers: Larger bin check"));
  EXPECT_NE(std::string::npos, english.body.find(EscapeHtml(message)));
  EXPECT_NE(std::string::npos, english.body.find("Ada Lovelace"));
  EXPECT_NE(std::string::npos, english.body.find("name=\"language\" value=\"en\""));
  EXPECT_NE(std::string::npos, english.body.find("name=\"token\" value=\"" + EscapeHtml(token) + "\""));
  // and back to Welsh.
  EXPECT_NE(std::string::npos, english.body.find("name=\"switch_language\" value=\"cy\""));
  EXPECT_TRUE(t.Rows().empty());

  // A language the site lacks is the default's; answers edited so that they
  // fail get the form with its errors, the text still kept.
  Response unknown = t.Post(answers + "&language=en&switch_language=fr");
  EXPECT_EQ(200, unknown.status);
  EXPECT_NE(std::string::npos, unknown.body.find("<html lang=\"cy\">"));
  Response broken = t.Post("token=" + FormEncode(token) + "&tool=bin-check&request_type=objection&message=" +
                           FormEncode(message) + "&language=cy&switch_language=en");
  EXPECT_EQ(422, broken.status);
  EXPECT_NE(std::string::npos, broken.body.find("<html lang=\"en\">"));
  EXPECT_NE(std::string::npos, broken.body.find(EscapeHtml(message)));
  EXPECT_TRUE(t.Rows().empty());

  // Sent after switching: stored once, in the language switched to.
  *t.now += 10;
  ASSERT_EQ(303, t.Post(answers + "&language=en&confirm=yes").status);
  const auto rows = t.Rows();
  ASSERT_EQ(1u, rows.size());
  EXPECT_EQ("en", rows[0].language);
  EXPECT_EQ(message, rows[0].message);
}

TEST(AppTest, FormPageRendersWithTheThemeAndNoStore) {
  TestServerApp t;
  Response page = t.Get("/feedback/bin-check");
  EXPECT_EQ(200, page.status);
  EXPECT_EQ("no-store", HeaderOf(page, "Cache-Control"));
  // Each tool's form has a title of its own, and no form is for search engines.
  EXPECT_NE(std::string::npos, page.body.find("<title>Contact us about Larger bin check – How Test Borough Council"));
  EXPECT_NE(std::string::npos, page.body.find("<meta name=\"robots\" content=\"noindex\">"));
  EXPECT_EQ(std::string::npos, page.body.find("rel=\"canonical\""));
  // The privacy sentence has its verb (it once read "… days. how we use …").
  EXPECT_NE(std::string::npos, page.body.find("We keep it for 365 days. Read <a href=\"/pages/about/\">how we use"));
  Response general = t.Get("/feedback/");
  EXPECT_NE(std::string::npos, general.body.find("<title>Contact us about how the council uses AI – "));
  EXPECT_NE(std::string::npos, general.body.find("content=\"noindex\""));
  EXPECT_NE(std::string::npos, page.body.find("novalidate"));
  EXPECT_NE(std::string::npos, page.body.find("You can enter up to 5,000 characters"));
  EXPECT_NE(std::string::npos, page.body.find("value=\"objection\""));
  EXPECT_NE(std::string::npos, page.body.find("href=\"/pages/about/\""));
  EXPECT_EQ(std::string::npos, page.body.find(" checked"));  // no radio pre-selected
  EXPECT_EQ(std::string::npos, page.body.find("<script"));
  EXPECT_FALSE(testing::TokenIn(page.body).empty());
  EXPECT_EQ(200, t.Get("/feedback/").status);
  EXPECT_EQ(404, t.Get("/feedback/no-such-record").status);
  EXPECT_EQ(404, t.Get("/feedback/sent/NOTAREF1").status);
  // A well-formed reference the store does not hold is never confirmed.
  EXPECT_EQ(404, t.Get("/feedback/sent/ABCDEFGH").status);
}

TEST(AppTest, ValidPostIsStoredAndRedirectsToTheConfirmation) {
  TestServerApp t;
  const std::string token = t.Token();
  *t.now += 10;
  Response sent = t.Post(ValidBody(token));
  ASSERT_EQ(303, sent.status) << sent.body;
  auto rows = t.Rows();
  ASSERT_EQ(1u, rows.size());
  EXPECT_EQ("/feedback/sent/" + rows[0].reference, HeaderOf(sent, "Location"));
  EXPECT_EQ("new", rows[0].status);
  EXPECT_EQ("bin-check", rows[0].record_id);
  EXPECT_FALSE(rows[0].record_updated.empty());
  Response confirmation = t.Get(HeaderOf(sent, "Location"));
  EXPECT_NE(std::string::npos, confirmation.body.find(rows[0].reference));
  EXPECT_NE(std::string::npos, confirmation.body.find("within 20 working days"));
  EXPECT_EQ(std::string::npos, confirmation.body.find("Please stop using my data"));  // no copy of the message
  // The log line names the reference and outcome, never the resident's text.
  const std::vector<std::string> log = t.Log();
  ASSERT_FALSE(log.empty());
  EXPECT_NE(std::string::npos, log.back().find(rows[0].reference));
  EXPECT_EQ(std::string::npos, log.back().find("Please stop"));
  EXPECT_EQ(std::string::npos, log.back().find("ada@"));
}

TEST(AppTest, CheckAnswersComesBeforeAnythingIsStored) {
  TestServerApp t;
  const std::string token = t.Token();
  *t.now += 10;
  const std::string answers = "token=" + FormEncode(token) + "&tool=bin-check&request_type=review&case_reference=" +
                              FormEncode("DEC/42") + "&message=" + FormEncode("Line one\nLine <two> \"quoted\"") +
                              "&name=Ada&email=" + FormEncode("ada@example.org") + "&reply=yes";
  Response check = t.Post(answers);
  ASSERT_EQ(200, check.status);
  EXPECT_EQ(0u, t.Rows().size());
  EXPECT_EQ("no-store", HeaderOf(check, "Cache-Control"));
  EXPECT_NE(std::string::npos, check.body.find("<title>Check your answers: Larger bin check – "));
  EXPECT_NE(std::string::npos, check.body.find("<h1 class=\"heading-xl\">Check your answers before sending your message"));
  EXPECT_NE(std::string::npos, check.body.find("content=\"noindex\""));
  EXPECT_NE(std::string::npos, check.body.find("class=\"summary-list summary-list--check\""));
  EXPECT_NE(std::string::npos, check.body.find("Ask for a person to review a decision made using this tool"));
  EXPECT_NE(std::string::npos, check.body.find("DEC/42"));
  EXPECT_NE(std::string::npos, check.body.find("Line one\nLine &lt;two&gt; &quot;quoted&quot;"));
  EXPECT_NE(std::string::npos, check.body.find("name=\"message\" value=\"Line one\nLine &lt;two&gt; &quot;quoted&quot;\""));
  EXPECT_NE(std::string::npos, check.body.find("name=\"change\" value=\"message\""));
  EXPECT_NE(std::string::npos, check.body.find("name=\"confirm\" value=\"yes\""));
  // "Change" shows the form again with everything kept, and no errors.
  Response change = t.Post(answers + "&change=message");
  EXPECT_EQ(200, change.status);
  EXPECT_NE(std::string::npos, change.body.find(">Line one\nLine &lt;two&gt; &quot;quoted&quot;</textarea>"));
  EXPECT_NE(std::string::npos, change.body.find("value=\"review\" checked"));
  EXPECT_EQ(std::string::npos, change.body.find("There is a problem"));
  EXPECT_EQ(token, testing::TokenIn(change.body));
  EXPECT_EQ(0u, t.Rows().size());
  // Send stores it, exactly as typed.
  Response sent = t.Post(answers + "&confirm=yes");
  ASSERT_EQ(303, sent.status);
  auto rows = t.Rows();
  ASSERT_EQ(1u, rows.size());
  EXPECT_EQ("Line one\nLine <two> \"quoted\"", rows[0].message);
  EXPECT_EQ("DEC/42", rows[0].case_reference);
  EXPECT_EQ("review", rows[0].request_type);
  EXPECT_TRUE(rows[0].reply_wanted);
}

TEST(AppTest, SameTokenTwiceGivesTheFirstReference) {
  TestServerApp t;
  const std::string token = t.Token();
  *t.now += 10;
  Response first = t.Post(ValidBody(token));
  Response second = t.Post(ValidBody(token));  // a double click, or back and resend
  EXPECT_EQ(303, second.status);
  EXPECT_EQ(HeaderOf(first, "Location"), HeaderOf(second, "Location"));
  EXPECT_EQ(1u, t.Rows().size());
}

TEST(AppTest, SameTokenWithOtherTextIsANewSubmissionLinkedToTheFirst) {
  TestServerApp t;
  const std::string token = t.Token();
  *t.now += 10;
  Response first = t.Post(ValidBody(token));
  Response second = t.Post(ValidBody(token, "&name=Changed"));
  ASSERT_EQ(303, second.status);
  EXPECT_NE(HeaderOf(first, "Location"), HeaderOf(second, "Location"));
  auto rows = t.Rows();
  ASSERT_EQ(2u, rows.size());
  EXPECT_EQ(rows[0].reference, rows[1].follows_reference);
  EXPECT_EQ("token_reused", rows[1].notes);
  EXPECT_EQ("Changed", rows[1].name);
  EXPECT_EQ("new", rows[1].status);
}

TEST(AppTest, HoneypotAndFastSubmissionsAreStoredAsSuspectedSpam) {
  TestServerApp t;
  std::string token = t.Token();
  *t.now += 10;
  Response honeypot = t.Post(ValidBody(token, "&website=http%3A%2F%2Fspam.example"));
  EXPECT_EQ(303, honeypot.status);  // the sender sees the normal confirmation
  token = t.Token();
  Response fast = t.Post("token=" + FormEncode(token) + "&request_type=question&message=quick&confirm=yes");
  EXPECT_EQ(303, fast.status);
  token = t.Token();
  *t.now += 10;
  Response links = t.Post("token=" + FormEncode(token) +
                          "&request_type=feedback&confirm=yes&message=" + FormEncode("http://a http://b http://c"));
  EXPECT_EQ(303, links.status);
  auto rows = t.Rows();
  ASSERT_EQ(3u, rows.size());
  EXPECT_EQ("suspected_spam", rows[0].status);
  EXPECT_EQ("honeypot", rows[0].flags);
  EXPECT_EQ("too_fast", rows[1].flags);
  EXPECT_EQ("many_links", rows[2].flags);
}

TEST(AppTest, ErrorsReshowTheFormWithEverythingKept) {
  TestServerApp t;
  const std::string token = t.Token();
  *t.now += 10;
  const std::string long_message = std::string(5001, 'x') + "<script>alert(1)</script>";
  Response r = t.Post("token=" + FormEncode(token) + "&tool=bin-check&message=" + FormEncode(long_message) +
                      "&name=" + FormEncode("Ada \"Lovelace\" <b>") + "&email=not-an-email&reply=yes" +
                      "&case_reference=ABC%2F123");
  EXPECT_EQ(422, r.status);
  EXPECT_EQ(0u, t.Rows().size());
  EXPECT_NE(std::string::npos, r.body.find("<title>Error: Contact us about Larger bin check – "));
  EXPECT_NE(std::string::npos, r.body.find("There is a problem"));
  EXPECT_NE(std::string::npos, r.body.find("href=\"#type-question\">Select what you want to do"));
  EXPECT_NE(std::string::npos, r.body.find("href=\"#message\">Message must be 5,000 characters or less"));
  EXPECT_NE(std::string::npos, r.body.find("href=\"#email\">Enter an email address in the correct format"));
  // Everything typed comes back, escaped.
  EXPECT_NE(std::string::npos, r.body.find(std::string(5001, 'x') + "&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_EQ(std::string::npos, r.body.find("<script>alert"));
  EXPECT_NE(std::string::npos, r.body.find("value=\"Ada &quot;Lovelace&quot; &lt;b&gt;\""));
  EXPECT_NE(std::string::npos, r.body.find("value=\"not-an-email\""));
  EXPECT_NE(std::string::npos, r.body.find("value=\"ABC/123\""));
  EXPECT_NE(std::string::npos, r.body.find("value=\"yes\" checked"));
  // The error summary comes before the h1.
  EXPECT_LT(r.body.find("error-summary"), r.body.find("<h1"));
}

TEST(AppTest, EmailIsRequiredForObjectionsReviewsAndReplies) {
  TestServerApp t;
  for (const char* body : {"request_type=objection&message=x", "request_type=review&message=x",
                           "request_type=question&message=x&reply=yes"}) {
    const std::string token = t.Token();
    *t.now += 10;
    Response r = t.Post("token=" + FormEncode(token) + "&" + body);
    EXPECT_EQ(422, r.status) << body;
    EXPECT_NE(std::string::npos, r.body.find("Enter your email address so we can reply")) << body;
  }
  const std::string token = t.Token();
  *t.now += 10;
  EXPECT_EQ(303, t.Post("token=" + FormEncode(token) + "&request_type=question&message=x&confirm=yes").status);
  const std::string review = t.Token();
  *t.now += 10;
  Response long_case = t.Post("token=" + FormEncode(review) + "&request_type=review&message=x&email=a%40b&case_reference=" +
                              FormEncode(std::string(101, 'c')));
  EXPECT_EQ(422, long_case.status);
  EXPECT_NE(std::string::npos, long_case.body.find("Case reference must be 100 characters or less"));
}

TEST(AppTest, MissingBadOrExpiredTokensReshowTheFormWithTheText) {
  TestServerApp t;
  Response missing = t.Post("request_type=question&message=" + FormEncode("my words"));
  EXPECT_EQ(422, missing.status);
  EXPECT_NE(std::string::npos, missing.body.find("We could not check your form"));
  EXPECT_NE(std::string::npos, missing.body.find(">my words</textarea>"));
  const std::string fresh = testing::TokenIn(missing.body);
  EXPECT_FALSE(fresh.empty());
  const std::string old = t.Token();
  *t.now += 25 * 3600;
  Response expired = t.Post("token=" + FormEncode(old) + "&request_type=question&message=" + FormEncode("my words"));
  EXPECT_EQ(422, expired.status);
  EXPECT_NE(std::string::npos, expired.body.find(">my words</textarea>"));
  EXPECT_NE(old, testing::TokenIn(expired.body));
  // The fresh token from the re-shown page works.
  *t.now += 10;
  EXPECT_EQ(303, t.Post("token=" + FormEncode(testing::TokenIn(expired.body)) +
                        "&request_type=question&confirm=yes&message=" + FormEncode("my words")).status);
  EXPECT_EQ(1u, t.Rows().size());
}

using testing::Generous;

// Bodies our form never sends still end with the text stored or shown back:
// unknown and repeated fields are left out, controls normalised.
TEST(AppTest, BodiesTheFormNeverSendsAreStoredOrShownBack) {
  TestServerApp t("http://127.0.0.1:8080", Generous());
  *t.now += 10;
  auto send = [&](const std::string& rest) {
    return t.Post("token=" + FormEncode(t.Token()) + "&request_type=question&confirm=yes&" + rest);
  };
  *t.now += 10;
  EXPECT_EQ(303, send("message=x&admin=1").status);
  EXPECT_EQ(303, send("message=first&message=second").status);
  EXPECT_EQ(303, send("message=%E2%28%A1").status);
  EXPECT_EQ(303, send("message=a%00b").status);
  auto rows = t.Rows();
  ASSERT_EQ(4u, rows.size());
  EXPECT_EQ("x", rows[0].message);
  EXPECT_EQ("first", rows[1].message);
  EXPECT_EQ("\xef\xbf\xbd(\xef\xbf\xbd", rows[2].message);
  EXPECT_EQ("invalid_utf8", rows[2].notes);
  EXPECT_EQ("ab", rows[3].message);
  EXPECT_EQ("controls_removed", rows[3].notes);
  // An unknown request type is a validation error, not a crash.
  EXPECT_EQ(422, t.Post("token=" + FormEncode(t.Token()) + "&request_type=complaint&message=x").status);
}

TEST(AppTest, CrossSitePostsAndOtherPathsAreRefused) {
  TestServerApp t;
  const std::string body = ValidBody(t.Token());
  EXPECT_EQ(403, t.Post(body, {{"Sec-Fetch-Site", "cross-site"}}).status);
  EXPECT_EQ(403, t.Post(body, {{"Sec-Fetch-Site", ""}, {"Origin", "https://evil.example"}}).status);
  EXPECT_EQ(403, t.Post(body, {{"Sec-Fetch-Site", ""}, {"Origin", "null"}}).status);
  *t.now += 10;
  EXPECT_EQ(303, t.Post(body, {{"Sec-Fetch-Site", ""}, {"Origin", "http://127.0.0.1:8080"}}).status);
  Request elsewhere;
  elsewhere.method = "POST";
  elsewhere.target = elsewhere.path = "/records/";
  elsewhere.headers.emplace("Content-Length", "0");
  elsewhere.headers.emplace("Content-Type", "application/x-www-form-urlencoded");
  EXPECT_EQ(405, t.app->HandleRequest(elsewhere).status);
}

TEST(AppTest, RateLimitsCountSendsShowTheTextBackAndIgnoreSpoofedAddresses) {
  TestServerApp t("http://127.0.0.1:8080", RateLimiter::Limits(), "10.0.0.1");
  auto send = [&](const std::string& message, std::map<std::string, std::string> headers, const std::string& peer) {
    const std::string token = t.Token();
    *t.now += 10;
    return t.Post("token=" + FormEncode(token) + "&request_type=question&confirm=yes&message=" + FormEncode(message),
                  headers, peer);
  };
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(303, send("send " + std::to_string(i), {{"REMOTE_ADDR", "203.0.113.9"}}, "127.0.0.1").status);
  }
  Response limited = send("my sixth message", {{"REMOTE_ADDR", "203.0.113.9"}, {"X-Real-IP", "203.0.113.9"}},
                          "127.0.0.1");
  EXPECT_EQ(429, limited.status);
  EXPECT_NE(std::string::npos, limited.body.find(">my sixth message</textarea>"));
  EXPECT_NE(std::string::npos, limited.body.find("Wait 2 minutes"));
  // A token refills every 120 s; the first send was 50 s ago.
  const int retry_after = std::atoi(HeaderOf(limited, "Retry-After").c_str());
  EXPECT_GE(retry_after, 69);
  EXPECT_LE(retry_after, 71);
  EXPECT_EQ("no-store", HeaderOf(limited, "Cache-Control"));
  EXPECT_EQ(5u, t.Rows().size());
  // The same token works once the wait is over.
  *t.now += retry_after;
  EXPECT_EQ(303, t.Post("token=" + FormEncode(testing::TokenIn(limited.body)) +
                        "&request_type=question&confirm=yes&message=" + FormEncode("my sixth message"),
                        {}, "127.0.0.1").status);
  EXPECT_EQ("my sixth message", t.Rows().back().message);
  // X-Real-IP counts only when the peer is the trusted proxy.
  EXPECT_EQ(303, send("through the proxy", {{"X-Real-IP", "198.51.100.7"}}, "10.0.0.1").status);
  Request spoof;
  spoof.remote_addr = "127.0.0.1";
  spoof.headers.emplace("X-Real-IP", "198.51.100.7");
  spoof.headers.emplace("REMOTE_ADDR", "198.51.100.7");
  EXPECT_EQ("127.0.0.1", t.app->ClientKey(spoof));
  spoof.remote_addr = "10.0.0.1";
  EXPECT_EQ("198.51.100.7", t.app->ClientKey(spoof));
  spoof.headers.emplace("X-Real-IP", "1.1.1.1");  // two values: not believed
  EXPECT_EQ("10.0.0.1", t.app->ClientKey(spoof));
  // IPv6 addresses count by their /64.
  spoof.remote_addr = "2001:db8:1:2:aaaa:bbbb:cccc:dddd";
  EXPECT_EQ("2001:db8:1:2::/64", t.app->ClientKey(spoof));
}

TEST(AppTest, ErrorPagesEchoNothingFromTheRequest) {
  TestServerApp t;
  const std::string marker = "zq<svg-onload>";
  for (int status : {400, 403, 405, 411, 413, 414, 415, 416, 429, 500}) {
    Response page = t.app->ErrorPage(status);
    EXPECT_EQ(status, page.status);
    EXPECT_EQ("no-store", HeaderOf(page, "Cache-Control"));
    EXPECT_NE(std::string::npos, page.body.find("Sorry, there is a problem")) << status;
    EXPECT_EQ(std::string::npos, page.body.find("[http_error")) << status;  // every status has its own text
  }
  Response missing = t.Get("/" + FormEncode(marker), {{"User-Agent", marker}, {"Referer", marker}});
  EXPECT_EQ(404, missing.status);
  EXPECT_EQ(std::string::npos, missing.body.find("zq"));
  Response refused = t.Post("message=" + FormEncode(marker), {{"Origin", marker}, {"Sec-Fetch-Site", ""}});
  EXPECT_EQ(403, refused.status);
  EXPECT_EQ(std::string::npos, refused.body.find("zq"));
  for (const auto& [name, value] : refused.headers) EXPECT_EQ(std::string::npos, value.find("zq")) << name;
}

TEST(AppTest, StaticFilesFromMemory) {
  TestServerApp t;
  Response home = t.Get("/");
  EXPECT_EQ(200, home.status);
  EXPECT_EQ("text/html; charset=utf-8", home.content_type);
  const std::string etag = HeaderOf(home, "ETag");
  EXPECT_FALSE(etag.empty());
  EXPECT_EQ(304, t.Get("/", {{"If-None-Match", etag}}).status);
  EXPECT_EQ("text/css; charset=utf-8", t.Get("/assets/style.css").content_type);
  Response moved = t.Get("/records");
  EXPECT_EQ(301, moved.status);
  EXPECT_EQ("/records/", HeaderOf(moved, "Location"));
  Response missing = t.Get("/nothing-here");
  EXPECT_EQ(404, missing.status);
  EXPECT_NE(std::string::npos, missing.body.find("Page not found"));  // the site's own 404 page
  Response part = t.Get("/assets/style.css", {{"Range", "bytes=0-9"}});
  EXPECT_EQ(206, part.status);
  EXPECT_EQ(10u, part.body.size());
  EXPECT_EQ(0u, HeaderOf(part, "Content-Range").find("bytes 0-9/"));
  EXPECT_EQ(206, t.Get("/assets/style.css", {{"Range", "bytes=-5"}}).status);
  EXPECT_EQ(416, t.Get("/assets/style.css", {{"Range", "bytes=99999999-"}}).status);
  EXPECT_EQ(416, t.Get("/assets/style.css", {{"Range", "bytes=0-,0-"}}).status);
  EXPECT_EQ(416, t.Get("/assets/style.css", {{"Range", "lines=1-2"}}).status);
  EXPECT_EQ(404, t.Get("/.env").status);
  EXPECT_EQ(400, t.Get("/a\\b").status);
  EXPECT_EQ(405, [&] {
    Request r;
    r.method = "DELETE";
    r.target = r.path = "/";
    return t.app->HandleRequest(r).status;
  }());
}

TEST(AppTest, StaticFilesFromDiskStayInsideTheRoot) {
  testing::TempDir temp;
  const std::string root = temp.path() + "/site";
  testing::WriteTree(root, {{"index.html", "<p>home</p>"},
                            {"about.html", "<p>about</p>"},
                            {"records/a/index.html", "<p>a</p>"},
                            {"notes.unknownext", "x"},
                            {".env", "SECRET=1"}});
  testing::WriteTree(temp.path() + "/site-old", {{"secret.html", "old"}});
  testing::WriteFile(temp.path() + "/feedback.db", "db");
  std::filesystem::create_symlink("/etc/passwd", root + "/passwd.html");
  std::filesystem::create_symlink(temp.path() + "/site-old", root + "/old");
  std::string error;
  auto site = DiskStaticSite::Open(root, &error);
  ASSERT_TRUE(site) << error;
  EXPECT_EQ("<p>home</p>", BodyOf(*site->Serve("/")));
  EXPECT_EQ("<p>a</p>", BodyOf(*site->Serve("/records/a/")));
  EXPECT_EQ(301, site->Serve("/records/a")->status);
  EXPECT_FALSE(site->Serve("/passwd.html"));
  EXPECT_FALSE(site->Serve("/old/secret.html"));
  EXPECT_FALSE(site->Serve("/notes.unknownext"));
  EXPECT_FALSE(site->Serve("/.env"));
  EXPECT_FALSE(site->Serve("/records/"));  // no index: no listing
  EXPECT_FALSE(site->Serve("/../feedback.db"));
  EXPECT_FALSE(site->Serve("/../site-old/secret.html"));
  EXPECT_FALSE(DiskStaticSite::Open(temp.path() + "/missing", &error));
}

}  // namespace
}  // namespace lantern

namespace lantern {
namespace {

// Each submission carries the day the law's clock gives it (received 2026-11-18).
TEST(AppTest, SubmissionsAreStoredWithTheirDueDates) {
  testing::TestServerApp t("http://127.0.0.1:8080", testing::Generous());
  for (const char* type : {"objection", "question"}) {
    const std::string token = t.Token();
    *t.now += 10;
    ASSERT_EQ(303, t.Post("token=" + testing::FormEncode(token) + "&request_type=" + type +
                          "&confirm=yes&email=a%40b.org&message=" + type).status);
  }
  const auto rows = t.Rows();
  ASSERT_EQ(2u, rows.size());
  EXPECT_EQ("2026-12-18", rows[0].due_on);  // one calendar month
  EXPECT_EQ("2026-12-16", rows[1].due_on);  // 20 working days
}

}  // namespace
}  // namespace lantern
