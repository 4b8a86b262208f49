// Investors update on time (Circular 13/2016/TT-BTC): an investor who has not reported a
// project's physical progress or disbursement within 7 working days after a month's end is
// reminded, then escalated, by the notification job's own rules (notifications/reminders.h)
// — the item's deadline is that 7th working day; no second timeliness rule. Its items are
// of kind "project" (notifications/item_kinds.h; the app registers both). The reminders
// resolve themselves: once the investor reports progress or a disbursement dated after the
// month's end, the project owes nothing, its notices leave the bell (ResolveUpdateReminders,
// in the update's transaction) and the job writes no more about that month.
#pragma once

#include <functional>
#include <optional>

#include "calendar/work_calendar.h"
#include "db/database.h"
#include "notifications/reminder_source.h"

namespace dh::investment {

inline constexpr int kUpdateWorkingDays = 7;
inline constexpr const char* kProjectItem = "project";

// The end of the month whose update is owed on `today` (the last day of the month before).
Date OwedMonthEnd(Date today);

// The deadline of the update the investor owes on `today`: 7 working days after the end of
// the month before today's; none when its last update is after that month's end.
std::optional<Date> UpdateDeadline(std::optional<Date> last_update, Date today,
                                   const calendar::WorkCalendar& cal);

// In the transaction of an update of `project_id` dated `day`: when it is the update owed on
// `today`, the reminders about the project are dealt with (resolved for every recipient).
Status ResolveUpdateReminders(db::Connection& c, int64_t project_id, Date day, Date today,
                              int64_t now);

// Which of these projects `who` may see (the project rule of investment_access.h).
using VisibleProjectsFn = std::function<std::unordered_set<int64_t>(
    const auth::Principal& who, const std::vector<int64_t>& ids)>;

class ProjectReminders final : public notifications::DatabaseReminderSource {
 public:
  // `today` and `cal`: how OpenItems dates the update owed (the job's clock and calendar).
  ProjectReminders(db::Database& db, const Clock& clock, CalendarFn calendar,
                   VisibleProjectsFn visible)
      : DatabaseReminderSource(db, clock, std::move(calendar)), visible_(std::move(visible)) {}

  std::string Kind() const override { return kProjectItem; }
  // What falls due is the investor's update (English: RegisterInvestmentLabels).
  notifications::ItemNoun Noun() const override {
    return {"Dự án", "dự án", "Cập nhật tiến độ, giải ngân dự án"};
  }

  std::vector<notifications::OpenItem> OpenItems() const override;
  Result<notifications::ItemsNow> Load(db::Connection& c, std::vector<int64_t> ids,
                                       const calendar::WorkCalendar& cal) const override;
  std::unordered_set<int64_t> Seen(const auth::Principal& who, const units::UnitGraph& g,
                                   const std::vector<int64_t>& ids) const override;

 private:
  VisibleProjectsFn visible_;
};

}  // namespace dh::investment
