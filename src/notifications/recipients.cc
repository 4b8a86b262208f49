#include "notifications/recipients.h"

#include <algorithm>

namespace dh::notifications {
namespace {

void AddOnce(std::vector<int64_t>& v, int64_t id) {
  if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(id);
}

}  // namespace

Recipients::Recipients(const std::vector<RoleHolder>& roles) {
  for (const RoleHolder& r : roles) {
    if (!r.unit_id) continue;  // admin: runs the system, is not told about every task
    const int64_t unit = *r.unit_id;
    if (r.role == "office" || r.role == "leader" || r.role == "officer" || r.role == "investor")
      AddOnce(people_[unit], r.user_id);
    if (r.role == "leader") AddOnce(leaders_[unit], r.user_id);
    if (r.role == "office") {
      AddOnce(office_[unit], r.user_id);
      office_grants_.emplace_back(r.user_id, unit);
    }
  }
}

const std::vector<int64_t>& Recipients::PeopleOf(int64_t unit_id) const {
  static const std::vector<int64_t> kNobody;
  auto it = people_.find(unit_id);
  return it == people_.end() ? kNobody : it->second;
}

std::vector<int64_t> Recipients::HeadsOf(int64_t unit_id, const units::UnitGraph& g,
                                         Date day) const {
  if (auto it = leaders_.find(unit_id); it != leaders_.end()) return it->second;
  std::optional<int64_t> up = g.ParentOn(unit_id, day);
  for (int guard = 0; up && guard < 64; ++guard, up = g.ParentOn(*up, day))
    if (auto it = office_.find(*up); it != office_.end()) return it->second;
  return {};
}

}  // namespace dh::notifications
