// The statements whose shape is the same for every table, spelled once from the table's name
// and columns. A store still names each of its statements as a constant:
//
//   const std::string kInsertUnit = db::InsertReturningIdSql(
//       "units", "code, name, name_folded, kind, valid_from, valid_to, created_at");
//
// so the placeholders always match the columns (no hand-counted "?, ?, …").
#pragma once

#include <string>
#include <string_view>

namespace dh::db {

// "INSERT INTO <table> (<columns>) VALUES (?, …)": one placeholder per column.
std::string InsertSql(std::string_view table, std::string_view columns);
// The same, ending " RETURNING id".
std::string InsertReturningIdSql(std::string_view table, std::string_view columns);
// "UPDATE <table> SET a = ?, b = ? WHERE <key> = ?": the columns' values, then the key's.
std::string UpdateSql(std::string_view table, std::string_view columns,
                      std::string_view key = "id");
// "SELECT <columns> FROM <table>"; conditions and orders are appended to it.
std::string SelectSql(std::string_view table, std::string_view columns);
// "SELECT COUNT(*) FROM <table>".
std::string CountSql(std::string_view table);

}  // namespace dh::db
