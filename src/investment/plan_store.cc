#include "investment/plan_store.h"

#include <algorithm>

#include "db/row_reader.h"
#include "db/sql_lists.h"
#include "db/table_sql.h"

namespace dh::investment {
namespace {

using db::OptDate;
using db::OptId;

constexpr db::Table kMedium{"medium_term_plans",
                            "period, project_id, source_id, amount, decision_number, "
                            "decision_date, created_by, created_at, updated_at"};
const std::string kMediumColumns = kMedium.Select() + " ";
constexpr const char* kMediumKey = "WHERE period = ? AND project_id = ? AND source_id = ?";
const std::string kInsertMedium = kMedium.Insert();
const std::string kUpdateMedium =
    kMedium.Update("amount, decision_number, decision_date, updated_at");
const std::string kMediumCount = db::CountSql(kMedium.name) + " ";
constexpr const char* kMediumPage = " ORDER BY id LIMIT ? OFFSET ?";
constexpr const char* kInScopedProjects =
    "project_id IN (SELECT id FROM projects WHERE investor_id IN ";

// One row of figures (PlanFigures), by scalar sub-queries; SUMs cast so that PostgreSQL
// answers a bigint, not a numeric.
constexpr const char* kFigures =
    "SELECT "
    "(SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM annual_plan_versions "
    " WHERE year = ? AND project_id = ? AND source_id = ? AND basis = ?), "
    "(SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM annual_plan_versions "
    " WHERE year = ? AND project_id = ? AND basis = ?), "
    "(SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM annual_plan_versions "
    " WHERE year < ? AND project_id = ? AND basis = ?), "
    "(SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM disbursements "
    " WHERE plan_year = ? AND project_id = ? AND source_id = ?), "
    "(SELECT amount FROM medium_term_plans WHERE period = ? AND project_id = ? AND source_id = ?), "
    "(SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM annual_plan_versions "
    " WHERE year >= ? AND year <= ? AND year <> ? AND project_id = ? AND source_id = ? "
    " AND basis = ?)";
constexpr const char* kVersionsOfKey =
    "SELECT basis, amount, decision_date, version_kind FROM annual_plan_versions "
    "WHERE year = ? AND project_id = ? AND source_id = ?";

constexpr db::Table kAdjustments{
    "plan_adjustments",
    "year, basis, decision_number, decision_date, note, created_by, created_at"};
const std::string kInsertAdjustment = kAdjustments.Insert();
const std::string kInsertMove = db::InsertSql(
    "plan_adjustment_moves", "adjustment_id, from_project_id, to_project_id, source_id, amount");
const std::string kAdjustment = kAdjustments.Select("WHERE id = ?");
constexpr const char* kMoves =
    "SELECT from_project_id, to_project_id, source_id, amount FROM plan_adjustment_moves "
    "WHERE adjustment_id = ? ORDER BY id";

constexpr const char* kCommitments =
    "SELECT project_id, year, month, amount FROM disbursement_commitments "
    "WHERE project_id = ? AND year = ? ORDER BY month";
constexpr const char* kDeleteCommitments =
    "DELETE FROM disbursement_commitments WHERE project_id = ? AND year = ?";
const std::string kInsertCommitment = db::InsertSql(
    "disbursement_commitments", "project_id, year, month, amount, created_by, updated_at");
constexpr const char* kAllCommitments =
    "SELECT project_id, year, month, amount FROM disbursement_commitments "
    "ORDER BY project_id, year, month";

void MediumFields(db::RowCursor& row, MediumTermPlan& m) {
  row(m.id, m.period, m.project_id, m.source_id, m.amount, m.decision_number, m.decision_date,
      m.created_by, m.created_at, m.updated_at);
}

void CommitmentFields(db::RowCursor& row, Commitment& m) {
  row(m.project_id, m.year, m.month, m.amount);
}

}  // namespace

Result<std::optional<MediumTermPlan>> FindMediumTermPlan(db::Connection& c,
                                                         const std::string& period,
                                                         int64_t project_id, int64_t source_id) {
  return db::ReadOne<MediumTermPlan>(c, kMediumColumns + kMediumKey,
                                     {period, project_id, source_id}, MediumFields);
}

Result<int64_t> SaveMediumTermPlan(db::Connection& c, const MediumTermPlan& m) {
  DH_ASSIGN_OR_RETURN(auto found, FindMediumTermPlan(c, m.period, m.project_id, m.source_id));
  if (found) {
    DH_RETURN_IF_ERROR(c.Exec(kUpdateMedium, {m.amount, m.decision_number, OptDate(m.decision_date),
                                              m.updated_at, found->id})
                           .status());
    return found->id;
  }
  return db::ReadInt(c, kInsertMedium,
                     {m.period, m.project_id, m.source_id, m.amount, m.decision_number,
                      OptDate(m.decision_date), OptId(m.created_by), m.created_at, m.updated_at});
}

Result<std::vector<MediumTermPlan>> ListMediumTermPlans(
    db::Connection& c, const std::optional<std::vector<int64_t>>& scope,
    std::optional<int64_t> project_id, const std::optional<std::string>& period, int64_t limit,
    int64_t offset, int64_t* total) {
  std::string where = "WHERE 1 = 1";
  db::Params params;
  if (scope) {
    if (scope->empty()) return std::vector<MediumTermPlan>();
    where += std::string(" AND ") + kInScopedProjects;
    db::AppendInList(*scope, where, params);
    where += " OR managing_unit_id IN ";
    db::AppendInList(*scope, where, params);
    where += ")";
  }
  if (project_id) where += " AND project_id = ?", params.push_back(*project_id);
  if (period) where += " AND period = ?", params.push_back(*period);
  return db::ReadPage<MediumTermPlan>(c, {kMediumCount, kMediumColumns, kMediumPage}, where, params,
                                      limit, offset, total, MediumFields);
}

Result<PlanFigures> PlanFiguresOf(db::Connection& c, int64_t project_id, int64_t source_id,
                                  int year, PlanBasis basis) {
  const std::string b(PlanBasisName(basis));
  const std::string period = MediumTermPeriodOf(year);
  const int64_t y = year, first = FirstYearOf(period);
  DH_ASSIGN_OR_RETURN(
      std::optional<PlanFigures> f,
      db::ReadOne<PlanFigures>(
          c, kFigures,
          {y, project_id, source_id,  b,         y,      project_id, b,         y,     project_id,
           b, y,          project_id, source_id, period, project_id, source_id, first, first + 4,
           y, project_id, source_id,  b},
          [](db::RowCursor& row, PlanFigures& f) {
            row(f.funds.plan, f.project.this_year, f.project.earlier_years, f.funds.disbursed,
                f.funds.medium_term, f.funds.period_other_years);
          }));
  if (!f) return Status::Internal("no row from the plan figures");
  return *f;
}

Result<Money> AddedAfterSep30Of(db::Connection& c, int64_t project_id, int64_t source_id,
                                int year) {
  DH_ASSIGN_OR_RETURN(
      std::vector<PlanVersion> versions,
      db::ReadAll<PlanVersion>(c, kVersionsOfKey, {int64_t{year}, project_id, source_id},
                               [](db::RowCursor& row, PlanVersion& v) {
                                 row(db::As(v.basis, ParsePlanBasis, PlanBasis::kCouncil), v.amount,
                                     v.decision_date,
                                     db::As(v.kind, ParseVersionKind, VersionKind::kInitial));
                               }));
  for (PlanVersion& v : versions) v.year = year, v.project_id = project_id, v.source_id = source_id;
  Money most = 0;
  for (PlanBasis b : {PlanBasis::kCouncil, PlanBasis::kPrimeMinister})
    most =
        std::max(most, CurrentPlan(versions, {year, project_id, source_id, b}).added_after_sep30);
  return most;
}

Result<int64_t> InsertAdjustment(db::Connection& c, const PlanAdjustment& a) {
  DH_ASSIGN_OR_RETURN(
      const int64_t id,
      db::ReadInt(c, kInsertAdjustment,
                  {int64_t{a.year}, std::string(PlanBasisName(a.basis)), a.decision_number,
                   a.decision_date.ToString(), a.note, OptId(a.created_by), a.created_at}));
  for (const Move& m : a.moves)
    DH_RETURN_IF_ERROR(
        c.Exec(kInsertMove, {id, m.from_project_id, m.to_project_id, m.source_id, m.amount})
            .status());
  return id;
}

Result<std::optional<PlanAdjustment>> GetAdjustment(db::Connection& c, int64_t id) {
  DH_ASSIGN_OR_RETURN(
      std::optional<PlanAdjustment> a,
      db::ReadOne<PlanAdjustment>(c, kAdjustment, {id}, [](db::RowCursor& row, PlanAdjustment& a) {
        row(a.id, a.year, db::As(a.basis, ParsePlanBasis, PlanBasis::kCouncil), a.decision_number,
            a.decision_date, a.note, a.created_by, a.created_at);
      }));
  if (!a) return a;
  DH_ASSIGN_OR_RETURN(a->moves, db::ReadAll<Move>(c, kMoves, {id}, [](db::RowCursor& row, Move& m) {
                        row(m.from_project_id, m.to_project_id, m.source_id, m.amount);
                      }));
  return a;
}

Result<std::vector<Commitment>> CommitmentsOf(db::Connection& c, int64_t project_id, int year) {
  return db::ReadAll<Commitment>(c, kCommitments, {project_id, int64_t{year}}, CommitmentFields);
}

Status ReplaceCommitments(db::Connection& c, int64_t project_id, int year,
                          const std::vector<Commitment>& months, std::optional<int64_t> by,
                          int64_t now) {
  DH_RETURN_IF_ERROR(c.Exec(kDeleteCommitments, {project_id, int64_t{year}}).status());
  for (const Commitment& m : months)
    DH_RETURN_IF_ERROR(c.Exec(kInsertCommitment, {project_id, int64_t{year}, int64_t{m.month},
                                                  m.amount, OptId(by), now})
                           .status());
  return Status::Ok();
}

Status ForEachCommitment(db::Connection& c, const CommitmentVisitor& visit) {
  DH_ASSIGN_OR_RETURN(std::vector<Commitment> all,
                      db::ReadAll<Commitment>(c, kAllCommitments, {}, CommitmentFields));
  for (const Commitment& m : all) visit(m);
  return Status::Ok();
}

}  // namespace dh::investment
