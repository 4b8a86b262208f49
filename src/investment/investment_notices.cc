#include "investment/investment_notices.h"

#include "notifications/outbox.h"

namespace dh::investment {

Result<int64_t> NotifyUnit(db::Connection& c, int64_t unit_id, const Notice& notice, int64_t now) {
  DH_ASSIGN_OR_RETURN(auto users, notifications::UsersOfUnit(c, unit_id));
  if (users.empty()) return int64_t{0};
  return notifications::Notify(c, users, notice.kind, std::nullopt, notice.text, notice.dedup_key,
                               now);
}

}  // namespace dh::investment
