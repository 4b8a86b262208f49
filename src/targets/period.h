// A reporting period as the API writes it: a year "2024", a quarter "2024-Q2" or a month
// "2024-06". Pure.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/message.h"
#include "core/status.h"

namespace dh::targets {

enum class PeriodKind { kYear, kQuarter, kMonth };

struct Period {
  int year = 0;
  PeriodKind kind = PeriodKind::kYear;
  int index = 0;  // the quarter 1–4 or the month 1–12; 0 for a year

  // InvalidInput on `field` (labelled "Kỳ") for anything else than the three forms, or a
  // year outside 2000–2100.
  static Result<Period> Parse(std::string_view text, std::string_view field = "period");
  static Period Year(int y) { return {y, PeriodKind::kYear, 0}; }
  static Period Quarter(int y, int q) { return {y, PeriodKind::kQuarter, q}; }
  static Period Month(int y, int m) { return {y, PeriodKind::kMonth, m}; }

  std::string ToString() const;    // "2024", "2024-Q2", "2024-06"
  std::string Label() const;       // "năm 2024", "quý II/2024", "tháng 6/2024"
  std::string ShortLabel() const;  // "năm 2024", "quý II", "tháng 6": inside its year
  std::string_view Noun() const;   // "năm", "quý", "tháng"
  // Label() for Vietnamese readers; "2024", "Q2/2024", "6/2024" for English ones.
  dh::Label Named() const;
  // ShortLabel() and Noun() likewise: "Q2", "month 6", "2024"; "quarter".
  dh::Label ShortNamed() const;
  dh::Label NounNamed() const;
  int FirstMonth() const;  // 1–12
  int LastMonth() const;   // 1–12
  int Months() const { return LastMonth() - FirstMonth() + 1; }
  Date First() const;
  Date Last() const;
  // The period of the same kind just before: 2023, 2024-Q1, 2024-05.
  Period Previous() const;
  // This period lies inside `outer` (or is it).
  bool Within(const Period& outer) const;

  auto operator<=>(const Period&) const = default;
};

}  // namespace dh::targets
