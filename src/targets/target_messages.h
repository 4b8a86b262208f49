// The targets room's messages in both languages (core/message.h): what reading a target's
// form, its expression, a value or an explanation request answers when something is wrong.
// How a target was read and why it has its status stay Vietnamese (they are kept with the
// target and printed in the officials' review sheet).
#pragma once

#include "core/message.h"

namespace dh::targets::msg {

// ---- Forms (target_parse.cc) --------------------------------------------------------------

// {name}: the form's label; {allowed}: the API's words.
inline constexpr MessageText kOneOf{
    "targets.one_of",
    "{name} chỉ nhận một trong: {allowed}.",
    "{name} takes one of: {allowed}.",
};
inline constexpr MessageText kNotNumber{
    "targets.not_number",
    "{name} phải là một số (ví dụ 7.5).",
    "{name} must be a number (for example 7.5).",
};
inline constexpr MessageText kNumberTooLarge{
    "targets.number_too_large",
    "{name} lớn quá.",
    "{name} is too large.",
};
inline constexpr MessageText kFillIn{
    "targets.fill_in",
    "Hãy ghi {name}.",
    "Fill in {name}.",
};
inline constexpr MessageText kExpressionOrComparator{
    "targets.expression_or_comparator",
    "Hãy ghi Chỉ tiêu (ví dụ \"trên 95%\"), hoặc comparator (>, >=, <, <=, =, between) và values.",
    "Fill in the Target (for example “trên 95%”), or comparator (>, >=, <, <=, =, between) and "
    "values.",
};
inline constexpr MessageText kValuesArray{
    "targets.values_array",
    "values là một mảng một hoặc hai số.",
    "values is an array of one or two numbers.",
};
// {max}: the most parts a target is split into.
inline constexpr MessageText kSplitList{
    "targets.split_list",
    "Phân kỳ là danh sách tối đa {max} kỳ {period, share}.",
    "The split is a list of at most {max} parts {period, share}.",
};
inline constexpr MessageText kSplitItem{
    "targets.split_item",
    "Mỗi kỳ là {period, share}.",
    "Each part is {period, share}.",
};
inline constexpr MessageText kSplitShareOrValue{
    "targets.split_share_or_value",
    "Mỗi kỳ cần share (% chỉ tiêu) hoặc value (khối lượng).",
    "Each part needs share (% of the target) or value (an amount).",
};
inline constexpr MessageText kTargetOrTask{
    "targets.target_or_task",
    "Chọn một chỉ tiêu hoặc một nhiệm vụ cần giải trình.",
    "Choose one target or one task to be explained.",
};
inline constexpr MessageText kExpectedValueOrDate{
    "targets.expected_value_or_date",
    "Ghi Giá trị dự kiến hoặc Ngày dự kiến đạt chỉ tiêu.",
    "Fill in the Expected value or the Expected date of reaching the target.",
};
// {text}: what was written, cut to 20 characters.
inline constexpr MessageText kBadPeriod{
    "targets.bad_period",
    "Kỳ \"{text}\" không đúng cách ghi: năm ghi 2024, quý ghi 2024-Q2, tháng ghi 2024-06.",
    "The period “{text}” is not written correctly: a year is written 2024, a quarter 2024-Q2, a "
    "month 2024-06.",
};

// ---- A target written as officials write it (target_expression.cc) ----------------------

// The examples the expression's messages give (written in Vietnamese, as the target is).
inline constexpr MessageText kExamples{
    "targets.expression_examples",
    "\"trên 95%\", \"7,5 – 8%\" hoặc \"≥ 1.000 căn\"",
    "“trên 95%”, “7,5 – 8%” or “≥ 1.000 căn”",
};
// {number}: as written.
inline constexpr MessageText kExprBadNumber{
    "targets.expression_bad_number",
    "Chỉ tiêu: không đọc được số \"{number}\"; viết phần thập phân sau dấu phẩy (7,5) và dấu chấm "
    "giữa các nhóm ba chữ số (1.000).",
    "Target: the number “{number}” cannot be read; write the decimals after a comma (7,5) and a "
    "dot between groups of three digits (1.000).",
};
inline constexpr MessageText kExprNumberTooLarge{
    "targets.expression_number_too_large",
    "Chỉ tiêu: số \"{number}\" lớn quá; hãy đổi sang đơn vị lớn hơn (tỷ đồng thay cho đồng).",
    "Target: the number “{number}” is too large; use a larger unit (tỷ đồng rather than đồng).",
};
// {text}: the words not understood.
inline constexpr MessageText kExprTail{
    "targets.expression_tail",
    "Chỉ tiêu: không hiểu \"{text}\" sau con số; sau số chỉ ghi đơn vị (%, căn, tỷ đồng…), \"trở "
    "lên\" hoặc \"so với năm trước\".",
    "Target: “{text}” after the number is not understood; after the number write only the unit "
    "(%, căn, tỷ đồng…), “trở lên” or “so với năm trước”.",
};
// {unit}: its first {max} characters.
inline constexpr MessageText kExprUnitTooLong{
    "targets.expression_unit_too_long",
    "Chỉ tiêu: đơn vị \"{unit}…\" dài quá {max} ký tự; ghi đơn vị ngắn (%, căn, tỷ đồng) và để "
    "phần "
    "giải thích vào Ghi chú.",
    "Target: the unit “{unit}…” is longer than {max} characters; write a short unit (%, căn, tỷ "
    "đồng) and put the explanation in the Note.",
};
inline constexpr MessageText kExprComparedNeedsChange{
    "targets.expression_compared_needs_change",
    "Chỉ tiêu: \"so với …\" chỉ dùng với \"tăng\" hoặc \"giảm\", ví dụ \"tăng 5% so với năm "
    "trước\" hoặc \"giảm 10%\".",
    "Target: “so với …” (compared with) goes only with “tăng” (increase) or “giảm” (decrease), for "
    "example “tăng 5% so với năm trước” or “giảm 10%”.",
};
inline constexpr MessageText kExprPrefix{
    "targets.expression_prefix",
    "Chỉ tiêu: không hiểu \"{text}\" trước con số; hãy dùng \"trên\", \"tối thiểu\", \"không "
    "dưới\", \"tối đa\", \"không quá\", \"dưới\", \"bằng\", \"tăng\" hoặc \"giảm\".",
    "Target: “{text}” before the number is not understood; use “trên”, “tối thiểu”, “không dưới”, "
    "“tối đa”, “không quá”, “dưới”, “bằng”, “tăng” or “giảm”.",
};
inline constexpr MessageText kExprTwoComparisons{
    "targets.expression_two_comparisons",
    "Chỉ tiêu ghi hai cách so sánh cùng lúc; chỉ giữ một, ví dụ \"từ 95% trở lên\" hoặc \"tối "
    "thiểu 95%\".",
    "The target states two comparisons at once; keep one, for example “từ 95% trở lên” or “tối "
    "thiểu 95%”.",
};
inline constexpr MessageText kExprConnector{
    "targets.expression_connector",
    "Chỉ tiêu: không hiểu \"{text}\" giữa hai con số; ghi một khoảng như \"7,5 – 8%\" hoặc \"từ "
    "7,5 đến 8%\".",
    "Target: “{text}” between the two numbers is not understood; write a range as “7,5 – 8%” or "
    "“từ 7,5 đến 8%”.",
};
inline constexpr MessageText kExprRangeAlone{
    "targets.expression_range_alone",
    "Chỉ tiêu: một khoảng chỉ ghi \"7,5 – 8%\" hoặc \"từ 7,5 đến 8%\", không kèm \"trên\", "
    "\"dưới\" hay \"trở lên\".",
    "Target: a range is written only as “7,5 – 8%” or “từ 7,5 đến 8%”, without “trên”, “dưới” or "
    "“trở lên”.",
};
// {low}, {high}: as the target writes them.
inline constexpr MessageText kExprRangeOrder{
    "targets.expression_range_order",
    "Chỉ tiêu: khoảng \"{low} – {high}\" phải ghi số nhỏ trước ({high} – {low}).",
    "Target: the range “{low} – {high}” must have the smaller number first ({high} – {low}).",
};
// {examples}: kExamples.
inline constexpr MessageText kExprEmpty{
    "targets.expression_empty",
    "Chỉ tiêu đang trống: hãy ghi như {examples}.",
    "The target is empty: write it as {examples}.",
};
inline constexpr MessageText kExprTooLong{
    "targets.expression_too_long",
    "Chỉ tiêu dài quá {max} ký tự: chỉ ghi mức cần đạt, ví dụ {examples}.",
    "The target is longer than {max} characters: write only the level to reach, for example "
    "{examples}.",
};
inline constexpr MessageText kExprNoNumber{
    "targets.expression_no_number",
    "Chỉ tiêu chưa có con số: hãy ghi như {examples}.",
    "The target has no number yet: write it as {examples}.",
};
inline constexpr MessageText kExprTooManyNumbers{
    "targets.expression_too_many_numbers",
    "Chỉ tiêu có quá hai con số: ghi một mức (\"trên 95%\") hoặc một khoảng (\"7,5 – 8%\").",
    "The target has more than two numbers: write one level (“trên 95%”) or one range (“7,5 – "
    "8%”).",
};
inline constexpr MessageText kExprBadUtf8{
    "targets.expression_bad_utf8",
    "Chỉ tiêu có ký tự không đọc được; hãy gõ lại, ví dụ {examples}.",
    "The target has characters that cannot be read; type it again, for example {examples}.",
};
inline constexpr MessageText kExprTwoValues{
    "targets.expression_two_values",
    "Chỉ tiêu dạng khoảng cần đúng hai số.",
    "A range target needs exactly two numbers.",
};
inline constexpr MessageText kExprOneValue{
    "targets.expression_one_value",
    "Chỉ tiêu cần đúng một số.",
    "The target needs exactly one number.",
};
inline constexpr MessageText kExprBadValue{
    "targets.expression_bad_value",
    "Chỉ tiêu có số không hợp lệ hoặc lớn quá.",
    "The target has a number that is not valid or is too large.",
};
inline constexpr MessageText kExprSmallFirst{
    "targets.expression_small_first",
    "Chỉ tiêu dạng khoảng phải ghi số nhỏ trước.",
    "A range target must have the smaller number first.",
};
inline constexpr MessageText kExprBothWays{
    "targets.expression_both_ways",
    "Chỉ tiêu so với kỳ trước không thể vừa tăng vừa giảm trong một khoảng.",
    "A target compared with the previous period cannot both increase and decrease in one range.",
};
inline constexpr MessageText kUnitTooLong{
    "targets.unit_too_long",
    "Đơn vị dài quá {max} ký tự.",
    "The unit is longer than {max} characters.",
};

// ---- How a target was read (target_expression.cc) ----------------------------------------
// Said in both languages when it is read: the review sheet prints the Vietnamese.

// {low}, {high}, {value}: values with their unit; {word}: one of the words below.
inline constexpr MessageText kReadingRange{
    "targets.reading_range",
    "Giá trị phải từ {low} đến {high}.",
    "The value must be from {low} to {high}.",
};
inline constexpr MessageText kReadingCompare{
    "targets.reading_compare",
    "Giá trị phải {word} {value}.",
    "The value must be {word} {value}.",
};
inline constexpr MessageText kWordGreater{
    "targets.word_greater",
    "lớn hơn",
    "greater than",
};
inline constexpr MessageText kWordAtLeast{
    "targets.word_at_least",
    "ít nhất",
    "at least",
};
inline constexpr MessageText kWordLess{
    "targets.word_less",
    "nhỏ hơn",
    "less than",
};
inline constexpr MessageText kWordAtMost{
    "targets.word_at_most",
    "không quá",
    "at most",
};
inline constexpr MessageText kWordEqual{
    "targets.word_equal",
    "bằng",
    "equal to",
};
// {change}: kIncrease or kDecrease; {how}: kChangeFromTo or a change word and {value}.
inline constexpr MessageText kReadingChange{
    "targets.reading_change",
    "Giá trị phải {change} {how} so với giá trị chính thức kỳ trước.",
    "The value must {change} {how} compared with the previous period's official value.",
};
inline constexpr MessageText kIncrease{
    "targets.increase",
    "tăng",
    "increase",
};
inline constexpr MessageText kDecrease{
    "targets.decrease",
    "giảm",
    "decrease",
};
inline constexpr MessageText kChangeFromTo{
    "targets.change_from_to",
    "từ {low} đến {high}",
    "by {low} to {high}",
};
inline constexpr MessageText kChangeBy{
    "targets.change_by",
    "{word} {value}",
    "by {word} {value}",
};
inline constexpr MessageText kChangeMore{
    "targets.change_more",
    "hơn",
    "more than",
};
inline constexpr MessageText kChangeAtLeast{
    "targets.change_at_least",
    "ít nhất",
    "at least",
};
inline constexpr MessageText kChangeLess{
    "targets.change_less",
    "ít hơn",
    "less than",
};
inline constexpr MessageText kChangeAtMost{
    "targets.change_at_most",
    "không quá",
    "at most",
};
inline constexpr MessageText kChangeExactly{
    "targets.change_exactly",
    "đúng",
    "exactly",
};

// ---- Catalogue and targets (target_service.cc, target_store.cc) ---------------------------

inline constexpr MessageText kUnknownUnit{
    "targets.unknown_unit",
    "Đơn vị không tồn tại; chọn một đơn vị trong danh sách.",
    "The unit does not exist; choose a unit from the list.",
};
inline constexpr MessageText kCannotSeeCatalogue{
    "targets.cannot_see_catalogue",
    "Tài khoản này không được xem danh mục chỉ tiêu.",
    "This account may not see the catalogue of targets.",
};
inline constexpr MessageText kIndicatorNotFound{
    "targets.indicator_not_found",
    "Không có chỉ số này.",
    "This indicator was not found.",
};
// {name}: the computation asked for.
inline constexpr MessageText kNoSuchComputation{
    "targets.no_such_computation",
    "Cách tính \"{name}\" không có; để trống nếu các đơn vị tự nhập số liệu.",
    "There is no computation “{name}”; leave it empty if the units enter their own values.",
};
inline constexpr MessageText kOnlyOfficeAddsIndicator{
    "targets.only_office_adds_indicator",
    "Chỉ văn phòng của đơn vị chủ trì được thêm chỉ số vào danh mục.",
    "Only the office of the responsible unit may add an indicator to the catalogue.",
};
inline constexpr MessageText kOnlyOfficeEditsIndicator{
    "targets.only_office_edits_indicator",
    "Chỉ văn phòng của đơn vị chủ trì được sửa chỉ số này.",
    "Only the office of the responsible unit may edit this indicator.",
};
// {part}, {period}: periods as the reader names them.
inline constexpr MessageText kSplitOutside{
    "targets.split_outside",
    "Phân kỳ {part} không nằm trong {period}; chỉ chia trong kỳ của chỉ tiêu.",
    "The part {part} is not within {period}; split only within the target's period.",
};
inline constexpr MessageText kSplitShareRange{
    "targets.split_share_range",
    "Tỷ lệ mỗi kỳ từ 0 đến 100 %.",
    "Each part's share is from 0 to 100 %.",
};
// {total}: the parts' shares added up.
inline constexpr MessageText kSplitOver{
    "targets.split_over",
    "Tổng các kỳ là {total} %, vượt 100 % chỉ tiêu; hãy sửa lại phân kỳ.",
    "The parts add up to {total} %, more than 100 % of the target; correct the split.",
};
inline constexpr MessageText kUnknownIndicator{
    "targets.unknown_indicator",
    "Chỉ số không có trong danh mục; chọn lại.",
    "The indicator is not in the catalogue; choose again.",
};
inline constexpr MessageText kOnlyOfficeSetsTarget{
    "targets.only_office_sets_target",
    "Chỉ văn phòng được giao chỉ tiêu cho đơn vị này.",
    "Only the office may set targets for this unit.",
};
inline constexpr MessageText kTargetNotFound{
    "targets.target_not_found",
    "Không có chỉ tiêu này.",
    "This target was not found.",
};
inline constexpr MessageText kDuplicateIndicatorCode{
    "targets.duplicate_indicator_code",
    "Mã chỉ số này đã có trong danh mục; chọn mã khác hoặc sửa chỉ số đã có.",
    "This indicator code is already in the catalogue; choose another code or edit the existing "
    "indicator.",
};
inline constexpr MessageText kDuplicateTarget{
    "targets.duplicate_target",
    "Đơn vị này đã có chỉ tiêu cho chỉ số này trong kỳ này; hãy sửa chỉ tiêu đã có.",
    "This unit already has a target for this indicator in this period; edit the existing target.",
};

// ---- Values (target_values.cc, target_import.cc) ------------------------------------------

// {name}: the indicator's name.
inline constexpr MessageText kComputedIndicator{
    "targets.computed_indicator",
    "Chỉ số \"{name}\" được tính tự động từ dữ liệu của hệ thống; không nhập số liệu cho chỉ số "
    "này.",
    "The indicator “{name}” is computed from the system's own data; do not enter values for it.",
};
inline constexpr MessageText kUnitNotInScope{
    "targets.unit_not_in_scope",
    "Không có đơn vị này trong phạm vi báo cáo của tài khoản.",
    "This unit is not within the account's reporting scope.",
};
inline constexpr MessageText kReturnReason{
    "targets.return_reason",
    "Ghi rõ lý do trả lại để đơn vị sửa số liệu.",
    "Give the reason for returning the value so that the unit can correct it.",
};
inline constexpr MessageText kValueNotFound{
    "targets.value_not_found",
    "Không có số liệu này.",
    "This value was not found.",
};
inline constexpr MessageText kOnlyOfficeDecidesValue{
    "targets.only_office_decides_value",
    "Chỉ văn phòng được duyệt hoặc trả lại số liệu của đơn vị này.",
    "Only the office may approve or return this unit's values.",
};
// {decision}: kApprovedWord or kReturnedWord.
inline constexpr MessageText kValueAlreadyDecided{
    "targets.value_already_decided",
    "Số liệu này đã được {decision}; đơn vị gửi số liệu mới nếu cần sửa.",
    "This value has already been {decision}; the unit sends a new value if it needs correcting.",
};
inline constexpr MessageText kApprovedWord{
    "targets.approved_word",
    "duyệt",
    "approved",
};
inline constexpr MessageText kReturnedWord{
    "targets.returned_word",
    "trả lại",
    "returned",
};
inline constexpr MessageText kImportUnknownCode{
    "targets.import_unknown_code",
    "Không có mã chỉ số này trong danh mục.",
    "There is no indicator with this code in the catalogue.",
};
inline constexpr MessageText kImportComputed{
    "targets.import_computed",
    "Chỉ số này được tính tự động; không nhập số liệu.",
    "This indicator is computed automatically; do not enter values for it.",
};
inline constexpr MessageText kImportBadValue{
    "targets.import_bad_value",
    "Giá trị phải là một số, viết 1.234,5 hoặc 7,5.",
    "The value must be a number, written 1.234,5 or 7,5.",
};
inline constexpr MessageText kImportBadKind{
    "targets.import_bad_kind",
    "Loại số liệu ghi \"ước tính\" hoặc \"chính thức\".",
    "The kind of value is written “ước tính” (estimate) or “chính thức” (official).",
};

// ---- Explanations (target_explanations.cc) ------------------------------------------------

inline constexpr MessageText kDueDaysRange{
    "targets.due_days_range",
    "Số ngày làm việc để trả lời từ {min} đến {max}.",
    "The working days to answer must be from {min} to {max}.",
};
inline constexpr MessageText kDueOnOrDays{
    "targets.due_on_or_days",
    "Ghi Hạn trả lời (ngày) hoặc số ngày làm việc để đơn vị trả lời.",
    "Fill in the Answer due date or the number of working days the unit has to answer.",
};
inline constexpr MessageText kDuePassed{
    "targets.due_passed",
    "Hạn trả lời đã qua; chọn một ngày từ hôm nay trở đi.",
    "The answer due date has passed; choose a day from today on.",
};
inline constexpr MessageText kNoTaskExplanations{
    "targets.no_task_explanations",
    "Chưa hỏi được giải trình về nhiệm vụ.",
    "Explanations about tasks cannot be asked for yet.",
};
inline constexpr MessageText kOnlyLeaderAsks{
    "targets.only_leader_asks",
    "Chỉ lãnh đạo hoặc văn phòng được yêu cầu đơn vị này giải trình.",
    "Only a leader or the office may ask this unit for an explanation.",
};
inline constexpr MessageText kExplanationNotFound{
    "targets.explanation_not_found",
    "Không có yêu cầu giải trình này.",
    "This explanation request was not found.",
};
inline constexpr MessageText kOnlyAskedUnitAnswers{
    "targets.only_asked_unit_answers",
    "Chỉ đơn vị được yêu cầu mới trả lời giải trình này.",
    "Only the unit asked may answer this explanation request.",
};
inline constexpr MessageText kAlreadyAnswered{
    "targets.already_answered",
    "Yêu cầu này đã được trả lời; chờ lãnh đạo xem xét.",
    "This request has already been answered; wait for the leader's review.",
};
inline constexpr MessageText kOnlyLeaderAccepts{
    "targets.only_leader_accepts",
    "Chỉ lãnh đạo hoặc văn phòng được chấp nhận giải trình.",
    "Only a leader or the office may accept an explanation.",
};
inline constexpr MessageText kAcceptOnlyAnswered{
    "targets.accept_only_answered",
    "Chỉ chấp nhận được khi đơn vị đã trả lời.",
    "An explanation can be accepted only once the unit has answered.",
};
inline constexpr MessageText kOnlyLeaderAsksAgain{
    "targets.only_leader_asks_again",
    "Chỉ lãnh đạo hoặc văn phòng được yêu cầu giải trình lại.",
    "Only a leader or the office may ask for the explanation again.",
};
inline constexpr MessageText kAskAgainOnlyAnswered{
    "targets.ask_again_only_answered",
    "Chỉ yêu cầu giải trình lại khi đơn vị đã trả lời.",
    "The explanation can be asked for again only once the unit has answered.",
};

// ---- Why a target has its status (target_status.cc) --------------------------------------
// Said in both languages when the target is judged: the officials' review sheet prints the
// Vietnamese, the API answers in the reader's language.

// {x}, {low}, {high}: values with their unit.
inline constexpr MessageText kWithinRange{
    "targets.reason_within_range",
    "{x} trong khoảng {low} – {high}",
    "{x} within {low} – {high}",
};
// {rel}: how the value stands to the bound ("7,17 % < 7,5 %").
inline constexpr MessageText kReasonAchieved{
    "targets.reason_achieved",
    "{rel}: đạt",
    "{rel}: achieved",
};
inline constexpr MessageText kReasonNotAchieved{
    "targets.reason_not_achieved",
    "{rel}: chưa đạt",
    "{rel}: not achieved",
};
inline constexpr MessageText kReasonEstimateAchieved{
    "targets.reason_estimate_achieved",
    "ước {rel}: dự kiến đạt",
    "estimated {rel}: expected to be achieved",
};
inline constexpr MessageText kReasonEstimateAtRisk{
    "targets.reason_estimate_at_risk",
    "ước {rel}: có nguy cơ không đạt",
    "estimated {rel}: at risk of not being achieved",
};
// After a part of the period: {part} (estimate).
inline constexpr MessageText kEstimateMark{
    "targets.reason_estimate_mark",
    "{part} (ước)",
    "{part} (estimate)",
};
// {text}: what the part of the period shows.
inline constexpr MessageText kReasonOnTrack{
    "targets.reason_on_track",
    "{text}: đúng tiến độ",
    "{text}: on track",
};
inline constexpr MessageText kReasonAtRisk{
    "targets.reason_at_risk",
    "{text}: có nguy cơ",
    "{text}: at risk",
};
// {part}: the part of the period; {rel} as above.
inline constexpr MessageText kPartAchieved{
    "targets.reason_part_achieved",
    "{part} đã đạt: {rel}: đạt",
    "{part} already achieved: {rel}: achieved",
};
inline constexpr MessageText kPartOverLimit{
    "targets.reason_part_over_limit",
    "{part} đã vượt mức: {rel}: chưa đạt",
    "{part} already over the limit: {rel}: not achieved",
};
// {share}: percent; {noun}: year, quarter or month.
inline constexpr MessageText kPartUsedCeiling{
    "targets.reason_part_used_ceiling",
    "{part} dùng {share} % mức trần {noun}",
    "{part} used {share} % of the {noun} ceiling",
};
inline constexpr MessageText kPartReachedPlan{
    "targets.reason_part_reached_plan",
    "{part} đạt {share} % kế hoạch {noun}",
    "{part} reached {share} % of the {noun} plan",
};
// {need}: percent planned by then.
inline constexpr MessageText kWithinLimit{
    "targets.reason_within_limit",
    ", trong giới hạn {need} %",
    ", within {need} %",
};
inline constexpr MessageText kNeeded{
    "targets.reason_needed",
    ", cần {need} %",
    ", {need} % needed",
};
inline constexpr MessageText kOverLimit{
    "targets.reason_over_limit",
    ", quá {need} %",
    ", over {need} %",
};
// {period}: as the reader names it.
inline constexpr MessageText kNoValuesYet{
    "targets.reason_no_values_yet",
    "chưa có số liệu {period}",
    "no values yet for {period}",
};
inline constexpr MessageText kNoPreviousOfficial{
    "targets.reason_no_previous_official",
    "chưa có giá trị chính thức {period} để so sánh",
    "no official value for {period} to compare with",
};

// ---- List filters (target_routes.cc) ------------------------------------------------------

inline constexpr MessageText kStatusFilter{
    "targets.status_filter",
    "Trạng thái chỉ nhận achieved, on_track, at_risk, missed hoặc not_reported.",
    "The status takes achieved, on_track, at_risk, missed or not_reported.",
};
inline constexpr MessageText kValueStateFilter{
    "targets.value_state_filter",
    "Tình trạng chỉ nhận submitted, approved hoặc returned.",
    "The state takes submitted, approved or returned.",
};
inline constexpr MessageText kExplanationStateFilter{
    "targets.explanation_state_filter",
    "Tình trạng chỉ nhận open, answered hoặc accepted.",
    "The state takes open, answered or accepted.",
};
inline constexpr MessageText kAboutFilter{
    "targets.about_filter",
    "Đối tượng giải trình chỉ nhận target (chỉ tiêu) hoặc task (nhiệm vụ).",
    "What is explained takes target or task.",
};

}  // namespace dh::targets::msg
