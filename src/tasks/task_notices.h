// The notices the tasks room writes, one function per event, each inside the event's
// transaction: who hears of it, and what they read.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "db/database.h"
#include "tasks/task_records.h"
#include "units/unit_graph.h"

namespace dh::tasks {

std::string Short(const std::string& title);

// Who decides for a task led by `unit` (extensions, confirming completion): the active office
// users whose grant covers that unit — the scope the permission check itself uses.
Result<std::vector<int64_t>> Deciders(db::Connection& c, const units::UnitGraph& g, int64_t unit);

// A new task: its lead unit and its assignee.
Status NoticeAssigned(db::Connection& c, const TaskRecord& t, int64_t now);
// An import: one notice per lead unit, naming the directive.
Status NoticeImported(db::Connection& c, const Directive& d, const std::vector<TaskRecord>& created,
                      int64_t import_id, int64_t now);
// A delegated part: its assignee, or else its unit.
Status NoticeDelegated(db::Connection& c, const TaskRecord& part, int64_t now);
// A task given to another lead unit.
Status NoticeReassigned(db::Connection& c, const TaskRecord& t, const std::string& note,
                        int64_t now);
// An extension asked for: the office that decides it, at once.
Status NoticeExtensionRequested(db::Connection& c, const units::UnitGraph& g, const TaskRecord& t,
                                const Extension& e, int64_t now);
// An extension decided: whoever asked for it.
Status NoticeExtensionDecided(db::Connection& c, const TaskRecord& t, const Extension& e,
                              bool approve, const std::string& note, int64_t now);
// A coordination request: the unit asked.
Status NoticeCoordinationRequested(db::Connection& c, const TaskRecord& t,
                                   const CoordinationRequest& r, int64_t now);
// Units named to coordinate on a task (when it is created, edited or imported): each is
// told, once per task.
Status NoticeCoordinatorsNamed(db::Connection& c, const TaskRecord& t,
                               const std::vector<int64_t>& units, int64_t now);
// A coordination request answered: the unit that asked, and whoever wrote the request.
Status NoticeCoordinationAnswered(db::Connection& c, const TaskRecord& t,
                                  const CoordinationRequest& r, int64_t now);
// Completion submitted: the office that confirms it.
Status NoticeSubmitted(db::Connection& c, const units::UnitGraph& g, const TaskRecord& t,
                       const std::string& output_text, int64_t now);
// Completion sent back: the lead unit and the assignee.
Status NoticeReturned(db::Connection& c, const TaskRecord& t, const std::string& reason,
                      int64_t now);

// The notices that waited on a decision, resolved in the decision's transaction
// (notifications/outbox.h Resolve): a completion confirmed or returned, a coordination
// request answered, an extension request decided or closed.
Status ResolveCompletionNotices(db::Connection& c, int64_t task_id, int64_t now);
Status ResolveCoordinationNotices(db::Connection& c, const CoordinationRequest& r, int64_t now);
Status ResolveExtensionNotices(db::Connection& c, const Extension& e, int64_t now);

}  // namespace dh::tasks
