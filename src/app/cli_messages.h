// What the command line (main.cc) tells its user, in both languages (core/message.h): English
// when the environment's locale for messages starts with "en", else Vietnamese.
#pragma once

#include "core/message.h"

namespace dh::app::msg {

// dieuhanh migrate
inline constexpr MessageText kMigrationsApplied{
    "cli.migrations_applied",
    "Đã áp dụng {n} bản chuyển đổi.",
    "Applied {n} migrations.",
};

// dieuhanh user add
inline constexpr MessageText kNoSuchRole{
    "cli.no_such_role",
    "Vai trò không có: {role}",
    "No such role: {role}",
};
inline constexpr MessageText kNoUnitCode{
    "cli.no_unit_code",
    "Không có đơn vị mã {code}",
    "No unit has the code {code}",
};
// {id}: the new user's id, as written (no thousands separator).
inline constexpr MessageText kUserCreated{
    "cli.user_created",
    "Đã tạo người dùng {username} (id {id}).",
    "Created the user {username} (id {id}).",
};

// dieuhanh audit verify
inline constexpr MessageText kAnchorForm{
    "cli.anchor_form",
    "--anchor có dạng SỐ_THỨ_TỰ:MÃ_BĂM, như lần kiểm tra trước đã in ra.",
    "--anchor takes the form SEQ:HASH, as the previous check printed it.",
};
inline constexpr MessageText kChainIntact{
    "cli.chain_intact",
    "Chuỗi nhật ký nguyên vẹn: {n} mục.",
    "The audit chain is intact: {n} entries.",
};
// {anchor}: SEQ:HASH.
inline constexpr MessageText kAnchorForNextCheck{
    "cli.anchor_for_next_check",
    "Mốc để đối chiếu lần sau (lưu ở nơi khác, rồi dùng --anchor): {anchor}",
    "Anchor for the next check (keep it somewhere else, then use --anchor): {anchor}",
};
// {seq}: the entry's sequence number, as written.
inline constexpr MessageText kChainBroken{
    "cli.chain_broken",
    "Chuỗi nhật ký bị phá vỡ tại mục {seq}: {reason}",
    "The audit chain is broken at entry {seq}: {reason}",
};

// dieuhanh notify run
inline constexpr MessageText kNotifyPassSkipped{
    "cli.notify_pass_skipped",
    "Một tiến trình khác đang chạy việc gửi thông báo; bỏ qua lượt này.",
    "Another process is running the notification job; this pass is skipped.",
};
// Followed by " kind=n" for each kind of notice written.
inline constexpr MessageText kNewNotices{
    "cli.new_notices",
    "Thông báo mới: {n}",
    "New notices: {n}",
};
inline constexpr MessageText kDigestSent{
    "cli.digest_sent",
    "Bản tin: ",
    "Digest: ",
};
inline constexpr MessageText kMailSent{
    "cli.mail_sent",
    "Đã gửi: ",
    "Sent: ",
};
inline constexpr MessageText kMailFailed{
    "cli.mail_failed",
    "Không gửi được: ",
    "Not sent: ",
};
inline constexpr MessageText kMailTotals{
    "cli.mail_totals",
    "E-mail đã gửi: {sent}, lỗi: {failed}",
    "E-mails sent: {sent}, failed: {failed}",
};

// dieuhanh demo, dieuhanh import disbursements
inline constexpr MessageText kRowsRead{
    "cli.rows_read",
    "Đã đọc {n} dòng",
    "Read {n} rows",
};
inline constexpr MessageText kDemoLoaded{
    "cli.demo_loaded",
    "Đã nạp dữ liệu minh họa.",
    "The demo data is loaded.",
};
inline constexpr MessageText kDemoNotLoaded{
    "cli.demo_not_loaded",
    "Cơ sở dữ liệu đã có đơn vị; không nạp.",
    "The database already has units; nothing was loaded.",
};
inline constexpr MessageText kNationalLoaded{
    "cli.national_loaded",
    "Đã nạp bộ dữ liệu quốc gia: {n} dự án.",
    "The national data set is loaded: {n} projects.",
};
inline constexpr MessageText kCannotOpenFile{
    "cli.cannot_open_file",
    "Không mở được tệp {file}.",
    "Cannot open the file {file}.",
};
// {row}: the row's number in the file, as written.
inline constexpr MessageText kRowError{
    "cli.row_error",
    "Dòng {row}: {message}",
    "Row {row}: {message}",
};
inline constexpr MessageText kRowColumnError{
    "cli.row_column_error",
    "Dòng {row}, cột {column}: {message}",
    "Row {row}, column {column}: {message}",
};
inline constexpr MessageText kDisbursementsImported{
    "cli.disbursements_imported",
    "Đã nhập {n} dòng giải ngân, tổng {total} đồng.",
    "Imported {n} disbursement rows, {total} đồng in all.",
};

// dieuhanh serve
inline constexpr MessageText kRunningAt{
    "cli.running_at",
    "dieuhanh đang chạy tại {url}",
    "dieuhanh is running at {url}",
};
inline constexpr MessageText kDemoAccounts{
    "cli.demo_accounts",
    "Tài khoản minh họa (mật khẩu {password}): {accounts}",
    "Demo accounts (password {password}): {accounts}",
};
inline constexpr MessageText kApiOnly{
    "cli.api_only",
    "Chưa có giao diện web (web/dist); chỉ phục vụ API.",
    "The web app is not built (web/dist); serving the API only.",
};

}  // namespace dh::app::msg
