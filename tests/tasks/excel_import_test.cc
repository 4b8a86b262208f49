// Excel export and import through TaskService on both databases: export a directive,
// import the file into another and find the same tasks; a file with any wrong row, a
// dry run, a file imported twice, an officer without the right — none leaves anything
// behind. Scope: an officer's export holds only the tasks the officer may see.
#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <set>

#include "sheets/sheet.h"
#include "support/test_db.h"
#include "tasks/task_excel.h"
#include "tasks/task_import.h"

namespace dh::tasks {
namespace {

using auth::Principal;
using auth::Role;
using testing::BothDatabases;

Date D(const char* s) { return *Date::Parse(s); }

class ExcelImportTest : public BothDatabases {
 protected:
  void SetUp() override {
    BothDatabases::SetUp();
    if (HasFatalFailure()) return;
    city_ = MakeUnit("MA", "Thành phố Minh An", "city", std::nullopt);
    stc_ = MakeUnit("MA.STC", "Sở Tài chính", "department", city_);
    sxd_ = MakeUnit("MA.SXD", "Sở Xây dựng", "department", city_);
    office_ = Person("vanphong", Role::kOffice, city_);
    stc_officer_ = Person("canbo.stc", Role::kOfficer, stc_);
  }

  TaskService& svc() { return app().tasks(); }
  std::shared_ptr<const units::UnitGraph> graph() { return app().unit_directory().Get(); }

  int64_t MakeUnit(const std::string& code, const std::string& name, const std::string& kind,
                   std::optional<int64_t> parent) {
    units::UnitInput in{.code = code,
                        .name = name,
                        .kind = kind,
                        .parent_id = parent,
                        .parent_given = true,
                        .valid_from = D("2020-01-01")};
    auto r = app().units().Create(nullptr, in);
    EXPECT_TRUE(r.ok()) << code << ": " << r.status().ToString();
    return r.ok() ? r->unit.id : 0;
  }

  Principal Person(const std::string& username, Role role, std::optional<int64_t> unit) {
    users::UserInput in{.username = username,
                        .full_name = "Nguyễn Văn " + username,
                        .password = "mat-khau-2026",
                        .roles = std::vector<auth::RoleGrant>{{role, unit}}};
    auto u = app().users().Create(nullptr, in);
    EXPECT_TRUE(u.ok()) << username << ": " << u.status().ToString();
    return Principal{u.ok() ? u->id : 0, username, "Nguyễn Văn " + username, {{role, unit}}};
  }

  int64_t Directive(const std::string& number) {
    DirectiveInput in;
    in.kind = "conclusion";
    in.number = number;
    in.issued_on = D("2026-01-05");
    in.title = "Kết luận hội nghị triển khai nhiệm vụ năm 2026";
    in.issuer_unit_id = city_;
    auto d = svc().CreateDirective(office_, in);
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    return d.ok() ? d->id : 0;
  }

  int64_t Group(int64_t directive, const std::string& title, int position) {
    auto g = svc().CreateGroup(office_, TaskGroup{0, directive, std::nullopt, title, position});
    EXPECT_TRUE(g.ok()) << g.status().ToString();
    return g.ok() ? g->id : 0;
  }

  int64_t Task(int64_t directive, std::optional<int64_t> group, const std::string& title,
               int64_t lead, std::vector<int64_t> coordinators, std::optional<Date> deadline) {
    TaskInput in;
    in.directive_id = directive;
    in.group_id = group;
    in.title = title;
    in.lead_unit_id = lead;
    in.coordinator_ids = std::move(coordinators);
    in.deadline = deadline;
    auto t = svc().Create(&office_, in);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? t->task.id : 0;
  }

