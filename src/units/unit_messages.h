// The units' messages in both languages (core/message.h): what the unit routes, the service
// and the restructuring checks (merge, split) answer a person with.
#pragma once

#include "core/message.h"

namespace dh::units::msg {

// {name}: a unit's name; {date}: dd/mm/yyyy; {how}: kSplitWord or kMergeWord.
inline constexpr MessageText kAlreadyRestructured{
    "units.already_restructured",
    "Đơn vị {name} đã được sắp xếp lại ({how}) từ ngày {date}; không sắp xếp lại lần nữa. Tải lại "
    "trang để xem cơ cấu mới.",
    "The unit {name} was already restructured ({how}) from {date}; it is not restructured again. "
    "Reload the page to see the new structure.",
};
inline constexpr MessageText kSplitWord{
    "units.split_word",
    "chia tách",
    "split",
};
inline constexpr MessageText kMergeWord{
    "units.merge_word",
    "sáp nhập",
    "merged",
};
inline constexpr MessageText kChooseSources{
    "units.choose_sources",
    "Chọn ít nhất một đơn vị được sắp xếp lại.",
    "Choose at least one unit to restructure.",
};
inline constexpr MessageText kSourceTwice{
    "units.source_twice",
    "Một đơn vị được chọn hai lần.",
    "A unit is chosen twice.",
};
// {id}: the number the request gave.
inline constexpr MessageText kNoUnitNumber{
    "units.no_unit_number",
    "Không có đơn vị số {id}.",
    "There is no unit number {id}.",
};
inline constexpr MessageText kNoParentNumber{
    "units.no_parent_number",
    "Không có đơn vị cấp trên số {id}.",
    "There is no parent unit number {id}.",
};
inline constexpr MessageText kSourceNotActive{
    "units.source_not_active",
    "Đơn vị {name} không còn hoạt động vào ngày {date} hoặc mới thành lập từ ngày đó.",
    "The unit {name} is no longer active on {date}, or was only founded on that day.",
};
inline constexpr MessageText kTargetTwice{
    "units.target_twice",
    "Một đơn vị tiếp nhận được chọn hai lần.",
    "A receiving unit is chosen twice.",
};
inline constexpr MessageText kSourceAndTarget{
    "units.source_and_target",
    "Đơn vị {name} không thể vừa bị sắp xếp vừa tiếp nhận.",
    "The unit {name} cannot be both restructured and receiving.",
};
inline constexpr MessageText kTargetNotActive{
    "units.target_not_active",
    "Đơn vị tiếp nhận {name} không hoạt động vào ngày {date}.",
    "The receiving unit {name} is not active on {date}.",
};
inline constexpr MessageText kNewUnitCodeName{
    "units.new_unit_code_name",
    "Đơn vị mới cần có mã và tên.",
    "A new unit needs a code and a name.",
};
// {kind}: the kind the request gave.
inline constexpr MessageText kNewUnitKind{
    "units.new_unit_kind",
    "Loại đơn vị mới không hợp lệ: {kind}.",
    "The new unit's kind is not valid: {kind}.",
};
// {code}: a unit code.
inline constexpr MessageText kCodeTaken{
    "units.code_taken",
    "Mã đơn vị {code} đã được dùng; chọn mã khác.",
    "The unit code {code} is already used; choose another.",
};
inline constexpr MessageText kNewUnitParentNotActive{
    "units.new_unit_parent_not_active",
    "Đơn vị cấp trên của {name} không hoạt động vào ngày {date}.",
    "The parent unit of {name} is not active on {date}.",
};
inline constexpr MessageText kChooseKind{
    "units.choose_kind",
    "Chọn hình thức: merge (sáp nhập) hoặc split (chia tách).",
    "Choose the kind: merge or split.",
};
inline constexpr MessageText kMergeOneTarget{
    "units.merge_one_target",
    "Sáp nhập cần đúng một đơn vị tiếp nhận (có sẵn hoặc mới).",
    "A merger needs exactly one receiving unit (existing or new).",
};
inline constexpr MessageText kSplitOneSource{
    "units.split_one_source",
    "Chia tách áp dụng cho đúng một đơn vị.",
    "A split applies to exactly one unit.",
};
inline constexpr MessageText kSplitTwoTargets{
    "units.split_two_targets",
    "Chia tách cần ít nhất hai đơn vị kế thừa.",
    "A split needs at least two successor units.",
};
// {name}: the child the receiving unit hangs under.
inline constexpr MessageText kTargetUnderChild{
    "units.target_under_child",
    "Đơn vị tiếp nhận đang trực thuộc {name}, mà {name} sẽ được chuyển về đơn vị tiếp nhận; hãy "
    "chọn đơn vị tiếp nhận khác.",
    "The receiving unit is under {name}, and {name} would move under the receiving unit; choose "
    "another receiving unit.",
};
inline constexpr MessageText kUnitNotFound{
    "units.unit_not_found",
    "Không tìm thấy đơn vị.",
    "Unit not found.",
};
// {date}: the unit's founding day.
inline constexpr MessageText kEndFromFounding{
    "units.end_from_founding",
    "Ngày kết thúc phải từ ngày thành lập {date} trở đi.",
    "The end date must be on or after the founding date {date}.",
};
// {n}: children still active; {date}: the last day.
inline constexpr MessageText kHasActiveChildren{
    "units.has_active_children",
    "Đơn vị còn {n} đơn vị trực thuộc hoạt động sau ngày {date}. Hãy sắp xếp lại (sáp nhập, "
    "chuyển) các đơn vị đó trước.",
    "The unit still has {n} units under it active after {date}. Restructure (merge, move) those "
    "units first.",
};
// {label}: the form's label for the unit ("Đơn vị chủ trì").
inline constexpr MessageText kNotInDirectory{
    "units.not_in_directory",
    "{label} không có trong danh mục đơn vị.",
    "{label} is not in the unit directory.",
};
inline constexpr MessageText kRestructuredOn{
    "units.restructured_on",
    "{label} {name} đã được sắp xếp lại (sáp nhập hoặc chia tách) từ ngày {date}.",
    "{label} {name} was restructured (merged or split) from {date}.",
};
// {successor}: the unit that took its work.
inline constexpr MessageText kRestructuredOnGoTo{
    "units.restructured_on_go_to",
    "{label} {name} đã được sắp xếp lại (sáp nhập hoặc chia tách) từ ngày {date}; hãy giao cho đơn "
    "vị kế thừa {successor}.",
    "{label} {name} was restructured (merged or split) from {date}; assign to the successor unit "
    "{successor}.",
};
inline constexpr MessageText kLabelNotActive{
    "units.label_not_active",
    "{label} {name} không hoạt động vào ngày {date}; hãy chọn đơn vị đang hoạt động.",
    "{label} {name} is not active on {date}; choose an active unit.",
};
inline constexpr MessageText kRoleCannotEdit{
    "units.role_cannot_edit",
    "Vai trò của bạn không được sửa cơ cấu đơn vị.",
    "Your role may not change the unit structure.",
};
inline constexpr MessageText kParentRestructured{
    "units.parent_restructured",
    "Đơn vị cấp trên {name} đã được sắp xếp lại từ ngày {date}; hãy chọn đơn vị kế thừa.",
    "The parent unit {name} was restructured from {date}; choose its successor.",
};
inline constexpr MessageText kParentRestructuredChoose{
    "units.parent_restructured_choose",
    "Đơn vị cấp trên {name} đã được sắp xếp lại từ ngày {date}; hãy chọn đơn vị kế thừa "
    "{successor}.",
    "The parent unit {name} was restructured from {date}; choose its successor {successor}.",
};
inline constexpr MessageText kOutsideScope{
    "units.outside_scope",
    "Đơn vị này nằm ngoài phạm vi bạn được giao.",
    "This unit is outside the scope you were given.",
};
inline constexpr MessageText kNoSuchParent{
    "units.no_such_parent",
    "Không có đơn vị cấp trên này.",
    "There is no such parent unit.",
};
inline constexpr MessageText kParentNotActive{
    "units.parent_not_active",
    "Đơn vị cấp trên không hoạt động vào ngày {date}.",
    "The parent unit is not active on {date}.",
};
inline constexpr MessageText kEnterCode{
    "units.enter_code",
    "Nhập mã đơn vị, ví dụ MA.STC.",
    "Enter the unit code, for example MA.STC.",
};
inline constexpr MessageText kEnterName{
    "units.enter_name",
    "Nhập tên đơn vị.",
    "Enter the unit name.",
};
inline constexpr MessageText kChooseUnitKind{
    "units.choose_unit_kind",
    "Chọn loại đơn vị: city, department, district, ward, investor, party, agency hoặc other.",
    "Choose the unit kind: city, department, district, ward, investor, party, agency or other.",
};
inline constexpr MessageText kEndAfterFounding{
    "units.end_after_founding",
    "Ngày kết thúc phải sau ngày thành lập.",
    "The end date must be after the founding date.",
};
inline constexpr MessageText kCodeFixed{
    "units.code_fixed",
    "Mã đơn vị không đổi được; hãy tạo đơn vị mới và sáp nhập.",
    "The unit code cannot change; create a new unit and merge into it.",
};
inline constexpr MessageText kNameEmpty{
    "units.name_empty",
    "Tên đơn vị không được để trống.",
    "The unit name cannot be empty.",
};
inline constexpr MessageText kKindInvalid{
    "units.kind_invalid",
    "Loại đơn vị không hợp lệ.",
    "The unit kind is not valid.",
};
inline constexpr MessageText kUnderOwnChild{
    "units.under_own_child",
    "Không thể đặt một đơn vị dưới chính cấp dưới của nó.",
    "A unit cannot be placed under one of its own units.",
};
inline constexpr MessageText kEffectiveFromFounding{
    "units.effective_from_founding",
    "Ngày hiệu lực phải từ ngày thành lập trở đi.",
    "The effective date must be on or after the founding date.",
};
inline constexpr MessageText kNewUnitObject{
    "units.new_unit_object",
    "Mỗi đơn vị mới phải là một đối tượng {code, name, kind, parent_id}.",
    "Each new unit must be an object {code, name, kind, parent_id}.",
};
inline constexpr MessageText kNewUnitsList{
    "units.new_units_list",
    "Đơn vị mới phải là một danh sách (tối đa {max} đơn vị).",
    "New units must be a list (at most {max} units).",
};

}  // namespace dh::units::msg
