// Issue 9: withdrawing a task (cancel with a reason, or delete while nobody reported on it)
// and the task's own thread of directions and replies.
#include <algorithm>
#include <boost/json.hpp>

#include "audit/recorder.h"
#include "notifications/notice_text.h"
#include "notifications/outbox.h"
#include "tasks/task_error_messages.h"
#include "tasks/task_messages.h"
#include "tasks/task_notices.h"
#include "tasks/task_service.h"
#include "tasks/task_store.h"
#include "tasks/task_writes.h"

namespace dh::tasks {
namespace {

namespace bj = boost::json;

namespace notice {

inline constexpr MessageText kCancelled{
    "tasks.notice_cancelled",
    "Hủy nhiệm vụ: {title}",
    "Task cancelled: {title}",
};
inline constexpr MessageText kDeleted{
    "tasks.notice_deleted",
    "Xóa nhiệm vụ: {title}",
    "Task deleted: {title}",
};
inline constexpr MessageText kDeletedBody{
    "tasks.notice_deleted_body",
    "Văn phòng đã xóa nhiệm vụ “{full_title}”{deadline} vì giao nhầm hoặc không còn cần thực hiện; "
    "nhiệm vụ không còn trong danh sách, đơn vị không phải báo cáo.",
    "The office deleted the task “{full_title}”{deadline} because it was assigned by mistake or is "
    "no longer needed; it is no longer listed and your unit need not report on it.",
};
inline constexpr MessageText kDirection{
    "tasks.notice_direction",
    "Ý kiến chỉ đạo: {title}",
    "Direction: {title}",
};
inline constexpr MessageText kReply{
    "tasks.notice_reply",
    "Đơn vị trả lời: {title}",
    "Reply from the unit: {title}",
};

const notifications::NoticeTexts kRegistered{&kCancelled, &kDeleted, &kDeletedBody, &kDirection,
                                             &kReply};

}  // namespace notice

// The lead unit and the assignee hear that their task was withdrawn. A deleted task is seen
// by nobody (tasksa): its notice is about no item, so that the bell shows it, and its text
// stands alone — which task it was, its deadline, that it is gone.
Status NoticeWithdrawn(db::Connection& c, const TaskRecord& t, const std::string& why,
                       int64_t now) {
  DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, t.lead_unit_id));
  if (t.assignee_id) people.push_back(*t.assignee_id);
  const bool cancelled = t.state == TaskState::kCancelled;
  const Label deadline = t.deadline ? Label{" (hạn " + t.deadline->ToVietnamese() + ")",
                                            " (due " + t.deadline->ToVietnamese() + ")"}
                                    : Label{};
  const notifications::NoticeText text{cancelled ? &notice::kCancelled : &notice::kDeleted,
                                       !cancelled    ? &notice::kDeletedBody
                                       : why.empty() ? nullptr
                                                     : &notifications::msg::kReason,
                                       {{"title", Short(t.title)},
                                        {"full_title", t.title},
                                        {"deadline", deadline},
                                        {"reason", why}}};
  return notifications::Notify(c, people, cancelled ? "cancelled" : "deleted",
                               cancelled ? std::optional<int64_t>(t.id) : std::nullopt, text,
                               "withdrawn/" + std::to_string(t.id), now)
      .status();
}

// Why a task cannot be deleted, as the office reads it; OK when it can.
Status Undeletable(db::Connection& c, const TaskRecord& t) {
  DH_ASSIGN_OR_RETURN(auto reports, ReportsOf(c, t.id));
  if (!reports.empty() || t.last_report_on || t.progress_percent > 0)
    return Status::Conflict(
        Say(msg::kHasReports, {{"n", static_cast<int64_t>(std::max<size_t>(reports.size(), 1))}}),
        "has_reports");
  DH_ASSIGN_OR_RETURN(auto parts, ChildrenOf(c, t.id));
  if (!parts.empty())
    return Status::Conflict(Say(msg::kHasParts, {{"n", static_cast<int64_t>(parts.size())}}),
                            "has_parts");
  return Status::Ok();
}

}  // namespace

