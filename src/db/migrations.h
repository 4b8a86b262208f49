// Schema migrations: the SQL files of migrations/, embedded at build time and applied
// in name order, each in its own transaction, once. The same files serve SQLite and
// PostgreSQL; a few tokens stand for what the two spell differently:
//   {{ID}}    an auto-increment integer primary key
//   {{BLOB}}  a byte string column
#pragma once

#include <string>
#include <vector>

#include "db/database.h"

namespace dh::db {

struct MigrationFile {
  const char* name;
  const char* sql;
};

const std::vector<MigrationFile>& EmbeddedMigrations();
// The file's SQL with the tokens spelled for `dialect`.
std::string ForDialect(const std::string& sql, Dialect dialect);
// Applies what is missing; returns the names applied.
Result<std::vector<std::string>> Migrate(Database& db);

}  // namespace dh::db
