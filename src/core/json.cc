#include "core/json.h"

#include <cmath>

#include "core/money.h"
#include "core/text.h"

namespace dh::json {
namespace {

// "Ghi chú" when the form has a label, else "Trường note".
std::string Name(const Field& f) {
  return f.label.empty() ? "Trường " + std::string(f.key) : std::string(f.label);
}

Status Invalid(const Field& f, std::string message, const char* code) {
  return Status::InvalidInput(std::string(f.path.empty() ? f.key : f.path), std::move(message),
                              code);
}

Status WrongType(const Field& f, const char* what) {
  return Invalid(f, Name(f) + " phải là " + what + ".", "wrong_type");
}

Status Missing(const Field& f) {
  const std::string what =
      f.label.empty() ? "trường bắt buộc " + std::string(f.key) : std::string(f.label);
  return Invalid(f, "Thiếu " + what + ".", "required");
}

// Control characters (NUL above all: PostgreSQL cannot store it, SQLite would) have no
// place in names and notes; tab and line breaks do.
bool HasControl(std::string_view s) {
  for (unsigned char ch : s)
    if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0x7f) return true;
  return false;
}

// The integer a JSON number holds, if it is one that fits an int64.
std::optional<int64_t> AsInt(const bj::value& v) {
  if (v.is_int64()) return v.as_int64();
  if (v.is_uint64() && v.as_uint64() <= static_cast<uint64_t>(INT64_MAX))
    return static_cast<int64_t>(v.as_uint64());
  return std::nullopt;
}

Status OutOfRange(const Field& f, int64_t min, int64_t max) {
  std::string range;
  if (max == INT64_MAX)
    range = "từ " + FormatDong(min) + " trở lên";
  else
    range = "từ " + FormatDong(min) + " đến " + FormatDong(max);
  return Invalid(f, Name(f) + " phải là số nguyên " + range + ".", "out_of_range");
}

}  // namespace

Result<bj::object> ParseObject(std::string_view body) {
  boost::system::error_code ec;
  bj::parse_options opts;
  opts.max_depth = 20;
  bj::value v = bj::parse(body, ec, {}, opts);
  if (ec)
    return Status::InvalidInput(
        "", "Nội dung gửi lên không phải JSON hợp lệ (UTF-8): " + ec.message(), "invalid_json");
  if (!v.is_object())
    return Status::InvalidInput("", "Nội dung gửi lên phải là một đối tượng JSON {…}.",
                                "invalid_json");
  return std::move(v.as_object());
}

Status OnlyFields(const bj::object& o, std::initializer_list<std::string_view> known,
                  std::string_view at) {
  for (const auto& kv : o) {
    bool found = false;
    for (std::string_view k : known) found = found || k == kv.key();
    if (found) continue;
    std::string list;
    for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
    const std::string key(kv.key());
    // The key is echoed only if it is short: it is the caller's text.
    const std::string shown =
        text::CodePointCount(key) <= 50 ? "“" + key + "”" : "(tên dài quá 50 ký tự)";
    return Status::InvalidInput(
        text::CodePointCount(key) <= 50 ? std::string(at) + key : "",
        "Trường " + shown + " không có trong yêu cầu này; chỉ nhận: " + list + ".",
        "unknown_field");
  }
  return Status::Ok();
}

bool Has(const bj::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && !it->value().is_null();
}

Result<std::optional<std::string>> OptionalString(const bj::object& o, Field f, size_t max_chars) {
  if (!Has(o, f.key)) return std::optional<std::string>();
  const bj::value& v = o.at(f.key);
  if (!v.is_string()) return WrongType(f, "một chuỗi ký tự");
  if (HasControl(v.as_string()))
    return Invalid(f, Name(f) + " chứa ký tự điều khiển không dùng được.", "invalid_characters");
  std::string s = text::ToNfc(text::Trim(std::string_view(v.as_string())));
  if (text::CodePointCount(s) > max_chars)
    return Invalid(f,
                   Name(f) + " dài quá " + FormatDong(static_cast<int64_t>(max_chars)) +
                       " ký tự; hãy rút gọn.",
                   "too_long");
  return std::optional<std::string>(std::move(s));
}

Result<std::string> RequiredString(const bj::object& o, Field f, size_t max_chars) {
  DH_ASSIGN_OR_RETURN(auto s, OptionalString(o, f, max_chars));
  if (!s || s->empty()) return Missing(f);
  return *s;
}

Result<std::optional<int64_t>> OptionalInt(const bj::object& o, Field f, int64_t min, int64_t max) {
  if (!Has(o, f.key)) return std::optional<int64_t>();
  const bj::value& v = o.at(f.key);
  const std::optional<int64_t> n = AsInt(v);
  if (!n) {
    // A whole number too large for an int64 (uint64, or a double past 2^63) is out of
    // range, not of the wrong type.
    if (v.is_uint64() || (v.is_double() && std::fabs(v.as_double()) >= 0x1p63))
      return OutOfRange(f, min, max);
    return WrongType(f, "một số nguyên");
  }
  if (*n < min || *n > max) return OutOfRange(f, min, max);
  return n;
}

Result<int64_t> RequiredInt(const bj::object& o, Field f, int64_t min, int64_t max) {
  DH_ASSIGN_OR_RETURN(auto v, OptionalInt(o, f, min, max));
  if (!v) return Missing(f);
  return *v;
}

Result<std::optional<int64_t>> OptionalId(const bj::object& o, Field f) {
  return OptionalInt(o, f, 1, kMaxId);
}

Result<int64_t> RequiredId(const bj::object& o, Field f) { return RequiredInt(o, f, 1, kMaxId); }

Result<std::optional<Date>> OptionalDate(const bj::object& o, Field f) {
  if (!Has(o, f.key)) return std::optional<Date>();
  const bj::value& v = o.at(f.key);
  std::optional<Date> d;
  if (v.is_string()) d = Date::Parse(std::string_view(v.as_string()));
  if (!d)
    return Invalid(f,
                   Name(f) +
                       " phải là một ngày có thật từ năm 1900 đến 2200, theo dạng YYYY-MM-DD, "
                       "ví dụ 2025-07-01.",
                   "invalid_date");
  return d;
}

Result<Date> RequiredDate(const bj::object& o, Field f) {
  DH_ASSIGN_OR_RETURN(auto d, OptionalDate(o, f));
  if (!d) return Missing(f);
  return *d;
}

Result<std::optional<bool>> OptionalBool(const bj::object& o, Field f) {
  if (!Has(o, f.key)) return std::optional<bool>();
  const bj::value& v = o.at(f.key);
  if (!v.is_bool()) return WrongType(f, "true hoặc false");
  return std::optional<bool>(v.as_bool());
}

Result<std::vector<int64_t>> IdArray(const bj::object& o, Field f, size_t max_items) {
  std::vector<int64_t> out;
  if (!Has(o, f.key)) return out;
  const bj::value& v = o.at(f.key);
  if (!v.is_array()) return WrongType(f, "một danh sách mã số (số nguyên)");
  if (v.as_array().size() > max_items)
    return Invalid(
        f, Name(f) + " có nhiều quá " + FormatDong(static_cast<int64_t>(max_items)) + " mục.",
        "too_many");
  for (const bj::value& x : v.as_array()) {
    const std::optional<int64_t> n = AsInt(x);
    if (!n) return WrongType(f, "một danh sách mã số (số nguyên)");
    if (*n < 1) return Invalid(f, Name(f) + " chỉ chứa mã số từ 1 trở lên.", "out_of_range");
    out.push_back(*n);
  }
  return out;
}

}  // namespace dh::json
