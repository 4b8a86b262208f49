// Use cases of directives and tasks. Each checks permission and scope, validates, writes
// with its audit entry (and the notifications it causes) in one transaction, then
// refreshes the tasks read model. Timeliness is computed on every read.
#pragma once

#include <functional>
#include <memory>
#include <mutex>

#include "calendar/calendar_service.h"
#include "calendar/work_calendar.h"
#include "db/database.h"
#include "readmodel/change_feed.h"
#include "tasks/my_work.h"
#include "tasks/task_access.h"
#include "tasks/task_comment_store.h"
#include "tasks/task_index.h"
#include "tasks/task_records.h"
#include "units/open_work_transfer.h"
#include "units/unit_directory.h"
#include "units/unit_scope.h"

namespace dh::tasks {

struct TaskSettings {
  int due_soon_days = 3;  // working days before the deadline that count as "due soon"
};

struct DirectiveInput {
  std::optional<std::string> kind, number, title, body;
  std::optional<Date> issued_on;
  std::optional<int64_t> issuer_unit_id;
};

struct TaskInput {
  std::optional<int64_t> directive_id, group_id, lead_unit_id, assignee_id;
  std::optional<std::string> title, description, output_kind, recurrence;
  std::optional<std::vector<int64_t>> coordinator_ids;
  std::optional<Date> deadline;
  std::optional<Date> start_on;  // ngày giao; a new task's defaults to the day of creation
  std::optional<bool> is_key;
  std::vector<Milestone> milestones;
  bool milestones_given = false;  // an edit replaces the milestones only when given
};

struct DelegationPart {
  std::optional<int64_t> unit_id;      // a sub-unit of the holder
  std::optional<int64_t> assignee_id;  // or an official of the holder's unit
  int share_percent = 0;
  std::optional<Date> deadline;  // default: the parent's
  std::string title;             // default: the parent's
};

// A task as read: the record and what is derived from it on `today`.
struct TaskView {
  TaskRecord task;
  Timeliness timeliness = Timeliness::kNoDeadline;
  std::string timeliness_reason;
  // calendar/deadline.h, so that no page counts working days again: the day the deadline
  // really falls on, working days left until it, and working days late past it (by today,
  // or by the day completion was submitted). Only with a deadline.
  std::optional<Date> effective_deadline;
  std::optional<int> working_days_left, working_days_late;
  int extensions_approved = 0;
  bool can_work = false, can_manage = false;
  std::vector<std::string_view> allowed_actions;  // AllowedActions (task_access.h)
};

// Many new tasks for one directive at once (an import from Excel): all are created, in
// one transaction with their audit entries, or none is.
struct TaskBatch {
  int64_t directive_id = 0;
  std::optional<int64_t> group_id;  // the batch's group; headings nest under it
  // Task group headings of the source, each found by title (case and diacritics aside)
  // under its parent or else created. `parent` indexes `headings`; -1 is the batch's group.
  struct Heading {
    std::string title;
    int parent = -1;
    int row = 0;
  };
  std::vector<Heading> headings;
  struct Item {
    TaskInput input;           // directive_id and group_id are the batch's
    int heading = -1;          // index into `headings`; -1: the batch's group
    int progress_percent = 0;  // progress so far (a report dated today when above 0)
    int row = 0;               // where it came from, for the error report
  };
  std::vector<Item> items;
  // Re-import "update the existing task" (tasksa): rows matching a task already there, not
  // among `items`; each changed field written to the task, audited, in the same transaction.
  struct Update {
    Item item;
    int64_t task_id = 0;
  };
  std::vector<Update> updates;
  std::string source_sha256;  // one source goes into a directive once
  std::string source_name;
  bool dry_run = false;  // check everything, write nothing
};

struct BatchError {
  int row = 0;
  std::string field;  // a TaskInput field name: title, lead_unit_id, coordinator_ids, …
  std::string message;
};

// One task for each of many units at once ("giao cho tất cả phường, xã", or a chosen list),
// under a new task group of the directive that tracks them together (tasksa).
struct ManyUnitsInput {
  TaskInput task;  // lead_unit_id unset; directive_id or group_id (the new group's parent)
  std::vector<int64_t> unit_ids;
  std::string heading;  // the new group's title; empty: the task's title
};

struct ManyUnitsResult {
  TaskGroup group;
  std::vector<int64_t> task_ids;  // in the order of the units
};

struct BatchResult {
  int64_t created = 0;
  int64_t groups_created = 0;
  int64_t updated = 0;            // tasks changed by TaskBatch::updates
  std::vector<int64_t> task_ids;  // empty for a dry run
};

struct TaskDetail {
  TaskView view;
  std::vector<Report> reports;
  std::vector<Extension> extensions;
  std::vector<CoordinationRequest> coordination;
  std::unordered_set<int64_t> answerable;  // requests the caller may answer now
  std::vector<TaskEventRecord> events;
  std::vector<Occurrence> occurrences;
  std::vector<TaskView> parts;
};

class TaskService {
 public:
  // Follows the calendar's changes (swaps move effective deadlines in the index): the
  // calendar service must not reload after this service is gone.
  TaskService(db::Database& db, const Clock& clock, const units::UnitDirectory& units,
              calendar::CalendarService& calendar, TaskIndex& index, TaskSettings settings = {},
              readmodel::ChangeFeed* feed = nullptr);

