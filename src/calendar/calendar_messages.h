// The calendar's messages in both languages (core/message.h).
#pragma once

#include "core/message.h"

namespace dh::calendar::msg {

inline constexpr MessageText kChooseWorkingTrueMakeUp{
    "calendar.choose_working_true_make_up",
    "Chọn working: true (làm bù) hoặc false (nghỉ).",
    "Choose working: true (a make-up working day) or false (a day off).",
};
inline constexpr MessageText kMakeUpWorkingDayMust{
    "calendar.make_up_working_day_must",
    "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.",
    "A make-up working day must be a Saturday or a Sunday.",
};
inline constexpr MessageText kOnlySystemAdministratorEnterSwapped{
    "calendar.only_system_administrator_enter_swapped",
    "Chỉ quản trị hệ thống được nhập ngày hoán đổi.",
    "Only the system administrator may enter swapped days.",
};
inline constexpr MessageText kSwappedDayOffMustWeekday{
    "calendar.swapped_day_off_must_weekday",
    "Ngày nghỉ hoán đổi phải là một ngày trong tuần (thứ Hai–thứ Sáu).",
    "A swapped day off must be a weekday (Monday–Friday).",
};
inline constexpr MessageText kYearMustFrom{
    "calendar.year_must_from",
    "Năm từ 1990 đến 2100.",
    "The year must be from 1990 to 2100.",
};

}  // namespace dh::calendar::msg
