// The conformance suite of db::Connection: the same tests on SQLite and PostgreSQL, through
// ScratchDatabase and Database directly (no App), so a difference between the two drivers
// shows here before it shows in a feature.
#include "db/connection.h"

#include <gtest/gtest.h>

#include <limits>
#include <thread>

#include "db/database.h"
#include "db/migrations.h"
#include "db/row_stream.h"
#include "support/test_db.h"

namespace dh::db {
namespace {

using testing::Backend;
using testing::ScratchDatabase;

constexpr const char* kSchema =
    "CREATE TABLE things (id {{ID}}, name TEXT NOT NULL UNIQUE, n BIGINT, note TEXT, "
    "data {{BLOB}}, x DOUBLE PRECISION, parent_id BIGINT REFERENCES things(id))";

class ConnectionTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    scratch_ = std::make_unique<ScratchDatabase>(GetParam());
    ASSERT_FALSE(scratch_->url().empty());
    auto db = Database::Open(scratch_->url(), 3);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    ASSERT_TRUE((*c)->ExecScript(ForDialect(kSchema, db_->dialect())).ok());
  }
  void TearDown() override {
    held_.reset();  // back to the pool before the pool goes
    db_.reset();
    scratch_.reset();
  }

  Connection& conn() {
    if (!held_) held_ = std::make_unique<PooledConnection>(std::move(db_->Acquire().value()));
    return **held_;
  }
  int64_t Count(const std::string& where = "") {
    auto r = conn().Query("SELECT COUNT(*) FROM things" + where);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->Int(0, 0) : -1;
  }
  Result<int64_t> Insert(const std::string& name, Value n = Value()) {
    auto r = conn().Query("INSERT INTO things (name, n) VALUES (?, ?) RETURNING id", {name, n});
    if (!r.ok()) return r.status();
    return r->Int(0, 0);
  }

  std::unique_ptr<ScratchDatabase> scratch_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<PooledConnection> held_;
};

TEST(PlaceholderTest, RewritesQuestionMarksOutsideQuotes) {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"SELECT 1", "SELECT 1"},
      {"SELECT ?", "SELECT $1"},
      {"WHERE a = ? AND b = ?", "WHERE a = $1 AND b = $2"},
      {"WHERE a = '?' AND b = ?", "WHERE a = '?' AND b = $1"},
      {"SELECT \"odd?col\", ? FROM t", "SELECT \"odd?col\", $1 FROM t"},
      {"WHERE a = 'it''s ?' AND b = ?", "WHERE a = 'it''s ?' AND b = $1"},
      {"VALUES (?,?,?)", "VALUES ($1,$2,$3)"},
      {"WHERE a LIKE '%?%' ESCAPE '\\' AND b IN (?, ?)",
       "WHERE a LIKE '%?%' ESCAPE '\\' AND b IN ($1, $2)"},
  };
  for (const auto& c : cases) EXPECT_EQ(ToPostgresPlaceholders(c.in), c.want) << c.in;
  std::string many = "VALUES (";
  for (int i = 0; i < 12; ++i) many += i ? ",?" : "?";
  EXPECT_EQ(ToPostgresPlaceholders(many + ")"), "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)");
}

TEST_P(ConnectionTest, QuestionMarkInsideAStringLiteralIsNotAParameter) {
  auto r = conn().Query("SELECT ?, '?', 'a''?b', ?", {int64_t{7}, std::string("x")});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ(r->Int(0, 0), 7);
  EXPECT_EQ(r->Text(0, 1), "?");
  EXPECT_EQ(r->Text(0, 2), "a'?b");
  EXPECT_EQ(r->Text(0, 3), "x");

  ASSERT_TRUE(Insert("what?").ok());
  auto q = conn().Query("SELECT name FROM things WHERE name = ? OR name = 'nothing?'",
                        {std::string("what?")});
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  ASSERT_EQ(q->size(), 1u);
  EXPECT_EQ(q->Text(0, 0), "what?");
}

