// The tasks part of the read model (DESIGN §3): every task's few fields that boards and
// filtered lists need, in columns, in memory. Loaded at start, updated after each commit
// that touches a task. A national board (1 million tasks) is one pass over these columns.
// Thread-safe: many readers, one writer at a time.
#pragma once

#include <functional>
#include <limits>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "calendar/work_calendar.h"
#include "db/database.h"
#include "readmodel/bitmap.h"
#include "tasks/task_model_store.h"
#include "tasks/task_records.h"

namespace dh::tasks {

struct TaskFilter {
  std::optional<int64_t> unit_id;       // lead unit, or a coordinating unit
  std::optional<int64_t> lead_unit_id;  // lead unit only (what a board by unit counts)
  std::optional<int64_t> assignee_id;
  std::optional<int64_t> directive_id;
  std::optional<int64_t> group_id;
  std::optional<int64_t> parent_id;
  std::optional<Timeliness> timeliness;
  std::optional<TaskState> state;
  std::optional<Date> due_before;  // deadline on or before
  std::optional<bool> is_key;
  std::optional<bool> extension_pending;  // an extension request awaits a decision
  bool top_level_only = false;            // leave out delegated parts
  // The order of Find: by effective deadline (none last) unless a list asks for another.
  // kLead, kCoordinators: by the units' names, through unit_rank.
  enum class Order {
    kDeadline,
    kTitle,
    kState,
    kTimeliness,
    kCreated,
    kLead,
    kCoordinators,
    kProgress
  } order = Order::kDeadline;
  bool descending = false;
  // Each unit id's place in the order of unit names (kLead, kCoordinators); ids past its end
  // and tasks with no coordinator come last.
  const std::vector<uint32_t>* unit_rank = nullptr;
  std::string q;  // folded
  // nullopt: every unit. Otherwise a task is visible when its lead unit or a coordinating
  // unit is in the set, or it is assigned to `viewer_id`.
  const std::vector<bool>* visible_units = nullptr;
  std::optional<int64_t> viewer_id;
};

struct BoardCounts {
  int64_t total = 0, done_on_time = 0, done_late = 0, in_time = 0, due_soon = 0, overdue = 0,
          no_deadline = 0;
  void Add(Timeliness t);
  BoardCounts& operator+=(const BoardCounts& o);
};

struct CoordinationCounts {
  int64_t received = 0, answered_on_time = 0, answered_late = 0, overdue = 0, pending = 0;
};

// What decides timeliness on one day: computed once per request, then O(1) per task.
struct TimelinessClock {
  Date today;
  Date soon_limit;  // an open task whose effective deadline is on or before this is due soon
};
TimelinessClock MakeTimelinessClock(Date today, const calendar::WorkCalendar& cal,
                                    int due_soon_days);

// An open task as the notification job sees it (TaskIndex::OpenTasks).
struct OpenTaskRow {
  int64_t id = 0, lead_unit_id = 0;
  int64_t parent_id = 0, assignee_id = 0;  // 0: none
  TaskState state = TaskState::kNotStarted;
  std::optional<Date> deadline;  // effective: rolled forward to a working day
  Date last_activity;            // the last progress report, else the day the task was created
};

// An extension request the office has not decided yet. Read from the store, not the index:
// requests do not refresh the read model.
struct PendingExtension {
  int64_t extension_id = 0, task_id = 0;
  Date requested_deadline;
};
Result<std::vector<PendingExtension>> PendingExtensions(db::Connection& c);

class TaskIndex {
 public:
  // Everything from the database, with effective deadlines under `cal`.
  Status Load(db::Database& db, const calendar::WorkCalendar& cal);
  // Everything from another source of rows (by id; `count` of them, ids up to `max_id`),
  // as Load streams the database's: what the benchmark builds at national scale.
  using RowSource = std::function<Status(const ModelRowVisitor&)>;
  Status LoadRows(size_t count, int64_t max_id, const RowSource& rows,
                  const calendar::WorkCalendar& cal);
  // Re-reads these tasks (after a commit).
  Status Refresh(db::Database& db, const std::vector<int64_t>& task_ids,
                 const calendar::WorkCalendar& cal);
  Status RefreshCoordinations(db::Database& db);
  // The calendar changed (a swap): effective deadlines move.
  void Recalendar(const calendar::WorkCalendar& cal);

  // Matching task ids, by effective deadline (none last), then id; one page of them.
  std::vector<int64_t> Find(const TaskFilter& f, const TimelinessClock& clock, int64_t limit,
                            int64_t offset, int64_t* total) const;
  // Whether any task matches (`f` without timeliness).
  bool Any(const TaskFilter& f) const;
  // Those of these tasks that match (`f` without timeliness).
  std::unordered_set<int64_t> Matching(const std::vector<int64_t>& ids, const TaskFilter& f) const;
  // The directives of the tasks that match (`f` without timeliness).
  std::unordered_set<int64_t> DirectivesOf(const TaskFilter& f) const;
  // Counts by key: "unit" (lead unit), "directive", "group".
  std::unordered_map<int64_t, BoardCounts> Board(const std::string& by, const TaskFilter& f,
                                                 const TimelinessClock& clock) const;
  // The coordination requests a filter selects among those asked of a visible unit, the
  // overdue and the longest waiting first; `total` counts them all.
  std::vector<CoordinationRequest> Coordinations(const std::vector<bool>* visible_units,
                                                 const CoordinationFilter& f, Date today,
                                                 const calendar::WorkCalendar& cal, size_t limit,
                                                 size_t offset, size_t* total) const;
  // Coordination requests received, by the unit asked.
  std::unordered_map<int64_t, CoordinationCounts> CoordinationBoard(
      const std::vector<bool>* visible_units, Date today, const calendar::WorkCalendar& cal) const;
  // Every open task (IsOpen), in load order: one pass over the columns, for the
  // notification job's reminders and digests.
  std::vector<OpenTaskRow> OpenTasks() const;
  size_t size() const;
  // Bytes held by the columns, lists and titles (capacity), for the benchmark's report.
  size_t MemoryBytes() const;

