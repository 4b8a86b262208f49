// The roll-up's rules (issue 10), as plain functions over money and dates: which month of a
// plan year a payment counts in (the disbursement windows), the city's target trajectory and
// the gap to it, the same date's rate in past years, and red/amber/green. The read model
// (investment_index.h) sums; these decide. Money stays int64 đồng; a rate is a fraction
// computed here, at the edge, from two sums.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "investment/investment.h"
#include "investment/plan_rules.h"

namespace dh::investment {

// ---- Disbursement windows -------------------------------------------------------------------
// The slots of a plan year's money: 0–11 January–December of year Y, 12 January of Y+1, 13
// February–December of Y+1.
inline constexpr int kMonthSlots = 14;
inline constexpr int kCurveSlots = 13;  // what the year's rate counts: until 31/01 of Y+1
inline constexpr int kLateSlot = 13;
using MonthAmounts = std::array<Money, kMonthSlots>;

// The windows themselves (Law on Public Investment 2024, art. 72) are plan_rules.h's
// WindowOf; these place a payment in its month.
// The slot a payment counts in; nullopt outside every window.
std::optional<int> MonthSlotOf(int plan_year, Date paid_on);
// The last day of slot `slot` (0–12) of plan year `year`: 31/01 … 31/12, 31/01 of Y+1.
Date SlotEnd(int year, int slot);
// The slot a day falls in for plan year `year` (before the year: −1; after 31/01 Y+1: 12).
int SlotOfDay(int year, Date d);

// ---- Sums ----------------------------------------------------------------------------------
// A roll-up cell: the year's plan without and with the capital added after 30/09, what was
// paid in the year's window and, apart, what was paid later against the late capital; by
// month (not cumulative); and the investors' monthly commitments (not cumulative).
struct Sums {
  Money plan = 0;            // the year's plan, capital added after 30/09 left out
  Money late_plan = 0;       // capital added after 30/09: shown apart, not in the denominator
  Money disbursed = 0;       // paid until 31/01 of Y+1
  Money late_disbursed = 0;  // paid 01/02–31/12 of Y+1 against late capital
  MonthAmounts months{};     // paid per slot
  std::array<Money, 12> committed{};  // promised per month of Y
  Sums& operator+=(const Sums& o);
};

// The rate as a fraction (0.95), computed from đồng; nullopt when there is no plan.
std::optional<double> Rate(Money disbursed, Money plan);
// Paid until the end of slot `slot` (0–12): the S-curve's point.
Money CumulativeTo(const MonthAmounts& m, int slot);
// Paid until day `d` of plan year `year`. The current year's slots hold what was paid so far
// (`complete` false: the month of `d` counts whole); past years' month of `d` is prorated
// by day (the read model keeps months, not days).
Money CumulativeAt(const MonthAmounts& m, int year, Date d, bool complete);

// ---- Target trajectory ------------------------------------------------------------------------
// The city's milestones of a year in rate_bp (30/06 → 4000 …). Between 1 January (0 %) and
// the milestones the target moves in a straight line; after the last it stays.
double TargetAt(const std::vector<TargetMilestone>& milestones, int year, Date d);
// The milestones cities use when a year has none: 30/06 → 40 %, 30/09 → 65 %, 31/12 → 95 %.
std::vector<TargetMilestone> DefaultTrajectory(int year);
// The year's final target (the last milestone's), 0.95 by default.
double FinalTarget(const std::vector<TargetMilestone>& milestones);

// How far behind the target: money still to pay to be on it (negative: ahead) and points
// (target − rate, × 100).
struct Gap {
  Money money = 0;
  double points = 0;
};
Gap GapTo(double target, Money disbursed, Money plan);

enum class Rag { kGreen, kAmber, kRed };
std::string_view RagName(Rag r);  // green | amber | red
// Green on or above the trajectory, amber less than kAmberPoints points below it, red below.
inline constexpr double kAmberPoints = 10;
Rag RagOf(std::optional<double> rate, double target);

// One past year's plan and its months, for averages and shapes.
struct YearCurve {
  int year = 0;
  Money plan = 0;
  MonthAmounts months{};
};
// The mean rate of these years at the same day and month as `d` of plan year `year` (each
// prorated as CumulativeAt); nullopt when none has a plan.
std::optional<double> SameDateAverage(const std::vector<YearCurve>& past, int year, Date d);

}  // namespace dh::investment
