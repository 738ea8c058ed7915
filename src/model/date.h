// Calendar dates written YYYY-MM-DD, as content uses them.
#ifndef LANTERN_MODEL_DATE_H_
#define LANTERN_MODEL_DATE_H_

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace lantern {

struct Date {
  int year = 0, month = 0, day = 0;

  // Parses exactly "YYYY-MM-DD" naming a real day (2025-02-30 is rejected);
  // std::nullopt otherwise.
  static std::optional<Date> Parse(std::string_view text);
  // The date `months` calendar months later, clamped to the month's last day.
  Date PlusMonths(int months) const;
  Date PlusDays(int days) const;
  // 0 for Sunday, 1 for Monday, … 6 for Saturday.
  int Weekday() const;

  std::string Iso() const;      // 2025-01-28
  std::string Display() const;  // 28 January 2025 (GOV.UK style)

  auto operator<=>(const Date&) const = default;
};

// "Today" for checks and scaffolds: the UTC day of SOURCE_DATE_EPOCH (seconds
// since 1970) when that environment variable is set to a number, so that runs
// are reproducible; otherwise the system's UTC date.
Date TodayUtc();
// The UTC date `epoch_seconds` falls on, when the text is a whole number of
// seconds (digits only, at most 12 of them); std::nullopt otherwise.
std::optional<Date> DateFromEpochText(std::string_view epoch_seconds);
// The UTC day of a count of seconds since 1970-01-01.
Date DateFromEpochSeconds(long long seconds);

}  // namespace lantern

#endif  // LANTERN_MODEL_DATE_H_
