// "Báo cáo tình hình thực hiện nhiệm vụ": the tasks of a directive or of a unit as they
// stood on a cut-off day (task_as_of.h), as a Word document in the form of Decree 30/2020
// (templates/src/bao_cao_nhiem_vu, filled through src/documents/): the figures by
// timeliness, then one row per task with its lead unit, deadline and result.
#pragma once

#include <optional>
#include <string>

#include "documents/templates.h"
#include "tasks/task_service.h"

namespace dh::tasks {

struct TaskReportRequest {
  std::optional<int64_t> directive_id, unit_id;  // at least one
  std::optional<Date> as_of;                     // default: today
  // The frame (documents/document_frame.h); empty: left to fill by hand or the defaults.
  std::string number, place, signing_authority, signer_title, signer_name;
};

struct TaskReportFile {
  std::string filename;  // "bao-cao-nhiem-vu-2026-06-14.docx"
  std::string bytes;
};

// The longest each frame field may be (code points): longer is refused, not cut.
inline constexpr size_t kReportNumberMax = 50, kReportNameMax = 100;

// InvalidInput naming the field: neither directive_id nor unit_id, as_of after today, a
// field too long. NotFound: the directive or the unit is not one `who` may see. Only the
// tasks `who` may see are in the report.
Result<TaskReportFile> TaskReportDocx(TaskService& service, const units::UnitGraph& g,
                                      const documents::TemplateShelf& shelf,
                                      const auth::Principal& who, const TaskReportRequest& in);

}  // namespace dh::tasks
