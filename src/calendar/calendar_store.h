// Where the admins' calendar swaps are kept. Every function runs on the caller's
// connection, inside the caller's transaction.
#pragma once

#include <vector>

#include "calendar/work_calendar.h"
#include "db/connection.h"

namespace dh::calendar {

// Every swap, in date order.
Result<std::vector<DaySwap>> LoadSwaps(db::Connection& c);
// UniqueViolation on field "date" when the day already has a swap.
Status InsertSwap(db::Connection& c, const DaySwap& swap, int64_t created_by, int64_t now);

}  // namespace dh::calendar
