#include <algorithm>
#include <boost/json.hpp>

#include "audit/recorder.h"
#include "tasks/task_error_messages.h"
#include "tasks/task_messages.h"
#include "tasks/task_notices.h"
#include "tasks/task_service.h"
#include "tasks/task_store.h"
#include "tasks/task_writes.h"
#include "units/unit_rules.h"

namespace dh::tasks {

namespace bj = boost::json;

namespace {

// Refusing, asking for more time and reporting completion are the lead unit's own acts
// (CanHoldTask): the office that gave the work confirms and decides, it does not do them.
Status HolderOnly() { return Status::Forbidden(Say(msg::kOnlyLeadUnitAssignedOfficer)); }

// The day a progress report or a completion is dated: `on`, or today when absent; never after
// today (`later` says so about `field`).
Result<Date> DayUpToToday(std::optional<Date> on, Date today, const std::string& field,
                          const MessageText& later) {
  const Date day = on.value_or(today);
  if (day > today) return Status::InvalidInput(field, Say(later));
  return day;
}

}  // namespace

// ---- A step of the workflow ---------------------------------------------------------------

Result<TaskService::Step> TaskService::BeginStep(db::Connection& c, const auth::Principal& who,
                                                 int64_t id, const StepRule& rule) const {
  DH_ASSIGN_OR_RETURN(TaskRecord before, ForWrite(c, who, id, rule.actor == Actor::kOffice));
  if (rule.actor == Actor::kHolder && !CanHoldTask(AccessOf(who), who, before)) return HolderOnly();
  if (rule.check) DH_RETURN_IF_ERROR(rule.check(c, before));
  Step s{before, before, clock_.NowSeconds(), {id}};
  DH_ASSIGN_OR_RETURN(s.t.state, Transition(before.state, rule.event));
  s.t.updated_at = s.now;
  return s;
}

Result<TaskView> TaskService::RunStep(const auth::Principal& who, int64_t id, const StepRule& rule,
                                      const std::function<Status(db::Connection&, Step&)>& body) {
  std::vector<int64_t> touched;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(Step s, BeginStep(c, who, id, rule));
    DH_RETURN_IF_ERROR(body(c, s));
    touched = std::move(s.touched);
    return Status::Ok();
  }));
  DH_RETURN_IF_ERROR(Refresh(touched));
  return Load(who, id);
}

Status TaskService::EndStep(db::Connection& c, const auth::Principal& who, const Step& s,
                            TaskEventRecord ev, const std::string& action) {
  ev.task_id = s.t.id;
  ev.user_id = who.user_id;
  ev.created_at = s.now;
  DH_RETURN_IF_ERROR(UpdateTask(c, s.t));
  DH_RETURN_IF_ERROR(InsertEvent(c, ev));
  return Record(c, &who, action, s.before, s.t, s.now);
}

// ---- The loop ---------------------------------------------------------------------------

Status TaskService::RollUp(db::Connection& c, std::optional<int64_t> parent_id, int64_t now,
                           std::vector<int64_t>& touched) {
  for (int guard = 0; parent_id && guard < 20; ++guard) {
    DH_ASSIGN_OR_RETURN(auto parent, FindTask(c, *parent_id));
    if (!parent) return Status::Ok();
    DH_ASSIGN_OR_RETURN(auto children, ChildrenOf(c, parent->id));
    std::vector<Part> parts;
    for (const auto& ch : children) parts.push_back({ch.share_percent, ch.progress_percent});
    const int rolled = RollUpProgress(parent->own_progress_percent, parts);
    if (rolled == parent->progress_percent) return Status::Ok();
    parent->progress_percent = rolled;
    parent->updated_at = now;
    DH_RETURN_IF_ERROR(UpdateTask(c, *parent));
    touched.push_back(parent->id);
    parent_id = parent->parent_task_id;
  }
  return Status::Ok();
}

