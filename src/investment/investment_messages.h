// Public investment's messages in both languages (issue 9): the refusals of its forms, rules and
// routes, with their parameters (core/message.h). Money is an int64_t parameter in đồng, a year
// a string (2026, not 2.026), a field's label a Label or one registered by
// RegisterInvestmentLabels (investment_parse.h).
#pragma once

#include "core/message.h"

namespace dh::investment::msg {

// ---- Fields in general
inline constexpr MessageText kEnterField{
    "investment.enter_field",
    "Cần nhập {name}.",
    "{name} is required.",
};
inline constexpr MessageText kChooseField{
    "investment.choose_field",
    "Cần chọn {name}.",
    "{name}: choose one.",
};
inline constexpr MessageText kFieldTooLong{
    "investment.field_too_long",
    "{name} quá dài.",
    "{name} is too long.",
};
inline constexpr MessageText kFieldMustBe{
    "investment.field_must_be",
    "{name} phải là {allowed}.",
    "{name} must be {allowed}.",
};
inline constexpr MessageText kLevels{
    "investment.levels",
    "central hoặc local",
    "central or local",
};
inline constexpr MessageText kBases{
    "investment.bases",
    "prime_minister hoặc council",
    "prime_minister or council",
};
inline constexpr MessageText kVersionKinds{
    "investment.version_kinds",
    "initial, adjustment hoặc carry_over",
    "initial, adjustment or carry_over",
};
inline constexpr MessageText kMovesList{
    "investment.moves_list",
    "Các dòng điều chuyển vốn phải là một danh sách (tối đa {max} dòng).",
    "The capital moves must be a list (at most {max} rows).",
};
inline constexpr MessageText kMoveObject{
    "investment.move_object",
    "Mỗi dòng điều chuyển là một đối tượng.",
    "Each capital move is an object.",
};
inline constexpr MessageText kMonthsList{
    "investment.months_list",
    "Cam kết là danh sách tối đa {max} tháng.",
    "The commitments are a list of at most {max} months.",
};
inline constexpr MessageText kMonthObject{
    "investment.month_object",
    "Mỗi tháng là một đối tượng.",
    "Each month is an object.",
};
inline constexpr MessageText kMilestonesList{
    "investment.milestones_list",
    "Các mốc là danh sách tối đa {max} mốc.",
    "The milestones are a list of at most {max} milestones.",
};
inline constexpr MessageText kMilestoneObject{
    "investment.milestone_object",
    "Mỗi mốc là một đối tượng.",
    "Each milestone is an object.",
};

// ---- Who may do what
inline constexpr MessageText kCannotRead{
    "investment.cannot_read",
    "Bạn không có quyền xem đầu tư công.",
    "You may not see public investment.",
};
inline constexpr MessageText kRoleCannotRead{
    "investment.role_cannot_read",
    "Vai trò của bạn không xem được số liệu đầu tư công.",
    "Your role cannot see public investment figures.",
};
inline constexpr MessageText kCannotEditSources{
    "investment.cannot_edit_sources",
    "Bạn không có quyền sửa danh mục nguồn vốn.",
    "You may not edit the list of capital sources.",
};
inline constexpr MessageText kCannotAddForInvestor{
    "investment.cannot_add_for_investor",
    "Bạn không được thêm dự án của chủ đầu tư này.",
    "You may not add projects of this investor.",
};
inline constexpr MessageText kCannotMoveToInvestor{
    "investment.cannot_move_to_investor",
    "Bạn không được chuyển dự án cho chủ đầu tư này.",
    "You may not hand the project to this investor.",
};
inline constexpr MessageText kCannotManageProject{
    "investment.cannot_manage_project",
    "Bạn không có quyền quản lý dự án này.",
    "You may not manage this project.",
};
inline constexpr MessageText kCannotReportProject{
    "investment.cannot_report_project",
    "Bạn không có quyền báo cáo cho dự án này.",
    "You may not report on this project.",
};
inline constexpr MessageText kCannotSetTarget{
    "investment.cannot_set_target",
    "Bạn không có quyền đặt mục tiêu giải ngân.",
    "You may not set the disbursement target.",
};
inline constexpr MessageText kCannotImport{
    "investment.cannot_import",
    "Bạn không có quyền nhập số liệu giải ngân.",
    "You may not import disbursement figures.",
};
inline constexpr MessageText kCannotPlanForUnit{
    "investment.cannot_plan_for_unit",
    "Bạn không được lập kế hoạch kiểm tra cho đơn vị này.",
    "You may not draw up an inspection plan for this unit.",
};
inline constexpr MessageText kCannotAddToPlan{
    "investment.cannot_add_to_plan",
    "Bạn không được thêm đợt kiểm tra vào kế hoạch này.",
    "You may not add inspections to this plan.",
};
inline constexpr MessageText kOnlyLeadRecords{
    "investment.only_lead_records",
    "Chỉ đơn vị chủ trì kiểm tra được ghi kết quả.",
    "Only the unit leading the inspection may record its findings.",
};
inline constexpr MessageText kOnlyLeadRecommends{
    "investment.only_lead_recommends",
    "Chỉ đơn vị chủ trì kiểm tra được đưa kiến nghị thành nhiệm vụ.",
    "Only the unit leading the inspection may turn a recommendation into a task.",
};

// ---- Not found
inline constexpr MessageText kProjectNotFound{
    "investment.project_not_found",
    "Không tìm thấy dự án.",
    "Project not found.",
};
inline constexpr MessageText kThisProjectNotFound{
    "investment.this_project_not_found",
    "Không tìm thấy dự án này.",
    "This project was not found.",
};
inline constexpr MessageText kAdjustmentNotFound{
    "investment.adjustment_not_found",
    "Không tìm thấy quyết định điều chỉnh.",
    "Adjustment decision not found.",
};
inline constexpr MessageText kInspectionPlanNotFound{
    "investment.inspection_plan_not_found",
    "Không tìm thấy kế hoạch kiểm tra.",
    "Inspection plan not found.",
};
inline constexpr MessageText kInspectionNotFound{
    "investment.inspection_not_found",
    "Không tìm thấy đợt kiểm tra.",
    "Inspection not found.",
};
inline constexpr MessageText kNoSuchYear{
    "investment.no_such_year",
    "Không có năm này.",
    "There is no such year.",
};

// ---- Sources and projects
inline constexpr MessageText kSourceCodeTaken{
    "investment.source_code_taken",
    "Mã nguồn vốn {code} đã có.",
    "The source code {code} is already taken.",
};
inline constexpr MessageText kNoParentSource{
    "investment.no_parent_source",
    "Không có nguồn vốn cấp trên này.",
    "There is no such parent source.",
};
inline constexpr MessageText kChildSameLevel{
    "investment.child_same_level",
    "Nguồn vốn con phải cùng cấp ngân sách với nguồn vốn cấp trên.",
    "A child source must have the same budget level as its parent source.",
};
inline constexpr MessageText kNoSource{
    "investment.no_source",
    "Không có nguồn vốn này.",
    "There is no such capital source.",
};
inline constexpr MessageText kEnterProjectCode{
    "investment.enter_project_code",
    "Cần nhập Mã dự án.",
    "Enter the project code.",
};
inline constexpr MessageText kEnterProjectName{
    "investment.enter_project_name",
    "Cần nhập Tên dự án.",
    "Enter the project name.",
};
inline constexpr MessageText kChooseInvestor{
    "investment.choose_investor",
    "Cần chọn Chủ đầu tư.",
    "Choose the investor.",
};
inline constexpr MessageText kEnterTotalInvestment{
    "investment.enter_total_investment",
    "Cần nhập Tổng mức đầu tư.",
    "Enter the total investment.",
};
inline constexpr MessageText kEnterYears{
    "investment.enter_years",
    "Cần nhập Năm khởi công và Năm hoàn thành.",
    "Enter the start year and the completion year.",
};
inline constexpr MessageText kGroups{
    "investment.groups",
    "Nhóm dự án phải là national, A, B hoặc C.",
    "The project group must be national, A, B or C.",
};
inline constexpr MessageText kStatuses{
    "investment.statuses",
    "Tình trạng phải là preparing, in_progress, completed hoặc suspended.",
    "The status must be preparing, in_progress, completed or suspended.",
};
inline constexpr MessageText kTotalAboveZero{
    "investment.total_above_zero",
    "Tổng mức đầu tư phải lớn hơn 0.",
    "The total investment must be more than 0.",
};
inline constexpr MessageText kStartYearRange{
    "investment.start_year_range",
    "Năm khởi công phải từ 2000 đến 2100.",
    "The start year must be from 2000 to 2100.",
};
inline constexpr MessageText kEndBeforeStart{
    "investment.end_before_start",
    "Năm hoàn thành không được trước năm khởi công.",
    "The completion year cannot be before the start year.",
};
inline constexpr MessageText kPercentRange{
    "investment.percent_range",
    "Khối lượng thực hiện phải từ 0 đến 100 %.",
    "The work done must be from 0 to 100 %.",
};
inline constexpr MessageText kNoInvestorUnit{
    "investment.no_investor_unit",
    "Không có đơn vị chủ đầu tư này.",
    "There is no such investor unit.",
};
inline constexpr MessageText kNoManagingUnit{
    "investment.no_managing_unit",
    "Không có đơn vị quản lý này.",
    "There is no such managing unit.",
};
inline constexpr MessageText kNoLocationUnit{
    "investment.no_location_unit",
    "Địa điểm: không có đơn vị {id}.",
    "Location: there is no unit {id}.",
};
inline constexpr MessageText kProjectCodeTaken{
    "investment.project_code_taken",
    "Mã dự án {code} đã có.",
    "The project code {code} is already taken.",
};

// ---- Plans
inline constexpr MessageText kPlanYearRange{
    "investment.plan_year_range",
    "Năm kế hoạch phải từ 2000 đến 2100.",
    "The plan year must be from 2000 to 2100.",
};
inline constexpr MessageText kYearRange{
    "investment.year_range",
    "Năm phải từ 2000 đến 2100.",
    "The year must be from 2000 to 2100.",
};
inline constexpr MessageText kEnterDecision{
    "investment.enter_decision",
    "Cần nhập Số quyết định giao hoặc điều chỉnh kế hoạch vốn.",
    "Enter the number of the decision assigning or adjusting the capital plan.",
};
inline constexpr MessageText kPeriodForm{
    "investment.period_form",
    "Giai đoạn phải viết như 2021-2025 hoặc 2026-2030.",
    "Write the period as 2021-2025 or 2026-2030.",
};
inline constexpr MessageText kMediumTermNegative{
    "investment.medium_term_negative",
    "Số vốn kế hoạch trung hạn không được âm.",
    "The medium-term plan amount cannot be negative.",
};
inline constexpr MessageText kAssignedAboveZero{
    "investment.assigned_above_zero",
    "Số vốn giao phải lớn hơn 0.",
    "The amount assigned must be more than 0.",
};
inline constexpr MessageText kAdjustedNotZero{
    "investment.adjusted_not_zero",
    "Số vốn điều chỉnh phải khác 0.",
    "The adjusted amount cannot be 0.",
};
inline constexpr MessageText kAtLeastOneMove{
    "investment.at_least_one_move",
    "Cần ít nhất một dòng điều chuyển vốn.",
    "Enter at least one capital move.",
};
inline constexpr MessageText kTargetRateRange{
    "investment.target_rate_range",
    "Tỷ lệ mục tiêu phải từ 0 đến 100 %.",
    "The target rate must be from 0 to 100 %.",
};
inline constexpr MessageText kMilestonesOrder{
    "investment.milestones_order",
    "Các mốc phải theo thứ tự ngày, tỷ lệ không giảm.",
    "The milestones must be in date order, with rates that do not fall.",
};
inline constexpr MessageText kMonthRange{
    "investment.month_range",
    "Tháng phải từ 1 đến 12.",
    "The month must be from 1 to 12.",
};
inline constexpr MessageText kMonthsOrder{
    "investment.months_order",
    "Mỗi tháng chỉ một dòng, theo thứ tự tháng.",
    "One row per month, in month order.",
};
inline constexpr MessageText kCommitmentNegative{
    "investment.commitment_negative",
    "Số vốn cam kết không được âm.",
    "The committed amount cannot be negative.",
};
inline constexpr MessageText kMoveAboveZero{
    "investment.move_above_zero",
    "Số vốn điều chỉnh phải lớn hơn 0.",
    "The amount moved must be more than 0.",
};
inline constexpr MessageText kSameProject{
    "investment.same_project",
    "Dự án nhận vốn phải khác dự án chuyển vốn.",
    "The project receiving capital must differ from the project giving it.",
};
inline constexpr MessageText kSourceMismatch{
    "investment.source_mismatch",
    "Vốn điều chỉnh giữ nguyên nguồn: nguồn vốn của dự án nhận phải là nguồn vốn của dự án "
    "chuyển.",
    "Moved capital keeps its source: the receiving project's source must be the giving "
    "project's source.",
};
inline constexpr MessageText kSourceNotFound{
    "investment.source_not_found",
    "Không tìm thấy nguồn vốn đã chọn.",
    "The chosen capital source was not found.",
};
inline constexpr MessageText kLevelMismatch{
    "investment.level_mismatch",
    "Một quyết định điều chỉnh chỉ chuyển vốn trong cùng một cấp ngân sách (trung ương hoặc địa "
    "phương); nguồn vốn này khác cấp với nguồn vốn của dòng đầu tiên.",
    "An adjustment decision moves capital within one budget level only (central or local); this "
    "source is at another level than the first row's source.",
};
inline constexpr MessageText kBelowDisbursed{
    "investment.below_disbursed",
    "Dự án {code} đã giải ngân {disbursed} đồng từ nguồn vốn này; kế hoạch vốn sau điều chỉnh "
    "({after} đồng) không được thấp hơn số đã giải ngân.",
    "Project {code} has disbursed VND {disbursed} from this source; the capital plan after the "
    "adjustment (VND {after}) cannot be lower than what was disbursed.",
};
inline constexpr MessageText kAboveTotal{
    "investment.above_total",
    "Dự án {code} chỉ còn được bố trí tối đa {room} đồng (tổng mức đầu tư {total} đồng trừ "
    "{earlier} đồng đã bố trí các năm trước); kế hoạch vốn năm sau điều chỉnh là {after} đồng.",
    "Project {code} can only be allotted up to VND {room} more (total investment VND {total} "
    "less VND {earlier} allotted in earlier years); the year's capital plan after the "
    "adjustment is VND {after}.",
};
inline constexpr MessageText kNotInMediumTerm{
    "investment.not_in_medium_term",
    "Dự án {code} chưa có kế hoạch đầu tư công trung hạn cho nguồn vốn này nên không được bố trí "
    "thêm vốn.",
    "Project {code} has no medium-term public investment plan for this source, so no more "
    "capital can be allotted to it.",
};
inline constexpr MessageText kAboveMediumTerm{
    "investment.above_medium_term",
    "Dự án {code} vượt kế hoạch trung hạn: nguồn vốn này chỉ còn {room} đồng (kế hoạch trung hạn "
    "{medium} đồng trừ {other} đồng đã bố trí các năm khác của giai đoạn); kế hoạch vốn sau điều "
    "chỉnh là {after} đồng.",
    "Project {code} goes over the medium-term plan: this source has only VND {room} left "
    "(medium-term plan VND {medium} less VND {other} allotted in the period's other years); the "
    "capital plan after the adjustment is VND {after}.",
};
inline constexpr MessageText kPaidBeforeYear{
    "investment.paid_before_year",
    "Ngày giải ngân {paid_on} trước năm kế hoạch {year}.",
    "The payment date {paid_on} is before the plan year {year}.",
};
inline constexpr MessageText kPaidAfterRegular{
    "investment.paid_after_regular",
    "Ngày giải ngân {paid_on} đã quá hạn {deadline} của kế hoạch vốn năm {year} (Luật Đầu tư "
    "công 2024, Điều 72); chỉ vốn bổ sung sau 30/09/{year} được giải ngân đến {late}.",
    "The payment date {paid_on} is past {deadline}, the deadline of the {year} capital plan "
    "(Public Investment Law 2024, Article 72); only capital added after 30/09/{year} may be "
    "disbursed until {late}.",
};
inline constexpr MessageText kPaidAfterLast{
    "investment.paid_after_last",
    "Ngày giải ngân {paid_on} đã quá hạn {late}, hạn cuối của kế hoạch vốn năm {year}.",
    "The payment date {paid_on} is past {late}, the last deadline of the {year} capital plan.",
};

// ---- Disbursements
inline constexpr MessageText kPaidAboveZero{
    "investment.paid_above_zero",
    "Số tiền giải ngân phải lớn hơn 0.",
    "The amount disbursed must be more than 0.",
};
inline constexpr MessageText kNoProjectCode{
    "investment.no_project_code",
    "Không tìm thấy dự án mã {code}.",
    "There is no project with the code {code}.",
};
inline constexpr MessageText kNoSourceCode{
    "investment.no_source_code",
    "Không có nguồn vốn mã {code}.",
    "There is no capital source with the code {code}.",
};

// ---- Key projects and inspections
inline constexpr MessageText kReportedInFuture{
    "investment.reported_in_future",
    "Ngày báo cáo không được sau hôm nay.",
    "The report date cannot be after today.",
};
inline constexpr MessageText kEnterMilestoneName{
    "investment.enter_milestone_name",
    "Cần nhập Tên mốc tiến độ.",
    "Enter the milestone name.",
};
inline constexpr MessageText kBottleneckKinds{
    "investment.bottleneck_kinds",
    "Loại điểm nghẽn phải là site_clearance, procedures, capital, contractor, materials, planning "
    "hoặc other.",
    "The bottleneck kind must be site_clearance, procedures, capital, contractor, materials, "
    "planning or other.",
};
inline constexpr MessageText kEnterInspectionPlanName{
    "investment.enter_inspection_plan_name",
    "Cần nhập Tên kế hoạch kiểm tra.",
    "Enter the inspection plan name.",
};
inline constexpr MessageText kNoLeadUnit{
    "investment.no_lead_unit",
    "Không có đơn vị chủ trì này.",
    "There is no such lead unit.",
};
inline constexpr MessageText kNoInspectionPlan{
    "investment.no_inspection_plan",
    "Không có kế hoạch kiểm tra này.",
    "There is no such inspection plan.",
};
inline constexpr MessageText kProjectNotOfInvestor{
    "investment.project_not_of_investor",
    "Dự án không thuộc chủ đầu tư được kiểm tra.",
    "The project does not belong to the investor inspected.",
};
inline constexpr MessageText kInspectionStatuses{
    "investment.inspection_statuses",
    "Tình trạng phải là planned (chưa kiểm tra), in_progress (đang kiểm tra) hoặc done (đã kiểm "
    "tra xong).",
    "The status must be planned (not inspected yet), in_progress (being inspected) or done "
    "(inspected).",
};

// ---- Lists and roll-ups
inline constexpr MessageText kKeyTrueFalse{
    "investment.key_true_false",
    "Dự án trọng điểm: true hoặc false.",
    "Key project: true or false.",
};
inline constexpr MessageText kKeyIsTrueFalse{
    "investment.key_is_true_false",
    "Dự án trọng điểm là true hoặc false.",
    "Key project is true or false.",
};
inline constexpr MessageText kRollupGroups{
    "investment.rollup_groups",
    "Nhóm dự án là một trong: national, A, B, C.",
    "The project group is one of: national, A, B, C.",
};
inline constexpr MessageText kBasisOf{
    "investment.basis_of",
    "Cơ sở kế hoạch là prime_minister (kế hoạch Thủ tướng giao) hoặc council (kế hoạch HĐND "
    "giao).",
    "The plan basis is prime_minister (the plan the Prime Minister assigned) or council (the plan "
    "the People's Council assigned).",
};
inline constexpr MessageText kRollupBy{
    "investment.rollup_by",
    "Cách gộp là một trong: {list}.",
    "Group by one of: {list}.",
};

// ---- The forecast
inline constexpr MessageText kNothingPaidYet{
    "investment.nothing_paid_yet",
    "Chưa giải ngân đồng nào từ đầu năm ({n} tháng).",
    "Nothing disbursed since the start of the year ({n} months).",
};
inline constexpr MessageText kNothingPaidLately{
    "investment.nothing_paid_lately",
    "Không giải ngân trong {n} tháng gần nhất.",
    "Nothing disbursed in the last {n} months.",
};
inline constexpr MessageText kAboveThePace{
    "investment.above_the_pace",
    "Phần kế hoạch còn lại cần giải ngân {millions} triệu đồng mỗi tháng, gấp {times} lần tốc độ "
    "đã đạt.",
    "The rest of the plan needs VND {millions} million disbursed a month, {times} times the pace "
    "reached.",
};
inline constexpr MessageText kOpenBottlenecks{
    "investment.open_bottlenecks",
    "Còn {n} điểm nghẽn chưa xử lý xong.",
    "{n} bottlenecks are not resolved yet.",
};
inline constexpr MessageText kBehindTheCity{
    "investment.behind_the_city",
    "Giải ngân chậm hơn nhịp chung của thành phố.",
    "Disbursing more slowly than the city as a whole.",
};
inline constexpr MessageText kForecastMethod{
    "investment.forecast_method",
    "Dự báo dựa trên số đã giải ngân đến nay và dáng đường giải ngân của thành phố trong tối đa 5 "
    "năm trước: với mỗi năm trước, lấy tỷ lệ giữa số đã giải ngân đến cùng ngày và số giải ngân "
    "cả năm (đến 31/12 hoặc 31/01 năm sau); chia số đã giải ngân năm nay cho tỷ lệ ấy được một "
    "ước tính cho mỗi năm. Trung vị các ước tính là dự báo, ước tính thấp nhất và cao nhất là "
    "khoảng dao động; không ước tính nào vượt kế hoạch vốn. Khi chưa có năm trước, dáng đường lấy "
    "theo lộ trình mục tiêu của thành phố. Các dự án được nêu là những dự án dự kiến còn nhiều vốn "
    "chưa giải ngân nhất, cộng lại đủ phần thiếu so với mục tiêu; phương pháp được kiểm tra lại "
    "trên các năm trước bằng dự báo lập ngày 30/6 so với kết quả cả năm.",
    "The forecast rests on what has been disbursed so far and on the shape of the city's "
    "disbursement curve in up to 5 earlier years: for each earlier year, take the share of the "
    "year's disbursement (to 31/12 or to 31/01 of the next year) that had been disbursed by the "
    "same day; dividing this year's disbursement so far by that share gives one estimate per "
    "year. The median of the estimates is the forecast, the lowest and highest estimates the "
    "range; no estimate goes above the capital plan. Without an earlier year, the curve follows "
    "the city's target trajectory. The projects named are those expected to leave the most "
    "capital undisbursed, together enough to cover the gap to the target; the method is checked "
    "on earlier years by forecasting on 30/6 and comparing with the whole year's result.",
};

}  // namespace dh::investment::msg
