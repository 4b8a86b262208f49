// The tasks' composed messages in both languages (issue 9): the refusals that name a date, a
// count or a unit, with their parameters (core/message.h). Beside task_messages.h, which holds
// the fixed sentences; kept apart so that adding one rebuilds only the files that say them.
#pragma once

#include "core/message.h"

namespace dh::tasks::msg {

inline constexpr MessageText kStartAfterDeadline{
    "tasks.start_after_deadline",
    "Ngày giao {start} sau Hạn hoàn thành {deadline}; chọn ngày giao không muộn hơn hạn.",
    "The start date {start} is after the deadline {deadline}; choose a start date no later than "
    "the deadline.",
};
inline constexpr MessageText kPartAfterTask{
    "tasks.part_after_task",
    "Hạn của phần việc không được sau hạn của nhiệm vụ {date}.",
    "A part's deadline cannot be after the task's deadline, {date}.",
};
inline constexpr MessageText kHasReports{
    "tasks.has_reports_not_deleted",
    "Nhiệm vụ đã có {n} báo cáo tiến độ nên không xóa được; hãy hủy nhiệm vụ và ghi lý do.",
    "The task has {n} progress reports and cannot be deleted; cancel it and give the reason.",
};
inline constexpr MessageText kHasParts{
    "tasks.has_parts_not_deleted",
    "Nhiệm vụ đã giao tiếp {n} phần việc nên không xóa được; hãy hủy nhiệm vụ và ghi lý do.",
    "The task has {n} parts assigned onward and cannot be deleted; cancel it and give the reason.",
};
inline constexpr MessageText kCancelledNoComment{
    "tasks.cancelled_no_comment",
    "Nhiệm vụ đã bị hủy, không gửi thêm ý kiến.",
    "The task was cancelled; no more comments can be sent.",
};
inline constexpr MessageText kReadOnlyNoComment{
    "tasks.read_only_no_comment",
    "Bạn chỉ xem nhiệm vụ này, không gửi ý kiến được.",
    "You only see this task and cannot comment on it.",
};
inline constexpr MessageText kImportLeadAsCoordinator{
    "tasks.import_lead_as_coordinator",
    "Đơn vị {unit} đã là đơn vị chủ trì; bỏ khỏi cột phối hợp.",
    "The unit {unit} is already the lead unit; remove it from the coordinating column.",
};
inline constexpr MessageText kImportUnitTwice{
    "tasks.import_unit_twice",
    "Đơn vị {unit} ghi hai lần.",
    "The unit {unit} is written twice.",
};
inline constexpr MessageText kImportMatchesExisting{
    "tasks.import_matches_existing",
    "{n} dòng trùng với nhiệm vụ đã có trong văn bản này (cùng tên nhiệm vụ và đơn vị chủ trì), ví "
    "dụ dòng {row}: “{title}”. Chọn bỏ qua các dòng trùng hoặc vẫn tạo mới.",
    "{n} rows match tasks already in this directive (same task name and lead unit), for example "
    "row {row}: “{title}”. Choose to skip the matching rows or to create them anyway.",
};
inline constexpr MessageText kFlagTrueFalse{
    "tasks.flag_true_false",
    "Tham số {name} là true hoặc false.",
    "The parameter {name} is true or false.",
};
inline constexpr MessageText kEnterTaskToAssign{
    "tasks.enter_task_to_assign",
    "Nhập nhiệm vụ cần giao (task).",
    "Enter the task to assign (task).",
};
inline constexpr MessageText kManyNoLeadUnit{
    "tasks.many_no_lead_unit",
    "Giao cho nhiều đơn vị: chọn các Đơn vị được giao, không chọn một đơn vị chủ trì.",
    "Assigning to many units: choose the units to assign to, not one lead unit.",
};
inline constexpr MessageText kUnitKindWardDepartment{
    "tasks.unit_kind_ward_department",
    "Giao cho: ward (tất cả phường, xã) hoặc department (tất cả sở, ngành).",
    "Assign to: ward (every ward and commune) or department (every department).",
};
inline constexpr MessageText kChooseAssignedUnits{
    "tasks.choose_assigned_units",
    "Chọn Đơn vị được giao: tất cả phường, xã; tất cả sở, ngành; hoặc một danh sách đơn vị.",
    "Choose the units to assign to: every ward and commune, every department, or a list of units.",
};
inline constexpr MessageText kReportTooLong{
    "tasks.report_too_long",
    "{name} dài quá {max} ký tự.",
    "{name} is longer than {max} characters.",
};
inline constexpr MessageText kAsOfAfterToday{
    "tasks.as_of_after_today",
    "Ngày lấy số liệu không được sau hôm nay ({date}).",
    "The data date cannot be after today ({date}).",
};
inline constexpr MessageText kOnlyOfficeDoesThis{
    "tasks.only_office_does_this",
    "Chỉ văn phòng (đơn vị giao việc) được làm việc này.",
    "Only the office (the assigning unit) may do this.",
};
inline constexpr MessageText kNotYourUnitsTask{
    "tasks.not_your_units_task",
    "Nhiệm vụ này không do đơn vị của bạn chủ trì.",
    "Your unit does not lead this task.",
};
inline constexpr MessageText kNewDeadlineAfterCurrent{
    "tasks.new_deadline_after_current",
    "Hạn mới phải sau hạn hiện tại {date}.",
    "The new deadline must be after the current one, {date}.",
};
inline constexpr MessageText kFinishedNoExtension{
    "tasks.finished_no_extension",
    "Nhiệm vụ đã báo cáo hoàn thành{on}; không gia hạn sau khi đã hoàn thành.",
    "The task was reported complete{on}; it cannot be extended once complete.",
};
inline constexpr MessageText kDeadlineChangedSince{
    "tasks.deadline_changed_since",
    "Hạn của nhiệm vụ đã đổi{now} từ khi có đề nghị này; hãy đề nghị gia hạn lại.",
    "The task's deadline has changed{now} since this request; request the extension again.",
};
inline constexpr MessageText kRefusedInState{
    "tasks.refused_in_state",
    "{why} (trạng thái hiện tại: {state}).",
    "{why} (current state: {state}).",
};

}  // namespace dh::tasks::msg