Result<TaskView> TaskService::Report(const auth::Principal& who, int64_t id, std::optional<Date> on,
                                     int percent, const std::string& body) {
  if (percent < 0 || percent > 100)
    return Status::InvalidInput("percent", Say(msg::kProgressNumberFrom));
  if (body.empty()) return Status::InvalidInput("body", Say(msg::kDescribeWhatWasDone));
  DH_ASSIGN_OR_RETURN(const Date day,
                      DayUpToToday(on, clock_.Today(), "reported_on", msg::kReportDateAfterToday));
  return RunStep(who, id, {Actor::kWorker, TaskEvent::kReport},
                 [&](db::Connection& c, Step& s) -> Status {
                   TaskRecord& t = s.t;
                   if (s.before.state == TaskState::kNotStarted && percent == 0)
                     t.state = TaskState::kNotStarted;
                   // A report dated before the last one fills in the history; the latest report
                   // still says where the work stands and when it last moved (which escalation
                   // reads).
                   if (!s.before.last_report_on || day >= *s.before.last_report_on) {
                     t.own_progress_percent = percent;
                     DH_ASSIGN_OR_RETURN(auto children, ChildrenOf(c, id));
                     std::vector<Part> parts;
                     for (const auto& ch : children)
                       parts.push_back({ch.share_percent, ch.progress_percent});
                     t.progress_percent = RollUpProgress(percent, parts);
                     t.last_report_on = day;
                   }
                   DH_RETURN_IF_ERROR(
                       InsertReport(c, {0, id, day, percent, body, who.user_id, s.now}).status());
                   DH_RETURN_IF_ERROR(UpdateTask(c, t));
                   DH_RETURN_IF_ERROR(Record(c, &who, "task.report", s.before, t, s.now));
                   return RollUp(c, t.parent_task_id, s.now, s.touched);
                 });
}

Result<Extension> TaskService::RequestExtension(const auth::Principal& who, int64_t id,
                                                Date new_deadline, const std::string& reason) {
  if (reason.empty()) return Status::InvalidInput("reason", Say(msg::kGiveReasonExtension));
  Extension e;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(TaskRecord t, ForWrite(c, who, id, false));
    if (!CanHoldTask(AccessOf(who), who, t)) return HolderOnly();
    if (!WithHolder(t.state))
      return Status::Conflict(Say(msg::kTaskDoneRefusedSuspendedExtension), "invalid_state");
    if (!t.deadline)
      return Status::Conflict(Say(msg::kRecurringTaskHasDeadlineExtend), "no_deadline");
    if (new_deadline <= *t.deadline)
      return Status::InvalidInput("new_deadline", Say(msg::kNewDeadlineAfterCurrent,
                                                      {{"date", t.deadline->ToVietnamese()}}));
    // An overdue task asks for a date still to come: one already past would be overdue too.
    if (new_deadline < clock_.Today())
      return Status::InvalidInput("new_deadline", Say(msg::kNewDeadlineBeforeToday));
    DH_ASSIGN_OR_RETURN(auto existing, ExtensionsOf(c, id));
    for (const auto& x : existing)
      if (x.status == ExtensionStatus::kPending)
        return Status::Conflict(Say(msg::kTaskAlreadyHasExtensionRequest), "extension_pending");
    const int64_t now = clock_.NowSeconds();
    e = {0,           id,  t.deadline,   new_deadline, reason, ExtensionStatus::kPending,
         who.user_id, now, std::nullopt, std::nullopt, ""};
    DH_ASSIGN_OR_RETURN(e.id, InsertExtension(c, e));
    Status r = audit::Record(c, &who,
                             {"task.extension_request", "task", id, t.lead_unit_id, nullptr,
                              bj::object{{"extension_id", e.id},
                                         {"requested_deadline", new_deadline.ToString()},
                                         {"reason", reason}}},
                             now);
    DH_RETURN_IF_ERROR(r);
    // The office hears at once, not only in tomorrow's digest.
    return NoticeExtensionRequested(c, *units_.Get(), t, e, now);
  }));
  DH_RETURN_IF_ERROR(Refresh({id}));  // the lists' "extension pending" flag
  return e;
}

