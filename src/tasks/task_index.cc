#include "tasks/task_index.h"

#include <algorithm>
#include <array>
#include <future>
#include <limits>
#include <mutex>

#include "core/text.h"
#include "readmodel/counts.h"
#include "tasks/task_access.h"
#include "tasks/task_store.h"

namespace dh::tasks {
namespace {

constexpr int32_t kNone = std::numeric_limits<int32_t>::max();
constexpr uint32_t kNoRow = std::numeric_limits<uint32_t>::max();

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

// The counter of each due status, in the order of calendar::DueStatus.
constexpr int64_t BoardCounts::*kCounterOf[] = {&BoardCounts::in_time,   &BoardCounts::due_soon,
                                                &BoardCounts::overdue,   &BoardCounts::done_on_time,
                                                &BoardCounts::done_late, &BoardCounts::no_deadline};

}  // namespace

BoardCounts& BoardCounts::operator+=(const BoardCounts& o) {
  total += o.total;
  for (auto counter : kCounterOf) this->*counter += o.*counter;
  return *this;
}

void BoardCounts::Add(Timeliness t) {
  ++total;
  ++(this->*kCounterOf[static_cast<size_t>(t)]);
}

TimelinessClock MakeTimelinessClock(Date today, const calendar::WorkCalendar& cal,
                                    int due_soon_days) {
  const calendar::DueWindow w = calendar::DueWindowOn(today, cal, due_soon_days);
  return {w.today, w.soon_limit};
}

Status TaskIndex::Load(db::Database& db, const calendar::WorkCalendar& cal) {
  std::unique_lock lock(mu_);
  return db::Read(db, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(const TaskTableSize size, TaskTableSizeOf(c));
    DH_RETURN_IF_ERROR(Fill(
        static_cast<size_t>(size.count), size.max_id,
        [&](const ModelRowVisitor& visit) { return ForEachModelRow(c, visit); }, cal));
    DH_ASSIGN_OR_RETURN(coordinations_, AllCoordinations(c));
    return Status::Ok();
  });
}

Status TaskIndex::LoadRows(size_t count, int64_t max_id, const RowSource& rows,
                           const calendar::WorkCalendar& cal) {
  std::unique_lock lock(mu_);
  coordinations_.clear();
  return Fill(count, max_id, rows, cal);
}

Status TaskIndex::Fill(size_t count, int64_t max_id, const RowSource& rows,
                       const calendar::WorkCalendar& cal) {
  Clear();
  if (max_id >= int64_t{kNoRow})
    return Status::Internal("Mã nhiệm vụ vượt quá giới hạn của mô hình đọc.");
  // Exactly what the table holds, streamed into the columns: no slack, no records.
  Reserve(count, max_id);
  // The per-unit and per-user lists are built once the columns are in (BuildLists): grown
  // a row at a time they cost a scattered write, a few reallocations and a last copy each.
  bulk_ = true;
  const Status s = rows([&](const ModelRow& t) { Put(t, cal); });
  bulk_ = false;
  BuildLists();
  DH_RETURN_IF_ERROR(s);
  ShrinkLists();
  return Status::Ok();
}

namespace {

// `lists[key]` holds the rows of `key` (0: none), exactly sized; each(add) calls add(key, row)
// for every entry, in row order; it is called twice (counting, then filling).
template <typename F>
void ListsFrom(std::vector<std::vector<uint32_t>>& lists, F&& each) {
  std::vector<uint32_t> count;
  each([&](uint32_t key, uint32_t) {
    if (key >= count.size()) count.resize(key + 1 + key / 8);
    ++count[key];
  });
  while (!count.empty() && count.back() == 0) count.pop_back();
  lists.assign(count.size(), {});
  for (size_t k = 1; k < count.size(); ++k) lists[k].reserve(count[k]);
  each([&](uint32_t key, uint32_t r) {
    if (key != 0) lists[key].push_back(r);
  });
}

}  // namespace

void TaskIndex::BuildLists() {
  const auto n = static_cast<Row>(id_.size());
  ListsFrom(lead_rows_, [&](auto add) {
    for (Row i = 0; i < n; ++i) add(lead_[i], i);
  });
  ListsFrom(assignee_rows_, [&](auto add) {
    for (Row i = 0; i < n; ++i) add(assignee_[i], i);
  });
  ListsFrom(co_rows_, [&](auto add) {
    for (Row i = 0; i < n; ++i)
      for (uint32_t k = 0; k < co_count_[i]; ++k) add(co_units_[co_begin_[i] + k], i);
  });
}

