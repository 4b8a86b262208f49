// Who hears about a unit's tasks, and who heads a unit, from the roles active users hold.
// Built once per pass of the notification job from one read of the roles; pure after that.
#pragma once

#include <unordered_map>
#include <vector>

#include "notifications/notification_store.h"
#include "units/unit_graph.h"

namespace dh::notifications {

class Recipients {
 public:
  explicit Recipients(const std::vector<RoleHolder>& roles);

  // The people of a unit: holders of a role on it that works on or leads its tasks
  // (office, leader, officer, investor). Viewers and businesses read, they are not told.
  const std::vector<int64_t>& PeopleOf(int64_t unit_id) const;
  // The head of a unit: its leaders; without one, the office of its parent on `day`, or of
  // the nearest ancestor that has an office. Empty when nobody qualifies.
  std::vector<int64_t> HeadsOf(int64_t unit_id, const units::UnitGraph& g, Date day) const;
  // Every office grant (user, unit): who decides extensions and confirms completions.
  const std::vector<std::pair<int64_t, int64_t>>& OfficeGrants() const { return office_grants_; }

 private:
  std::unordered_map<int64_t, std::vector<int64_t>> people_, leaders_, office_;
  std::vector<std::pair<int64_t, int64_t>> office_grants_;
};

}  // namespace dh::notifications