  int64_t Scalar(const std::string& sql, const db::Params& params = {}) {
    int64_t v = -1;
    Status s = db::Read(db(), [&](db::Connection& c) -> Status {
      DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(sql, params));
      v = r.empty() ? 0 : r.Int(0, 0);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << sql << ": " << s.ToString();
    return v;
  }
  // What an import that fails must leave untouched.
  std::vector<int64_t> Snapshot() {
    return {Scalar("SELECT COUNT(*) FROM tasks"),
            Scalar("SELECT COUNT(*) FROM task_groups"),
            Scalar("SELECT COUNT(*) FROM task_coordinators"),
            Scalar("SELECT COUNT(*) FROM task_reports"),
            Scalar("SELECT COUNT(*) FROM sheet_imports"),
            Scalar("SELECT COUNT(*) FROM notifications"),
            Scalar("SELECT seq FROM audit_head WHERE id = 1"),
            static_cast<int64_t>(svc().index().size())};
  }

  Result<ImportOutcome> Import(const Principal& who, const std::string& bytes, int64_t directive,
                               const std::string& type = "", bool dry_run = false,
                               const std::string& on_match = "") {
    ImportRequest in;
    in.on_match = on_match;
    in.bytes = bytes;
    in.content_type = type;
    in.file_name = "nhiem-vu.xlsx";
    in.directive_id = directive;
    in.dry_run = dry_run;
    return ImportTasks(svc(), *graph(), who, in);
  }

  // Title, lead, coordinators, deadline, progress and group title of each task of a
  // directive, in id order: what a round trip must keep.
  std::vector<std::string> Tasks(int64_t directive) {
    TaskFilter f;
    f.directive_id = directive;
    int64_t total = 0;
    auto list = svc().List(office_, f, 1000, 0, &total);
    EXPECT_TRUE(list.ok());
    auto groups = svc().Groups(office_, directive);
    std::vector<TaskView> views = *list;
    std::sort(views.begin(), views.end(),
              [](const TaskView& a, const TaskView& b) { return a.task.id < b.task.id; });
    std::vector<std::string> out;
    for (const TaskView& v : views) {
      std::string group;
      for (const TaskGroup& g : *groups)
        if (v.task.group_id && g.id == *v.task.group_id) group = g.title;
      std::string co;
      for (int64_t id : v.task.coordinator_ids) co += std::to_string(id) + ",";
      out.push_back(v.task.title + " | " + std::to_string(v.task.lead_unit_id) + " | " + co +
                    " | " + (v.task.deadline ? v.task.deadline->ToString() : "-") + " | " +
                    std::to_string(v.task.progress_percent) + "% | " + group);
    }
    return out;
  }

  int64_t city_ = 0, stc_ = 0, sxd_ = 0;
  Principal office_, stc_officer_;
};

// The exported sheet as a person reads it: headings, statuses, dates.
void ExpectReadsAsAPersonReadsIt(const std::string& bytes) {
  auto sheet = sheets::ReadXlsx(bytes);
  ASSERT_TRUE(sheet.ok());
  std::vector<std::string> col_b, col_h;  // col_h: Tình trạng, after Ngày giao (tasksa)
  for (const sheets::SheetRow& r : sheet->rows) {
    col_b.push_back(r.At(1) ? r.At(1)->text : "");
    col_h.push_back(r.At(7) ? r.At(7)->text : "");
  }
  const std::vector<std::string> want_b = {
      "",
      "Thực hiện Thông báo kết luận số 01/TB-UBND ngày 05/01/2026 của "
      "Thành phố Minh An — Kết luận hội nghị triển khai nhiệm vụ năm 2026",
      "",
      "Nhiệm vụ",
      "(2)",
      "Tổng hợp báo cáo chung",
      "Tăng cường giải ngân vốn đầu tư công",
      "Rà soát, điều chuyển vốn các dự án chậm giải ngân",
      "Đẩy nhanh giải phóng mặt bằng",
      "Chuyển đổi số",
      "Số hóa hồ sơ thủ tục hành chính"};
  // Row 2 is merged from column A: its text sits in A.
  ASSERT_EQ(col_b.size(), want_b.size());
  for (size_t i = 0; i < want_b.size(); ++i)
    if (i != 1) EXPECT_EQ(col_b[i], want_b[i]) << "row " << sheet->rows[i].number;
  EXPECT_EQ(sheet->rows[1].At(0)->text, want_b[1]);
  EXPECT_EQ(col_h[5], "Thường xuyên");
  EXPECT_EQ(col_h[7], "Trong hạn");
  EXPECT_EQ(col_h[8], "Quá hạn");
  EXPECT_EQ(sheet->rows[6].At(0)->text, "I");
  EXPECT_EQ(sheet->rows[9].At(0)->text, "II");
}

TEST_P(ExcelImportTest, ExportThenImportGivesTheSameTasks) {
  const int64_t d = Directive("01/TB-UBND");
  const int64_t g1 = Group(d, "Tăng cường giải ngân vốn đầu tư công", 1);
  const int64_t g2 = Group(d, "Chuyển đổi số", 2);
  Task(d, std::nullopt, "Tổng hợp báo cáo chung", stc_, {}, std::nullopt);
  const int64_t t1 = Task(d, g1, "Rà soát, điều chuyển vốn các dự án chậm giải ngân", stc_, {sxd_},
                          D("2026-03-31"));
  Task(d, g1, "Đẩy nhanh giải phóng mặt bằng", sxd_, {stc_, city_},
       D("2026-01-10"));  // overdue today
  Task(d, g2, "Số hóa hồ sơ thủ tục hành chính", city_, {}, D("2026-06-30"));
  ASSERT_TRUE(svc().Report(stc_officer_, t1, std::nullopt, 45, "Đã rà soát 12 dự án.").ok());

  auto file = ExportTasks(svc(), *graph(), office_, TaskFilter{.directive_id = d}, "");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->rows, 4);
  EXPECT_EQ(file->filename, "Danh mục nhiệm vụ 01-TB-UBND đến 15-01-2026.xlsx");
  EXPECT_EQ(sheets::SniffUpload(file->bytes), sheets::UploadKind::kXlsx);

