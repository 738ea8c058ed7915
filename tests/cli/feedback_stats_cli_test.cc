// `lantern build --feedback-stats DB`, run as a user runs it: counts of the
// last 12 months on record pages and in the open data, banded below 5, never
// any text; byte-identical rebuilds; clear failures that write nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>

#include "feedback/store.h"
#include "model/value.h"
#include "publish/json_writer.h"
#include "testing/json_schema_check.h"
#include "testing/test_support.h"

namespace lantern {
namespace {
namespace fs = std::filesystem;
using testing::RunLantern;

std::string Quoted(const std::string& path) { return "'" + path + "'"; }

// The tests' build date is SOURCE_DATE_EPOCH=1767225600 (2026-01-01), so the
// window is 2025-01-01 to 2026-01-01.
constexpr int64_t kJune2nd2025 = 1748822400;
constexpr int64_t kDay = 86400;

Submission Sent(const std::string& record_id, const std::string& type, int n, const std::string& due_on) {
  Submission s;
  s.record_id = record_id;
  s.request_type = type;
  // Different words each time: a repeated message would be held as spam.
  s.message = "Private words of resident number " + std::to_string(n) + " about " + type;
  s.name = "Resident " + std::to_string(n);
  s.due_on = due_on;
  return s;
}

// bin-check: 6 questions (5 answered on time, 1 late), 2 objections never
// answered and overdue by the build date (so late: 5 of 8 on time, 62%), one
// held as spam, one from 2024 (outside the window); the general form: 3
// feedback.
void FillStore(const std::string& path) {
  auto opened = FeedbackStore::Open(path, FeedbackStore::Mode::kCreate);
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  FeedbackStore& store = *opened.value();
  auto insert = [&](const Submission& s, int64_t at) {
    Result<InsertOutcome> outcome = store.Insert(s, at);
    EXPECT_TRUE(outcome.ok()) << outcome.status().message();
    return outcome.ok() ? outcome.value().reference : std::string();
  };
  for (int n = 0; n < 6; ++n) {
    const std::string reference = insert(Sent("bin-check", "question", n, "2025-06-30"), kJune2nd2025 + n * 60);
    const int64_t answered = n == 5 ? kJune2nd2025 + 40 * kDay : kJune2nd2025 + 10 * kDay;
    ASSERT_TRUE(store.SetStatus(reference, "answered", "replied", answered).ok());
  }
  insert(Sent("bin-check", "objection", 10, "2025-07-02"), kJune2nd2025);
  insert(Sent("bin-check", "objection", 11, "2025-07-02"), kJune2nd2025);
  Submission spam = Sent("bin-check", "objection", 12, "2025-07-02");
  spam.flags = {"honeypot"};
  insert(spam, kJune2nd2025);
  insert(Sent("bin-check", "question", 13, "2024-06-30"), kJune2nd2025 - 365 * kDay);
  for (int n = 20; n < 23; ++n) insert(Sent("", "feedback", n, "2025-06-30"), kJune2nd2025);
}

Value ParseOrDie(const std::string& text) {
  std::string error;
  std::optional<Value> value = ParseJson(text, &error);
  EXPECT_TRUE(value.has_value()) << error;
  return value ? *value : Value::Null();
}

class FeedbackStatsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = temp_.path() + "/site";
    db_ = temp_.path() + "/feedback.db";
    fs::copy(testing::SourceDir() + "/tests/golden/sites/basic/input", site_, fs::copy_options::recursive);
    FillStore(db_);
  }
  testing::RunResult Build(const std::string& out, const std::string& db) {
    return RunLantern("build " + Quoted(site_) + " -o " + Quoted(temp_.path() + "/" + out) +
                      (db.empty() ? "" : " --feedback-stats " + Quoted(db)));
  }
  testing::TempDir temp_;
  std::string site_, db_;
};

