#include "notifications/digest.h"

#include <algorithm>
#include <unordered_set>

namespace dh::notifications {
namespace {

void AddHolders(std::unordered_map<int64_t, DigestItems>& out, const OpenItem& t,
                const Recipients& recipients, std::vector<DigestEntry> DigestItems::*list,
                const DigestEntry& e) {
  std::unordered_set<int64_t> told;
  for (int64_t u : recipients.PeopleOf(t.lead_unit_id))
    if (told.insert(u).second) (out[u].*list).push_back(e);
  if (t.assignee_id != 0 && told.insert(t.assignee_id).second)
    (out[t.assignee_id].*list).push_back(e);
}

// Office users, each with the units its office roles cover.
std::unordered_map<int64_t, std::unordered_set<int64_t>> OfficeScopes(
    const Recipients& recipients, const units::UnitGraph& graph) {
  std::unordered_map<int64_t, std::unordered_set<int64_t>> scope_of_unit, out;
  for (const auto& [user, unit] : recipients.OfficeGrants()) {
    auto it = scope_of_unit.find(unit);
    if (it == scope_of_unit.end()) it = scope_of_unit.emplace(unit, graph.ScopeOf(unit)).first;
    out[user].insert(it->second.begin(), it->second.end());
  }
  return out;
}

void SortEntries(std::vector<DigestEntry>& v) {
  std::sort(v.begin(), v.end(), [](const DigestEntry& a, const DigestEntry& b) {
    return a.date != b.date ? a.date < b.date : a.task_id < b.task_id;
  });
}

}  // namespace

std::unordered_map<int64_t, DigestItems> BuildDigests(const std::vector<OpenItem>& open,
                                                      const std::vector<PendingExtension>& pending,
                                                      const Recipients& recipients,
                                                      const units::UnitGraph& graph, Date today,
                                                      const calendar::WorkCalendar& cal,
                                                      int due_soon_days) {
  std::unordered_map<int64_t, DigestItems> out;
  if (!cal.IsWorkingDay(today)) return out;
  std::unordered_map<int64_t, const OpenItem*> by_id;
  std::vector<const OpenItem*> awaiting;
  for (const auto& t : open) {
    by_id.emplace(t.id, &t);
    if (t.awaiting_decision) awaiting.push_back(&t);
    if (!t.holder_acts || !t.deadline) continue;
    if (today > *t.deadline) {
      AddHolders(out, t, recipients, &DigestItems::overdue,
                 {t.id, *t.deadline, cal.WorkingDaysBetween(*t.deadline, today)});
    } else if (const int left = cal.WorkingDaysBetween(today, *t.deadline); left <= due_soon_days) {
      AddHolders(out, t, recipients, &DigestItems::due_soon, {t.id, *t.deadline, left});
    }
  }
  const auto scopes = OfficeScopes(recipients, graph);
  for (const auto& [user, scope] : scopes) {
    for (const auto* t : awaiting)
      if (scope.count(t->lead_unit_id))
        out[user].awaiting_confirmation.push_back({t->id, t->deadline.value_or(today), 0});
    for (const auto& e : pending) {
      auto it = by_id.find(e.task_id);
      if (it != by_id.end() && scope.count(it->second->lead_unit_id))
        out[user].extensions.push_back({e.task_id, e.requested_deadline, 0});
    }
  }
  for (auto& [user, items] : out) {
    SortEntries(items.overdue), SortEntries(items.due_soon);
    SortEntries(items.extensions), SortEntries(items.awaiting_confirmation);
  }
  return out;
}

}  // namespace dh::notifications