  ExpectReadsAsAPersonReadsIt(file->bytes);

  const int64_t copy = Directive("02/TB-UBND");
  const auto before = Snapshot();
  auto outcome = Import(office_, file->bytes, copy);
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  ASSERT_TRUE(outcome->ok) << outcome->errors[0].row << " " << outcome->errors[0].column << ": "
                           << outcome->errors[0].message;
  EXPECT_EQ(outcome->imported, 4);
  EXPECT_EQ(outcome->groups_created, 2);
  EXPECT_EQ(Tasks(copy), Tasks(d));
  const auto after = Snapshot();
  EXPECT_EQ(after[0], before[0] + 4);
  EXPECT_EQ(after[4], before[4] + 1);  // the file is recorded
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'task.import'"), 1);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM task_reports WHERE percent = 45"),
            2);  // the original and the import
  // The read model follows: the board of the new directive counts the imported tasks.
  TaskFilter f;
  f.directive_id = copy;
  int64_t total = 0;
  ASSERT_TRUE(svc().List(office_, f, 10, 0, &total).ok());
  EXPECT_EQ(total, 4);

  // The same file again, into the same directive: refused, nothing written.
  const auto snap = Snapshot();
  auto again = Import(office_, file->bytes, copy);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kConflict);
  EXPECT_EQ(again.status().error_code(), "already_imported");
  EXPECT_EQ(Snapshot(), snap);

  // Into a directive that already has those groups (created again): reused, not doubled.
  auto third = Import(office_, file->bytes, d, "", false, "create");
  ASSERT_TRUE(third.ok() && third->ok);
  EXPECT_EQ(third->groups_created, 0);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM task_groups WHERE directive_id = ?", {d}), 2);
}

