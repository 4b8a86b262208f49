#include "tasks/task_store.h"

#include <unordered_map>

#include "core/text.h"
#include "db/row_reader.h"
#include "db/sql_lists.h"
#include "db/table_sql.h"
#include "tasks/task_demo_store.h"
#include "tasks/task_messages.h"

namespace dh::tasks {
namespace {

// ---- The statements -----------------------------------------------------------------
// Those ending in "IN " take a list of placeholders (InList); "directives" a WHERE clause.

const std::string kCoordinatorsOfTasksSql =
    "SELECT task_id, unit_id FROM task_coordinators WHERE task_id IN ";
const std::string kMilestonesOfTasksSql =
    "SELECT task_id, label, due_on, planned_percent FROM task_milestones WHERE task_id IN ";
const std::string kCountDirectivesSql = db::CountSql("directives");
const std::string kApprovedExtensionsOfTasksSql =
    "SELECT task_id, COUNT(*) FROM task_extensions WHERE status = 'approved' AND task_id IN ";
const std::string kUpdateExtensionSql =
    db::UpdateSql("task_extensions", "status, decided_by, decided_at, decision_note");
constexpr db::Table kDirectives{
    "directives", "kind, number, issued_on, issuer_unit_id, title, body, created_by, created_at",
    "title_folded"};
constexpr db::Table kGroups{"task_groups", "directive_id, parent_id, title, position"};
constexpr db::Table kReports{"task_reports",
                             "task_id, reported_on, percent, body, user_id, created_at"};
constexpr db::Table kEvents{
    "task_events",
    "task_id, kind, happened_on, note, from_unit_id, to_unit_id, user_id, created_at"};
constexpr db::Table kOccurrences{"task_occurrences", "task_id, deadline, finished_on, note"};

const std::string kInsertEventSql = db::InsertSql(kEvents.name, kEvents.columns);
const std::string kAnswerCoordinationSql =
    db::UpdateSql("coordination_requests", "answered_on, answer");
const std::string kInsertOccurrenceSql = db::InsertSql(kOccurrences.name, kOccurrences.columns);

constexpr char kDeleteCoordinatorsSql[] = "DELETE FROM task_coordinators WHERE task_id = ?";
const std::string kInsertCoordinatorSql = db::InsertSql("task_coordinators", "task_id, unit_id");
const std::string kInsertDirectiveSql = kDirectives.Insert();
const std::string kUpdateDirectiveSql =
    kDirectives.Update("kind, number, issued_on, title, title_folded, body");
const std::string kInsertGroupSql = kGroups.Insert();
const std::string kGroupsOfSql = kGroups.Select("WHERE directive_id = ? ORDER BY position, id");
const std::string kFindGroupSql = kGroups.Select("WHERE id = ?");
const std::string kInsertTaskSql = db::InsertReturningIdSql(
    "tasks",
    "directive_id, group_id, parent_task_id, share_percent, title, title_folded, description, "
    "lead_unit_id, assignee_id, output_kind, original_deadline, deadline, recurrence, is_key, "
    "state, progress_percent, own_progress_percent, finished_on, output_text, last_report_on, "
    "created_by, created_at, updated_at, start_on");
constexpr char kDeleteMilestonesSql[] = "DELETE FROM task_milestones WHERE task_id = ?";
const std::string kInsertMilestoneSql =
    db::InsertSql("task_milestones", "task_id, label, due_on, planned_percent");
const std::string kUpdateTaskSql =
    db::UpdateSql("tasks",
                  "title, title_folded, description, lead_unit_id, assignee_id, output_kind, "
                  "deadline, is_key, state, progress_percent, own_progress_percent, finished_on, "
                  "output_text, last_report_on, updated_at, group_id, start_on");
constexpr char kCoordinatorsInIdRangeSql[] =
    "SELECT task_id, unit_id FROM task_coordinators "
    "WHERE task_id > ? AND task_id <= ? ORDER BY task_id";
constexpr char kTasksNotDoneCoordinatedBySql[] =
    "SELECT tc.task_id FROM task_coordinators tc JOIN tasks t ON t.id = "
    "tc.task_id WHERE tc.unit_id = ? AND t.state NOT IN ('done', 'cancelled', 'deleted')";
constexpr char kTasksNotDoneLedBySql[] =
    "SELECT id FROM tasks WHERE lead_unit_id = ? "
    "AND state NOT IN ('done', 'cancelled', 'deleted') ORDER BY id";
const std::string kInsertReportSql = kReports.Insert();
const std::string kReportsOfSql =
    kReports.Select("WHERE task_id = ? ORDER BY reported_on DESC, id DESC");
const std::string kInsertExtensionSql =
    db::InsertReturningIdSql("task_extensions",
                             "task_id, previous_deadline, requested_deadline, reason, status, "
                             "requested_by, requested_at, decided_by, decided_at, decision_note");
const std::string kInsertCoordinationSql = db::InsertReturningIdSql(
    "coordination_requests",
    "task_id, from_unit_id, to_unit_id, body, due_on, answered_on, answer, created_by, created_at");
constexpr char kMoveAskedCoordinationsSql[] =
    "UPDATE coordination_requests SET to_unit_id = ? "
    "WHERE to_unit_id = ? AND answered_on IS NULL";
constexpr char kMoveAskingCoordinationsSql[] =
    "UPDATE coordination_requests SET from_unit_id = ? "
    "WHERE from_unit_id = ? AND answered_on IS NULL";
const std::string kEventsOfSql = kEvents.Select("WHERE task_id = ? ORDER BY id");
const std::string kOccurrencesOfSql = kOccurrences.Select("WHERE task_id = ? ORDER BY deadline");

using db::OptDate;
using db::OptId;

using db::InList;

constexpr const char* kDirectivesPage = " ORDER BY issued_on DESC, id DESC LIMIT ? OFFSET ?";
const std::string kDirectiveColumns = kDirectives.Select();

void DirectiveFields(db::RowCursor& row, Directive& d) {
  row(d.id, d.kind, d.number, d.issued_on, d.issuer_unit_id, d.title, d.body, d.created_by,
      d.created_at);
}

constexpr const char* kTaskColumns =
    "SELECT id, directive_id, group_id, parent_task_id, share_percent, title, description, "
    "lead_unit_id, assignee_id, output_kind, original_deadline, deadline, recurrence, is_key, "
    "state, progress_percent, own_progress_percent, finished_on, output_text, last_report_on, "
    "created_by, created_at, updated_at, start_on, "
    "CASE WHEN EXISTS (SELECT 1 FROM task_extensions x WHERE x.task_id = tasks.id AND x.status = "
    "'pending') "
    "THEN 1 ELSE 0 END FROM tasks";

void TaskFields(db::RowCursor& row, TaskRecord& t) {
  row(t.id, t.directive_id, t.group_id, t.parent_task_id, t.share_percent, t.title, t.description,
      t.lead_unit_id, t.assignee_id, t.output_kind, t.original_deadline, t.deadline,
      db::As(t.recurrence, ParseRecurrence, Recurrence{}), t.is_key,
      db::As(t.state, ParseState, TaskState::kNotStarted), t.progress_percent,
      t.own_progress_percent, t.finished_on, t.output_text, t.last_report_on, t.created_by,
      t.created_at, t.updated_at, t.start_on, t.extension_pending);
  if (!t.start_on) t.start_on = VietnamDateOf(t.created_at);
}

void AddCoordinator(TaskRecord& t, int64_t unit) { t.coordinator_ids.push_back(unit); }

// Coordinators and milestones of the given tasks, attached in place.
Status AttachDetails(db::Connection& c, std::vector<TaskRecord>& tasks) {
  if (tasks.empty()) return Status::Ok();
  DH_RETURN_IF_ERROR(db::AttachChildrenIn<int64_t>(c, kCoordinatorsOfTasksSql, " ORDER BY unit_id",
                                                   tasks, AddCoordinator));
  db::Params ids;
  for (auto& t : tasks) ids.push_back(t.id);
  using TaskMilestone = std::pair<int64_t, Milestone>;
  DH_ASSIGN_OR_RETURN(db::ChildRows<Milestone> ms,
                      db::ReadAll<TaskMilestone>(
                          c, kMilestonesOfTasksSql + InList(ids.size()) + " ORDER BY due_on, id",
                          ids, [](db::RowCursor& row, TaskMilestone& m) {
                            row(m.first, m.second.label, m.second.due_on, m.second.planned_percent);
                          }));
  db::AttachById(tasks, ms, [](TaskRecord& t, const Milestone& m) { t.milestones.push_back(m); });
  return Status::Ok();
}

Status WriteCoordinators(db::Connection& c, const TaskRecord& t) {
  DH_RETURN_IF_ERROR(c.Exec(kDeleteCoordinatorsSql, {t.id}).status());
  for (int64_t u : t.coordinator_ids)
    DH_RETURN_IF_ERROR(c.Exec(kInsertCoordinatorSql, {t.id, u}).status());
  return Status::Ok();
}

const std::string kCoordinationColumns =
    db::SelectSql("coordination_requests",
                  "id, task_id, from_unit_id, to_unit_id, body, due_on, answered_on, answer, "
                  "created_by, created_at");

void CoordinationFields(db::RowCursor& row, CoordinationRequest& q) {
  row(q.id, q.task_id, q.from_unit_id, q.to_unit_id, q.body, q.due_on, q.answered_on, q.answer,
      q.created_by, q.created_at);
}

const std::string kExtensionColumns =
    db::SelectSql("task_extensions",
                  "id, task_id, previous_deadline, requested_deadline, reason, status, "
                  "requested_by, requested_at, decided_by, decided_at, decision_note");

// Only the service writes the status, one of the four; anything else reads as closed, which
// nobody can decide.
void ExtensionFields(db::RowCursor& row, Extension& e) {
  row(e.id, e.task_id, e.previous_deadline, e.requested_deadline, e.reason,
      db::As(e.status, ParseExtensionStatus, ExtensionStatus::kClosed), e.requested_by,
      e.requested_at, e.decided_by, e.decided_at, e.decision_note);
}

void GroupFields(db::RowCursor& row, TaskGroup& g) {
  row(g.id, g.directive_id, g.parent_id, g.title, g.position);
}

// A directive's number is unique per issuing unit and date (the tables' unique index).
Status NumberTaken(const Directive& d) {
  return Status::UniqueViolation("number",
                                 Say(msg::kDirectiveNumberTaken,
                                     {{"number", d.number}, {"date", d.issued_on.ToVietnamese()}}));
}

}  // namespace

Result<int64_t> InsertDirective(db::Connection& c, const Directive& d) {
  auto id = db::ReadInt(
      c, kInsertDirectiveSql,
      {d.kind, d.number, d.issued_on.ToString(), d.issuer_unit_id, d.title, d.body,
       OptId(d.created_by), d.created_at, text::FoldForSearch(d.title + " " + d.number)});
  if (!id.ok() && id.status().code() == StatusCode::kUniqueViolation) return NumberTaken(d);
  return id;
}

Status UpdateDirective(db::Connection& c, const Directive& d) {
  auto r =
      c.Exec(kUpdateDirectiveSql, {d.kind, d.number, d.issued_on.ToString(), d.title,
                                   text::FoldForSearch(d.title + " " + d.number), d.body, d.id});
  if (!r.ok() && r.status().code() == StatusCode::kUniqueViolation) return NumberTaken(d);
  return r.status();
}

Result<std::optional<Directive>> FindDirective(db::Connection& c, int64_t id) {
  return db::ReadOne<Directive>(c, std::string(kDirectiveColumns) + " WHERE id = ?", {id},
                                DirectiveFields);
}

namespace {

// A set of ids as one bound parameter (a JSON array), however many there are.
constexpr const char* kIdsInSqlite = " IN (SELECT value FROM json_each(?))";
constexpr const char* kIdsInPg = " IN (SELECT jsonb_array_elements_text(?::jsonb)::bigint)";

std::string JsonIds(const std::unordered_set<int64_t>& ids) {
  std::string out = "[";
  for (int64_t id : ids) out += (out.size() > 1 ? "," : "") + std::to_string(id);
  return out + "]";
}

}  // namespace

Result<std::vector<Directive>> ListDirectives(db::Connection& c, const std::string& q,
                                              const DirectiveScope* scope, int64_t limit,
                                              int64_t offset, int64_t* total) {
  std::string where = " WHERE 1=1";
  db::Params params;
  if (!q.empty()) {
    where += " AND title_folded LIKE ?";
    params.push_back("%" + q + "%");
  }
  if (scope) {
    const char* in = c.dialect() == db::Dialect::kPostgres ? kIdsInPg : kIdsInSqlite;
    where += std::string(" AND (issuer_unit_id") + in + " OR id" + in + ")";
    params.push_back(JsonIds(scope->issuers));
    params.push_back(JsonIds(scope->directives));
  }
  return db::ReadPage<Directive>(c, {kCountDirectivesSql, kDirectiveColumns, kDirectivesPage},
                                 where, std::move(params), limit, offset, total, DirectiveFields);
}

Result<int64_t> InsertGroup(db::Connection& c, const TaskGroup& g) {
  return db::ReadInt(c, kInsertGroupSql,
                     {g.directive_id, OptId(g.parent_id), g.title, int64_t{g.position}});
}

Result<std::vector<TaskGroup>> GroupsOf(db::Connection& c, int64_t directive_id) {
  return db::ReadAll<TaskGroup>(c, kGroupsOfSql, {directive_id}, GroupFields);
}

Result<std::optional<TaskGroup>> FindGroup(db::Connection& c, int64_t id) {
  return db::ReadOne<TaskGroup>(c, kFindGroupSql, {id}, GroupFields);
}

Result<int64_t> InsertTask(db::Connection& c, const TaskRecord& t) {
  DH_ASSIGN_OR_RETURN(const int64_t id, db::ReadInt(c, kInsertTaskSql,
                                                    {OptId(t.directive_id),
                                                     OptId(t.group_id),
                                                     OptId(t.parent_task_id),
                                                     int64_t{t.share_percent},
                                                     t.title,
                                                     text::FoldForSearch(t.title),
                                                     t.description,
                                                     t.lead_unit_id,
                                                     OptId(t.assignee_id),
                                                     t.output_kind,
                                                     OptDate(t.original_deadline),
                                                     OptDate(t.deadline),
                                                     RecurrenceText(t.recurrence),
                                                     int64_t{t.is_key},
                                                     std::string(StateName(t.state)),
                                                     int64_t{t.progress_percent},
                                                     int64_t{t.own_progress_percent},
                                                     OptDate(t.finished_on),
                                                     t.output_text,
                                                     OptDate(t.last_report_on),
                                                     OptId(t.created_by),
                                                     t.created_at,
                                                     t.updated_at,
                                                     OptDate(t.start_on)}));
  TaskRecord copy = t;
  copy.id = id;
  DH_RETURN_IF_ERROR(WriteCoordinators(c, copy));
  for (const Milestone& m : t.milestones)
    DH_RETURN_IF_ERROR(c.Exec(kInsertMilestoneSql,
                              {copy.id, m.label, m.due_on.ToString(), int64_t{m.planned_percent}})
                           .status());
  return copy.id;
}

Status ReplaceMilestones(db::Connection& c, const TaskRecord& t) {
  DH_RETURN_IF_ERROR(c.Exec(kDeleteMilestonesSql, {t.id}).status());
  for (const Milestone& m : t.milestones)
    DH_RETURN_IF_ERROR(c.Exec(kInsertMilestoneSql,
                              {t.id, m.label, m.due_on.ToString(), int64_t{m.planned_percent}})
                           .status());
  return Status::Ok();
}

Status UpdateTask(db::Connection& c, const TaskRecord& t) {
  DH_RETURN_IF_ERROR(
      c.Exec(kUpdateTaskSql, {t.title, text::FoldForSearch(t.title), t.description, t.lead_unit_id,
                              OptId(t.assignee_id), t.output_kind, OptDate(t.deadline),
                              int64_t{t.is_key}, std::string(StateName(t.state)),
                              int64_t{t.progress_percent}, int64_t{t.own_progress_percent},
                              OptDate(t.finished_on), t.output_text, OptDate(t.last_report_on),
                              t.updated_at, OptId(t.group_id), OptDate(t.start_on), t.id})
          .status());
  return WriteCoordinators(c, t);
}

Result<std::optional<TaskRecord>> FindTask(db::Connection& c, int64_t id) {
  return db::First(FindTasks(c, {id}));
}

Result<std::vector<TaskRecord>> FindTasks(db::Connection& c, const std::vector<int64_t>& ids) {
  if (ids.empty()) return std::vector<TaskRecord>();
  db::Params params(ids.begin(), ids.end());
  DH_ASSIGN_OR_RETURN(
      std::vector<TaskRecord> out,
      db::ReadAll<TaskRecord>(c, std::string(kTaskColumns) + " WHERE id IN " + InList(ids.size()),
                              params, TaskFields));
  DH_RETURN_IF_ERROR(AttachDetails(c, out));
  return db::InOrderOf(ids, std::move(out));  // in the order asked for
}

Result<std::vector<TaskRecord>> ChildrenOf(db::Connection& c, int64_t parent_id) {
  DH_ASSIGN_OR_RETURN(std::vector<TaskRecord> out,
                      db::ReadAll<TaskRecord>(
                          c, std::string(kTaskColumns) + " WHERE parent_task_id = ? ORDER BY id",
                          {parent_id}, TaskFields));
  DH_RETURN_IF_ERROR(AttachDetails(c, out));
  return out;
}

Status ForEachTask(db::Connection& c, const std::function<void(TaskRecord&&)>& visit) {
  return db::ForEachById<TaskRecord, int64_t>(c, kTaskColumns, TaskFields,
                                              kCoordinatorsInIdRangeSql, AddCoordinator, visit);
}

Result<std::vector<int64_t>> TasksNotDoneCoordinatedBy(db::Connection& c, int64_t unit_id) {
  return db::ReadAll<int64_t>(c, kTasksNotDoneCoordinatedBySql, {unit_id});
}

Result<std::vector<int64_t>> TasksNotDoneLedBy(db::Connection& c, int64_t unit_id) {
  return db::ReadAll<int64_t>(c, kTasksNotDoneLedBySql, {unit_id});
}

Result<int64_t> InsertReport(db::Connection& c, const Report& r) {
  return db::ReadInt(c, kInsertReportSql,
                     {r.task_id, r.reported_on.ToString(), int64_t{r.percent}, r.body,
                      OptId(r.user_id), r.created_at});
}

Result<std::vector<Report>> ReportsOf(db::Connection& c, int64_t task_id) {
  return db::ReadAll<Report>(c, kReportsOfSql, {task_id}, [](db::RowCursor& row, Report& r) {
    row(r.id, r.task_id, r.reported_on, r.percent, r.body, r.user_id, r.created_at);
  });
}

Result<int64_t> InsertExtension(db::Connection& c, const Extension& e) {
  return db::ReadInt(c, kInsertExtensionSql,
                     {e.task_id, OptDate(e.previous_deadline), e.requested_deadline.ToString(),
                      e.reason, std::string(ExtensionStatusName(e.status)), OptId(e.requested_by),
                      e.requested_at, OptId(e.decided_by), OptId(e.decided_at), e.decision_note});
}

Status UpdateExtension(db::Connection& c, const Extension& e) {
  return c
      .Exec(kUpdateExtensionSql, {std::string(ExtensionStatusName(e.status)), OptId(e.decided_by),
                                  OptId(e.decided_at), e.decision_note, e.id})
      .status();
}

Result<std::optional<Extension>> FindExtension(db::Connection& c, int64_t id) {
  return db::ReadOne<Extension>(c, std::string(kExtensionColumns) + " WHERE id = ?", {id},
                                ExtensionFields);
}

Result<std::vector<Extension>> ExtensionsOf(db::Connection& c, int64_t task_id) {
  return db::ReadAll<Extension>(c,
                                std::string(kExtensionColumns) + " WHERE task_id = ? ORDER BY id",
                                {task_id}, ExtensionFields);
}

Result<std::unordered_map<int64_t, int>> ApprovedExtensionCounts(db::Connection& c,
                                                                 const std::vector<int64_t>& ids) {
  std::unordered_map<int64_t, int> out;
  if (ids.empty()) return out;
  db::Params params(ids.begin(), ids.end());
  using Count = std::pair<int64_t, int>;  // task, approved extensions
  DH_ASSIGN_OR_RETURN(
      std::vector<Count> counts,
      db::ReadAll<Count>(
          c, kApprovedExtensionsOfTasksSql + InList(ids.size()) + " GROUP BY task_id", params));
  out.insert(counts.begin(), counts.end());
  return out;
}

Status FindTasksWithExtensions(db::Connection& c, const std::vector<int64_t>& ids,
                               TasksWithExtensions& out) {
  DH_ASSIGN_OR_RETURN(out.rows, FindTasks(c, ids));
  DH_ASSIGN_OR_RETURN(out.extensions, ApprovedExtensionCounts(c, ids));
  return Status::Ok();
}

Result<int64_t> InsertCoordination(db::Connection& c, const CoordinationRequest& q) {
  return db::ReadInt(c, kInsertCoordinationSql,
                     {q.task_id, q.from_unit_id, q.to_unit_id, q.body, q.due_on.ToString(),
                      OptDate(q.answered_on), q.answer, OptId(q.created_by), q.created_at});
}

Status AnswerCoordination(db::Connection& c, int64_t id, Date answered_on,
                          const std::string& answer) {
  return c.Exec(kAnswerCoordinationSql, {answered_on.ToString(), answer, id}).status();
}

Result<std::optional<CoordinationRequest>> FindCoordination(db::Connection& c, int64_t id) {
  return db::ReadOne<CoordinationRequest>(c, std::string(kCoordinationColumns) + " WHERE id = ?",
                                          {id}, CoordinationFields);
}

Result<std::vector<CoordinationRequest>> CoordinationsOf(db::Connection& c, int64_t task_id) {
  return db::ReadAll<CoordinationRequest>(
      c, std::string(kCoordinationColumns) + " WHERE task_id = ? ORDER BY id", {task_id},
      CoordinationFields);
}

Result<std::vector<CoordinationRequest>> AllCoordinations(db::Connection& c) {
  return db::ReadAll<CoordinationRequest>(c, std::string(kCoordinationColumns) + " ORDER BY id", {},
                                          CoordinationFields);
}

Result<int64_t> MoveOpenCoordinations(db::Connection& c, int64_t from_unit, int64_t to_unit) {
  DH_ASSIGN_OR_RETURN(int64_t a, c.Exec(kMoveAskedCoordinationsSql, {to_unit, from_unit}));
  DH_ASSIGN_OR_RETURN(int64_t b, c.Exec(kMoveAskingCoordinationsSql, {to_unit, from_unit}));
  return a + b;
}

Status InsertEvent(db::Connection& c, const TaskEventRecord& e) {
  return c
      .Exec(kInsertEventSql,
            {e.task_id, e.kind, e.happened_on.ToString(), e.note, OptId(e.from_unit_id),
             OptId(e.to_unit_id), OptId(e.user_id), e.created_at})
      .status();
}

Result<std::vector<TaskEventRecord>> EventsOf(db::Connection& c, int64_t task_id) {
  return db::ReadAll<TaskEventRecord>(c, kEventsOfSql, {task_id},
                                      [](db::RowCursor& row, TaskEventRecord& e) {
                                        row(e.id, e.task_id, e.kind, e.happened_on, e.note,
                                            e.from_unit_id, e.to_unit_id, e.user_id, e.created_at);
                                      });
}

Status InsertOccurrence(db::Connection& c, const Occurrence& o) {
  return c
      .Exec(kInsertOccurrenceSql,
            {o.task_id, o.deadline.ToString(), o.finished_on.ToString(), o.note})
      .status();
}

Result<std::vector<Occurrence>> OccurrencesOf(db::Connection& c, int64_t task_id) {
  return db::ReadAll<Occurrence>(c, kOccurrencesOfSql, {task_id},
                                 [](db::RowCursor& row, Occurrence& o) {
                                   row(o.id, o.task_id, o.deadline, o.finished_on, o.note);
                                 });
}

}  // namespace dh::tasks

// ---- tasksa: the demo's history (task_demo_store.h) -------------------------------------

namespace dh::tasks {

constexpr char kSetTaskCreatedSql[] = "UPDATE tasks SET created_at = ? WHERE id = ?";

Status SetTaskCreatedForDemo(db::Connection& c, int64_t task_id, int64_t created_at) {
  return c.Exec(kSetTaskCreatedSql, {created_at, task_id}).status();
}

constexpr char kSetEventsOnSql[] =
    "UPDATE task_events SET happened_on = ?, created_at = ? WHERE task_id = ? AND happened_on > ?";
constexpr char kSetExtensionsAtSql[] =
    "UPDATE task_extensions SET requested_at = ?, decided_at = CASE WHEN decided_at IS NULL THEN "
    "NULL ELSE ? END WHERE task_id = ? AND requested_at > ?";

Status SetTaskDecidedForDemo(db::Connection& c, int64_t task_id, Date on, int64_t at) {
  DH_RETURN_IF_ERROR(c.Exec(kSetEventsOnSql, {on.ToString(), at, task_id, on.ToString()}).status());
  return c.Exec(kSetExtensionsAtSql, {at - 86400, at, task_id, at}).status();
}

}  // namespace dh::tasks
