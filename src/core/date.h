// Calendar dates (no time of day) in the proleptic Gregorian calendar, and the clock.
// Vietnam keeps UTC+7 all year (no daylight saving), so "today" is UTC+7's date.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace dh {

class Date {
 public:
  Date() = default;
  // Days since 1970-01-01.
  static Date FromDays(int32_t days) { return Date(days); }
  // The years a date may have: anything outside is a typing or conversion error (a
  // spreadsheet's NaN once became the year −5877711).
  static constexpr int kMinYear = 1900;
  static constexpr int kMaxYear = 2200;
  // Returns nullopt for an impossible date (2025-02-30) or one outside kMinYear–kMaxYear.
  static std::optional<Date> FromYmd(int year, int month, int day);
  // A spreadsheet's serial date (days since 1899-12-30, the 1900 date system; a fraction
  // is the time of day, dropped). nullopt for NaN, an infinity, or a day outside
  // kMinYear–kMaxYear: every double that becomes a date goes through here.
  static std::optional<Date> FromSerial(double serial);
  // Strict "YYYY-MM-DD".
  static std::optional<Date> Parse(std::string_view text);
  // "dd/mm/yyyy" as Vietnamese users write dates.
  static std::optional<Date> ParseVietnamese(std::string_view text);

  int32_t days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  // 0 = Sunday … 6 = Saturday.
  int weekday() const;
  Date AddDays(int n) const { return Date(days_ + n); }
  std::string ToString() const;      // YYYY-MM-DD
  std::string ToVietnamese() const;  // dd/mm/yyyy

  auto operator<=>(const Date&) const = default;

 private:
  explicit Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);

// Time source. Production uses the system clock; tests set a fixed instant.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point Now() const = 0;
  // Today's date in Asia/Ho_Chi_Minh (UTC+7).
  Date Today() const;
  // Seconds since the Unix epoch.
  int64_t NowSeconds() const;
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point Now() const override {
    return std::chrono::system_clock::now();
  }
};

// A clock the tests move. Thread-safe.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(std::chrono::system_clock::time_point t) : now_(t) {}
  std::chrono::system_clock::time_point Now() const override;
  void Set(std::chrono::system_clock::time_point t);
  void Advance(std::chrono::seconds s);

 private:
  mutable std::mutex mu_;
  std::chrono::system_clock::time_point now_;  // GUARDED_BY(mu_)
};

// Vietnam keeps UTC+7 all year (no daylight saving): the one place the offset is written.
inline constexpr int64_t kVietnamUtcOffsetSeconds = 7 * 3600;
// The date in Vietnam of an instant given in seconds since the Unix epoch.
Date VietnamDateOf(int64_t epoch_seconds);
// The instant (epoch seconds) at which `d` begins in Vietnam, 00:00 UTC+7.
int64_t VietnamStartOfDay(Date d);
// Seconds since 00:00 in Vietnam of an instant, 0–86399.
int VietnamSecondOfDay(int64_t epoch_seconds);

// ISO-8601 UTC timestamp "2025-07-01T08:30:00Z" from epoch seconds.
std::string FormatTimestamp(int64_t epoch_seconds);

}  // namespace dh
