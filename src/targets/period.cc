#include "targets/period.h"

#include <cstdio>

#include "targets/target_messages.h"

namespace dh::targets {
namespace {

constexpr int kMinYear = 2000, kMaxYear = 2100;

bool Digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

const char* Roman(int q) {
  static const char* const kRoman[] = {"I", "II", "III", "IV"};
  return kRoman[q - 1];
}

}  // namespace

Result<Period> Period::Parse(std::string_view t, std::string_view field) {
  const Status bad = Status::InvalidInput(
      std::string(field), Say(msg::kBadPeriod, {{"text", std::string(t.substr(0, 20))}}),
      "invalid_period");
  if (t.size() < 4 || !Digits(t.substr(0, 4))) return bad;
  Period p{ToInt(t.substr(0, 4)), PeriodKind::kYear, 0};
  if (p.year < kMinYear || p.year > kMaxYear) return bad;
  const std::string_view rest = t.substr(4);
  if (rest.empty()) return p;
  if (rest.size() == 3 && rest[0] == '-' && (rest[1] == 'Q' || rest[1] == 'q') && rest[2] >= '1' &&
      rest[2] <= '4')
    return Quarter(p.year, rest[2] - '0');
  if (rest.size() == 3 && rest[0] == '-' && Digits(rest.substr(1))) {
    const int m = ToInt(rest.substr(1));
    if (m >= 1 && m <= 12) return Month(p.year, m);
  }
  return bad;
}

std::string Period::ToString() const {
  char buf[16];
  if (kind == PeriodKind::kYear) std::snprintf(buf, sizeof buf, "%04d", year);
  if (kind == PeriodKind::kQuarter) std::snprintf(buf, sizeof buf, "%04d-Q%d", year, index);
  if (kind == PeriodKind::kMonth) std::snprintf(buf, sizeof buf, "%04d-%02d", year, index);
  return buf;
}

std::string Period::ShortLabel() const {
  if (kind == PeriodKind::kYear) return "năm " + std::to_string(year);
  if (kind == PeriodKind::kQuarter) return std::string("quý ") + Roman(index);
  return "tháng " + std::to_string(index);
}

std::string Period::Label() const {
  if (kind == PeriodKind::kYear) return ShortLabel();
  return ShortLabel() + "/" + std::to_string(year);
}

dh::Label Period::Named() const {
  const std::string year = std::to_string(this->year);
  if (kind == PeriodKind::kYear) return {Label(), year};
  return {Label(), (kind == PeriodKind::kQuarter ? "Q" : "") + std::to_string(index) + "/" + year};
}

dh::Label Period::ShortNamed() const {
  if (kind == PeriodKind::kYear) return {ShortLabel(), std::to_string(year)};
  return {ShortLabel(), (kind == PeriodKind::kQuarter ? "Q" : "month ") + std::to_string(index)};
}

dh::Label Period::NounNamed() const {
  const char* en = kind == PeriodKind::kYear      ? "year"
                   : kind == PeriodKind::kQuarter ? "quarter"
                                                  : "month";
  return {std::string(Noun()), en};
}

std::string_view Period::Noun() const {
  return kind == PeriodKind::kYear ? "năm" : kind == PeriodKind::kQuarter ? "quý" : "tháng";
}

int Period::FirstMonth() const {
  if (kind == PeriodKind::kYear) return 1;
  return kind == PeriodKind::kQuarter ? 3 * index - 2 : index;
}

int Period::LastMonth() const {
  if (kind == PeriodKind::kYear) return 12;
  return kind == PeriodKind::kQuarter ? 3 * index : index;
}

Date Period::First() const { return *Date::FromYmd(year, FirstMonth(), 1); }

Date Period::Last() const {
  return *Date::FromYmd(year, LastMonth(), DaysInMonth(year, LastMonth()));
}

Period Period::Previous() const {
  if (kind == PeriodKind::kYear) return Year(year - 1);
  const int n = kind == PeriodKind::kQuarter ? 4 : 12;
  return index == 1 ? Period{year - 1, kind, n} : Period{year, kind, index - 1};
}

bool Period::Within(const Period& outer) const {
  return year == outer.year && FirstMonth() >= outer.FirstMonth() &&
         LastMonth() <= outer.LastMonth();
}

}  // namespace dh::targets
