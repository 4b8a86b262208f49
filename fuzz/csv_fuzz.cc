// CSV uploads (sheets::ReadCsv, sheets::SniffUpload in src/sheets/sheet.h): any
// bytes, with the server's limits and with a small row limit. Checks: UTF-8 is never
// refused as another encoding; a sheet read has its rows in order, its name and cells in
// UTF-8; a refusal is InvalidInput or PayloadTooLarge with a UTF-8 message.
#include <cstdint>

#include "fuzz_check.h"
#include "sheet_check.h"
#include "sheets/sheet.h"

namespace sheets = dh::sheets;

namespace {

void Read(std::string_view bytes, const sheets::ReadLimits& limits, bool utf8) {
  auto sheet = sheets::ReadCsv(bytes, limits);
  if (sheet.ok()) {
    dh::fuzz::CheckSheet(*sheet, limits);
    return;
  }
  const dh::Status& s = sheet.status();
  FUZZ_CHECK(s.code() == dh::StatusCode::kInvalidInput ||
             s.code() == dh::StatusCode::kPayloadTooLarge);
  FUZZ_CHECK(!s.message().empty() && dh::text::IsValidUtf8(s.message()));
  // UTF-8 (after a byte-order mark) is never refused as another encoding.
  if (utf8) FUZZ_CHECK(s.error_code() != "not_utf8");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = dh::fuzz::Bytes(data, size);
  std::string_view body = bytes;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  const bool csv = dh::text::IsValidUtf8(body);
  (void)sheets::SniffUpload(bytes);
  Read(bytes, {}, csv);
  Read(bytes, {.max_part_bytes = 1 << 20, .max_rows = 3}, csv);
  return 0;
}
