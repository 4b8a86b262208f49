#include "core/json.h"

#include <cmath>

#include "core/common_messages.h"
#include "core/message.h"
#include "core/money.h"
#include "core/text.h"

namespace dh::json {
namespace {

constexpr MessageText kWrongType{
    "json.wrong_type",
    "{name} phải là {what}.",
    "{name} must be {what}.",
};
constexpr MessageText kMissing{
    "json.required",
    "Thiếu {name}.",
    "{name} is missing.",
};
constexpr MessageText kMissingKey{
    "json.required_key",
    "Thiếu trường bắt buộc {key}.",
    "The required field {key} is missing.",
};
constexpr MessageText kAString{
    "json.a_string",
    "một chuỗi ký tự",
    "text",
};
constexpr MessageText kAnInteger{
    "json.an_integer",
    "một số nguyên",
    "a whole number",
};
constexpr MessageText kABool{
    "json.a_bool",
    "true hoặc false",
    "true or false",
};
constexpr MessageText kAnIdList{
    "json.an_id_list",
    "một danh sách mã số (số nguyên)",
    "a list of ids (whole numbers)",
};
constexpr MessageText kControl{
    "json.invalid_characters",
    "{name} chứa ký tự điều khiển không dùng được.",
    "{name} contains control characters that cannot be used.",
};
constexpr MessageText kRangeFrom{
    "json.out_of_range_from",
    "{name} phải là số nguyên từ {min} trở lên.",
    "{name} must be a whole number from {min} up.",
};
constexpr MessageText kRange{
    "json.out_of_range",
    "{name} phải là số nguyên từ {min} đến {max}.",
    "{name} must be a whole number from {min} to {max}.",
};
constexpr MessageText kBadDate{
    "json.invalid_date",
    "{name} phải là một ngày có thật từ năm 1900 đến 2200, theo dạng YYYY-MM-DD, ví dụ 2025-07-01.",
    "{name} must be a real date between the years 1900 and 2200, written YYYY-MM-DD, for example "
    "2025-07-01.",
};
constexpr MessageText kTooMany{
    "json.too_many",
    "{name} có nhiều quá {max} mục.",
    "{name} has more than {max} items.",
};
constexpr MessageText kIdsFromOne{
    "json.ids_from_one",
    "{name} chỉ chứa mã số từ 1 trở lên.",
    "{name} may only hold ids from 1 up.",
};
constexpr MessageText kNotJson{
    "json.invalid_json",
    "Nội dung gửi lên không phải JSON hợp lệ (UTF-8): {detail}",
    "The request body is not valid JSON (UTF-8): {detail}",
};
constexpr MessageText kNotObject{
    "json.not_object",
    "Nội dung gửi lên phải là một đối tượng JSON {…}.",
    "The request body must be a JSON object {…}.",
};
constexpr MessageText kUnknownField{
    "json.unknown_field",
    "Trường {shown} không có trong yêu cầu này; chỉ nhận: {list}.",
    "The field {shown} is not part of this request; only these are taken: {list}.",
};
constexpr MessageText kLongKey{
    "json.long_key",
    "(tên dài quá 50 ký tự)",
    "(a name over 50 characters)",
};

// "Ghi chú" when the form has a label (in English when one is registered), else "Trường note".
Label Name(const Field& f) {
  if (!f.label.empty()) return Label{std::string(f.label), ""};
  return Label{"Trường " + std::string(f.key), "Field " + std::string(f.key)};
}

std::string FieldMessage(const MessageText& text, const Field& f, MessageArgs more = {}) {
  MessageArgs args{{"name", Name(f)}};
  for (auto& a : more) args.push_back(std::move(a));
  return Say(text, args);
}

Status Invalid(const Field& f, std::string message, const char* code) {
  return Status::InvalidInput(std::string(f.path.empty() ? f.key : f.path), std::move(message),
                              code);
}

Status WrongType(const Field& f, const MessageText& what) {
  return Invalid(f, FieldMessage(kWrongType, f, {{"what", &what}}), "wrong_type");
}

Status Missing(const Field& f) {
  if (f.label.empty())
    return Invalid(f, Say(kMissingKey, {{"key", std::string(f.key)}}), "required");
  return Invalid(f, FieldMessage(kMissing, f), "required");
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
  if (max == INT64_MAX)
    return Invalid(f, FieldMessage(kRangeFrom, f, {{"min", min}}), "out_of_range");
  // Bounds that are both years (a plan year 2000..2100) are written as years: "2000", not
  // "2.000" as a count would be.
  if (min >= 1900 && max <= 2200) {
    return Invalid(
        f, FieldMessage(kRange, f, {{"min", std::to_string(min)}, {"max", std::to_string(max)}}),
        "out_of_range");
  }
  return Invalid(f, FieldMessage(kRange, f, {{"min", min}, {"max", max}}), "out_of_range");
}

}  // namespace

Result<bj::object> ParseObject(std::string_view body) {
  boost::system::error_code ec;
  bj::parse_options opts;
  opts.max_depth = 20;
  bj::value v = bj::parse(body, ec, {}, opts);
  if (ec)
    return Status::InvalidInput("", Say(kNotJson, {{"detail", ec.message()}}), "invalid_json");
  if (!v.is_object()) return Status::InvalidInput("", Say(kNotObject), "invalid_json");
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
    const bool short_key = text::CodePointCount(key) <= 50;
    MessageValue shown = &kLongKey;
    if (short_key) shown = "“" + key + "”";
    return Status::InvalidInput(short_key ? std::string(at) + key : "",
                                Say(kUnknownField, {{"shown", shown}, {"list", list}}),
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
  if (!v.is_string()) return WrongType(f, kAString);
  if (HasControl(v.as_string())) return Invalid(f, FieldMessage(kControl, f), "invalid_characters");
  std::string s = text::ToNfc(text::Trim(std::string_view(v.as_string())));
  if (text::CodePointCount(s) > max_chars)
    return Invalid(f,
                   FieldMessage(dh::msg::kTooLong, f, {{"max", static_cast<int64_t>(max_chars)}}),
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
    return WrongType(f, kAnInteger);
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
  if (!d) return Invalid(f, FieldMessage(kBadDate, f), "invalid_date");
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
  if (!v.is_bool()) return WrongType(f, kABool);
  return std::optional<bool>(v.as_bool());
}

Result<std::vector<int64_t>> IdArray(const bj::object& o, Field f, size_t max_items) {
  std::vector<int64_t> out;
  if (!Has(o, f.key)) return out;
  const bj::value& v = o.at(f.key);
  if (!v.is_array()) return WrongType(f, kAnIdList);
  if (v.as_array().size() > max_items)
    return Invalid(f, FieldMessage(kTooMany, f, {{"max", static_cast<int64_t>(max_items)}}),
                   "too_many");
  for (const bj::value& x : v.as_array()) {
    const std::optional<int64_t> n = AsInt(x);
    if (!n) return WrongType(f, kAnIdList);
    if (*n < 1) return Invalid(f, FieldMessage(kIdsFromOne, f), "out_of_range");
    out.push_back(*n);
  }
  return out;
}

}  // namespace dh::json
