#include "calendar/holiday_names.h"

#include <string_view>

namespace dh::calendar {
namespace {

struct Name {
  std::string_view vi, en;
};

// As work_calendar.cc names them.
constexpr Name kNames[] = {
    {"Tết Dương lịch", "New Year's Day"},
    {"Tết Nguyên đán (30 Tết)", "Lunar New Year's Eve"},
    {"Tết Nguyên đán (mùng 1)", "Lunar New Year (day 1)"},
    {"Tết Nguyên đán (mùng 2)", "Lunar New Year (day 2)"},
    {"Tết Nguyên đán (mùng 3)", "Lunar New Year (day 3)"},
    {"Tết Nguyên đán (mùng 4)", "Lunar New Year (day 4)"},
    {"Giỗ Tổ Hùng Vương (10/3 âm lịch)",
     "Hung Kings' Commemoration Day (10th day of the 3rd lunar month)"},
    {"Ngày Chiến thắng", "Reunification Day"},
    {"Ngày Quốc tế Lao động", "International Labour Day"},
    {"Quốc khánh", "National Day"},
    {"Quốc khánh (ngày liền kề)", "National Day (the day beside it)"},
    {"Nghỉ hoán đổi", "Swapped day off"},
};

constexpr std::string_view kSubstitute = "Nghỉ bù ";

std::string English(std::string_view vi) {
  for (const Name& n : kNames)
    if (n.vi == vi) return std::string(n.en);
  if (vi.substr(0, kSubstitute.size()) == kSubstitute)
    return "Day off in lieu of " + English(vi.substr(kSubstitute.size()));
  return std::string(vi);
}

}  // namespace

std::string HolidayName(const Holiday& h, Lang lang) {
  if (lang == Lang::kVi || (h.kind == "swap" && h.name != "Nghỉ hoán đổi")) return h.name;
  return English(h.name);
}

}  // namespace dh::calendar
