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

// One table's columns, named once: its id, the columns a row is read back with (after the id,
// in the order the store's row reader takes them), and those written but never read back (a
// folded copy for searching, say). The store's SELECT, INSERT and UPDATE come from it, so they
// cannot drift apart from each other or from the row reader:
//
//   constexpr db::Table kUnits{"units", "code, name, kind, valid_from, valid_to", "name_folded"};
//   const std::string kSelectUnit = kUnits.Select("WHERE id = ?");
//   const std::string kInsertUnit = kUnits.Insert();  // code … valid_to, then name_folded
struct Table {
  std::string_view name;
  std::string_view columns;       // read and written, after id
  std::string_view written = {};  // written only, after the columns

  // "SELECT id, <columns> FROM <name>", then " <rest>" (conditions, order) when there is one.
  std::string Select(std::string_view rest = {}) const;
  // "INSERT INTO <name> (<columns>, <written>) VALUES (?, …) RETURNING id".
  std::string Insert() const;
  // "<columns>, <written>": all that Insert writes, in its order (an update of the whole row).
  std::string Written() const;
  // "UPDATE <name> SET <some> = ?, … WHERE id = ?": the columns one kind of change writes.
  std::string Update(std::string_view some) const;
};

}  // namespace dh::db
