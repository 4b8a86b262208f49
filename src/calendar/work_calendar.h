// Working days (ngày làm việc) for officials: Monday to Friday, less public holidays.
//
// Holidays, Labour Code 2019 art. 112: 1 January; Tết Nguyên đán (5 days: the last day
// of the lunar year and days 1–4 of the new one); Giỗ Tổ Hùng Vương (10/3 lunar);
// 30 April; 1 May; 2 September and one day next to it (1/9 when 2/9 is a Tuesday or a
// Saturday, else 3/9, as the Government has chosen in recent years). A holiday on a
// weekend gives a substitute day off (nghỉ bù) on the next working day (art. 111(3)).
// The yearly swaps the Prime Minister decides (work a Saturday, rest a weekday) are
// entered by an admin and override the rest.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/date.h"

namespace dh::calendar {

struct Holiday {
  Date date;
  std::string name;
  std::string kind;  // statutory | lunar | substitute | swap
};

// An admin's entry: `working` true makes a weekend day a working day; false makes a
// weekday a day off.
struct DaySwap {
  Date date;
  bool working = false;
  std::string name;
};

class WorkCalendar {
 public:
  // Holidays are computed for 1990–2100; outside, only weekends count.
  explicit WorkCalendar(std::vector<DaySwap> swaps = {});

  bool IsWorkingDay(Date d) const;
  // Days off other than plain weekends, in date order.
  std::vector<Holiday> HolidaysOf(int year) const;
  const std::vector<DaySwap>& swaps() const { return swaps_; }
  int WorkingDaysInYear(int year) const;
  // `d` itself when it is a working day.
  Date NextWorkingDayOnOrAfter(Date d) const;
  // Working days in (from, to]: 0 when to <= from. Negative when to < from.
  int WorkingDaysBetween(Date from, Date to) const;
  // The n-th working day after `d` (n ≥ 0; n = 0 → d rolled to a working day).
  Date AddWorkingDays(Date d, int n) const;

 private:
  void AddYear(int year);
  bool ComputeIsWorkingDay(Date d) const;
  std::vector<DaySwap> swaps_;
  // Working days from the first computed day up to and including each day, so that
  // counting between two dates is one subtraction (boards count a million tasks).
  std::vector<int32_t> cumulative_;
  int32_t first_day_ = 0;
  std::map<int32_t, Holiday> off_;               // weekday days off, by day number
  std::map<int32_t, bool> swap_days_;            // day number → working
  std::map<int32_t, Holiday> weekend_holidays_;  // holidays that fell on a weekend
};

// The current calendar, replaced whole when an admin changes the swaps. Thread-safe.
class CalendarHolder {
 public:
  CalendarHolder() : current_(std::make_shared<const WorkCalendar>()) {}
  std::shared_ptr<const WorkCalendar> Get() const;
  void Set(std::shared_ptr<const WorkCalendar> c);

 private:
  mutable std::mutex mu_;
  std::shared_ptr<const WorkCalendar> current_;  // GUARDED_BY(mu_)
};

}  // namespace dh::calendar
