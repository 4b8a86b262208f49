#include "tasks/task_index.h"

#include <algorithm>
#include <array>
#include <future>
#include <limits>
#include <mutex>

#include "core/text.h"
#include "tasks/task_access.h"
#include "tasks/task_store.h"

namespace dh::tasks {
namespace {

constexpr int32_t kNone = std::numeric_limits<int32_t>::max();

int32_t Day(const std::optional<Date>& d) { return d ? d->days() : kNone; }

// fixed_: a Timeliness, or this when the task is open with a deadline.
constexpr uint8_t kOpen = 0xff;

// The part of TimelinessAt that does not depend on the day.
uint8_t FixedTimeliness(TaskState s, int32_t due, int32_t finished) {
  auto t = [](Timeliness x) { return static_cast<uint8_t>(x); };
  if (s == TaskState::kSuspended) return t(Timeliness::kNoDeadline);
  if ((s == TaskState::kDone || s == TaskState::kAwaitingConfirmation) && finished != kNone)
    return due == kNone || finished <= due ? t(Timeliness::kDoneOnTime) : t(Timeliness::kDoneLate);
  if (due == kNone) return t(Timeliness::kNoDeadline);
  return kOpen;
}

// The timeliness on `today` of a task with this effective deadline and fixed_ value.
// Without branches on the task (states come in any order), so that loops vectorize.
inline uint8_t TimelinessOn(int32_t due, uint8_t fixed, int32_t today, int32_t soon_limit) {
  const uint8_t open = due < today         ? static_cast<uint8_t>(Timeliness::kOverdue)
                       : due <= soon_limit ? static_cast<uint8_t>(Timeliness::kDueSoon)
                                           : static_cast<uint8_t>(Timeliness::kInTime);
  return fixed == kOpen ? open : fixed;
}

// The day in Vietnam (UTC+7) of an epoch-seconds instant.
int32_t LocalDay(int64_t epoch_seconds) { return VietnamDateOf(epoch_seconds).days(); }

bool Visible(const std::vector<bool>* units, int64_t unit) {
  return !units || (unit >= 0 && static_cast<size_t>(unit) < units->size() && (*units)[unit]);
}

}  // namespace

void BoardCounts::Add(Timeliness t) {
  ++total;
  switch (t) {
    case Timeliness::kDoneOnTime:
      ++done_on_time;
      break;
    case Timeliness::kDoneLate:
      ++done_late;
      break;
    case Timeliness::kInTime:
      ++in_time;
      break;
    case Timeliness::kDueSoon:
      ++due_soon;
      break;
    case Timeliness::kOverdue:
      ++overdue;
      break;
    case Timeliness::kNoDeadline:
      ++no_deadline;
      break;
  }
}

TimelinessClock MakeTimelinessClock(Date today, const calendar::WorkCalendar& cal,
                                    int due_soon_days) {
  const calendar::DueWindow w = calendar::DueWindowOn(today, cal, due_soon_days);
  return {w.today, w.soon_limit};
}

Status TaskIndex::Load(db::Database& db, const calendar::WorkCalendar& cal) {
  std::unique_lock lock(mu_);
  id_.clear(), lead_.clear(), directive_.clear(), group_.clear(), parent_.clear(),
      assignee_.clear();
  deadline_.clear(), effective_.clear(), finished_.clear(), state_.clear(), key_.clear(),
      pending_.clear(), title_.clear();
  fixed_.clear(), co_begin_.clear(), co_count_.clear(), co_units_.clear(), co_live_ = 0;
  activity_.clear();
  row_of_.clear();
  // Folding titles for search (ICU) costs about as much as reading the rows: batches of
  // titles are folded on other threads while the next rows are read.
  using Titles = std::vector<std::pair<size_t, std::string>>;  // row, title
  constexpr size_t kFoldBatch = 50000;
  Titles titles;
  std::vector<std::future<Titles>> folding;
  auto fold = [](Titles batch) {
    for (auto& [row, title] : batch) title = text::FoldForSearch(title);
    return batch;
  };
  auto collect = [&](std::future<Titles>& f) {
    for (auto& [row, title] : f.get()) title_[row] = std::move(title);
  };
  Status read = db::Read(db, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(ForEachTask(c, [&](TaskRecord&& t) {
      titles.emplace_back(Put(t, cal, /*fold_title=*/false), std::move(t.title));
      if (titles.size() < kFoldBatch) return;
      folding.push_back(
          std::async(std::launch::async | std::launch::deferred, fold, std::move(titles)));
      titles = {};
      // At most two batches in flight: memory stays bounded if folding falls behind.
      if (folding.size() >= 3) collect(folding[folding.size() - 3]);
    }));
    DH_ASSIGN_OR_RETURN(coordinations_, AllCoordinations(c));
    return Status::Ok();
  });
  for (auto& f : folding)
    if (f.valid()) collect(f);
  for (auto& [row, title] : fold(std::move(titles))) title_[row] = std::move(title);
  return read;
}

