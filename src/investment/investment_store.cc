#include "investment/investment_store.h"

#include <algorithm>

#include "core/text.h"
#include "db/sql_lists.h"

namespace dh::investment {
namespace {

using db::OptDate;
using db::OptId;
using db::ReadDate;

constexpr int64_t kBatch = 20000;
constexpr size_t kIdsPerQuery = 500;

// ---- SQL ------------------------------------------------------------------------------------
const std::string kSourceColumns =
    "SELECT id, code, name, parent_id, level, position, created_at FROM capital_sources ";
constexpr const char* kInsertSource =
    "INSERT INTO capital_sources (code, name, parent_id, level, position, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?) RETURNING id";

const std::string kProjectColumns =
    "SELECT id, code, name, investor_id, managing_unit_id, sector, project_group, is_key, "
    "total_investment, approval_number, approval_date, start_year, end_year, is_new, status, "
    "physical_percent, progress_updated_on, created_by, created_at, updated_at FROM projects ";
constexpr const char* kInsertProject =
    "INSERT INTO projects (code, name, name_folded, investor_id, managing_unit_id, sector, "
    "project_group, is_key, total_investment, approval_number, approval_date, start_year, "
    "end_year, is_new, status, physical_percent, progress_updated_on, created_by, created_at, "
    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateProject =
    "UPDATE projects SET code = ?, name = ?, name_folded = ?, investor_id = ?, "
    "managing_unit_id = ?, sector = ?, project_group = ?, is_key = ?, total_investment = ?, "
    "approval_number = ?, approval_date = ?, start_year = ?, end_year = ?, is_new = ?, "
    "status = ?, physical_percent = ?, progress_updated_on = ?, created_by = ?, created_at = ?, "
    "updated_at = ? WHERE id = ?";
constexpr const char* kDeleteLocations = "DELETE FROM project_locations WHERE project_id = ?";
constexpr const char* kInsertLocation =
    "INSERT INTO project_locations (project_id, unit_id) VALUES (?, ?)";
constexpr const char* kLocationsInRange =
    "SELECT project_id, unit_id FROM project_locations WHERE project_id >= ? AND project_id <= ? "
    "ORDER BY project_id, unit_id";

const std::string kLocationsOf =
    "SELECT project_id, unit_id FROM project_locations WHERE project_id IN ";

const std::string kVersionColumns =
    "SELECT id, year, project_id, source_id, basis, version_kind, amount, decision_number, "
    "decision_date, adjustment_id, added_after_sep30, created_by, created_at "
    "FROM annual_plan_versions ";
constexpr const char* kInsertVersion =
    "INSERT INTO annual_plan_versions (year, project_id, source_id, basis, version_kind, "
    "amount, decision_number, decision_date, adjustment_id, added_after_sep30, created_by, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

const std::string kDisbursementColumns =
    "SELECT id, project_id, source_id, plan_year, paid_on, amount, import_id, created_by, "
    "created_at FROM disbursements ";
const std::string kInsertDisbursementHead =
    "INSERT INTO disbursements (project_id, source_id, plan_year, paid_on, amount, import_id, "
    "created_by, created_at) VALUES ";
constexpr const char* kDisbursementRow = "(?, ?, ?, ?, ?, ?, ?, ?)";
constexpr size_t kDisbursementsPerInsert = 500;  // 4 000 parameters (PostgreSQL: ≤ 65 535)

constexpr const char* kTrajectory =
    "SELECT year, due_on, rate_bp FROM disbursement_milestones WHERE year = ? ORDER BY due_on";
constexpr const char* kDeleteTrajectory = "DELETE FROM disbursement_milestones WHERE year = ?";
constexpr const char* kInsertMilestone =
    "INSERT INTO disbursement_milestones (year, due_on, rate_bp, updated_by, updated_at) "
    "VALUES (?, ?, ?, ?, ?)";

const std::string kBatchAfter = "WHERE id > ? ORDER BY id LIMIT ?";
const std::string kWhereIdIn = "WHERE id IN ";
const std::string kById = " ORDER BY id";
const std::string kWhereAdjustment = "WHERE adjustment_id = ? ORDER BY id";
const std::string kWhereImport = "WHERE import_id = ? ORDER BY id";
const std::string kWhereProjectYear = "WHERE project_id = ? AND (? = 0 OR {col} = ?) ORDER BY id";
const std::string kWhereCode = "WHERE code = ?";
const std::string kOrderSources = "ORDER BY parent_id IS NOT NULL, parent_id, position, id";

std::string WithYearColumn(const std::string& col) {
  std::string out = kWhereProjectYear;
  out.replace(out.find("{col}"), 5, col);
  return out;
}

// ---- Reading rows ------------------------------------------------------------------------------
CapitalSource ReadSource(const db::Rows& r, size_t i) {
  CapitalSource s;
  s.id = r.Int(i, 0), s.code = r.Text(i, 1), s.name = r.Text(i, 2);
  s.parent_id = r.OptInt(i, 3);
  s.level = ParseBudgetLevel(r.Text(i, 4)).value_or(BudgetLevel::kLocal);
  s.position = static_cast<int>(r.Int(i, 5)), s.created_at = r.Int(i, 6);
  return s;
}

Project ReadProject(const db::Rows& r, size_t i) {
  Project p;
  p.id = r.Int(i, 0), p.code = r.Text(i, 1), p.name = r.Text(i, 2);
  p.investor_id = r.Int(i, 3), p.managing_unit_id = r.OptInt(i, 4), p.sector = r.Text(i, 5);
  p.group = ParseProjectGroup(r.Text(i, 6)).value_or(ProjectGroup::kC);
  p.is_key = r.Int(i, 7) != 0, p.total_investment = r.Int(i, 8);
  p.approval_number = r.Text(i, 9), p.approval_date = ReadDate(r, i, 10);
  p.start_year = static_cast<int>(r.Int(i, 11)), p.end_year = static_cast<int>(r.Int(i, 12));
  p.is_new = r.Int(i, 13) != 0;
  p.status = ParseProjectStatus(r.Text(i, 14)).value_or(ProjectStatus::kInProgress);
  p.physical_percent = static_cast<int>(r.Int(i, 15));
  p.progress_updated_on = ReadDate(r, i, 16), p.created_by = r.OptInt(i, 17);
  p.created_at = r.Int(i, 18), p.updated_at = r.Int(i, 19);
  return p;
}

PlanVersion ReadVersion(const db::Rows& r, size_t i) {
  PlanVersion v;
  v.id = r.Int(i, 0), v.year = static_cast<int>(r.Int(i, 1));
  v.project_id = r.Int(i, 2), v.source_id = r.Int(i, 3);
  v.basis = ParsePlanBasis(r.Text(i, 4)).value_or(PlanBasis::kCouncil);
  v.kind = ParseVersionKind(r.Text(i, 5)).value_or(VersionKind::kInitial);
  v.amount = r.Int(i, 6), v.decision_number = r.Text(i, 7);
  v.decision_date = ReadDate(r, i, 8).value_or(Date());
  v.adjustment_id = r.OptInt(i, 9), v.added_after_sep30 = r.Int(i, 10) != 0;
  v.created_by = r.OptInt(i, 11), v.created_at = r.Int(i, 12);
  return v;
}

Disbursement ReadDisbursement(const db::Rows& r, size_t i) {
  Disbursement d;
  d.id = r.Int(i, 0), d.project_id = r.Int(i, 1), d.source_id = r.Int(i, 2);
  d.plan_year = static_cast<int>(r.Int(i, 3)), d.paid_on = ReadDate(r, i, 4).value_or(Date());
  d.amount = r.Int(i, 5), d.import_id = r.OptInt(i, 6), d.created_by = r.OptInt(i, 7);
  d.created_at = r.Int(i, 8);
  return d;
}

db::Params ProjectParams(const Project& p) {
  return {p.code,
          p.name,
          text::FoldForSearch(p.name),
          p.investor_id,
          OptId(p.managing_unit_id),
          p.sector,
          std::string(ProjectGroupName(p.group)),
          int64_t{p.is_key},
          p.total_investment,
          p.approval_number,
          OptDate(p.approval_date),
          int64_t{p.start_year},
          int64_t{p.end_year},
          int64_t{p.is_new},
          std::string(ProjectStatusName(p.status)),
          int64_t{p.physical_percent},
          OptDate(p.progress_updated_on),
          OptId(p.created_by),
          p.created_at,
          p.updated_at};
}

// Every row of `columns` + kBatchAfter, `kBatch` at a time; `on_batch` sees each batch.
template <typename Read, typename Visit>
Status ForEachBatch(db::Connection& c, const std::string& columns, Read read, Visit on_batch) {
  const std::string sql = columns + kBatchAfter;
  for (int64_t after = 0;;) {
    DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(sql, {after, kBatch}));
    if (r.empty()) return Status::Ok();
    DH_RETURN_IF_ERROR(on_batch(db::ReadRows(r, read)));
    if (static_cast<int64_t>(r.size()) < kBatch) return Status::Ok();
    after = r.Int(r.size() - 1, 0);
  }
}

// The rows of `columns` with these ids, by id, at most kIdsPerQuery per query.
template <typename Read, typename Visit>
Status ForEachOf(db::Connection& c, const std::string& columns, std::vector<int64_t> ids, Read read,
                 Visit on_batch) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (size_t from = 0; from < ids.size(); from += kIdsPerQuery) {
    const size_t n = std::min(kIdsPerQuery, ids.size() - from);
    db::Params params(ids.begin() + from, ids.begin() + from + n);
    DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(columns + kWhereIdIn + db::InList(n) + kById, params));
    DH_RETURN_IF_ERROR(on_batch(db::ReadRows(r, read)));
  }
  return Status::Ok();
}

