#include "units/unit.h"

#include <array>

namespace dh::units {

bool IsUnitKind(std::string_view kind) {
  static constexpr std::array<std::string_view, 8> kKinds = {
      "city", "department", "district", "ward", "investor", "party", "agency", "other"};
  for (auto k : kKinds)
    if (k == kind) return true;
  return false;
}

}  // namespace dh::units