size_t TaskIndex::Put(const TaskRecord& t, const calendar::WorkCalendar& cal, bool fold_title) {
  auto [it, inserted] = row_of_.emplace(t.id, id_.size());
  const size_t i = it->second;
  if (inserted) {
    id_.push_back(t.id), lead_.push_back(0), directive_.push_back(0), group_.push_back(0);
    parent_.push_back(0), assignee_.push_back(0), deadline_.push_back(kNone),
        effective_.push_back(kNone);
    finished_.push_back(kNone), state_.push_back(t.state), key_.push_back(0), pending_.push_back(0),
        title_.emplace_back();
    fixed_.push_back(kOpen), co_begin_.push_back(0), co_count_.push_back(0);
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
  pending_[i] = t.extension_pending;
  fixed_[i] = FixedTimeliness(state_[i], effective_[i], finished_[i]);
  if (fold_title) title_[i] = text::FoldForSearch(t.title);
  activity_[i] = t.last_report_on ? t.last_report_on->days() : LocalDay(t.created_at);
  PutCoordinators(i, t.coordinator_ids);
  return i;
}

void TaskIndex::PutCoordinators(size_t i, const std::vector<int64_t>& units) {
  co_live_ = co_live_ - co_count_[i] + units.size();
  if (units.size() > co_count_[i]) {               // does not fit where the old list was
    if (co_units_.size() > 2 * co_live_ + 4096) {  // mostly stale: compact first
      std::vector<int64_t> live;
      live.reserve(co_live_);
      for (size_t r = 0; r < co_begin_.size(); ++r) {
        const uint32_t from = co_begin_[r];
        co_begin_[r] = static_cast<uint32_t>(live.size());
        const auto first = co_units_.begin() + from;
        if (r != i) live.insert(live.end(), first, first + co_count_[r]);
      }
      co_count_[i] = 0;
      co_units_ = std::move(live);
    }
    co_begin_[i] = static_cast<uint32_t>(co_units_.size());
    co_units_.insert(co_units_.end(), units.begin(), units.end());
  } else {
    std::copy(units.begin(), units.end(), co_units_.begin() + co_begin_[i]);
  }
  co_count_[i] = static_cast<uint32_t>(units.size());
}

Status TaskIndex::Refresh(db::Database& db, const std::vector<int64_t>& ids,
                          const calendar::WorkCalendar& cal) {
  std::lock_guard order(refresh_mu_);
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
  std::lock_guard order(refresh_mu_);
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
  for (size_t i = 0; i < id_.size(); ++i) {
    effective_[i] =
        deadline_[i] == kNone ? kNone : EffectiveDeadline(Date::FromDays(deadline_[i]), cal).days();
    fixed_[i] = FixedTimeliness(state_[i], effective_[i], finished_[i]);
  }
}

Timeliness TaskIndex::TimelinessAt(size_t i, const TimelinessClock& clock) const {
  return static_cast<Timeliness>(
      TimelinessOn(effective_[i], fixed_[i], clock.today.days(), clock.soon_limit.days()));
}

bool TaskIndex::Matches(size_t i, const TaskFilter& f, const TimelinessClock& clock) const {
  if (f.top_level_only && parent_[i] != 0) return false;
  if (f.directive_id && directive_[i] != *f.directive_id) return false;
  if (f.group_id && group_[i] != *f.group_id) return false;
  if (f.parent_id && parent_[i] != *f.parent_id) return false;
  if (f.assignee_id && assignee_[i] != *f.assignee_id) return false;
  if (f.state && state_[i] != *f.state) return false;
  if (f.is_key && static_cast<bool>(key_[i]) != *f.is_key) return false;
  if (f.extension_pending && static_cast<bool>(pending_[i]) != *f.extension_pending) return false;
  if (f.due_before && (deadline_[i] == kNone || deadline_[i] > f.due_before->days())) return false;
  const int64_t* co = co_units_.data() + co_begin_[i];
  const int64_t* co_end = co + co_count_[i];
  if (f.unit_id && lead_[i] != *f.unit_id && std::find(co, co_end, *f.unit_id) == co_end)
    return false;
  if (f.lead_unit_id && lead_[i] != *f.lead_unit_id) return false;
  if (f.visible_units) {
    const auto in_scope = [&f](int64_t unit) { return Visible(f.visible_units, unit); };
    if (!SeesTask(in_scope, f.viewer_id.value_or(0), lead_[i], assignee_[i], co, co_end))
      return false;
  }
  if (f.timeliness && TimelinessAt(i, clock) != *f.timeliness) return false;
  if (!f.q.empty() && title_[i].find(f.q) == std::string::npos) return false;
  return true;
}

std::vector<int64_t> TaskIndex::Find(const TaskFilter& f, const TimelinessClock& clock,
                                     int64_t limit, int64_t offset, int64_t* total) const {
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

bool TaskIndex::Any(const TaskFilter& f) const {
  std::shared_lock lock(mu_);
  const TimelinessClock clock{};
  for (size_t i = 0; i < id_.size(); ++i)
    if (Matches(i, f, clock)) return true;
  return false;
}

std::unordered_set<int64_t> TaskIndex::Matching(const std::vector<int64_t>& ids,
                                                const TaskFilter& f) const {
  std::shared_lock lock(mu_);
  const TimelinessClock clock{};
  std::unordered_set<int64_t> out;
  for (int64_t id : ids)
    if (auto it = row_of_.find(id); it != row_of_.end() && Matches(it->second, f, clock))
      out.insert(id);
  return out;
}

std::unordered_set<int64_t> TaskIndex::DirectivesOf(const TaskFilter& f) const {
  std::shared_lock lock(mu_);
  const TimelinessClock clock{};
  std::unordered_set<int64_t> out;
  for (size_t i = 0; i < id_.size(); ++i)
    if (directive_[i] != 0 && !out.count(directive_[i]) && Matches(i, f, clock))
      out.insert(directive_[i]);
  return out;
}

std::unordered_map<int64_t, BoardCounts> TaskIndex::Board(const std::string& by,
                                                          const TaskFilter& f,
                                                          const TimelinessClock& clock) const {
  std::shared_lock lock(mu_);
  const std::vector<int64_t>& key = by == "directive" ? directive_ : by == "group" ? group_ : lead_;
  const bool plain = !f.unit_id && !f.lead_unit_id && !f.assignee_id && !f.directive_id &&
                     !f.group_id && !f.parent_id && !f.timeliness && !f.state && !f.due_before &&
                     !f.is_key && !f.extension_pending && f.q.empty() && !f.visible_units;
  // Counts by key and timeliness in a flat array indexed by the key: keys are ids, small and
  // dense (10 000 units), so a national board hashes nothing per task. A key beyond the
  // array's reach (negative, or far above the number of tasks) is counted in a map.
  // 32-bit counters keep the array small enough to stay in cache (24 bytes a key).
  constexpr size_t kKinds = 6;  // Timeliness values
  using Slot = std::array<uint32_t, kKinds>;
  const uint64_t reach = std::max<uint64_t>(uint64_t{1} << 16, 4 * uint64_t{id_.size()});
  std::vector<Slot> dense(std::min<uint64_t>(reach, 1024));
  std::unordered_map<int64_t, Slot> sparse;
  // Block by block: the timeliness of every task of the block first (a loop the compiler
  // vectorizes), then the counts.
  constexpr size_t kBlock = 2048;
  std::array<uint8_t, kBlock> kinds;
  const int32_t today = clock.today.days(), soon_limit = clock.soon_limit.days();
  const int32_t* due = effective_.data();
  const uint8_t* fixed = fixed_.data();
  const size_t n = id_.size();
  for (size_t base = 0; base < n; base += kBlock) {
    const size_t end = std::min(n, base + kBlock);
    for (size_t i = base; i < end; ++i)
      kinds[i - base] = TimelinessOn(due[i], fixed[i], today, soon_limit);
    for (size_t i = base; i < end; ++i) {
      if (f.top_level_only && parent_[i] != 0) continue;
      if (!plain && !Matches(i, f, clock)) continue;
      const size_t t = kinds[i - base];
      const auto k = static_cast<uint64_t>(key[i]);
      if (k >= dense.size()) {
        if (k >= reach) {
          ++sparse[key[i]][t];
          continue;
        }
        dense.resize(std::min<uint64_t>(reach, std::max<uint64_t>(k + 1, 2 * dense.size())));
      }
      ++dense[k][t];
    }
  }
  size_t keys = sparse.size();
  for (const Slot& s : dense) keys += s != Slot{};
  std::unordered_map<int64_t, BoardCounts> out;
  out.reserve(keys);
  auto put = [&](int64_t k, const Slot& s) {
    BoardCounts& b = out[k];
    b.in_time = s[static_cast<size_t>(Timeliness::kInTime)];
    b.due_soon = s[static_cast<size_t>(Timeliness::kDueSoon)];
    b.overdue = s[static_cast<size_t>(Timeliness::kOverdue)];
    b.done_on_time = s[static_cast<size_t>(Timeliness::kDoneOnTime)];
    b.done_late = s[static_cast<size_t>(Timeliness::kDoneLate)];
    b.no_deadline = s[static_cast<size_t>(Timeliness::kNoDeadline)];
    b.total = b.in_time + b.due_soon + b.overdue + b.done_on_time + b.done_late + b.no_deadline;
  };
  for (size_t k = 0; k < dense.size(); ++k)
    if (dense[k] != Slot{}) put(static_cast<int64_t>(k), dense[k]);
  for (const auto& [k, s] : sparse) put(k, s);
  return out;
}

std::vector<CoordinationRequest> TaskIndex::Coordinations(const std::vector<bool>* visible_units,
                                                          const CoordinationFilter& f, Date today,
                                                          const calendar::WorkCalendar& cal,
                                                          size_t limit, size_t offset,
                                                          size_t* total) const {
  std::shared_lock lock(mu_);
  std::vector<std::pair<const CoordinationRequest*, AnswerStatus>> hits;
  for (const auto& r : coordinations_) {
    if (!Visible(visible_units, r.to_unit_id)) continue;
    if ((f.to_unit_id && r.to_unit_id != *f.to_unit_id) ||
        (f.from_unit_id && r.from_unit_id != *f.from_unit_id) ||
        (f.task_id && r.task_id != *f.task_id))
      continue;
    const AnswerStatus s = AnswerStatusOf(r, today, cal);
    if (f.status && s != *f.status) continue;
    hits.emplace_back(&r, s);
  }
  // Who holds work up comes first: overdue, then pending, then the answered; within each, by
  // due date, then id.
  auto rank = [](AnswerStatus s) {
    return s == AnswerStatus::kOverdue        ? 0
           : s == AnswerStatus::kPending      ? 1
           : s == AnswerStatus::kAnsweredLate ? 2
                                              : 3;
  };
  std::sort(hits.begin(), hits.end(), [&](const auto& a, const auto& b) {
    if (rank(a.second) != rank(b.second)) return rank(a.second) < rank(b.second);
    if (a.first->due_on != b.first->due_on) return a.first->due_on < b.first->due_on;
    return a.first->id < b.first->id;
  });
  *total = hits.size();
  std::vector<CoordinationRequest> out;
  for (size_t i = offset; i < hits.size() && out.size() < limit; ++i) out.push_back(*hits[i].first);
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
      case AnswerStatus::kAnsweredOnTime:
        ++c.answered_on_time;
        break;
      case AnswerStatus::kAnsweredLate:
        ++c.answered_late;
        break;
      case AnswerStatus::kOverdue:
        ++c.overdue;
        break;
      case AnswerStatus::kPending:
        ++c.pending;
        break;
    }
  }
  return out;
}

