// The pure rules of public investment (no I/O), each tested as a table of cases in
// tests/investment/plan_rules_test.cc:
//
// - the annual plan of (year, project, source, basis) from its versions;
// - the disbursement windows of the Law on Public Investment 2024, art. 72: money of year Y's
//   plan may be paid until 31/01 of Y+1; capital added after 30/09 of Y until 31/12 of Y+1,
//   and is shown apart (official reports leave it out of the year's denominator);
// - the rules of a plan adjustment, each with its own error naming the field.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "investment/investment.h"

namespace dh::investment {

// ---- The annual plan from its versions --------------------------------------------------
struct PlanKey {
  int year = 0;
  int64_t project_id = 0, source_id = 0;
  PlanBasis basis = PlanBasis::kCouncil;
};

struct PlanAmount {
  Money total = 0;  // the plan now: the sum of its versions
  // Of `total`, what was added after 30/09 of the year (the plan now less the plan as it
  // stood on 30/09, when that is more; never below 0): shown apart, spent until 31/12 Y+1.
  Money added_after_sep30 = 0;
  Money carried_over = 0;  // of `total`, the carry-over versions
  Money regular() const { return total - added_after_sep30; }
};

// The versions of `key` among `versions` (others are ignored), summed.
PlanAmount CurrentPlan(const std::vector<PlanVersion>& versions, const PlanKey& key);

// 30/09 of the year: decisions after it add capital that is shown apart.
Date Sep30(int year);
// Whether a version deciding `amount` on `decision_date` for `year` adds capital after 30/09.
bool AddedAfterSep30(int year, Date decision_date, Money amount);

// ---- Disbursement windows ------------------------------------------------------------------
enum class PaymentWindow {
  kBeforeYear,   // paid before 01/01 of the plan year: refused
  kRegular,      // 01/01 Y … 31/01 Y+1: counts in the year's rate
  kLateCapital,  // 01/02 Y+1 … 31/12 Y+1: only against capital added after 30/09 of Y
  kClosed,       // after 31/12 Y+1: refused
};
PaymentWindow WindowOf(int plan_year, Date paid_on);
Date RegularDeadline(int plan_year);      // 31/01 of Y+1
Date LateCapitalDeadline(int plan_year);  // 31/12 of Y+1

// Whether a payment may be recorded against year `plan_year`'s plan, given the capital of
// that plan (project, source) added after 30/09. The error names the field "paid_on"
// ("Ngày giải ngân") and the deadline that passed.
Status CheckPaymentDate(int plan_year, Date paid_on, Money added_after_sep30);

// ---- Plan adjustments
// ---------------------------------------------------------------------------- What the rules read
// of each project touched, for the adjustment's year and basis.
struct ProjectLimits {
  std::string code;  // for the messages
  Money total_investment = 0;
  Money earlier_years = 0;  // annual plans of the years before, all sources
  Money this_year = 0;      // annual plan of the year, all sources
};

// And of each (project, source) touched.
struct SourceFunds {
  Money plan = 0;       // annual plan of the year in this source
  Money disbursed = 0;  // paid against it
  // The medium-term plan of the period for this source; none: the project is not in the
  // medium-term plan for it and may receive nothing.
  std::optional<Money> medium_term;
  Money period_other_years = 0;  // annual plans of the period's other years, this source
};

struct AdjustmentState {
  std::map<int64_t, ProjectLimits> projects;                 // by project id
  std::map<std::pair<int64_t, int64_t>, SourceFunds> funds;  // by (project, source)
  std::map<int64_t, BudgetLevel> source_levels;              // by source id
};

// The rules, in this order, on every move (the error's field is "moves[i].<field>"):
//   amount > 0 (400);  from ≠ to (400);  to_source_id, if given, = source_id (400);
//   every move's source of one budget level (400);
//   the giving project keeps at least what it has disbursed (409);
//   the receiving project stays within what it may still receive: its total investment less
//   earlier years' allocations, and its medium-term ceiling less the period's other years
//   (409). The two last are checked on the plans after ALL moves.
Status CheckAdjustment(const std::vector<Move>& moves, const AdjustmentState& state);

// The same limits for one project's plan changed by `change` (a version entered by hand):
// not below what it disbursed, not above what it may still receive when it grows.
Status CheckPlanChange(Money change, const ProjectLimits& project, const SourceFunds& funds,
                       const std::string& field);

}  // namespace dh::investment
