// Internal to src/sheets/: the worksheet part of an .xlsx, streamed cell by cell.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sheets/sheet.h"
#include "sheets/sheet_budget.h"
#include "sheets/xml_stream.h"
#include "sheets/zip_part.h"

namespace dh::sheets {

enum class NumberKind : uint8_t { kPlain, kPercent, kDate };

struct WorkbookParts {
  std::vector<std::string> shared;  // shared strings by index
  std::vector<NumberKind> kinds;    // number kind by cell style index
};

// Streams part `part` of `zip` through `handler`, at most `limit` uncompressed bytes.
Status StreamXml(const ZipPackage& zip, const std::string& part, size_t limit, XmlHandler& handler);

// The rows of worksheet `part`, rows without a value left out (each to `sink` when there is
// one, the Sheet then holding none).
Result<Sheet> ReadWorksheet(const ZipPackage& zip, const std::string& part,
                            const WorkbookParts& parts, SheetBudget& budget,
                            const ReadLimits& limits, const RowSink* sink = nullptr);

// "BC12" → column 54 (0-based), row 12. False when the reference is not of that shape
// or lies beyond Excel's last column (XFD).
bool ParseCellRef(std::string_view ref, size_t* column, int* row);

}  // namespace dh::sheets
