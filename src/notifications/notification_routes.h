#pragma once

#include <memory>

#include "db/database.h"
#include "http/router.h"
#include "notifications/item_kinds.h"

namespace dh::notifications {

// GET /api/v1/notifications, POST /api/v1/notifications/{id}/read — a user's own only, and
// of those only the ones whose item the user sees today by its kind's rule (`kinds`, filled
// at start-up; a task reassigned away takes its notifications with it). Notices already
// dealt with (resolved) are left out unless `resolved=true`.
void RegisterRoutes(http::Router& router, db::Database& db, const Clock& clock,
                    std::shared_ptr<const ItemKinds> kinds);

}  // namespace dh::notifications
