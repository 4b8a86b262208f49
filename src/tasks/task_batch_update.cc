// Issue 9 (tasksa): re-importing an exported Excel with "update the existing task": each row
// that matches a task of the directive writes the fields that changed to that task, audited,
// inside the import's transaction. A changed deadline is recorded as an extension the office
// approved (with the file named as the reason), so that the as-of boards rebuild the deadline
// each day had. Progress stays the unit's to report: a re-import does not change it.
#include <algorithm>

#include "core/message.h"
#include "core/text.h"
#include "tasks/task_checks.h"
#include "tasks/task_messages.h"
#include "tasks/task_notices.h"
#include "tasks/task_service.h"
#include "tasks/task_store.h"
#include "tasks/task_writes.h"

namespace dh::tasks {
namespace {

// The row's fields applied to `t`; the coordinators newly named go to `added`.
Status ApplyRow(const TaskInput& in, TaskRecord& t, std::vector<int64_t>& added) {
  if (in.title) t.title = text::Trim(*in.title);
  if (in.description) t.description = *in.description;
  if (in.start_on) t.start_on = in.start_on;
  if (in.coordinator_ids) {
    for (int64_t u : *in.coordinator_ids)
      if (std::find(t.coordinator_ids.begin(), t.coordinator_ids.end(), u) ==
          t.coordinator_ids.end())
        added.push_back(u);
    if (std::find(in.coordinator_ids->begin(), in.coordinator_ids->end(), t.lead_unit_id) !=
        in.coordinator_ids->end())
      return Status::InvalidInput("coordinator_ids", Say(msg::kLeadUnitAlsoCoordinatingUnit));
    t.coordinator_ids = *in.coordinator_ids;
  }
  if (in.deadline) t.deadline = in.deadline;
  if (t.start_on) return CheckStartDate(*t.start_on, t.deadline);
  return Status::Ok();
}

bool Changed(const TaskRecord& a, const TaskRecord& b) {
  std::vector<int64_t> ca = a.coordinator_ids, cb = b.coordinator_ids;
  std::sort(ca.begin(), ca.end());
  std::sort(cb.begin(), cb.end());
  return a.title != b.title || a.description != b.description || a.start_on != b.start_on ||
         a.deadline != b.deadline || ca != cb;
}

// A deadline moved by the file, kept where the as-of reader looks for deadlines.
Status RecordDeadlineChange(db::Connection& c, const auth::Principal& who, const TaskRecord& before,
                            const TaskRecord& after, const std::string& source, int64_t now) {
  Extension e;
  e.task_id = after.id;
  e.previous_deadline = before.deadline;
  e.requested_deadline = *after.deadline;
  e.reason = "Văn phòng cập nhật thời hạn khi nhập lại tệp " + source + ".";
  e.status = ExtensionStatus::kApproved;
  e.requested_by = e.decided_by = who.user_id;
  e.requested_at = now;
  e.decided_at = now;
  e.decision_note = e.reason;
  return InsertExtension(c, e).status();
}

}  // namespace

Status TaskService::WriteBatchUpdates(db::Connection& c, const auth::Principal& who,
                                      const Access& access, const TaskBatch& batch,
                                      std::vector<BatchError>* errors, int64_t& updated) {
  const int64_t now = clock_.NowSeconds();
  for (const TaskBatch::Update& u : batch.updates) {
    DH_ASSIGN_OR_RETURN(auto found, FindTask(c, u.task_id));
    if (!found || found->directive_id != batch.directive_id || !MayManageTask(access, *found)) {
      errors->push_back({u.item.row, "title", "Không tìm thấy nhiệm vụ trùng để cập nhật."});
      continue;
    }
    if (IsWithdrawn(found->state)) {
      errors->push_back({u.item.row, "title", "Nhiệm vụ đã bị hủy, không cập nhật được."});
      continue;
    }
    TaskRecord t = *found;
    std::vector<int64_t> added;
    if (Status s = ApplyRow(u.item.input, t, added); !s.ok()) {
      errors->push_back({u.item.row, s.field(), s.message()});
      continue;
    }
    if (!Changed(*found, t)) continue;
    if (Status s = CheckTaskUnits(c, clock_.Today(), std::nullopt, added); !s.ok()) {
      if (s.code() != StatusCode::kInvalidInput) return s;  // the database failed
      errors->push_back({u.item.row, s.field(), s.message()});
      continue;
    }
    if (t.deadline != found->deadline && t.deadline)
      DH_RETURN_IF_ERROR(RecordDeadlineChange(c, who, *found, t, batch.source_name, now));
    t.updated_at = now;
    DH_RETURN_IF_ERROR(UpdateTask(c, t));
    DH_RETURN_IF_ERROR(Record(c, &who, "task.update", *found, t, now));
    DH_RETURN_IF_ERROR(NoticeCoordinatorsNamed(c, t, added, now));
    ++updated;
  }
  return Status::Ok();
}

}  // namespace dh::tasks