void TaskIndex::Clear() {
  for (auto* v : {&id_, &lead_, &directive_, &group_, &parent_, &assignee_, &title_at_, &co_begin_,
                  &co_units_, &row_of_})
    *v = {};
  title_len_ = {}, co_count_ = {};
  for (auto* v : {&deadline_, &effective_, &finished_, &activity_}) *v = {};
  for (auto* v : {&key_, &pending_, &fixed_, &progress_}) *v = {};
  state_ = {}, titles_ = {}, titles_live_ = 0, co_live_ = 0;
  lead_rows_ = {}, co_rows_ = {}, assignee_rows_ = {};
}

void TaskIndex::Reserve(size_t rows, int64_t max_id) {
  for (auto* v : {&id_, &lead_, &directive_, &group_, &parent_, &assignee_, &title_at_, &co_begin_})
    v->reserve(rows);
  title_len_.reserve(rows), co_count_.reserve(rows);
  for (auto* v : {&deadline_, &effective_, &finished_, &activity_}) v->reserve(rows);
  for (auto* v : {&key_, &pending_, &fixed_, &progress_}) v->reserve(rows);
  state_.reserve(rows);
  if (max_id >= 0 && static_cast<size_t>(max_id) >= row_of_.size())
    row_of_.resize(static_cast<size_t>(max_id) + 1, kNoRow);
}

// The per-unit lists grew one row at a time: cut their slack once loaded.
void TaskIndex::ShrinkLists() {
  for (auto* lists : {&lead_rows_, &co_rows_, &assignee_rows_}) {
    lists->shrink_to_fit();
    for (Rows& l : *lists) l.shrink_to_fit();
  }
  co_units_.shrink_to_fit();
  titles_.shrink_to_fit();
}

namespace {

// Moves row `r` from list `from` to list `to` of `lists` (0: none).
void MoveRow(std::vector<std::vector<uint32_t>>& lists, uint32_t from, uint32_t to, uint32_t r) {
  if (from == to) return;
  if (from != 0 && from < lists.size()) {
    auto& l = lists[from];
    if (auto it = std::find(l.begin(), l.end(), r); it != l.end()) {
      *it = l.back();
      l.pop_back();
    }
  }
  if (to == 0) return;
  if (to >= lists.size()) lists.resize(to + 1);
  lists[to].push_back(r);
}

uint32_t Id32(int64_t id) {
  return id > 0 && id < int64_t{1} << 32 ? static_cast<uint32_t>(id) : 0;
}

}  // namespace

TaskIndex::Row TaskIndex::Put(const ModelRow& t, const calendar::WorkCalendar& cal) {
  const auto id = static_cast<size_t>(Id32(t.id));
  if (id >= row_of_.size()) row_of_.resize(std::max(id + 1, row_of_.size() * 9 / 8), kNoRow);
  Row i = row_of_[id];
  if (i == kNoRow) {
    i = row_of_[id] = static_cast<Row>(id_.size());
    // Grown by an eighth, not doubled: a national model gains a few tasks at a time.
    if (id_.size() == id_.capacity()) Reserve(id_.size() + id_.size() / 8 + 1024, -1);
    for (auto* v :
         {&id_, &lead_, &directive_, &group_, &parent_, &assignee_, &title_at_, &co_begin_})
      v->push_back(0);
    title_len_.push_back(0), co_count_.push_back(0);
    for (auto* v : {&deadline_, &effective_, &finished_, &activity_}) v->push_back(kNone);
    for (auto* v : {&key_, &pending_, &fixed_, &progress_}) v->push_back(0);
    state_.push_back(0);
    id_[i] = static_cast<uint32_t>(id);
  }
  if (!bulk_) {
    MoveRow(lead_rows_, lead_[i], Id32(t.lead_unit_id), i);
    MoveRow(assignee_rows_, assignee_[i], Id32(t.assignee_id), i);
  }
  lead_[i] = Id32(t.lead_unit_id);
  assignee_[i] = Id32(t.assignee_id);
  directive_[i] = Id32(t.directive_id);
  group_[i] = Id32(t.group_id);
  parent_[i] = Id32(t.parent_id);
  deadline_[i] = Day(t.deadline);
  effective_[i] = t.deadline ? EffectiveDeadline(*t.deadline, cal).days() : kNone;
  finished_[i] = Day(t.finished_on);
  state_[i] = static_cast<uint8_t>(t.state);
  key_[i] = t.is_key;
  pending_[i] = t.extension_pending;
  progress_[i] = static_cast<uint8_t>(std::clamp(t.progress_percent, 0, 100));
  fixed_[i] = FixedTimeliness(StateAt(i), effective_[i], finished_[i]);
  activity_[i] = t.last_report_on ? t.last_report_on->days() : LocalDay(t.created_at);
  PutTitle(i, t.title_folded);
  PutCoordinators(i, t.coordinator_ids);
  return i;
}

