// Explanations (giải trình): a leader asks the unit responsible for a lagging target or a
// late task to explain by a date counted in working days; the unit answers with causes,
// measures and a new expected value or date; the leader accepts or asks again.
#include "audit/recorder.h"
#include "calendar/deadline.h"
#include "db/read_value.h"
#include "targets/target_json.h"
#include "targets/target_messages.h"
#include "targets/target_notices.h"
#include "targets/target_reminders.h"
#include "targets/target_service.h"
#include "tasks/task_service.h"

namespace dh::targets {
namespace {

constexpr int kMaxDueDays = 60;

// What the request is about, in both languages (the indicator's name is its own in both).
Label SubjectOf(const TargetModel& model, const ExplanationRequest& r) {
  if (r.target_id) {
    if (auto row = model.Find(*r.target_id)) {
      const Label period = row->target.period.Named();
      return {row->indicator.name + " (" + period.vi + ")",
              row->indicator.name + " (" + period.en + ")"};
    }
  }
  if (r.task_id)
    return {"nhiệm vụ số " + std::to_string(*r.task_id), "task " + std::to_string(*r.task_id)};
  return {"chỉ tiêu", "target"};
}

// A step of an explanation request: Forbidden (`forbidden`) when the caller may not take it,
// else Conflict (`conflict`, `code`) when the request is not in the state the step needs.
Status CheckStep(bool may, const MessageText& forbidden, bool in_state, const MessageText& conflict,
                 const char* code) {
  if (!may) return Status::Forbidden(Say(forbidden));
  if (!in_state) return Status::Conflict(Say(conflict), code);
  return Status::Ok();
}

}  // namespace

Result<Date> TargetService::DueOn(std::optional<Date> due_on,
                                  std::optional<int> due_in_days) const {
  const Date today = clock_.Today();
  if (due_in_days) {
    if (*due_in_days < 1 || *due_in_days > kMaxDueDays)
      return Status::InvalidInput(
          "due_in_days",
          Say(msg::kDueDaysRange, {{"min", int64_t{1}}, {"max", int64_t{kMaxDueDays}}}));
    return calendar_.Get()->AddWorkingDays(today, *due_in_days);
  }
  if (!due_on) return Status::InvalidInput("due_on", Say(msg::kDueOnOrDays), "required");
  if (*due_on < today) return Status::InvalidInput("due_on", Say(msg::kDuePassed));
  return calendar::EffectiveDeadline(*due_on, *calendar_.Get());
}

Result<int64_t> TargetService::UnitToExplain(const auth::Principal& who, const TargetAccess& a,
                                             const AskInput& in) const {
  if (in.target_id) {
    auto row = model_.Find(*in.target_id);
    if (!row || !SeesTarget(a, row->target)) return Status::NotFound(Say(msg::kTargetNotFound));
    return row->target.unit_id;
  }
  if (!tasks_) return Status::InvalidInput("task_id", Say(msg::kNoTaskExplanations));
  return tasks_->CheckTaskAccess(who, *in.task_id, false);
}

Result<ExplanationRequest> TargetService::Ask(const auth::Principal& who, const AskInput& in) {
  const TargetAccess a = AccessOf(who);
  DH_ASSIGN_OR_RETURN(const int64_t unit, UnitToExplain(who, a, in));
  if (!MayAsk(a, unit)) return Status::Forbidden(Say(msg::kOnlyLeaderAsks));
  DH_ASSIGN_OR_RETURN(const Date due, DueOn(in.due_on, in.due_in_days));
  ExplanationRequest r;
  r.target_id = in.target_id;
  r.task_id = in.task_id;
  r.unit_id = unit;
  r.question = in.question;
  r.due_on = due;
  r.asked_by = who.user_id;
  r.asked_at = clock_.NowSeconds();
  const Label subject = SubjectOf(model_, r);
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(r.id, InsertExplanation(c, r));
    DH_RETURN_IF_ERROR(InsertExplanationEvent(
        c, {0, r.id, "asked", r.round, r.question, who.user_id, r.asked_at}));
    DH_RETURN_IF_ERROR(NotifyExplanation(c, r, ExplanationNotice::kAsked, subject, r.asked_at));
    return audit::Record(
        c, &who,
        {"explanation.ask", kExplanationEntity, r.id, r.unit_id, nullptr, ExplanationRecordJson(r)},
        r.asked_at);
  }));
  return r;
}

Result<ExplanationRequest> TargetService::ExplanationForWrite(db::Connection& c,
                                                              const TargetAccess& a,
                                                              int64_t id) const {
  DH_ASSIGN_OR_RETURN(auto r, FindExplanation(c, id));
  if (!r || !SeesExplanation(a, *r)) return Status::NotFound(Say(msg::kExplanationNotFound));
  return *r;
}

