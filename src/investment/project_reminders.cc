#include "investment/project_reminders.h"

#include "investment/key_project_store.h"
#include "notifications/outbox.h"
#include "notifications/reminders.h"

namespace dh::investment {

Date OwedMonthEnd(Date today) { return Date::FromYmd(today.year(), today.month(), 1)->AddDays(-1); }

std::optional<Date> UpdateDeadline(std::optional<Date> last_update, Date today,
                                   const calendar::WorkCalendar& cal) {
  const Date month_end = OwedMonthEnd(today);
  if (last_update && *last_update > month_end) return std::nullopt;
  return cal.AddWorkingDays(month_end, kUpdateWorkingDays);
}

Status ResolveUpdateReminders(db::Connection& c, int64_t project_id, Date day, Date today,
                              int64_t now) {
  if (day <= OwedMonthEnd(today)) return Status::Ok();
  using notifications::ReminderKind;
  for (ReminderKind k : {ReminderKind::kDueSoon, ReminderKind::kOverdue, ReminderKind::kNoReport,
                         ReminderKind::kEscalation})
    DH_RETURN_IF_ERROR(notifications::Resolve(c, {kProjectItem, project_id},
                                              std::string(notifications::ReminderKindName(k)), now)
                           .status());
  return Status::Ok();
}

std::vector<notifications::OpenItem> ProjectReminders::OpenItems() const {
  std::vector<UpdateState> states;
  const Status s = db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(states, ActiveProjectUpdates(c));
    return Status::Ok();
  });
  std::vector<notifications::OpenItem> out;
  if (!s.ok()) return out;
  const auto cal = calendar_();
  const Date today = clock_.Today();
  for (const UpdateState& u : states) {
    const auto deadline = UpdateDeadline(u.last_update, today, *cal);
    if (!deadline) continue;
    out.push_back({.id = u.project_id,
                   .lead_unit_id = u.investor_id,
                   .deadline = deadline,
                   .last_activity = u.last_update.value_or(VietnamDateOf(u.created_at)),
                   .holder_acts = true});
  }
  return out;
}

Result<notifications::ItemsNow> ProjectReminders::Load(db::Connection& c, std::vector<int64_t> ids,
                                                       const calendar::WorkCalendar& cal) const {
  DH_ASSIGN_OR_RETURN(auto states, ProjectUpdatesOf(c, ids));
  notifications::ItemsNow out;
  const Date today = clock_.Today();
  for (const UpdateState& u : states)
    out.emplace(u.project_id, notifications::ItemNow{u.code + " " + u.name, u.investor_id, true,
                                                     UpdateDeadline(u.last_update, today, cal)});
  return out;
}

std::unordered_set<int64_t> ProjectReminders::Seen(const auth::Principal& who,
                                                   const units::UnitGraph&,
                                                   const std::vector<int64_t>& ids) const {
  return visible_(who, ids);
}

}  // namespace dh::investment