  // Directives and groups.
  Result<Directive> CreateDirective(const auth::Principal& who, const DirectiveInput& in);
  Result<Directive> UpdateDirective(const auth::Principal& who, int64_t id,
                                    const DirectiveInput& in);
  Result<Directive> GetDirective(const auth::Principal& who, int64_t id) const;
  Result<std::vector<Directive>> ListDirectives(const auth::Principal& who, const std::string& q,
                                                int64_t limit, int64_t offset,
                                                int64_t* total) const;
  Result<TaskGroup> CreateGroup(const auth::Principal& who, const TaskGroup& g);
  Result<std::vector<TaskGroup>> Groups(const auth::Principal& who, int64_t directive_id) const;

  // Tasks.
  // `also`, when given, runs inside the task's transaction once the task is written (a
  // feature linking it, e.g. investment's bottlenecks): its error undoes the task too.
  using AlsoInTransaction = std::function<Status(db::Connection&, const TaskRecord&)>;
  Result<TaskView> Create(const auth::Principal* who, const TaskInput& in,
                          const AlsoInTransaction& also = nullptr);
  Result<TaskView> Update(const auth::Principal& who, int64_t id, const TaskInput& in);
  Result<TaskDetail> Get(const auth::Principal& who, int64_t id) const;
  Result<std::vector<TaskView>> List(const auth::Principal& who, TaskFilter f, int64_t limit,
                                     int64_t offset, int64_t* total) const;
  // Coordination requests asked of units in the caller's scope (what the coordination
  // board counts), with the titles of their tasks.
  struct CoordinationItem {
    CoordinationRequest request;
    std::string task_title;
  };
  Result<std::vector<CoordinationItem>> ListCoordinations(const auth::Principal& who,
                                                          const CoordinationFilter& f,
                                                          int64_t limit, int64_t offset,
                                                          int64_t* total) const;
  Result<std::unordered_map<int64_t, BoardCounts>> Board(const auth::Principal& who,
                                                         const std::string& by, TaskFilter f) const;
  Result<std::unordered_map<int64_t, CoordinationCounts>> CoordinationBoard(
      const auth::Principal& who) const;

  // "Việc của tôi" (my_work.h): the tasks `who` holds (their unit's, or assigned to them)
  // that wait on them, what they owe a report on, what was sent back, and the coordination
  // requests their unit must answer; what is due first, one page of them.
  struct MyWorkEntry {
    MyWorkItem item;
    std::optional<TaskView> task;                  // kReturned, kReportDue, kTask
    std::optional<CoordinationItem> coordination;  // kCoordination
  };
  Result<std::vector<MyWorkEntry>> MyWork(const auth::Principal& who, int64_t limit, int64_t offset,
                                          int64_t* total) const;

  // Many tasks of one directive in one transaction. InvalidInput ("invalid_rows") with
  // every wrong item in `errors`; Conflict ("already_imported") when the same source went
  // into this directive before; Forbidden unless `who` manages the directive's issuer.
  Result<BatchResult> CreateBatch(const auth::Principal& who, const TaskBatch& batch,
                                  std::vector<BatchError>* errors);
  // One task per unit under a new group, all in one transaction with the audit entries and
  // the notices; InvalidInput on "unit_ids" naming the unit that cannot take the work.
  Result<ManyUnitsResult> CreateForUnits(const auth::Principal& who, const ManyUnitsInput& in);
  // The units of `kind` (ward, department, …) active today that `who` may give work to.
  std::vector<int64_t> UnitsOfKind(const auth::Principal& who, std::string_view kind) const;
  // For exports: every task `who` may see that matches `f`, in list order, unpaged.
  Result<std::vector<int64_t>> MatchingIds(const auth::Principal& who, TaskFilter f) const;
  // Loads these tasks `batch` at a time and hands each to `fn` in the given order, skipping
  // those `who` may not see; memory stays at one batch however many there are.
  Status VisitTasks(const auth::Principal& who, const std::vector<int64_t>& ids,
                    const std::function<Status(const TaskView&)>& fn, size_t batch = 500) const;