Result<Extension> TaskService::DecideExtension(const auth::Principal& who, int64_t extension_id,
                                               bool approve, const std::string& note) {
  if (!approve && note.empty())
    return Status::InvalidInput("note", Say(msg::kGiveReasonRefusingExtension));
  Extension e;
  int64_t task_id = 0;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto found, FindExtension(c, extension_id));
    if (!found) return Status::NotFound(Say(msg::kExtensionRequestFound));
    task_id = found->task_id;
    DH_ASSIGN_OR_RETURN(TaskRecord before, ForWrite(c, who, found->task_id, true));
    // Every rule on the task's row as it stands inside this transaction.
    if (found->status == ExtensionStatus::kClosed)
      return Status::Conflict(Say(msg::kThisExtensionRequestClosedWhen), "extension_closed");
    if (found->status != ExtensionStatus::kPending)
      return Status::Conflict(Say(msg::kThisExtensionRequestHasAlready), "already_decided");
    if (IsFinished(before.state))
      return Status::Conflict(
          Say(msg::kFinishedNoExtension,
              {{"on", before.finished_on ? Label{" ngày " + before.finished_on->ToVietnamese(),
                                                 " on " + before.finished_on->ToVietnamese()}
                                         : Label{}}}),
          "task_finished");
    if (found->previous_deadline != before.deadline)
      return Status::Conflict(
          Say(msg::kDeadlineChangedSince,
              {{"now", before.deadline ? Label{" (nay là " + before.deadline->ToVietnamese() + ")",
                                               " (now " + before.deadline->ToVietnamese() + ")"}
                                       : Label{}}}),
          "deadline_changed");
    e = *found;
    const int64_t now = clock_.NowSeconds();
    e.status = approve ? ExtensionStatus::kApproved : ExtensionStatus::kRejected;
    e.decided_by = who.user_id;
    e.decided_at = now;
    e.decision_note = note;
    DH_RETURN_IF_ERROR(UpdateExtension(c, e));
    TaskRecord t = before;
    if (approve) {
      t.deadline = e.requested_deadline;
      t.updated_at = now;
      DH_RETURN_IF_ERROR(UpdateTask(c, t));
    }
    DH_RETURN_IF_ERROR(Record(
        c, &who, approve ? "task.extension_approved" : "task.extension_rejected", before, t, now));
    return NoticeExtensionDecided(c, t, e, approve, note, now);
  }));
  DH_RETURN_IF_ERROR(Refresh({task_id}));
  return e;
}

Result<CoordinationRequest> TaskService::RequestCoordination(const auth::Principal& who, int64_t id,
                                                             int64_t to_unit_id,
                                                             const std::string& body, Date due_on) {
  if (body.empty()) return Status::InvalidInput("body", Say(msg::kDescribeWhatCoordinationAsked));
  const Date today = clock_.Today();
  if (due_on < today) return Status::InvalidInput("due_on", Say(msg::kAnswerSDueDateBefore));
  DH_RETURN_IF_ERROR(units::CheckTakesWork(*units_.Get(), to_unit_id, today, "to_unit_id",
                                           "Đơn vị được đề nghị phối hợp"));
  CoordinationRequest r;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(
        units::CheckTakesWork(c, to_unit_id, today, "to_unit_id", "Đơn vị được đề nghị phối hợp"));
    DH_ASSIGN_OR_RETURN(TaskRecord t, ForWrite(c, who, id, false));
    if (!MayRequestCoordination(AccessOf(who), who, t))
      return Status::Conflict(Say(msg::kTaskDoneRefusedSuspendedCoordination), "task_finished");
    if (to_unit_id == t.lead_unit_id)
      return Status::InvalidInput("to_unit_id", Say(msg::kLeadUnitAskItselfCoordination));
    const int64_t now = clock_.NowSeconds();
    r = {0, id, t.lead_unit_id, to_unit_id, body, due_on, std::nullopt, "", who.user_id, now};
    DH_ASSIGN_OR_RETURN(r.id, InsertCoordination(c, r));
    if (std::find(t.coordinator_ids.begin(), t.coordinator_ids.end(), to_unit_id) ==
        t.coordinator_ids.end()) {
      t.coordinator_ids.push_back(to_unit_id);
      DH_RETURN_IF_ERROR(UpdateTask(c, t));
    }
    DH_RETURN_IF_ERROR(audit::Record(
        c, &who,
        {"task.coordination_request", "task", id, t.lead_unit_id, nullptr,
         bj::object{
             {"request_id", r.id}, {"to_unit_id", to_unit_id}, {"due_on", due_on.ToString()}}},
        now));
    return NoticeCoordinationRequested(c, t, r, now);
  }));
  DH_RETURN_IF_ERROR(index_.RefreshCoordinations(db_));
  DH_RETURN_IF_ERROR(Refresh({id}));
  return r;
}

