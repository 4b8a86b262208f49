// Reading the Treasury's disbursement file (.csv or .xlsx) into disbursements: the columns
// project_code, source_code, plan_year, paid_on, amount (headings in Vietnamese too: Mã dự
// án, Mã nguồn vốn, Năm kế hoạch, Ngày giải ngân, Số tiền); dates dd/mm/yyyy or yyyy-mm-dd;
// amounts in đồng, with Vietnamese thousands dots. Every problem is reported with the row
// Excel shows and the column (sheets/rows.h); the service writes nothing while any row is
// wrong.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "db/connection.h"
#include "investment/investment.h"
#include "sheets/columns.h"
#include "sheets/rows.h"
#include "units/unit_scope.h"

namespace dh::investment {

inline constexpr size_t kMaxApiRows = 200000;    // per upload through the API
inline constexpr size_t kMaxCliRows = 20000000;  // per file on the command line

// The codes rows are matched against. A project outside the importer's report scope is
// left out: its code reads as unknown, as for any project the importer may not see.
struct ImportCodes {
  std::unordered_map<std::string, int64_t> projects, sources;
};
// `scope` null: every project (the command line).
Status LoadImportCodes(db::Connection& c, const units::UnitScope* scope, ImportCodes& codes);

struct ImportRow {
  int row = 0;  // as Excel shows it
  Disbursement disbursement;
};

const sheets::ColumnMap& DisbursementColumns();
// The heading of a column key, for errors found after reading.
std::string_view ColumnHeading(std::string_view key);

// The file read row by row (sheets::StreamRows), nothing of it kept: each good row to
// `each` as it is read, what is wrong with the others into `errors` — at most kMaxRowErrors,
// the read stops there. A Status for what concerns the file as a whole (not a sheet, no
// heading row, more than `max_rows` rows). Memory stays bounded whatever the file's length.
inline constexpr size_t kMaxRowErrors = 1000;
Status StreamDisbursementSheet(std::string_view bytes, std::string_view content_type,
                               const ImportCodes& codes, size_t max_rows, sheets::RowErrors& errors,
                               const std::function<void(const ImportRow&)>& each);

// The InvalidInput ("invalid_rows", field "file") an import with wrong rows answers.
Status InvalidRows(const sheets::RowErrors& errors);

}  // namespace dh::investment
