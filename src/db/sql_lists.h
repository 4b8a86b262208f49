#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "db/connection.h"

namespace dh::db {

// "(?,?,…)": the bound-parameter list an `IN` takes for `n` values.
std::string InList(size_t n);

// Appends InList(ids.size()) to `sql` and the ids to `params`.
void AppendInList(const std::vector<int64_t>& ids, std::string& sql, Params& params);

// NULL for nullopt, else the id / the date as "YYYY-MM-DD".
Value OptId(const std::optional<int64_t>& v);
Value OptDate(const std::optional<Date>& d);
// The date in a text cell; nullopt for NULL or text that is no date.
std::optional<Date> ReadDate(const Rows& r, size_t row, size_t col);

// The parts of a paged list query; each store keeps its own SQL constants.
struct PageSql {
  std::string_view count;   // "SELECT COUNT(*) FROM t"
  std::string_view select;  // "SELECT … FROM t"
  std::string_view page;    // " ORDER BY … LIMIT ? OFFSET ?"
};

// Counts the rows `where` matches into *total, then reads the page from `offset`. A `where`
// of nullopt matches nothing: no rows and a total of 0, without a query.
Result<Rows> CountAndPage(Connection& c, const PageSql& sql,
                          const std::optional<std::string>& where, Params params, int64_t limit,
                          int64_t offset, int64_t* total);

}  // namespace dh::db
