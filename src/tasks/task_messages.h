// The tasks' messages in both languages (core/message.h): what the task routes, the service
// and the workflow answer a person with.
#pragma once

#include "core/message.h"

namespace dh::tasks::msg {

inline constexpr MessageText kAnswerSDueDateBefore{
    "tasks.answer_s_due_date_before",
    "Hạn trả lời không được trước hôm nay.",
    "The answer's due date cannot be before today.",
};
inline constexpr MessageText kAssignOnlyOfficersLeadUnit{
    "tasks.assign_only_officers_lead_unit",
    "Chỉ giao cho cán bộ thuộc đơn vị chủ trì.",
    "Assign only to officers of the lead unit.",
};
inline constexpr MessageText kAssignOnlyUnitsUnderLead{
    "tasks.assign_only_units_under_lead",
    "Chỉ giao cho đơn vị trực thuộc đơn vị chủ trì.",
    "Assign only to units under the lead unit.",
};
inline constexpr MessageText kAssignedOfficerMustOfficerLead{
    "tasks.assigned_officer_must_officer_lead",
    "Cán bộ được giao phải là cán bộ của đơn vị chủ trì.",
    "The assigned officer must be an officer of the lead unit.",
};
inline constexpr MessageText kChangeLeadUnitByReassigning{
    "tasks.change_lead_unit_by_reassigning",
    "Đổi đơn vị chủ trì bằng thao tác giao lại (reassignment).",
    "Change the lead unit by reassigning the task (reassignment).",
};
inline constexpr MessageText kChooseApproveTrueFalse{
    "tasks.choose_approve_true_false",
    "Chọn đồng ý (true) hoặc không (false).",
    "Choose approve (true) or not (false).",
};
inline constexpr MessageText kChooseAtLeastOneUnit{
    "tasks.choose_at_least_one_unit",
    "Chọn ít nhất một đơn vị hoặc cán bộ để giao.",
    "Choose at least one unit or officer to assign to.",
};
inline constexpr MessageText kChooseConfirmTrueReturnFalse{
    "tasks.choose_confirm_true_return_false",
    "Chọn xác nhận (true) hoặc trả lại (false).",
    "Choose confirm (true) or return (false).",
};
inline constexpr MessageText kChooseDirectiveDirectiveId{
    "tasks.choose_directive_directive_id",
    "Chọn văn bản (directive_id).",
    "Choose the directive (directive_id).",
};
inline constexpr MessageText kChooseDirectiveImportTasksInto{
    "tasks.choose_directive_import_tasks_into",
    "Chọn văn bản chỉ đạo để nhập nhiệm vụ vào (directive_id).",
    "Choose the directive to import the tasks into (directive_id).",
};
inline constexpr MessageText kChooseDirectiveUnitReport{
    "tasks.choose_directive_unit_report",
    "Chọn văn bản chỉ đạo hoặc đơn vị để lập báo cáo.",
    "Choose a directive or a unit to report on.",
};
inline constexpr MessageText kChooseDocumentTypeResolutionConclusion{
    "tasks.choose_document_type_resolution_conclusion",
    "Chọn loại văn bản: resolution (nghị quyết), conclusion (thông báo kết luận), plan (kế hoạch), "
    "decision (quyết định) hoặc notice (thông báo).",
    "Choose the document type: resolution, conclusion (notice of conclusions), plan, decision or "
    "notice.",
};
inline constexpr MessageText kChooseHowGroupUnitDirective{
    "tasks.choose_how_group_unit_directive",
    "Chọn cách gộp: unit, directive hoặc group.",
    "Choose how to group: unit, directive or group.",
};
inline constexpr MessageText kChooseHowTreatDuplicateRows{
    "tasks.choose_how_treat_duplicate_rows",
    "Chọn cách xử lý dòng trùng: skip (bỏ qua), update (cập nhật) hoặc create (tạo mới).",
    "Choose how to treat duplicate rows: skip, update or create.",
};
inline constexpr MessageText kChooseIssuingBody{
    "tasks.choose_issuing_body",
    "Chọn cơ quan ban hành.",
    "Choose the issuing body.",
};
inline constexpr MessageText kChooseLeadUnit{
    "tasks.choose_lead_unit",
    "Chọn đơn vị chủ trì.",
    "Choose the lead unit.",
};
inline constexpr MessageText kChooseUnitOtherThanCurrent{
    "tasks.choose_unit_other_than_current",
    "Chọn một đơn vị khác đơn vị đang chủ trì.",
    "Choose a unit other than the current lead unit.",
};
inline constexpr MessageText kCompletionDateAfterToday{
    "tasks.completion_date_after_today",
    "Ngày hoàn thành không được sau hôm nay.",
    "The completion date cannot be after today.",
};
inline constexpr MessageText kCoordinatingUnitRepeatedLeadUnit{
    "tasks.coordinating_unit_repeated_lead_unit",
    "Đơn vị phối hợp bị trùng hoặc trùng đơn vị chủ trì.",
    "A coordinating unit is repeated or is the lead unit.",
};
inline constexpr MessageText kCoordinationRequestFound{
    "tasks.coordination_request_found",
    "Không tìm thấy đề nghị phối hợp.",
    "Coordination request not found.",
};
inline constexpr MessageText kDeadlineChangesOnlyThroughExtension{
    "tasks.deadline_changes_only_through_extension",
    "Hạn xử lý chỉ đổi qua gia hạn (POST /tasks/{id}/extensions) để giữ lịch sử.",
    "The deadline changes only through an extension (POST /tasks/{id}/extensions), to keep its "
    "history.",
};
inline constexpr MessageText kDescribeTaskSOutputResult{
    "tasks.describe_task_s_output_result",
    "Mô tả sản phẩm (kết quả) của nhiệm vụ.",
    "Describe the task's output (its result).",
};
inline constexpr MessageText kDescribeWhatCoordinationAsked{
    "tasks.describe_what_coordination_asked",
    "Nêu nội dung đề nghị phối hợp.",
    "Describe what coordination is asked for.",
};
inline constexpr MessageText kDescribeWhatWasDone{
    "tasks.describe_what_was_done",
    "Nêu nội dung đã thực hiện.",
    "Describe what was done.",
};
inline constexpr MessageText kDirectiveFound{
    "tasks.directive_found",
    "Không tìm thấy văn bản.",
    "Directive not found.",
};
inline constexpr MessageText kDirectiveNumberEmpty{
    "tasks.directive_number_empty",
    "Số hiệu văn bản không được để trống.",
    "The directive number cannot be empty.",
};
// {number}, {date}: the directive's number and date of issue (dd/mm/yyyy).
inline constexpr MessageText kDirectiveNumberTaken{
    "tasks.directive_number_taken",
    "Văn bản số {number} ngày {date} của đơn vị này đã có.",
    "This unit already has a directive numbered {number} of {date}.",
};
inline constexpr MessageText kDocumentTypeValid{
    "tasks.document_type_valid",
    "Loại văn bản không hợp lệ.",
    "The document type is not valid.",
};
inline constexpr MessageText kEachMilestoneSPlannedPercentage{
    "tasks.each_milestone_s_planned_percentage",
    "Tỷ lệ kế hoạch của mỗi mốc từ 0 đến 100 %.",
    "Each milestone's planned percentage is from 0 to 100 %.",
};
inline constexpr MessageText kEachPartNeedsUnitId{
    "tasks.each_part_needs_unit_id",
    "Mỗi phần việc cần unit_id (đơn vị) hoặc assignee_id (cán bộ).",
    "Each part needs unit_id (a unit) or assignee_id (an officer).",
};
inline constexpr MessageText kEachPartObject{
    "tasks.each_part_object",
    "Mỗi phần việc là một đối tượng.",
    "Each part is an object.",
};
inline constexpr MessageText kEachPartSShareFrom{
    "tasks.each_part_s_share_from",
    "Tỷ trọng mỗi phần việc từ 1 đến 100%.",
    "Each part's share is from 1 to 100%.",
};
inline constexpr MessageText kEnterAnswer{
    "tasks.enter_answer",
    "Nhập nội dung trả lời.",
    "Enter the answer.",
};
inline constexpr MessageText kEnterComment{
    "tasks.enter_comment",
    "Nhập Nội dung ý kiến.",
    "Enter the comment.",
};
inline constexpr MessageText kEnterDeadlineYearMonthDay{
    "tasks.enter_deadline_year_month_day",
    "Nhập Hạn hoàn thành theo dạng năm-tháng-ngày, ví dụ 2026-06-15.",
    "Enter the deadline as year-month-day, for example 2026-06-15.",
};
inline constexpr MessageText kEnterDirectiveSNumberExample{
    "tasks.enter_directive_s_number_example",
    "Nhập số hiệu văn bản, ví dụ 45/TB-UBND.",
    "Enter the directive's number, for example 45/TB-UBND.",
};
inline constexpr MessageText kEnterDirectiveSSummary{
    "tasks.enter_directive_s_summary",
    "Nhập trích yếu văn bản.",
    "Enter the directive's summary.",
};
inline constexpr MessageText kEnterIssueDateExample{
    "tasks.enter_issue_date_example",
    "Nhập ngày ban hành, ví dụ 2025-07-15.",
    "Enter the issue date, for example 2025-07-15.",
};
inline constexpr MessageText kEnterReasonCancellingTask{
    "tasks.enter_reason_cancelling_task",
    "Nhập Lý do hủy nhiệm vụ.",
    "Enter the reason for cancelling the task.",
};
inline constexpr MessageText kEnterTaskGroupSName{
    "tasks.enter_task_group_s_name",
    "Nhập tên nhóm nhiệm vụ.",
    "Enter the task group's name.",
};
inline constexpr MessageText kEnterTaskName{
    "tasks.enter_task_name",
    "Nhập tên nhiệm vụ.",
    "Enter the task name.",
};
inline constexpr MessageText kEnterWhatSearchNameDirective{
    "tasks.enter_what_search_name_directive",
    "Nhập từ cần tìm (tên, số hiệu văn bản hoặc mã đơn vị).",
    "Enter what to search for (a name, a directive number or a unit code).",
};
inline constexpr MessageText kExtensionRequestFound{
    "tasks.extension_request_found",
    "Không tìm thấy đề nghị gia hạn.",
    "Extension request not found.",
};
inline constexpr MessageText kFileHasTaskRowsImport{
    "tasks.file_has_task_rows_import",
    "Tệp không có dòng nhiệm vụ nào để nhập.",
    "The file has no task rows to import.",
};
inline constexpr MessageText kGiveReasonExtension{
    "tasks.give_reason_extension",
    "Nêu lý do xin gia hạn.",
    "Give the reason for the extension.",
};
inline constexpr MessageText kGiveReasonRefusingExtension{
    "tasks.give_reason_refusing_extension",
    "Nêu lý do không đồng ý gia hạn.",
    "Give the reason for refusing the extension.",
};
inline constexpr MessageText kGiveReasonReturningItSo{
    "tasks.give_reason_returning_it_so",
    "Nêu lý do trả lại để đơn vị bổ sung.",
    "Give the reason for returning it, so the unit can complete it.",
};
inline constexpr MessageText kGiveReasonWhyTaskWithin{
    "tasks.give_reason_why_task_within",
    "Nêu lý do nhiệm vụ không thuộc chức năng của đơn vị.",
    "Give the reason why the task is not within the unit's functions.",
};
inline constexpr MessageText kIssuingBodyOutsideScopeYou{
    "tasks.issuing_body_outside_scope_you",
    "Cơ quan ban hành nằm ngoài phạm vi bạn được giao.",
    "The issuing body is outside the scope you were given.",
};
inline constexpr MessageText kLeadUnitAlsoCoordinatingUnit{
    "tasks.lead_unit_also_coordinating_unit",
    "Đơn vị chủ trì không đồng thời là đơn vị phối hợp.",
    "The lead unit cannot also be a coordinating unit.",
};
inline constexpr MessageText kLeadUnitAskItselfCoordination{
    "tasks.lead_unit_ask_itself_coordination",
    "Đơn vị chủ trì không tự đề nghị phối hợp với chính mình.",
    "The lead unit cannot ask itself for coordination.",
};
inline constexpr MessageText kMilestonesAreListAtMost{
    "tasks.milestones_are_list_at_most",
    "Mốc tiến độ là danh sách tối đa 100 mốc {label, due_on, planned_percent}.",
    "Milestones are a list of at most 100 milestones {label, due_on, planned_percent}.",
};
inline constexpr MessageText kMilestonesAreListLabelDue{
    "tasks.milestones_are_list_label_due",
    "Mốc tiến độ là danh sách {label, due_on, planned_percent}.",
    "Milestones are a list of {label, due_on, planned_percent}.",
};
inline constexpr MessageText kMonthMustWrittenYYYYMM{
    "tasks.month_must_written_y_y_y_y_m_m",
    "Tháng phải theo dạng YYYY-MM, ví dụ 2026-06.",
    "The month must be written YYYY-MM, for example 2026-06.",
};
inline constexpr MessageText kNewDeadlineBeforeToday{
    "tasks.new_deadline_before_today",
    "Hạn mới không được trước hôm nay.",
    "The new deadline cannot be before today.",
};
inline constexpr MessageText kNewLeadUnitOutsideScope{
    "tasks.new_lead_unit_outside_scope",
    "Đơn vị chủ trì mới nằm ngoài phạm vi bạn được giao.",
    "The new lead unit is outside the scope you were given.",
};
inline constexpr MessageText kOnlyIssuingBodySOffice{
    "tasks.only_issuing_body_s_office",
    "Chỉ văn phòng của cơ quan ban hành được nhập nhiệm vụ cho văn bản này.",
    "Only the issuing body's office may import tasks into this directive.",
};
inline constexpr MessageText kOnlyIssuingBodySOffice2{
    "tasks.only_issuing_body_s_office2",
    "Chỉ văn phòng của cơ quan ban hành được sửa văn bản.",
    "Only the issuing body's office may edit the directive.",
};
inline constexpr MessageText kOnlyIssuingBodySOffice3{
    "tasks.only_issuing_body_s_office3",
    "Chỉ văn phòng của cơ quan ban hành được thêm nhóm nhiệm vụ.",
    "Only the issuing body's office may add task groups.",
};
inline constexpr MessageText kOnlyIssuingBodySOffice4{
    "tasks.only_issuing_body_s_office4",
    "Chỉ văn phòng của cơ quan ban hành được đính kèm tệp vào văn bản.",
    "Only the issuing body's office may attach files to the directive.",
};
inline constexpr MessageText kOnlyLeadUnitAssignedOfficer{
    "tasks.only_lead_unit_assigned_officer",
    "Chỉ đơn vị chủ trì (hoặc cán bộ được giao) mới từ chối, xin gia hạn hoặc báo cáo hoàn thành "
    "nhiệm vụ này.",
    "Only the lead unit (or the assigned officer) may refuse, ask for an extension or report "
    "completion of this task.",
};
inline constexpr MessageText kOnlyLeadUnitAttachFiles{
    "tasks.only_lead_unit_attach_files",
    "Chỉ đơn vị chủ trì được đính kèm tệp vào nhiệm vụ.",
    "Only the lead unit may attach files to the task.",
};
inline constexpr MessageText kOnlyOfficeEnterDirectives{
    "tasks.only_office_enter_directives",
    "Chỉ văn phòng được nhập văn bản chỉ đạo.",
    "Only the office may enter directives.",
};
inline constexpr MessageText kOnlyOfficeImportTasksFrom{
    "tasks.only_office_import_tasks_from",
    "Chỉ văn phòng được nhập nhiệm vụ từ tệp.",
    "Only the office may import tasks from a file.",
};
inline constexpr MessageText kOnlyTaskProgressHanded{
    "tasks.only_task_progress_handed",
    "Chỉ giao tiếp nhiệm vụ đang thực hiện.",
    "Only a task in progress can be handed on.",
};
inline constexpr MessageText kOnlyThoseWhoWorkTasks{
    "tasks.only_those_who_work_tasks",
    "Chỉ người xử lý nhiệm vụ mới tra cứu đơn vị để đề nghị phối hợp.",
    "Only those who work on tasks may look up units to ask for coordination.",
};
inline constexpr MessageText kOnlyUnitAskedAnswer{
    "tasks.only_unit_asked_answer",
    "Chỉ đơn vị được đề nghị mới trả lời.",
    "Only the unit asked may answer.",
};
inline constexpr MessageText kParentGroupMustBelongSame{
    "tasks.parent_group_must_belong_same",
    "Nhóm cha phải thuộc cùng văn bản.",
    "The parent group must belong to the same directive.",
};
inline constexpr MessageText kPartsListAtMostParts{
    "tasks.parts_list_at_most_parts",
    "parts là danh sách tối đa 100 phần việc {unit_id hoặc assignee_id, share_percent, deadline?, "
    "title?}.",
    "parts is a list of at most 100 parts {unit_id or assignee_id, share_percent, deadline?, "
    "title?}.",
};
inline constexpr MessageText kPartsSharesAddUpMore{
    "tasks.parts_shares_add_up_more",
    "Tổng tỷ trọng các phần việc đã giao vượt 100%.",
    "The parts' shares add up to more than 100%.",
};
inline constexpr MessageText kProgressNumberFrom{
    "tasks.progress_number_from",
    "Tiến độ là một số từ 0 đến 100 (%).",
    "Progress is a number from 0 to 100 (%).",
};
inline constexpr MessageText kRecurrenceMustMonthlyNEvery{
    "tasks.recurrence_must_monthly_n_every",
    "Chu kỳ phải là monthly:N (hằng tháng, ngày N) hoặc quarterly:N (hằng quý, ngày N của tháng "
    "cuối quý), N từ 1 đến 31.",
    "The recurrence must be monthly:N (every month, on day N) or quarterly:N (every quarter, on "
    "day N of the quarter's last month), N from 1 to 31.",
};
inline constexpr MessageText kRecurringTaskHasDeadlineExtend{
    "tasks.recurring_task_has_deadline_extend",
    "Nhiệm vụ thường xuyên không có hạn để gia hạn.",
    "A recurring task has no deadline to extend.",
};
inline constexpr MessageText kReportDateAfterToday{
    "tasks.report_date_after_today",
    "Ngày báo cáo không được sau hôm nay.",
    "The report date cannot be after today.",
};
inline constexpr MessageText kSearchTextLongerThanCharacters{
    "tasks.search_text_longer_than_characters",
    "Từ cần tìm dài quá 200 ký tự.",
    "The search text is longer than 200 characters.",
};
inline constexpr MessageText kStateOneStartedProgressAwaiting{
    "tasks.state_one_started_progress_awaiting",
    "state là một trong: not_started, in_progress, awaiting_confirmation, done, returned, "
    "suspended, refused.",
    "state is one of: not_started, in_progress, awaiting_confirmation, done, returned, suspended, "
    "refused.",
};
inline constexpr MessageText kStatusOnePendingAnsweredTime{
    "tasks.status_one_pending_answered_time",
    "status là một trong: pending, answered_on_time, answered_late, overdue.",
    "status is one of: pending, answered_on_time, answered_late, overdue.",
};
inline constexpr MessageText kSummaryEmpty{
    "tasks.summary_empty",
    "Trích yếu không được để trống.",
    "The summary cannot be empty.",
};
inline constexpr MessageText kTaskAlreadyHasExtensionRequest{
    "tasks.task_already_has_extension_request",
    "Nhiệm vụ đã có đề nghị gia hạn đang chờ quyết định.",
    "The task already has an extension request awaiting a decision.",
};
inline constexpr MessageText kTaskDoneRefusedSuspendedCoordination{
    "tasks.task_done_refused_suspended_coordination",
    "Nhiệm vụ đã hoàn thành, bị từ chối hoặc đang tạm dừng; không đề nghị phối hợp được nữa.",
    "The task is done, refused or suspended; coordination can no longer be requested.",
};
inline constexpr MessageText kTaskDoneRefusedSuspendedExtension{
    "tasks.task_done_refused_suspended_extension",
    "Nhiệm vụ đã hoàn thành, bị từ chối hoặc đang tạm dừng; không xin gia hạn được.",
    "The task is done, refused or suspended; no extension can be requested.",
};
inline constexpr MessageText kTaskFound{
    "tasks.task_found",
    "Không tìm thấy nhiệm vụ.",
    "Task not found.",
};
inline constexpr MessageText kTaskGroupDoesBelongChosen{
    "tasks.task_group_does_belong_chosen",
    "Nhóm nhiệm vụ không thuộc văn bản đã chọn.",
    "The task group does not belong to the chosen directive.",
};
inline constexpr MessageText kTaskGroupDoesBelongTask{
    "tasks.task_group_does_belong_task",
    "Nhóm nhiệm vụ không thuộc văn bản của nhiệm vụ.",
    "The task group does not belong to the task's directive.",
};
inline constexpr MessageText kTaskNameEmpty{
    "tasks.task_name_empty",
    "Tên nhiệm vụ không được để trống.",
    "The task name cannot be empty.",
};
inline constexpr MessageText kTaskWasCancelledEdited{
    "tasks.task_was_cancelled_edited",
    "Nhiệm vụ đã bị hủy, không sửa được.",
    "The task was cancelled and cannot be edited.",
};
inline constexpr MessageText kThereSuchDirective{
    "tasks.there_such_directive",
    "Không có văn bản chỉ đạo này.",
    "There is no such directive.",
};
inline constexpr MessageText kThereSuchIssuingBody{
    "tasks.there_such_issuing_body",
    "Không có cơ quan ban hành này.",
    "There is no such issuing body.",
};
inline constexpr MessageText kThisExtensionRequestClosedWhen{
    "tasks.this_extension_request_closed_when",
    "Đề nghị gia hạn này đã đóng khi nhiệm vụ báo cáo hoàn thành; không quyết định được nữa.",
    "This extension request closed when the task reported completion; it can no longer be decided.",
};
inline constexpr MessageText kThisExtensionRequestHasAlready{
    "tasks.this_extension_request_has_already",
    "Đề nghị gia hạn này đã được quyết định.",
    "This extension request has already been decided.",
};
inline constexpr MessageText kThisFileHasAlreadyBeen{
    "tasks.this_file_has_already_been",
    "Tệp này đã được nhập vào văn bản.",
    "This file has already been imported into the directive.",
};
inline constexpr MessageText kThisRequestHasAlreadyBeen{
    "tasks.this_request_has_already_been",
    "Đề nghị này đã được trả lời.",
    "This request has already been answered.",
};
inline constexpr MessageText kThisUnitWasFound{
    "tasks.this_unit_was_found",
    "Không tìm thấy đơn vị này.",
    "This unit was not found.",
};
inline constexpr MessageText kTimelinessOneTimeDueSoon{
    "tasks.timeliness_one_time_due_soon",
    "timeliness là một trong: in_time, due_soon, overdue, done_on_time, done_late, no_deadline.",
    "timeliness is one of: in_time, due_soon, overdue, done_on_time, done_late, no_deadline.",
};
inline constexpr MessageText kYouAssignTasksThisUnit{
    "tasks.you_assign_tasks_this_unit",
    "Bạn không được giao nhiệm vụ cho đơn vị này.",
    "You may not assign tasks to this unit.",
};
inline constexpr MessageText kYouSeeTasks{
    "tasks.you_see_tasks",
    "Bạn không xem được nhiệm vụ.",
    "You cannot see tasks.",
};
inline constexpr MessageText kYourRoleSeeDirectives{
    "tasks.your_role_see_directives",
    "Vai trò của bạn không xem được văn bản chỉ đạo.",
    "Your role cannot see directives.",
};
inline constexpr MessageText kYourRoleSeeTasks{
    "tasks.your_role_see_tasks",
    "Vai trò của bạn không xem được nhiệm vụ.",
    "Your role cannot see tasks.",
};

}  // namespace dh::tasks::msg

namespace dh::tasks {

// The English labels of the task forms' fields, for core/json's field messages.
void RegisterTaskLabels();

}  // namespace dh::tasks
