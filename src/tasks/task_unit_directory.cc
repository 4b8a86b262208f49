#include "tasks/task_unit_directory.h"

#include <algorithm>
#include <string>
#include <tuple>

#include "core/split.h"
#include "core/text.h"

namespace dh::tasks {
namespace {

std::vector<std::string> Words(const std::string& folded) { return SplitNonEmpty(folded, ' '); }

struct Match {
  int rank = 0;  // 0 exact code, 1 name starts with q, 2 elsewhere
  std::string key;
  const units::Unit* unit = nullptr;
};

}  // namespace

std::vector<const units::Unit*> FindUnits(const units::UnitGraph& g, std::string_view q, Date day,
                                          size_t limit, int64_t* total) {
  const std::string folded = text::FoldForSearch(q);
  const std::vector<std::string> words = Words(folded);
  std::vector<Match> matches;
  for (const units::Unit& u : g.all()) {
    if (!u.ActiveOn(day)) continue;
    const std::string name = text::FoldForSearch(u.name);
    const std::string code = text::FoldForSearch(u.code);
    const bool all = std::all_of(words.begin(), words.end(), [&](const std::string& w) {
      return name.find(w) != std::string::npos || code.find(w) != std::string::npos;
    });
    if (!all) continue;
    const int rank = code == folded ? 0 : (name.rfind(folded, 0) == 0 ? 1 : 2);
    matches.push_back({rank, text::CollationKey(u.name), &u});
  }
  if (total) *total = static_cast<int64_t>(matches.size());
  const size_t n = std::min(limit, matches.size());
  std::partial_sort(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(n),
                    matches.end(), [](const Match& a, const Match& b) {
                      return std::tie(a.rank, a.key, a.unit->id) <
                             std::tie(b.rank, b.key, b.unit->id);
                    });
  std::vector<const units::Unit*> out;
  for (size_t i = 0; i < n; ++i) out.push_back(matches[i].unit);
  return out;
}

}  // namespace dh::tasks
