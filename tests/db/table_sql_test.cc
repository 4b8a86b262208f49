// The statements spelled from a table's name and columns: one placeholder per column,
// whatever the spacing of the column list.
#include "db/table_sql.h"

#include <gtest/gtest.h>

namespace dh::db {
namespace {

struct Case {
  const char* name;
  std::string got;
  const char* want;
};

TEST(TableSql, SpellsTheCommonStatements) {
  const Case cases[] = {
      {"insert", InsertSql("t", "a, b,c"), "INSERT INTO t (a, b, c) VALUES (?, ?, ?)"},
      {"insert one", InsertSql("t", "a"), "INSERT INTO t (a) VALUES (?)"},
      {"insert returning", InsertReturningIdSql("t", " a ,b "),
       "INSERT INTO t (a, b) VALUES (?, ?) RETURNING id"},
      {"update by id", UpdateSql("t", "a, b"), "UPDATE t SET a = ?, b = ? WHERE id = ?"},
      {"update by key", UpdateSql("t", "a", "k"), "UPDATE t SET a = ? WHERE k = ?"},
      {"select", SelectSql("t x JOIN u ON u.id = x.u", "x.a, u.b"),
       "SELECT x.a, u.b FROM t x JOIN u ON u.id = x.u"},
      {"count", CountSql("t"), "SELECT COUNT(*) FROM t"},
  };
  for (const Case& c : cases) EXPECT_EQ(c.got, c.want) << c.name;
}

TEST(TableSql, SpellsATablesStatementsFromItsColumns) {
  constexpr Table kPlain{"t", "a, b"};
  constexpr Table kFolded{"t", "a, b", "a_folded"};
  const Case cases[] = {
      {"select", kPlain.Select(), "SELECT id, a, b FROM t"},
      {"select where", kPlain.Select("WHERE id = ?"), "SELECT id, a, b FROM t WHERE id = ?"},
      {"select reads no written-only column", kFolded.Select(), "SELECT id, a, b FROM t"},
      {"insert", kPlain.Insert(), "INSERT INTO t (a, b) VALUES (?, ?) RETURNING id"},
      {"insert writes the written-only column last", kFolded.Insert(),
       "INSERT INTO t (a, b, a_folded) VALUES (?, ?, ?) RETURNING id"},
      {"update", kFolded.Update("b, a_folded"), "UPDATE t SET b = ?, a_folded = ? WHERE id = ?"},
      {"written", kFolded.Written(), "a, b, a_folded"},
      {"written, none written-only", kPlain.Written(), "a, b"},
  };
  for (const Case& c : cases) EXPECT_EQ(c.got, c.want) << c.name;
}

}  // namespace
}  // namespace dh::db