Result<ExplanationRequest> TargetService::WriteExplanation(
    const auth::Principal& who, int64_t id, const char* action,
    const std::function<Status(ExplanationRequest&, ExplanationEvent&)>& change) {
  const TargetAccess a = AccessOf(who);
  ExplanationRequest after;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(const ExplanationRequest before, ExplanationForWrite(c, a, id));
    after = before;
    ExplanationEvent e{0, id, "", before.round, "", who.user_id, clock_.NowSeconds()};
    DH_RETURN_IF_ERROR(change(after, e));
    DH_RETURN_IF_ERROR(UpdateExplanation(c, after));
    DH_RETURN_IF_ERROR(InsertExplanationEvent(c, e));
    const auto notice = e.kind == "answered"      ? ExplanationNotice::kAnswered
                        : e.kind == "asked_again" ? ExplanationNotice::kAskedAgain
                                                  : ExplanationNotice::kAccepted;
    DH_RETURN_IF_ERROR(NotifyExplanation(c, after, notice, SubjectOf(model_, after), e.created_at));
    if (e.kind == "answered") DH_RETURN_IF_ERROR(ResolveReminders(c, id, e.created_at));
    return audit::Record(c, &who,
                         {action, kExplanationEntity, id, after.unit_id,
                          ExplanationRecordJson(before), ExplanationRecordJson(after)},
                         e.created_at);
  }));
  return after;
}

Result<ExplanationRequest> TargetService::Answer(const auth::Principal& who, int64_t id,
                                                 const AnswerInput& in) {
  const TargetAccess a = AccessOf(who);
  const Date today = clock_.Today();
  return WriteExplanation(
      who, id, "explanation.answer", [&](ExplanationRequest& r, ExplanationEvent& e) -> Status {
        DH_RETURN_IF_ERROR(CheckStep(MayAnswer(a, r), msg::kOnlyAskedUnitAnswers,
                                     r.state == ExplanationState::kOpen, msg::kAlreadyAnswered,
                                     "not_open"));
        r.state = ExplanationState::kAnswered;
        r.causes = in.causes;
        r.measures = in.measures;
        r.expected_value = in.expected_value;
        r.expected_on = in.expected_on;
        r.answered_by = who.user_id;
        r.answered_on = today;
        e.kind = "answered";
        e.text = "Nguyên nhân: " + in.causes + "\nGiải pháp: " + in.measures;
        return Status::Ok();
      });
}

Result<ExplanationRequest> TargetService::Accept(const auth::Principal& who, int64_t id) {
  const TargetAccess a = AccessOf(who);
  return WriteExplanation(
      who, id, "explanation.accept", [&](ExplanationRequest& r, ExplanationEvent& e) -> Status {
        DH_RETURN_IF_ERROR(CheckStep(MayAsk(a, r.unit_id), msg::kOnlyLeaderAccepts,
                                     r.state == ExplanationState::kAnswered,
                                     msg::kAcceptOnlyAnswered, "not_answered"));
        r.state = ExplanationState::kAccepted;
        r.decided_by = who.user_id;
        r.decided_at = e.created_at;
        e.kind = "accepted";
        return Status::Ok();
      });
}

Result<ExplanationRequest> TargetService::AskAgain(const auth::Principal& who, int64_t id,
                                                   const std::string& question,
                                                   std::optional<Date> due_on,
                                                   std::optional<int> due_in_days) {
  const TargetAccess a = AccessOf(who);
  DH_ASSIGN_OR_RETURN(const Date due, DueOn(due_on, due_in_days));
  return WriteExplanation(
      who, id, "explanation.ask_again", [&](ExplanationRequest& r, ExplanationEvent& e) -> Status {
        DH_RETURN_IF_ERROR(CheckStep(MayAsk(a, r.unit_id), msg::kOnlyLeaderAsksAgain,
                                     r.state == ExplanationState::kAnswered,
                                     msg::kAskAgainOnlyAnswered, "not_answered"));
        r = ExplanationRequest{
            r.id,        r.target_id, r.task_id, r.unit_id, question, due, ExplanationState::kOpen,
            r.round + 1, r.asked_by,  r.asked_at};
        e.kind = "asked_again";
        e.round = r.round;
        e.text = question;
        return Status::Ok();
      });
}

Result<ExplanationDetail> TargetService::GetExplanation(const auth::Principal& who,
                                                        int64_t id) const {
  const TargetAccess a = AccessOf(who);
  ExplanationDetail d;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(d.request, ExplanationForWrite(c, a, id));
    DH_ASSIGN_OR_RETURN(d.events, EventsOf(c, id));
    return Status::Ok();
  }));
  return d;
}

Result<std::vector<ExplanationRequest>> TargetService::ListExplanations(
    const auth::Principal& who, const ExplanationFilter& f) const {
  const TargetAccess a = AccessOf(who);
  DH_ASSIGN_OR_RETURN(
      std::vector<ExplanationRequest> rows,
      db::ReadValue(db_, [&](db::Connection& c) { return targets::ListExplanations(c, f); }));
  std::erase_if(rows, [&](const ExplanationRequest& r) { return !SeesExplanation(a, r); });
  return rows;
}

int TargetService::DaysLate(const ExplanationRequest& r) const {
  if (r.state != ExplanationState::kOpen) return 0;
  return calendar::WorkingDaysLate(r.due_on, clock_.Today(), *calendar_.Get());
}

}  // namespace dh::targets
