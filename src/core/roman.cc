#include "core/roman.h"

#include <utility>

namespace dh::text {

std::string Roman(int n) {
  static const std::pair<int, const char*> kDigits[] = {
      {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
      {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},  {1, "I"}};
  std::string out;
  for (auto [v, s] : kDigits)
    for (; n >= v; n -= v) out += s;
  return out;
}

}  // namespace dh::text
