// What a read holds so far, against ReadLimits: one counter for cells, one for text.
// Internal to src/sheets/.
#pragma once

#include "core/status.h"
#include "sheets/sheet.h"

namespace dh::sheets {

class SheetBudget {
 public:
  explicit SheetBudget(const ReadLimits& limits) : limits_(limits) {}

  // A row grows from `before` to `after` cells.
  Status Cells(size_t before, size_t after);
  Status Text(size_t bytes);
  Status Row(size_t rows_so_far) const;
  // A value in 0-based column `column`, at the cell Excel calls `where` ("XFD1").
  Status Column(size_t column, const std::string& where) const;

 private:
  const ReadLimits& limits_;
  size_t cells_ = 0;
  size_t text_ = 0;
};

}  // namespace dh::sheets
