#include "tasks/task_index.h"

#include <algorithm>
#include <limits>
#include <mutex>

#include "core/text.h"
#include "tasks/task_store.h"

namespace dh::tasks {
namespace {

constexpr int32_t kNone = std::numeric_limits<int32_t>::max();

int32_t Day(const std::optional<Date>& d) { return d ? d->days() : kNone; }

// The day in Vietnam (UTC+7) of an epoch-seconds instant.
int32_t LocalDay(int64_t epoch_seconds) {
  const int64_t local = epoch_seconds + 7 * 3600;
  return static_cast<int32_t>(local >= 0 ? local / 86400 : (local - 86399) / 86400);
}

bool Visible(const std::vector<bool>* units, int64_t unit) {
  return !units || (unit >= 0 && static_cast<size_t>(unit) < units->size() && (*units)[unit]);
}

}  // namespace

void BoardCounts::Add(Timeliness t) {
  ++total;
  switch (t) {
    case Timeliness::kDoneOnTime: ++done_on_time; break;
    case Timeliness::kDoneLate: ++done_late; break;
    case Timeliness::kInTime: ++in_time; break;
    case Timeliness::kDueSoon: ++due_soon; break;
    case Timeliness::kOverdue: ++overdue; break;
    case Timeliness::kNoDeadline: ++no_deadline; break;
  }
}

TimelinessClock MakeTimelinessClock(Date today, const calendar::WorkCalendar& cal, int due_soon_days) {
  // Due soon: at most `due_soon_days` working days in (today, effective deadline], as
  // TimelinessOf counts them: the limit is the day before the (N+1)-th working day after
  // today. Counting from today rolled to a working day would put one more day in the
  // window on weekends and holidays.
  return {today, cal.AddWorkingDays(today.AddDays(1), due_soon_days).AddDays(-1)};
}

Status TaskIndex::Load(db::Database& db, const calendar::WorkCalendar& cal) {
  std::unique_lock lock(mu_);
  id_.clear(), lead_.clear(), directive_.clear(), group_.clear(), parent_.clear(), assignee_.clear();
  deadline_.clear(), effective_.clear(), finished_.clear(), state_.clear(), key_.clear(), title_.clear();
  activity_.clear();
  coordinators_.clear(), row_of_.clear();
  DH_RETURN_IF_ERROR(db::Read(db, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(ForEachTask(c, [&](TaskRecord&& t) { Put(t, cal); }));
    DH_ASSIGN_OR_RETURN(coordinations_, AllCoordinations(c));
    return Status::Ok();
  }));
  return Status::Ok();
}

void TaskIndex::Put(const TaskRecord& t, const calendar::WorkCalendar& cal) {
  auto [it, inserted] = row_of_.emplace(t.id, id_.size());
  const size_t i = it->second;
  if (inserted) {
    id_.push_back(t.id), lead_.push_back(0), directive_.push_back(0), group_.push_back(0);
    parent_.push_back(0), assignee_.push_back(0), deadline_.push_back(kNone), effective_.push_back(kNone);
    finished_.push_back(kNone), state_.push_back(t.state), key_.push_back(0), title_.emplace_back();
    activity_.push_back(kNone);
  }
  lead_[i] = t.lead_unit_id;
  directive_[i] = t.directive_id.value_or(0);
  group_[i] = t.group_id.value_or(0);
  parent_[i] = t.parent_task_id.value_or(0);
  assignee_[i] = t.assignee_id.value_or(0);
  deadline_[i] = Day(t.deadline);
  effective_[i] = t.deadline ? EffectiveDeadline(*t.deadline, cal).days() : kNone;
  finished_[i] = Day(t.finished_on);
  state_[i] = t.state;
  key_[i] = t.is_key;
  title_[i] = text::FoldForSearch(t.title);
  activity_[i] = t.last_report_on ? t.last_report_on->days() : LocalDay(t.created_at);
  if (t.coordinator_ids.empty()) {
    coordinators_.erase(i);
  } else {
    coordinators_[i] = t.coordinator_ids;
  }
}

