// The law's clock for residents' requests: UK bank holidays by region and the
// due date of each kind of request.
//
// Bank holidays follow the rules the UK governments publish (substitute days
// when a holiday falls at a weekend), plus the one-off changes since 2020
// (moved and extra days: 2020, 2022, 2023). A council adds any later one-off
// in site.yaml (feedback.extra_bank_holidays). Dates are the day of receipt as
// a calendar date; the clock does not count hours.
#ifndef LANTERN_MODEL_WORKING_DAYS_H_
#define LANTERN_MODEL_WORKING_DAYS_H_

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.h"

namespace lantern {

enum class HolidayRegion { kEnglandAndWales, kScotland, kNorthernIreland };

// "england-and-wales", "scotland" or "northern-ireland"; nullopt otherwise.
std::optional<HolidayRegion> ParseHolidayRegion(std::string_view text);

struct WorkingCalendar {
  HolidayRegion region = HolidayRegion::kEnglandAndWales;
  std::vector<Date> extra_holidays;  // from site.yaml, in any order
};

// The bank holidays of `year` in `region`, in order.
std::set<Date> BankHolidays(HolidayRegion region, int year);
bool IsWorkingDay(const Date& date, const WorkingCalendar& calendar);
// The `days`-th working day after `from` (`from` itself never counts).
Date AddWorkingDays(const Date& from, int days, const WorkingCalendar& calendar);

// When the council must answer a request received on `received`:
// objections and review requests (UK GDPR Art. 12(3)) one calendar month
// later (the same day number, or the month's last day when it has none),
// moved to the next working day when that falls on a weekend or bank holiday;
// questions and feedback `response_days` working days later.
Date DueDate(const std::string& request_type, const Date& received, int response_days,
             const WorkingCalendar& calendar);
// An objection's or review's due date extended by two further months (Art. 12(3)).
Date ExtendedDueDate(const Date& received, const WorkingCalendar& calendar);

}  // namespace lantern

#endif  // LANTERN_MODEL_WORKING_DAYS_H_