Result<TaskView> TaskService::Cancel(const auth::Principal& who, int64_t id,
                                     const std::string& reason) {
  if (reason.empty()) return Status::InvalidInput("reason", Say(msg::kEnterReasonCancellingTask));
  std::vector<int64_t> touched{id};
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(TaskRecord top, ForWrite(c, who, id, true));
    DH_ASSIGN_OR_RETURN(auto parts, ChildrenOf(c, id));
    std::vector<TaskRecord> all{top};
    for (auto& p : parts)
      if (Transition(p.state, TaskEvent::kCancel).ok()) all.push_back(std::move(p));
    const int64_t now = clock_.NowSeconds();
    for (const TaskRecord& before : all) {
      TaskRecord t = before;
      DH_ASSIGN_OR_RETURN(t.state, Transition(t.state, TaskEvent::kCancel));
      t.updated_at = now;
      DH_RETURN_IF_ERROR(UpdateTask(c, t));
      DH_RETURN_IF_ERROR(InsertEvent(c, {0, t.id, "cancelled", clock_.Today(), reason, std::nullopt,
                                         std::nullopt, who.user_id, now}));
      DH_RETURN_IF_ERROR(ClosePendingExtensions(c, who, t, "Nhiệm vụ đã bị hủy.", now));
      DH_RETURN_IF_ERROR(Record(c, &who, "task.cancel", before, t, now));
      DH_RETURN_IF_ERROR(NoticeWithdrawn(c, t, reason, now));
      if (t.id != id) touched.push_back(t.id);
    }
    return Status::Ok();
  }));
  DH_RETURN_IF_ERROR(Refresh(touched));
  return Load(who, id);
}

Status TaskService::Delete(const auth::Principal& who, int64_t id) {
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(Step s,
                        BeginStep(c, who, id, {Actor::kOffice, TaskEvent::kDelete, Undeletable}));
    DH_RETURN_IF_ERROR(UpdateTask(c, s.t));
    DH_RETURN_IF_ERROR(InsertEvent(
        c, {0, id, "deleted", clock_.Today(), "", std::nullopt, std::nullopt, who.user_id, s.now}));
    DH_RETURN_IF_ERROR(ClosePendingExtensions(c, who, s.t, "Nhiệm vụ đã bị xóa.", s.now));
    DH_RETURN_IF_ERROR(Record(c, &who, "task.delete", s.before, s.t, s.now));
    return NoticeWithdrawn(c, s.t, "", s.now);
  }));
  return Refresh({id});
}

Result<std::vector<TaskComment>> TaskService::Comments(const auth::Principal& who,
                                                       int64_t id) const {
  std::vector<TaskComment> out;
  const Access a = AccessOf(who);
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto t, FindTask(c, id));
    if (!t || !CanSeeTask(a, who, *t)) return TaskNotFound();
    DH_ASSIGN_OR_RETURN(out, CommentsOf(c, id));
    return Status::Ok();
  }));
  return out;
}

namespace {

// A direction goes to the lead unit and the assignee; a reply to the office of the lead unit
// and whoever gave directions on the thread. Never to its own author.
Status NoticeComment(db::Connection& c, const units::UnitGraph& g, const TaskRecord& t,
                     const TaskComment& m, int64_t now) {
  std::vector<int64_t> people;
  if (m.kind == "direction") {
    DH_ASSIGN_OR_RETURN(people, notifications::UsersOfUnit(c, t.lead_unit_id));
    if (t.assignee_id) people.push_back(*t.assignee_id);
  } else {
    DH_ASSIGN_OR_RETURN(people, Deciders(c, g, t.lead_unit_id));
    DH_ASSIGN_OR_RETURN(auto leaders, DirectionAuthors(c, t.id));
    people.insert(people.end(), leaders.begin(), leaders.end());
  }
  std::sort(people.begin(), people.end());
  people.erase(std::unique(people.begin(), people.end()), people.end());
  std::erase(people, m.author_id);
  const bool direction = m.kind == "direction";
  return notifications::Notify(c, people, direction ? "comment_direction" : "comment_reply", t.id,
                               {direction ? &notice::kDirection : &notice::kReply,
                                &notifications::msg::kText,
                                {{"title", Short(t.title)}, {"text", Short(m.body)}}},
                               "comment/" + std::to_string(m.id), now)
      .status();
}

}  // namespace

Result<TaskComment> TaskService::AddComment(const auth::Principal& who, int64_t id,
                                            const std::string& body) {
  if (body.empty()) return Status::InvalidInput("body", Say(msg::kEnterComment));
  TaskComment m;
  const Access a = AccessOf(who);
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto t, FindTask(c, id));
    if (!t || !CanSeeTask(a, who, *t)) return TaskNotFound();
    if (!MayComment(a, who, *t))
      return Status::Forbidden(
          Say(IsWithdrawn(t->state) ? msg::kCancelledNoComment : msg::kReadOnlyNoComment));
    const int64_t now = clock_.NowSeconds();
    m = {0,  id, CanHoldTask(a, who, *t) ? "reply" : "direction", body, who.user_id, who.full_name,
         now};
    DH_ASSIGN_OR_RETURN(m.id, InsertComment(c, m));
    DH_RETURN_IF_ERROR(
        audit::Record(c, &who,
                      {"task.comment", "task", id, t->lead_unit_id, nullptr,
                       bj::object{{"comment_id", m.id}, {"kind", m.kind}, {"body", m.body}}},
                      now));
    return NoticeComment(c, *units_.Get(), *t, m, now);
  }));
  return m;
}

}  // namespace dh::tasks
