// The residents' promise, over real sockets: once a resident presses a button
// with text in the form, that text is stored or shown back, never dropped;
// and the store cannot vanish without the server noticing. One test for each
// way issue 9 found to break it.
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <vector>

#include "server/raw_http.h"
#include "server/live_server.h"
#include "server/server_fixture.h"
#include "testing/test_support.h"

namespace lantern {
namespace {
namespace fs = std::filesystem;
using testing::FormEncode;
using testing::LiveServer;
using testing::RawResponse;

std::string Answers(const std::string& token, const std::string& type, const std::string& message,
                    const std::string& tool = "bin-check") {
  return "token=" + FormEncode(token) + "&tool=" + tool + "&request_type=" + type + "&message=" + FormEncode(message) +
         "&email=" + FormEncode("ada@example.org");
}

// The hidden fields of a check-answers page, as the browser posts them back.
std::string HiddenFieldsOf(const std::string& html) {
  std::string body;
  const std::string marker = "<input type=\"hidden\" name=\"";
  for (size_t at = html.find(marker); at != std::string::npos; at = html.find(marker, at + 1)) {
    const size_t name_start = at + marker.size();
    const size_t name_end = html.find('"', name_start);
    const size_t value_start = html.find("value=\"", name_end) + 7;
    const size_t value_end = html.find('"', value_start);
    std::string value = html.substr(value_start, value_end - value_start);
    for (const auto& [entity, plain] : std::vector<std::pair<std::string, std::string>>{
             {"&quot;", "\""}, {"&apos;", "'"}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
      for (size_t e = value.find(entity); e != std::string::npos; e = value.find(entity, e + plain.size())) {
        value.replace(e, entity.size(), plain);
      }
    }
    body += (body.empty() ? "" : "&") + html.substr(name_start, name_end - name_start) + "=" + FormEncode(value);
  }
  return body;
}

// A resident who makes a mistake, checks their answers and presses Change
// before sending, five times over, uses up nothing: only the sends count.
TEST(PromiseTest, CorrectionsCheckAndChangeDoNotCountTowardsTheLimit) {
  LiveServer s;  // production limits: 5 sends in 10 minutes
  for (int journey = 0; journey < 5; ++journey) {
    const std::string token = s.Token();
    *s.fixture().now += 20;
    const std::string message = "Objection number " + std::to_string(journey);
    // 1. A mistake: no email for an objection.
    RawResponse error = s.PostForm("token=" + FormEncode(token) + "&tool=bin-check&request_type=objection&message=" +
                                   FormEncode(message));
    ASSERT_EQ(422, error.status) << journey;
    // 2. Corrected: the check-answers page.
    RawResponse check = s.PostForm(Answers(token, "objection", message));
    ASSERT_EQ(200, check.status) << journey;
    // 3. "Change", then continue to the check page again.
    RawResponse change = s.PostForm(HiddenFieldsOf(check.body) + "&change=message");
    ASSERT_EQ(200, change.status) << journey;
    ASSERT_NE(std::string::npos, change.body.find(">" + message + "</textarea>"));
    RawResponse again = s.PostForm(Answers(token, "objection", message));
    ASSERT_EQ(200, again.status) << journey;
    // 4. Send.
    RawResponse sent = s.PostForm(HiddenFieldsOf(again.body) + "&confirm=yes");
    ASSERT_EQ(303, sent.status) << journey << sent.raw.substr(0, 400);
  }
  const auto rows = s.fixture().Rows();
  ASSERT_EQ(5u, rows.size());
  for (const auto& row : rows) EXPECT_EQ("new", row.status);
}

// Posts that never carried a valid token cost nothing, so a flood of them
// cannot shut the form for a resident; a real send past the hourly ceiling
// is held for staff as rate_limited, not refused.
TEST(PromiseTest, JunkCannotUseUpTheCeilingAndTheCeilingHoldsRatherThanRefuses) {
  RateLimiter::Limits limits;
  limits.global_per_hour = 2;
  LiveServer s(limits);
  for (int i = 0; i < 50; ++i) {
    RawResponse junk = s.PostForm("request_type=question&confirm=yes&message=buy+now+" + std::to_string(i),
                                  "X-Real-IP: 10.9.0." + std::to_string(i) + "\r\n");
    ASSERT_EQ(422, junk.status) << i;  // shown back with a fresh token, stored nowhere
  }
  EXPECT_TRUE(s.fixture().Rows().empty());
  for (int i = 0; i < 3; ++i) {
    const std::string token = s.Token();
    *s.fixture().now += 10;
    RawResponse sent = s.PostForm(Answers(token, "objection", "Real objection " + std::to_string(i)) + "&confirm=yes");
    EXPECT_EQ(303, sent.status) << i;
  }
  const auto rows = s.fixture().Rows();
  ASSERT_EQ(3u, rows.size());
  EXPECT_EQ("new", rows[0].status);
  EXPECT_EQ("new", rows[1].status);
  EXPECT_EQ("rate_limited", rows[2].status);  // held for staff review, and the resident has a reference
}

TEST(PromiseTest, AReusedTokenWithNewTextIsANewLinkedSubmission) {
  LiveServer s(testing::Generous());
  const std::string token = s.Token();
  *s.fixture().now += 10;
  RawResponse first = s.PostForm(Answers(token, "question", "First question") + "&confirm=yes");
  RawResponse repeat = s.PostForm(Answers(token, "question", "First question") + "&confirm=yes");
  RawResponse second = s.PostForm(Answers(token, "question", "A second, different question") + "&confirm=yes");
  ASSERT_EQ(303, first.status);
  EXPECT_EQ(first.Header("Location"), repeat.Header("Location"));
  ASSERT_EQ(303, second.status);
  EXPECT_NE(first.Header("Location"), second.Header("Location"));
  const auto rows = s.fixture().Rows();
  ASSERT_EQ(2u, rows.size());
  EXPECT_EQ("A second, different question", rows[1].message);
  EXPECT_EQ(rows[0].reference, rows[1].follows_reference);
  // Each confirmation page shows its own stored reference.
  EXPECT_EQ(200, s.Get(second.Header("Location")).status);
}

// Text pasted from a word processor or a terminal: form feed, ESC, DEL, a
// right-to-left override. Stored, normalised, and the override flagged.
TEST(PromiseTest, PastedControlCharactersAreNormalisedNotRefused) {
  LiveServer s(testing::Generous());
  const std::string pasted = "Page one\fPage two \x1b[1mbold\x1b[0m\x7f and \xe2\x80\xae" "evil";
  const std::string stored = "Page one\nPage two [1mbold[0m and \xe2\x80\xae" "evil";
  // Through the check-answers page, as a browser goes: the page shows the
  // text as it will be stored, and Send stores exactly that.
  std::string token = s.Token();
  *s.fixture().now += 10;
  RawResponse check = s.PostForm(Answers(token, "feedback", pasted));
  ASSERT_EQ(200, check.status) << check.raw.substr(0, 300);
  RawResponse sent = s.PostForm(HiddenFieldsOf(check.body) + "&confirm=yes");
  ASSERT_EQ(303, sent.status) << sent.raw.substr(0, 300);
  // Sent in one step: the notes say what was changed.
  token = s.Token();
  *s.fixture().now += 10;
  ASSERT_EQ(303, s.PostForm(Answers(token, "question", "Again: " + pasted) + "&confirm=yes").status);
  const auto rows = s.fixture().Rows();
  ASSERT_EQ(2u, rows.size());
  EXPECT_EQ(stored, rows[0].message);
  EXPECT_EQ("Again: " + stored, rows[1].message);
  for (const auto& row : rows) {
    EXPECT_NE(std::string::npos, row.notes.find("bidi_controls")) << row.notes;  // flagged for staff
    EXPECT_EQ("new", row.status);
  }
  EXPECT_NE(std::string::npos, rows[1].notes.find("controls_removed")) << rows[1].notes;
}

// The record was renamed between loading the form and sending it.
TEST(PromiseTest, AMessageForARecordThatHasGoneIsKeptAsGeneralFeedbackNamingIt) {
  LiveServer s(testing::Generous());
  const std::string token = s.Token();
  *s.fixture().now += 10;
  RawResponse check = s.PostForm(Answers(token, "objection", "Stop using my data", "old-bin-check"));
  ASSERT_EQ(200, check.status) << check.raw.substr(0, 300);
  EXPECT_NE(std::string::npos, check.body.find("(old-bin-check) is no longer on this site"));
  RawResponse sent = s.PostForm(HiddenFieldsOf(check.body) + "&confirm=yes");
  ASSERT_EQ(303, sent.status);
  const auto rows = s.fixture().Rows();
  ASSERT_EQ(1u, rows.size());
  EXPECT_EQ("old-bin-check", rows[0].record_id);
  EXPECT_EQ("", rows[0].record_updated);
  EXPECT_EQ("record_gone", rows[0].notes);
  EXPECT_EQ("Stop using my data", rows[0].message);
}

// A client that announces a body and hangs up half way never has half a
// message stored as if it were whole.
TEST(PromiseTest, ABodyCutShortByAVanishedClientIsNeverStored) {
  LiveServer s(testing::Generous());
  const std::string token = s.Token();
  *s.fixture().now += 10;
  // What arrives is a complete-looking form ("…&message=Cut&confirm=yes"), but
  // the Content-Length announced 40 bytes more.
  const std::string arrived = Answers(token, "objection", "Cut") + "&confirm=yes";
  const int fd = testing::HttpOpen(
      s.port(),
      "POST /feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
      "Content-Length: " + std::to_string(arrived.size() + 40) + "\r\n\r\n" + arrived,
      10);
  ASSERT_GE(fd, 0);
  shutdown(fd, SHUT_WR);  // the client is gone: the server sees the end of the stream
  char buffer[4096];
  std::string reply;
  for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) reply.append(buffer, n);
  close(fd);
  EXPECT_EQ(std::string::npos, reply.find(" 303 ")) << reply.substr(0, 200);
  EXPECT_TRUE(s.fixture().Rows().empty());
  bool logged = false;
  for (const std::string& line : s.fixture().Log()) logged |= line.find("event=feedback_incomplete_body") == 0;
  EXPECT_TRUE(logged);
}

TEST(PromiseTest, TheConfirmationPageNeverClaimsAReferenceThatIsNotStored) {
  LiveServer s;
  EXPECT_EQ(404, s.Get("/feedback/sent/ABCDEFGH").status);
  EXPECT_EQ(404, s.Get("/feedback/sent/K7MP3XWA").status);
}

// The database is deleted, replaced or made read-only while the server runs:
// the next send is refused with the text shown back and a log line, and the
// health check fails; nothing is acknowledged that the staff tools cannot see.
TEST(PromiseTest, AStoreThatVanishesIsNoticedBeforeAnythingIsAcknowledged) {
  for (const std::string how : {"deleted", "replaced", "read-only"}) {
    testing::TempDir temp;
    const std::string db = temp.path() + "/feedback.db";
    LiveServer s(testing::Generous(), false, EventStreamLimits(), db);
    EXPECT_EQ(200, s.Get("/__lantern/health").status) << how;
    std::string token = s.Token();
    *s.fixture().now += 10;
    ASSERT_EQ(303, s.PostForm(Answers(token, "question", "Before") + "&confirm=yes").status) << how;
    if (how == "deleted") {
      fs::remove(db);
    } else if (how == "replaced") {
      fs::rename(db, db + ".old");
      testing::WriteFile(db, "");
    } else {
      chmod(db.c_str(), 0400);
    }
    token = s.Token();
    *s.fixture().now += 10;
    RawResponse refused = s.PostForm(Answers(token, "objection", "My objection after the " + how) + "&confirm=yes");
    EXPECT_EQ(503, refused.status) << how;
    EXPECT_EQ("60", refused.Header("Retry-After")) << how;
    EXPECT_NE(std::string::npos, refused.body.find("We could not save your message just now")) << how;
    EXPECT_NE(std::string::npos, refused.body.find(">My objection after the " + how + "</textarea>")) << how;
    EXPECT_EQ(503, s.Get("/__lantern/health").status) << how;
    bool logged = false;
    for (const std::string& line : s.fixture().Log()) {
      logged |= line.find("event=feedback_store_error") == 0 && line.find(db) != std::string::npos;
    }
    EXPECT_TRUE(logged) << how;
  }
}

// Another process holds SQLite's write lock: every resident waits a few
// seconds at most, all at once rather than in turn, then gets the text back.
TEST(PromiseTest, ALockedStoreShowsTheTextBackWithinTheWaitNotInTurn) {
  testing::TempDir temp;
  const std::string db = temp.path() + "/feedback.db";
  FeedbackStore::Options options;
  options.write_wait_ms = 1500;
  LiveServer s(testing::Generous(), false, EventStreamLimits(), db, options);
  // A second process takes the write lock and keeps it until its stdin closes.
  const std::string script = temp.path() + "/hold.py";
  testing::WriteFile(script,
                     "import sqlite3, sys\n"
                     "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                     "c.execute('BEGIN IMMEDIATE')\n"
                     "print('locked', flush=True)\n"
                     "sys.stdin.read()\n");
  std::FILE* holder = popen(("python3 '" + script + "' '" + db + "' > '" + temp.path() + "/held'").c_str(), "w");
  ASSERT_NE(nullptr, holder);
  for (int i = 0; i < 600 && testing::ReadFileOrEmpty(temp.path() + "/held").find("locked") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_NE(std::string::npos, testing::ReadFileOrEmpty(temp.path() + "/held").find("locked"));
  constexpr int kResidents = 8;
  std::vector<std::string> tokens;
  for (int i = 0; i < kResidents; ++i) tokens.push_back(s.Token());
  *s.fixture().now += 10;
  std::vector<RawResponse> replies(kResidents);
  std::vector<std::thread> residents;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kResidents; ++i) {
    residents.emplace_back([&, i] {
      replies[i] = s.PostForm(Answers(tokens[i], "question", "Question " + std::to_string(i)) + "&confirm=yes");
    });
  }
  for (auto& resident : residents) resident.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fputs("\n", holder);
  pclose(holder);
  for (int i = 0; i < kResidents; ++i) {
    EXPECT_EQ(503, replies[i].status) << i;
    EXPECT_NE(std::string::npos, replies[i].body.find(">Question " + std::to_string(i) + "</textarea>")) << i;
  }
  // In turn, eight residents would wait 8 x 1.5 s = 12 s; together, one wait.
  EXPECT_LT(seconds, kResidents * 1.5 * 0.75) << seconds;
  // Once the lock is gone, a send goes through.
  const std::string token = s.Token();
  EXPECT_EQ(303, s.PostForm(Answers(token, "question", "After the lock") + "&confirm=yes").status);
}

// Files 0600 and new folders 0700, whatever the umask.
TEST(PromiseTest, TheStoreIsPrivateToItsUser) {
  testing::TempDir temp;
  const mode_t old_umask = umask(0022);
  const std::string db = temp.path() + "/state/lantern/feedback.db";
  {
    LiveServer s(testing::Generous(), false, EventStreamLimits(), db);
    const std::string token = s.Token();
    *s.fixture().now += 10;
    ASSERT_EQ(303, s.PostForm(Answers(token, "question", "Private?") + "&confirm=yes").status);
    for (const std::string& path : {db, db + "-wal", db + "-shm"}) {
      struct stat info;
      ASSERT_EQ(0, stat(path.c_str(), &info)) << path;
      EXPECT_EQ(0600u, info.st_mode & 0777) << path;
    }
    for (const std::string& folder : {temp.path() + "/state", temp.path() + "/state/lantern"}) {
      struct stat info;
      ASSERT_EQ(0, stat(folder.c_str(), &info)) << folder;
      EXPECT_EQ(0700u, info.st_mode & 0777) << folder;
    }
  }
  umask(old_umask);
}

}  // namespace
}  // namespace lantern
