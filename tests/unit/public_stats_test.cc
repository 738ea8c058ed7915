// The counts residents see of the feedback store (feedback/public_stats.h):
// banding below 5, the window's edges, held rows, and the on-time share.
#include "feedback/public_stats.h"

#include <gtest/gtest.h>

namespace lantern {
namespace {

const StatsWindow kWindow{"2025-12-01", "2026-12-01"};

StoredSubmission Row(const std::string& record_id, const std::string& type, const std::string& received_day,
                     const std::string& status = "new") {
  StoredSubmission row;
  row.record_id = record_id;
  row.request_type = type;
  row.received_at = received_day + "T10:00:00Z";
  row.status = status;
  return row;
}

StoredSubmission Answered(StoredSubmission row, const std::string& due_on, const std::string& answered_day) {
  row.due_on = due_on;
  row.answered_at = answered_day.empty() ? "" : answered_day + "T09:00:00Z";
  row.status = answered_day.empty() ? "in_progress" : "answered";
  return row;
}

std::vector<StoredSubmission> Repeat(const StoredSubmission& row, int times) {
  return std::vector<StoredSubmission>(static_cast<size_t>(times), row);
}

PublicFeedbackCounts For(const std::vector<StoredSubmission>& rows, const std::string& id = "bins") {
  return ComputePublicFeedbackStats(rows, {"bins", "parking"}, kWindow).by_record.at(id);
}

TEST(PublicStatsTest, CountsBelowFiveAreBandedAndFiveIsShown) {
  EXPECT_TRUE(BandCount(0).fewer_than_smallest);
  const PublicCount four = BandCount(4);
  EXPECT_TRUE(four.fewer_than_smallest);
  EXPECT_EQ(0, four.exact) << "the true count must not travel with the band";
  EXPECT_FALSE(BandCount(5).fewer_than_smallest);
  EXPECT_EQ(5, BandCount(5).exact);

  std::vector<StoredSubmission> rows = Repeat(Row("bins", "question", "2026-03-01"), 4);
  const std::vector<StoredSubmission> five = Repeat(Row("bins", "objection", "2026-03-01"), 5);
  rows.insert(rows.end(), five.begin(), five.end());
  const PublicFeedbackCounts counts = For(rows);
  EXPECT_TRUE(counts.questions.fewer_than_smallest);
  EXPECT_FALSE(counts.objections.fewer_than_smallest);
  EXPECT_EQ(5, counts.objections.exact);
  EXPECT_TRUE(counts.reviews.fewer_than_smallest);
  EXPECT_TRUE(counts.feedback.fewer_than_smallest);
}

TEST(PublicStatsTest, EveryRecordHasAnEntryEvenWithNothingReceived) {
  const PublicFeedbackStats stats = ComputePublicFeedbackStats({}, {"bins", "parking"}, kWindow);
  ASSERT_EQ(2u, stats.by_record.size());
  EXPECT_TRUE(stats.by_record.at("parking").questions.fewer_than_smallest);
  EXPECT_FALSE(stats.by_record.at("parking").on_time_shown);
  EXPECT_EQ("2025-12-01", stats.window.first_day);
}

TEST(PublicStatsTest, TheWindowIncludesBothEdgeDaysAndNothingOutside) {
  std::vector<StoredSubmission> rows;
  for (const char* day : {"2025-12-01", "2026-12-01", "2026-06-15", "2026-06-16", "2026-06-17"}) {
    rows.push_back(Row("bins", "question", day));
  }
  EXPECT_EQ(5, For(rows).questions.exact);
  rows.push_back(Row("bins", "question", "2025-11-30"));  // the day before the window
  rows.push_back(Row("bins", "question", "2026-12-02"));  // after the build date
  EXPECT_EQ(5, For(rows).questions.exact);
}

TEST(PublicStatsTest, HeldRowsAreLeftOutAndNotSpamCounts) {
  std::vector<StoredSubmission> rows = Repeat(Row("bins", "review", "2026-02-01"), 4);
  rows.push_back(Row("bins", "review", "2026-02-01", "suspected_spam"));
  rows.push_back(Row("bins", "review", "2026-02-01", "rate_limited"));
  EXPECT_TRUE(For(rows).reviews.fewer_than_smallest);
  rows.push_back(Row("bins", "review", "2026-02-01", "not_spam"));
  EXPECT_EQ(5, For(rows).reviews.exact);
  for (const char* status : {"acknowledged", "in_progress", "answered", "closed"}) {
    rows.push_back(Row("bins", "review", "2026-02-01", status));
  }
  EXPECT_EQ(9, For(rows).reviews.exact);
}

TEST(PublicStatsTest, GeneralAndGoneRecordsCountOnlySiteWide) {
  std::vector<StoredSubmission> rows = Repeat(Row("", "feedback", "2026-05-01"), 3);
  const std::vector<StoredSubmission> gone = Repeat(Row("renamed-record", "feedback", "2026-05-01"), 3);
  rows.insert(rows.end(), gone.begin(), gone.end());
  rows.push_back(Row("bins", "feedback", "2026-05-01"));
  const PublicFeedbackStats stats = ComputePublicFeedbackStats(rows, {"bins", "parking"}, kWindow);
  EXPECT_EQ(7, stats.site_wide.feedback.exact);
  EXPECT_TRUE(stats.by_record.at("bins").feedback.fewer_than_smallest);
  EXPECT_EQ(0u, stats.by_record.count("renamed-record"));
}

TEST(PublicStatsTest, TheOnTimeShareNeedsFiveJudged) {
  const StoredSubmission on_time = Answered(Row("bins", "question", "2026-03-02"), "2026-03-30", "2026-03-20");
  std::vector<StoredSubmission> rows = Repeat(on_time, 4);
  EXPECT_FALSE(For(rows).on_time_shown) << "a denominator of 4 is not enough to show";
  rows.push_back(Answered(Row("bins", "question", "2026-03-02"), "2026-03-30", "2026-03-31"));  // a day late
  const PublicFeedbackCounts counts = For(rows);
  ASSERT_TRUE(counts.on_time_shown);
  EXPECT_EQ(5, counts.on_time_judged);
  EXPECT_EQ(80, counts.on_time_percent);
}

TEST(PublicStatsTest, AnsweredOnTheDueDayIsOnTimeAndAfterItIsLate) {
  std::vector<StoredSubmission> rows = Repeat(Answered(Row("bins", "objection", "2026-03-02"), "2026-04-02",
                                                       "2026-04-02"), 4);
  rows.push_back(Answered(Row("bins", "objection", "2026-03-02"), "2026-04-02", "2026-04-03"));
  EXPECT_EQ(80, For(rows).on_time_percent);
}

TEST(PublicStatsTest, AnExtendedDueDateIsTheOneJudged) {
  StoredSubmission extended = Answered(Row("bins", "review", "2026-03-02"), "2026-04-02", "2026-05-20");
  extended.extended_due_on = "2026-06-02";  // Art. 12(3): two further months
  std::vector<StoredSubmission> rows = Repeat(extended, 5);
  EXPECT_EQ(100, For(rows).on_time_percent);
  rows[0].extended_due_on.clear();  // without the extension the same answer is late
  EXPECT_EQ(80, For(rows).on_time_percent);
}

TEST(PublicStatsTest, OpenRowsAreJudgedOnlyOnceTheirDueDateHasPassed) {
  std::vector<StoredSubmission> rows = Repeat(Answered(Row("bins", "question", "2026-03-02"), "2026-03-30",
                                                       "2026-03-10"), 4);
  rows.push_back(Answered(Row("bins", "question", "2026-11-20"), "2026-12-01", ""));  // due today: not yet late
  rows.push_back(Answered(Row("bins", "question", "2026-11-20"), "2026-12-02", ""));  // due later
  rows.push_back(Answered(Row("bins", "question", "2026-11-20"), "", ""));             // no clock at all
  EXPECT_FALSE(For(rows).on_time_shown);
  rows.push_back(Answered(Row("bins", "question", "2026-10-01"), "2026-11-30", ""));  // overdue and open
  const PublicFeedbackCounts counts = For(rows);
  ASSERT_TRUE(counts.on_time_shown);
  EXPECT_EQ(5, counts.on_time_judged);
  EXPECT_EQ(80, counts.on_time_percent);
}

TEST(PublicStatsTest, TheShareIsRoundedDownSoOneHundredMeansEveryOne) {
  std::vector<StoredSubmission> rows = Repeat(Answered(Row("bins", "question", "2026-03-02"), "2026-03-30",
                                                       "2026-03-10"), 199);
  rows.push_back(Answered(Row("bins", "question", "2026-03-02"), "2026-03-30", "2026-04-10"));
  EXPECT_EQ(99, For(rows).on_time_percent);
}

}  // namespace
}  // namespace lantern
