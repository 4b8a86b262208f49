#include "notifications/item_kinds.h"

namespace dh::notifications {

void ItemKinds::Register(ItemKind k) {
  std::string name = k.kind;
  kinds_.insert_or_assign(std::move(name), std::move(k));
}

std::string ItemKinds::PathOf(const ItemRef& item) const {
  auto it = kinds_.find(item.kind);
  if (item.empty() || it == kinds_.end()) return "";
  return it->second.path_prefix + std::to_string(item.id);
}

std::unordered_set<int64_t> ItemKinds::Visible(const std::string& kind, const auth::Principal& who,
                                               const std::vector<int64_t>& ids) const {
  auto it = kinds_.find(kind);
  if (it == kinds_.end() || !it->second.visible) return {};
  return it->second.visible(who, ids);
}

}  // namespace dh::notifications
