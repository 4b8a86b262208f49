// How a list kept in memory is ordered by the column its `sort` names (see
// http::ListSpec::sorts): one comparison per column, "-" for descending, ties kept in the
// list's own order. A list read in SQL orders through db/sql_order.h instead.
#pragma once

#include <algorithm>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace dh {

template <typename Row>
struct SortBy {
  std::string_view name;  // as `sort` names it: "due_on"
  std::function<bool(const Row&, const Row&)> less;
};

// Text as every list orders it, the task list and the lists read in SQL alike: folded
// (without tone marks, Đ as D, lower case), as search matches it.
inline bool FoldedLess(std::string_view a, std::string_view b) {
  return text::FoldForSearch(a) < text::FoldForSearch(b);
}

// The names of the columns, for the list's ListSpec::sorts.
template <typename Row>
std::vector<std::string_view> SortNames(std::span<const SortBy<Row>> by) {
  std::vector<std::string_view> out;
  for (const SortBy<Row>& b : by) out.push_back(b.name);
  return out;
}

// Stable-sorts `rows` by the column `sort` names; unchanged when no column has that name
// ("" when the list was asked for no order).
template <typename Row>
void SortRows(std::span<const SortBy<Row>> by, std::string_view sort, bool descending,
              std::vector<Row>* rows) {
  for (const SortBy<Row>& b : by) {
    if (b.name != sort) continue;
    std::stable_sort(rows->begin(), rows->end(), [&](const Row& x, const Row& y) {
      return descending ? b.less(y, x) : b.less(x, y);
    });
    return;
  }
}

}  // namespace dh