template <typename T, typename Visitor>
auto VisitAll(const Visitor& visit) {
  return [&visit](const std::vector<T>& rows) {
    for (const T& row : rows) visit(row);
    return Status::Ok();
  };
}

// Fills the locations of projects (ids ascending) from one query over their id range.
Status AttachLocations(db::Connection& c, std::vector<Project>& projects) {
  if (projects.empty()) return Status::Ok();
  DH_ASSIGN_OR_RETURN(db::Rows r,
                      c.Query(kLocationsInRange, {projects.front().id, projects.back().id}));
  size_t j = 0;
  for (Project& p : projects) {
    while (j < r.size() && r.Int(j, 0) < p.id) ++j;
    while (j < r.size() && r.Int(j, 0) == p.id) p.location_unit_ids.push_back(r.Int(j++, 1));
  }
  return Status::Ok();
}

// The same for any projects (a page of a list), by their ids.
Status AttachLocationsOf(db::Connection& c, std::vector<Project>& projects) {
  if (projects.empty()) return Status::Ok();
  std::vector<int64_t> ids;
  for (const Project& p : projects) ids.push_back(p.id);
  std::string sql = kLocationsOf;
  db::Params params;
  db::AppendInList(ids, sql, params);
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(sql, params));
  for (Project& p : projects)
    for (size_t j = 0; j < r.size(); ++j)
      if (r.Int(j, 0) == p.id) p.location_unit_ids.push_back(r.Int(j, 1));
  return Status::Ok();
}

