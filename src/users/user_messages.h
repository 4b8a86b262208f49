// The user accounts' messages in both languages (core/message.h).
#pragma once

#include "core/message.h"

namespace dh::users::msg {

inline constexpr MessageText kUserNotFound{
    "users.user_not_found",
    "Không tìm thấy người dùng.",
    "User not found.",
};
inline constexpr MessageText kOnlyAdminWrites{
    "users.only_admin_writes",
    "Chỉ quản trị hệ thống được tạo hoặc sửa tài khoản.",
    "Only the system administrator creates or edits accounts.",
};
inline constexpr MessageText kBadEmail{
    "users.bad_email",
    "Địa chỉ thư điện tử chưa đúng, ví dụ ten@minhan.gov.vn.",
    "The e-mail address is not right, for example ten@minhan.gov.vn.",
};
// {username}: the account that would be the last administrator.
inline constexpr MessageText kLastAdminLocked{
    "users.last_admin_locked",
    "Cho phép đăng nhập: không thể khóa tài khoản {username} vì đây là quản trị hệ thống cuối cùng "
    "còn hoạt động. Hãy giao vai trò Quản trị hệ thống cho một người dùng khác trước.",
    "Allowed to sign in: the account {username} cannot be locked, as it is the last active system "
    "administrator. Give the System administrator role to another user first.",
};
inline constexpr MessageText kLastAdminRole{
    "users.last_admin_role",
    "Vai trò: không thể bỏ vai trò Quản trị hệ thống của {username} vì đây là quản trị hệ thống "
    "cuối cùng còn hoạt động. Hãy giao vai trò Quản trị hệ thống cho một người dùng khác trước.",
    "Roles: the System administrator role of {username} cannot be removed, as it is the last "
    "active system administrator. Give the System administrator role to another user first.",
};
inline constexpr MessageText kCannotList{
    "users.cannot_list",
    "Vai trò của bạn không được xem danh sách người dùng.",
    "Your role may not see the list of users.",
};
inline constexpr MessageText kOneRole{
    "users.one_role",
    "Giao ít nhất một vai trò cho người dùng.",
    "Give the user at least one role.",
};
// {role}: the role's name ("officer").
inline constexpr MessageText kRoleNeedsUnit{
    "users.role_needs_unit",
    "Vai trò {role} cần chọn đơn vị (phạm vi).",
    "The role {role} needs a unit (its scope).",
};
inline constexpr MessageText kBadUsername{
    "users.bad_username",
    "Tên đăng nhập gồm 3–50 chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới, ví dụ "
    "nguyen.van.a.",
    "A username has 3–50 lower-case letters without accents, digits, dots, hyphens or underscores, "
    "for example nguyen.van.a.",
};
inline constexpr MessageText kEnterFullName{
    "users.enter_full_name",
    "Nhập họ và tên.",
    "Enter the full name.",
};
inline constexpr MessageText kEnterFirstPassword{
    "users.enter_first_password",
    "Nhập mật khẩu ban đầu.",
    "Enter the first password.",
};
inline constexpr MessageText kUsernameFixed{
    "users.username_fixed",
    "Tên đăng nhập không đổi được.",
    "The username cannot change.",
};
inline constexpr MessageText kFullNameEmpty{
    "users.full_name_empty",
    "Họ và tên không được để trống.",
    "The full name cannot be empty.",
};
inline constexpr MessageText kCannotLockSelf{
    "users.cannot_lock_self",
    "Bạn không thể tự khóa tài khoản của mình.",
    "You cannot lock your own account.",
};
inline constexpr MessageText kRoleObject{
    "users.role_object",
    "Vai trò phải là danh sách {\"role\": \"officer\", \"unit_id\": 12}.",
    "Roles must be a list of {\"role\": \"officer\", \"unit_id\": 12}.",
};
// {max}: roles.
inline constexpr MessageText kRolesList{
    "users.roles_list",
    "Vai trò phải là danh sách (tối đa {max}) {\"role\": \"officer\", \"unit_id\": 12}.",
    "Roles must be a list (at most {max}) of {\"role\": \"officer\", \"unit_id\": 12}.",
};
// {role}: what the request named.
inline constexpr MessageText kNoSuchRole{
    "users.no_such_role",
    "Vai trò {role} không có; chọn admin, office, leader, officer, investor, business hoặc viewer.",
    "There is no role {role}; choose admin, office, leader, officer, investor, business or viewer.",
};
inline constexpr MessageText kPasswordType{
    "users.password_type",
    "Mật khẩu phải là một chuỗi ký tự.",
    "The password must be a string.",
};
// {min}, {max}: characters.
inline constexpr MessageText kPasswordShort{
    "users.password_short",
    "Mật khẩu cần ít nhất {min} ký tự.",
    "The password needs at least {min} characters.",
};
inline constexpr MessageText kPasswordLong{
    "users.password_long",
    "Mật khẩu dài quá {max} ký tự.",
    "The password is longer than {max} characters.",
};
inline constexpr MessageText kPasswordDigits{
    "users.password_digits",
    "Mật khẩu không được chỉ gồm chữ số.",
    "The password cannot be digits only.",
};
// {username}: as asked for.
inline constexpr MessageText kUsernameTaken{
    "users.username_taken",
    "Tên đăng nhập {username} đã có người dùng.",
    "The username {username} is already taken.",
};

}  // namespace dh::users::msg