// An edited export imported back into its directive (task_import_match.h): the rows that
// match its tasks (same title, case and diacritics aside, same lead unit) are refused until
// the caller chooses to skip them or to create them again.
TEST_P(ExcelImportTest, RowsMatchingTasksAlreadyThereAreNotSilentlyCreatedAgain) {
  const int64_t d = Directive("05/TB-UBND");
  const std::string header = "STT;Nhiệm vụ;Đơn vị chủ trì;Thời hạn\r\n";
  auto first = Import(office_, header + "1;Rà soát hồ sơ;MA.STC;15/06/2026\r\n", d, "text/csv");
  ASSERT_TRUE(first.ok() && first->ok);
  const std::string edited =
      header + "1;RÀ SOÁT HỒ SƠ;MA.STC;30/06/2026\r\n2;Việc mới;MA.STC;30/06/2026\r\n";
  auto dry = Import(office_, edited, d, "text/csv", true);
  ASSERT_TRUE(dry.ok() && dry->ok);
  ASSERT_EQ(dry->matches.size(), 1u);
  EXPECT_EQ(dry->matches[0].row, 2);
  const auto snap = Snapshot();
  auto refused = Import(office_, edited, d, "text/csv");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().error_code(), "matches_existing");
  EXPECT_EQ(Snapshot(), snap);
  auto skipped = Import(office_, edited, d, "text/csv", false, "skip");
  ASSERT_TRUE(skipped.ok() && skipped->ok);
  EXPECT_EQ(skipped->skipped, 1);
  EXPECT_EQ(skipped->imported, 1);
}

TEST_P(ExcelImportTest, AnyWrongRowImportsNothing) {
  const int64_t d = Directive("03/TB-UBND");
  const std::string csv =
      "\xEF\xBB\xBFSTT;Nhiệm vụ;Đơn vị chủ trì;Đơn vị phối hợp;Thời hạn;Tiến độ\r\n"
      "1;Việc đúng;MA.STC;Sở Xây dựng;15/06/2026;10\r\n"
      "I;Nhóm mới;;;;\r\n"
      "2;Việc đúng nữa;Sở Xây dựng;;;\r\n"
      "3;Ngày không có;MA.STC;;31/02/2026;\r\n"
      "4;Đơn vị lạ;Sở Du lịch;;;\r\n"
      "5;;MA.STC;;;\r\n"
      "6;Quá trăm;MA.STC;;;101\r\n";
  const auto before = Snapshot();
  auto r = Import(office_, csv, d, "text/csv; charset=utf-8");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(r->ok);
  std::vector<std::string> got;
  for (const auto& e : r->errors) got.push_back(std::to_string(e.row) + " " + e.column);
  EXPECT_EQ(
      got, (std::vector<std::string>{"5 Thời hạn", "6 Đơn vị chủ trì", "7 Nhiệm vụ", "8 Tiến độ"}));
  EXPECT_EQ(r->imported, 0);
  EXPECT_EQ(Snapshot(), before);
}

// A deadline cell holding a number that is no date (NaN once became the year −5877711)
// is a row error, like any other wrong deadline.
TEST_P(ExcelImportTest, ANumberThatIsNoDateIsARowError) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  struct Case {
    const char* text;
    double serial;
    bool ok;
  } cases[] = {
      {"15/06/2026", 46188, true},  {"nan", nan, false},          {"inf", inf, false},
      {"-inf", -inf, false},        {"1e+300", 1e300, false},     {"-5", -5, false},
      {"31/12/1989", 32873, false}, {"01/01/2101", 73416, false},
  };
  sheets::Sheet sheet;
  sheet.rows.push_back({1, {{"STT"}, {"Nhiệm vụ"}, {"Đơn vị chủ trì"}, {"Thời hạn"}}});
  std::vector<int> want_bad;
  int row = 2;
  for (const auto& c : cases) {
    sheets::SheetCell deadline{c.text, c.serial, false, true};
    sheet.rows.push_back({row, {{"1"}, {"Việc"}, {"MA.STC"}, deadline}});
    if (!c.ok) want_bad.push_back(row);
    ++row;
  }
  auto parsed = ParseTaskSheet(sheet, *graph(), D("2026-01-15"));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  std::vector<int> bad;
  for (const auto& e : parsed->errors) {
    bad.push_back(e.row);
    EXPECT_EQ(e.column, "Thời hạn");
    EXPECT_EQ(e.message.rfind("Thời hạn không phải ngày hợp lệ", 0), 0u) << e.message;
  }
  EXPECT_EQ(bad, want_bad);
}

