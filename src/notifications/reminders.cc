#include "notifications/reminders.h"

#include <unordered_map>

namespace dh::notifications {
namespace {

std::string Key(ReminderKind k, int64_t task_id, Date day) {
  return std::string(ReminderKindName(k)) + "/" + std::to_string(task_id) + "/" + day.ToString();
}

Reminder Make(ReminderKind k, int64_t task_id, Date key_day, Date since, int days) {
  return {task_id, k, Key(k, task_id, key_day), since, days};
}

void DeadlineReminders(const OpenItem& t, Date today, const calendar::WorkCalendar& cal,
                       const ReminderSettings& s, std::vector<Reminder>& out) {
  if (!t.deadline) return;
  const Date due = *t.deadline;
  if (today <= due) {
    const int left = cal.WorkingDaysBetween(today, due);
    if (left <= s.due_soon_days) out.push_back(Make(ReminderKind::kDueSoon, t.id, due, due, left));
    return;
  }
  const int late = cal.WorkingDaysBetween(due, today);
  if (late < 1) return;
  // Periods of `overdue_repeat_days` working days, the first starting the day after the deadline.
  const int period = s.overdue_repeat_days > 0 ? (late - 1) / s.overdue_repeat_days : 0;
  const Date began = NthWorkingDayAfter(due, period * s.overdue_repeat_days + 1, cal);
  out.push_back(Make(ReminderKind::kOverdue, t.id, began, due, late));
}

void SilenceReminders(const OpenItem& t, Date activity, Date today,
                      const calendar::WorkCalendar& cal, const ReminderSettings& s,
                      std::vector<Reminder>& out) {
  if (s.no_report_days <= 0) return;
  const int silent = cal.WorkingDaysBetween(activity, today);
  if (silent >= s.no_report_days)
    out.push_back(Make(ReminderKind::kNoReport, t.id, activity, activity, silent));
  if (silent >= s.no_report_days + std::max(0, s.escalate_after_days))
    out.push_back(Make(ReminderKind::kEscalation, t.id, activity, activity, silent));
}

}  // namespace

std::string_view ReminderKindName(ReminderKind k) {
  switch (k) {
    case ReminderKind::kDueSoon:
      return "due_soon";
    case ReminderKind::kOverdue:
      return "overdue";
    case ReminderKind::kNoReport:
      return "no_report";
    case ReminderKind::kEscalation:
      return "escalation";
  }
  return "";
}

Date NthWorkingDayAfter(Date d, int n, const calendar::WorkCalendar& cal) {
  return cal.AddWorkingDays(cal.NextWorkingDayOnOrAfter(d.AddDays(1)), n - 1);
}

std::vector<Reminder> RemindersFor(const OpenItem& t, Date activity, Date today,
                                   const calendar::WorkCalendar& cal, const ReminderSettings& s) {
  std::vector<Reminder> out;
  if (!t.holder_acts) return out;
  DeadlineReminders(t, today, cal, s, out);
  SilenceReminders(t, activity, today, cal, s, out);
  return out;
}

std::vector<Reminder> DecideReminders(const std::vector<OpenItem>& open, Date today,
                                      const calendar::WorkCalendar& cal,
                                      const ReminderSettings& s) {
  std::vector<Reminder> out;
  if (!cal.IsWorkingDay(today)) return out;
  std::unordered_map<int64_t, Date>
      parts_activity;  // parent id → latest activity of its open parts
  for (const auto& t : open) {
    if (t.parent_id == 0) continue;
    auto [it, fresh] = parts_activity.emplace(t.parent_id, t.last_activity);
    if (!fresh && it->second < t.last_activity) it->second = t.last_activity;
  }
  for (const auto& t : open) {
    Date activity = t.last_activity;
    if (auto it = parts_activity.find(t.id); it != parts_activity.end() && activity < it->second)
      activity = it->second;
    for (Reminder& r : RemindersFor(t, activity, today, cal, s)) out.push_back(std::move(r));
  }
  return out;
}

}  // namespace dh::notifications