  // Which of these tasks `who` may see (CanSeeTask), from the read model.
  std::unordered_set<int64_t> VisibleTasks(const auth::Principal& who,
                                           const std::vector<int64_t>& ids) const;

  // The loop.
  Result<TaskView> Report(const auth::Principal& who, int64_t id, std::optional<Date> on,
                          int percent, const std::string& body);
  Result<Extension> RequestExtension(const auth::Principal& who, int64_t id, Date new_deadline,
                                     const std::string& reason);
  Result<Extension> DecideExtension(const auth::Principal& who, int64_t extension_id, bool approve,
                                    const std::string& note);
  Result<std::vector<TaskView>> Delegate(const auth::Principal& who, int64_t id,
                                         const std::vector<DelegationPart>& parts);
  Result<CoordinationRequest> RequestCoordination(const auth::Principal& who, int64_t id,
                                                  int64_t to_unit_id, const std::string& body,
                                                  Date due_on);
  Result<CoordinationRequest> AnswerCoordination(const auth::Principal& who, int64_t request_id,
                                                 const std::string& answer);
  Result<TaskView> Submit(const auth::Principal& who, int64_t id, std::optional<Date> on,
                          const std::string& output_text);
  Result<TaskView> Confirm(const auth::Principal& who, int64_t id, bool accept,
                           const std::string& reason);
  Result<TaskView> Refuse(const auth::Principal& who, int64_t id, const std::string& reason);
  Result<TaskView> Reassign(const auth::Principal& who, int64_t id, int64_t lead_unit_id,
                            const std::string& note);
  Result<TaskView> Suspend(const auth::Principal& who, int64_t id, bool suspend,
                           const std::string& note);

  // Issue 9 (task_edit.cc). Withdraw a task: cancel it with a reason (its open parts too),
  // or delete it while nobody has reported on it — Conflict "has_reports" or "has_parts"
  // otherwise, saying to cancel it instead. The task's thread: directions from the leader
  // and the office, replies from the unit (MayComment), each told to the other side.
  Result<TaskView> Cancel(const auth::Principal& who, int64_t id, const std::string& reason);
  Status Delete(const auth::Principal& who, int64_t id);
  Result<std::vector<TaskComment>> Comments(const auth::Principal& who, int64_t id) const;
  Result<TaskComment> AddComment(const auth::Principal& who, int64_t id, const std::string& body);

  // For attachments: the owning unit when `who` may see (write: change) the object;
  // NotFound when it may not see it, Forbidden when it may see but not change it.
  Result<int64_t> CheckDirectiveAccess(const auth::Principal& who, int64_t id, bool write) const;
  Result<int64_t> CheckTaskAccess(const auth::Principal& who, int64_t id, bool write) const;

  // The working-day calendar (calendar::CalendarService keeps it and its swaps).
  std::shared_ptr<const calendar::WorkCalendar> Calendar() const { return calendar_.Get(); }

  // The read model: the calendar and the tasks index, loaded whole at start, with every
  // other model of the change feed given at construction (else a feed of its own).
  Status LoadReadModel();
  // Keeps the read models current with what other server processes commit to a shared
  // database (DESIGN §3): re-reads the tasks the audit log names since the last call; a
  // calendar swap or a restructuring reloads the whole model. Cheap when nothing changed.
  Status CatchUp();

  const TaskSettings& settings() const { return settings_; }
  Date Today() const { return clock_.Today(); }
  TaskIndex& index() { return index_; }
  db::Database& db() { return db_; }

