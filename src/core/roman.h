// Roman numerals, as officials number the parts of a report (I, II, … XIV).
#pragma once

#include <string>

namespace dh::text {

// "I" for 1, "XIV" for 14; "" for 0 and below.
std::string Roman(int n);

}  // namespace dh::text
