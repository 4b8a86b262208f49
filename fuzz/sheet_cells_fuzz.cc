// The cell readers every importer uses (src/sheets/cells.h), on any text and any number:
// money, integers, dates, percentages and text, in a text cell and (for the first 8 bytes
// read as a double) a number cell. Checks: an answer is a value or an error, never both;
// what reads as money, an integer or a date is read back the same from the way the
// system prints it (1.234.567, dd/mm/yyyy); a percentage is in its range; text is within
// its bound.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "core/money.h"
#include "core/text.h"
#include "fuzz_check.h"
#include "sheets/cells.h"

using dh::fuzz::Bytes;
namespace sheets = dh::sheets;

namespace {

const sheets::ColumnSpec kColumn{.key = "x", .heading = "Cột", .noun = "Cột"};

template <class T>
void Answer(const sheets::Parsed<T>& p) {
  FUZZ_CHECK(p.ok() || !p.value);
  FUZZ_CHECK(p.ok() || !p.error.empty());
}

void Cell(const sheets::SheetCell& cell) {
  const auto money = sheets::ReadMoney(&cell, kColumn, {.scale = 1, .negative = true});
  Answer(money);
  if (money.value && *money.value >= 0) {
    const sheets::SheetCell printed{dh::FormatDong(*money.value)};
    FUZZ_CHECK(sheets::ReadMoney(&printed, kColumn).value == money.value);
  }
  Answer(sheets::ReadMoney(&cell, kColumn, {.scale = 1000000}));
  const auto integer = sheets::ReadInteger(&cell, kColumn, -1000000, 1000000);
  Answer(integer);
  if (integer.value) FUZZ_CHECK(*integer.value >= -1000000 && *integer.value <= 1000000);
  const auto date = sheets::ReadDate(&cell, kColumn);
  Answer(date);
  if (date.value) {
    FUZZ_CHECK(date.value->year() >= 1990 && date.value->year() <= 2100);
    const sheets::SheetCell printed{date.value->ToVietnamese()};
    FUZZ_CHECK(sheets::ReadDate(&printed, kColumn).value == date.value);
  }
  const auto percent = sheets::ReadPercent(&cell, kColumn);
  Answer(percent);
  if (percent.value) FUZZ_CHECK(*percent.value >= -0.001 && *percent.value <= 100.001);
  const auto text = sheets::ReadText(&cell, kColumn, 20);
  Answer(text);
  if (text.value) FUZZ_CHECK(dh::text::CodePointCount(*text.value) <= 20);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string s(Bytes(data, size));
  Cell(sheets::SheetCell{s});
  if (size >= sizeof(double)) {
    double v = 0;
    std::memcpy(&v, data, sizeof v);
    if (std::isfinite(v)) {
      char shown[32];
      std::snprintf(shown, sizeof shown, "%.15g", v);
      Cell(sheets::SheetCell{shown, v, data[8 % size] % 2 == 1, false});
    }
  }
  return 0;
}
