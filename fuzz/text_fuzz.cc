// Core text (src/core/text.h): UTF-8 validation, NFC, search folding, collation keys, trim
// and code-point counts, on any bytes — every field of every request passes through them.
// Checks: IsValidUtf8 agrees with an independent RFC 3629 decoder; on valid input every
// result is valid UTF-8, NFC is stable, folding leaves no white space at the ends and no
// run of it, and CodePointCount counts code points.
#include <cstdint>
#include <string>

#include "core/text.h"
#include "fuzz_check.h"

using dh::fuzz::Bytes;
using dh::fuzz::Utf8CodePoints;
namespace text = dh::text;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view s = Bytes(data, size);
  const long code_points = Utf8CodePoints(s);
  const bool valid = text::IsValidUtf8(s);
  FUZZ_CHECK(valid == (code_points >= 0));

  const std::string trimmed = text::Trim(s);
  FUZZ_CHECK(s.find(trimmed) != std::string_view::npos);
  if (!trimmed.empty()) {
    FUZZ_CHECK(std::string_view(" \t\r\n").find(trimmed.front()) == std::string_view::npos);
    FUZZ_CHECK(std::string_view(" \t\r\n").find(trimmed.back()) == std::string_view::npos);
  }
  // Whatever the bytes, these must not crash (ICU replaces what is not UTF-8).
  const std::string nfc = text::ToNfc(s);
  const std::string folded = text::FoldForSearch(s);
  const std::string key = text::CollationKey(s);
  const size_t count = text::CodePointCount(s);
  if (!valid) return 0;

  FUZZ_CHECK(count == static_cast<size_t>(code_points));
  FUZZ_CHECK(text::IsValidUtf8(nfc));
  FUZZ_CHECK(text::ToNfc(nfc) == nfc);
  FUZZ_CHECK(text::IsValidUtf8(folded));
  FUZZ_CHECK(folded.empty() || (folded.front() != ' ' && folded.back() != ' '));
  FUZZ_CHECK(folded.find("  ") == std::string::npos);
  FUZZ_CHECK(key.find('\0') == std::string::npos);
  return 0;
}