Result<CoordinationRequest> TaskService::AnswerCoordination(const auth::Principal& who,
                                                            int64_t request_id,
                                                            const std::string& answer) {
  if (answer.empty()) return Status::InvalidInput("answer", Say(msg::kEnterAnswer));
  CoordinationRequest r;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto found, FindCoordination(c, request_id));
    const Access a = AccessOf(who);
    std::optional<TaskRecord> task;
    if (found) {
      DH_ASSIGN_OR_RETURN(task, FindTask(c, found->task_id));
    }
    if (!found || !CanSeeCoordination(a, *found, task && CanSeeTask(a, who, *task)))
      return Status::NotFound(Say(msg::kCoordinationRequestFound));
    if (!MayAnswerCoordination(a, *found)) return Status::Forbidden(Say(msg::kOnlyUnitAskedAnswer));
    if (found->answered_on)
      return Status::Conflict(Say(msg::kThisRequestHasAlreadyBeen), "already_answered");
    r = *found;
    r.answered_on = clock_.Today();
    r.answer = answer;
    DH_RETURN_IF_ERROR(tasks::AnswerCoordination(c, r.id, *r.answered_on, answer));
    DH_RETURN_IF_ERROR(ResolveCoordinationNotices(c, r, clock_.NowSeconds()));
    DH_RETURN_IF_ERROR(audit::Record(
        c, &who,
        {"task.coordination_answer", "task", r.task_id, r.to_unit_id, nullptr,
         bj::object{{"request_id", r.id}, {"answered_on", r.answered_on->ToString()}}},
        clock_.NowSeconds()));
    return NoticeCoordinationAnswered(c, *task, r, clock_.NowSeconds());
  }));
  DH_RETURN_IF_ERROR(index_.RefreshCoordinations(db_));
  return r;
}

Result<TaskView> TaskService::Submit(const auth::Principal& who, int64_t id, std::optional<Date> on,
                                     const std::string& output_text) {
  if (output_text.empty())
    return Status::InvalidInput("output_text", Say(msg::kDescribeTaskSOutputResult));
  DH_ASSIGN_OR_RETURN(const Date day, DayUpToToday(on, clock_.Today(), "finished_on",
                                                   msg::kCompletionDateAfterToday));
  return RunStep(
      who, id, {Actor::kHolder, TaskEvent::kSubmit}, [&](db::Connection& c, Step& s) -> Status {
        TaskRecord& t = s.t;
        const bool period = t.recurrence.kind != Recurrence::kNone && t.deadline.has_value();
        if (period) {
          // One period of a recurring task: recorded, and the next period begins.
          DH_RETURN_IF_ERROR(InsertOccurrence(c, {0, id, *t.deadline, day, output_text}));
          t.deadline = NextOccurrence(t.recurrence, *t.deadline);
          t.state = TaskState::kInProgress;
          t.last_report_on = day;
        } else {
          t.finished_on = day;
          t.output_text = output_text;
          t.own_progress_percent = 100;
          t.progress_percent = 100;
        }
        DH_RETURN_IF_ERROR(EndStep(c, who, s,
                                   {.kind = "submitted", .happened_on = day, .note = output_text},
                                   "task.submit"));
        DH_RETURN_IF_ERROR(ClosePendingExtensions(
            c, who, t,
            (period ? "Kỳ hạn " + s.before.deadline->ToVietnamese() + " đã hoàn thành ngày "
                    : std::string("Nhiệm vụ đã báo cáo hoàn thành ngày ")) +
                day.ToVietnamese() + "; đề nghị gia hạn tự đóng.",
            s.now));
        if (t.state == TaskState::kAwaitingConfirmation)
          DH_RETURN_IF_ERROR(NoticeSubmitted(c, *units_.Get(), t, output_text, s.now));
        return RollUp(c, t.parent_task_id, s.now, s.touched);
      });
}