void TaskIndex::PutTitle(Row i, std::string_view folded) {
  // Titles are at most 1.000 letters; the length is 16 bits.
  folded = folded.substr(0, std::numeric_limits<uint16_t>::max());
  titles_live_ = titles_live_ - title_len_[i] + folded.size();
  if (folded.size() > title_len_[i]) {                    // does not fit where the old title was
    if (titles_.size() > 2 * titles_live_ + (1 << 20)) {  // mostly stale: compact first
      std::string live;
      live.reserve(titles_live_ + titles_live_ / 8);
      for (Row r = 0; r < title_at_.size(); ++r) {
        const std::string_view old = r == i ? std::string_view() : Title(r);
        title_at_[r] = static_cast<uint32_t>(live.size());
        title_len_[r] = static_cast<uint16_t>(old.size());
        live.append(old);
      }
      titles_ = std::move(live);
    }
    title_at_[i] = static_cast<uint32_t>(titles_.size());
    titles_.append(folded);
  } else {
    titles_.replace(title_at_[i], folded.size(), folded);
  }
  title_len_[i] = static_cast<uint16_t>(folded.size());
}

void TaskIndex::PutCoordinators(Row i, const std::vector<int64_t>& units) {
  if (units.empty() && co_count_[i] == 0) return;  // most tasks: nothing to copy or move
  if (bulk_ && co_count_[i] == 0) {  // loading: appended; co_rows_ is built afterwards
    co_begin_[i] = static_cast<uint32_t>(co_units_.size());
    for (int64_t u : units)
      if (Id32(u) != 0 && co_units_.size() - co_begin_[i] < kMaxCoordinators)
        co_units_.push_back(Id32(u));
    co_count_[i] = static_cast<uint16_t>(co_units_.size() - co_begin_[i]);
    co_live_ += co_count_[i];
    return;
  }
  const uint32_t* old = co_units_.data() + co_begin_[i];
  const std::vector<uint32_t> was(old, old + co_count_[i]);
  std::vector<uint32_t> now;
  for (int64_t u : units)
    if (Id32(u) != 0 && now.size() < kMaxCoordinators) now.push_back(Id32(u));
  for (uint32_t u : was)
    if (std::find(now.begin(), now.end(), u) == now.end()) MoveRow(co_rows_, u, 0, i);
  for (uint32_t u : now)
    if (std::find(was.begin(), was.end(), u) == was.end()) MoveRow(co_rows_, 0, u, i);
  co_live_ = co_live_ - co_count_[i] + now.size();
  if (now.size() > co_count_[i]) {                 // does not fit where the old list was
    if (co_units_.size() > 2 * co_live_ + 4096) {  // mostly stale: compact first
      std::vector<uint32_t> live;
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
    co_units_.insert(co_units_.end(), now.begin(), now.end());
  } else {
    std::copy(now.begin(), now.end(), co_units_.begin() + co_begin_[i]);
  }
  co_count_[i] = static_cast<uint16_t>(now.size());
}

Status TaskIndex::Refresh(db::Database& db, const std::vector<int64_t>& ids,
                          const calendar::WorkCalendar& cal) {
  std::lock_guard order(refresh_mu_);
  // Read first (titles copied out of the batch), applied under the lock.
  std::vector<ModelRow> rows;
  std::vector<std::string> titles;
  DH_RETURN_IF_ERROR(db::Read(db, [&](db::Connection& c) -> Status {
    rows.clear(), titles.clear();
    return ForEachModelRowOf(c, ids, [&](const ModelRow& t) {
      rows.push_back(t);
      titles.emplace_back(t.title_folded);
    });
  }));
  std::unique_lock lock(mu_);
  for (size_t k = 0; k < rows.size(); ++k) {
    rows[k].title_folded = titles[k];
    Put(rows[k], cal);
  }
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
    fixed_[i] = FixedTimeliness(StateAt(i), effective_[i], finished_[i]);
  }
}

