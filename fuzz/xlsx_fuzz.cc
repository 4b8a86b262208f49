// Excel uploads as they come (sheets::ReadXlsx in src/sheets/sheet.h): any
// bytes, the ZIP container included. Seeds are real workbooks; xlsx_parts_fuzz reaches
// deeper into the XML of the parts. Checks as for CSV: rows in order, name and cells UTF-8,
// no more columns than the limit, a refusal InvalidInput or PayloadTooLarge with a UTF-8
// message (it may quote the workbook's own text).
#include <cstdint>

#include "fuzz_check.h"
#include "sheet_check.h"
#include "sheets/sheet.h"

namespace sheets = dh::sheets;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const sheets::ReadLimits limits{.max_part_bytes = 16 << 20, .max_rows = 100000};
  auto sheet = sheets::ReadXlsx(dh::fuzz::Bytes(data, size), limits);
  dh::fuzz::CheckSheetResult(sheet, limits);
  return 0;
}