TEST_P(ConnectionTest, ValuesRoundTrip) {
  const std::string vietnamese = "Ủy ban nhân dân Thành phố Đà Nẵng — 😀";
  std::string bytes = std::string("\0\x01\xFF\xFE\x80 '\"\\?", 11);
  bytes += std::string(1000, '\x7F');
  struct Row {
    std::string name;
    Value n, note, data, x;
  } rows[] = {
      {"nulls", Value(), Value(), Value(), Value()},
      {"max", std::numeric_limits<int64_t>::max(), std::string(""), Blob{""}, 0.0},
      {"min", std::numeric_limits<int64_t>::min(), vietnamese, Blob{bytes}, -1.5},
      {"big", int64_t{9007199254740993}, std::string("a\nb\tc"), Blob{"x"}, 0.1},  // 2^53+1
      {"neg", int64_t{-1}, std::string(100000, 'z'), Blob{std::string(1, '\0')}, 1e-7},
      {"zero", int64_t{0}, std::string("'; DROP TABLE things; --"), Blob{"?"}, 123456789.125},
  };
  for (const Row& r : rows) {
    auto ins = conn().Exec("INSERT INTO things (name, n, note, data, x) VALUES (?, ?, ?, ?, ?)",
                           {r.name, r.n, r.note, r.data, r.x});
    ASSERT_TRUE(ins.ok()) << r.name << ": " << ins.status().ToString();
    EXPECT_EQ(*ins, 1);
  }
  for (const Row& r : rows) {
    SCOPED_TRACE(r.name);
    auto got = conn().Query("SELECT n, note, data, x FROM things WHERE name = ?", {r.name});
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    ASSERT_EQ(got->size(), 1u);
    if (std::holds_alternative<std::monostate>(r.n)) {
      EXPECT_TRUE(got->IsNull(0, 0));
      EXPECT_TRUE(got->IsNull(0, 1));
      EXPECT_TRUE(got->IsNull(0, 2));
      EXPECT_TRUE(got->IsNull(0, 3));
      EXPECT_EQ(got->OptInt(0, 0), std::nullopt);
      EXPECT_EQ(got->OptText(0, 1), std::nullopt);
      continue;
    }
    EXPECT_EQ(got->Int(0, 0), std::get<int64_t>(r.n));
    EXPECT_FALSE(got->IsNull(0, 1));  // '' is not NULL
    EXPECT_EQ(got->Text(0, 1), std::get<std::string>(r.note));
    ASSERT_TRUE(std::holds_alternative<Blob>(got->At(0, 2)));
    EXPECT_EQ(std::get<Blob>(got->At(0, 2)).bytes, std::get<Blob>(r.data).bytes);
    EXPECT_EQ(got->Real(0, 3), std::get<double>(r.x));
  }
}

// QueryEach reads each row in place: the same cells as Query, NULLs, numbers in text, and
// a visit that fails stops the statement with its error; the connection works on after.
TEST_P(ConnectionTest, QueryEachShowsEveryRowInPlace) {
  ASSERT_TRUE(Insert("a", int64_t{-7}).ok());
  ASSERT_TRUE(Insert("b").ok());
  ASSERT_TRUE(Insert("c", std::numeric_limits<int64_t>::max()).ok());
  ASSERT_TRUE(
      conn().Exec("UPDATE things SET note = ? WHERE name = 'a'", {std::string("Đà Nẵng")}).ok());
  struct Seen {
    std::string name, note;
    bool n_null, note_null;
    int64_t n, as_int;
  };
  std::vector<Seen> seen;
  Status s = QueryEach(
      conn(), "SELECT name, n, note, CAST(n AS TEXT), 1 = 1 FROM things WHERE id > ? ORDER BY name",
      {int64_t{0}}, [&](const RowView& r) {
        seen.push_back({std::string(r.Text(0)), std::string(r.Text(2)), r.IsNull(1), r.IsNull(2),
                        r.Int(1), r.Int(3)});
        EXPECT_EQ(r.Int(4), 1) << "a true comparison reads as 1";
        return Status::Ok();
      });
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].name, "a");
  EXPECT_EQ(seen[0].n, -7);
  EXPECT_EQ(seen[0].as_int, -7) << "a number in text reads as that number";
  EXPECT_EQ(seen[0].note, "Đà Nẵng");
  EXPECT_FALSE(seen[0].note_null);
  EXPECT_TRUE(seen[1].n_null);
  EXPECT_EQ(seen[1].n, 0) << "NULL reads as 0";
  EXPECT_TRUE(seen[1].note_null);
  EXPECT_EQ(seen[1].note, "") << "NULL reads as empty text";
  EXPECT_EQ(seen[2].n, std::numeric_limits<int64_t>::max());

  int visits = 0;
  s = QueryEach(conn(), "SELECT name FROM things ORDER BY name", {}, [&](const RowView&) {
    ++visits;
    return Status::InvalidInput("x", "stop here");
  });
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(visits, 1) << "the first failing visit stops the statement";
  s = QueryEach(conn(), "SELECT nothing FROM nowhere", {},
                [](const RowView&) { return Status::Ok(); });
  EXPECT_EQ(s.code(), StatusCode::kInternal);
  EXPECT_EQ(Count(), 3) << "the connection works after both";
}

