#pragma once

#include "calendar/calendar_service.h"
#include "http/router.h"

namespace dh::calendar {

// GET /api/v1/calendar (a year's days off and working swaps), POST /api/v1/calendar/swaps.
void RegisterRoutes(http::Router& router, CalendarService& service);

}  // namespace dh::calendar
