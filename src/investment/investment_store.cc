#include "investment/investment_store.h"

#include <algorithm>

#include "core/text.h"
#include "db/row_reader.h"
#include "db/sql_lists.h"
#include "db/sql_order.h"
#include "db/table_sql.h"

namespace dh::investment {
namespace {

using db::OptDate;
using db::OptId;

constexpr int64_t kBatch = 20000;
constexpr size_t kIdsPerQuery = 500;

// ---- SQL ------------------------------------------------------------------------------------
const std::string kSourceColumns =
    "SELECT id, code, name, parent_id, level, position, created_at FROM capital_sources ";
const std::string kInsertSource = db::InsertReturningIdSql(
    "capital_sources", "code, name, parent_id, level, position, created_at");

const std::string kProjectColumns =
    "SELECT id, code, name, investor_id, managing_unit_id, sector, project_group, is_key, "
    "total_investment, approval_number, approval_date, start_year, end_year, is_new, status, "
    "physical_percent, progress_updated_on, created_by, created_at, updated_at FROM projects ";
// The columns INSERT and UPDATE write, in the order of their parameters.
constexpr const char* kProjectFields =
    "code, name, name_folded, investor_id, managing_unit_id, sector, project_group, is_key, "
    "total_investment, approval_number, approval_date, start_year, end_year, is_new, status, "
    "physical_percent, progress_updated_on, created_by, created_at, updated_at";
const std::string kInsertProject = db::InsertReturningIdSql("projects", kProjectFields);
const std::string kUpdateProject = db::UpdateSql("projects", kProjectFields);
constexpr const char* kDeleteLocations = "DELETE FROM project_locations WHERE project_id = ?";
const std::string kInsertLocation = db::InsertSql("project_locations", "project_id, unit_id");
constexpr const char* kLocationsInRange =
    "SELECT project_id, unit_id FROM project_locations WHERE project_id >= ? AND project_id <= ? "
    "ORDER BY project_id, unit_id";

const std::string kLocationsOf =
    "SELECT project_id, unit_id FROM project_locations WHERE project_id IN ";

const std::string kVersionColumns =
    "SELECT id, year, project_id, source_id, basis, version_kind, amount, decision_number, "
    "decision_date, adjustment_id, added_after_sep30, created_by, created_at "
    "FROM annual_plan_versions ";
const std::string kInsertVersion = db::InsertReturningIdSql(
    "annual_plan_versions",
    "year, project_id, source_id, basis, version_kind, amount, decision_number, decision_date, "
    "adjustment_id, added_after_sep30, created_by, created_at");
constexpr const char* kVersionRow = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

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
const std::string kInsertMilestone =
    db::InsertSql("disbursement_milestones", "year, due_on, rate_bp, updated_by, updated_at");

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
void SourceFields(db::RowCursor& row, CapitalSource& s) {
  row(s.id, s.code, s.name, s.parent_id, db::As(s.level, ParseBudgetLevel, BudgetLevel::kLocal),
      s.position, s.created_at);
}

void ProjectFields(db::RowCursor& row, Project& p) {
  row(p.id, p.code, p.name, p.investor_id, p.managing_unit_id, p.sector,
      db::As(p.group, ParseProjectGroup, ProjectGroup::kC), p.is_key, p.total_investment,
      p.approval_number, p.approval_date, p.start_year, p.end_year, p.is_new,
      db::As(p.status, ParseProjectStatus, ProjectStatus::kInProgress), p.physical_percent,
      p.progress_updated_on, p.created_by, p.created_at, p.updated_at);
}

void VersionFields(db::RowCursor& row, PlanVersion& v) {
  row(v.id, v.year, v.project_id, v.source_id, db::As(v.basis, ParsePlanBasis, PlanBasis::kCouncil),
      db::As(v.kind, ParseVersionKind, VersionKind::kInitial), v.amount, v.decision_number,
      v.decision_date, v.adjustment_id, v.added_after_sep30, v.created_by, v.created_at);
}

void DisbursementFields(db::RowCursor& row, Disbursement& d) {
  row(d.id, d.project_id, d.source_id, d.plan_year, d.paid_on, d.amount, d.import_id, d.created_by,
      d.created_at);
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
template <typename T, typename Read, typename Visit>
Status ForEachBatch(db::Connection& c, const std::string& columns, Read read, Visit on_batch) {
  return db::ForEachBatch<T>(c, columns + kBatchAfter, kBatch, read, on_batch);
}

// The rows of `columns` with these ids, by id, at most kIdsPerQuery per query.
template <typename T, typename Read, typename Visit>
Status ForEachIdIn(db::Connection& c, const std::string& columns, std::vector<int64_t> ids,
                   Read read, Visit on_batch) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (size_t from = 0; from < ids.size(); from += kIdsPerQuery) {
    const size_t n = std::min(kIdsPerQuery, ids.size() - from);
    db::Params params(ids.begin() + from, ids.begin() + from + n);
    DH_ASSIGN_OR_RETURN(
        std::vector<T> rows,
        db::ReadAll<T>(c, columns + kWhereIdIn + db::InList(n) + kById, params, read));
    DH_RETURN_IF_ERROR(on_batch(std::move(rows)));
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

// The rows `sql` selects with its one parameter `key` (one change's rows), by `visit`.
template <typename T, typename Read, typename Visitor>
Status ForEachWhere(db::Connection& c, const std::string& sql, int64_t key, Read read,
                    const Visitor& visit) {
  DH_ASSIGN_OR_RETURN(std::vector<T> rows, db::ReadAll<T>(c, sql, {key}, read));
  return VisitAll<T>(visit)(rows);
}

using Location = std::pair<int64_t, int64_t>;  // project, unit
void AddLocation(Project& p, int64_t unit) { p.location_unit_ids.push_back(unit); }

// Fills the locations of projects (ids ascending) from one query over their id range.
Status AttachLocations(db::Connection& c, std::vector<Project>& projects) {
  if (projects.empty()) return Status::Ok();
  DH_ASSIGN_OR_RETURN(
      db::ChildRows<int64_t> locations,
      db::ReadAll<Location>(c, kLocationsInRange, {projects.front().id, projects.back().id}));
  db::AttachSorted(projects, locations, AddLocation);
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
  DH_ASSIGN_OR_RETURN(db::ChildRows<int64_t> locations, db::ReadAll<Location>(c, sql, params));
  db::AttachById(projects, locations, AddLocation);
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
  DH_ASSIGN_OR_RETURN(
      std::vector<Project> one,
      db::ReadAll<Project>(c, kProjectColumns + where, {std::move(key)}, ProjectFields));
  if (one.empty()) return std::optional<Project>();
  DH_RETURN_IF_ERROR(AttachLocations(c, one));
  return std::optional<Project>(std::move(one.front()));
}

// The bound values of one version / one disbursement, in their INSERT's order.
void BindVersion(const PlanVersion& v, db::Params& params) {
  params.insert(params.end(),
                {int64_t{v.year}, v.project_id, v.source_id, std::string(PlanBasisName(v.basis)),
                 std::string(VersionKindName(v.kind)), v.amount, v.decision_number,
                 v.decision_date.ToString(), OptId(v.adjustment_id), int64_t{v.added_after_sep30},
                 OptId(v.created_by), v.created_at});
}

void BindDisbursement(const Disbursement& d, db::Params& params) {
  params.insert(params.end(),
                {d.project_id, d.source_id, int64_t{d.plan_year}, d.paid_on.ToString(), d.amount,
                 OptId(d.import_id), OptId(d.created_by), d.created_at});
}

// `rows` in multi-row INSERTs of `per` rows: `head` ("INSERT … VALUES "), then `one` ("(?, …)")
// for each row, bound by `bind(row, params)`. The statement of a full chunk is built once.
template <typename T, typename Bind>
Status InsertChunks(db::Connection& c, const std::string& head, const char* one, size_t per,
                    const std::vector<T>& rows, Bind bind) {
  std::string full_sql;
  for (size_t from = 0; from < rows.size(); from += per) {
    const size_t n = std::min(per, rows.size() - from);
    std::string sql = head;
    for (size_t i = 0; i < n; ++i) (sql += i ? ", " : "") += one;
    db::Params params;
    params.reserve(n * 12);
    for (size_t i = from; i < from + n; ++i) bind(rows[i], params);
    if (n == per && full_sql.empty()) full_sql = sql;
    DH_RETURN_IF_ERROR(c.Exec(n == per ? full_sql : sql, params).status());
  }
  return Status::Ok();
}

}  // namespace

// ---- Capital sources --------------------------------------------------------------------------
Result<std::vector<CapitalSource>> ListCapitalSources(db::Connection& c) {
  return db::ReadAll<CapitalSource>(c, kSourceColumns + kOrderSources, {}, SourceFields);
}

Result<std::optional<CapitalSource>> GetCapitalSource(db::Connection& c, int64_t id) {
  return db::ReadOne<CapitalSource>(c, kSourceColumns + "WHERE id = ?", {id}, SourceFields);
}

Result<std::optional<CapitalSource>> FindCapitalSourceByCode(db::Connection& c,
                                                             const std::string& code) {
  return db::ReadOne<CapitalSource>(c, kSourceColumns + kWhereCode, {code}, SourceFields);
}

Result<int64_t> InsertCapitalSource(db::Connection& c, const CapitalSource& s) {
  return db::ReadInt(c, kInsertSource,
                     {s.code, s.name, OptId(s.parent_id), std::string(BudgetLevelName(s.level)),
                      int64_t{s.position}, s.created_at});
}

// ---- Projects ----------------------------------------------------------------------------------
Result<int64_t> InsertProject(db::Connection& c, const Project& p) {
  DH_ASSIGN_OR_RETURN(const int64_t id, db::ReadInt(c, kInsertProject, ProjectParams(p)));
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
  return ForEachBatch<Project>(c, kProjectColumns, ProjectFields, VisitProjects(c, visit));
}

template <>
Status ForEachOf<Project>(db::Connection& c, const std::vector<int64_t>& ids,
                          const ProjectVisitor& visit) {
  return ForEachIdIn<Project>(c, kProjectColumns, ids, ProjectFields,
                              [&](std::vector<Project> batch) {
                                // AttachLocations reads the id range; a sparse batch reads a
                                // few extra rows, no more.
                                return VisitProjects(c, visit)(std::move(batch));
                              });
}

// ---- Annual plan versions
// ---------------------------------------------------------------------------
Result<int64_t> InsertPlanVersion(db::Connection& c, const PlanVersion& v) {
  db::Params params;
  BindVersion(v, params);
  return db::ReadInt(c, kInsertVersion, params);
}

Status InsertPlanVersions(db::Connection& c, const std::vector<PlanVersion>& rows) {
  constexpr size_t kPer = 400;  // 12 parameters a row
  const std::string head =
      std::string(kInsertVersion).substr(0, std::string(kInsertVersion).find("VALUES") + 7);
  return InsertChunks(c, head, kVersionRow, kPer, rows, BindVersion);
}

Status ForEachPlanVersion(db::Connection& c, const PlanVersionVisitor& visit) {
  return ForEachBatch<PlanVersion>(c, kVersionColumns, VersionFields, VisitAll<PlanVersion>(visit));
}

Status ForEachPlanVersionOfAdjustment(db::Connection& c, int64_t adjustment_id,
                                      const PlanVersionVisitor& visit) {
  return ForEachWhere<PlanVersion>(c, kVersionColumns + kWhereAdjustment, adjustment_id,
                                   VersionFields, visit);
}

Result<std::vector<PlanVersion>> PlanVersionsOfProject(db::Connection& c, int64_t project_id,
                                                       std::optional<int> year) {
  const int64_t y = year.value_or(0);
  return db::ReadAll<PlanVersion>(c, kVersionColumns + WithYearColumn("year"), {project_id, y, y},
                                  VersionFields);
}

// ---- Disbursements
// ---------------------------------------------------------------------------------
Result<int64_t> InsertDisbursement(db::Connection& c, const Disbursement& d) {
  const std::string sql = kInsertDisbursementHead + kDisbursementRow + " RETURNING id";
  db::Params params;
  BindDisbursement(d, params);
  return db::ReadInt(c, sql, params);
}

Status InsertDisbursements(db::Connection& c, const std::vector<Disbursement>& rows) {
  return InsertChunks(c, kInsertDisbursementHead, kDisbursementRow, kDisbursementsPerInsert, rows,
                      BindDisbursement);
}

Status ForEachDisbursement(db::Connection& c, const DisbursementVisitor& visit) {
  return ForEachBatch<Disbursement>(c, kDisbursementColumns, DisbursementFields,
                                    VisitAll<Disbursement>(visit));
}

Status ForEachDisbursementOfImport(db::Connection& c, int64_t import_id,
                                   const DisbursementVisitor& visit) {
  return ForEachWhere<Disbursement>(c, kDisbursementColumns + kWhereImport, import_id,
                                    DisbursementFields, visit);
}

template <>
Status ForEachOf<PlanVersion>(db::Connection& c, const std::vector<int64_t>& ids,
                              const PlanVersionVisitor& visit) {
  return ForEachIdIn<PlanVersion>(c, kVersionColumns, ids, VersionFields,
                                  VisitAll<PlanVersion>(visit));
}

template <>
Status ForEachOf<Disbursement>(db::Connection& c, const std::vector<int64_t>& ids,
                               const DisbursementVisitor& visit) {
  return ForEachIdIn<Disbursement>(c, kDisbursementColumns, ids, DisbursementFields,
                                   VisitAll<Disbursement>(visit));
}

Result<std::vector<Disbursement>> DisbursementsOfProject(db::Connection& c, int64_t project_id,
                                                         std::optional<int> year) {
  const int64_t y = year.value_or(0);
  return db::ReadAll<Disbursement>(c, kDisbursementColumns + WithYearColumn("plan_year"),
                                   {project_id, y, y}, DisbursementFields);
}

// ---- Target trajectory
// ---------------------------------------------------------------------------
Result<std::vector<TargetMilestone>> TargetTrajectory(db::Connection& c, int year) {
  return db::ReadAll<TargetMilestone>(
      c, kTrajectory, {int64_t{year}},
      [](db::RowCursor& row, TargetMilestone& m) { row(m.year, m.due_on, m.rate_bp); });
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
// The columns the project list may be sorted by (ProjectQuery::sort), ties by id.
constexpr db::SqlOrder kProjectOrders[] = {
    {"code", " ORDER BY code, id LIMIT ? OFFSET ?", " ORDER BY code DESC, id LIMIT ? OFFSET ?"},
    {"name", " ORDER BY name_folded, id LIMIT ? OFFSET ?",
     " ORDER BY name_folded DESC, id LIMIT ? OFFSET ?"},
    {"total_investment", " ORDER BY total_investment, id LIMIT ? OFFSET ?",
     " ORDER BY total_investment DESC, id LIMIT ? OFFSET ?"},
    {"status", " ORDER BY status, id LIMIT ? OFFSET ?",
     " ORDER BY status DESC, id LIMIT ? OFFSET ?"},
    {"physical_percent", " ORDER BY physical_percent, id LIMIT ? OFFSET ?",
     " ORDER BY physical_percent DESC, id LIMIT ? OFFSET ?"},
    {"start_year", " ORDER BY start_year, id LIMIT ? OFFSET ?",
     " ORDER BY start_year DESC, id LIMIT ? OFFSET ?"}};
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
      std::vector<Project> out,
      db::ReadPage<Project>(c,
                            {kProjectCount, kProjectColumns,
                             db::PageOrder(kProjectOrders, q.sort, q.descending, kProjectPage)},
                            where, params, limit, offset, total, ProjectFields));
  DH_RETURN_IF_ERROR(AttachLocationsOf(c, out));
  return out;
}

Result<std::vector<PlanVersion>> ListPlanVersions(db::Connection& c, const RecordQuery& q,
                                                  int64_t limit, int64_t offset, int64_t* total) {
  db::Params params;
  const auto where = RecordWhere(q, "year = ?", params);
  return db::ReadPage<PlanVersion>(c, {kVersionCount, kVersionColumns, kProjectPage}, where, params,
                                   limit, offset, total, VersionFields);
}

Result<std::vector<Disbursement>> ListDisbursements(db::Connection& c, const RecordQuery& q,
                                                    int64_t limit, int64_t offset, int64_t* total) {
  db::Params params;
  const auto where = RecordWhere(q, "plan_year = ?", params);
  return db::ReadPage<Disbursement>(c, {kDisbursementCount, kDisbursementColumns, kProjectPage},
                                    where, params, limit, offset, total, DisbursementFields);
}

}  // namespace dh::investment

namespace dh::investment {

namespace {
const std::string kProjectCodes =
    db::SelectSql("projects", "code, id, investor_id, managing_unit_id");
}  // namespace

Result<std::vector<ProjectCode>> AllProjectCodes(db::Connection& c) {
  return db::ReadAll<ProjectCode>(c, kProjectCodes, {}, [](db::RowCursor& row, ProjectCode& p) {
    row(p.code, p.id, p.investor_id, p.managing_unit_id);
  });
}

}  // namespace dh::investment

namespace dh::investment {

namespace {
// SQLite's page cache for the length of a bulk import, then back to SQLite's default: a
// million rows' index pages stay in memory instead of being spilled to the WAL and read
// back (a third of the import's time with the default 2 MiB).
constexpr const char* kSqliteBulkCache = "PRAGMA cache_size = -262144";  // 256 MiB
constexpr const char* kSqliteDefaultCache = "PRAGMA cache_size = -2000";
constexpr db::BulkTarget kDisbursementsBulk{
    "disbursements",
    "project_id, source_id, plan_year, paid_on, amount, import_id, created_by, created_at"};
}  // namespace

Status SetBulkCache(db::Connection& c, bool bulk) {
  if (c.dialect() != db::Dialect::kSqlite) return Status::Ok();
  return c.ExecScript(bulk ? kSqliteBulkCache : kSqliteDefaultCache);
}

// One writer for all of `rows` (db/bulk_insert.h). SQLite's statement journal (the pages a
// statement touches, to undo it alone) stays in memory (db/sqlite_connection.cc).
Status InsertDisbursementsBulk(db::Connection& c, const std::vector<Disbursement>& rows) {
  return db::BulkInsert(c, kDisbursementsBulk, rows, BindDisbursement);
}

Result<std::unique_ptr<db::BulkWriter>> OpenDisbursementWriter(db::Connection& c) {
  return db::OpenBulkWriter(c, kDisbursementsBulk);
}

Status WriteDisbursement(db::BulkWriter& w, const Disbursement& d, db::Params& row) {
  row.clear();
  BindDisbursement(d, row);
  return w.Add(row);
}

}  // namespace dh::investment
