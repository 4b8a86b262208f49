#include "tasks/task_notices.h"

#include <algorithm>
#include <map>

#include "core/text.h"
#include "notifications/outbox.h"
#include "tasks/task_access.h"

namespace dh::tasks {

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
             c, people, "assigned", t.id, "Nhiệm vụ mới: " + Short(t.title),
             "Đơn vị được giao chủ trì nhiệm vụ" +
                 (t.deadline ? ", hạn " + t.deadline->ToVietnamese() : std::string()) + ".",
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
    const std::string title = list.size() == 1 ? "Nhiệm vụ mới: " + Short(first.title)
                                               : "Nhiệm vụ mới: " + std::to_string(list.size()) +
                                                     " nhiệm vụ theo văn bản " + d.number;
    DH_RETURN_IF_ERROR(
        notifications::Notify(c, people, "assigned", first.id, title,
                              "Đơn vị được giao chủ trì theo văn bản " + d.number + ".",
                              "import/" + std::to_string(import_id) + "/" +
                                  std::to_string(first.id) + "/u" + std::to_string(unit),
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
             c, people, "assigned", part.id, "Được giao: " + Short(part.title),
             "Phần việc " + std::to_string(part.share_percent) + "% của nhiệm vụ.",
             "assigned/" + std::to_string(part.id), now)
      .status();
}

Status NoticeReassigned(db::Connection& c, const TaskRecord& t, const std::string& note,
                        int64_t now) {
  DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, t.lead_unit_id));
  return notifications::Notify(
             c, people, "assigned", t.id, "Nhiệm vụ được giao lại: " + Short(t.title), note,
             "assigned/" + std::to_string(t.id) + "/u" + std::to_string(t.lead_unit_id), now)
      .status();
}

Status NoticeExtensionRequested(db::Connection& c, const units::UnitGraph& g, const TaskRecord& t,
                                const Extension& e, int64_t now) {
  DH_ASSIGN_OR_RETURN(auto office, Deciders(c, g, t.lead_unit_id));
  return notifications::Notify(
             c, office, "extension_requested", t.id, "Đề nghị gia hạn: " + Short(t.title),
             "Đề nghị hạn mới " + e.requested_deadline.ToVietnamese() + ". Lý do: " + e.reason,
             "extension_request/" + std::to_string(e.id), now)
      .status();
}

Status NoticeExtensionDecided(db::Connection& c, const TaskRecord& t, const Extension& e,
                              bool approve, const std::string& note, int64_t now) {
  DH_RETURN_IF_ERROR(ResolveExtensionNotices(c, e, now));
  std::vector<int64_t> people;
  if (e.requested_by) people.push_back(*e.requested_by);
  return notifications::Notify(
             c, people, "extension_decided", t.id,
             (approve ? "Đồng ý gia hạn: " : "Không đồng ý gia hạn: ") + Short(t.title),
             approve ? "Hạn mới " + e.requested_deadline.ToVietnamese() + "." : "Lý do: " + note,
             "extension/" + std::to_string(e.id), now)
      .status();
}

Status NoticeCoordinationRequested(db::Connection& c, const TaskRecord& t,
                                   const CoordinationRequest& r, int64_t now) {
  DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, r.to_unit_id));
  return notifications::Notify(c, people, "coordination", t.id,
                               "Đề nghị phối hợp: " + Short(t.title),
                               "Trả lời trước ngày " + r.due_on.ToVietnamese() + ".",
                               "coordination/" + std::to_string(r.id), now)
      .status();
}

Status NoticeCoordinatorsNamed(db::Connection& c, const TaskRecord& t,
                               const std::vector<int64_t>& units, int64_t now) {
  for (int64_t unit : units) {
    DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, unit));
    DH_RETURN_IF_ERROR(
        notifications::Notify(
            c, people, "coordinating", t.id, "Phối hợp thực hiện: " + Short(t.title),
            "Đơn vị được giao phối hợp thực hiện nhiệm vụ" +
                (t.deadline ? ", hạn " + t.deadline->ToVietnamese() : std::string()) + ".",
            "coordinating/" + std::to_string(t.id) + "/u" + std::to_string(unit), now)
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
                               "Đã trả lời đề nghị phối hợp: " + Short(t.title),
                               "Trả lời: " + Short(r.answer),
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
                               "Chờ xác nhận hoàn thành: " + Short(t.title),
                               "Sản phẩm: " + Short(output_text),
                               "submitted/" + std::to_string(t.id) + "/" + std::to_string(now), now)
      .status();
}

Status NoticeReturned(db::Connection& c, const TaskRecord& t, const std::string& reason,
                      int64_t now) {
  DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, t.lead_unit_id));
  if (t.assignee_id) people.push_back(*t.assignee_id);
  return notifications::Notify(c, people, "returned", t.id, "Trả lại: " + Short(t.title),
                               "Lý do: " + reason,
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
