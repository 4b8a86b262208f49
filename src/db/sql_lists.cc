#include "db/sql_lists.h"

namespace dh::db {

std::string InList(size_t n) {
  std::string s = "(";
  for (size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
  return s + ")";
}

void AppendInList(const std::vector<int64_t>& ids, std::string& sql, Params& params) {
  sql += InList(ids.size());
  params.insert(params.end(), ids.begin(), ids.end());
}

Value OptId(const std::optional<int64_t>& v) { return v ? Value(*v) : Value(); }

Value OptDate(const std::optional<Date>& d) { return d ? Value(d->ToString()) : Value(); }

std::optional<Date> ReadDate(const Rows& r, size_t row, size_t col) {
  auto t = r.OptText(row, col);
  return t ? Date::Parse(*t) : std::nullopt;
}

Result<Rows> CountAndPage(Connection& c, const PageSql& sql,
                          const std::optional<std::string>& where, Params params, int64_t limit,
                          int64_t offset, int64_t* total) {
  *total = 0;
  if (!where) return Rows();
  DH_ASSIGN_OR_RETURN(Rows count, c.Query(std::string(sql.count) + *where, params));
  *total = count.Int(0, 0);
  params.push_back(limit);
  params.push_back(offset);
  return c.Query(std::string(sql.select) + *where + std::string(sql.page), params);
}

}  // namespace dh::db
