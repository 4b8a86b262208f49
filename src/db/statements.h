// The db layer's own statements (transactions, turns, pragmas), named once. Features keep
// theirs in their *_store.cc files.
#pragma once

namespace dh::db {

// PostgreSQL: writers of every server process over one database take turns on this advisory
// lock, as SQLite's BEGIN IMMEDIATE makes them (every write appends to the one audit chain;
// taking the turn first means two writers never hold row locks the other wants).
#define DH_PG_WRITE_TURN "SELECT pg_advisory_xact_lock(7162535)"
inline constexpr const char* kWriteTurnPg = DH_PG_WRITE_TURN;
// The turn taken in the same round trip as BEGIN (the write queue's batches).
inline constexpr const char* kBeginWithTurnPg = "BEGIN; " DH_PG_WRITE_TURN;
#undef DH_PG_WRITE_TURN
// PostgreSQL: several servers may start at once; one migrates, the others wait.
inline constexpr const char* kMigrationTurnPg = "SELECT pg_advisory_xact_lock(7162534)";

inline constexpr const char* kCommit = "COMMIT";
inline constexpr const char* kRollback = "ROLLBACK";
inline constexpr const char* kBeginSqliteWrite = "BEGIN IMMEDIATE";
inline constexpr const char* kBeginSqliteRead = "BEGIN";
inline constexpr const char* kBeginPgWrite = "BEGIN";
inline constexpr const char* kBeginPgRead = "BEGIN ISOLATION LEVEL REPEATABLE READ";
inline constexpr const char* kPgSession = "SET client_min_messages = warning; SET TIME ZONE 'UTC'";
inline constexpr const char* kSqliteSession =
    "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
// The write queue's writer syncing behind: its COMMIT does not wait for the disk (a thread
// of its own syncs the WAL file behind it). Set once on the writer's own connection.
inline constexpr const char* kSqliteSyncBehind = "PRAGMA synchronous=NORMAL";
inline constexpr const char* kSqliteNoAutoCheckpoint = "PRAGMA wal_autocheckpoint=0;";
inline constexpr const char* kSqliteCheckpoint = "PRAGMA wal_checkpoint(PASSIVE)";
// Run by the writer between batches (db/checkpointer.h): copies the rest and rewinds the
// WAL, waiting at most 10 ms for readers of old frames; then the usual 15 s wait is back.
inline constexpr const char* kSqliteCheckpointRestart = "PRAGMA wal_checkpoint(RESTART)";
inline constexpr const char* kSqliteShortBusyWait = "PRAGMA busy_timeout=10";
inline constexpr const char* kSqliteUsualBusyWait = "PRAGMA busy_timeout=15000";

// The ledger of applied migrations (db/migrations.cc).
inline constexpr const char* kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT "
    "NULL)";
inline constexpr const char* kAppliedMigrations = "SELECT name FROM schema_migrations";
inline constexpr const char* kRecordMigration =
    "INSERT INTO schema_migrations (name, applied_at) VALUES (?, CURRENT_TIMESTAMP)";

}  // namespace dh::db