TEST_P(ConnectionTest, IntegersComeBackAsIntegers) {
  ASSERT_TRUE(Insert("a", int64_t{5}).ok());
  auto r = conn().Query("SELECT n, COUNT(*), SUM(n), MAX(id) FROM things GROUP BY n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  for (size_t c = 0; c < 2; ++c)
    EXPECT_TRUE(std::holds_alternative<int64_t>(r->At(0, c))) << r->columns()[c];
  EXPECT_EQ(r->Int(0, 0), 5);
  EXPECT_EQ(r->Int(0, 1), 1);
  EXPECT_EQ(r->Int(0, 2), 5);
  EXPECT_EQ(r->columns().size(), 4u);
}

TEST_P(ConnectionTest, ReturningGivesNewIds) {
  auto a = Insert("a");
  auto b = Insert("b");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_GT(*a, 0);
  EXPECT_GT(*b, *a);
  auto r = conn().Query("SELECT name FROM things WHERE id = ?", {*b});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->Text(0, 0), "b");
}

TEST_P(ConnectionTest, ExecCountsChangedRows) {
  for (const char* n : {"a", "b", "c"}) ASSERT_TRUE(Insert(n, int64_t{1}).ok());
  EXPECT_EQ(*conn().Exec("UPDATE things SET n = 2 WHERE n = ?", {int64_t{1}}), 3);
  EXPECT_EQ(*conn().Exec("UPDATE things SET n = 3 WHERE name = ?", {std::string("a")}), 1);
  EXPECT_EQ(*conn().Exec("DELETE FROM things WHERE name = ?", {std::string("nobody")}), 0);
  EXPECT_EQ(*conn().Exec("DELETE FROM things WHERE n = ?", {int64_t{2}}), 2);
  EXPECT_EQ(Count(), 1);
}

TEST_P(ConnectionTest, ErrorsSpeakOneVocabulary) {
  ASSERT_TRUE(Insert("dup").ok());
  auto dup = Insert("dup");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), StatusCode::kUniqueViolation);

  auto not_null = conn().Exec("INSERT INTO things (name) VALUES (?)", {Value()});
  ASSERT_FALSE(not_null.ok());
  EXPECT_EQ(not_null.status().code(), StatusCode::kConflict);
  EXPECT_EQ(not_null.status().error_code(), "constraint_violation");

  auto fk = conn().Exec("INSERT INTO things (name, parent_id) VALUES (?, ?)",
                        {std::string("orphan"), int64_t{999}});
  ASSERT_FALSE(fk.ok());
  EXPECT_EQ(fk.status().code(), StatusCode::kConflict);
  EXPECT_EQ(fk.status().error_code(), "foreign_key_violation");

  auto syntax = conn().Query("SELEC 1");
  ASSERT_FALSE(syntax.ok());
  EXPECT_EQ(syntax.status().code(), StatusCode::kInternal);
  auto no_table = conn().Query("SELECT * FROM nothing_here");
  ASSERT_FALSE(no_table.ok());
  EXPECT_EQ(no_table.status().code(), StatusCode::kInternal);

  // The connection is still good after each error.
  EXPECT_EQ(Count(), 1);
  EXPECT_TRUE(Insert("after").ok());
}

