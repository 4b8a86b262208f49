#include "tasks/task_writes.h"

#include "audit/recorder.h"
#include "core/json.h"
#include "tasks/task.h"
#include "tasks/task_messages.h"
#include "tasks/task_notices.h"
#include "tasks/task_store.h"
#include "units/unit_rules.h"

namespace dh::tasks {

namespace bj = boost::json;

Status TaskNotFound() { return Status::NotFound(Say(msg::kTaskFound)); }

// What the audit log keeps of a task.
bj::object AuditJson(const TaskRecord& t) {
  return {{"title", t.title},
          {"lead_unit_id", t.lead_unit_id},
          {"assignee_id", t.assignee_id ? bj::value(*t.assignee_id) : bj::value(nullptr)},
          {"deadline", json::DateOrNull(t.deadline)},
          {"start_on", json::DateOrNull(t.start_on)},
          {"state", StateName(t.state)},
          {"progress_percent", t.progress_percent},
          {"finished_on", json::DateOrNull(t.finished_on)},
          {"coordinator_ids", bj::value_from(t.coordinator_ids)}};
}

bj::object DirectiveAudit(const Directive& d) {
  return {{"kind", d.kind},
          {"number", d.number},
          {"issued_on", d.issued_on.ToString()},
          {"issuer_unit_id", d.issuer_unit_id},
          {"title", d.title}};
}

Date DefaultStart(std::optional<Date> deadline, Date today) {
  return deadline && *deadline < today ? *deadline : today;
}

TaskRecord NewTask(const TaskInput& in, Date today, int64_t now) {
  TaskRecord t;
  t.directive_id = in.directive_id;
  t.group_id = in.group_id;
  t.title = *in.title;
  t.description = in.description.value_or("");
  t.lead_unit_id = *in.lead_unit_id;
  t.assignee_id = in.assignee_id;
  t.output_kind = in.output_kind.value_or("report");
  t.deadline = t.original_deadline = in.deadline;
  t.recurrence = ParseRecurrence(in.recurrence.value_or("")).value_or(Recurrence{});
  if (t.recurrence.kind != Recurrence::kNone && !t.deadline)
    t.deadline = t.original_deadline = NextOccurrence(t.recurrence, today.AddDays(-1));
  t.start_on = in.start_on ? *in.start_on : DefaultStart(t.deadline, today);
  t.is_key = in.is_key.value_or(false);
  t.coordinator_ids = in.coordinator_ids.value_or(std::vector<int64_t>{});
  t.milestones = in.milestones;
  t.created_at = t.updated_at = now;
  return t;
}

Status GroupCreated(db::Connection& c, const auth::Principal& who, const TaskGroup& g,
                    int64_t issuer_unit_id, int64_t now) {
  return audit::Record(
      c, &who,
      {"task_group.create", "task_group", g.id, issuer_unit_id, nullptr,
       bj::object{{"directive_id", g.directive_id}, {"title", g.title}, {"position", g.position}}},
      now);
}

Status Record(db::Connection& c, const auth::Principal* who, std::string action,
              const TaskRecord& before, const TaskRecord& after, int64_t now) {
  return audit::Record(
      c, who,
      {std::move(action), "task", after.id, after.lead_unit_id,
       before.id ? bj::value(AuditJson(before)) : bj::value(nullptr), AuditJson(after)},
      now);
}

// The units a write gives work to, checked on the database inside the write's transaction:
// the in-memory graph the first checks read may be a moment old (a restructuring that
// committed since would otherwise leave new work with a unit that ends).
Status CheckTaskUnits(db::Connection& c, Date day, std::optional<int64_t> lead,
                      const std::vector<int64_t>& coordinators) {
  if (lead)
    DH_RETURN_IF_ERROR(units::CheckTakesWork(c, *lead, day, "lead_unit_id", "Đơn vị chủ trì"));
  for (int64_t id : coordinators)
    DH_RETURN_IF_ERROR(units::CheckTakesWork(c, id, day, "coordinator_ids", "Đơn vị phối hợp"));
  return Status::Ok();
}

// A pending extension closes when the work it was asked for is finished (completion
// submitted, a recurring task's period done, completion confirmed): decided afterwards it
// would move a deadline already met or missed, and turn "done late" into "done on time".
// The request stays in the task's history, closed, with why; the audit log keeps each.
Status ClosePendingExtensions(db::Connection& c, const auth::Principal& who, const TaskRecord& t,
                              const std::string& why, int64_t now) {
  DH_ASSIGN_OR_RETURN(auto all, ExtensionsOf(c, t.id));
  for (Extension e : all) {
    if (e.status != ExtensionStatus::kPending) continue;
    e.status = ExtensionStatus::kClosed;
    e.decided_by.reset();  // nobody decided it
    e.decided_at = now;
    e.decision_note = why;
    DH_RETURN_IF_ERROR(UpdateExtension(c, e));
    DH_RETURN_IF_ERROR(ResolveExtensionNotices(c, e, now));
    DH_RETURN_IF_ERROR(
        audit::Record(c, &who,
                      {"task.extension_closed", "task", t.id, t.lead_unit_id,
                       bj::object{{"extension_id", e.id}, {"status", "pending"}},
                       bj::object{{"extension_id", e.id}, {"status", "closed"}, {"note", why}}},
                      now));
  }
  return Status::Ok();
}
}  // namespace dh::tasks
