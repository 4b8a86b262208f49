#include "users/user.h"

#include "core/text.h"
#include "users/user_messages.h"

namespace dh::users {

bool IsValidUsername(const std::string& u) {
  if (u.size() < 3 || u.size() > 50) return false;
  for (char c : u)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_'))
      return false;
  return true;
}

std::optional<std::string> PasswordProblem(const std::string& p) {
  if (text::CodePointCount(p) < 8) return Say(msg::kPasswordShort, {{"min", int64_t{8}}});
  if (text::CodePointCount(p) > 200) return Say(msg::kPasswordLong, {{"max", int64_t{200}}});
  if (p.find_first_not_of("0123456789") == std::string::npos) return Say(msg::kPasswordDigits);
  return std::nullopt;
}

}  // namespace dh::users