auto VisitProjects(db::Connection& c, const ProjectVisitor& visit) {
  return [&c, &visit](std::vector<Project> batch) -> Status {
    DH_RETURN_IF_ERROR(AttachLocations(c, batch));
    for (const Project& p : batch) visit(p);
    return Status::Ok();
  };
}

Status InsertLocations(db::Connection& c, const Project& p, int64_t id) {
  for (int64_t unit : p.location_unit_ids)
    DH_RETURN_IF_ERROR(c.Exec(kInsertLocation, {id, unit}).status());
  return Status::Ok();
}

Result<std::optional<Project>> OneProject(db::Connection& c, const std::string& where,
                                          db::Value key) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kProjectColumns + where, {std::move(key)}));
  if (r.empty()) return std::optional<Project>();
  std::vector<Project> one{ReadProject(r, 0)};
  DH_RETURN_IF_ERROR(AttachLocations(c, one));
  return std::optional<Project>(std::move(one.front()));
}

}  // namespace

// ---- Capital sources --------------------------------------------------------------------------
Result<std::vector<CapitalSource>> ListCapitalSources(db::Connection& c) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kSourceColumns + kOrderSources));
  return db::ReadRows(r, ReadSource);
}

Result<std::optional<CapitalSource>> GetCapitalSource(db::Connection& c, int64_t id) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kSourceColumns + "WHERE id = ?", {id}));
  if (r.empty()) return std::optional<CapitalSource>();
  return std::optional<CapitalSource>(ReadSource(r, 0));
}

