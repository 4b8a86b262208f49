// What petitions say to a person (issue 9): refusals of the petitions' rules, steps and forms,
// in both languages (core/message.h). Notices are in petition_notices.h.
#pragma once

#include "core/message.h"

namespace dh::petitions::msg {

inline constexpr MessageText kRouteOnlyFiled{
    "petitions.route_only_filed",
    "Chỉ chuyển xử lý được kiến nghị vừa tiếp nhận.",
    "Only a petition just received can be routed to a unit.",
};
inline constexpr MessageText kForwardOnlyWithUnit{
    "petitions.forward_only_with_unit",
    "Chỉ chuyển tiếp được kiến nghị đang ở đơn vị, chưa trả lời.",
    "Only a petition a unit holds and has not answered can be forwarded.",
};
inline constexpr MessageText kReturnOnlyFiled{
    "petitions.return_only_filed",
    "Chỉ trả lại được kiến nghị vừa tiếp nhận, chưa chuyển xử lý.",
    "Only a petition just received, not yet routed, can be returned.",
};
inline constexpr MessageText kNotAwaitingAnswer{
    "petitions.not_awaiting_answer",
    "Kiến nghị không còn chờ đơn vị trả lời.",
    "The petition no longer waits for the unit's answer.",
};
inline constexpr MessageText kNoDraftToApprove{
    "petitions.no_draft_to_approve",
    "Chưa có dự thảo trả lời để duyệt.",
    "There is no draft answer to approve.",
};
inline constexpr MessageText kResolveOnlyDirected{
    "petitions.resolve_only_directed",
    "Chỉ kiến nghị đã có chỉ đạo mới chuyển sang đã giải quyết.",
    "Only a petition with directions given can be marked resolved.",
};
inline constexpr MessageText kRateOnlyAnswered{
    "petitions.rate_only_answered",
    "Chỉ đánh giá được sau khi câu trả lời đã được lãnh đạo duyệt và gửi doanh nghiệp.",
    "The answer can be rated only after the leader has approved it and it has been sent to the "
    "business.",
};
inline constexpr MessageText kReopenOnlyAnswered{
    "petitions.reopen_only_answered",
    "Chỉ mở lại được kiến nghị đã có câu trả lời.",
    "Only an answered petition can be reopened.",
};
inline constexpr MessageText kStepRefused{
    "petitions.step_refused",
    "Không thực hiện được bước này.",
    "This step cannot be taken.",
};
inline constexpr MessageText kPetitionNotFound{
    "petitions.not_found",
    "Không tìm thấy kiến nghị.",
    "Petition not found.",
};
inline constexpr MessageText kNotAllowed{
    "petitions.not_allowed",
    "Bạn không có quyền thực hiện thao tác này với kiến nghị.",
    "You may not do this with the petition.",
};
inline constexpr MessageText kEnterTitle{
    "petitions.enter_title",
    "Nhập tiêu đề kiến nghị.",
    "Enter the petition's title.",
};
inline constexpr MessageText kTitleEmpty{
    "petitions.title_empty",
    "Tiêu đề kiến nghị không được để trống.",
    "The petition's title cannot be empty.",
};
inline constexpr MessageText kEnterContent{
    "petitions.enter_content",
    "Nhập nội dung kiến nghị: vướng mắc là gì, ở đâu, từ khi nào.",
    "Enter the petition's content: what the problem is, where, and since when.",
};
inline constexpr MessageText kChooseCategory{
    "petitions.choose_category",
    "Chọn lĩnh vực của kiến nghị.",
    "Choose the petition's category.",
};
inline constexpr MessageText kCategoryNotListed{
    "petitions.category_not_listed",
    "Lĩnh vực không có trong danh sách: chọn thủ tục hành chính, đất đai, thuế – phí, xây dựng, "
    "đầu tư, lao động hoặc khác.",
    "The category is not in the list: choose administrative procedures, land, taxes and fees, "
    "construction, investment, labour or other.",
};
inline constexpr MessageText kUnknownCategory{
    "petitions.unknown_category",
    "Lĩnh vực không có trong danh sách.",
    "The category is not in the list.",
};
inline constexpr MessageText kChannel{
    "petitions.channel",
    "Kênh tiếp nhận là trực tuyến (online), văn bản giấy (paper) hoặc hội nghị đối thoại "
    "(conference).",
    "The channel is online (online), a paper letter (paper) or a dialogue conference (conference).",
};
inline constexpr MessageText kChooseBusiness{
    "petitions.choose_business",
    "Chọn doanh nghiệp gửi kiến nghị.",
    "Choose the business that files the petition.",
};
inline constexpr MessageText kOwnBusinessOnly{
    "petitions.own_business_only",
    "Bạn chỉ gửi được kiến nghị của doanh nghiệp mình.",
    "You can file petitions only for your own business.",
};
inline constexpr MessageText kNoSuchSession{
    "petitions.no_such_session",
    "Không có hội nghị đối thoại này.",
    "There is no such dialogue conference.",
};
inline constexpr MessageText kOfficeChangesDue{
    "petitions.office_changes_due",
    "Chỉ văn phòng được đổi hạn trả lời.",
    "Only the office can change the answer due date.",
};
inline constexpr MessageText kDueOnlyWithUnit{
    "petitions.due_only_with_unit",
    "Chỉ đổi được hạn của kiến nghị đang chờ đơn vị trả lời.",
    "Only the due date of a petition waiting for the unit's answer can be changed.",
};
inline constexpr MessageText kNoAttaching{
    "petitions.no_attaching",
    "Bạn không được đính kèm tệp vào kiến nghị này.",
    "You may not attach files to this petition.",
};
inline constexpr MessageText kEnterSessionTitle{
    "petitions.enter_session_title",
    "Nhập tên hội nghị đối thoại.",
    "Enter the dialogue conference's name.",
};
inline constexpr MessageText kEnterHeldOn{
    "petitions.enter_held_on",
    "Nhập ngày tổ chức hội nghị.",
    "Enter the day the conference is held.",
};
inline constexpr MessageText kChooseHost{
    "petitions.choose_host",
    "Chọn đơn vị chủ trì hội nghị.",
    "Choose the unit that hosts the conference.",
};
inline constexpr MessageText kHostOfficeOnly{
    "petitions.host_office_only",
    "Chỉ văn phòng của đơn vị chủ trì được tạo hội nghị đối thoại.",
    "Only the office of the host unit can create a dialogue conference.",
};
inline constexpr MessageText kCannotRead{
    "petitions.cannot_read",
    "Bạn không có quyền xem kiến nghị.",
    "You may not see petitions.",
};
inline constexpr MessageText kSessionNotFound{
    "petitions.session_not_found",
    "Không tìm thấy hội nghị đối thoại.",
    "Dialogue conference not found.",
};
inline constexpr MessageText kPeriodOrder{
    "petitions.period_order",
    "Ngày cuối kỳ phải sau ngày đầu kỳ.",
    "The end of the period must be after its start.",
};
inline constexpr MessageText kCoordinatorTwice{
    "petitions.coordinator_twice",
    "Đơn vị phối hợp bị trùng hoặc trùng đơn vị xử lý.",
    "A coordinating unit is named twice or is the handling unit.",
};
inline constexpr MessageText kForwardReason{
    "petitions.forward_reason",
    "Nêu lý do kiến nghị không thuộc thẩm quyền của đơn vị.",
    "Say why the petition is outside the unit's authority.",
};
inline constexpr MessageText kForwardTooLate{
    "petitions.forward_too_late",
    "Đã quá {days} ngày làm việc kể từ khi nhận kiến nghị: đơn vị phải trả lời hoặc báo văn phòng.",
    "More than {days} working days have passed since the petition was received: the unit must "
    "answer it or tell the office.",
};
inline constexpr MessageText kForwardOtherUnit{
    "petitions.forward_other_unit",
    "Chọn đơn vị khác đơn vị đang xử lý.",
    "Choose a unit other than the one handling the petition.",
};
inline constexpr MessageText kReturnReason{
    "petitions.return_reason",
    "Chọn lý do trả lại: thiếu thông tin, trùng kiến nghị đã trả lời hoặc không thuộc thẩm quyền "
    "của thành phố.",
    "Choose why the petition is returned: information missing, a duplicate of an answered "
    "petition, or outside the city's authority.",
};
inline constexpr MessageText kReturnNote{
    "petitions.return_note",
    "Ghi rõ thông tin doanh nghiệp cần bổ sung.",
    "Say what information the business must add.",
};
inline constexpr MessageText kReturnAuthority{
    "petitions.return_authority",
    "Ghi cơ quan có thẩm quyền giải quyết kiến nghị.",
    "Name the authority competent to settle the petition.",
};
inline constexpr MessageText kChooseDuplicate{
    "petitions.choose_duplicate",
    "Chọn kiến nghị đã được trả lời mà kiến nghị này trùng.",
    "Choose the answered petition that this one duplicates.",
};
inline constexpr MessageText kDuplicateAnswered{
    "petitions.duplicate_answered",
    "Kiến nghị trùng phải là một kiến nghị khác đã được trả lời.",
    "The duplicated petition must be another petition that has been answered.",
};
inline constexpr MessageText kEnterAnswer{
    "petitions.enter_answer",
    "Nhập nội dung trả lời.",
    "Enter the answer.",
};
inline constexpr MessageText kChooseOutcome{
    "petitions.choose_outcome",
    "Chọn kết quả: đã có chỉ đạo (directed) hoặc đã giải quyết xong (resolved).",
    "Choose the outcome: directions given (directed) or resolved (resolved).",
};
inline constexpr MessageText kChooseSatisfied{
    "petitions.choose_satisfied",
    "Chọn hài lòng hoặc không hài lòng với câu trả lời.",
    "Choose whether you are satisfied with the answer or not.",
};
inline constexpr MessageText kUnsatisfiedReason{
    "petitions.unsatisfied_reason",
    "Nêu lý do chưa hài lòng để đơn vị xem xét.",
    "Say why you are not satisfied, so that the unit can look at it again.",
};
inline constexpr MessageText kReopenReason{
    "petitions.reopen_reason",
    "Nêu lý do đề nghị xem xét lại.",
    "Say why you ask for the petition to be looked at again.",
};
inline constexpr MessageText kReopenedOnce{
    "petitions.reopened_once",
    "Kiến nghị chỉ được mở lại một lần.",
    "A petition can be reopened only once.",
};
inline constexpr MessageText kPublishOnlyAnswered{
    "petitions.publish_only_answered",
    "Chỉ công khai được kiến nghị đã có câu trả lời được duyệt.",
    "Only a petition with an approved answer can be published.",
};
inline constexpr MessageText kAlreadyPublished{
    "petitions.already_published",
    "Kiến nghị đã được công khai.",
    "The petition is already published.",
};
inline constexpr MessageText kOfficeSpawnsTask{
    "petitions.office_spawns_task",
    "Chỉ văn phòng được giao nhiệm vụ từ kiến nghị.",
    "Only the office can assign a task from a petition.",
};
inline constexpr MessageText kHasTask{
    "petitions.has_task",
    "Kiến nghị đã có nhiệm vụ.",
    "The petition already has a task.",
};
inline constexpr MessageText kRouteBeforeTask{
    "petitions.route_before_task",
    "Chuyển kiến nghị cho đơn vị xử lý trước khi giao nhiệm vụ.",
    "Route the petition to a handling unit before assigning a task.",
};
inline constexpr MessageText kUnknownState{
    "petitions.unknown_state",
    "Trạng thái không có trong danh sách.",
    "The status is not in the list.",
};
inline constexpr MessageText kUnknownTimeliness{
    "petitions.unknown_timeliness",
    "Tình trạng hạn không có trong danh sách.",
    "The deadline status is not in the list.",
};
inline constexpr MessageText kBucketNeedsPeriod{
    "petitions.bucket_needs_period",
    "Nhóm chỉ số cần kỳ: Từ ngày và Đến ngày.",
    "An index group needs a period: From and To.",
};
inline constexpr MessageText kBoardByUnit{
    "petitions.board_by_unit",
    "Chỉ xem theo đơn vị (by=unit).",
    "Only a view by unit is offered (by=unit).",
};

}  // namespace dh::petitions::msg