Timeliness TaskIndex::TimelinessAt(Row i, const TimelinessClock& clock) const {
  return static_cast<Timeliness>(
      TimelinessOn(effective_[i], fixed_[i], clock.today.days(), clock.soon_limit.days()));
}

TaskIndex::Narrowing TaskIndex::Candidates(const TaskFilter& f) const {
  const size_t n = id_.size();
  std::vector<const Rows*> lists;
  auto add = [&](const std::vector<Rows>& by_key, int64_t key) {
    if (key > 0 && static_cast<uint64_t>(key) < by_key.size() && !by_key[key].empty())
      lists.push_back(&by_key[key]);
  };
  bool visible = false;
  if (f.visible_units) {
    const std::vector<bool>& units = *f.visible_units;
    for (size_t u = 1; u < units.size(); ++u)
      if (units[u])
        add(lead_rows_, static_cast<int64_t>(u)), add(co_rows_, static_cast<int64_t>(u));
    if (f.viewer_id) add(assignee_rows_, *f.viewer_id);
    visible = true;
  } else if (f.lead_unit_id) {
    add(lead_rows_, *f.lead_unit_id);
  } else if (f.unit_id) {
    add(lead_rows_, *f.unit_id), add(co_rows_, *f.unit_id);
  } else {
    return {};
  }
  size_t held = 0;
  for (const Rows* l : lists) held += l->size();
  // A scope that holds most tasks is cheaper to scan than to gather.
  if (held > n / 4) return {};
  readmodel::Bitmap rows(n);
  for (const Rows* l : lists)
    for (Row r : *l) rows.Set(r);
  return {std::move(rows), visible};
}

template <typename F>
void TaskIndex::ForEachCandidate(const TaskFilter& f, F&& visit) const {
  Narrowing c = Candidates(f);
  if (!c.rows) {
    for (Row i = 0; i < id_.size(); ++i)
      if (!visit(i, false)) return;
    return;
  }
  bool more = true;
  c.rows->ForEach([&](size_t i) { more = more && visit(static_cast<Row>(i), c.visible); });
}

bool TaskIndex::SeenBy(Row i, const TaskFilter& f) const {
  const auto in_scope = [&f](int64_t unit) { return Visible(f.visible_units, unit); };
  const uint32_t* co = co_units_.data() + co_begin_[i];
  return SeesTask(in_scope, f.viewer_id.value_or(0), lead_[i], assignee_[i], co, co + co_count_[i]);
}

namespace {

// Lists and boards leave withdrawn tasks (cancelled, deleted) out unless asked for by state;
// who may see a cancelled task (Matching) still does.
bool Listed(TaskState s, const TaskFilter& f) { return f.state || !IsWithdrawn(s); }

}  // namespace

bool TaskIndex::Matches(Row i, const TaskFilter& f, const TimelinessClock& clock,
                        bool visible) const {
  if (f.top_level_only && parent_[i] != 0) return false;
  if (f.directive_id && directive_[i] != *f.directive_id) return false;
  if (f.group_id && group_[i] != *f.group_id) return false;
  if (f.parent_id && parent_[i] != *f.parent_id) return false;
  if (f.assignee_id && assignee_[i] != *f.assignee_id) return false;
  if (f.state && StateAt(i) != *f.state) return false;
  if (StateAt(i) == TaskState::kDeleted) return false;  // gone for everyone
  if (f.is_key && static_cast<bool>(key_[i]) != *f.is_key) return false;
  if (f.extension_pending && static_cast<bool>(pending_[i]) != *f.extension_pending) return false;
  if (f.due_before && (deadline_[i] == kNone || deadline_[i] > f.due_before->days())) return false;
  const uint32_t* co = co_units_.data() + co_begin_[i];
  const uint32_t* co_end = co + co_count_[i];
  if (f.unit_id && lead_[i] != *f.unit_id &&
      std::find(co, co_end, static_cast<uint32_t>(Id32(*f.unit_id))) == co_end)
    return false;
  if (f.lead_unit_id && lead_[i] != *f.lead_unit_id) return false;
  if (f.visible_units && !visible && !SeenBy(i, f)) return false;
  if (f.timeliness && TimelinessAt(i, clock) != *f.timeliness) return false;
  if (!f.q.empty() && Title(i).find(f.q) == std::string_view::npos) return false;
  return true;
}

