#include "calendar/lunar.h"

#include <cmath>

namespace dh::calendar {
namespace {

// Astronomical formulas after Meeus, "Astronomical Algorithms" (ch. 25 and 49), in
// Julian days; the result is turned into the local day number for the zone.
constexpr double kPi = 3.14159265358979323846;
constexpr int32_t kJulianDayOfUnixEpoch = 2440588;  // 1970-01-01

int32_t ToJulianDay(Date d) { return d.days() + kJulianDayOfUnixEpoch; }
Date FromJulianDay(int32_t jd) { return Date::FromDays(jd - kJulianDayOfUnixEpoch); }

// Julian day (with fraction, UT) of the k-th new moon after 1900-01-01.
double NewMoon(int k) {
  const double T = k / 1236.85;
  const double T2 = T * T, T3 = T2 * T;
  const double dr = kPi / 180;
  double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * std::sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const double M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;  // sun anomaly
  const double Mpr =
      306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;              // moon anomaly
  const double F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;  // latitude arg
  double C1 = (0.1734 - 0.000393 * T) * std::sin(M * dr) + 0.0021 * std::sin(2 * dr * M);
  C1 = C1 - 0.4068 * std::sin(Mpr * dr) + 0.0161 * std::sin(dr * 2 * Mpr);
  C1 = C1 - 0.0004 * std::sin(dr * 3 * Mpr);
  C1 = C1 + 0.0104 * std::sin(dr * 2 * F) - 0.0051 * std::sin(dr * (M + Mpr));
  C1 = C1 - 0.0074 * std::sin(dr * (M - Mpr)) + 0.0004 * std::sin(dr * (2 * F + M));
  C1 = C1 - 0.0004 * std::sin(dr * (2 * F - M)) - 0.0006 * std::sin(dr * (2 * F + Mpr));
  C1 = C1 + 0.0010 * std::sin(dr * (2 * F - Mpr)) + 0.0005 * std::sin(dr * (2 * Mpr + M));
  // ΔT, the difference between dynamical and universal time.
  double deltat;
  if (T < -11) {
    deltat = 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3;
  } else {
    deltat = -0.000278 + 0.000265 * T + 0.000262 * T2;
  }
  return jd1 + C1 - deltat;
}

// The local day (Julian day number) of the k-th new moon.
int32_t NewMoonDay(int k, double zone) {
  return static_cast<int32_t>(std::floor(NewMoon(k) + 0.5 + zone / 24));
}

// The sun's apparent longitude at Julian day `jdn` (UT), in radians, 0…2π.
double SunLongitude(double jdn) {
  const double T = (jdn - 2451545.0) / 36525;
  const double T2 = T * T;
  const double dr = kPi / 180;
  const double M = 357.52910 + 35999.05030 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const double L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  double DL = (1.914600 - 0.004817 * T - 0.000014 * T2) * std::sin(dr * M);
  DL += (0.019993 - 0.000101 * T) * std::sin(dr * 2 * M) + 0.000290 * std::sin(dr * 3 * M);
  double L = (L0 + DL) * dr;
  L -= kPi * 2 * std::floor(L / (kPi * 2));
  return L;
}

// Which of the 12 major solar terms (0–11, 30° each) the sun is in at the start of the
// local day `day_number`.
int SolarTermAt(int32_t day_number, double zone) {
  return static_cast<int>(std::floor(SunLongitude(day_number - 0.5 - zone / 24) / kPi * 6));
}

// The local day the 11th lunar month (the one holding the winter solstice) begins, in
// the solar year `year`.
int32_t LunarMonth11(int year, double zone) {
  const int32_t off = ToJulianDay(*Date::FromYmd(year, 12, 31)) - 2415021;
  const int k = static_cast<int>(std::floor(off / 29.530588853));
  int32_t nm = NewMoonDay(k, zone);
  if (SolarTermAt(nm, zone) >= 9) nm = NewMoonDay(k - 1, zone);
  return nm;
}

// In a year with 13 months, the index (1-based, from month 11) of the first month that
// contains no major solar term: that month is the leap month.
int LeapMonthOffset(int32_t a11, double zone) {
  const int k = static_cast<int>(std::floor((a11 - 2415021.076998695) / 29.530588853 + 0.5));
  int last = 0;
  int i = 1;
  int arc = SolarTermAt(NewMoonDay(k + i, zone), zone);
  do {
    last = arc;
    ++i;
    arc = SolarTermAt(NewMoonDay(k + i, zone), zone);
  } while (arc != last && i < 14);
  return i - 1;
}

}  // namespace

LunarDate ToLunar(Date solar, double zone) {
  const int32_t day_number = ToJulianDay(solar);
  const int k = static_cast<int>(std::floor((day_number - 2415021.076998695) / 29.530588853));
  int32_t month_start = NewMoonDay(k + 1, zone);
  if (month_start > day_number) month_start = NewMoonDay(k, zone);
  const int yy = solar.year();
  int32_t a11 = LunarMonth11(yy, zone), b11;
  int lunar_year;
  if (a11 >= month_start) {
    lunar_year = yy;
    a11 = LunarMonth11(yy - 1, zone);
    b11 = LunarMonth11(yy, zone);
  } else {
    lunar_year = yy + 1;
    b11 = LunarMonth11(yy + 1, zone);
  }
  LunarDate out;
  out.day = day_number - month_start + 1;
  const int diff = static_cast<int>(std::floor((month_start - a11) / 29.0));
  out.month = diff + 11;
  if (b11 - a11 > 365) {
    const int leap_diff = LeapMonthOffset(a11, zone);
    if (diff >= leap_diff) {
      out.month = diff + 10;
      out.leap = diff == leap_diff;
    }
  }
  if (out.month > 12) out.month -= 12;
  if (out.month >= 11 && diff < 4) lunar_year -= 1;
  out.year = lunar_year;
  return out;
}

std::optional<Date> FromLunar(const LunarDate& l, double zone) {
  if (l.month < 1 || l.month > 12 || l.day < 1 || l.day > 30) return std::nullopt;
  int32_t a11, b11;
  if (l.month < 11) {
    a11 = LunarMonth11(l.year - 1, zone);
    b11 = LunarMonth11(l.year, zone);
  } else {
    a11 = LunarMonth11(l.year, zone);
    b11 = LunarMonth11(l.year + 1, zone);
  }
  const int k = static_cast<int>(std::floor(0.5 + (a11 - 2415021.076998695) / 29.530588853));
  int off = l.month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const int leap_off = LeapMonthOffset(a11, zone);
    int leap_month = leap_off - 2;
    if (leap_month < 0) leap_month += 12;
    if (l.leap && l.month != leap_month) return std::nullopt;
    if (l.leap || off >= leap_off) off += 1;
  } else if (l.leap) {
    return std::nullopt;
  }
  const int32_t month_start = NewMoonDay(k + off, zone);
  const Date result = FromJulianDay(month_start + l.day - 1);
  // Day 30 of a 29-day month would land in the next month.
  if (ToLunar(result, zone).day != l.day) return std::nullopt;
  return result;
}

Date LunarNewYear(int year, double zone) { return *FromLunar({year, 1, 1, false}, zone); }

}  // namespace dh::calendar