Status TaskIndex::Refresh(db::Database& db, const std::vector<int64_t>& ids, const calendar::WorkCalendar& cal) {
  std::vector<TaskRecord> rows;
  DH_RETURN_IF_ERROR(db::Read(db, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(rows, FindTasks(c, ids));
    return Status::Ok();
  }));
  std::unique_lock lock(mu_);
  for (const auto& t : rows) Put(t, cal);
  return Status::Ok();
}

Status TaskIndex::RefreshCoordinations(db::Database& db) {
  std::vector<CoordinationRequest> all;
  DH_RETURN_IF_ERROR(db::Read(db, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(all, AllCoordinations(c));
    return Status::Ok();
  }));
  std::unique_lock lock(mu_);
  coordinations_ = std::move(all);
  return Status::Ok();
}

void TaskIndex::Recalendar(const calendar::WorkCalendar& cal) {
  std::unique_lock lock(mu_);
  for (size_t i = 0; i < id_.size(); ++i)
    effective_[i] = deadline_[i] == kNone ? kNone : EffectiveDeadline(Date::FromDays(deadline_[i]), cal).days();
}

Timeliness TaskIndex::TimelinessAt(size_t i, const TimelinessClock& clock) const {
  const TaskState s = state_[i];
  if (s == TaskState::kSuspended) return Timeliness::kNoDeadline;
  const int32_t due = effective_[i];
  if ((s == TaskState::kDone || s == TaskState::kAwaitingConfirmation) && finished_[i] != kNone)
    return due == kNone || finished_[i] <= due ? Timeliness::kDoneOnTime : Timeliness::kDoneLate;
  if (due == kNone) return Timeliness::kNoDeadline;
  if (due < clock.today.days()) return Timeliness::kOverdue;
  if (due <= clock.soon_limit.days()) return Timeliness::kDueSoon;
  return Timeliness::kInTime;
}

bool TaskIndex::Matches(size_t i, const TaskFilter& f, const TimelinessClock& clock) const {
  if (f.top_level_only && parent_[i] != 0) return false;
  if (f.directive_id && directive_[i] != *f.directive_id) return false;
  if (f.group_id && group_[i] != *f.group_id) return false;
  if (f.parent_id && parent_[i] != *f.parent_id) return false;
  if (f.assignee_id && assignee_[i] != *f.assignee_id) return false;
  if (f.state && state_[i] != *f.state) return false;
  if (f.is_key && static_cast<bool>(key_[i]) != *f.is_key) return false;
  if (f.due_before && (deadline_[i] == kNone || deadline_[i] > f.due_before->days())) return false;
  const auto co = coordinators_.find(i);
  if (f.unit_id && lead_[i] != *f.unit_id) {
    if (co == coordinators_.end() ||
        std::find(co->second.begin(), co->second.end(), *f.unit_id) == co->second.end())
      return false;
  }
  if (f.visible_units && !Visible(f.visible_units, lead_[i]) &&
      !(f.viewer_id && assignee_[i] == *f.viewer_id)) {
    bool any = false;
    if (co != coordinators_.end())
      for (int64_t u : co->second) any |= Visible(f.visible_units, u);
    if (!any) return false;
  }
  if (f.timeliness && TimelinessAt(i, clock) != *f.timeliness) return false;
  if (!f.q.empty() && title_[i].find(f.q) == std::string::npos) return false;
  return true;
}

