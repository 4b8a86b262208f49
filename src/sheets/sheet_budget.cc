#include "sheets/sheet_budget.h"

#include <string>

#include "sheets/sheet_messages.h"

namespace dh::sheets {

size_t HeldBytesBound(const ReadLimits& l) {
  // Vectors may hold up to twice what they use while growing; shared strings are at
  // most max_cells strings; a small part is held as bytes and as a tree (~4×).
  return 2 * (l.max_cells * sizeof(SheetCell) + l.max_rows * sizeof(SheetRow)) +
         2 * l.max_cells * sizeof(std::string) + 2 * l.max_text_bytes + 5 * l.max_small_part_bytes;
}

Status SheetBudget::Cells(size_t before, size_t after) {
  cells_ += after - before;
  if (cells_ <= limits_.max_cells) return Status::Ok();
  return Status::PayloadTooLarge(
      Say(msg::kTooManyCells, {{"max", static_cast<int64_t>(limits_.max_cells)}}));
}

Status SheetBudget::Text(size_t bytes) {
  text_ += bytes;
  if (text_ <= limits_.max_text_bytes) return Status::Ok();
  return Status::PayloadTooLarge(
      Say(msg::kTooMuchText, {{"max", static_cast<int64_t>(limits_.max_text_bytes >> 20)}}));
}

Status SheetBudget::Row(size_t rows_so_far) const {
  if (rows_so_far < limits_.max_rows) return Status::Ok();
  return Status::PayloadTooLarge(
      Say(msg::kTooManyRows, {{"max", static_cast<int64_t>(limits_.max_rows)}}));
}

Status SheetBudget::Column(size_t column, const std::string& where) const {
  if (column < limits_.max_columns) return Status::Ok();
  return Status::InvalidInput(
      "file",
      Say(msg::kOutsideTable,
          {{"where", where}, {"max", static_cast<int64_t>(limits_.max_columns)}}),
      "too_many_columns");
}

}  // namespace dh::sheets
