// What conferences say to a person (issue 9): refusals of the conferences' forms, opinions,
// answers, merges and votes, the vote's outcome, and the opinion import's row errors, in both
// languages (core/message.h).
#pragma once

#include "core/message.h"

namespace dh::conferences::msg {

inline constexpr MessageText kNotADelegateVoter{
    "conferences.not_a_delegate_voter",
    "Người biểu quyết phải là đại biểu của hội nghị này.",
    "The voter must be a delegate of this conference.",
};
inline constexpr MessageText kOneBallotEach{
    "conferences.one_ballot_each",
    "Mỗi đại biểu chỉ biểu quyết một lần.",
    "Each delegate votes only once.",
};
inline constexpr MessageText kChooseChoice{
    "conferences.choose_choice",
    "Chọn tán thành, không tán thành hoặc không biểu quyết.",
    "Choose in favour, against or abstaining.",
};
inline constexpr MessageText kEnterVoteSubject{
    "conferences.enter_vote_subject",
    "Nhập nội dung biểu quyết.",
    "Enter what is voted on.",
};
inline constexpr MessageText kChooseVoteRule{
    "conferences.choose_vote_rule",
    "Chọn nguyên tắc biểu quyết: quá nửa hoặc hai phần ba tổng số đại biểu.",
    "Choose the voting rule: more than half or two thirds of all delegates.",
};
inline constexpr MessageText kChooseDocument{
    "conferences.choose_document",
    "Chọn một dự thảo của hội nghị này.",
    "Choose a draft of this conference.",
};
inline constexpr MessageText kBallotsOrTotals{
    "conferences.ballots_or_totals",
    "Nhập phiếu của từng đại biểu hoặc tổng số phiếu, không cả hai.",
    "Enter each delegate's ballot or the vote totals, not both.",
};
inline constexpr MessageText kOpinionNotFound{
    "conferences.opinion_not_found",
    "Không có ý kiến này.",
    "There is no such opinion.",
};
inline constexpr MessageText kEnterOpinion{
    "conferences.enter_opinion",
    "Nhập nội dung ý kiến.",
    "Enter the opinion.",
};
inline constexpr MessageText kOpinionTooLong{
    "conferences.opinion_too_long",
    "Nội dung ý kiến dài quá {max} ký tự.",
    "The opinion is longer than {max} characters.",
};
inline constexpr MessageText kChooseSection{
    "conferences.choose_section",
    "Chọn một phần, điều của dự thảo đã chọn.",
    "Choose a part or article of the chosen draft.",
};
inline constexpr MessageText kChooseRaisers{
    "conferences.choose_raisers",
    "Chọn đại biểu nêu ý kiến.",
    "Choose the delegates who raised the opinion.",
};
inline constexpr MessageText kNotADelegateRaiser{
    "conferences.not_a_delegate_raiser",
    "Người nêu ý kiến phải là đại biểu của hội nghị này.",
    "Whoever raises an opinion must be a delegate of this conference.",
};
inline constexpr MessageText kReferActiveUnit{
    "conferences.refer_active_unit",
    "Chọn đơn vị đang hoạt động để chuyển ý kiến.",
    "Choose an active unit to refer the opinion to.",
};
inline constexpr MessageText kNoDirectiveToRefer{
    "conferences.no_directive_to_refer",
    "Hội nghị chưa gắn văn bản chỉ đạo để giao nhiệm vụ; thư ký hội nghị cần chọn văn bản chỉ đạo "
    "trước khi chuyển ý kiến.",
    "The conference has no directive to assign tasks under; the conference secretary must choose "
    "one before opinions are referred.",
};
inline constexpr MessageText kJustReferred{
    "conferences.just_referred",
    "Ý kiến vừa được chuyển thành nhiệm vụ.",
    "The opinion has just been referred as a task.",
};
inline constexpr MessageText kDraftingUnitAnswers{
    "conferences.drafting_unit_answers",
    "Chỉ đơn vị soạn thảo dự thảo này trả lời ý kiến về dự thảo.",
    "Only the unit drafting this draft answers the opinions on it.",
};
inline constexpr MessageText kMergedAnswerThere{
    "conferences.merged_answer_there",
    "Ý kiến đã được gộp vào ý kiến số {id}; trả lời ở ý kiến đó.",
    "The opinion was merged into opinion number {id}; answer it there.",
};
inline constexpr MessageText kReferredFollowTask{
    "conferences.referred_follow_task",
    "Ý kiến đã được chuyển thành nhiệm vụ; theo dõi ở nhiệm vụ đó.",
    "The opinion was referred as a task; follow it there.",
};
inline constexpr MessageText kMergeNotAllowed{
    "conferences.merge_not_allowed",
    "Chỉ thư ký hội nghị hoặc đơn vị soạn thảo được gộp ý kiến.",
    "Only the conference secretary or the drafting unit can merge opinions.",
};
inline constexpr MessageText kOpinionNotInConference{
    "conferences.opinion_not_in_conference",
    "Ý kiến số {id} không thuộc hội nghị này.",
    "Opinion number {id} is not one of this conference.",
};
inline constexpr MessageText kNoSuchDraft{
    "conferences.no_such_draft",
    "Không có dự thảo này trong hội nghị.",
    "There is no such draft in the conference.",
};
inline constexpr MessageText kNoDelegates{
    "conferences.no_delegates",
    "Hội nghị chưa có đại biểu nào; thêm đại biểu trước khi biểu quyết.",
    "The conference has no delegates yet; add delegates before voting.",
};
inline constexpr MessageText kNegativeVotes{
    "conferences.negative_votes",
    "Số phiếu không được âm.",
    "A number of votes cannot be negative.",
};
inline constexpr MessageText kTooManyVotes{
    "conferences.too_many_votes",
    "Tổng số phiếu tán thành, không tán thành và không biểu quyết ({cast}) vượt quá tổng số đại "
    "biểu ({delegates}). Kiểm tra lại số phiếu.",
    "The votes in favour, against and abstaining ({cast}) are more than all the delegates "
    "({delegates}). Check the numbers of votes.",
};
inline constexpr MessageText kRuleMajority{
    "conferences.rule_majority",
    "Nghị quyết được thông qua khi có quá nửa tổng số đại biểu (không phải số đại biểu có mặt) "
    "biểu quyết tán thành: cần ít nhất {needed}/{delegates} phiếu (Luật Tổ chức chính quyền địa "
    "phương, Điều 91, khoản 3).",
    "A resolution passes when more than half of all delegates (not of those present) vote in "
    "favour: at least {needed}/{delegates} votes are needed (Law on the Organisation of Local "
    "Government, Article 91, clause 3).",
};
inline constexpr MessageText kRuleTwoThirds{
    "conferences.rule_two_thirds",
    "Được thông qua khi có ít nhất hai phần ba tổng số đại biểu biểu quyết tán thành: cần ít nhất "
    "{needed}/{delegates} phiếu.",
    "It passes when at least two thirds of all delegates vote in favour: at least "
    "{needed}/{delegates} votes are needed.",
};
inline constexpr MessageText kVoteOutcome{
    "conferences.vote_outcome",
    "{verdict}: {in_favour}/{delegates} đại biểu tán thành ({percent}); không tán thành "
    "{against}, không biểu quyết {abstain}; cần ít nhất {needed}.",
    "{verdict}: {in_favour}/{delegates} delegates in favour ({percent}); against {against}, "
    "abstaining {abstain}; at least {needed} needed.",
};
inline constexpr MessageText kPassed{
    "conferences.passed",
    "Thông qua",
    "Passed",
};
inline constexpr MessageText kNotPassed{
    "conferences.not_passed",
    "Không thông qua",
    "Not passed",
};
inline constexpr MessageText kChooseAnswerKind{
    "conferences.choose_answer_kind",
    "Chọn cách trả lời: tiếp thu, giải trình, ghi nhận hoặc chuyển.",
    "Choose how to answer: accepted, explained, noted or referred.",
};
inline constexpr MessageText kAnswerTooLong{
    "conferences.answer_too_long",
    "Nội dung trả lời dài quá {max} ký tự; rút gọn lại.",
    "The answer is longer than {max} characters; shorten it.",
};
inline constexpr MessageText kSayHowAccepted{
    "conferences.say_how_accepted",
    "Ghi rõ dự thảo đã được sửa thế nào, hoặc chọn «Tiếp thu, thực hiện khi có điều kiện».",
    "Say how the draft was changed, or choose «Accepted, to be done when conditions allow».",
};
inline constexpr MessageText kExplainWhy{
    "conferences.explain_why",
    "Nêu lý do giữ nguyên dự thảo trong ô «Nội dung trả lời».",
    "Give the reason for keeping the draft as it is in the «Answer» box.",
};
inline constexpr MessageText kChooseReferredUnit{
    "conferences.choose_referred_unit",
    "Chọn đơn vị được chuyển ý kiến để xử lý.",
    "Choose the unit the opinion is referred to.",
};
inline constexpr MessageText kEnterDueOn{
    "conferences.enter_due_on",
    "Nhập hạn xử lý theo dạng ngày/tháng/năm, ví dụ 15/06/2026.",
    "Enter the due date as day/month/year, for example 15/06/2026.",
};
inline constexpr MessageText kDueInPast{
    "conferences.due_in_past",
    "Hạn xử lý đã qua; chọn một ngày từ hôm nay trở đi.",
    "The due date has passed; choose a day from today on.",
};
inline constexpr MessageText kChooseDuplicates{
    "conferences.choose_duplicates",
    "Chọn ít nhất một ý kiến trùng để gộp.",
    "Choose at least one duplicate opinion to merge.",
};
inline constexpr MessageText kKeptMerged{
    "conferences.kept_merged",
    "Ý kiến giữ lại đã được gộp vào ý kiến khác.",
    "The opinion to keep has been merged into another one.",
};
inline constexpr MessageText kSelfMerge{
    "conferences.self_merge",
    "Không gộp một ý kiến vào chính nó.",
    "An opinion cannot be merged into itself.",
};
inline constexpr MessageText kOtherDocument{
    "conferences.other_document",
    "Chỉ gộp các ý kiến về cùng một dự thảo.",
    "Only opinions on the same draft can be merged.",
};
inline constexpr MessageText kAlreadyMerged{
    "conferences.already_merged",
    "Ý kiến số {id} đã được gộp trước đó.",
    "Opinion number {id} was merged before.",
};
inline constexpr MessageText kAlreadyAnswered{
    "conferences.already_answered",
    "Ý kiến số {id} đã được trả lời; chỉ gộp các ý kiến chưa trả lời vào một ý kiến.",
    "Opinion number {id} has been answered; only unanswered opinions can be merged into one.",
};
inline constexpr MessageText kUnanswered{
    "conferences.unanswered",
    "Còn {n} ý kiến của vòng {round} chưa được trả lời; trả lời hết trước khi mở vòng {next}.",
    "{n} opinions of round {round} are not answered yet; answer them all before opening round "
    "{next}.",
};
inline constexpr MessageText kConferenceNotFound{
    "conferences.not_found",
    "Không có hội nghị này.",
    "There is no such conference.",
};
inline constexpr MessageText kEnterDraftTitle{
    "conferences.enter_draft_title",
    "Nhập tên dự thảo.",
    "Enter the draft's title.",
};
inline constexpr MessageText kChooseDraftKind{
    "conferences.choose_draft_kind",
    "Chọn loại dự thảo: nghị quyết, quyết định hoặc khác.",
    "Choose the kind of draft: resolution, decision or other.",
};
inline constexpr MessageText kChooseDraftingUnit{
    "conferences.choose_drafting_unit",
    "Chọn đơn vị soạn thảo đang hoạt động.",
    "Choose an active drafting unit.",
};
inline constexpr MessageText kSectionEmpty{
    "conferences.section_empty",
    "Tên phần, điều của dự thảo không được để trống.",
    "The name of a part or article of the draft cannot be empty.",
};
inline constexpr MessageText kEnterName{
    "conferences.enter_name",
    "Nhập tên hội nghị.",
    "Enter the conference's name.",
};
inline constexpr MessageText kChooseBody{
    "conferences.choose_body",
    "Chọn cơ quan tổ chức hội nghị đang hoạt động.",
    "Choose an active body organising the conference.",
};
inline constexpr MessageText kEnterStartsOn{
    "conferences.enter_starts_on",
    "Nhập ngày khai mạc.",
    "Enter the opening day.",
};
inline constexpr MessageText kEnterEndsOn{
    "conferences.enter_ends_on",
    "Nhập ngày bế mạc.",
    "Enter the closing day.",
};
inline constexpr MessageText kEndsBeforeStart{
    "conferences.ends_before_start",
    "Ngày bế mạc không được trước ngày khai mạc.",
    "The closing day cannot be before the opening day.",
};
inline constexpr MessageText kTooManyDrafts{
    "conferences.too_many_drafts",
    "Một hội nghị thảo luận tối đa {max} dự thảo.",
    "A conference discusses at most {max} drafts.",
};
inline constexpr MessageText kSecretaryOnly{
    "conferences.secretary_only",
    "Chỉ thư ký hội nghị (văn phòng của cơ quan tổ chức) được làm việc này.",
    "Only the conference secretary (the office of the organising body) can do this.",
};
inline constexpr MessageText kNotForThisBody{
    "conferences.not_for_this_body",
    "Bạn không được tổ chức hội nghị cho cơ quan này.",
    "You may not organise conferences for this body.",
};
inline constexpr MessageText kDirectiveOutOfScope{
    "conferences.directive_out_of_scope",
    "Không có văn bản chỉ đạo này trong phạm vi của bạn.",
    "There is no such directive within your scope.",
};
inline constexpr MessageText kEnterDelegateName{
    "conferences.enter_delegate_name",
    "Nhập họ và tên đại biểu.",
    "Enter the delegate's full name.",
};
inline constexpr MessageText kChooseDelegateUnit{
    "conferences.choose_delegate_unit",
    "Chọn đơn vị công tác đang hoạt động.",
    "Choose an active unit the delegate works in.",
};
inline constexpr MessageText kSectionsList{
    "conferences.sections_list",
    "Các phần, điều là một danh sách (tối đa {max}).",
    "The parts and articles are a list (at most {max}).",
};
inline constexpr MessageText kSectionIsName{
    "conferences.section_is_name",
    "Mỗi phần, điều là một tên (tối đa {max} ký tự).",
    "Each part or article is a name (at most {max} characters).",
};
inline constexpr MessageText kSectionTooLong{
    "conferences.section_too_long",
    "Tên phần, điều dài quá {max} ký tự; hãy rút gọn.",
    "The name of a part or article is longer than {max} characters; please shorten it.",
};
inline constexpr MessageText kDraftIsObject{
    "conferences.draft_is_object",
    "Mỗi dự thảo là một đối tượng JSON.",
    "Each draft is a JSON object.",
};
inline constexpr MessageText kDraftsList{
    "conferences.drafts_list",
    "Các dự thảo là một danh sách (tối đa {max}).",
    "The drafts are a list (at most {max}).",
};
inline constexpr MessageText kBallotsList{
    "conferences.ballots_list",
    "Phiếu biểu quyết là một danh sách.",
    "The ballots are a list.",
};
inline constexpr MessageText kBallotShape{
    "conferences.ballot_shape",
    "Mỗi phiếu có delegate_id (số) và choice (for, against, abstain).",
    "Each ballot has a delegate_id (a number) and a choice (for, against, abstain).",
};
inline constexpr MessageText kDelegateInGroup{
    "conferences.delegate_in_group",
    "Đại biểu {name} đã có trong danh sách của tổ này.",
    "The delegate {name} is already in this group's list.",
};
inline constexpr MessageText kNoDelegateNamed{
    "conferences.no_delegate_named",
    "Không có đại biểu «{name}» trong danh sách đại biểu của hội nghị; thêm đại biểu trước hoặc "
    "sửa họ tên.",
    "There is no delegate «{name}» in the conference's list of delegates; add the delegate first "
    "or correct the name.",
};
inline constexpr MessageText kDelegatesNamedAlike{
    "conferences.delegates_named_alike",
    "Có {n} đại biểu tên «{name}»; ghi thêm tổ trong ngoặc, ví dụ «{person} (Tổ …)».",
    "{n} delegates are named «{name}»; add the group in brackets, for example «{person} (Tổ …)».",
};
inline constexpr MessageText kNameTheDraft{
    "conferences.name_the_draft",
    "Ghi tên hoặc số thứ tự dự thảo: hội nghị có nhiều dự thảo.",
    "Write the draft's title or number: the conference has several drafts.",
};
inline constexpr MessageText kNoDraftNamed{
    "conferences.no_draft_named",
    "Không có dự thảo «{name}» trong hội nghị.",
    "There is no draft «{name}» in the conference.",
};
inline constexpr MessageText kNoSectionNamed{
    "conferences.no_section_named",
    "Dự thảo «{draft}» không có phần, điều «{name}».",
    "The draft «{draft}» has no part or article «{name}».",
};

}  // namespace dh::conferences::msg
