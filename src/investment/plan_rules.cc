#include "investment/plan_rules.h"

#include <algorithm>

#include "investment/investment_messages.h"

namespace dh::investment {
namespace {

std::string MoveField(size_t i, const char* field) {
  return "moves[" + std::to_string(i) + "]." + field;
}

// The checks on one move by itself (400s).
Status CheckMoveShape(size_t i, const Move& m, const AdjustmentState& s,
                      std::optional<BudgetLevel>& level) {
  if (m.amount <= 0)
    return Status::InvalidInput(MoveField(i, "amount"), Say(msg::kMoveAboveZero), "invalid_amount");
  if (m.from_project_id == m.to_project_id)
    return Status::InvalidInput(MoveField(i, "to_project_id"), Say(msg::kSameProject),
                                "same_project");
  if (m.to_source_id && *m.to_source_id != m.source_id)
    return Status::InvalidInput(MoveField(i, "to_source_id"), Say(msg::kSourceMismatch),
                                "source_mismatch");
  const auto found = s.source_levels.find(m.source_id);
  if (found == s.source_levels.end())
    return Status::InvalidInput(MoveField(i, "source_id"), Say(msg::kSourceNotFound),
                                "unknown_source");
  if (level && *level != found->second)
    return Status::InvalidInput(MoveField(i, "source_id"), Say(msg::kLevelMismatch),
                                "budget_level_mismatch");
  level = found->second;
  return Status::Ok();
}

template <typename K, typename V>
V ValueOr(const std::map<K, V>& m, const K& k) {
  const auto it = m.find(k);
  return it == m.end() ? V{} : it->second;
}

Status CheckNotBelowDisbursed(const std::string& code, const SourceFunds& f, Money change,
                              const std::string& field) {
  const Money after = f.plan + change;
  if (after >= f.disbursed && after >= 0) return Status::Ok();
  return Status::Conflict(
      Say(msg::kBelowDisbursed, {{"code", code}, {"disbursed", f.disbursed}, {"after", after}}),
      "below_disbursed", field);
}

// Total investment less earlier years, for the year's plan of all sources.
Status CheckWithinTotal(const ProjectLimits& p, Money change, const std::string& field) {
  const Money room = p.total_investment - p.earlier_years;
  const Money after = p.this_year + change;
  if (after <= room) return Status::Ok();
  return Status::Conflict(Say(msg::kAboveTotal, {{"code", p.code},
                                                 {"room", room},
                                                 {"total", p.total_investment},
                                                 {"earlier", p.earlier_years},
                                                 {"after", after}}),
                          "above_total_investment", field);
}

Status CheckWithinMediumTerm(const std::string& code, const SourceFunds& f, Money change,
                             const std::string& field, const std::string& project_field) {
  if (!f.medium_term)
    return Status::Conflict(Say(msg::kNotInMediumTerm, {{"code", code}}), "not_in_medium_term",
                            project_field);
  const Money room = *f.medium_term - f.period_other_years;
  const Money after = f.plan + change;
  if (after <= room) return Status::Ok();
  return Status::Conflict(Say(msg::kAboveMediumTerm, {{"code", code},
                                                      {"room", room},
                                                      {"medium", *f.medium_term},
                                                      {"other", f.period_other_years},
                                                      {"after", after}}),
                          "above_medium_term", field);
}

// The limits that only growth meets: total investment and medium-term ceiling.
Status CheckGrowth(const ProjectLimits& p, const SourceFunds& f, Money source_change,
                   Money project_change, const std::string& field,
                   const std::string& project_field) {
  if (project_change > 0) DH_RETURN_IF_ERROR(CheckWithinTotal(p, project_change, field));
  if (source_change > 0)
    DH_RETURN_IF_ERROR(CheckWithinMediumTerm(p.code, f, source_change, field, project_field));
  return Status::Ok();
}

}  // namespace

PlanAmount CurrentPlan(const std::vector<PlanVersion>& versions, const PlanKey& key) {
  PlanAmount out;
  Money by_sep30 = 0;
  const Date sep30 = Sep30(key.year);
  for (const PlanVersion& v : versions) {
    if (v.year != key.year || v.project_id != key.project_id || v.source_id != key.source_id ||
        v.basis != key.basis)
      continue;
    out.total += v.amount;
    if (v.decision_date <= sep30) by_sep30 += v.amount;
    if (v.kind == VersionKind::kCarryOver) out.carried_over += v.amount;
  }
  out.added_after_sep30 = std::clamp<Money>(out.total - by_sep30, 0, std::max<Money>(out.total, 0));
  return out;
}

Date Sep30(int year) { return *Date::FromYmd(year, 9, 30); }

bool AddedAfterSep30(int year, Date decision_date, Money amount) {
  return amount > 0 && decision_date > Sep30(year);
}

Date RegularDeadline(int plan_year) { return *Date::FromYmd(plan_year + 1, 1, 31); }
Date LateCapitalDeadline(int plan_year) { return *Date::FromYmd(plan_year + 1, 12, 31); }

PaymentWindow WindowOf(int plan_year, Date paid_on) {
  if (paid_on < *Date::FromYmd(plan_year, 1, 1)) return PaymentWindow::kBeforeYear;
  if (paid_on <= RegularDeadline(plan_year)) return PaymentWindow::kRegular;
  if (paid_on <= LateCapitalDeadline(plan_year)) return PaymentWindow::kLateCapital;
  return PaymentWindow::kClosed;
}

Status CheckPaymentDate(int plan_year, Date paid_on, Money added_after_sep30) {
  const std::string year = std::to_string(plan_year);
  switch (WindowOf(plan_year, paid_on)) {
    case PaymentWindow::kRegular:
      return Status::Ok();
    case PaymentWindow::kBeforeYear:
      return Status::InvalidInput(
          "paid_on",
          Say(msg::kPaidBeforeYear, {{"paid_on", paid_on.ToVietnamese()}, {"year", year}}),
          "before_plan_year");
    case PaymentWindow::kLateCapital:
      if (added_after_sep30 > 0) return Status::Ok();
      return Status::InvalidInput(
          "paid_on",
          Say(msg::kPaidAfterRegular, {{"paid_on", paid_on.ToVietnamese()},
                                       {"deadline", RegularDeadline(plan_year).ToVietnamese()},
                                       {"year", year},
                                       {"late", LateCapitalDeadline(plan_year).ToVietnamese()}}),
          "payment_window_closed");
    case PaymentWindow::kClosed:
      break;
  }
  return Status::InvalidInput(
      "paid_on",
      Say(msg::kPaidAfterLast, {{"paid_on", paid_on.ToVietnamese()},
                                {"late", LateCapitalDeadline(plan_year).ToVietnamese()},
                                {"year", year}}),
      "payment_window_closed");
}

Status CheckAdjustment(const std::vector<Move>& moves, const AdjustmentState& s) {
  std::optional<BudgetLevel> level;
  std::map<std::pair<int64_t, int64_t>, Money> by_source;
  std::map<int64_t, Money> by_project;
  for (size_t i = 0; i < moves.size(); ++i) {
    const Move& m = moves[i];
    DH_RETURN_IF_ERROR(CheckMoveShape(i, m, s, level));
    by_source[{m.from_project_id, m.source_id}] -= m.amount;
    by_source[{m.to_project_id, m.source_id}] += m.amount;
    by_project[m.from_project_id] -= m.amount;
    by_project[m.to_project_id] += m.amount;
  }
  for (size_t i = 0; i < moves.size(); ++i) {
    const Move& m = moves[i];
    const std::pair<int64_t, int64_t> from{m.from_project_id, m.source_id},
        to{m.to_project_id, m.source_id};
    const ProjectLimits giver = ValueOr(s.projects, m.from_project_id);
    DH_RETURN_IF_ERROR(CheckNotBelowDisbursed(giver.code, ValueOr(s.funds, from), by_source[from],
                                              MoveField(i, "amount")));
    DH_RETURN_IF_ERROR(CheckGrowth(ValueOr(s.projects, m.to_project_id), ValueOr(s.funds, to),
                                   by_source[to], by_project[m.to_project_id],
                                   MoveField(i, "amount"), MoveField(i, "to_project_id")));
  }
  return Status::Ok();
}

Status CheckPlanChange(Money change, const ProjectLimits& project, const SourceFunds& funds,
                       const std::string& field) {
  DH_RETURN_IF_ERROR(CheckNotBelowDisbursed(project.code, funds, change, field));
  return CheckGrowth(project, funds, change, change, field, field);
}

}  // namespace dh::investment
