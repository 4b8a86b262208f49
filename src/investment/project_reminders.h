// Investors update on time (Circular 13/2016/TT-BTC): an investor who has not reported a
// project's physical progress or disbursement within 7 working days after a month's end is
// reminded, then escalated, by the notification job's own rules (notifications/reminders.h)
// — the item's deadline is that 7th working day; no second timeliness rule.
//
// Written against notifications::ReminderSource as it is today (task-shaped: one source per
// job, items named by a task id). Until notifications take items of any kind, this source
// is not registered: its items are projects, whose ids would be read as task ids.
#pragma once

#include <optional>

#include "calendar/work_calendar.h"
#include "db/database.h"
#include "notifications/reminder_source.h"

namespace dh::investment {

inline constexpr int kUpdateWorkingDays = 7;

// The deadline of the update the investor owes on `today`: 7 working days after the end of
// the month before today's; none when its last update is after that month's end.
std::optional<Date> UpdateDeadline(std::optional<Date> last_update, Date today,
                                   const calendar::WorkCalendar& cal);

class ProjectReminders final : public notifications::ReminderSource {
 public:
  // `today` and `cal`: how OpenItems dates the update owed (the job's clock and calendar).
  ProjectReminders(db::Database& db, const Clock& clock,
                   std::function<std::shared_ptr<const calendar::WorkCalendar>()> calendar)
      : db_(db), clock_(clock), calendar_(std::move(calendar)) {}

  std::vector<notifications::OpenItem> OpenItems() const override;
  Result<std::vector<notifications::PendingExtension>> PendingExtensions(
      db::Connection& c) const override;
  Result<std::unordered_map<int64_t, notifications::ItemNow>> Load(
      db::Connection& c, std::vector<int64_t> ids,
      const calendar::WorkCalendar& cal) const override;
  std::unordered_set<int64_t> Seen(const auth::Principal& who, const units::UnitGraph& g,
                                   const std::vector<int64_t>& ids) const override;

 private:
  db::Database& db_;
  const Clock& clock_;
  std::function<std::shared_ptr<const calendar::WorkCalendar>()> calendar_;
};

}  // namespace dh::investment
