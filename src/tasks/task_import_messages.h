// What the task import says about a row's units and title (issue 9), in both languages
// (core/message.h). The columns' help is registered with the tasks' labels (task_messages.cc).
#pragma once

#include "core/message.h"

namespace dh::tasks::msg {

inline constexpr MessageText kImportUnitsAlike{
    "tasks.import_units_alike",
    "Có {n} đơn vị cùng tên {name}; ghi mã đơn vị (ví dụ {code}) để phân biệt.",
    "{n} units are named {name}; write the unit code (for example {code}) to tell them apart.",
};
inline constexpr MessageText kImportNoUnit{
    "tasks.import_no_unit",
    "Không tìm thấy đơn vị {name}. Ghi mã đơn vị (ví dụ MA.STC) hoặc tên đúng như trong danh mục "
    "đơn vị.",
    "The unit {name} was not found. Write the unit code (for example MA.STC) or its name as in "
    "the unit directory.",
};
inline constexpr MessageText kImportUnitEnded{
    "tasks.import_unit_ended",
    "Đơn vị {name} đã kết thúc hoạt động{since}{successors}.",
    "The unit {name} no longer operates{since}{successors}.",
};
inline constexpr MessageText kImportEndedSince{
    "tasks.import_ended_since",
    " từ {date}",
    " since {date}",
};
inline constexpr MessageText kImportSuccessor{
    "tasks.import_successor",
    "; đơn vị kế thừa là {name}",
    "; its successor is {name}",
};
inline constexpr MessageText kImportTitleAdvice{
    "tasks.import_title_advice",
    "đưa phần chi tiết sang cột Mô tả",
    "move the details to the column “Mô tả” (Description)",
};

}  // namespace dh::tasks::msg
