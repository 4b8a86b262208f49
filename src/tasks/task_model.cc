// The tasks read model (TaskIndex) kept current: loaded whole at start, parts re-read after
// each commit, and caught up with what other processes commit (DESIGN §3).
#include <algorithm>

#include "tasks/task_service.h"
#include "tasks/task_store.h"

namespace dh::tasks {

Status TaskService::Refresh(const std::vector<int64_t>& ids) {
  return index_.Refresh(db_, ids, *calendar_.Get());
}

// ---- The read model across processes ----------------------------------------------------

namespace {

Result<int64_t> AuditHead(db::Database& db) {
  int64_t head = 0;
  DH_RETURN_IF_ERROR(db::Read(db, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(db::Rows r, c.Query("SELECT COALESCE(MAX(seq), 0) FROM audit_log"));
    head = r.Int(0, 0);
    return Status::Ok();
  }));
  return head;
}

}  // namespace

Status TaskService::LoadReadModel() {
  std::lock_guard lock(catch_up_mu_);
  // The head first: a change committed during the load is read again, never missed.
  DH_ASSIGN_OR_RETURN(const int64_t head, AuditHead(db_));
  DH_RETURN_IF_ERROR(LoadCalendar());
  DH_RETURN_IF_ERROR(index_.Load(db_, *calendar_.Get()));
  seen_seq_ = head;
  return Status::Ok();
}

Status TaskService::CatchUp() {
  std::lock_guard lock(catch_up_mu_);
  std::vector<int64_t> ids;
  bool coordination = false, everything = false;
  int64_t last = seen_seq_;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(
        db::Rows r, c.Query("SELECT seq, entity, entity_id, action FROM audit_log WHERE seq > ? "
                            "AND entity IN ('task', 'calendar', 'unit') ORDER BY seq LIMIT 20000",
                            {seen_seq_}));
    for (size_t i = 0; i < r.size(); ++i) {
      last = r.Int(i, 0);
      const std::string entity = r.Text(i, 1), action = r.Text(i, 3);
      if (entity == "task" && !r.IsNull(i, 2)) ids.push_back(r.Int(i, 2));
      coordination |= action.rfind("task.coordination", 0) == 0;
      // Swaps move effective deadlines; a restructuring moves coordinating roles and
      // requests that no task entry names.
      everything |= entity == "calendar" || action == "unit.restructure";
    }
    // Fewer rows than asked: the head may have moved meanwhile, but everything up to the
    // last row read is in; more: the next call goes on from there.
    return Status::Ok();
  }));
  if (everything) {
    DH_RETURN_IF_ERROR(LoadCalendar());
    DH_RETURN_IF_ERROR(index_.Load(db_, *calendar_.Get()));
  } else {
    if (coordination) DH_RETURN_IF_ERROR(index_.RefreshCoordinations(db_));
    if (!ids.empty()) {
      // A delegation starts its parent without an entry of the parent's own.
      std::vector<TaskRecord> rows;
      DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
        DH_ASSIGN_OR_RETURN(rows, FindTasks(c, ids));
        return Status::Ok();
      }));
      for (const auto& t : rows)
        if (t.parent_task_id) ids.push_back(*t.parent_task_id);
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      DH_RETURN_IF_ERROR(Refresh(ids));
    }
  }
  seen_seq_ = last;
  return Status::Ok();
}

}  // namespace dh::tasks
