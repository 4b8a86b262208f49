// The sign-in's and the API tokens' messages in both languages (core/message.h).
#pragma once

#include "core/message.h"

namespace dh::auth::msg {

inline constexpr MessageText kBadCredentials{
    "auth.bad_credentials",
    "Tên đăng nhập hoặc mật khẩu không đúng.",
    "The username or the password is wrong.",
};
inline constexpr MessageText kNoSession{
    "auth.no_session",
    "Phiên làm việc đã hết hạn hoặc chưa đăng nhập. Hãy đăng nhập lại.",
    "The session has expired or you are not signed in. Please sign in again.",
};
// {seconds}: how long to wait.
inline constexpr MessageText kTooManyAttempts{
    "auth.too_many_attempts",
    "Đăng nhập sai quá nhiều lần. Hãy thử lại sau {seconds} giây.",
    "Too many failed sign-ins. Try again in {seconds} seconds.",
};
inline constexpr MessageText kBadToken{
    "auth.bad_token",
    "Mã truy cập API không hợp lệ, đã hết hạn hoặc đã bị thu hồi.",
    "The API token is not valid, has expired or was revoked.",
};
inline constexpr MessageText kNameToken{
    "auth.name_token",
    "Đặt tên cho mã truy cập, ví dụ “Đồng bộ Kho bạc”.",
    "Give the access token a name, for example “Đồng bộ Kho bạc”.",
};
// {min}, {max}: days.
inline constexpr MessageText kTokenDays{
    "auth.token_days",
    "Thời hạn mã truy cập từ {min} đến {max} ngày.",
    "An access token lasts from {min} to {max} days.",
};
inline constexpr MessageText kTokenNotFound{
    "auth.token_not_found",
    "Không tìm thấy mã truy cập này.",
    "Access token not found.",
};
inline constexpr MessageText kPasswordType{
    "auth.password_type",
    "Mật khẩu phải là một chuỗi ký tự.",
    "The password must be a string.",
};
inline constexpr MessageText kEnterPassword{
    "auth.enter_password",
    "Nhập mật khẩu.",
    "Enter the password.",
};
// {max}: characters.
inline constexpr MessageText kPasswordTooLong{
    "auth.password_too_long",
    "Mật khẩu dài quá {max} ký tự.",
    "The password is longer than {max} characters.",
};
inline constexpr MessageText kSignIn{
    "auth.sign_in",
    "Chưa đăng nhập. Hãy đăng nhập để tiếp tục.",
    "You are not signed in. Please sign in to continue.",
};

}  // namespace dh::auth::msg
