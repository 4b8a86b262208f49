#include "tasks/task_notices.h"

#include <algorithm>
#include <map>

#include "core/text.h"
#include "notifications/notice_text.h"
#include "notifications/outbox.h"
#include "tasks/task_access.h"

namespace dh::tasks {
namespace {
namespace notice {

inline constexpr MessageText kNewTask{
    "tasks.notice_new_task",
    "Nhiệm vụ mới: {title}",
    "New task: {title}",
};
inline constexpr MessageText kLeadUnitBody{
    "tasks.notice_lead_unit",
    "Đơn vị được giao chủ trì nhiệm vụ{deadline}.",
    "Your unit is to lead this task{deadline}.",
};
inline constexpr MessageText kNewTasksOfDirective{
    "tasks.notice_new_tasks_of_directive",
    "Nhiệm vụ mới: {count} nhiệm vụ theo văn bản {number}",
    "New tasks: {count} tasks under document {number}",
};
inline constexpr MessageText kLeadUnitOfDirectiveBody{
    "tasks.notice_lead_unit_of_directive",
    "Đơn vị được giao chủ trì theo văn bản {number}.",
    "Your unit is to lead them under document {number}.",
};
inline constexpr MessageText kDelegated{
    "tasks.notice_delegated",
    "Được giao: {title}",
    "Assigned to you: {title}",
};
inline constexpr MessageText kDelegatedBody{
    "tasks.notice_delegated_share",
    "Phần việc {share}% của nhiệm vụ.",
    "A {share}% share of the task.",
};
inline constexpr MessageText kReassigned{
    "tasks.notice_reassigned",
    "Nhiệm vụ được giao lại: {title}",
    "Task reassigned: {title}",
};
inline constexpr MessageText kExtensionRequested{
    "tasks.notice_extension_requested",
    "Đề nghị gia hạn: {title}",
    "Extension requested: {title}",
};
inline constexpr MessageText kExtensionRequestedBody{
    "tasks.notice_extension_requested_body",
    "Đề nghị hạn mới {date}. Lý do: {reason}",
    "New deadline requested: {date}. Reason: {reason}",
};
inline constexpr MessageText kExtensionApproved{
    "tasks.notice_extension_approved",
    "Đồng ý gia hạn: {title}",
    "Extension approved: {title}",
};
inline constexpr MessageText kExtensionRefused{
    "tasks.notice_extension_refused",
    "Không đồng ý gia hạn: {title}",
    "Extension refused: {title}",
};
inline constexpr MessageText kNewDeadlineBody{
    "tasks.notice_new_deadline",
    "Hạn mới {date}.",
    "New deadline {date}.",
};
inline constexpr MessageText kCoordinationRequested{
    "tasks.notice_coordination_requested",
    "Đề nghị phối hợp: {title}",
    "Coordination requested: {title}",
};
inline constexpr MessageText kAnswerByBody{
    "tasks.notice_answer_by",
    "Trả lời trước ngày {date}.",
    "Please answer by {date}.",
};
inline constexpr MessageText kCoordinating{
    "tasks.notice_coordinating",
    "Phối hợp thực hiện: {title}",
    "Coordinate on: {title}",
};
inline constexpr MessageText kCoordinatingBody{
    "tasks.notice_coordinating_body",
    "Đơn vị được giao phối hợp thực hiện nhiệm vụ{deadline}.",
    "Your unit is to coordinate on this task{deadline}.",
};
inline constexpr MessageText kCoordinationAnswered{
    "tasks.notice_coordination_answered",
    "Đã trả lời đề nghị phối hợp: {title}",
    "Coordination request answered: {title}",
};
inline constexpr MessageText kAnswerBody{
    "tasks.notice_answer",
    "Trả lời: {answer}",
    "Answer: {answer}",
};
inline constexpr MessageText kSubmitted{
    "tasks.notice_submitted",
    "Chờ xác nhận hoàn thành: {title}",
    "Completion awaiting confirmation: {title}",
};
inline constexpr MessageText kOutputBody{
    "tasks.notice_output",
    "Sản phẩm: {output}",
    "Output: {output}",
};
inline constexpr MessageText kReturned{
    "tasks.notice_returned",
    "Trả lại: {title}",
    "Returned: {title}",
};

const notifications::NoticeTexts kRegistered{&kNewTask,
                                             &kLeadUnitBody,
                                             &kNewTasksOfDirective,
                                             &kLeadUnitOfDirectiveBody,
                                             &kDelegated,
                                             &kDelegatedBody,
                                             &kReassigned,
                                             &kExtensionRequested,
                                             &kExtensionRequestedBody,
                                             &kExtensionApproved,
                                             &kExtensionRefused,
                                             &kNewDeadlineBody,
                                             &kCoordinationRequested,
                                             &kAnswerByBody,
                                             &kCoordinating,
                                             &kCoordinatingBody,
                                             &kCoordinationAnswered,
                                             &kAnswerBody,
                                             &kSubmitted,
                                             &kOutputBody,
                                             &kReturned};

}  // namespace notice

// ", hạn 14/03/2026" / ", due 14/03/2026" for a notice's sentence; nothing without a deadline.
Label DeadlineClause(const std::optional<Date>& deadline) {
  if (!deadline) return {};
  return {", hạn " + deadline->ToVietnamese(), ", due " + deadline->ToVietnamese()};
}

}  // namespace

std::string Short(const std::string& title) {
  return text::CodePointCount(title) > 80 ? title.substr(0, title.find(' ', 70)) + "…" : title;
}

Result<std::vector<int64_t>> Deciders(db::Connection& c, const units::UnitGraph& g, int64_t unit) {
  DH_ASSIGN_OR_RETURN(auto holders, notifications::ActiveRoleHolders(c));
  std::vector<int64_t> out;
  for (const auto& h : holders) {
    const auto role = auth::ParseRole(h.role);
    if (role && GrantDecidesFor({*role, h.unit_id}, unit, g) &&
        (out.empty() || out.back() != h.user_id))
      out.push_back(h.user_id);
  }
  return out;
}

Status NoticeAssigned(db::Connection& c, const TaskRecord& t, int64_t now) {
  DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, t.lead_unit_id));
  if (t.assignee_id) people.push_back(*t.assignee_id);
  return notifications::Notify(
             c, people, "assigned", t.id,
             {&notice::kNewTask,
              &notice::kLeadUnitBody,
              {{"title", Short(t.title)}, {"deadline", DeadlineClause(t.deadline)}}},
             "assigned/" + std::to_string(t.id), now)
      .status();
}

