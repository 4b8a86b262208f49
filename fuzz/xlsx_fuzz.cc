// Excel uploads as they come (sheets::ReadXlsx in src/sheets/sheet.h): any
// bytes, the ZIP container included. Seeds are real workbooks; xlsx_parts_fuzz reaches
// deeper into the XML of the parts. Checks as for CSV: rows in order, cells UTF-8, no more
// columns than Excel has, a refusal one of the documented ones.
#include <cstdint>

#include "fuzz_check.h"
#include "sheet_check.h"
#include "sheets/sheet.h"

namespace tasks = dh::tasks;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const sheets::ReadLimits limits{.max_part_bytes = 16 << 20, .max_rows = 100000};
  auto sheet = sheets::ReadXlsx(dh::fuzz::Bytes(data, size), limits);
  if (sheet.ok()) {
    dh::fuzz::CheckSheet(*sheet, limits);
    return 0;
  }
  const std::string& code = sheet.status().error_code();
  FUZZ_CHECK(code == "not_xlsx" || code == "bad_xlsx" ||
             sheet.status().code() == dh::StatusCode::kPayloadTooLarge);
  return 0;
}
