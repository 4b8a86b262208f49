// The names of the statutory and lunar holidays (work_calendar.cc) for an English reader.
#pragma once

#include <string>

#include "calendar/work_calendar.h"
#include "core/message.h"

namespace dh::calendar {

// The holiday's name in `lang`: the English name of a holiday of the Labour Code and of its
// substitute day; an admin's own swap keeps the name it was given.
std::string HolidayName(const Holiday& h, Lang lang);

}  // namespace dh::calendar
