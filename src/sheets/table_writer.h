// Tables in the officials' layout, as .xlsx (libxlsxwriter): a title block (heading, what
// the table covers, "Số liệu đến ngày …"), the column headings and their "(1) (2) …" line,
// the rows (with bold group headings "I", "I.1" between them), a totals row, in Times New
// Roman 12 with thin borders; the heading rows frozen and printed on every page, A4
// landscape one page wide, "Trang x/y" at the foot. A feature fills it from a column
// declaration: headings, kinds, widths.
//
// Kinds of cell: text (wrapped; the row grows to fit it), whole numbers, money (whole đồng
// with the thousands grouped, number format "#,##0": Excel shows the separator of the
// reader's settings, dots on a Vietnamese Windows, and the cell stays a number that sums),
// dates (dd/mm/yyyy, real dates), percentages (given as a fraction, 0.455 shows 46 % or
// with TableColumn::number_format "0.0%" 45.5 %). A cell may also hold text where its
// column holds numbers or dates ("Thường xuyên" in a deadline column).
//
// Rows go to disk as they come (libxlsxwriter's constant-memory mode): 100 000 rows hold
// one row in memory. Not thread-safe. An unfinished file is removed by the destructor.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace dh::sheets {

enum class CellKind { kText, kInteger, kMoney, kDate, kPercent };

struct TableColumn {
  std::string heading;
  CellKind kind = CellKind::kText;
  double width = 12;          // in Excel's character units
  bool center = false;        // centred; otherwise text to the left, numbers to the right
  bool total = false;         // summed in the totals row (integers and money)
  std::string number_format;  // instead of the kind's own ("0.0%")
};

struct TableTitle {
  std::string heading;  // "DANH MỤC NHIỆM VỤ"
  std::string scope;    // what the table covers, in words; may be long
  std::string as_of;    // "Số liệu đến ngày 15/01/2026. Tổng số: 12 nhiệm vụ."
  std::string sheet_name = "Sheet1";
  std::string totals_label = "Tổng cộng";
};

struct Colour {
  uint32_t fill = 0xFFFFFF, text = 0x000000;  // 0xRRGGBB
  auto operator<=>(const Colour&) const = default;
};

struct TableCell {
  // Nothing; text; a whole number (also money, in đồng); a date; a fraction (percent).
  std::variant<std::monostate, std::string, int64_t, Date, double> value;
  std::optional<Colour> colour;  // a status shown in colour
};

class TableWriter {
 public:
  static Result<std::unique_ptr<TableWriter>> Create(const std::string& path,
                                                     const TableTitle& title,
                                                     std::vector<TableColumn> columns);
  ~TableWriter();

  // A group heading across the table: its number in the first column, its title after.
  Status Heading(const std::string& number, const std::string& title);
  // One cell per column, in order (fewer leaves the rest empty).
  Status Row(const std::vector<TableCell>& cells);
  // The totals row when a column has `total`, then completes and closes the file.
  Status Finish();

 private:
  struct Impl;
  explicit TableWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A table written to a temporary file by `fill` (Heading and Row; not Finish), finished,
// read back and removed: the .xlsx bytes.
Result<std::string> TableBytes(const TableTitle& title, std::vector<TableColumn> columns,
                               const std::function<Status(TableWriter&)>& fill);

}  // namespace dh::sheets
