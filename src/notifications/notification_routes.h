#pragma once

#include <functional>
#include <unordered_set>
#include <vector>

#include "db/database.h"
#include "http/router.h"

namespace dh::notifications {

// Which of these tasks `who` may see (the tasks room's rule, tasks::CanSeeTask), handed in
// by the app: notifications sit below the features and include none of them.
using TaskVisibility = std::function<std::unordered_set<int64_t>(const auth::Principal& who,
                                                                 const std::vector<int64_t>& ids)>;

// GET /api/v1/notifications, POST /api/v1/notifications/{id}/read — a user's own only, and
// of those only the ones whose task the user sees today (a task reassigned away takes its
// notifications with it).
void RegisterRoutes(http::Router& router, db::Database& db, const Clock& clock,
                    TaskVisibility visible);

}  // namespace dh::notifications