TEST_F(FeedbackStatsCliTest, RecordPagesAndOpenDataShowBandedCounts) {
  testing::RunResult r = Build("out", db_);
  ASSERT_EQ(0, r.exit_code) << r.output;
  const std::string out = temp_.path() + "/out";
  const std::string page = testing::ReadFileOrEmpty(out + "/records/bin-check/index.html");
  const size_t heading = page.find("<h2 class=\"heading-l\" id=\"feedback-stats-heading\">Questions and objections in "
                                   "the last 12 months</h2>");
  ASSERT_NE(std::string::npos, heading) << "no feedback counts on the page";
  // One sentence around the two days, spaced as words are.
  EXPECT_NE(std::string::npos,
            page.find("<p>What people sent us about this tool from <time datetime=\"2025-01-01\">1 January 2025</time> "
                      "to <time datetime=\"2026-01-01\">1 January 2026</time>, and how often we answered on time. "
                      "To protect",
                      heading));
  EXPECT_NE(std::string::npos,
            page.find("<dt class=\"summary-list__key\">Questions</dt>\n      <dd class=\"summary-list__value\">6</dd>",
                      heading));
  EXPECT_NE(std::string::npos, page.find("<dd class=\"summary-list__value\">Fewer than 5</dd>", heading));
  EXPECT_NE(std::string::npos, page.find("62% of 8 that were due or answered", heading));
  const std::string quiet = testing::ReadFileOrEmpty(out + "/records/rent-arrears-early-help/index.html");
  EXPECT_NE(std::string::npos, quiet.find("Not enough to show"));

  const Value record = ParseOrDie(testing::ReadFileOrEmpty(out + "/records/bin-check.json"));
  const Value* stats = record.FindPath("record.feedback_stats");
  ASSERT_NE(nullptr, stats);
  EXPECT_EQ("2025-01-01", stats->Find("from")->text());
  EXPECT_EQ("2026-01-01", stats->Find("to")->text());
  EXPECT_EQ("6", stats->Find("questions")->text());
  EXPECT_EQ("0", stats->FindPath("objections.at_least")->text());
  EXPECT_EQ("5", stats->FindPath("objections.fewer_than")->text());
  EXPECT_EQ("62", stats->FindPath("answered_on_time.percent")->text());
  EXPECT_EQ("8", stats->FindPath("answered_on_time.of")->text());
  const Value quiet_record = ParseOrDie(testing::ReadFileOrEmpty(out + "/records/rent-arrears-early-help.json"));
  EXPECT_TRUE(quiet_record.FindPath("record.feedback_stats.answered_on_time")->is_null());

  // Site-wide: the general form's 3 feedback join bin-check's, still banded.
  const Value all = ParseOrDie(testing::ReadFileOrEmpty(out + "/records.json"));
  EXPECT_EQ("6", all.FindPath("feedback_stats.questions")->text());
  EXPECT_EQ("5", all.FindPath("feedback_stats.feedback.fewer_than")->text());
  // The published schema describes what was published.
  const Value schema = ParseOrDie(testing::ReadFileOrEmpty(out + "/schema/record.json"));
  for (const Value& item : all.Find("records")->items()) {
    EXPECT_EQ(std::vector<std::string>{}, testing::ValidateJson(schema, item));
  }
  // And so says python3-jsonschema, of every record file too.
  if (std::system("python3 -c 'import jsonschema' > /dev/null 2>&1") == 0) {
    EXPECT_EQ(0, std::system(("python3 '" + testing::SourceDir() + "/tests/testing/validate_records.py' " + Quoted(out) +
                              " > /dev/null").c_str()));
  }

  // The spreadsheet has the same counts, "<5" for the band, before the licence.
  const std::string csv = testing::ReadFileOrEmpty(out + "/records.csv");
  const std::string header = csv.substr(0, csv.find("\r\n"));
  EXPECT_NE(std::string::npos,
            header.find(",feedback_stats.from,feedback_stats.to,feedback_stats.questions,feedback_stats.feedback,"
                        "feedback_stats.objections,feedback_stats.review_requests,"
                        "feedback_stats.answered_on_time.percent,feedback_stats.answered_on_time.of,licence"))
      << header;
  EXPECT_NE(std::string::npos, csv.find(",2025-01-01,2026-01-01,6,<5,<5,<5,62,8,")) << csv;
  EXPECT_NE(std::string::npos, csv.find(",2025-01-01,2026-01-01,<5,<5,<5,<5,,,")) << csv;
  EXPECT_NE(std::string::npos,
            testing::ReadFileOrEmpty(out + "/schema/records-csv-columns.csv").find("feedback_stats.questions,"));

  // Counts only: no resident's words or names anywhere in the site.
  for (const auto& [path, bytes] : testing::ReadTree(out)) {
    EXPECT_EQ(std::string::npos, bytes.find("Private words")) << path;
    EXPECT_EQ(std::string::npos, bytes.find("Resident 1")) << path;
  }
}

TEST_F(FeedbackStatsCliTest, TheSameStoreBuildsTheSameBytesAndWithoutTheFlagNothingAppears) {
  ASSERT_EQ(0, Build("first", db_).exit_code);
  ASSERT_EQ(0, Build("second", db_).exit_code);
  EXPECT_TRUE(testing::ReadTree(temp_.path() + "/first") == testing::ReadTree(temp_.path() + "/second"));
  ASSERT_EQ(0, Build("plain", "").exit_code);
  for (const auto& [path, bytes] : testing::ReadTree(temp_.path() + "/plain")) {
    EXPECT_EQ(std::string::npos, bytes.find("feedback_stats")) << path;
    EXPECT_EQ(std::string::npos, bytes.find("Questions and objections in the last 12 months")) << path;
  }
}

TEST_F(FeedbackStatsCliTest, AStoreThatCannotBeReadFailsTheBuildAndNothingIsWritten) {
  const std::string missing = temp_.path() + "/no-such.db";
  const std::string not_sqlite = temp_.path() + "/notes.txt";
  testing::WriteFile(not_sqlite, std::string(4096, 'x'));
  const std::string folder = temp_.path() + "/a-folder";
  fs::create_directory(folder);
  for (const std::string& bad : {missing, not_sqlite, folder}) {
    testing::RunResult r = Build("out", bad);
    EXPECT_EQ(2, r.exit_code) << bad << ": " << r.output;
    EXPECT_NE(std::string::npos, r.output.find("--feedback-stats")) << r.output;
    EXPECT_NE(std::string::npos, r.output.find(bad)) << "the message names the path: " << r.output;
    EXPECT_FALSE(fs::exists(temp_.path() + "/out")) << bad;
  }
}

}  // namespace
}  // namespace lantern