Result<std::optional<CapitalSource>> FindCapitalSourceByCode(db::Connection& c,
                                                             const std::string& code) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kSourceColumns + kWhereCode, {code}));
  if (r.empty()) return std::optional<CapitalSource>();
  return std::optional<CapitalSource>(ReadSource(r, 0));
}

Result<int64_t> InsertCapitalSource(db::Connection& c, const CapitalSource& s) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kInsertSource, {s.code, s.name, OptId(s.parent_id),
                                                          std::string(BudgetLevelName(s.level)),
                                                          int64_t{s.position}, s.created_at}));
  return r.Int(0, 0);
}

// ---- Projects ----------------------------------------------------------------------------------
Result<int64_t> InsertProject(db::Connection& c, const Project& p) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kInsertProject, ProjectParams(p)));
  const int64_t id = r.Int(0, 0);
  DH_RETURN_IF_ERROR(InsertLocations(c, p, id));
  return id;
}

Status UpdateProject(db::Connection& c, const Project& p) {
  db::Params params = ProjectParams(p);
  params.push_back(p.id);
  DH_RETURN_IF_ERROR(c.Exec(kUpdateProject, params).status());
  DH_RETURN_IF_ERROR(c.Exec(kDeleteLocations, {p.id}).status());
  return InsertLocations(c, p, p.id);
}

Result<std::optional<Project>> GetProject(db::Connection& c, int64_t id) {
  return OneProject(c, "WHERE id = ?", id);
}

Result<std::optional<Project>> FindProjectByCode(db::Connection& c, const std::string& code) {
  return OneProject(c, kWhereCode, code);
}

Status ForEachProject(db::Connection& c, const ProjectVisitor& visit) {
  return ForEachBatch(c, kProjectColumns, ReadProject, VisitProjects(c, visit));
}

Status ForEachProjectOf(db::Connection& c, const std::vector<int64_t>& ids,
                        const ProjectVisitor& visit) {
  return ForEachOf(c, kProjectColumns, ids, ReadProject, [&](std::vector<Project> batch) {
    // AttachLocations reads the id range; a sparse batch reads a few extra rows, no more.
    return VisitProjects(c, visit)(std::move(batch));
  });
}

// ---- Annual plan versions
// ---------------------------------------------------------------------------
Result<int64_t> InsertPlanVersion(db::Connection& c, const PlanVersion& v) {
  DH_ASSIGN_OR_RETURN(
      db::Rows r,
      c.Query(kInsertVersion,
              {int64_t{v.year}, v.project_id, v.source_id, std::string(PlanBasisName(v.basis)),
               std::string(VersionKindName(v.kind)), v.amount, v.decision_number,
               v.decision_date.ToString(), OptId(v.adjustment_id), int64_t{v.added_after_sep30},
               OptId(v.created_by), v.created_at}));
  return r.Int(0, 0);
}

