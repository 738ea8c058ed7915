#include "assemble/build_date.h"

#include <chrono>
#include <cstdlib>

namespace lantern {
namespace {

Date FromDays(std::chrono::sys_days days) {
  const std::chrono::year_month_day ymd{days};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace

std::optional<Date> DateFromEpochText(std::string_view text) {
  if (text.empty() || text.size() > 12 || text.find_first_not_of("0123456789") != std::string_view::npos) {
    return std::nullopt;
  }
  long long seconds = 0;
  for (char c : text) seconds = seconds * 10 + (c - '0');
  return FromDays(std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{seconds}}));
}

Date BuildDate() {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    if (std::optional<Date> date = DateFromEpochText(epoch)) return *date;
  }
  return FromDays(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

}  // namespace lantern
