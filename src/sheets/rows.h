// Rows of an import: one reader per row that reads declared columns through cells.h and
// collects what is wrong, one type for those problems, and one JSON shape for reporting
// them. Every importer reports the same way: each problem with the row number Excel shows,
// the column's heading and a Vietnamese sentence; and nothing is imported while any row is
// wrong (the feature writes its rows in one transaction only when RowErrors is empty).
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sheets/cells.h"
#include "sheets/columns.h"
#include "sheets/sheet.h"

namespace dh::sheets {

struct RowError {
  int row = 0;          // as Excel shows it
  std::string column;   // the heading, "Thời hạn"; empty for the row as a whole
  std::string message;  // in Vietnamese, saying what to do
};
using RowErrors = std::vector<RowError>;

// By row, keeping the order within a row.
void SortByRow(RowErrors& errors);

// The 422 body of an import with wrong rows: {"ok": false, "errors": [{"row", "column",
// "message"}, …], "error": {"code": "invalid_rows", "message": "3 lỗi trong tệp; chưa
// nhập <what> nào. …"}}. `what` names the rows ("nhiệm vụ").
boost::json::object RowErrorsBody(const RowErrors& errors, std::string_view what);

// One row, read by column key. A value that cannot be read, or an empty cell in a required
// column ("Thiếu tên nhiệm vụ."), is added to the errors; ok() says whether this row has
// none so far. The readers return nullopt both for an empty cell and for a wrong one.
class RowReader {
 public:
  RowReader(const SheetRow& row, const Header& header, const ColumnMap& map, RowErrors& errors);

  int number() const { return row_.number; }
  bool ok() const { return errors_.size() == errors_before_; }
  const SheetCell* Cell(std::string_view key) const;
  // The trimmed text as written; "" when empty or when the sheet lacks the column.
  std::string Raw(std::string_view key) const;
  // True when no declared column (ignored ones aside) has a value.
  bool Blank() const;

  std::optional<std::string> Text(std::string_view key, size_t max_chars,
                                  std::string_view advice = {});
  std::optional<int64_t> Integer(std::string_view key, int64_t min, int64_t max);
  std::optional<Date> DateOf(std::string_view key, DateRule rule = {});
  std::optional<double> Percent(std::string_view key, double min = 0, double max = 100);
  std::optional<Money> MoneyOf(std::string_view key, MoneyRule rule = {});

  // A problem the feature finds (a unit that does not exist), in column `key`.
  void Fail(std::string_view key, std::string message);
  const ColumnSpec& Column(std::string_view key) const;

 private:
  template <class T>
  std::optional<T> Keep(std::string_view key, Parsed<T> parsed);

  const SheetRow& row_;
  const Header& header_;
  const ColumnMap& map_;
  RowErrors& errors_;
  size_t errors_before_;
};

// Every row under the heading row, blank ones left out, to `parse`, which returns whether
// the row counted against `max_rows` (a task, not a group heading). PayloadTooLarge past
// `max_rows`, naming `what` ("Mỗi lần nhập tối đa 20.000 nhiệm vụ; …").
Status ForEachRow(const Sheet& sheet, const Header& header, const ColumnMap& map, size_t max_rows,
                  std::string_view what, RowErrors& errors,
                  const std::function<bool(RowReader&)>& parse);

// The whole of a feature's reading: the heading row found (FindHeader), then ForEachRow.
// The problems of rows come back in the result; what concerns the sheet as a whole (no
// heading row, too many rows) as a Status.
Result<RowErrors> ParseRows(const Sheet& sheet, const ColumnMap& map, size_t max_rows,
                            std::string_view what, const std::function<bool(RowReader&)>& parse);

// From an upload's bytes: ReadUpload (its advice naming the map's columns), then ParseRows.
Result<RowErrors> ReadRows(std::string_view bytes, std::string_view content_type,
                           const ColumnMap& map, size_t max_rows, std::string_view what,
                           const std::function<bool(RowReader&)>& parse);

// ReadRows for an upload too large to hold (StreamUpload under `limits`): the heading row
// found among the first rows, then each row to `parse` as it is read, nothing kept. Reading
// stops once `max_errors` problems are found (those come back).
Result<RowErrors> StreamRows(std::string_view bytes, std::string_view content_type,
                             const ColumnMap& map, const ReadLimits& limits, size_t max_rows,
                             size_t max_errors, std::string_view what,
                             const std::function<bool(RowReader&)>& parse);

// For the import page: each column read, as {"heading", "aliases", "required", "help"}.
boost::json::array ColumnHelp(const ColumnMap& map);

}  // namespace dh::sheets
