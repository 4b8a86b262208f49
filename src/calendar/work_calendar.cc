#include "calendar/work_calendar.h"

#include "calendar/lunar.h"

namespace dh::calendar {
namespace {

constexpr int kFirstYear = 1990, kLastYear = 2100;

bool IsWeekend(Date d) { return d.weekday() == 0 || d.weekday() == 6; }

}  // namespace

WorkCalendar::WorkCalendar(std::vector<DaySwap> swaps) : swaps_(std::move(swaps)) {
  for (const DaySwap& s : swaps_) swap_days_[s.date.days()] = s.working;
  for (int y = kFirstYear; y <= kLastYear; ++y) AddYear(y);
  first_day_ = Date::FromYmd(kFirstYear, 1, 1)->days();
  const int32_t last = Date::FromYmd(kLastYear, 12, 31)->days();
  cumulative_.reserve(last - first_day_ + 1);
  int32_t n = 0;
  for (int32_t d = first_day_; d <= last; ++d) {
    n += ComputeIsWorkingDay(Date::FromDays(d));
    cumulative_.push_back(n);
  }
}

void WorkCalendar::AddYear(int y) {
  std::vector<Holiday> days;
  auto add = [&](Date d, const char* name, const char* kind) { days.push_back({d, name, kind}); };
  add(*Date::FromYmd(y, 1, 1), "Tết Dương lịch", "statutory");
  const Date tet = LunarNewYear(y);
  add(tet.AddDays(-1), "Tết Nguyên đán (30 Tết)", "lunar");
  static const char* kTetNames[] = {"Tết Nguyên đán (mùng 1)", "Tết Nguyên đán (mùng 2)",
                                    "Tết Nguyên đán (mùng 3)", "Tết Nguyên đán (mùng 4)"};
  for (int i = 0; i < 4; ++i) add(tet.AddDays(i), kTetNames[i], "lunar");
  if (auto gio_to = FromLunar({y, 3, 10, false}))
    add(*gio_to, "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "lunar");
  add(*Date::FromYmd(y, 4, 30), "Ngày Chiến thắng", "statutory");
  add(*Date::FromYmd(y, 5, 1), "Ngày Quốc tế Lao động", "statutory");
  const Date national = *Date::FromYmd(y, 9, 2);
  add(national, "Quốc khánh", "statutory");
  const int wd = national.weekday();
  add(national.AddDays(wd == 2 || wd == 6 ? -1 : 1), "Quốc khánh (ngày liền kề)", "statutory");

  // A holiday on a weekend: the next free working day off instead.
  for (const Holiday& h : days) {
    if (!IsWeekend(h.date)) {
      off_.emplace(h.date.days(), h);
      continue;
    }
    weekend_holidays_.emplace(h.date.days(), h);
  }
  for (const Holiday& h : days) {
    if (!IsWeekend(h.date)) continue;
    Date sub = h.date.AddDays(1);
    while (IsWeekend(sub) || off_.count(sub.days())) sub = sub.AddDays(1);
    off_.emplace(sub.days(), Holiday{sub, "Nghỉ bù " + h.name, "substitute"});
  }
  for (const DaySwap& s : swaps_) {
    if (s.date.year() != y || s.working) continue;
    off_[s.date.days()] = Holiday{s.date, s.name.empty() ? "Nghỉ hoán đổi" : s.name, "swap"};
  }
}

bool WorkCalendar::IsWorkingDay(Date d) const {
  const int64_t i = int64_t{d.days()} - first_day_;
  if (i > 0 && i < static_cast<int64_t>(cumulative_.size()))
    return cumulative_[i] != cumulative_[i - 1];
  return ComputeIsWorkingDay(d);
}

bool WorkCalendar::ComputeIsWorkingDay(Date d) const {
  if (auto it = swap_days_.find(d.days()); it != swap_days_.end()) return it->second;
  return !IsWeekend(d) && !off_.count(d.days());
}

std::vector<Holiday> WorkCalendar::HolidaysOf(int year) const {
  std::vector<Holiday> out;
  const int32_t from = Date::FromYmd(year, 1, 1)->days(), to = Date::FromYmd(year, 12, 31)->days();
  std::map<int32_t, Holiday> merged;
  for (auto it = weekend_holidays_.lower_bound(from);
       it != weekend_holidays_.end() && it->first <= to; ++it)
    merged.emplace(*it);
  for (auto it = off_.lower_bound(from); it != off_.end() && it->first <= to; ++it)
    merged[it->first] = it->second;
  for (auto& [day, h] : merged) {
    // A swapped-in working day is not a day off.
    auto s = swap_days_.find(day);
    if (s != swap_days_.end() && s->second) continue;
    out.push_back(h);
  }
  return out;
}

int WorkCalendar::WorkingDaysInYear(int year) const {
  return WorkingDaysBetween(*Date::FromYmd(year - 1, 12, 31), *Date::FromYmd(year, 12, 31));
}

Date WorkCalendar::NextWorkingDayOnOrAfter(Date d) const {
  for (int guard = 0; guard < 60 && !IsWorkingDay(d); ++guard) d = d.AddDays(1);
  return d;
}

int WorkCalendar::WorkingDaysBetween(Date from, Date to) const {
  if (to < from) return -WorkingDaysBetween(to, from);
  const int64_t a = int64_t{from.days()} - first_day_, b = int64_t{to.days()} - first_day_;
  if (a >= 0 && b < static_cast<int64_t>(cumulative_.size()))
    return cumulative_[b] - cumulative_[a];
  int n = 0;
  for (Date d = from.AddDays(1); d <= to; d = d.AddDays(1)) n += IsWorkingDay(d);
  return n;
}

Date WorkCalendar::AddWorkingDays(Date d, int n) const {
  d = NextWorkingDayOnOrAfter(d);
  while (n-- > 0) d = NextWorkingDayOnOrAfter(d.AddDays(1));
  return d;
}

std::shared_ptr<const WorkCalendar> CalendarHolder::Get() const {
  std::lock_guard lock(mu_);
  return current_;
}

void CalendarHolder::Set(std::shared_ptr<const WorkCalendar> c) {
  std::lock_guard lock(mu_);
  current_ = std::move(c);
}

}  // namespace dh::calendar