// A unit's place in `rank` (TaskFilter::unit_rank); past every unit when it has none.
uint32_t TaskIndex::UnitRank(const std::vector<uint32_t>* rank, uint32_t unit) {
  return rank && unit < rank->size() ? (*rank)[unit] : UINT32_MAX;
}

// The first by name of row i's coordinating units; past every unit when it has none.
uint32_t TaskIndex::FirstCoordinatorRank(const std::vector<uint32_t>* rank, Row i) const {
  uint32_t best = UINT32_MAX;
  const uint32_t* co = co_units_.data() + co_begin_[i];
  for (const uint32_t* u = co; u != co + co_count_[i]; ++u)
    best = std::min(best, UnitRank(rank, *u));
  return best;
}

// The list's order (TaskFilter::order), ties by id; a task with no deadline last by deadline.
std::function<bool(TaskIndex::Row, TaskIndex::Row)> TaskIndex::RowOrder(
    const TaskFilter& f, const TimelinessClock& clock) const {
  const bool desc = f.descending;
  auto by = [this, desc](auto key) {
    return [this, desc, key](Row a, Row b) {
      const auto ka = key(a), kb = key(b);
      if (ka != kb) return desc ? kb < ka : ka < kb;
      return id_[a] < id_[b];
    };
  };
  using O = TaskFilter::Order;
  switch (f.order) {
    case O::kTitle:
      return by([this](Row i) { return Title(i); });
    case O::kState:
      return by([this](Row i) { return state_[i]; });
    case O::kTimeliness:
      return by([this, clock](Row i) { return static_cast<int>(TimelinessAt(i, clock)); });
    case O::kCreated:
      return by([this](Row i) { return id_[i]; });
    case O::kLead:
      return by([this, rank = f.unit_rank](Row i) { return UnitRank(rank, lead_[i]); });
    case O::kCoordinators:
      return by([this, rank = f.unit_rank](Row i) { return FirstCoordinatorRank(rank, i); });
    case O::kProgress:
      return by([this](Row i) { return progress_[i]; });
    case O::kDeadline:
      break;
  }
  return by([this](Row i) { return effective_[i]; });
}

std::vector<int64_t> TaskIndex::Find(const TaskFilter& f, const TimelinessClock& clock,
                                     int64_t limit, int64_t offset, int64_t* total) const {
  std::shared_lock lock(mu_);
  std::vector<Row> rows;
  ForEachCandidate(f, [&](Row i, bool visible) {
    if (Listed(StateAt(i), f) && Matches(i, f, clock, visible)) rows.push_back(i);
    return true;
  });
  *total = static_cast<int64_t>(rows.size());
  const size_t end = std::min(rows.size(), static_cast<size_t>(offset + limit));
  std::vector<int64_t> out;
  if (static_cast<size_t>(offset) >= rows.size()) return out;
  std::partial_sort(rows.begin(), rows.begin() + end, rows.end(), RowOrder(f, clock));
  for (size_t k = offset; k < end; ++k) out.push_back(id_[rows[k]]);
  return out;
}

bool TaskIndex::Any(const TaskFilter& f) const {
  std::shared_lock lock(mu_);
  const TimelinessClock clock{};
  bool any = false;
  ForEachCandidate(f, [&](Row i, bool visible) { return !(any = Matches(i, f, clock, visible)); });
  return any;
}

std::unordered_set<int64_t> TaskIndex::Matching(const std::vector<int64_t>& ids,
                                                const TaskFilter& f) const {
  std::shared_lock lock(mu_);
  const TimelinessClock clock{};
  std::unordered_set<int64_t> out;
  for (int64_t id : ids) {
    const uint32_t k = Id32(id);
    if (k != 0 && k < row_of_.size() && row_of_[k] != kNoRow &&
        Matches(row_of_[k], f, clock, false))
      out.insert(id);
  }
  return out;
}

std::unordered_set<int64_t> TaskIndex::DirectivesOf(const TaskFilter& f) const {
  std::shared_lock lock(mu_);
  const TimelinessClock clock{};
  std::unordered_set<int64_t> out;
  ForEachCandidate(f, [&](Row i, bool visible) {
    if (directive_[i] != 0 && !out.count(directive_[i]) && Matches(i, f, clock, visible))
      out.insert(directive_[i]);
    return true;
  });
  return out;
}

