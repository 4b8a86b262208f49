// Reading a table of cells from what an office uploads: an Excel workbook (.xlsx, its
// first sheet) or a CSV file. No knowledge of tasks here: the importer (task_import.h)
// decides what the columns mean. The upload's kind is sniffed from its bytes, never
// taken from its name.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace dh::tasks {

struct SheetCell {
  std::string text;              // as a person reads it; for a number, its shortest form
  std::optional<double> number;  // numeric cells (Excel numbers and dates)
  bool percent = false;          // formatted as a percentage (0.45 shows as 45 %)
  bool date = false;             // formatted as a date (the number is a serial date)
};

struct SheetRow {
  int number = 0;                // as Excel (or a spreadsheet opening the CSV) shows it, from 1
  std::vector<SheetCell> cells;  // by column, A = 0; may be shorter than other rows

  const SheetCell* At(size_t column) const {
    return column < cells.size() ? &cells[column] : nullptr;
  }
};

struct Sheet {
  std::string name;
  std::vector<SheetRow> rows;  // rows without any cell are left out
};

enum class UploadKind { kXlsx, kXls, kCsv, kUnknown };

// From the first bytes: a ZIP container (maybe .xlsx), the old binary Excel format,
// UTF-8 text (CSV), or anything else.
UploadKind SniffUpload(std::string_view bytes);

struct ReadLimits {
  size_t max_part_bytes = 256u << 20;  // one uncompressed part of the workbook
  size_t max_rows = 100000;
};

// The first worksheet. InvalidInput ("not_xlsx") when the ZIP is not a workbook, or
// ("bad_xlsx") when a part cannot be read; PayloadTooLarge past the limits.
Result<Sheet> ReadXlsx(std::string_view bytes, const ReadLimits& limits = {});

// UTF-8 with or without a byte-order mark; fields separated by commas or semicolons
// (whichever the first lines use more), quoted with "…" ("" inside quotes is one "),
// quoted fields may span lines. InvalidInput ("not_utf8") for other encodings.
Result<Sheet> ReadCsv(std::string_view bytes, const ReadLimits& limits = {});

// The Excel serial day (days since 1899-12-30, the 1900 date system) of a day counted
// from 1970-01-01, and back.
inline double ExcelSerial(int32_t days_since_epoch) { return days_since_epoch + 25569.0; }
inline int32_t DaysFromExcelSerial(double serial) { return static_cast<int32_t>(serial) - 25569; }

}  // namespace dh::tasks
