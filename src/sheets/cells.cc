#include "sheets/cells.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "core/common_messages.h"
#include "core/message.h"
#include "core/text.h"

namespace dh::sheets {
namespace {

using Int128 = __int128;
constexpr Int128 kMaxInt64 = std::numeric_limits<int64_t>::max();

std::string Quote(std::string_view s) { return "“" + std::string(s) + "”"; }

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// A sentence, then the column's help (or `fallback` when it has none).
std::string WithHelp(std::string sentence, const ColumnSpec& col, const MessageText& fallback) {
  const std::string help = col.help.empty() ? Say(fallback) : LabelIn(col.help, CurrentLang());
  if (!help.empty()) sentence += " " + help;
  return sentence;
}

// The column's noun as a message parameter: "Hạn hoàn thành", in English when registered.
Label Noun(const ColumnSpec& col) { return Label{col.noun, ""}; }
// The same in the middle of a Vietnamese sentence: "hạn hoàn thành".
Label MidNoun(const ColumnSpec& col) {
  return Label{LowerFirst(col.noun), LabelIn(col.noun, Lang::kEn)};
}

constexpr MessageText kUnreadable{
    "sheets.unreadable",
    "{noun} {value} không đọc được.",
    "{noun} {value} cannot be read.",
};
constexpr MessageText kOddYear{
    "sheets.odd_year",
    "Năm {year} của {noun} không hợp lý.",
    "The year {year} of {noun} is not plausible.",
};
constexpr MessageText kNoSuchDay{
    "sheets.no_such_day",
    "Ngày {value} không có (tháng {month} năm {year} có {days} ngày).",
    "There is no day {value} (month {month} of {year} has {days} days).",
};
constexpr MessageText kNoSuchMonth{
    "sheets.no_such_month",
    "Ngày {value} không có (tháng phải từ 1 đến 12).",
    "There is no day {value} (the month must be from 1 to 12).",
};
constexpr MessageText kCellTooLongAdvice{
    "sheets.too_long_advice",
    "{noun} dài quá {max} ký tự; {advice}.",
    "{noun} is longer than {max} characters; {advice}.",
};
constexpr MessageText kNotInteger{
    "sheets.not_integer",
    "{noun} {value} không phải số nguyên.",
    "{noun} {value} is not a whole number.",
};
constexpr MessageText kIntegerRange{
    "sheets.integer_range",
    "{noun} {value} phải là số nguyên từ {min} đến {max}.",
    "{noun} {value} must be a whole number from {min} to {max}.",
};
constexpr MessageText kDateCell{
    "sheets.date_cell",
    "{noun} không phải ngày hợp lệ ({value}); {mid} phải từ năm {from} đến {to}.",
    "{noun} is not a valid date ({value}); {mid} must be between the years {from} and {to}.",
};
constexpr MessageText kPercentRange{
    "sheets.percent_range",
    "{noun} {value} ngoài khoảng {min}–{max}%.",
    "{noun} {value} is outside {min}–{max}%.",
};
constexpr MessageText kNegative{
    "sheets.negative",
    "{noun} không được là số âm ({value}).",
    "{noun} cannot be negative ({value}).",
};
constexpr MessageText kFraction{
    "sheets.fraction",
    "{noun} {value} có phần lẻ dưới 1 đồng; số tiền phải là số đồng tròn.",
    "{noun} {value} has a fraction of a đồng; an amount must be whole đồng.",
};
constexpr MessageText kThousands{
    "sheets.thousands",
    " Dấu chấm ngăn cách hàng nghìn, ví dụ 1.234.567.",
    " Dots separate the thousands, for example 1.234.567.",
};
constexpr MessageText kTooLarge{
    "sheets.too_large",
    "{noun} {value} lớn quá mức một số tiền có thể có.",
    "{noun} {value} is larger than any amount can be.",
};

template <class T>
Parsed<T> Error(std::string message) {
  return Parsed<T>{std::nullopt, std::move(message)};
}

// Digits (at most 19 before the comma, 18 after) as a whole number; nullopt past that.
std::optional<Int128> Digits(std::string_view s) {
  if (s.size() > 19) return std::nullopt;
  Int128 v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// "1.234.567" or "1234567": the digits, or nullopt.
std::optional<std::string> WholePart(std::string_view s) {
  if (s.find('.') == std::string_view::npos)
    return AllDigits(s) ? std::optional(std::string(s)) : std::nullopt;
  std::string digits;
  size_t start = 0;
  for (bool first = true;; first = false) {
    const size_t dot = s.find('.', start);
    const std::string_view group =
        s.substr(start, dot == std::string_view::npos ? s.npos : dot - start);
    if (!AllDigits(group) || group.size() > 3 || (!first && group.size() != 3)) return std::nullopt;
    digits += group;
    if (dot == std::string_view::npos) return digits;
    start = dot + 1;
  }
}

// " đồng", "đ", "VNĐ" after an amount.
std::string_view WithoutCurrency(std::string_view t) {
  for (std::string_view unit : {"đồng", "Đồng", "ĐỒNG", "VNĐ", "vnđ", "VND", "vnd", "đ", "Đ"}) {
    if (t.size() > unit.size() && t.substr(t.size() - unit.size()) == unit) {
      t.remove_suffix(unit.size());
      while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
      return t;
    }
  }
  return t;
}

// "-1.234,5" (grouped by dots, `point` ',') or "-1234.5" (`point` '.', not grouped).
std::optional<Decimal> SplitDecimal(std::string_view t, char point, bool grouped) {
  Decimal d;
  d.negative = !t.empty() && t.front() == '-';
  if (d.negative) t.remove_prefix(1);
  const size_t at = t.find(point);
  const std::string_view whole = t.substr(0, at);
  auto digits = grouped ? WholePart(whole)
                        : (AllDigits(whole) ? std::optional(std::string(whole)) : std::nullopt);
  if (!digits) return std::nullopt;
  d.whole = std::move(*digits);
  if (at == std::string_view::npos) return d;
  d.fraction = std::string(t.substr(at + 1));
  if (!AllDigits(d.fraction)) return std::nullopt;
  return d;
}

// The shortest decimal of a number cell ("1234.5"; "1e+20" is none).
std::optional<Decimal> NumberDecimal(std::string_view t) { return SplitDecimal(t, '.', false); }

enum class Exact { kOk, kFraction, kTooLarge };

// d × scale as a whole number, exactly.
Exact ToWhole(const Decimal& d, int64_t scale, Int128* out) {
  auto whole = Digits(d.whole);
  std::string fraction = d.fraction;
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  if (!whole || fraction.size() > 18) return whole ? Exact::kFraction : Exact::kTooLarge;
  Int128 pow10 = 1;
  for (size_t i = 0; i < fraction.size(); ++i) pow10 *= 10;
  const Int128 part = fraction.empty() ? 0 : *Digits(fraction) * scale;
  if (part % pow10 != 0) return Exact::kFraction;
  const Int128 v = *whole * scale + part / pow10;
  if (v > kMaxInt64) return Exact::kTooLarge;
  *out = d.negative ? -v : v;
  return Exact::kOk;
}

constexpr MessageText kMoneyHelp{
    "sheets.money_help",
    "Ghi số tiền như 1.234.567 (dấu chấm ngăn cách hàng nghìn, dấu phẩy trước phần thập phân).",
    "Write the amount as 1.234.567 (dots between thousands, a comma before the fraction).",
};
constexpr MessageText kIntegerHelp{
    "sheets.integer_help",
    "Ghi một số nguyên, ví dụ 12 hoặc 1.200.",
    "Write a whole number, for example 12 or 1.200.",
};
constexpr MessageText kDateHelp{
    "sheets.date_help",
    "Ghi ngày theo dạng ngày/tháng/năm, ví dụ 15/06/2026.",
    "Write the date as day/month/year, for example 15/06/2026.",
};
constexpr MessageText kPercentHelp{
    "sheets.percent_help",
    "Ghi tỷ lệ phần trăm, ví dụ 95 hoặc 95,5%.",
    "Write a percentage, for example 95 or 95,5%.",
};

// dd/mm/yyyy, d/m/yyyy, with "/", "-" or "." between; day, month, year or nullopt.
std::optional<std::array<int, 3>> DayMonthYear(std::string_view t) {
  if (t.empty()) return std::nullopt;
  const char sep = t.find('/') != t.npos ? '/' : t.find('-') != t.npos ? '-' : '.';
  const size_t a = t.find(sep), b = a == t.npos ? a : t.find(sep, a + 1);
  if (b == t.npos) return std::nullopt;
  const std::string_view d = t.substr(0, a), m = t.substr(a + 1, b - a - 1), y = t.substr(b + 1);
  if (!AllDigits(d) || !AllDigits(m) || !AllDigits(y) || d.size() > 2 || m.size() > 2 ||
      y.size() != 4)
    return std::nullopt;
  return std::array<int, 3>{static_cast<int>(*Digits(d)), static_cast<int>(*Digits(m)),
                            static_cast<int>(*Digits(y))};
}

Parsed<Date> DateInRange(Date d, const ColumnSpec& col, DateRule rule) {
  if (d.year() < rule.min_year || d.year() > rule.max_year)
    return Error<Date>(
        WithHelp(Say(kOddYear, {{"year", std::to_string(d.year())}, {"noun", MidNoun(col)}}), col,
                 kDateHelp));
  return {d, ""};
}

Parsed<Date> DateFromText(const std::string& t, const ColumnSpec& col, DateRule rule) {
  if (auto d = Date::Parse(t)) return DateInRange(*d, col, rule);
  const auto dmy = DayMonthYear(t);
  if (!dmy)
    return Error<Date>(
        WithHelp(Say(kUnreadable, {{"noun", Noun(col)}, {"value", Quote(t)}}), col, kDateHelp));
  const auto [day, month, year] = *dmy;
  if (year < rule.min_year || year > rule.max_year)
    return Error<Date>(WithHelp(
        Say(kOddYear, {{"year", std::to_string(year)}, {"noun", MidNoun(col)}}), col, kDateHelp));
  if (auto d = Date::FromYmd(year, month, day)) return {*d, ""};
  if (month >= 1 && month <= 12)
    return Error<Date>(Say(kNoSuchDay, {{"value", t},
                                        {"month", std::to_string(month)},
                                        {"year", std::to_string(year)},
                                        {"days", std::to_string(DaysInMonth(year, month))}}));
  return Error<Date>(WithHelp(Say(kNoSuchMonth, {{"value", t}}), col, kDateHelp));
}

// "95", "95,5", "95.5 %": percent points, or nullopt.
std::optional<double> PercentText(std::string t) {
  if (!t.empty() && t.back() == '%') t = text::Trim(t.substr(0, t.size() - 1));
  std::replace(t.begin(), t.end(), ',', '.');
  const auto d = SplitDecimal(t, '.', false);
  if (!d || d->whole.size() > 6 || d->fraction.size() > 12) return std::nullopt;
  double v = static_cast<double>(*Digits(d->whole));
  if (!d->fraction.empty())
    v += static_cast<double>(*Digits(d->fraction)) / std::pow(10.0, d->fraction.size());
  return d->negative ? -v : v;
}

}  // namespace

std::optional<Decimal> ParseVietnameseDecimal(std::string_view t) {
  return SplitDecimal(t, ',', true);
}

Parsed<std::string> ReadText(const SheetCell* cell, const ColumnSpec& col, size_t max_chars,
                             std::string_view advice) {
  std::string t = cell ? text::Trim(cell->text) : "";
  if (t.empty()) return {};
  if (text::CodePointCount(t) > max_chars)
    return Error<std::string>(
        advice.empty() ? Say(dh::msg::kTooLong,
                             {{"name", Noun(col)}, {"max", static_cast<int64_t>(max_chars)}})
                       : Say(kCellTooLongAdvice, {{"noun", Noun(col)},
                                                  {"max", static_cast<int64_t>(max_chars)},
                                                  {"advice", std::string(advice)}}));
  return {std::move(t), ""};
}

Parsed<int64_t> ReadInteger(const SheetCell* cell, const ColumnSpec& col, int64_t min,
                            int64_t max) {
  const std::string t = cell ? text::Trim(cell->text) : "";
  if (t.empty() && !(cell && cell->number)) return {};
  Int128 v = 0;
  const auto d = cell->number ? NumberDecimal(t) : ParseVietnameseDecimal(t);
  const Exact exact = d ? ToWhole(*d, 1, &v) : Exact::kFraction;
  if (!d || exact == Exact::kFraction)
    return Error<int64_t>(
        WithHelp(Say(kNotInteger, {{"noun", Noun(col)}, {"value", Quote(t)}}), col, kIntegerHelp));
  if (exact == Exact::kTooLarge || v < min || v > max)
    return Error<int64_t>(
        Say(kIntegerRange, {{"noun", Noun(col)}, {"value", Quote(t)}, {"min", min}, {"max", max}}));
  return {static_cast<int64_t>(v), ""};
}

Parsed<Date> ReadDate(const SheetCell* cell, const ColumnSpec& col, DateRule rule) {
  if (!cell) return {};
  if (cell->number) {
    // NaN, an infinity or a serial past any calendar is no date: Date::FromSerial checks
    // the double before it becomes a day count.
    const std::optional<Date> d = Date::FromSerial(*cell->number);
    if (!d || d->year() < rule.min_year || d->year() > rule.max_year)
      return Error<Date>(WithHelp(Say(kDateCell, {{"noun", Noun(col)},
                                                  {"value", Quote(cell->text)},
                                                  {"mid", MidNoun(col)},
                                                  {"from", std::to_string(rule.min_year)},
                                                  {"to", std::to_string(rule.max_year)}}),
                                  col, kDateHelp));
    return {*d, ""};
  }
  const std::string t = text::Trim(cell->text);
  if (t.empty()) return {};
  return DateFromText(t, col, rule);
}

Parsed<double> ReadPercent(const SheetCell* cell, const ColumnSpec& col, double min, double max) {
  if (!cell) return {};
  const std::string t = text::Trim(cell->text);
  std::optional<double> v;
  if (cell->number) {
    v = cell->percent ? *cell->number * 100 : *cell->number;
  } else {
    if (t.empty()) return {};
    v = PercentText(t);
    if (!v)
      return Error<double>(WithHelp(Say(kUnreadable, {{"noun", Noun(col)}, {"value", Quote(t)}}),
                                    col, kPercentHelp));
  }
  // A hair of slack for what Excel holds as 0.955 × 100.
  if (!std::isfinite(*v) || *v < min - 1e-4 || *v > max + 1e-4)
    return Error<double>(WithHelp(Say(kPercentRange, {{"noun", Noun(col)},
                                                      {"value", Quote(t)},
                                                      {"min", static_cast<int64_t>(min)},
                                                      {"max", static_cast<int64_t>(max)}}),
                                  col, kPercentHelp));
  return {*v, ""};
}

Parsed<Money> ReadMoney(const SheetCell* cell, const ColumnSpec& col, MoneyRule rule) {
  const std::string t = cell ? text::Trim(cell->text) : "";
  if (t.empty() && !(cell && cell->number)) return {};
  std::optional<Decimal> d;
  if (cell->number)
    d = NumberDecimal(t);
  else
    d = ParseVietnameseDecimal(text::Trim(WithoutCurrency(t)));
  if (!d && cell->number && std::fabs(*cell->number) < 9e18 &&
      *cell->number == std::floor(*cell->number))  // "1e+16": whole, past 15 digits
    d = NumberDecimal(std::to_string(static_cast<int64_t>(*cell->number)));
  if (!d)
    return Error<Money>(
        WithHelp(Say(kUnreadable, {{"noun", Noun(col)}, {"value", Quote(t)}}), col, kMoneyHelp));
  if (d->negative && !rule.negative)
    return Error<Money>(Say(kNegative, {{"noun", Noun(col)}, {"value", Quote(t)}}));
  Int128 v = 0;
  switch (ToWhole(*d, rule.scale, &v)) {
    case Exact::kOk:
      return {static_cast<Money>(v), ""};
    case Exact::kFraction:
      return Error<Money>(Say(kFraction, {{"noun", Noun(col)}, {"value", Quote(t)}}) +
                          (rule.scale == 1 ? Say(kThousands) : ""));
    case Exact::kTooLarge:
      break;
  }
  return Error<Money>(Say(kTooLarge, {{"noun", Noun(col)}, {"value", Quote(t)}}));
}

}  // namespace dh::sheets
