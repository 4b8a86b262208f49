// What every sheet a reader gives back must hold, whatever the upload (the importer and
// the database rely on it).
#pragma once

#include "core/text.h"
#include "fuzz_check.h"
#include "tasks/task_excel_reader.h"

namespace dh::fuzz {

inline void CheckSheet(const tasks::Sheet& sheet, const tasks::ReadLimits& limits) {
  FUZZ_CHECK(sheet.rows.size() <= limits.max_rows);
  int last = 0;
  for (const tasks::SheetRow& row : sheet.rows) {
    FUZZ_CHECK(row.number > last);  // rows in order, numbered from 1
    last = row.number;
    FUZZ_CHECK(!row.cells.empty());
    FUZZ_CHECK(row.cells.size() <= 16384);  // Excel's last column is XFD
    for (const tasks::SheetCell& cell : row.cells) FUZZ_CHECK(text::IsValidUtf8(cell.text));
  }
}

}  // namespace dh::fuzz