Status NoticeImported(db::Connection& c, const Directive& d, const std::vector<TaskRecord>& created,
                      int64_t import_id, int64_t now) {
  std::map<int64_t, std::vector<const TaskRecord*>> by_unit;  // for one notice per unit
  for (const TaskRecord& t : created) by_unit[t.lead_unit_id].push_back(&t);
  for (const auto& [unit, list] : by_unit) {
    DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, unit));
    const TaskRecord& first = *list.front();
    const notifications::NoticeText text{
        list.size() == 1 ? &notice::kNewTask : &notice::kNewTasksOfDirective,
        &notice::kLeadUnitOfDirectiveBody,
        {{"title", Short(first.title)},
         {"count", static_cast<int64_t>(list.size())},
         {"number", d.number}}};
    DH_RETURN_IF_ERROR(notifications::Notify(c, people, "assigned", first.id, text,
                                             "import/" + std::to_string(import_id) + "/" +
                                                 std::to_string(first.id) + "/u" +
                                                 std::to_string(unit),
                                             now)
                           .status());
  }
  return Status::Ok();
}

Status NoticeDelegated(db::Connection& c, const TaskRecord& part, int64_t now) {
  std::vector<int64_t> people;
  if (part.assignee_id) {
    people.push_back(*part.assignee_id);
  } else {
    DH_ASSIGN_OR_RETURN(people, notifications::UsersOfUnit(c, part.lead_unit_id));
  }
  return notifications::Notify(
             c, people, "assigned", part.id,
             {&notice::kDelegated,
              &notice::kDelegatedBody,
              {{"title", Short(part.title)}, {"share", int64_t{part.share_percent}}}},
             "assigned/" + std::to_string(part.id), now)
      .status();
}

Status NoticeReassigned(db::Connection& c, const TaskRecord& t, const std::string& note,
                        int64_t now) {
  DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, t.lead_unit_id));
  return notifications::Notify(
             c, people, "assigned", t.id,
             {&notice::kReassigned,
              &notifications::msg::kText,
              {{"title", Short(t.title)}, {"text", note}}},
             "assigned/" + std::to_string(t.id) + "/u" + std::to_string(t.lead_unit_id), now)
      .status();
}

Status NoticeExtensionRequested(db::Connection& c, const units::UnitGraph& g, const TaskRecord& t,
                                const Extension& e, int64_t now) {
  DH_ASSIGN_OR_RETURN(auto office, Deciders(c, g, t.lead_unit_id));
  return notifications::Notify(c, office, "extension_requested", t.id,
                               {&notice::kExtensionRequested,
                                &notice::kExtensionRequestedBody,
                                {{"title", Short(t.title)},
                                 {"date", e.requested_deadline.ToVietnamese()},
                                 {"reason", e.reason}}},
                               "extension_request/" + std::to_string(e.id), now)
      .status();
}