TEST_P(ConnectionTest, InTransactionCommitsWhenTheBodySucceeds) {
  Status s = InTransaction(*db_, [&](Connection& c) -> Status {
    DH_RETURN_IF_ERROR(c.Exec("INSERT INTO things (name) VALUES (?)", {std::string("a")}).status());
    return c.Exec("INSERT INTO things (name) VALUES (?)", {std::string("b")}).status();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Count(), 2);
}

TEST_P(ConnectionTest, InTransactionRollsBackWhenTheBodyFails) {
  // The body's own error.
  Status s = InTransaction(*db_, [&](Connection& c) -> Status {
    DH_RETURN_IF_ERROR(c.Exec("INSERT INTO things (name) VALUES (?)", {std::string("a")}).status());
    return Status::InvalidInput("x", "refused after a write");
  });
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(Count(), 0);

  // A failing statement after a successful one.
  s = InTransaction(*db_, [&](Connection& c) -> Status {
    DH_RETURN_IF_ERROR(c.Exec("INSERT INTO things (name) VALUES (?)", {std::string("b")}).status());
    return c.Exec("INSERT INTO things (name) VALUES (?)", {std::string("b")}).status();
  });
  EXPECT_EQ(s.code(), StatusCode::kUniqueViolation);
  EXPECT_EQ(Count(), 0);

  // Every connection of the pool is still usable for the next transaction.
  for (int i = 0; i < 4; ++i) {
    s = InTransaction(*db_, [&](Connection& c) -> Status {
      return c.Exec("INSERT INTO things (name) VALUES (?)", {"ok" + std::to_string(i)}).status();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
  }
  EXPECT_EQ(Count(), 4);
}

TEST_P(ConnectionTest, ReadSeesOneSnapshot) {
  ASSERT_TRUE(Insert("before").ok());
  int64_t first = -1, second = -1;
  Status s = Read(*db_, [&](Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(Rows a, c.Query("SELECT COUNT(*) FROM things"));
    first = a.Int(0, 0);
    // Another connection commits while the read is open.
    DH_RETURN_IF_ERROR(InTransaction(*db_, [&](Connection& w) -> Status {
      return w.Exec("INSERT INTO things (name) VALUES (?)", {std::string("during")}).status();
    }));
    DH_ASSIGN_OR_RETURN(Rows b, c.Query("SELECT COUNT(*) FROM things"));
    second = b.Int(0, 0);
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(first, 1);
  EXPECT_EQ(second, 1) << "a read must not see a write committed after it began";
  EXPECT_EQ(Count(), 2);
}

TEST_P(ConnectionTest, MigrateAppliesEachFileOnce) {
  auto first = Migrate(*db_);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->size(), EmbeddedMigrations().size());
  EXPECT_FALSE(first->empty());
  auto second = Migrate(*db_);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_TRUE(second->empty());
  auto r = conn().Query("SELECT COUNT(*) FROM schema_migrations");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->Int(0, 0), static_cast<int64_t>(EmbeddedMigrations().size()));
  // The schema is there, with the audit head seeded exactly once.
  auto head = conn().Query("SELECT seq, hash FROM audit_head");
  ASSERT_TRUE(head.ok()) << head.status().ToString();
  ASSERT_EQ(head->size(), 1u);
  EXPECT_EQ(head->Int(0, 0), 0);
}

TEST_P(ConnectionTest, MigrationsAreAppliedInNameOrder) {
  const auto& files = EmbeddedMigrations();
  for (size_t i = 1; i < files.size(); ++i)
    EXPECT_LT(std::string(files[i - 1].name), std::string(files[i].name));
  const std::string sql = "CREATE TABLE t (id {{ID}}, b {{BLOB}})";
  EXPECT_EQ(ForDialect(sql, Dialect::kSqlite),
            "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, b BLOB)");
  EXPECT_EQ(ForDialect(sql, Dialect::kPostgres),
            "CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, b BYTEA)");
}

TEST_P(ConnectionTest, PoolReusesReturnedConnections) {
  held_.reset();
  EXPECT_EQ(db_->Stats().size, 1);  // the one Open checked
  for (int i = 0; i < 5; ++i) {
    auto c = db_->Acquire();
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(db_->Stats().in_use, 1);
  }
  EXPECT_EQ(db_->Stats().size, 1);
  EXPECT_EQ(db_->Stats().in_use, 0);
  {
    auto a = db_->Acquire();
    auto b = db_->Acquire();
    auto c = db_->Acquire();
    ASSERT_TRUE(a.ok() && b.ok() && c.ok());
    EXPECT_EQ(db_->Stats().size, 3);
    EXPECT_EQ(db_->Stats().in_use, 3);
  }
  EXPECT_EQ(db_->Stats().size, 3);
  EXPECT_EQ(db_->Stats().in_use, 0);
  EXPECT_EQ(db_->Stats().waits, 0);
}

TEST_P(ConnectionTest, PoolNeverOpensMoreThanItsSize) {
  held_.reset();
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        Status s = InTransaction(*db_, [&](Connection& c) -> Status {
          return c
              .Exec("INSERT INTO things (name) VALUES (?)",
                    {std::to_string(t) + "-" + std::to_string(i)})
              .status();
        });
        if (!s.ok()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_LE(db_->Stats().size, 3);
  EXPECT_EQ(db_->Stats().in_use, 0);
  EXPECT_EQ(Count(), 60);
}

TEST_P(ConnectionTest, ClosedPoolRefusesNewBorrowers) {
  held_.reset();
  db_->Close();
  auto c = db_->Acquire();
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kInternal);
}

TEST(DatabaseOpenTest, RejectsUrlsItCannotUse) {
  for (const char* bad : {"", "mysql://x", "sqlite:", "data/dieuhanh.db"}) {
    auto db = Database::Open(bad);
    ASSERT_FALSE(db.ok()) << bad;
    EXPECT_EQ(db.status().code(), StatusCode::kInvalidInput) << bad;
  }
  auto missing = Database::Open("sqlite:/nonexistent-dir/for/sure/x.db");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kInternal);
}

INSTANTIATE_TEST_SUITE_P(Db, ConnectionTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         testing::BackendName);

}  // namespace
}  // namespace dh::db
