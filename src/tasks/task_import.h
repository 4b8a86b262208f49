// Importing tasks from a sheet in the export's layout (task_excel.h), .xlsx or CSV: the
// header row is found by its column names wherever the title block ends; each row is
// checked and every problem reported with the row number Excel shows and the column;
// nothing is imported unless every row is right.
//
// Columns (names compared without case or diacritics): STT, Nhiệm vụ (required), Đơn vị
// chủ trì (required; a unit code or its exact name), Đơn vị phối hợp (codes or names
// separated by ";", "," or new lines), Thời hạn (a date, dd/mm/yyyy or an Excel date;
// empty or "Thường xuyên" for none), Tiến độ (0–100 %), Mô tả (optional). Tình trạng and
// Ghi chú are derived by the system and ignored. A row whose STT is a Roman numeral (I,
// II, I.1 …) with nothing but a title is a task group heading: the tasks below it go to
// that group, found by title in the directive or created.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sheets/columns.h"
#include "sheets/rows.h"
#include "sheets/sheet.h"
#include "tasks/task_import_match.h"
#include "tasks/task_service.h"

namespace dh::tasks {

// One problem of one row (sheets/rows.h): row as Excel shows it, column heading, message.
using ImportRowError = sheets::RowError;

struct ParsedSheet {
  TaskBatch batch;  // headings and items only; the caller sets directive, group, source
  std::vector<ImportRowError> errors;
};

// From cells to tasks, against the units as they are on `today`. InvalidInput
// ("no_header_row") when no row has the required column names.
Result<ParsedSheet> ParseTaskSheet(const sheets::Sheet& sheet, const units::UnitGraph& g,
                                   Date today);

struct ImportRequest {
  std::string_view bytes;
  std::string content_type;  // only tells CSV from other text; the bytes decide the kind
  std::string file_name;     // as the client named it, for the record
  std::optional<int64_t> directive_id, group_id;
  bool dry_run = false;
  // Rows matching tasks already in the directive (task_import_match.h): "" refuses the
  // import (Conflict "matches_existing") unless a dry run, "skip" leaves them out, "create"
  // creates them again, "update" writes their changed fields to the tasks (tasksa).
  std::string on_match;
};

struct ImportOutcome {
  bool ok = false;
  int64_t imported = 0, groups_created = 0, valid_rows = 0;
  std::vector<ImportRowError> errors;  // when !ok, sorted by row
  std::vector<ImportMatch> matches;    // rows matching tasks already there
  int64_t skipped = 0;                 // of them, left out (on_match "skip")
  int64_t updated = 0;                 // of them, tasks changed (on_match "update", tasksa)
};

// The whole import: sniff, read, check, create in one transaction (TaskService::
// CreateBatch). Row problems come back in the outcome (ok = false); what concerns the
// upload as a whole comes back as a Status: UnsupportedMediaType (not a spreadsheet);
// InvalidInput "no_header_row", "directive_id", or a reader's error (sheets/sheet.h);
// Conflict "already_imported"; PayloadTooLarge; Forbidden.
Result<ImportOutcome> ImportTasks(TaskService& service, const units::UnitGraph& g,
                                  const auth::Principal& who, const ImportRequest& req);

// The columns the importer reads (and those it recognises and ignores), for the import
// page's help: GET /tasks/import/columns.
const sheets::ColumnMap& TaskImportColumns();
inline constexpr size_t kMaxImportTasks = 20000;

// The column a TaskInput field is read from ("lead_unit_id" → "Đơn vị chủ trì").
std::string ColumnOfField(std::string_view field);

}  // namespace dh::tasks
