// Tasks (Nhiệm vụ): work a directive hands to a lead unit (chủ trì), with coordinating
// units (phối hợp), a deadline or a recurrence or none ("regular"), progress reports,
// extensions, delegation to sub-units and officials, and completion the office confirms.
//
// Two things describe a task and are never confused: its state (what has happened) and
// its timeliness (how it stands against its deadline, derived on every read, never stored).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/deadline.h"
#include "calendar/work_calendar.h"
#include "core/date.h"
#include "core/status.h"

namespace dh::tasks {

enum class TaskState {
  kNotStarted,
  kInProgress,
  kAwaitingConfirmation,  // the unit submitted completion; the office has not decided
  kDone,
  kReturned,  // the office sent the completion back, with a reason
  kSuspended,
  kRefused,  // the unit says it is not its remit; the office reassigns
  // Issue 9: the office withdrew the task, with a reason (kept, out of boards and counts),
  // or deleted it before anyone reported on it (gone from every page; the row and its
  // history stay for the audit log).
  kCancelled,
  kDeleted,
};

// A task's due status (calendar/deadline.h), under the name the task pages use.
using Timeliness = calendar::DueStatus;

std::string_view StateName(TaskState s);
std::optional<TaskState> ParseState(std::string_view s);
std::string_view TimelinessName(Timeliness t);
std::optional<Timeliness> ParseTimeliness(std::string_view s);
bool IsOpen(TaskState s);  // not done, not suspended, not cancelled or deleted
// Cancelled or deleted: the task no longer counts anywhere (boards, lists, reminders).
bool IsWithdrawn(TaskState s);

// A deadline that falls on a day off moves to the next working day (calendar/deadline.h).
using calendar::EffectiveDeadline;

// How a task stands on `today`. `finished_on` is the day the unit submitted completion
// (kept while awaiting confirmation and once done). `due_soon_days`: working days
// before the deadline that count as "due soon".
Timeliness TimelinessOf(TaskState state, std::optional<Date> deadline,
                        std::optional<Date> finished_on, Date today,
                        const calendar::WorkCalendar& cal, int due_soon_days);

// The sentence shown beside a timeliness tag, in Vietnamese: "Quá hạn 5 ngày làm việc so
// với hạn 15/06/2024, đã gia hạn 1 lần".
std::string TimelinessReason(Timeliness t, std::optional<Date> deadline,
                             std::optional<Date> finished_on, int extensions, Date today,
                             const calendar::WorkCalendar& cal);

// What may happen to a task, and the state it leads to.
enum class TaskEvent {
  kReport,
  kSubmit,
  kConfirm,
  kReturn,
  kSuspend,
  kResume,
  kRefuse,
  kReassign,
  kCancel,  // any task not done nor withdrawn
  kDelete,  // the same; that nobody reported on it is the service's rule
};
Result<TaskState> Transition(TaskState from, TaskEvent event);

// Recurring tasks ("báo cáo định kỳ"): a monthly report due on day N of every month, or a
// quarterly one due on day N of the last month of each quarter. Day N beyond a month's
// length means its last day.
struct Recurrence {
  enum Kind { kNone, kMonthly, kQuarterly } kind = kNone;
  int day = 0;
};
std::optional<Recurrence> ParseRecurrence(
    std::string_view text);  // "monthly:20", "quarterly:15", ""
std::string RecurrenceText(const Recurrence& r);
// The first due date strictly after `after`.
Date NextOccurrence(const Recurrence& r, Date after);

// Delegation: each part carries the share (0–100 %) of the parent's work it was given.
// The parent's progress is its own reported progress on the share it kept plus the
// weighted progress of its parts. Integer percent, rounded down.
struct Part {
  int share_percent = 0;
  int progress_percent = 0;
};
int RollUpProgress(int own_progress, const std::vector<Part>& parts);

}  // namespace dh::tasks