TEST_P(ExcelImportTest, ScopeIsCheckedPerRowAndForTheDirective) {
  const int64_t d = Directive("04/TB-UBND");
  const Principal stc_office = Person("vanphong.stc", Role::kOffice, stc_);
  const std::string csv = "STT,Nhiệm vụ,Đơn vị chủ trì\n1,Việc,MA.STC\n";
  const auto before = Snapshot();
  auto officer = Import(stc_officer_, csv, d, "text/csv");
  ASSERT_FALSE(officer.ok());
  EXPECT_EQ(officer.status().code(), StatusCode::kForbidden);
  EXPECT_EQ(Snapshot(), before);

  // An office whose scope is one department cannot give work to another.
  auto rows = Import(stc_office, "STT,Nhiệm vụ,Đơn vị chủ trì\n1,Việc,MA.SXD\n", d, "text/csv");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->errors.size(), 1u);
  EXPECT_EQ(rows->errors[0].row, 2);
  EXPECT_EQ(rows->errors[0].column, "Đơn vị chủ trì");
  EXPECT_EQ(Snapshot(), before);

  auto nowhere = Import(office_, csv, 999999, "text/csv");
  ASSERT_FALSE(nowhere.ok());
  EXPECT_EQ(nowhere.status().field(), "directive_id");
}

TEST_P(ExcelImportTest, DryRunChecksEverythingAndWritesNothing) {
  const int64_t d = Directive("05/TB-UBND");
  const std::string csv =
      "STT,Nhiệm vụ,Đơn vị chủ trì,Thời hạn\n1,Việc một,MA.STC,30/06/2026\nI,Nhóm,,\n"
      "2,Việc hai,MA.SXD,\n";
  const auto before = Snapshot();
  auto dry = Import(office_, csv, d, "text/csv", true);
  ASSERT_TRUE(dry.ok()) << dry.status().ToString();
  EXPECT_TRUE(dry->ok);
  EXPECT_EQ(dry->imported, 0);
  EXPECT_EQ(dry->valid_rows, 2);
  EXPECT_EQ(dry->groups_created, 1);
  EXPECT_EQ(Snapshot(), before);
  // The dry run did not record the file: the real import goes through.
  auto real = Import(office_, csv, d, "text/csv");
  ASSERT_TRUE(real.ok() && real->ok);
  EXPECT_EQ(real->imported, 2);
}

TEST_P(ExcelImportTest, IntoAGroupHeadingsNestBelowIt) {
  const int64_t d = Directive("08/TB-UBND");
  const int64_t g = Group(d, "Tăng cường giải ngân", 1);
  const std::string csv =
      "STT,Nhiệm vụ,Đơn vị chủ trì\n1,Việc trong nhóm,MA.STC\nI,Nhóm con,\n2,Việc trong nhóm "
      "con,MA.SXD\n";
  ImportRequest in;
  in.bytes = csv;
  in.content_type = "text/csv";
  in.directive_id = d;
  in.group_id = g;
  auto r = ImportTasks(svc(), *graph(), office_, in);
  ASSERT_TRUE(r.ok() && r->ok) << r.status().ToString();
  EXPECT_EQ(r->groups_created, 1);
  auto groups = svc().Groups(office_, d);
  ASSERT_TRUE(groups.ok());
  ASSERT_EQ(groups->size(), 2u);
  const TaskGroup& sub = groups->at(0).id == g ? groups->at(1) : groups->at(0);
  EXPECT_EQ(sub.title, "Nhóm con");
  EXPECT_EQ(sub.parent_id, g);
  EXPECT_EQ(Tasks(d),
            (std::vector<std::string>{
                "Việc trong nhóm | " + std::to_string(stc_) + " |  | - | 0% | Tăng cường giải ngân",
                "Việc trong nhóm con | " + std::to_string(sxd_) + " |  | - | 0% | Nhóm con"}));

  // A group of another directive is refused.
  const int64_t other = Directive("09/TB-UBND");
  in.directive_id = other;
  auto wrong = ImportTasks(svc(), *graph(), office_, in);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().field(), "group_id");
}

