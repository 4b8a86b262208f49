#include "db/table_sql.h"

#include <algorithm>

namespace dh::db {
namespace {

// The columns of a list "a, b, c", each trimmed.
template <typename Visit>
void EachColumn(std::string_view columns, Visit visit) {
  while (!columns.empty()) {
    const size_t comma = std::min(columns.find(','), columns.size());
    std::string_view name = columns.substr(0, comma);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (!name.empty()) visit(name);
    columns.remove_prefix(std::min(comma + 1, columns.size()));
  }
}

}  // namespace

std::string InsertSql(std::string_view table, std::string_view columns) {
  std::string names, marks;
  EachColumn(columns, [&](std::string_view name) {
    if (!names.empty()) {
      names += ", ";
      marks += ", ";
    }
    names += name;
    marks += "?";
  });
  return "INSERT INTO " + std::string(table) + " (" + names + ") VALUES (" + marks + ")";
}

std::string InsertReturningIdSql(std::string_view table, std::string_view columns) {
  return InsertSql(table, columns) + " RETURNING id";
}

std::string UpdateSql(std::string_view table, std::string_view columns, std::string_view key) {
  std::string set;
  EachColumn(columns, [&](std::string_view name) {
    if (!set.empty()) set += ", ";
    set += std::string(name) + " = ?";
  });
  return "UPDATE " + std::string(table) + " SET " + set + " WHERE " + std::string(key) + " = ?";
}

std::string SelectSql(std::string_view table, std::string_view columns) {
  return "SELECT " + std::string(columns) + " FROM " + std::string(table);
}

std::string CountSql(std::string_view table) {
  return "SELECT COUNT(*) FROM " + std::string(table);
}

std::string Table::Select(std::string_view rest) const {
  std::string sql = SelectSql(name, "id, " + std::string(columns));
  if (!rest.empty()) sql += " " + std::string(rest);
  return sql;
}

std::string Table::Written() const {
  if (written.empty()) return std::string(columns);
  return std::string(columns) + ", " + std::string(written);
}

std::string Table::Insert() const { return InsertReturningIdSql(name, Written()); }

std::string Table::Update(std::string_view some) const { return UpdateSql(name, some); }

}  // namespace dh::db
