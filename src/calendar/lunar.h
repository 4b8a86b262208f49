// The Vietnamese lunar calendar (âm lịch), reckoned from astronomical new moons and solar
// terms at UTC+7. ICU's Chinese calendar reckons at UTC+8 (Beijing) and so puts some new
// moons, and some Tết, on other days (e.g. 1985, 2007).
#pragma once

#include <optional>

#include "core/date.h"

namespace dh::calendar {

struct LunarDate {
  int year = 0;       // the lunar year that starts near the solar year of the same number
  int month = 0;      // 1–12
  int day = 0;        // 1–30
  bool leap = false;  // a leap (nhuận) month repeats the month before it
  bool operator==(const LunarDate&) const = default;
};

// Offset of the zone the calendar is reckoned in, hours east of UTC.
inline constexpr double kVietnamZone = 7.0;

LunarDate ToLunar(Date solar, double zone = kVietnamZone);
// nullopt when the lunar date does not exist (day 30 of a 29-day month, a leap month
// the year does not have).
std::optional<Date> FromLunar(const LunarDate& lunar, double zone = kVietnamZone);
// The first day of lunar year `year` (Tết Nguyên đán).
Date LunarNewYear(int year, double zone = kVietnamZone);

}  // namespace dh::calendar