TEST_P(ExcelImportTest, WhatIsNotASpreadsheetIsRefusedByItsBytes) {
  const int64_t d = Directive("06/TB-UBND");
  const auto before = Snapshot();
  for (const std::string& bytes : {std::string("%PDF-1.4\n\xE2\xE3\xCF\xD3\n", 14),
                                   std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10),
                                   std::string("PK\x03\x04 not a zip")}) {
    auto r = Import(office_, bytes, d,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().error_code(), "unsupported_media_type") << r.status().ToString();
  }
  // Text sent as if it were an Excel file is not taken for CSV.
  auto text =
      Import(office_, "STT,Nhiệm vụ,Đơn vị chủ trì\n1,Việc,MA.STC\n", d, "application/json");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().error_code(), "unsupported_media_type");
  auto no_header = Import(office_, "Tên,Ngày\nx,y\n", d, "text/csv");
  ASSERT_FALSE(no_header.ok());
  EXPECT_EQ(no_header.status().error_code(), "no_header_row");
  auto empty = Import(office_, "STT,Nhiệm vụ,Đơn vị chủ trì\n", d, "text/csv");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().error_code(), "empty_import");
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(ExcelImportTest, AnOfficersExportHoldsOnlyWhatTheOfficerSees) {
  const int64_t d = Directive("07/TB-UBND");
  Task(d, std::nullopt, "Việc của Sở Tài chính", stc_, {}, D("2026-02-01"));
  Task(d, std::nullopt, "Việc Sở Tài chính phối hợp", sxd_, {stc_}, D("2026-02-01"));
  Task(d, std::nullopt, "Việc riêng của Sở Xây dựng", sxd_, {}, D("2026-02-01"));
  auto file = ExportTasks(svc(), *graph(), stc_officer_, TaskFilter{}, "");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->rows, 2);
  auto sheet = sheets::ReadXlsx(file->bytes);
  ASSERT_TRUE(sheet.ok());
  std::set<std::string> titles;
  for (const sheets::SheetRow& r : sheet->rows)
    if (r.number > 6) titles.insert(r.At(1)->text);
  EXPECT_EQ(titles, (std::set<std::string>{"Việc của Sở Tài chính", "Việc Sở Tài chính phối hợp"}));
  EXPECT_EQ(sheet->rows[1].At(0)->text, "Toàn bộ nhiệm vụ trong phạm vi theo dõi");

  // Filters as GET /tasks: the overdue ones of one unit, and the line that says so.
  clock().Advance(std::chrono::hours(24 * 30));
  auto overdue = ExportTasks(svc(), *graph(), office_,
                             TaskFilter{.unit_id = sxd_, .timeliness = Timeliness::kOverdue}, "");
  ASSERT_TRUE(overdue.ok());
  EXPECT_EQ(overdue->rows, 2);
  auto s2 = sheets::ReadXlsx(overdue->bytes);
  ASSERT_TRUE(s2.ok());
  EXPECT_EQ(s2->rows[1].At(0)->text, "Đơn vị: Sở Xây dựng; Tình trạng: Quá hạn");
}

INSTANTIATE_BOTH(ExcelImportTest);

}  // namespace
}  // namespace dh::tasks
