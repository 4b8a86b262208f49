// CSV uploads (sheets::ReadCsv, sheets::SniffUpload in src/sheets/sheet.h): any
// bytes, with the server's limits and with a small row limit. Checks: what SniffUpload
// calls CSV reads as UTF-8; a sheet read has its rows in order, as UTF-8; a refusal is one
// of the documented ones.
#include <cstdint>

#include "fuzz_check.h"
#include "sheet_check.h"
#include "sheets/sheet.h"

namespace tasks = dh::tasks;

namespace {

void Read(std::string_view bytes, const sheets::ReadLimits& limits, bool sniffed_csv) {
  auto sheet = sheets::ReadCsv(bytes, limits);
  if (sheet.ok()) {
    dh::fuzz::CheckSheet(*sheet, limits);
    return;
  }
  const std::string& code = sheet.status().error_code();
  FUZZ_CHECK(code == "not_utf8" || code == "bad_csv" ||
             sheet.status().code() == dh::StatusCode::kPayloadTooLarge);
  if (sniffed_csv) FUZZ_CHECK(code != "not_utf8");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = dh::fuzz::Bytes(data, size);
  const bool csv = sheets::SniffUpload(bytes) == sheets::UploadKind::kCsv;
  Read(bytes, {}, csv);
  Read(bytes, {.max_part_bytes = 1 << 20, .max_rows = 3}, csv);
  return 0;
}
