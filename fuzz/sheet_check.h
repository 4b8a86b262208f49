// What every sheet a reader gives back must hold, whatever the upload (the importer and
// the database rely on it).
#pragma once

#include "core/text.h"
#include "fuzz_check.h"
#include "sheets/sheet.h"

namespace dh::fuzz {

inline void CheckSheet(const sheets::Sheet& sheet, const sheets::ReadLimits& limits) {
  FUZZ_CHECK(sheet.rows.size() <= limits.max_rows);
  FUZZ_CHECK(text::IsValidUtf8(sheet.name));
  int last = 0;
  for (const sheets::SheetRow& row : sheet.rows) {
    FUZZ_CHECK(row.number > last);  // rows in order, numbered from 1
    last = row.number;
    FUZZ_CHECK(!row.cells.empty());
    FUZZ_CHECK(row.cells.size() <= limits.max_columns);  // a value further right is refused
    for (const sheets::SheetCell& cell : row.cells) FUZZ_CHECK(text::IsValidUtf8(cell.text));
  }
}

// A reader's answer: a sheet that holds the above, or a refusal a person can read (400,
// 413, or 415 for a ZIP that is not a workbook).
inline void CheckSheetResult(const Result<sheets::Sheet>& sheet, const sheets::ReadLimits& limits) {
  if (sheet.ok()) return CheckSheet(*sheet, limits);
  const Status& s = sheet.status();
  FUZZ_CHECK(s.code() == StatusCode::kInvalidInput || s.code() == StatusCode::kPayloadTooLarge ||
             s.code() == StatusCode::kUnsupportedMediaType);
  FUZZ_CHECK(!s.message().empty() && text::IsValidUtf8(s.message()));
}

}  // namespace dh::fuzz
