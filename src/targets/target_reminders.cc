#include "targets/target_reminders.h"

#include "calendar/deadline.h"
#include "core/message.h"
#include "notifications/outbox.h"
#include "notifications/reminders.h"
#include "targets/target_access.h"
#include "targets/target_store.h"

namespace dh::targets {
namespace {

notifications::OpenItem ItemOf(const ExplanationRequest& r, const calendar::WorkCalendar& cal) {
  return {.id = r.id,
          .lead_unit_id = r.unit_id,
          .deadline = calendar::EffectiveDeadline(r.due_on, cal),
          .last_activity = VietnamDateOf(r.asked_at),
          .holder_acts = true};
}

}  // namespace

notifications::ItemNoun ExplanationReminders::Noun() const {
  // Its English, for the reminders' sentences (core/message.h labels).
  static const bool registered = (RegisterLabels({{"Yêu cầu giải trình", "Explanation request"},
                                                  {"Giải trình:", "Explanation:"}}),
                                  true);
  (void)registered;
  return {"Yêu cầu giải trình", "yêu cầu giải trình", "Giải trình:"};
}

std::vector<notifications::OpenItem> ExplanationReminders::OpenItems() const {
  std::vector<ExplanationRequest> open;
  const Status s = db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(open, ListExplanations(c, {.state = ExplanationState::kOpen}));
    return Status::Ok();
  });
  std::vector<notifications::OpenItem> out;
  if (!s.ok()) return out;
  const auto cal = calendar_();
  for (const ExplanationRequest& r : open) out.push_back(ItemOf(r, *cal));
  return out;
}

Result<notifications::ItemsNow> ExplanationReminders::Load(
    db::Connection& c, std::vector<int64_t> ids, const calendar::WorkCalendar& cal) const {
  notifications::ItemsNow out;
  for (int64_t id : ids) {
    DH_ASSIGN_OR_RETURN(auto r, FindExplanation(c, id));
    if (!r || r->state != ExplanationState::kOpen) continue;  // answered: nothing to remind
    out.emplace(id,
                notifications::ItemNow{r->question, r->unit_id, true, ItemOf(*r, cal).deadline});
  }
  return out;
}

std::unordered_set<int64_t> ExplanationReminders::Seen(const auth::Principal& who,
                                                       const units::UnitGraph& g,
                                                       const std::vector<int64_t>& ids) const {
  std::unordered_set<int64_t> out;
  const TargetAccess a = AccessFor(who, g);
  (void)db::Read(db_, [&](db::Connection& c) -> Status {
    for (int64_t id : ids) {
      DH_ASSIGN_OR_RETURN(auto r, FindExplanation(c, id));
      if (r && SeesExplanation(a, *r)) out.insert(id);
    }
    return Status::Ok();
  });
  return out;
}

Status ResolveReminders(db::Connection& c, int64_t id, int64_t now) {
  using notifications::ReminderKind;
  std::vector<std::string> kinds = {"explanation.asked"};
  for (ReminderKind k : {ReminderKind::kDueSoon, ReminderKind::kOverdue, ReminderKind::kNoReport,
                         ReminderKind::kEscalation})
    kinds.emplace_back(notifications::ReminderKindName(k));
  for (const std::string& kind : kinds)
    DH_RETURN_IF_ERROR(notifications::Resolve(c, {kExplanationItem, id}, kind, now).status());
  return Status::Ok();
}

}  // namespace dh::targets
