// The law's clock: bank holidays by region and the due date of each request.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/working_days.h"

namespace lantern {
namespace {

std::vector<std::string> Isos(const std::set<Date>& days) {
  std::vector<std::string> out;
  for (const Date& day : days) out.push_back(day.Iso());
  return out;
}

Date D(const char* text) { return *Date::Parse(text); }

// Checked against the published lists (gov.uk/bank-holidays).
TEST(WorkingDaysTest, BankHolidaysOfEachRegion) {
  EXPECT_EQ((std::vector<std::string>{"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25",
                                      "2026-08-31", "2026-12-25", "2026-12-28"}),
            Isos(BankHolidays(HolidayRegion::kEnglandAndWales, 2026)));
  EXPECT_EQ((std::vector<std::string>{"2026-01-01", "2026-01-02", "2026-04-03", "2026-05-04", "2026-05-25",
                                      "2026-08-03", "2026-11-30", "2026-12-25", "2026-12-28"}),
            Isos(BankHolidays(HolidayRegion::kScotland, 2026)));
  EXPECT_EQ((std::vector<std::string>{"2026-01-01", "2026-03-17", "2026-04-03", "2026-04-06", "2026-05-04",
                                      "2026-05-25", "2026-07-13", "2026-08-31", "2026-12-25", "2026-12-28"}),
            Isos(BankHolidays(HolidayRegion::kNorthernIreland, 2026)));
  // Christmas on a Saturday: both substitutes follow.
  EXPECT_EQ((std::vector<std::string>{"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31",
                                      "2027-08-30", "2027-12-27", "2027-12-28"}),
            Isos(BankHolidays(HolidayRegion::kEnglandAndWales, 2027)));
  // 2022: New Year substitute, the moved spring holiday, the Jubilee and the State Funeral.
  EXPECT_EQ((std::vector<std::string>{"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02",
                                      "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"}),
            Isos(BankHolidays(HolidayRegion::kEnglandAndWales, 2022)));
  // Scotland 2022: 1 January a Saturday, 2 January a Sunday: Monday and Tuesday.
  const auto scotland_2022 = Isos(BankHolidays(HolidayRegion::kScotland, 2022));
  EXPECT_EQ("2022-01-03", scotland_2022[0]);
  EXPECT_EQ("2022-01-04", scotland_2022[1]);
}

TEST(WorkingDaysTest, ObjectionsAndReviewsAreDueOneCalendarMonthLaterOnAWorkingDay) {
  WorkingCalendar calendar;
  EXPECT_EQ("2026-12-18", DueDate("objection", D("2026-11-18"), 20, calendar).Iso());
  // 31 January has no 31 February: the month's last day, 28 February 2026, a
  // Saturday, so the next working day.
  EXPECT_EQ("2026-03-02", DueDate("review", D("2026-01-31"), 20, calendar).Iso());
  // 25 November 2027 + 1 month = Christmas Day (Saturday): past both substitutes.
  EXPECT_EQ("2027-12-29", DueDate("objection", D("2027-11-25"), 20, calendar).Iso());
  // The Art. 12(3) extension: two further months.
  EXPECT_EQ("2027-02-18", ExtendedDueDate(D("2026-11-18"), calendar).Iso());
}

TEST(WorkingDaysTest, QuestionsAndFeedbackSkipWeekendsAndTheRegionsBankHolidays) {
  WorkingCalendar england;
  EXPECT_EQ("2026-12-16", DueDate("question", D("2026-11-18"), 20, england).Iso());
  // Over Christmas: 25 and 28 December and 1 January are skipped.
  EXPECT_EQ("2027-01-26", DueDate("feedback", D("2026-12-24"), 20, england).Iso());
  WorkingCalendar scotland;
  scotland.region = HolidayRegion::kScotland;
  // Scotland also has 2 January (a Saturday in 2027, so Monday 4 January).
  EXPECT_EQ("2027-01-27", DueDate("question", D("2026-12-24"), 20, scotland).Iso());
  // A day the council adds in site.yaml is skipped too.
  england.extra_holidays.push_back(D("2026-12-29"));
  EXPECT_EQ("2027-01-27", DueDate("question", D("2026-12-24"), 20, england).Iso());
  EXPECT_EQ("2026-11-19", AddWorkingDays(D("2026-11-18"), 1, england).Iso());
  EXPECT_EQ("2026-11-23", AddWorkingDays(D("2026-11-20"), 1, england).Iso());  // Friday to Monday
  EXPECT_FALSE(IsWorkingDay(D("2026-11-21"), england));
  EXPECT_TRUE(IsWorkingDay(D("2026-11-30"), england));
  EXPECT_FALSE(IsWorkingDay(D("2026-11-30"), scotland));  // St Andrew's Day
  EXPECT_FALSE(ParseHolidayRegion("wales").has_value());
  EXPECT_EQ(HolidayRegion::kNorthernIreland, ParseHolidayRegion("northern-ireland").value());
}

}  // namespace
}  // namespace lantern
