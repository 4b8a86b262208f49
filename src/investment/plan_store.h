// The SQL of medium-term plans, plan adjustments, commitments and the figures the plan rules
// read (plan_rules.h). Every function runs inside the caller's transaction.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.h"
#include "investment/investment.h"
#include "investment/plan_rules.h"

namespace dh::investment {

// ---- Medium-term plans -------------------------------------------------------------------
Result<std::optional<MediumTermPlan>> FindMediumTermPlan(db::Connection& c,
                                                         const std::string& period,
                                                         int64_t project_id, int64_t source_id);
// Inserts, or replaces the amount and decision of the row of (period, project, source).
Result<int64_t> SaveMediumTermPlan(db::Connection& c, const MediumTermPlan& m);
// Of one project, or of every project in `scope` (none: all), by id.
Result<std::vector<MediumTermPlan>> ListMediumTermPlans(
    db::Connection& c, const std::optional<std::vector<int64_t>>& scope,
    std::optional<int64_t> project_id, const std::optional<std::string>& period, int64_t limit,
    int64_t offset, int64_t* total);

// ---- What the rules read ------------------------------------------------------------------------
// The figures of one (project, source) for `year` and `basis`: the plan of the year in this
// source and in all, the earlier years' plans, what was paid against this year's plan, the
// medium-term ceiling of the year's period and the period's other years.
struct PlanFigures {
  ProjectLimits project;  // code and total_investment are the caller's to fill
  SourceFunds funds;
};
Result<PlanFigures> PlanFiguresOf(db::Connection& c, int64_t project_id, int64_t source_id,
                                  int year, PlanBasis basis);
// Capital of (year, project, source) added after 30/09, on the basis that has more of it.
Result<Money> AddedAfterSep30Of(db::Connection& c, int64_t project_id, int64_t source_id, int year);

// ---- Plan adjustments
// ------------------------------------------------------------------------------ The header and its
// moves (ids of the moves are not kept in the struct).
Result<int64_t> InsertAdjustment(db::Connection& c, const PlanAdjustment& a);
Result<std::optional<PlanAdjustment>> GetAdjustment(db::Connection& c, int64_t id);

// ---- Commitments
// -----------------------------------------------------------------------------------
Result<std::vector<Commitment>> CommitmentsOf(db::Connection& c, int64_t project_id, int year);
// Replaces the project's commitments of `year` with `months`.
Status ReplaceCommitments(db::Connection& c, int64_t project_id, int year,
                          const std::vector<Commitment>& months, std::optional<int64_t> by,
                          int64_t now);
using CommitmentVisitor = std::function<void(const Commitment&)>;
// Every commitment, by project, year and month (read models).
Status ForEachCommitment(db::Connection& c, const CommitmentVisitor& visit);

}  // namespace dh::investment
