// The tasks read model (TaskIndex) kept current: loaded whole at start, parts re-read after
// each commit, and caught up through the change feed with what other processes commit
// (DESIGN §3).
#include <algorithm>

#include "tasks/task_service.h"
#include "tasks/task_store.h"

namespace dh::tasks {

TaskService::TaskService(db::Database& db, const Clock& clock, const units::UnitDirectory& units,
                         calendar::CalendarService& calendar, TaskIndex& index,
                         TaskSettings settings, readmodel::ChangeFeed* feed)
    : db_(db),
      clock_(clock),
      units_(units),
      calendar_(calendar),
      index_(index),
      settings_(settings) {
  calendar_.OnChange([this](const calendar::WorkCalendar& c) { index_.Recalendar(c); });
  if (!feed) own_feed_ = std::make_unique<readmodel::ChangeFeed>(db_);
  feed_ = feed ? feed : own_feed_.get();
  // Swaps move effective deadlines; a restructuring moves coordinating roles and requests
  // that no task entry names.
  feed_->Register({"tasks",
                   {"task", "calendar", "unit"},
                   [this] { return LoadModel(); },
                   [this](const std::vector<readmodel::Change>& c) { return ApplyChanges(c); }});
}

Status TaskService::Refresh(const std::vector<int64_t>& ids) {
  return index_.Refresh(db_, ids, *calendar_.Get());
}

Status TaskService::LoadReadModel() { return feed_->Load(); }

Status TaskService::CatchUp() { return feed_->CatchUp().status(); }

Status TaskService::LoadModel() {
  DH_RETURN_IF_ERROR(calendar_.Load());
  return index_.Load(db_, *calendar_.Get());
}

Status TaskService::ApplyChanges(const std::vector<readmodel::Change>& changes) {
  std::vector<int64_t> ids;
  bool coordination = false, everything = false;
  for (const readmodel::Change& c : changes) {
    if (c.entity == "task" && c.entity_id) ids.push_back(*c.entity_id);
    coordination |= c.action.rfind("task.coordination", 0) == 0;
    everything |= c.entity == "calendar" || c.action == "unit.restructure";
  }
  if (everything) return LoadModel();
  if (coordination) DH_RETURN_IF_ERROR(index_.RefreshCoordinations(db_));
  if (ids.empty()) return Status::Ok();
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
  return Refresh(ids);
}

}  // namespace dh::tasks