std::vector<OpenTaskRow> TaskIndex::OpenTasks() const {
  std::shared_lock lock(mu_);
  std::vector<OpenTaskRow> out;
  for (size_t i = 0; i < id_.size(); ++i) {
    if (!IsOpen(state_[i])) continue;
    OpenTaskRow r{id_[i],
                  lead_[i],
                  parent_[i],
                  assignee_[i],
                  state_[i],
                  std::nullopt,
                  Date::FromDays(activity_[i])};
    if (effective_[i] != kNone) r.deadline = Date::FromDays(effective_[i]);
    out.push_back(r);
  }
  return out;
}

Result<std::vector<PendingExtension>> PendingExtensions(db::Connection& c) {
  DH_ASSIGN_OR_RETURN(db::Rows r,
                      c.Query("SELECT id, task_id, requested_deadline FROM task_extensions "
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
  size_t n = id_.capacity() * 8 * 6 + deadline_.capacity() * 4 * 4 + state_.capacity() +
             key_.capacity() + pending_.capacity();
  for (const auto& t : title_) n += sizeof(std::string) + (t.capacity() > 15 ? t.capacity() : 0);
  n += row_of_.size() * 32 + fixed_.capacity();
  n += (co_begin_.capacity() + co_count_.capacity()) * sizeof(uint32_t) +
       co_units_.capacity() * sizeof(int64_t);
  return n;
}

}  // namespace dh::tasks