Result<TaskView> TaskService::Confirm(const auth::Principal& who, int64_t id, bool accept,
                                      const std::string& reason) {
  if (!accept && reason.empty())
    return Status::InvalidInput("reason", Say(msg::kGiveReasonReturningItSo));
  const StepRule rule{Actor::kOffice, accept ? TaskEvent::kConfirm : TaskEvent::kReturn};
  return RunStep(who, id, rule, [&](db::Connection& c, Step& s) -> Status {
    TaskRecord& t = s.t;
    if (!accept) {
      t.finished_on.reset();
      t.own_progress_percent = std::min(t.own_progress_percent, 90);
      t.progress_percent = std::min(t.progress_percent, 90);
    }
    DH_RETURN_IF_ERROR(EndStep(
        c, who, s,
        {.kind = accept ? "confirmed" : "returned", .happened_on = clock_.Today(), .note = reason},
        accept ? "task.confirm" : "task.return"));
    DH_RETURN_IF_ERROR(ResolveCompletionNotices(c, id, s.now));
    if (accept)
      DH_RETURN_IF_ERROR(ClosePendingExtensions(
          c, who, t, "Nhiệm vụ đã được xác nhận hoàn thành; đề nghị gia hạn tự đóng.", s.now));
    if (!accept) DH_RETURN_IF_ERROR(NoticeReturned(c, t, reason, s.now));
    return RollUp(c, t.parent_task_id, s.now, s.touched);
  });
}

Result<TaskView> TaskService::Refuse(const auth::Principal& who, int64_t id,
                                     const std::string& reason) {
  if (reason.empty()) return Status::InvalidInput("reason", Say(msg::kGiveReasonWhyTaskWithin));
  return RunStep(who, id, {Actor::kHolder, TaskEvent::kRefuse},
                 [&](db::Connection& c, Step& s) -> Status {
                   return EndStep(c, who, s,
                                  {.kind = "refused",
                                   .happened_on = clock_.Today(),
                                   .note = reason,
                                   .from_unit_id = s.t.lead_unit_id},
                                  "task.refuse");
                 });
}

Result<TaskView> TaskService::Reassign(const auth::Principal& who, int64_t id, int64_t lead_unit_id,
                                       const std::string& note) {
  const Date today = clock_.Today();
  DH_RETURN_IF_ERROR(units::CheckTakesWork(*units_.Get(), lead_unit_id, today, "lead_unit_id",
                                           "Đơn vị chủ trì mới"));
  // Checked again inside the transaction: a restructuring may have committed since.
  auto to_another = [&](db::Connection& c, const TaskRecord& before) -> Status {
    DH_RETURN_IF_ERROR(
        units::CheckTakesWork(c, lead_unit_id, today, "lead_unit_id", "Đơn vị chủ trì mới"));
    if (!MayGiveWorkTo(AccessOf(who), lead_unit_id))
      return Status::Forbidden(Say(msg::kNewLeadUnitOutsideScope));
    if (lead_unit_id == before.lead_unit_id)
      return Status::InvalidInput("lead_unit_id", Say(msg::kChooseUnitOtherThanCurrent));
    return Status::Ok();
  };
  auto hand_over = [&](db::Connection& c, Step& s) -> Status {
    s.t.lead_unit_id = lead_unit_id;
    s.t.assignee_id.reset();
    std::erase(s.t.coordinator_ids, lead_unit_id);
    DH_RETURN_IF_ERROR(EndStep(c, who, s,
                               {.kind = "reassigned",
                                .happened_on = clock_.Today(),
                                .note = note,
                                .from_unit_id = s.before.lead_unit_id,
                                .to_unit_id = lead_unit_id},
                               "task.reassign"));
    return NoticeReassigned(c, s.t, note, s.now);
  };
  return RunStep(who, id, {Actor::kOffice, TaskEvent::kReassign, to_another}, hand_over);
}

Result<TaskView> TaskService::Suspend(const auth::Principal& who, int64_t id, bool suspend,
                                      const std::string& note) {
  const StepRule rule{Actor::kOffice, suspend ? TaskEvent::kSuspend : TaskEvent::kResume};
  return RunStep(who, id, rule, [&](db::Connection& c, Step& s) -> Status {
    return EndStep(
        c, who, s,
        {.kind = suspend ? "suspended" : "resumed", .happened_on = clock_.Today(), .note = note},
        suspend ? "task.suspend" : "task.resume");
  });
}
}  // namespace dh::tasks
