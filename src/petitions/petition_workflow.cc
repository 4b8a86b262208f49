// The petition's steps: route, forward, return, answer, approve, resolve, rate, reopen,
// publish, spawn a task. Each is one Step: one transaction with its event, audit entry and
// notices; what depends on the database (units that end, the petition a duplicate points
// to) is checked inside it.
#include <set>

#include "core/text.h"
#include "notifications/notice_text.h"
#include "petitions/petition_messages.h"
#include "petitions/petition_notices.h"
#include "petitions/petition_service.h"
#include "petitions/petition_store.h"
#include "units/unit_rules.h"

namespace dh::petitions {
namespace {

using E = PetitionEvent;

Status Required(const std::string& value, const char* field, const MessageText& message) {
  return text::Trim(value).empty() ? Status::InvalidInput(field, Say(message)) : Status::Ok();
}

}  // namespace

Result<PetitionView> PetitionService::Route(const auth::Principal& who, int64_t id, int64_t unit_id,
                                            const std::vector<int64_t>& coordinators) {
  std::set<int64_t> seen;
  for (int64_t u : coordinators)
    if (u == unit_id || !seen.insert(u).second)
      return Status::InvalidInput("coordinating_unit_ids", Say(msg::kCoordinatorTwice));
  return Step(
      who, id, "route", MayManage,
      [&](db::Connection& c, Petition& p, PetitionEventRecord& e) -> Status {
        DH_ASSIGN_OR_RETURN(p.state, Transition(p.state, E::kRoute));
        const Date today = clock_.Today();
        DH_RETURN_IF_ERROR(units::CheckTakesWork(c, unit_id, today, "unit_id", "Đơn vị xử lý"));
        for (int64_t u : coordinators)
          DH_RETURN_IF_ERROR(
              units::CheckTakesWork(c, u, today, "coordinating_unit_ids", "Đơn vị phối hợp"));
        p.responsible_unit_id = unit_id;
        p.coordinating_unit_ids = coordinators;
        p.received_on = today;
        p.due_on = AnswerDue(settings_, p.category, !coordinators.empty(), today, *calendar_.Get());
        e.kind = "routed";
        e.unit_id = unit_id;
        const int64_t now = e.created_at;
        DH_RETURN_IF_ERROR(
            NoticeUnit(c, unit_id, p, notice::kNewToAnswer, &notice::kUnitToAnswer, {}, now));
        return NoticeBusiness(c, p, notice::kRouted, &notice::kRoutedBody, {}, now);
      });
}

Result<PetitionView> PetitionService::Forward(const auth::Principal& who, int64_t id,
                                              int64_t unit_id, const std::string& reason) {
  DH_RETURN_IF_ERROR(Required(reason, "reason", msg::kForwardReason));
  return Step(
      who, id, "forward", MayWork,
      [&](db::Connection& c, Petition& p, PetitionEventRecord& e) -> Status {
        DH_ASSIGN_OR_RETURN(p.state, Transition(p.state, E::kForward));
        const Date today = clock_.Today();
        auto cal = calendar_.Get();
        if (!p.received_on || !MayForwardOn(settings_, *p.received_on, today, *cal))
          return Status::Conflict(
              Say(msg::kForwardTooLate, {{"days", static_cast<int64_t>(settings_.forward_days)}}),
              "forward_too_late", "unit_id");
        if (unit_id == *p.responsible_unit_id)
          return Status::InvalidInput("unit_id", Say(msg::kForwardOtherUnit));
        DH_RETURN_IF_ERROR(
            units::CheckTakesWork(c, unit_id, today, "unit_id", "Đơn vị nhận chuyển tiếp"));
        e.kind = "forwarded";
        e.note = text::Trim(reason);
        e.unit_id = unit_id;
        p.forwarded_from_unit_id = p.responsible_unit_id;
        p.forwarded_on = today;
        p.responsible_unit_id = unit_id;
        std::erase(p.coordinating_unit_ids, unit_id);
        // The new unit's clock starts now; the forwarding unit is no longer judged on it.
        p.received_on = today;
        p.due_on = AnswerDue(settings_, p.category, !p.coordinating_unit_ids.empty(), today, *cal);
        return NoticeUnit(c, unit_id, p, notice::kForwarded, &notice::kNoteDue, {{"text", e.note}},
                          e.created_at);
      });
}

Result<PetitionView> PetitionService::Return(const auth::Principal& who, int64_t id,
                                             const ReturnInput& in) {
  const auto reason = ParseReturnReason(in.reason);
  if (!reason) return Status::InvalidInput("reason", Say(msg::kReturnReason));
  if (*reason == ReturnReason::kIncomplete)
    DH_RETURN_IF_ERROR(Required(in.note, "note", msg::kReturnNote));
  if (*reason == ReturnReason::kOutsideAuthority)
    DH_RETURN_IF_ERROR(Required(in.authority, "authority", msg::kReturnAuthority));
  if (*reason == ReturnReason::kDuplicate && !in.duplicate_of_id)
    return Status::InvalidInput("duplicate_of_id", Say(msg::kChooseDuplicate));
  return Step(who, id, "return", MayManage,
              [&](db::Connection& c, Petition& p, PetitionEventRecord& e) -> Status {
                DH_ASSIGN_OR_RETURN(p.state, Transition(p.state, E::kReturn));
                if (*reason == ReturnReason::kDuplicate) {
                  DH_ASSIGN_OR_RETURN(auto other, FindPetition(c, *in.duplicate_of_id));
                  if (!other || other->id == p.id || !Answered(other->state))
                    return Status::InvalidInput("duplicate_of_id", Say(msg::kDuplicateAnswered));
                  p.duplicate_of_id = other->id;
                }
                p.return_reason = std::string(ReturnReasonName(*reason));
                p.return_note = text::Trim(in.note);
                p.authority = text::Trim(in.authority);
                e.kind = "returned";
                e.note = p.return_note.empty() ? p.authority : p.return_note;
                return NoticeBusiness(c, p, notice::kReturned, &notifications::msg::kText,
                                      {{"text", e.note}}, e.created_at);
              });
}

Result<PetitionView> PetitionService::Answer(const auth::Principal& who, int64_t id,
                                             const std::string& text, const std::string& outcome) {
  DH_RETURN_IF_ERROR(Required(text, "text", msg::kEnterAnswer));
  if (outcome != "directed" && outcome != "resolved")
    return Status::InvalidInput("outcome", Say(msg::kChooseOutcome));
  return Step(who, id, "answer", MayWork,
              [&](db::Connection& c, Petition& p, PetitionEventRecord& e) -> Status {
                DH_ASSIGN_OR_RETURN(p.state, Transition(p.state, E::kDraftAnswer));
                p.answer_text = text::Trim(text);
                p.outcome = outcome;
                p.answered_by = who.user_id;
                e.kind = "answer_drafted";
                e.unit_id = p.responsible_unit_id;
                return NoticeUnit(c, *p.responsible_unit_id, p, notice::kDraftAwaiting,
                                  &notifications::msg::kText, {{"text", p.title}}, e.created_at);
              });
}

Result<PetitionView> PetitionService::ApproveAnswer(const auth::Principal& who, int64_t id) {
  return Step(who, id, "approve_answer", MayApprove,
              [&](db::Connection& c, Petition& p, PetitionEventRecord& e) -> Status {
                DH_ASSIGN_OR_RETURN(
                    p.state, Transition(p.state, p.outcome == "resolved" ? E::kApproveResolved
                                                                         : E::kApproveDirected));
                p.answered_on = clock_.Today();
                p.approved_by = who.user_id;
                e.kind = "answer_approved";
                e.unit_id = p.responsible_unit_id;
                return NoticeBusiness(c, p, notice::kAnswered, &notice::kRateAnswer, {},
                                      e.created_at);
              });
}

Result<PetitionView> PetitionService::Resolve(const auth::Principal& who, int64_t id,
                                              const std::string& note) {
  return Step(who, id, "resolve", MayWork,
              [&](db::Connection& c, Petition& p, PetitionEventRecord& e) -> Status {
                DH_ASSIGN_OR_RETURN(p.state, Transition(p.state, E::kResolve));
                p.outcome = "resolved";
                e.kind = "resolved";
                e.note = text::Trim(note);
                return NoticeBusiness(c, p, notice::kResolved, &notifications::msg::kText,
                                      {{"text", e.note}}, e.created_at);
              });
}

}  // namespace dh::petitions