 private:
  using Access = TaskAccess;
  Access AccessOf(const auth::Principal& who) const;
  // Whether `who` sees at least one task of the directive (CanSeeDirective's second half).
  bool SeesATaskOf(const Access& a, const auth::Principal& who, int64_t directive_id) const;
  // The directive when `who` may see it (task_access.h), else NotFound.
  Result<Directive> VisibleDirective(db::Connection& c, const Access& a, const auth::Principal& who,
                                     int64_t id) const;
  // The same for a directive a write names in its body: InvalidInput on directive_id.
  Result<Directive> NamedDirective(db::Connection& c, const Access& a, const auth::Principal& who,
                                   int64_t id) const;
  // Loads the task for a write: NotFound when not visible, Forbidden without the right.
  Result<TaskRecord> ForWrite(db::Connection& c, const auth::Principal& who, int64_t id,
                              bool manage) const;
  // The workflow's steps (task_workflow.cc). Who takes a step: a unit working on the task
  // (CanWorkTask), its lead unit holding it (also CanHoldTask), or the office (MayManageTask).
  enum class Actor { kWorker, kHolder, kOffice };
  struct StepRule {
    Actor actor;
    TaskEvent event;
    // A rule of the step on the task as it stands, checked before the state moves.
    std::function<Status(db::Connection&, const TaskRecord&)> check;
  };
  struct Step {
    TaskRecord before;  // as it stood, for the audit entry
    TaskRecord t;       // moved to its new state, stamped `now`
    int64_t now = 0;
    std::vector<int64_t> touched;  // refreshed after the commit: the task and those rolled up
  };
  // Every step's prelude inside its transaction: the task loaded for the write (ForWrite),
  // the actor's right, `rule.check`, then the state moved by `rule.event` (Transition).
  Result<Step> BeginStep(db::Connection& c, const auth::Principal& who, int64_t id,
                         const StepRule& rule) const;
  // One step in its own transaction: BeginStep, then `body` writes the step's rows; the
  // touched tasks are refreshed and the task is answered as `who` now sees it.
  Result<TaskView> RunStep(const auth::Principal& who, int64_t id, const StepRule& rule,
                           const std::function<Status(db::Connection&, Step&)>& body);
  // The end most steps share: the task's row, its history event `ev` (task, user and time
  // filled in) and the audit entry `action`.
  Status EndStep(db::Connection& c, const auth::Principal& who, const Step& s, TaskEventRecord ev,
                 const std::string& action);
  TaskView View(const TaskRecord& t, int extensions, const Access* a,
                const auth::Principal* who) const;
  Status RollUp(db::Connection& c, std::optional<int64_t> parent_id, int64_t now,
                std::vector<int64_t>& touched);
  Status Refresh(const std::vector<int64_t>& ids);
  // The tasks model on the change feed (task_model.cc).
  Status LoadModel();
  Status ApplyChanges(const std::vector<readmodel::Change>& changes);
  Result<TaskView> Load(const auth::Principal& who, int64_t id) const;
  // MyWork's parts (task_my_work.cc).
  Status HeldWork(const auth::Principal& who, const Access& a, std::vector<MyWorkEntry>& out) const;
  Status AnswerWork(const auth::Principal& who, const Access& a,
                    std::vector<MyWorkEntry>& out) const;
  Status Validate(const TaskInput& in, bool creating, const units::UnitGraph& g) const;
  // CreateForUnits' write, and CreateBatch's of TaskBatch::updates (each changed field,
  // audited; a changed deadline recorded in the history the as-of reader uses), inside their
  // transactions (tasksa).
  Status WriteForUnits(db::Connection& c, const auth::Principal& who, const Access& access,
                       const ManyUnitsInput& in, ManyUnitsResult& out);
  Status WriteBatchUpdates(db::Connection& c, const auth::Principal& who, const Access& access,
                           const TaskBatch& batch, std::vector<BatchError>* errors,
                           int64_t& updated);
  // CreateBatch's parts: each item checked on its own, then the write (real or trial).
  void CheckBatchItems(const Access& access, const TaskBatch& batch,
                       std::vector<BatchError>* errors) const;
  Status WriteBatch(db::Connection& c, const auth::Principal& who, const Access& access,
                    const TaskBatch& batch, std::vector<BatchError>* errors, BatchResult& result);

  db::Database& db_;
  const Clock& clock_;
  const units::UnitDirectory& units_;
  calendar::CalendarService& calendar_;
  TaskIndex& index_;
  TaskSettings settings_;
  std::unique_ptr<readmodel::ChangeFeed> own_feed_;  // when none was given
  readmodel::ChangeFeed* feed_;
};

// Open tasks, their coordinating roles and open coordination requests follow a unit into
// its successor; each move is kept in the task's history.
class TaskTransfer final : public units::OpenWorkTransfer {
 public:
  TaskTransfer(TaskService& service) : service_(service) {}
  std::string name() const override { return "tasks"; }
  Result<int64_t> Transfer(db::Connection& c, int64_t from_unit, int64_t to_unit, Date day,
                           const auth::Principal* who, int64_t now) override;
  void AfterCommit() override;

 private:
  TaskService& service_;
  // Restructurings take turns inside their transactions, but one's AfterCommit may run
  // while the next one transfers.
  std::mutex mu_;
  std::vector<int64_t> moved_;        // GUARDED_BY(mu_)
  bool coordinations_moved_ = false;  // GUARDED_BY(mu_)
};

}  // namespace dh::tasks
