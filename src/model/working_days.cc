#include "model/working_days.h"

namespace lantern {
namespace {

// Easter Sunday in the Gregorian calendar (the anonymous algorithm of 1876,
// as published by Nature): a fixed formula, not a table.
Date EasterSunday(int year) {
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25,
            g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4,
            l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return Date{year, month, day};
}

// The first (n = 1) or last (n = -1) Monday of a month.
Date Monday(int year, int month, int n) {
  if (n > 0) {
    Date date{year, month, 1};
    while (date.Weekday() != 1) date = date.PlusDays(1);
    return date;
  }
  Date date = Date{year, month, 1}.PlusMonths(1).PlusDays(-1);
  while (date.Weekday() != 1) date = date.PlusDays(-1);
  return date;
}

// Adds `date`, or when it falls at a weekend the next weekday not already a holiday.
void AddWithSubstitute(Date date, std::set<Date>* days) {
  while (date.Weekday() == 0 || date.Weekday() == 6 || days->count(date)) date = date.PlusDays(1);
  days->insert(date);
}

struct OneOff {
  Date remove;  // {0,0,0} when nothing is removed
  Date add;
};

// Changes made by proclamation since 2020 (gov.uk/bank-holidays), UK-wide.
constexpr OneOff kOneOffs[] = {
    {{2020, 5, 4}, {2020, 5, 8}},    // early May moved for VE Day
    {{2022, 5, 30}, {2022, 6, 2}},   // spring moved for the Platinum Jubilee
    {{0, 0, 0}, {2022, 6, 3}},       // Platinum Jubilee
    {{0, 0, 0}, {2022, 9, 19}},      // the State Funeral of Queen Elizabeth II
    {{0, 0, 0}, {2023, 5, 8}},       // the Coronation of King Charles III
};

}  // namespace

std::optional<HolidayRegion> ParseHolidayRegion(std::string_view text) {
  if (text == "england-and-wales") return HolidayRegion::kEnglandAndWales;
  if (text == "scotland") return HolidayRegion::kScotland;
  if (text == "northern-ireland") return HolidayRegion::kNorthernIreland;
  return std::nullopt;
}

std::set<Date> BankHolidays(HolidayRegion region, int year) {
  std::set<Date> days;
  const bool scotland = region == HolidayRegion::kScotland;
  // New Year first, so that Scotland's 2 January substitutes after it.
  AddWithSubstitute(Date{year, 1, 1}, &days);
  if (scotland) AddWithSubstitute(Date{year, 1, 2}, &days);
  if (region == HolidayRegion::kNorthernIreland) AddWithSubstitute(Date{year, 3, 17}, &days);
  const Date easter = EasterSunday(year);
  days.insert(easter.PlusDays(-2));
  if (!scotland) days.insert(easter.PlusDays(1));
  days.insert(Monday(year, 5, 1));
  days.insert(Monday(year, 5, -1));
  if (region == HolidayRegion::kNorthernIreland) AddWithSubstitute(Date{year, 7, 12}, &days);
  days.insert(scotland ? Monday(year, 8, 1) : Monday(year, 8, -1));
  if (scotland) AddWithSubstitute(Date{year, 11, 30}, &days);
  AddWithSubstitute(Date{year, 12, 25}, &days);
  AddWithSubstitute(Date{year, 12, 26}, &days);
  for (const OneOff& change : kOneOffs) {
    if (change.add.year != year) continue;
    if (change.remove.year != 0) days.erase(change.remove);
    days.insert(change.add);
  }
  return days;
}

bool IsWorkingDay(const Date& date, const WorkingCalendar& calendar) {
  if (date.Weekday() == 0 || date.Weekday() == 6) return false;
  for (const Date& extra : calendar.extra_holidays) {
    if (extra == date) return false;
  }
  return BankHolidays(calendar.region, date.year).count(date) == 0;
}

Date AddWorkingDays(const Date& from, int days, const WorkingCalendar& calendar) {
  Date date = from;
  for (int counted = 0; counted < days;) {
    date = date.PlusDays(1);
    if (IsWorkingDay(date, calendar)) ++counted;
  }
  return date;
}

namespace {

Date NextWorkingDayFrom(Date date, const WorkingCalendar& calendar) {
  while (!IsWorkingDay(date, calendar)) date = date.PlusDays(1);
  return date;
}

}  // namespace

Date DueDate(const std::string& request_type, const Date& received, int response_days,
             const WorkingCalendar& calendar) {
  if (request_type == "objection" || request_type == "review") {
    return NextWorkingDayFrom(received.PlusMonths(1), calendar);
  }
  return AddWorkingDays(received, response_days, calendar);
}

Date ExtendedDueDate(const Date& received, const WorkingCalendar& calendar) {
  return NextWorkingDayFrom(received.PlusMonths(3), calendar);
}

}  // namespace lantern
