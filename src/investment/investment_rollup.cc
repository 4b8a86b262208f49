#include "investment/investment_rollup.h"

#include <algorithm>
#include <cmath>

namespace dh::investment {

std::optional<int> MonthSlotOf(int plan_year, Date paid_on) {
  switch (WindowOf(plan_year, paid_on)) {
    case PaymentWindow::kRegular:
      return paid_on.year() == plan_year ? paid_on.month() - 1 : 12;
    case PaymentWindow::kLateCapital:
      return kLateSlot;
    default:
      return std::nullopt;
  }
}

Date SlotEnd(int year, int slot) {
  if (slot >= 12) return *Date::FromYmd(year + 1, 1, 31);
  return *Date::FromYmd(year, slot + 1, DaysInMonth(year, slot + 1));
}

int SlotOfDay(int year, Date d) {
  if (d.year() < year) return -1;
  if (d.year() > year) return 12;
  return d.month() - 1;
}

Sums& Sums::operator+=(const Sums& o) {
  plan += o.plan, late_plan += o.late_plan;
  disbursed += o.disbursed, late_disbursed += o.late_disbursed;
  for (int i = 0; i < kMonthSlots; ++i) months[i] += o.months[i];
  for (int i = 0; i < 12; ++i) committed[i] += o.committed[i];
  return *this;
}

std::optional<double> Rate(Money disbursed, Money plan) {
  if (plan <= 0) return std::nullopt;
  return static_cast<double>(disbursed) / static_cast<double>(plan);
}

Money CumulativeTo(const MonthAmounts& m, int slot) {
  Money sum = 0;
  for (int i = 0; i <= std::min(slot, kCurveSlots - 1); ++i) sum += m[i];
  return sum;
}

Money CumulativeAt(const MonthAmounts& m, int year, Date d, bool complete) {
  const int slot = SlotOfDay(year, d);
  if (slot < 0) return 0;
  if (d > SlotEnd(year, 12)) return CumulativeTo(m, 12);
  const Money before = slot == 0 ? 0 : CumulativeTo(m, slot - 1);
  if (!complete) return before + m[slot];
  const int days = DaysInMonth(d.year(), d.month());
  return before + static_cast<Money>(std::llround(static_cast<double>(m[slot]) * d.day() / days));
}

namespace {

// The milestones of `year` in date order, 1 January at 0 % first.
std::vector<std::pair<Date, double>> Points(const std::vector<TargetMilestone>& milestones,
                                            int year) {
  std::vector<std::pair<Date, double>> p = {{*Date::FromYmd(year, 1, 1), 0.0}};
  std::vector<TargetMilestone> sorted = milestones;
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.due_on < b.due_on; });
  for (const TargetMilestone& m : sorted) p.emplace_back(m.due_on, m.rate_bp / 10000.0);
  return p;
}

}  // namespace

double TargetAt(const std::vector<TargetMilestone>& milestones, int year, Date d) {
  const auto p = Points(milestones, year);
  if (d <= p.front().first) return 0;
  for (size_t i = 1; i < p.size(); ++i) {
    if (d > p[i].first) continue;
    const double span = p[i].first.days() - p[i - 1].first.days();
    const double done = d.days() - p[i - 1].first.days();
    return p[i - 1].second + (p[i].second - p[i - 1].second) * (span > 0 ? done / span : 1);
  }
  return p.back().second;
}

std::vector<TargetMilestone> DefaultTrajectory(int year) {
  return {{year, *Date::FromYmd(year, 6, 30), 4000},
          {year, *Date::FromYmd(year, 9, 30), 6500},
          {year, *Date::FromYmd(year, 12, 31), 9500}};
}

double FinalTarget(const std::vector<TargetMilestone>& milestones) {
  if (milestones.empty()) return 0.95;
  return std::max_element(milestones.begin(), milestones.end(),
                          [](const auto& a, const auto& b) { return a.due_on < b.due_on; })
             ->rate_bp /
         10000.0;
}

Gap GapTo(double target, Money disbursed, Money plan) {
  const Money due = static_cast<Money>(std::llround(target * static_cast<double>(plan)));
  const double rate = Rate(disbursed, plan).value_or(0);
  return {due - disbursed, (target - rate) * 100};
}

std::string_view RagName(Rag r) {
  switch (r) {
    case Rag::kGreen:
      return "green";
    case Rag::kAmber:
      return "amber";
    case Rag::kRed:
      return "red";
  }
  return "red";
}

Rag RagOf(std::optional<double> rate, double target) {
  if (!rate) return Rag::kGreen;  // nothing planned: nothing to miss
  // A tolerance of a millionth keeps 95 % of a plan in đồng from reading as just below 95 %.
  if (*rate + 1e-9 >= target) return Rag::kGreen;
  if ((target - *rate) * 100 < kAmberPoints) return Rag::kAmber;
  return Rag::kRed;
}

std::optional<double> SameDateAverage(const std::vector<YearCurve>& past, int year, Date d) {
  double sum = 0;
  int n = 0;
  for (const YearCurve& y : past) {
    if (y.plan <= 0) continue;
    const int same_year = y.year + (d.year() - year);  // 15/01 of Y+1 → 15/01 of k+1
    const int day = std::min(d.day(), DaysInMonth(same_year, d.month()));
    const Date same = *Date::FromYmd(same_year, d.month(), day);
    sum += *Rate(CumulativeAt(y.months, y.year, same, true), y.plan);
    ++n;
  }
  if (n == 0) return std::nullopt;
  return sum / n;
}

}  // namespace dh::investment