namespace {

constexpr size_t kKinds = 6;  // Timeliness values

BoardCounts FromRow(const readmodel::KeyedCounts<kKinds>::Row& s) {
  BoardCounts b;
  b.in_time = s[static_cast<size_t>(Timeliness::kInTime)];
  b.due_soon = s[static_cast<size_t>(Timeliness::kDueSoon)];
  b.overdue = s[static_cast<size_t>(Timeliness::kOverdue)];
  b.done_on_time = s[static_cast<size_t>(Timeliness::kDoneOnTime)];
  b.done_late = s[static_cast<size_t>(Timeliness::kDoneLate)];
  b.no_deadline = s[static_cast<size_t>(Timeliness::kNoDeadline)];
  b.total = b.in_time + b.due_soon + b.overdue + b.done_on_time + b.done_late + b.no_deadline;
  return b;
}

}  // namespace

std::unordered_map<int64_t, BoardCounts> TaskIndex::Board(const std::string& by,
                                                          const TaskFilter& f,
                                                          const TimelinessClock& clock) const {
  std::shared_lock lock(mu_);
  const std::vector<uint32_t>& key = by == "directive" ? directive_
                                     : by == "group"   ? group_
                                                       : lead_;
  const bool plain = !f.unit_id && !f.lead_unit_id && !f.assignee_id && !f.directive_id &&
                     !f.group_id && !f.parent_id && !f.timeliness && !f.state && !f.due_before &&
                     !f.is_key && !f.extension_pending && f.q.empty() && !f.visible_units;
  const size_t n = id_.size();
  readmodel::KeyedCounts<kKinds> counts(std::max<uint64_t>(uint64_t{1} << 16, 4 * uint64_t{n}));
  const int32_t today = clock.today.days(), soon_limit = clock.soon_limit.days();
  if (plain) {
    // Block by block: the timeliness of every task of the block first (a loop the compiler
    // vectorizes), then the counts.
    constexpr size_t kBlock = 2048;
    std::array<uint8_t, kBlock> kinds;
    for (size_t base = 0; base < n; base += kBlock) {
      const size_t end = std::min(n, base + kBlock);
      for (size_t i = base; i < end; ++i)
        kinds[i - base] = TimelinessOn(effective_[i], fixed_[i], today, soon_limit);
      for (size_t i = base; i < end; ++i)
        if ((!f.top_level_only || parent_[i] == 0) && !IsWithdrawn(StateAt(i)))
          counts.Add(key[i], kinds[i - base]);
    }
  } else {
    ForEachCandidate(f, [&](Row i, bool visible) {
      if (Listed(StateAt(i), f) && Matches(i, f, clock, visible))
        counts.Add(key[i], TimelinessOn(effective_[i], fixed_[i], today, soon_limit));
      return true;
    });
  }
  std::unordered_map<int64_t, BoardCounts> out;
  out.reserve(counts.keys());
  counts.ForEach([&](int64_t k, const auto& row) { out.emplace(k, FromRow(row)); });
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
    if (!IsOpen(StateAt(i))) continue;
    OpenTaskRow r{id_[i],
                  lead_[i],
                  parent_[i],
                  assignee_[i],
                  StateAt(i),
                  std::nullopt,
                  Date::FromDays(activity_[i])};
    if (effective_[i] != kNone) r.deadline = Date::FromDays(effective_[i]);
    out.push_back(r);
  }
  return out;
}

size_t TaskIndex::size() const {
  std::shared_lock lock(mu_);
  return id_.size();
}

size_t TaskIndex::MemoryBytes() const {
  std::shared_lock lock(mu_);
  auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  size_t n = 0;
  for (const auto* v : {&id_, &lead_, &directive_, &group_, &parent_, &assignee_, &title_at_,
                        &co_begin_, &co_units_, &row_of_})
    n += bytes(*v);
  n += bytes(title_len_) + bytes(co_count_);
  for (const auto* v : {&deadline_, &effective_, &finished_, &activity_}) n += bytes(*v);
  for (const auto* v : {&key_, &pending_, &fixed_, &progress_}) n += bytes(*v);
  n += bytes(state_) + titles_.capacity();
  for (const auto* lists : {&lead_rows_, &co_rows_, &assignee_rows_}) {
    n += bytes(*lists);
    for (const Rows& l : *lists) n += bytes(l);
  }
  return n + coordinations_.capacity() * sizeof(CoordinationRequest);
}

}  // namespace dh::tasks
