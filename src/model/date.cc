#include "model/date.h"

#include <chrono>

#include <cstdlib>
#include <ctime>

#include <cstdio>

namespace lantern {
namespace {

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

}  // namespace

std::optional<Date> Date::Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (text[i] - '0');
    }
  }
  Date date{parts[0], parts[1], parts[2]};
  if (date.year < 1900 || date.month < 1 || date.month > 12 || date.day < 1 ||
      date.day > DaysInMonth(date.year, date.month)) {
    return std::nullopt;
  }
  return date;
}

Date Date::PlusMonths(int months) const {
  const int index = year * 12 + (month - 1) + months;
  Date result{index / 12, index % 12 + 1, day};
  result.day = std::min(day, DaysInMonth(result.year, result.month));
  return result;
}

namespace {

std::chrono::sys_days ToDays(const Date& date) {
  return std::chrono::year_month_day(std::chrono::year(date.year), std::chrono::month(static_cast<unsigned>(date.month)),
                                     std::chrono::day(static_cast<unsigned>(date.day)));
}

}  // namespace

Date Date::PlusDays(int days) const {
  const std::chrono::year_month_day later(ToDays(*this) + std::chrono::days(days));
  return Date{static_cast<int>(later.year()), static_cast<int>(static_cast<unsigned>(later.month())),
              static_cast<int>(static_cast<unsigned>(later.day()))};
}

int Date::Weekday() const { return static_cast<int>(std::chrono::weekday(ToDays(*this)).c_encoding()); }

std::string Date::Iso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::string Date::Display() const {
  static const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
  return std::to_string(day) + " " + kMonths[month - 1] + " " + std::to_string(year);
}

Date DateFromEpochSeconds(long long seconds) {
  // Howard Hinnant's days-to-civil algorithm, valid for any day count.
  long long z = (seconds >= 0 ? seconds : seconds - 86399) / 86400 + 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  Date date;
  date.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  date.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  date.year = static_cast<int>(yoe + era * 400 + (date.month <= 2 ? 1 : 0));
  return date;
}

std::optional<Date> DateFromEpochText(std::string_view text) {
  // Digits only and at most 12 of them: no sign, no overflow, no year 300,000.
  if (text.empty() || text.size() > 12 || text.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  long long seconds = 0;
  for (char c : text) seconds = seconds * 10 + (c - '0');
  return DateFromEpochSeconds(seconds);
}

Date TodayUtc() {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    if (std::optional<Date> date = DateFromEpochText(epoch)) return *date;
  }
  return DateFromEpochSeconds(static_cast<long long>(std::time(nullptr)));
}

}  // namespace lantern
