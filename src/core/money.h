// Money is an exact number of đồng in an int64, never a float. Percentages are computed
// at the edge (the UI, a report) from two Money values.
#pragma once

#include <cstdint>
#include <string>

namespace dh {

using Money = int64_t;  // đồng

// "1.234.567" — Vietnamese grouping with dots.
std::string FormatDong(Money amount);

}  // namespace dh
