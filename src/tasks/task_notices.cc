#include "tasks/task_notices.h"

#include "core/text.h"
#include "notifications/notification_store.h"

namespace dh::tasks {

std::string Short(const std::string& title) {
  return text::CodePointCount(title) > 80 ? title.substr(0, title.find(' ', 70)) + "…" : title;
}

// Who decides for a task led by `unit` (extensions, confirming completion): the active office
// users whose grant covers that unit — the scope the permission check itself uses.
Result<std::vector<int64_t>> Deciders(db::Connection& c, const units::UnitGraph& g, int64_t unit) {
  DH_ASSIGN_OR_RETURN(auto holders, notifications::ActiveRoleHolders(c));
  std::vector<int64_t> out;
  for (const auto& h : holders)
    if (h.role == "office" && h.unit_id && g.SharedScopeOf(*h.unit_id)->count(unit) &&
        (out.empty() || out.back() != h.user_id))
      out.push_back(h.user_id);
  return out;
}
}  // namespace dh::tasks