std::vector<int64_t> TaskIndex::Find(const TaskFilter& f, const TimelinessClock& clock, int64_t limit,
                                     int64_t offset, int64_t* total) const {
  std::shared_lock lock(mu_);
  std::vector<size_t> rows;
  for (size_t i = 0; i < id_.size(); ++i)
    if (Matches(i, f, clock)) rows.push_back(i);
  *total = static_cast<int64_t>(rows.size());
  const size_t end = std::min(rows.size(), static_cast<size_t>(offset + limit));
  auto by_deadline = [&](size_t a, size_t b) {
    return effective_[a] != effective_[b] ? effective_[a] < effective_[b] : id_[a] < id_[b];
  };
  std::vector<int64_t> out;
  if (static_cast<size_t>(offset) >= rows.size()) return out;
  std::partial_sort(rows.begin(), rows.begin() + end, rows.end(), by_deadline);
  for (size_t k = offset; k < end; ++k) out.push_back(id_[rows[k]]);
  return out;
}

std::unordered_map<int64_t, BoardCounts> TaskIndex::Board(const std::string& by, const TaskFilter& f,
                                                          const TimelinessClock& clock) const {
  std::shared_lock lock(mu_);
  const std::vector<int64_t>& key = by == "directive" ? directive_ : by == "group" ? group_ : lead_;
  std::unordered_map<int64_t, BoardCounts> out;
  const bool plain = !f.unit_id && !f.assignee_id && !f.directive_id && !f.group_id && !f.parent_id &&
                     !f.timeliness && !f.state && !f.due_before && !f.is_key && f.q.empty() &&
                     !f.visible_units;
  for (size_t i = 0; i < id_.size(); ++i) {
    if (f.top_level_only && parent_[i] != 0) continue;
    if (!plain && !Matches(i, f, clock)) continue;
    out[key[i]].Add(TimelinessAt(i, clock));
  }
  return out;
}

std::unordered_map<int64_t, CoordinationCounts> TaskIndex::CoordinationBoard(
    const std::vector<bool>* visible_units, Date today, const calendar::WorkCalendar& cal) const {
  std::shared_lock lock(mu_);
  std::unordered_map<int64_t, CoordinationCounts> out;
  for (const auto& r : coordinations_) {
    if (!Visible(visible_units, r.to_unit_id)) continue;
    auto& c = out[r.to_unit_id];
    ++c.received;
    switch (AnswerStatusOf(r, today, cal)) {
      case AnswerStatus::kAnsweredOnTime: ++c.answered_on_time; break;
      case AnswerStatus::kAnsweredLate: ++c.answered_late; break;
      case AnswerStatus::kOverdue: ++c.overdue; break;
      case AnswerStatus::kPending: ++c.pending; break;
    }
  }
  return out;
}

std::vector<OpenTaskRow> TaskIndex::OpenTasks() const {
  std::shared_lock lock(mu_);
  std::vector<OpenTaskRow> out;
  for (size_t i = 0; i < id_.size(); ++i) {
    if (!IsOpen(state_[i])) continue;
    OpenTaskRow r{id_[i], lead_[i], parent_[i], assignee_[i], state_[i], std::nullopt,
                  Date::FromDays(activity_[i])};
    if (effective_[i] != kNone) r.deadline = Date::FromDays(effective_[i]);
    out.push_back(r);
  }
  return out;
}

Result<std::vector<PendingExtension>> PendingExtensions(db::Connection& c) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query("SELECT id, task_id, requested_deadline FROM task_extensions "
                                          "WHERE status = 'pending' ORDER BY id"));
  std::vector<PendingExtension> out;
  for (size_t i = 0; i < r.size(); ++i)
    if (auto d = Date::Parse(r.Text(i, 2))) out.push_back({r.Int(i, 0), r.Int(i, 1), *d});
  return out;
}

size_t TaskIndex::size() const {
  std::shared_lock lock(mu_);
  return id_.size();
}

size_t TaskIndex::MemoryBytes() const {
  std::shared_lock lock(mu_);
  size_t n = id_.capacity() * 8 * 6 + deadline_.capacity() * 4 * 4 + state_.capacity() + key_.capacity();
  for (const auto& t : title_) n += sizeof(std::string) + (t.capacity() > 15 ? t.capacity() : 0);
  n += row_of_.size() * 32 + coordinators_.size() * 48;
  return n;
}

}  // namespace dh::tasks