Status InsertPlanVersions(db::Connection& c, const std::vector<PlanVersion>& rows) {
  constexpr size_t kPer = 400;  // 12 parameters a row
  const std::string head =
      std::string(kInsertVersion).substr(0, std::string(kInsertVersion).find("VALUES") + 7);
  for (size_t from = 0; from < rows.size(); from += kPer) {
    const size_t n = std::min(kPer, rows.size() - from);
    std::string sql = head;
    db::Params params;
    for (size_t i = from; i < from + n; ++i) {
      const PlanVersion& v = rows[i];
      sql += i > from ? ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      : "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
      params.insert(
          params.end(),
          {int64_t{v.year}, v.project_id, v.source_id, std::string(PlanBasisName(v.basis)),
           std::string(VersionKindName(v.kind)), v.amount, v.decision_number,
           v.decision_date.ToString(), OptId(v.adjustment_id), int64_t{v.added_after_sep30},
           OptId(v.created_by), v.created_at});
    }
    DH_RETURN_IF_ERROR(c.Exec(sql, params).status());
  }
  return Status::Ok();
}

Status ForEachPlanVersion(db::Connection& c, const PlanVersionVisitor& visit) {
  return ForEachBatch(c, kVersionColumns, ReadVersion, VisitAll<PlanVersion>(visit));
}

Status ForEachPlanVersionOf(db::Connection& c, const std::vector<int64_t>& ids,
                            const PlanVersionVisitor& visit) {
  return ForEachOf(c, kVersionColumns, ids, ReadVersion, VisitAll<PlanVersion>(visit));
}

Status ForEachPlanVersionOfAdjustment(db::Connection& c, int64_t adjustment_id,
                                      const PlanVersionVisitor& visit) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kVersionColumns + kWhereAdjustment, {adjustment_id}));
  return VisitAll<PlanVersion>(visit)(db::ReadRows(r, ReadVersion));
}

Result<std::vector<PlanVersion>> PlanVersionsOfProject(db::Connection& c, int64_t project_id,
                                                       std::optional<int> year) {
  const int64_t y = year.value_or(0);
  DH_ASSIGN_OR_RETURN(db::Rows r,
                      c.Query(kVersionColumns + WithYearColumn("year"), {project_id, y, y}));
  return db::ReadRows(r, ReadVersion);
}

// ---- Disbursements
// ---------------------------------------------------------------------------------
Result<int64_t> InsertDisbursement(db::Connection& c, const Disbursement& d) {
  const std::string sql = kInsertDisbursementHead + kDisbursementRow + " RETURNING id";
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(sql, {d.project_id, d.source_id, int64_t{d.plan_year},
                                                d.paid_on.ToString(), d.amount, OptId(d.import_id),
                                                OptId(d.created_by), d.created_at}));
  return r.Int(0, 0);
}

Status InsertDisbursements(db::Connection& c, const std::vector<Disbursement>& rows) {
  std::string full_sql;  // the statement for a whole chunk, built once
  for (size_t from = 0; from < rows.size(); from += kDisbursementsPerInsert) {
    const size_t n = std::min(kDisbursementsPerInsert, rows.size() - from);
    std::string sql = kInsertDisbursementHead;
    for (size_t i = 0; i < n; ++i) (sql += i ? ", " : "") += kDisbursementRow;
    db::Params params;
    params.reserve(n * 8);
    for (size_t i = from; i < from + n; ++i) {
      const Disbursement& d = rows[i];
      params.insert(params.end(),
                    {d.project_id, d.source_id, int64_t{d.plan_year}, d.paid_on.ToString(),
                     d.amount, OptId(d.import_id), OptId(d.created_by), d.created_at});
    }
    if (n == kDisbursementsPerInsert && full_sql.empty()) full_sql = sql;
    DH_RETURN_IF_ERROR(c.Exec(n == kDisbursementsPerInsert ? full_sql : sql, params).status());
  }
  return Status::Ok();
}