 private:
  using Row = uint32_t;
  using Rows = std::vector<Row>;
  // Caller holds the lock. Returns the row.
  Row Put(const ModelRow& t, const calendar::WorkCalendar& cal);
  void PutTitle(Row r, std::string_view folded);                   // caller holds the lock
  void PutCoordinators(Row r, const std::vector<int64_t>& units);  // caller holds the lock
  void Clear();                                                    // caller holds the lock
  Status Fill(size_t count, int64_t max_id, const RowSource& rows,
              const calendar::WorkCalendar& cal);  // caller holds the lock
  void Reserve(size_t rows, int64_t max_id);       // caller holds the lock
  void ShrinkLists();                              // caller holds the lock
  void BuildLists();  // the per-unit and per-user lists from the columns; caller holds the lock
  // The rows a filter can match, as a bitmap of rows, when a scope or a unit narrows them
  // (the union of the per-unit lists: a scoped question costs what the scope holds);
  // no rows: every row.
  struct Narrowing {
    std::optional<readmodel::Bitmap> rows;
    bool visible = false;  // every row of `rows` is in the viewer's scope
  };
  Narrowing Candidates(const TaskFilter& f) const;
  // visit(row, visible) for the rows `f` can match, ascending, until it returns false;
  // `visible`: the row is known to be in the viewer's scope.
  template <typename F>
  void ForEachCandidate(const TaskFilter& f, F&& visit) const;
  // `visible`: the scope need not be checked again.
  bool Matches(Row i, const TaskFilter& f, const TimelinessClock& clock, bool visible) const;
  bool SeenBy(Row i, const TaskFilter& f) const;  // the viewer's scope, on one row
  Timeliness TimelinessAt(Row i, const TimelinessClock& clock) const;
  std::function<bool(Row, Row)> RowOrder(const TaskFilter& f, const TimelinessClock& clock) const;
  static uint32_t UnitRank(const std::vector<uint32_t>* rank, uint32_t unit);
  uint32_t FirstCoordinatorRank(const std::vector<uint32_t>* rank, Row i) const;
  TaskState StateAt(Row i) const { return static_cast<TaskState>(state_[i]); }
  std::string_view Title(Row i) const {
    return std::string_view(titles_).substr(title_at_[i], title_len_[i]);
  }

  mutable std::shared_mutex mu_;
  // Refreshes read the database and then apply what they read: taken across both, so two
  // refreshes of one task (two writes at once) apply in the order they read, and the model
  // never ends on the older row.
  std::mutex refresh_mu_;
  // Columns, one entry per task (GUARDED_BY(mu_)), ids as 32 bits (0: none), reserved
  // before loading so that a national model holds no slack.
  std::vector<uint32_t> id_, lead_, directive_, group_, parent_, assignee_;
  std::vector<int32_t> deadline_, effective_, finished_;  // day numbers; kNone when absent
  std::vector<int32_t> activity_;  // day of the last report, else of creation
  std::vector<uint8_t> state_;     // TaskState
  std::vector<uint8_t> key_;
  std::vector<uint8_t> pending_;   // an extension request awaits a decision
  std::vector<uint8_t> progress_;  // percent, 0–100
  // The timeliness when it does not depend on the day (done, suspended, no deadline),
  // else kOpen: a board then compares only the effective deadline with the day.
  std::vector<uint8_t> fixed_;
  // Folded titles, one arena: row i's is titles_[title_at_[i], + title_len_[i]). A title
  // that grows is written anew at the end; the arena is compacted when half of it is stale.
  std::string titles_;
  std::vector<uint32_t> title_at_;
  std::vector<uint16_t> title_len_;
  size_t titles_live_ = 0;
  // Coordinating units, flat: row i has co_count_[i] of them from co_units_[co_begin_[i]]
  // (a scan reads them in order instead of chasing a list per task). A list that grows is
  // written anew at the end; PutCoordinators compacts when half the array is stale.
  std::vector<uint32_t> co_begin_;
  std::vector<uint16_t> co_count_;
  std::vector<uint32_t> co_units_;
  size_t co_live_ = 0;  // entries of co_units_ in use
  static constexpr size_t kMaxCoordinators = std::numeric_limits<uint16_t>::max();
  // Filling the columns of a whole load: Put leaves the per-unit lists to BuildLists.
  bool bulk_ = false;
  // The row of each task id (kNoRow: none): ids are dense.
  std::vector<Row> row_of_;
  // Per unit, the rows it leads and the rows it coordinates; per user, the rows assigned
  // to them. In no order.
  std::vector<Rows> lead_rows_, co_rows_, assignee_rows_;
  std::vector<CoordinationRequest> coordinations_;
};

}  // namespace dh::tasks