Status NoticeExtensionDecided(db::Connection& c, const TaskRecord& t, const Extension& e,
                              bool approve, const std::string& note, int64_t now) {
  DH_RETURN_IF_ERROR(ResolveExtensionNotices(c, e, now));
  std::vector<int64_t> people;
  if (e.requested_by) people.push_back(*e.requested_by);
  return notifications::Notify(c, people, "extension_decided", t.id,
                               {approve ? &notice::kExtensionApproved : &notice::kExtensionRefused,
                                approve ? &notice::kNewDeadlineBody : &notifications::msg::kReason,
                                {{"title", Short(t.title)},
                                 {"date", e.requested_deadline.ToVietnamese()},
                                 {"reason", note}}},
                               "extension/" + std::to_string(e.id), now)
      .status();
}

Status NoticeCoordinationRequested(db::Connection& c, const TaskRecord& t,
                                   const CoordinationRequest& r, int64_t now) {
  DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, r.to_unit_id));
  return notifications::Notify(c, people, "coordination", t.id,
                               {&notice::kCoordinationRequested,
                                &notice::kAnswerByBody,
                                {{"title", Short(t.title)}, {"date", r.due_on.ToVietnamese()}}},
                               "coordination/" + std::to_string(r.id), now)
      .status();
}

Status NoticeCoordinatorsNamed(db::Connection& c, const TaskRecord& t,
                               const std::vector<int64_t>& units, int64_t now) {
  for (int64_t unit : units) {
    DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, unit));
    DH_RETURN_IF_ERROR(notifications::Notify(
                           c, people, "coordinating", t.id,
                           {&notice::kCoordinating,
                            &notice::kCoordinatingBody,
                            {{"title", Short(t.title)}, {"deadline", DeadlineClause(t.deadline)}}},
                           "coordinating/" + std::to_string(t.id) + "/u" + std::to_string(unit),
                           now)
                           .status());
  }
  return Status::Ok();
}

Status NoticeCoordinationAnswered(db::Connection& c, const TaskRecord& t,
                                  const CoordinationRequest& r, int64_t now) {
  DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, r.from_unit_id));
  if (r.created_by) people.push_back(*r.created_by);
  std::sort(people.begin(), people.end());
  people.erase(std::unique(people.begin(), people.end()), people.end());
  return notifications::Notify(c, people, "coordination_answered", t.id,
                               {&notice::kCoordinationAnswered,
                                &notice::kAnswerBody,
                                {{"title", Short(t.title)}, {"answer", Short(r.answer)}}},
                               "coordination_answered/" + std::to_string(r.id), now)
      .status();
}

Status NoticeSubmitted(db::Connection& c, const units::UnitGraph& g, const TaskRecord& t,
                       const std::string& output_text, int64_t now) {
  // Submitted again: the return that asked for it is dealt with.
  DH_RETURN_IF_ERROR(
      notifications::Resolve(c, notifications::TaskItem(t.id), "returned", now).status());
  DH_ASSIGN_OR_RETURN(auto office, Deciders(c, g, t.lead_unit_id));
  return notifications::Notify(c, office, "completion_submitted", t.id,
                               {&notice::kSubmitted,
                                &notice::kOutputBody,
                                {{"title", Short(t.title)}, {"output", Short(output_text)}}},
                               "submitted/" + std::to_string(t.id) + "/" + std::to_string(now), now)
      .status();
}

Status NoticeReturned(db::Connection& c, const TaskRecord& t, const std::string& reason,
                      int64_t now) {
  DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, t.lead_unit_id));
  if (t.assignee_id) people.push_back(*t.assignee_id);
  return notifications::Notify(c, people, "returned", t.id,
                               {&notice::kReturned,
                                &notifications::msg::kReason,
                                {{"title", Short(t.title)}, {"reason", reason}}},
                               "returned/" + std::to_string(t.id) + "/" + std::to_string(now), now)
      .status();
}

Status ResolveCompletionNotices(db::Connection& c, int64_t task_id, int64_t now) {
  return notifications::Resolve(c, notifications::TaskItem(task_id), "completion_submitted", now)
      .status();
}

Status ResolveCoordinationNotices(db::Connection& c, const CoordinationRequest& r, int64_t now) {
  return notifications::ResolveKey(c, notifications::TaskItem(r.task_id),
                                   "coordination/" + std::to_string(r.id), now)
      .status();
}

Status ResolveExtensionNotices(db::Connection& c, const Extension& e, int64_t now) {
  return notifications::ResolveKey(c, notifications::TaskItem(e.task_id),
                                   "extension_request/" + std::to_string(e.id), now)
      .status();
}

}  // namespace dh::tasks
