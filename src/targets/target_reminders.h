// Late explanations (issue 11): an explanation request still open reminds the unit asked to
// explain, under the notification job's own rules (notifications/reminders.h): before its
// date, once past it, then again while it stays unanswered, and its head when it has been
// silent long enough. The item's deadline is the request's date to answer (a working day:
// the effective deadline). An answered request is no longer open, so it reminds nobody; the
// answer also resolves the reminders already written (ResolveReminders, in its transaction).
#pragma once

#include <functional>
#include <memory>

#include "calendar/work_calendar.h"
#include "db/database.h"
#include "notifications/reminder_source.h"
#include "units/unit_directory.h"

namespace dh::targets {

// The kind of item the requests' notices and reminders are about (item_kinds.h).
inline constexpr char kExplanationItem[] = "explanation";

class ExplanationReminders final : public notifications::DatabaseReminderSource {
 public:
  using DatabaseReminderSource::DatabaseReminderSource;

  std::string Kind() const override { return kExplanationItem; }
  notifications::ItemNoun Noun() const override;
  std::vector<notifications::OpenItem> OpenItems() const override;
  Result<notifications::ItemsNow> Load(db::Connection& c, std::vector<int64_t> ids,
                                       const calendar::WorkCalendar& cal) const override;
  std::unordered_set<int64_t> Seen(const auth::Principal& who, const units::UnitGraph& g,
                                   const std::vector<int64_t>& ids) const override;
};

// Marks resolved the request's "asked" notices and the reminders about it (answered: they ask
// for nothing more).
Status ResolveReminders(db::Connection& c, int64_t id, int64_t now);

}  // namespace dh::targets
