#include "feedback/public_stats.h"

#include <string_view>

namespace lantern {
namespace {

// The YYYY-MM-DD day of a stored time ("2026-11-22T05:30:15Z"), which
// compares as text in date order.
std::string_view DayOf(const std::string& stored_time) { return std::string_view(stored_time).substr(0, 10); }

bool IsHeld(const std::string& status) { return status == "suspected_spam" || status == "rate_limited"; }

// Exact tallies, kept inside this file; only banded counts are returned.
struct Tally {
  long long questions = 0, feedback = 0, objections = 0, reviews = 0;
  long long judged = 0, on_time = 0;

  void Add(const StoredSubmission& row, std::string_view last_day) {
    if (row.request_type == "question") ++questions;
    else if (row.request_type == "feedback") ++feedback;
    else if (row.request_type == "objection") ++objections;
    else if (row.request_type == "review") ++reviews;
    const std::string& due = row.DueOn();
    if (due.empty()) return;  // no clock to judge it by
    const bool answered = !row.answered_at.empty() && DayOf(row.answered_at) <= last_day;
    if (!answered && !(std::string_view(due) < last_day)) return;  // not yet due: it may still be on time
    ++judged;
    if (answered && DayOf(row.answered_at) <= std::string_view(due)) ++on_time;
  }

  PublicFeedbackCounts Publish() const {
    PublicFeedbackCounts counts;
    counts.questions = BandCount(questions);
    counts.feedback = BandCount(feedback);
    counts.objections = BandCount(objections);
    counts.reviews = BandCount(reviews);
    if (judged >= kSmallestShownCount) {
      counts.on_time_shown = true;
      counts.on_time_percent = static_cast<int>(on_time * 100 / judged);  // rounded down: 100 only when all were
      counts.on_time_judged = judged;
    }
    return counts;
  }
};

}  // namespace

PublicCount BandCount(long long count) {
  if (count < kSmallestShownCount) return PublicCount{};
  return PublicCount{false, count};
}

PublicFeedbackStats ComputePublicFeedbackStats(const std::vector<StoredSubmission>& rows,
                                               const std::set<std::string>& record_ids, const StatsWindow& window) {
  std::map<std::string, Tally> tallies;
  for (const std::string& id : record_ids) tallies[id];
  Tally site_wide;
  const std::string_view first_day = window.first_day, last_day = window.last_day;
  for (const StoredSubmission& row : rows) {
    const std::string_view received = DayOf(row.received_at);
    if (received < first_day || received > last_day || IsHeld(row.status)) continue;
    site_wide.Add(row, last_day);
    if (auto found = tallies.find(row.record_id); found != tallies.end()) found->second.Add(row, last_day);
  }
  PublicFeedbackStats stats;
  stats.window = window;
  for (const auto& [id, tally] : tallies) stats.by_record.emplace(id, tally.Publish());
  stats.site_wide = site_wide.Publish();
  return stats;
}

}  // namespace lantern
