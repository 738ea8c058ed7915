// Completeness and quality checks on a loaded record: the gaps a resident
// would notice. All are warnings that say what to do.
//
//   L070 a url or email field that is "N/A" or empty: residents have nowhere to go
//   L071 a Companies House number that is not 8 characters
//   L072 the review is overdue: next_review (given, or updated + the review
//        interval) is before today
//   L073 updated is older than the review interval (when the review itself is
//        not yet overdue)
//   L074 no resident_guidance
//   L075 appeals_and_review gives no way to act: no link, email or form
//
// "Today" is the UTC date of SOURCE_DATE_EPOCH when set, else the system date
// (TodayUtc in model/date.h). Drafts and retired records are not checked for
// review dates.
#ifndef LANTERN_LOAD_COMPLETENESS_H_
#define LANTERN_LOAD_COMPLETENESS_H_

#include <string>

#include "base/diagnostic.h"
#include "model/date.h"
#include "model/site.h"

namespace lantern {

void CheckRecordCompleteness(const Record& record, const SiteConfig& config, const Date& today,
                             Diagnostics* diagnostics);

// The Companies House number's problem, or "" when it is fine. Strips a
// "Company number" style prefix and spaces first.
std::string CompaniesHouseProblem(const std::string& text);

}  // namespace lantern

#endif  // LANTERN_LOAD_COMPLETENESS_H_
