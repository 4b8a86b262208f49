// How a list read in SQL is ordered by the column its `sort` names (see
// http::ListSpec::sorts): each store keeps, per column, its page clause in both directions as
// named constants; this picks one. A list kept in memory orders through core/sort_rows.h.
#pragma once

#include <span>
#include <string_view>

namespace dh::db {

struct SqlOrder {
  std::string_view name;  // as `sort` names it: "username"
  std::string_view asc;   // " ORDER BY username, id LIMIT ? OFFSET ?"
  std::string_view desc;  // " ORDER BY username DESC, id DESC LIMIT ? OFFSET ?"
};

// The page clause for the column `sort` names, or `fallback` (the list's own order) when
// none has that name.
inline std::string_view PageOrder(std::span<const SqlOrder> orders, std::string_view sort,
                                  bool descending, std::string_view fallback) {
  for (const SqlOrder& o : orders)
    if (o.name == sort) return descending ? o.desc : o.asc;
  return fallback;
}

}  // namespace dh::db
