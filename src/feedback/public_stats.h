// What residents may see of the feedback store (`lantern build
// --feedback-stats DB`): for each record, how many questions, feedback,
// objections and review requests were received in a window, and the share
// answered on time. Counts only: no text and no reference of any submission
// leaves this file, and every count from 0 to 4 is banded together as "fewer
// than 5", so a count never points at one or two residents.
//
// Pure computation over rows already read (FeedbackStore::List); no I/O, so
// the rules are unit-tested without a database.
#ifndef LANTERN_FEEDBACK_PUBLIC_STATS_H_
#define LANTERN_FEEDBACK_PUBLIC_STATS_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "feedback/store.h"

namespace lantern {

// Counts from 0 up to this are shown as "fewer than" it, never exactly.
inline constexpr long long kSmallestShownCount = 5;

// A count as it may be published: exact when at least kSmallestShownCount,
// otherwise only "fewer than kSmallestShownCount" (and then `exact` is 0, so
// the true number cannot leak through a careless renderer).
struct PublicCount {
  bool fewer_than_smallest = true;
  long long exact = 0;
};
PublicCount BandCount(long long count);

struct PublicFeedbackCounts {
  PublicCount questions, feedback, objections, reviews;
  // The share answered on time, in whole percent rounded down (so 100 means
  // every one was): shown only when at least kSmallestShownCount submissions
  // could be judged; otherwise `on_time_shown` is false and both are 0.
  bool on_time_shown = false;
  int on_time_percent = 0;
  long long on_time_judged = 0;  // the denominator, when shown
};

// The days counted: submissions received from `first_day` to `last_day`,
// both included (YYYY-MM-DD, UTC as received_at is). `last_day` is also the
// day against which due dates are judged.
struct StatsWindow {
  std::string first_day, last_day;
};

struct PublicFeedbackStats {
  StatsWindow window;
  // One entry for every id in `record_ids`, even with nothing received.
  std::map<std::string, PublicFeedbackCounts> by_record;
  // Every counted submission: the records' and those sent with the general
  // form or about a record no longer on the site.
  PublicFeedbackCounts site_wide;
};

// Counts `rows` received in `window`. Rows held for staff review
// (suspected_spam, rate_limited) are left out; not_spam and every casework
// status count. A row whose record_id is empty or not in `record_ids` counts
// only in site_wide.
//
// On time: among the counted rows with a due date (DueOn(), so an Art. 12(3)
// extension moves it) that were answered by `window.last_day` or whose due
// date is before it, the share answered on or before the due date. A row due
// on the last day and not yet answered is not judged: it may still be.
PublicFeedbackStats ComputePublicFeedbackStats(const std::vector<StoredSubmission>& rows,
                                               const std::set<std::string>& record_ids, const StatsWindow& window);

}  // namespace lantern

#endif  // LANTERN_FEEDBACK_PUBLIC_STATS_H_
