#include "core/json.h"

#include "core/text.h"

namespace dh::json {
namespace {

Status WrongType(std::string_view key, const char* what) {
  return Status::InvalidInput(
      std::string(key), "Trường " + std::string(key) + " phải là " + what + ".", "wrong_type");
}

Status Missing(std::string_view key) {
  return Status::InvalidInput(std::string(key), "Thiếu trường bắt buộc " + std::string(key) + ".",
                              "required");
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

bool Has(const bj::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && !it->value().is_null();
}

Result<std::optional<std::string>> OptionalString(const bj::object& o, std::string_view key,
                                                  size_t max_chars) {
  if (!Has(o, key)) return std::optional<std::string>();
  const bj::value& v = o.at(key);
  if (!v.is_string()) return WrongType(key, "một chuỗi ký tự");
  // Control characters (NUL above all: PostgreSQL cannot store it, SQLite would) have no
  // place in names and notes; tab and line breaks do.
  for (unsigned char ch : v.as_string())
    if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0x7f)
      return Status::InvalidInput(
          std::string(key),
          "Trường " + std::string(key) + " chứa ký tự điều khiển không dùng được.",
          "invalid_characters");
  std::string s = text::ToNfc(text::Trim(std::string_view(v.as_string())));
  if (text::CodePointCount(s) > max_chars)
    return Status::InvalidInput(std::string(key),
                                "Trường " + std::string(key) + " dài quá " +
                                    std::to_string(max_chars) + " ký tự; hãy rút gọn.",
                                "too_long");
  return std::optional<std::string>(std::move(s));
}

Result<std::string> RequiredString(const bj::object& o, std::string_view key, size_t max_chars) {
  DH_ASSIGN_OR_RETURN(auto s, OptionalString(o, key, max_chars));
  if (!s || s->empty()) return Missing(key);
  return *s;
}

Result<std::optional<int64_t>> OptionalInt(const bj::object& o, std::string_view key) {
  if (!Has(o, key)) return std::optional<int64_t>();
  const bj::value& v = o.at(key);
  if (v.is_int64()) return std::optional<int64_t>(v.as_int64());
  if (v.is_uint64() && v.as_uint64() <= static_cast<uint64_t>(INT64_MAX))
    return std::optional<int64_t>(static_cast<int64_t>(v.as_uint64()));
  return WrongType(key, "một số nguyên");
}

Result<int64_t> RequiredInt(const bj::object& o, std::string_view key) {
  DH_ASSIGN_OR_RETURN(auto v, OptionalInt(o, key));
  if (!v) return Missing(key);
  return *v;
}

Result<std::optional<Date>> OptionalDate(const bj::object& o, std::string_view key) {
  if (!Has(o, key)) return std::optional<Date>();
  const bj::value& v = o.at(key);
  std::optional<Date> d;
  if (v.is_string()) d = Date::Parse(std::string_view(v.as_string()));
  if (!d)
    return Status::InvalidInput(
        std::string(key),
        "Trường " + std::string(key) +
            " phải là một ngày có thật theo dạng YYYY-MM-DD, ví dụ 2025-07-01.",
        "invalid_date");
  return d;
}

Result<Date> RequiredDate(const bj::object& o, std::string_view key) {
  DH_ASSIGN_OR_RETURN(auto d, OptionalDate(o, key));
  if (!d) return Missing(key);
  return *d;
}

Result<std::optional<bool>> OptionalBool(const bj::object& o, std::string_view key) {
  if (!Has(o, key)) return std::optional<bool>();
  const bj::value& v = o.at(key);
  if (!v.is_bool()) return WrongType(key, "true hoặc false");
  return std::optional<bool>(v.as_bool());
}

Result<std::vector<int64_t>> IntArray(const bj::object& o, std::string_view key) {
  std::vector<int64_t> out;
  if (!Has(o, key)) return out;
  const bj::value& v = o.at(key);
  if (!v.is_array()) return WrongType(key, "một danh sách số nguyên");
  for (const bj::value& x : v.as_array()) {
    if (!x.is_int64()) return WrongType(key, "một danh sách số nguyên");
    out.push_back(x.as_int64());
  }
  return out;
}

}  // namespace dh::json
