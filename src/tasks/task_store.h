// Where directives, task groups, tasks and their history are kept. Every function runs
// on the caller's connection, inside the caller's transaction.
#pragma once

#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "db/connection.h"
#include "tasks/task_records.h"

namespace dh::tasks {

Result<int64_t> InsertDirective(db::Connection& c, const Directive& d);
Status UpdateDirective(db::Connection& c, const Directive& d);
Result<std::optional<Directive>> FindDirective(db::Connection& c, int64_t id);
// Which directives a list may show (CanSeeDirective in task_access.h): those issued by one
// of `issuers` and those named in `directives`.
struct DirectiveScope {
  std::unordered_set<int64_t> issuers, directives;
};
// Newest first; `q` folded, matched against the title. `scope` null: every directive.
Result<std::vector<Directive>> ListDirectives(db::Connection& c, const std::string& q,
                                              const DirectiveScope* scope, int64_t limit,
                                              int64_t offset, int64_t* total);

Result<int64_t> InsertGroup(db::Connection& c, const TaskGroup& g);
Result<std::vector<TaskGroup>> GroupsOf(db::Connection& c, int64_t directive_id);
Result<std::optional<TaskGroup>> FindGroup(db::Connection& c, int64_t id);

Result<int64_t> InsertTask(db::Connection& c,
                           const TaskRecord& t);  // with coordinators, milestones
// Writes the mutable fields (state, progress, deadline, holder, output, dates) and the
// coordinators.
Status UpdateTask(db::Connection& c, const TaskRecord& t);
// The task's milestones become t.milestones.
Status ReplaceMilestones(db::Connection& c, const TaskRecord& t);
Result<std::optional<TaskRecord>> FindTask(db::Connection& c, int64_t id);
Result<std::vector<TaskRecord>> FindTasks(db::Connection& c, const std::vector<int64_t>& ids);
Result<std::vector<TaskRecord>> ChildrenOf(db::Connection& c, int64_t parent_id);
// Every task, in id order, in batches (the read model's load).
Status ForEachTask(db::Connection& c, const std::function<void(TaskRecord&&)>& visit);
// For restructuring: the tasks not done, cancelled or deleted (suspended ones too, unlike
// IsOpen) that `unit_id` leads, or coordinates; they follow the unit into its successor.
Result<std::vector<int64_t>> TasksNotDoneLedBy(db::Connection& c, int64_t unit_id);
Result<std::vector<int64_t>> TasksNotDoneCoordinatedBy(db::Connection& c, int64_t unit_id);

Result<int64_t> InsertReport(db::Connection& c, const Report& r);
Result<std::vector<Report>> ReportsOf(db::Connection& c, int64_t task_id);

Result<int64_t> InsertExtension(db::Connection& c, const Extension& e);
Status UpdateExtension(db::Connection& c, const Extension& e);
Result<std::optional<Extension>> FindExtension(db::Connection& c, int64_t id);
Result<std::vector<Extension>> ExtensionsOf(db::Connection& c, int64_t task_id);
// Approved extensions per task, for a page of tasks (tasks without any are left out).
Result<std::unordered_map<int64_t, int>> ApprovedExtensionCounts(db::Connection& c,
                                                                 const std::vector<int64_t>& ids);
// A page of tasks (FindTasks) with their approved extensions (ApprovedExtensionCounts).
struct TasksWithExtensions {
  std::vector<TaskRecord> rows;
  std::unordered_map<int64_t, int> extensions;
};
Status FindTasksWithExtensions(db::Connection& c, const std::vector<int64_t>& ids,
                               TasksWithExtensions& out);

Result<int64_t> InsertCoordination(db::Connection& c, const CoordinationRequest& r);
Status AnswerCoordination(db::Connection& c, int64_t id, Date answered_on,
                          const std::string& answer);
Result<std::optional<CoordinationRequest>> FindCoordination(db::Connection& c, int64_t id);
Result<std::vector<CoordinationRequest>> CoordinationsOf(db::Connection& c, int64_t task_id);
// Every request, for the coordination board's read model.
Result<std::vector<CoordinationRequest>> AllCoordinations(db::Connection& c);
Result<int64_t> MoveOpenCoordinations(db::Connection& c, int64_t from_unit, int64_t to_unit);

Status InsertEvent(db::Connection& c, const TaskEventRecord& e);
Result<std::vector<TaskEventRecord>> EventsOf(db::Connection& c, int64_t task_id);
Status InsertOccurrence(db::Connection& c, const Occurrence& o);
Result<std::vector<Occurrence>> OccurrencesOf(db::Connection& c, int64_t task_id);

}  // namespace dh::tasks