Status ForEachDisbursement(db::Connection& c, const DisbursementVisitor& visit) {
  return ForEachBatch(c, kDisbursementColumns, ReadDisbursement, VisitAll<Disbursement>(visit));
}

Status ForEachDisbursementOf(db::Connection& c, const std::vector<int64_t>& ids,
                             const DisbursementVisitor& visit) {
  return ForEachOf(c, kDisbursementColumns, ids, ReadDisbursement, VisitAll<Disbursement>(visit));
}

Status ForEachDisbursementOfImport(db::Connection& c, int64_t import_id,
                                   const DisbursementVisitor& visit) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kDisbursementColumns + kWhereImport, {import_id}));
  return VisitAll<Disbursement>(visit)(db::ReadRows(r, ReadDisbursement));
}

Result<std::vector<Disbursement>> DisbursementsOfProject(db::Connection& c, int64_t project_id,
                                                         std::optional<int> year) {
  const int64_t y = year.value_or(0);
  DH_ASSIGN_OR_RETURN(
      db::Rows r, c.Query(kDisbursementColumns + WithYearColumn("plan_year"), {project_id, y, y}));
  return db::ReadRows(r, ReadDisbursement);
}

// ---- Target trajectory
// ---------------------------------------------------------------------------
Result<std::vector<TargetMilestone>> TargetTrajectory(db::Connection& c, int year) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kTrajectory, {int64_t{year}}));
  return db::ReadRows(r, [](const db::Rows& r, size_t i) {
    return TargetMilestone{static_cast<int>(r.Int(i, 0)), ReadDate(r, i, 1).value_or(Date()),
                           static_cast<int>(r.Int(i, 2))};
  });
}

Status ReplaceTargetTrajectory(db::Connection& c, int year,
                               const std::vector<TargetMilestone>& milestones,
                               std::optional<int64_t> by, int64_t now) {
  DH_RETURN_IF_ERROR(c.Exec(kDeleteTrajectory, {int64_t{year}}).status());
  for (const TargetMilestone& m : milestones)
    DH_RETURN_IF_ERROR(c.Exec(kInsertMilestone, {int64_t{year}, m.due_on.ToString(),
                                                 int64_t{m.rate_bp}, OptId(by), now})
                           .status());
  return Status::Ok();
}

}  // namespace dh::investment

