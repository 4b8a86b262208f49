// Task lists as the Excel table officials print and pass around: a title block ("DANH
// MỤC NHIỆM VỤ", what the list covers, "Số liệu đến ngày …"), then the columns STT,
// Nhiệm vụ, Đơn vị chủ trì, Đơn vị phối hợp, Thời hạn, Tiến độ, Tình trạng, Ghi chú,
// A4 landscape, in Times New Roman. The importer (task_import.h) reads the same layout.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/status.h"
#include "tasks/task_service.h"

namespace dh::tasks {

// Vietnamese labels as printed: "Quá hạn", "Hoàn thành đúng hạn", "Thường xuyên", …
std::string_view TimelinessLabel(Timeliness t);
std::string_view StateLabel(TaskState s);

// The column titles, in order (STT … Ghi chú).
inline constexpr std::string_view kExcelColumns[] = {
    "STT",      "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Ngày giao",
    "Thời hạn", "Tiến độ",  "Tình trạng",     "Ghi chú"};

struct ExcelTitle {
  std::string heading = "DANH MỤC NHIỆM VỤ";
  std::string
      scope;  // what the list covers, in words ("Đơn vị: Sở Tài chính; Tình trạng: Quá hạn")
  Date as_of;
  int64_t total = 0;  // tasks in the list
};

// One line of the table, as a person reads it.
struct ExcelTaskRow {
  int64_t number = 0;  // STT
  std::string title, lead_unit, coordinators, note;
  std::optional<Date> deadline;  // none: "Thường xuyên"
  int progress_percent = 0;
  Timeliness timeliness = Timeliness::kNoDeadline;
  std::optional<Date> start_on;  // ngày giao; none: an empty cell
};

// Writes the table to an .xlsx file one row at a time; each row goes to disk as it comes
// (libxlsxwriter's constant-memory mode), so 100 000 rows hold one row in memory. Rows
// must come in order. Not thread-safe. An unfinished file is removed by the destructor.
class TaskSheetWriter {
 public:
  static Result<std::unique_ptr<TaskSheetWriter>> Create(const std::string& path,
                                                         const ExcelTitle& title);
  ~TaskSheetWriter();

  // A task group heading: "I", "II", … at depth 0, "I.1" below; bold, across the table.
  Status Heading(const std::string& number, const std::string& title);
  Status Row(const ExcelTaskRow& row);
  // Completes and closes the file.
  Status Finish();

 private:
  struct Impl;
  explicit TaskSheetWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct ExcelFile {
  std::string filename;  // "Danh mục nhiệm vụ … đến 15-01-2026.xlsx"
  std::string bytes;
  int64_t rows = 0;
};

// GET /tasks/export.xlsx: every task `who` would list with `f`, unpaged, through a
// temporary file (read back once, then removed). For one directive the tasks stand under
// their task group headings in the order they were entered; otherwise in list order.
// `query_text` is the search words as typed, for the title block.
Result<ExcelFile> ExportTasks(const TaskService& service, const units::UnitGraph& g,
                              const auth::Principal& who, const TaskFilter& f,
                              const std::string& query_text);

}  // namespace dh::tasks
