#include "users/user.h"

#include "core/text.h"

namespace dh::users {

bool IsValidUsername(const std::string& u) {
  if (u.size() < 3 || u.size() > 50) return false;
  for (char c : u)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_'))
      return false;
  return true;
}

std::optional<std::string> PasswordProblem(const std::string& p) {
  if (text::CodePointCount(p) < 8) return "Mật khẩu cần ít nhất 8 ký tự.";
  if (text::CodePointCount(p) > 200) return "Mật khẩu dài quá 200 ký tự.";
  if (p.find_first_not_of("0123456789") == std::string::npos)
    return "Mật khẩu không được chỉ gồm chữ số.";
  return std::nullopt;
}

}  // namespace dh::users
