#pragma once

#include "db/database.h"
#include "http/router.h"

namespace dh::notifications {

// GET /api/v1/notifications, POST /api/v1/notifications/{id}/read — a user's own only.
void RegisterRoutes(http::Router& router, db::Database& db, const Clock& clock);

}  // namespace dh::notifications
