// Messages more than one room says in the same words (core/message.h), declared once: the
// JSON readers (core/json.cc) and the sheets' cells (sheets/cells.cc) both refuse a text
// that is too long with kTooLong; the sheets' imports and the task imports a file with wrong
// rows with kInvalidRows.
#pragma once

#include "core/message.h"

namespace dh::msg {

// {name}: the field as the form or the sheet's column labels it; {max}: characters.
inline constexpr MessageText kTooLong{
    "core.too_long",
    "{name} dài quá {max} ký tự; hãy rút gọn.",
    "{name} is longer than {max} characters; please shorten it.",
};

// An import refused for its rows: {n} errors; {what} names the rows ("nhiệm vụ").
inline constexpr MessageText kInvalidRows{
    "core.invalid_rows",
    "{n} lỗi trong tệp; chưa nhập {what} nào. Sửa các dòng được nêu rồi gửi lại.",
    "{n} errors in the file; nothing was imported. Correct the rows listed and send it again.",
};

}  // namespace dh::msg

namespace dh::msg {

// A write refused by a foreign key: the row is still referenced, or refers to one that is gone
// (db/sqlite_connection.cc and db/postgres_connection.cc say it alike).
inline constexpr MessageText kForeignKey{
    "core.foreign_key",
    "Dữ liệu đang được tham chiếu hoặc tham chiếu tới mục không tồn tại.",
    "The data is still referred to, or refers to something that does not exist.",
};

}  // namespace dh::msg
