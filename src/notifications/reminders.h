// The reminder rules (nhắc việc): which open task reminds whom of what on a given day.
// Pure: the job reads open items from the feature that registered them (reminder_source.h),
// asks these functions, and writes what they return as in-app notifications (each then
// e-mailed).
//
// Each reminder carries a dedup key "<kind>/<task>/<day>" whose day is the one the
// reminder is about, so however often the job runs a task gets one reminder per kind and
// day — and a run that was missed (server down, a day off) is caught up, not doubled:
//   due_soon    once per deadline, when the task enters the last `due_soon_days` working
//               days before its effective deadline; day = that deadline;
//   overdue     the first working day after the deadline, then every
//               `overdue_repeat_days` working days while it stays overdue; day = the
//               working day that period began;
//   no_report   the assignee and the people of the lead unit, once the task has gone
//               `no_report_days` working days without a progress report (since its
//               creation if never reported); day = the last report (or creation);
//   escalation  the head of the lead unit, `escalate_after_days` working days later if
//               still no report; day = the same last report.
// Tasks awaiting confirmation (the office's turn) or refused (the office must reassign)
// remind nobody; done and suspended tasks are not open. Nothing is sent on a day off.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "calendar/work_calendar.h"
#include "notifications/reminder_source.h"

namespace dh::notifications {

struct ReminderSettings {
  int due_soon_days = 3;        // TaskSettings::due_soon_days
  int overdue_repeat_days = 5;  // 0: remind of an overdue task once
  int no_report_days = 10;      // N
  int escalate_after_days = 5;  // M, counted from the no-report reminder
};

enum class ReminderKind { kDueSoon, kOverdue, kNoReport, kEscalation };
std::string_view ReminderKindName(ReminderKind k);  // the notification's kind

struct Reminder {
  int64_t task_id = 0;
  ReminderKind kind = ReminderKind::kDueSoon;
  std::string dedup_key;
  // due_soon, overdue: the effective deadline; no_report, escalation: the last activity.
  Date since;
  // Working days: left until the deadline, past it, or without a report.
  int days = 0;
  bool to_head() const { return kind == ReminderKind::kEscalation; }
};

// The reminders one task gives on `today`. `activity` is its last activity, its open
// parts' reports included.
std::vector<Reminder> RemindersFor(const OpenItem& t, Date activity, Date today,
                                   const calendar::WorkCalendar& cal, const ReminderSettings& s);

// Every reminder due on `today`. A parent task's activity is the latest of its own and
// its open parts' (a holder whose parts report is not silent). Empty on a day off.
std::vector<Reminder> DecideReminders(const std::vector<OpenItem>& open, Date today,
                                      const calendar::WorkCalendar& cal, const ReminderSettings& s);

// The n-th working day after `d` (n ≥ 1), whether or not `d` itself is a working day.
Date NthWorkingDayAfter(Date d, int n, const calendar::WorkCalendar& cal);

}  // namespace dh::notifications
