#include "core/date.h"

#include <cmath>
#include <cstdio>

namespace dh {
namespace {

// Days from 1970-01-01 to y-m-d, for the proleptic Gregorian calendar: counts whole
// 400-year eras from year 0 (March-based years put the leap day last).
int32_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Ymd {
  int y, m, d;
};

Ymd CivilFromDays(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (m <= 2), m, d};
}

bool ParseDigits(std::string_view s, int& out) {
  if (s.empty()) return false;
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

}  // namespace

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

std::optional<Date> Date::FromYmd(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  return Date(DaysFromCivil(year, month, day));
}

std::optional<Date> Date::FromSerial(double serial) {
  // 25569 is 1970-01-01's serial. The range is checked on the double, before any cast:
  // casting NaN or 1e300 to an integer is undefined.
  static const double kFirst = DaysFromCivil(kMinYear, 1, 1) + 25569.0;
  static const double kLast = DaysFromCivil(kMaxYear, 12, 31) + 25569.0;
  if (!std::isfinite(serial) || !(serial >= kFirst) || !(serial < kLast + 1)) return std::nullopt;
  return Date(static_cast<int32_t>(std::floor(serial)) - 25569);
}

std::optional<Date> Date::Parse(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int y, m, d;
  if (!ParseDigits(t.substr(0, 4), y) || !ParseDigits(t.substr(5, 2), m) ||
      !ParseDigits(t.substr(8, 2), d))
    return std::nullopt;
  return FromYmd(y, m, d);
}

std::optional<Date> Date::ParseVietnamese(std::string_view t) {
  const auto a = t.find('/');
  const auto b = a == std::string_view::npos ? a : t.find('/', a + 1);
  if (b == std::string_view::npos) return std::nullopt;
  int y, m, d;
  if (a > 2 || b - a - 1 > 2 || t.size() - b - 1 != 4) return std::nullopt;
  if (!ParseDigits(t.substr(0, a), d) || !ParseDigits(t.substr(a + 1, b - a - 1), m) ||
      !ParseDigits(t.substr(b + 1), y))
    return std::nullopt;
  return FromYmd(y, m, d);
}

int Date::year() const { return CivilFromDays(days_).y; }
int Date::month() const { return CivilFromDays(days_).m; }
int Date::day() const { return CivilFromDays(days_).d; }
int Date::weekday() const {
  return static_cast<int>(((days_ % 7) + 11) % 7);
}  // 1970-01-01 was a Thursday

// Digits written by hand for the years 0–9999 (a bulk import writes one a row; snprintf
// is most of that row's own work); snprintf for the rest.
std::string Date::ToString() const {
  const Ymd c = CivilFromDays(days_);
  if (c.y < 0 || c.y > 9999) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.y, c.m, c.d);
    return buf;
  }
  std::string out = "0000-00-00";
  for (int i = 3, y = c.y; i >= 0; --i, y /= 10) out[i] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + c.m / 10), out[6] = static_cast<char>('0' + c.m % 10);
  out[8] = static_cast<char>('0' + c.d / 10), out[9] = static_cast<char>('0' + c.d % 10);
  return out;
}

std::string Date::ToVietnamese() const {
  const Ymd c = CivilFromDays(days_);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", c.d, c.m, c.y);
  return buf;
}

Date Clock::Today() const { return VietnamDateOf(NowSeconds()); }

Date VietnamDateOf(int64_t epoch_seconds) {
  const int64_t local = epoch_seconds + kVietnamUtcOffsetSeconds;
  const int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  return Date::FromDays(static_cast<int32_t>(days));
}

int64_t VietnamStartOfDay(Date d) { return int64_t{d.days()} * 86400 - kVietnamUtcOffsetSeconds; }

int VietnamSecondOfDay(int64_t epoch_seconds) {
  return static_cast<int>(epoch_seconds - VietnamStartOfDay(VietnamDateOf(epoch_seconds)));
}

int64_t Clock::NowSeconds() const {
  return std::chrono::duration_cast<std::chrono::seconds>(Now().time_since_epoch()).count();
}

std::chrono::system_clock::time_point FakeClock::Now() const {
  std::lock_guard lock(mu_);
  return now_;
}

void FakeClock::Set(std::chrono::system_clock::time_point t) {
  std::lock_guard lock(mu_);
  now_ = t;
}

void FakeClock::Advance(std::chrono::seconds s) {
  std::lock_guard lock(mu_);
  now_ += s;
}

std::string FormatTimestamp(int64_t epoch_seconds) {
  const int64_t days = epoch_seconds >= 0 ? epoch_seconds / 86400 : (epoch_seconds - 86399) / 86400;
  const int64_t secs = epoch_seconds - days * 86400;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ",
                Date::FromDays(static_cast<int32_t>(days)).ToString().c_str(),
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return buf;
}

}  // namespace dh
