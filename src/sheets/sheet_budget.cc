#include "sheets/sheet_budget.h"

#include <string>

namespace dh::sheets {
namespace {

std::string Count(size_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ".");
  return s;
}

}  // namespace

size_t HeldBytesBound(const ReadLimits& l) {
  // Vectors may hold up to twice what they use while growing; shared strings are at
  // most max_cells strings; a small part is held as bytes and as a tree (~4×).
  return 2 * (l.max_cells * sizeof(SheetCell) + l.max_rows * sizeof(SheetRow)) +
         2 * l.max_cells * sizeof(std::string) + 2 * l.max_text_bytes + 5 * l.max_small_part_bytes;
}

Status SheetBudget::Cells(size_t before, size_t after) {
  cells_ += after - before;
  if (cells_ <= limits_.max_cells) return Status::Ok();
  return Status::PayloadTooLarge("Bảng tính có quá nhiều ô (tối đa " + Count(limits_.max_cells) +
                                 " ô mỗi lần nhập, kể cả ô trống xen giữa). Hãy xóa các cột "
                                 "và dòng thừa hoặc chia thành nhiều tệp.");
}

Status SheetBudget::Text(size_t bytes) {
  text_ += bytes;
  if (text_ <= limits_.max_text_bytes) return Status::Ok();
  return Status::PayloadTooLarge("Bảng tính có quá nhiều chữ (tối đa " +
                                 Count(limits_.max_text_bytes >> 20) +
                                 " MiB mỗi lần nhập). Hãy chia thành nhiều tệp.");
}

Status SheetBudget::Row(size_t rows_so_far) const {
  if (rows_so_far < limits_.max_rows) return Status::Ok();
  return Status::PayloadTooLarge("Bảng tính có quá nhiều dòng (tối đa " + Count(limits_.max_rows) +
                                 " dòng mỗi lần nhập). Hãy chia thành nhiều tệp.");
}

Status SheetBudget::Column(size_t column, const std::string& where) const {
  if (column < limits_.max_columns) return Status::Ok();
  return Status::InvalidInput("file",
                              "Ô " + where + " nằm ngoài vùng bảng (tối đa " +
                                  Count(limits_.max_columns) +
                                  " cột). Hãy xóa nội dung các cột thừa ở bên phải rồi gửi lại.",
                              "too_many_columns");
}

}  // namespace dh::sheets
