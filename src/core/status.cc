#include "core/status.h"

namespace dh {

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string s = error_code_ + ": " + message_;
  if (!field_.empty()) s += " (field " + field_ + ")";
  return s;
}

}  // namespace dh