namespace dh::investment {
namespace {

constexpr const char* kProjectCount = "SELECT COUNT(*) FROM projects ";
constexpr const char* kProjectPage = " ORDER BY id LIMIT ? OFFSET ?";
constexpr const char* kScopeInvestor = "(investor_id IN ";
constexpr const char* kScopeManaging = " OR managing_unit_id IN ";
constexpr const char* kInSubProjects = "project_id IN (SELECT id FROM projects WHERE ";
const std::string kVersionCount = "SELECT COUNT(*) FROM annual_plan_versions ";
const std::string kDisbursementCount = "SELECT COUNT(*) FROM disbursements ";

void And(std::string& where, const char* clause, db::Params& params, db::Value v) {
  where += where.empty() ? "WHERE " : " AND ";
  where += clause;
  params.push_back(std::move(v));
}

// "(investor_id IN (…) OR managing_unit_id IN (…))"; nullopt for a scope that matches
// nothing.
std::optional<std::string> ScopeClause(const std::vector<int64_t>& units, db::Params& params) {
  if (units.empty()) return std::nullopt;
  std::string sql = kScopeInvestor;
  db::AppendInList(units, sql, params);
  sql += kScopeManaging;
  db::AppendInList(units, sql, params);
  return sql + ")";
}

// The WHERE of a project list; nullopt when it matches nothing.
std::optional<std::string> ProjectWhere(const ProjectQuery& q, db::Params& params) {
  std::string where;
  if (q.scope) {
    auto scope = ScopeClause(*q.scope, params);
    if (!scope) return std::nullopt;
    where = "WHERE " + *scope;
  }
  if (q.investor_id) And(where, "investor_id = ?", params, *q.investor_id);
  if (q.managing_unit_id) And(where, "managing_unit_id = ?", params, *q.managing_unit_id);
  if (q.location_unit_id)
    And(where, "id IN (SELECT project_id FROM project_locations WHERE unit_id = ?)", params,
        *q.location_unit_id);
  if (q.sector) And(where, "sector = ?", params, *q.sector);
  if (q.group) And(where, "project_group = ?", params, *q.group);
  if (q.status) And(where, "status = ?", params, *q.status);
  if (q.is_key) And(where, "is_key = ?", params, int64_t{*q.is_key});
  if (q.q) {
    const std::string like = "%" + text::FoldForSearch(*q.q) + "%";
    And(where, "(name_folded LIKE ? OR LOWER(code) LIKE ?)", params, like);
    params.push_back(like);
  }
  return where;
}

// The WHERE of a list of plan versions or disbursements; `year_col` names the plan year.
std::optional<std::string> RecordWhere(const RecordQuery& q, const char* year_col,
                                       db::Params& params) {
  std::string where;
  if (q.scope) {
    db::Params scope_params;
    auto scope = ScopeClause(*q.scope, scope_params);
    if (!scope) return std::nullopt;
    where = std::string("WHERE ") + kInSubProjects + *scope + ")";
    params.insert(params.end(), scope_params.begin(), scope_params.end());
  }
  if (q.project_id) And(where, "project_id = ?", params, *q.project_id);
  if (q.source_id) And(where, "source_id = ?", params, *q.source_id);
  if (q.year) And(where, year_col, params, int64_t{*q.year});
  return where;
}

}  // namespace

Result<std::vector<Project>> ListProjects(db::Connection& c, const ProjectQuery& q, int64_t limit,
                                          int64_t offset, int64_t* total) {
  db::Params params;
  const auto where = ProjectWhere(q, params);
  DH_ASSIGN_OR_RETURN(
      db::Rows r, db::CountAndPage(c, {kProjectCount, kProjectColumns, kProjectPage}, where, params,
                                   limit, offset, total));
  std::vector<Project> out = db::ReadRows(r, ReadProject);
  DH_RETURN_IF_ERROR(AttachLocationsOf(c, out));
  return out;
}

Result<std::vector<PlanVersion>> ListPlanVersions(db::Connection& c, const RecordQuery& q,
                                                  int64_t limit, int64_t offset, int64_t* total) {
  db::Params params;
  const auto where = RecordWhere(q, "year = ?", params);
  DH_ASSIGN_OR_RETURN(
      db::Rows r, db::CountAndPage(c, {kVersionCount, kVersionColumns, kProjectPage}, where, params,
                                   limit, offset, total));
  return db::ReadRows(r, ReadVersion);
}

Result<std::vector<Disbursement>> ListDisbursements(db::Connection& c, const RecordQuery& q,
                                                    int64_t limit, int64_t offset, int64_t* total) {
  db::Params params;
  const auto where = RecordWhere(q, "plan_year = ?", params);
  DH_ASSIGN_OR_RETURN(db::Rows r,
                      db::CountAndPage(c, {kDisbursementCount, kDisbursementColumns, kProjectPage},
                                       where, params, limit, offset, total));
  return db::ReadRows(r, ReadDisbursement);
}

}  // namespace dh::investment

namespace dh::investment {

Result<std::vector<ProjectCode>> AllProjectCodes(db::Connection& c) {
  DH_ASSIGN_OR_RETURN(db::Rows r,
                      c.Query("SELECT code, id, investor_id, managing_unit_id FROM projects"));
  return db::ReadRows(r, [](const db::Rows& r, size_t i) {
    return ProjectCode{r.Text(i, 0), r.Int(i, 1), r.Int(i, 2), r.OptInt(i, 3)};
  });
}

}  // namespace dh::investment
