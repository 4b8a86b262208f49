// The daily digest (bản tin hằng ngày): one e-mail per user listing what needs them —
// their tasks due soon and overdue, for office users the extension requests and
// completions awaiting their decision, and their unread notifications. A user with
// nothing due and nothing to decide gets no digest: unread notifications alone were
// already e-mailed one by one.
#pragma once

#include <unordered_map>
#include <vector>

#include "calendar/work_calendar.h"
#include "notifications/recipients.h"
#include "notifications/reminder_source.h"

namespace dh::notifications {

struct DigestEntry {
  int64_t task_id = 0;
  Date date;     // the effective deadline; for an extension, the date asked for
  int days = 0;  // working days left (due soon) or past (overdue)
};

struct DigestItems {
  std::vector<DigestEntry> overdue, due_soon, extensions, awaiting_confirmation;
  bool empty() const {
    return overdue.empty() && due_soon.empty() && extensions.empty() &&
           awaiting_confirmation.empty();
  }
  size_t size() const {
    return overdue.size() + due_soon.size() + extensions.size() + awaiting_confirmation.size();
  }
};

// What each user's digest lists on `today`, by user id; users with nothing are absent.
// Due soon and overdue: items whose holder acts (OpenItem::holder_acts), to the people
// of the lead unit and the assignee. Awaiting a decision: to every office user whose scope
// (the subtree of the unit the office role is granted on) covers the task's lead unit.
// Each list is ordered by date, then task id. Nothing on a day off.
std::unordered_map<int64_t, DigestItems> BuildDigests(const std::vector<OpenItem>& open,
                                                      const std::vector<PendingExtension>& pending,
                                                      const Recipients& recipients,
                                                      const units::UnitGraph& graph, Date today,
                                                      const calendar::WorkCalendar& cal,
                                                      int due_soon_days);

}  // namespace dh::notifications
