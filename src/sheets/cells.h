// Reading one cell as a value of a declared column, as Vietnamese offices write them. Each
// reader gives the value, nothing (an empty cell: whether that is wrong is the row's
// business, see rows.h), or a sentence in Vietnamese naming the column (ColumnSpec::noun)
// that says what is wrong and how to write it (ColumnSpec::help is added). Never throws.
//
// - Text: trimmed; longer than `max_chars` code points is an error.
// - Integers: a whole number cell, or text "1234" / "1.234" (dots between thousands).
// - Dates: a date cell or any number cell read as Excel's serial day (1900 system); text
//   dd/mm/yyyy or d/m/yyyy (also with "-" or "." between), or yyyy-mm-dd. A year outside
//   DateRule's range is an error, so that "15/06/206" or a stray number is not a date.
// - Percentages, in percent points (95 means 95 %): text "95", "95%", "95,5 %", "95.5";
//   a number cell formatted as a percentage (Excel holds 95,5 % as 0.955) is multiplied
//   by 100; a number cell without that format is taken as written (95.5 → 95.5 %).
// - Money, into whole đồng (int64), never through a float for text: "1.234.567" (dots
//   between thousands, each group three digits), "1.234.567,5" (a comma before the
//   fraction), "1234567", an optional "-" when negatives are allowed, an optional "đ",
//   "đồng" or "VNĐ" after. MoneyRule::scale says the unit the column is written in
//   (1 đồng, 1.000 for nghìn đồng, 1.000.000 for triệu đồng). A fraction of a đồng is
//   refused, never rounded: "1.234.567,5" is 1.234.567.500 đồng in a column in nghìn đồng
//   and an error in one in đồng (where "1,234" is more likely a thousands separator typed
//   the English way than 1,234 đồng). A number cell is read from the shortest decimal
//   that gives back its double (what Excel shows), by the same exact rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/money.h"
#include "sheets/columns.h"
#include "sheets/sheet.h"

namespace dh::sheets {

template <class T>
struct Parsed {
  std::optional<T> value;  // nullopt with no error: the cell is empty
  std::string error;       // why the cell cannot be read; empty when it can
  bool ok() const { return error.empty(); }
};

// `advice` follows the "too long" sentence ("đưa phần chi tiết sang cột Mô tả").
Parsed<std::string> ReadText(const SheetCell* cell, const ColumnSpec& col, size_t max_chars,
                             std::string_view advice = {});
Parsed<int64_t> ReadInteger(const SheetCell* cell, const ColumnSpec& col, int64_t min, int64_t max);

struct DateRule {
  int min_year = 1990, max_year = 2100;
};
Parsed<Date> ReadDate(const SheetCell* cell, const ColumnSpec& col, DateRule rule = {});

Parsed<double> ReadPercent(const SheetCell* cell, const ColumnSpec& col, double min = 0,
                           double max = 100);

struct MoneyRule {
  int64_t scale = 1;  // đồng per unit written: 1, 1000 (nghìn đồng), 1000000 (triệu đồng)
  bool negative = false;
};
Parsed<Money> ReadMoney(const SheetCell* cell, const ColumnSpec& col, MoneyRule rule = {});

// "1.234.567" or "1234567", optionally with ",5…" after and "-" before: the digits
// before and after the comma. nullopt when the text is not written that way.
struct Decimal {
  bool negative = false;
  std::string whole, fraction;  // digits only
};
std::optional<Decimal> ParseVietnameseDecimal(std::string_view text);

}  // namespace dh::sheets
