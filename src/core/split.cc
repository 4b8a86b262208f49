#include "core/split.h"

namespace dh {

std::vector<std::string> SplitNonEmpty(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t next = s.find(sep, pos);
    if (next == std::string_view::npos) next = s.size();
    if (next > pos) out.emplace_back(s.substr(pos, next - pos));
    pos = next + 1;
  }
  return out;
}

}  // namespace dh
