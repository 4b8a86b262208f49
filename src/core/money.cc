#include "core/money.h"

namespace dh {

std::string FormatDong(Money amount) {
  const bool negative = amount < 0;
  // Work in unsigned to survive INT64_MIN.
  uint64_t v = negative ? 0 - static_cast<uint64_t>(amount) : static_cast<uint64_t>(amount);
  std::string digits = std::to_string(v);
  std::string out;
  const int n = static_cast<int>(digits.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out.push_back('.');
    out.push_back(digits[i]);
  }
  return negative ? "-" + out : out;
}

}  // namespace dh
