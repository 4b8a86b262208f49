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
  // Whether Column would pass, without the cell's name (checked on every value).
  bool ColumnFits(size_t column) const { return column < limits_.max_columns; }
  // Streaming (StreamUpload): what is held now is the base; each row handed over gives back
  // what it held, so the limits bound one row beside the base.
  void Mark() { mark_cells_ = cells_, mark_text_ = text_; }
  void BackToMark() { cells_ = mark_cells_, text_ = mark_text_; }

 private:
  const ReadLimits& limits_;
  size_t cells_ = 0;
  size_t text_ = 0;
  size_t mark_cells_ = 0, mark_text_ = 0;
};

// The readers behind ReadCsv, ReadXlsx and StreamUpload: rows into the Sheet returned, or
// each to `sink` when there is one (the Sheet then holds none).
Result<Sheet> ReadCsvTo(std::string_view bytes, const ReadLimits& limits, const RowSink* sink);
Result<Sheet> ReadXlsxTo(std::string_view bytes, const ReadLimits& limits, const RowSink* sink);

}  // namespace dh::sheets
