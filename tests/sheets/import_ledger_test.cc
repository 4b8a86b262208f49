// The imports ledger on both databases: a file recorded for a feature and a target is
// found again by its SHA-256, and recorded twice is refused by the unique key (two imports
// of one file at once); the same bytes into another target or by another feature are a
// new import. The migration that made the ledger keeps tasks' earlier imports.
#include "sheets/import_ledger.h"

#include <gtest/gtest.h>

#include "core/hash.h"
#include "db/migrations.h"
#include "sheets/rows.h"
#include "support/test_db.h"

namespace dh::sheets {
namespace {

using testing::Backend;
using testing::BothDatabases;

class ImportLedgerTest : public BothDatabases {};

TEST_P(ImportLedgerTest, TheSameFileIntoTheSameTargetIsFoundAndNotRecordedTwice) {
  const std::string sha = Sha256Hex("STT;Nhiệm vụ\n1;Báo cáo\n");
  const int64_t at = 1768442400;  // 15/01/2026 09:00 in Vietnam
  const ImportRecord first{0, "disbursements", 7, sha, "giai-ngan.xlsx", 12, std::nullopt, at};
  const struct {
    const char* feature;
    int64_t target;
    bool duplicate;
  } kCases[] = {
      {"disbursements", 7, true},
      {"disbursements", 8, false},  // another target
      {"indicators", 7, false},     // another feature
      {"disbursements", 0, false},
  };
  Status s = db::InTransaction(db(), [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto none, FindImport(c, "disbursements", 7, sha));
    EXPECT_FALSE(none);
    DH_ASSIGN_OR_RETURN(const int64_t id, RecordImport(c, first));
    for (const auto& k : kCases) {
      DH_ASSIGN_OR_RETURN(auto found, FindImport(c, k.feature, k.target, sha));
      EXPECT_EQ(found.has_value(), k.duplicate) << k.feature << " " << k.target;
      if (found) {
        EXPECT_EQ(found->id, id);
        EXPECT_EQ(found->file_name, "giai-ngan.xlsx");
        EXPECT_EQ(found->rows, 12);
        EXPECT_EQ(found->created_at, at);
        EXPECT_FALSE(found->created_by);
      }
    }
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();

  // Recorded again (another process imported it meanwhile): the unique key refuses it.
  s = db::InTransaction(db(), [&](db::Connection& c) { return RecordImport(c, first).status(); });
  EXPECT_EQ(s.code(), StatusCode::kUniqueViolation);
  EXPECT_EQ(s.field(), "file");
  s = db::InTransaction(db(), [&](db::Connection& c) -> Status {
    ImportRecord other = first;
    other.target_id = 8;
    other.created_by = 3;
    return RecordImport(c, other).status();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();

  const Status again = AlreadyImported(first, "kế hoạch vốn 2026", "khoản giải ngân");
  EXPECT_EQ(again.code(), StatusCode::kConflict);
  EXPECT_EQ(again.error_code(), "already_imported");
  EXPECT_EQ(again.field(), "file");
  EXPECT_EQ(again.message(),
            "Tệp này đã được nhập vào kế hoạch vốn 2026 ngày 15/01/2026 (12 khoản giải ngân). "
            "Không nhập lại để tránh trùng khoản giải ngân.");
}

// What an importer calls in its transaction: the first time records, the second refuses.
TEST_P(ImportLedgerTest, RecordOnceRefusesTheSameFileTheSecondTime) {
  const ImportRecord upload{0, "tasks", 3, Sha256Hex("x"), "a.csv", 2, 1, 1768442400};
  auto once = [&] {
    return db::InTransaction(
        db(), [&](db::Connection& c) { return RecordOnce(c, upload, "văn bản 1/KH", "nhiệm vụ"); });
  };
  EXPECT_TRUE(once().ok());
  const Status again = once();
  EXPECT_EQ(again.error_code(), "already_imported");
  EXPECT_NE(again.message().find("văn bản 1/KH ngày 15/01/2026 (2 nhiệm vụ)"), std::string::npos)
      << again.message();
}

INSTANTIATE_BOTH(ImportLedgerTest);

// A whole importer as a new feature writes one: its columns, its row parser, and its
// transaction (rows and the ledger together, only when every row is right). The same
// file twice changes nothing and says so; a file with a wrong row writes nothing.
class ExampleImporterTest : public BothDatabases {
 protected:
  void SetUp() override {
    BothDatabases::SetUp();
    if (HasFatalFailure()) return;
    Status s = db::InTransaction(db(), [](db::Connection& c) {
      return c.ExecScript(
          "CREATE TABLE example_payments (project TEXT NOT NULL, amount BIGINT NOT NULL)");
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  // Rows written, or the row errors, or the upload's Status.
  Result<RowErrors> Import(const std::string& csv) {
    static const ColumnMap kColumns({{.key = "project", .heading = "Dự án", .required = true},
                                     {.key = "amount",
                                      .heading = "Số tiền (nghìn đồng)",
                                      .aliases = {"Giá trị"},
                                      .required = true,
                                      .noun = "Số tiền"}});
    std::vector<std::pair<std::string, Money>> rows;
    DH_ASSIGN_OR_RETURN(RowErrors errors,
                        ReadRows(csv, "text/csv", kColumns, 1000, "khoản", [&](RowReader& r) {
                          auto project = r.Text("project", 200);
                          auto amount = r.MoneyOf("amount", {.scale = 1000});
                          if (r.ok()) rows.emplace_back(*project, *amount);
                          return true;
                        }));
    if (!errors.empty()) return errors;
    DH_RETURN_IF_ERROR(db::InTransaction(db(), [&](db::Connection& c) -> Status {
      const ImportRecord upload{0,
                                "example",
                                0,
                                Sha256Hex(csv),
                                "a.csv",
                                static_cast<int64_t>(rows.size()),
                                std::nullopt,
                                1768442400};
      DH_RETURN_IF_ERROR(RecordOnce(c, upload, "sổ thanh toán", "khoản"));
      for (const auto& [project, amount] : rows)
        DH_RETURN_IF_ERROR(
            c.Exec("INSERT INTO example_payments VALUES (?, ?)", {project, amount}).status());
      return Status::Ok();
    }));
    return errors;
  }

  int64_t Count(const char* table) {
    int64_t n = -1;
    EXPECT_TRUE(db::Read(db(), [&](db::Connection& c) -> Status {
                  DH_ASSIGN_OR_RETURN(db::Rows r,
                                      c.Query(std::string("SELECT COUNT(*) FROM ") + table));
                  n = r.Int(0, 0);
                  return Status::Ok();
                }).ok());
    return n;
  }
};

TEST_P(ExampleImporterTest, TheSameFileTwiceChangesNothingAndAWrongRowWritesNothing) {
  const std::string good = "Dự án;Giá trị\nCầu A;1.234,5\nĐường B;2.000\n";
  auto first = Import(good);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->empty());
  EXPECT_EQ(Count("example_payments"), 2);

  auto again = Import(good);
  EXPECT_EQ(again.status().error_code(), "already_imported");
  EXPECT_EQ(Count("example_payments"), 2);
  EXPECT_EQ(Count("sheet_imports"), 1);

  auto wrong = Import("Dự án;Giá trị\nCầu C;1.000\n;5\nCầu D;1,2345\n");
  ASSERT_TRUE(wrong.ok()) << wrong.status().ToString();
  ASSERT_EQ(wrong->size(), 2u);
  EXPECT_EQ((*wrong)[0].row, 3);
  EXPECT_EQ((*wrong)[0].message, "Thiếu dự án.");
  EXPECT_EQ((*wrong)[1].row, 4);
  EXPECT_EQ((*wrong)[1].column, "Số tiền (nghìn đồng)");
  EXPECT_EQ(Count("example_payments"), 2);
  EXPECT_EQ(Count("sheet_imports"), 1);

  EXPECT_EQ(Import("Tên;Tiền\nx;1\n").status().error_code(), "no_header_row");
}

INSTANTIATE_BOTH(ExampleImporterTest);

// A database migrated before the ledger, with a task import recorded in task_imports:
// after the migration the ledger holds it as feature "tasks", the directive its target.
class LedgerMigrationTest : public ::testing::TestWithParam<Backend> {};

TEST_P(LedgerMigrationTest, TasksEarlierImportsMoveIntoTheLedger) {
  testing::ScratchDatabase scratch(GetParam());
  auto opened = db::Database::Open(scratch.url(), 2);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  db::Database& db = **opened;
  Status s = db::InTransaction(db, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(c.ExecScript(
        "CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"));
    for (const db::MigrationFile& f : db::EmbeddedMigrations()) {
      if (std::string(f.name) >= "0004_sheet_imports.sql") continue;
      DH_RETURN_IF_ERROR(c.ExecScript(db::ForDialect(f.sql, c.dialect())));
      DH_RETURN_IF_ERROR(
          c.Exec("INSERT INTO schema_migrations VALUES (?, 'then')", {std::string(f.name)})
              .status());
    }
    DH_RETURN_IF_ERROR(c.Exec("INSERT INTO units (id, code, name, name_folded, kind, valid_from, "
                              "created_at) VALUES (1, 'MA', 'Minh An', 'minh an', 'city', "
                              "'2020-01-01', 0)")
                           .status());
    DH_RETURN_IF_ERROR(c.Exec("INSERT INTO directives (id, kind, number, issued_on, "
                              "issuer_unit_id, title, title_folded, body, created_at) VALUES "
                              "(5, 'plan', '1/KH', '2026-01-05', 1, 'K', 'k', '', 0)")
                           .status());
    return c
        .Exec(
            "INSERT INTO task_imports (directive_id, sha256, file_name, tasks, created_by, "
            "created_at) VALUES (5, 'ab12', 'nhiem-vu.xlsx', 9, NULL, 1768442400)")
        .status();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  auto applied = db::Migrate(db);
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  s = db::Read(db, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto found, FindImport(c, "tasks", 5, "ab12"));
    EXPECT_TRUE(found);
    if (found) {
      EXPECT_EQ(found->file_name, "nhiem-vu.xlsx");
      EXPECT_EQ(found->rows, 9);
      EXPECT_EQ(found->created_at, 1768442400);
    }
    EXPECT_FALSE(c.Query("SELECT COUNT(*) FROM task_imports").ok());  // gone
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
}

INSTANTIATE_BOTH(LedgerMigrationTest);

}  // namespace
}  // namespace dh::sheets
