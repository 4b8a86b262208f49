// Cutting a text into its pieces.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dh {

// The non-empty pieces of `s` between the `sep` characters: "/a//b/" on '/' is {"a", "b"}.
std::vector<std::string> SplitNonEmpty(std::string_view s, char sep);

}  // namespace dh
