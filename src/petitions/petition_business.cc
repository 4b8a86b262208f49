// The business's steps (rate, reopen), the office's publication, and a task spawned for
// real work.
#include "core/text.h"
#include "notifications/notice_text.h"
#include "petitions/petition_messages.h"
#include "petitions/petition_notices.h"
#include "petitions/petition_service.h"
#include "petitions/petition_store.h"

namespace dh::petitions {

using E = PetitionEvent;

Result<PetitionView> PetitionService::Rate(const auth::Principal& who, int64_t id,
                                           std::optional<bool> satisfied,
                                           const std::string& reason) {
  if (!satisfied) return Status::InvalidInput("satisfied", Say(msg::kChooseSatisfied));
  if (!*satisfied && text::Trim(reason).empty())
    return Status::InvalidInput("reason", Say(msg::kUnsatisfiedReason));
  return Step(who, id, "rate", IsPetitioner,
              [&](db::Connection& c, Petition& p, PetitionEventRecord& e) -> Status {
                DH_ASSIGN_OR_RETURN(p.state, Transition(p.state, E::kRate));
                p.satisfied = *satisfied;
                p.rating_reason = text::Trim(reason);
                p.rated_on = clock_.Today();
                e.kind = *satisfied ? "rated_satisfied" : "rated_unsatisfied";
                e.note = p.rating_reason;
                if (*satisfied || !p.responsible_unit_id) return Status::Ok();
                return NoticeUnit(c, *p.responsible_unit_id, p, notice::kUnsatisfied,
                                  &notifications::msg::kText, {{"text", p.rating_reason}},
                                  e.created_at);
              });
}

Result<PetitionView> PetitionService::Reopen(const auth::Principal& who, int64_t id,
                                             const std::string& reason) {
  if (text::Trim(reason).empty()) return Status::InvalidInput("reason", Say(msg::kReopenReason));
  return Step(who, id, "reopen", IsPetitioner,
              [&](db::Connection& c, Petition& p, PetitionEventRecord& e) -> Status {
                if (p.reopen_count >= 1)
                  return Status::Conflict(Say(msg::kReopenedOnce), "reopened_once", "reason");
                DH_ASSIGN_OR_RETURN(p.state, Transition(p.state, E::kReopen));
                const Date today = clock_.Today();
                ++p.reopen_count;
                p.received_on = today;
                p.due_on = AnswerDue(settings_, p.category, !p.coordinating_unit_ids.empty(), today,
                                     *calendar_.Get());
                p.answered_on.reset();
                p.approved_by.reset();
                p.outcome.clear();
                p.satisfied.reset();
                p.rated_on.reset();
                p.published = false;  // the office publishes the new answer
                e.kind = "reopened";
                e.note = text::Trim(reason);
                e.unit_id = p.responsible_unit_id;
                return NoticeUnit(
                    c, *p.responsible_unit_id, p, notice::kReopened, &notice::kReopenedBody,
                    {{"text", e.note}, {"date", p.due_on->ToVietnamese()}}, e.created_at);
              });
}

Result<PetitionView> PetitionService::Publish(const auth::Principal& who, int64_t id) {
  return Step(who, id, "publish", MayManage,
              [&](db::Connection&, Petition& p, PetitionEventRecord& e) -> Status {
                if (!Answered(p.state))
                  return Status::Conflict(Say(msg::kPublishOnlyAnswered), "not_answered");
                if (p.published)
                  return Status::Conflict(Say(msg::kAlreadyPublished), "already_published");
                p.published = true;
                p.published_on = clock_.Today();
                e.kind = "published";
                return Status::Ok();
              });
}

Result<PetitionView> PetitionService::SpawnTask(const auth::Principal& who, int64_t id,
                                                int64_t directive_id,
                                                std::optional<Date> deadline) {
  DH_ASSIGN_OR_RETURN(PetitionDetail d, Get(who, id));
  const Petition& p = d.view.p;
  if (!MayManage(AccessOf(who), p)) return Status::Forbidden(Say(msg::kOfficeSpawnsTask));
  if (p.task_id) return Status::Conflict(Say(msg::kHasTask), "has_task", "directive_id");
  if (!p.responsible_unit_id)
    return Status::Conflict(Say(msg::kRouteBeforeTask), "invalid_state", "directive_id");
  tasks::TaskInput in;
  in.directive_id = directive_id;
  in.title = "Giải quyết kiến nghị: " + p.title;
  in.description = "Từ kiến nghị doanh nghiệp số " + std::to_string(p.id) + ". " + p.content;
  in.lead_unit_id = p.responsible_unit_id;
  in.deadline = deadline ? deadline : p.due_on;
  // The task and the petition's link to it are written in one transaction, or neither.
  auto link = [&](db::Connection& c, const tasks::TaskRecord& task) {
    return StepIn(c, who, id, "task", MayManage,
                  [&](db::Connection&, Petition& q, PetitionEventRecord& e) -> Status {
                    if (q.task_id)
                      return Status::Conflict(Say(msg::kHasTask), "has_task", "directive_id");
                    q.task_id = task.id;
                    e.kind = "task_created";
                    e.note = task.title;
                    e.unit_id = q.responsible_unit_id;
                    return Status::Ok();
                  });
  };
  DH_RETURN_IF_ERROR(tasks_.Create(&who, in, link).status());
  DH_RETURN_IF_ERROR(index_.Refresh(db_, {id}));
  return Load(who, id);
}

}  // namespace dh::petitions
