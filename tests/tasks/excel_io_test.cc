// Excel in and out without a database (the readers themselves: tests/sheets/): turning a sheet into
// tasks with a per-row error report, and writing the officials' table so that reading it back gives
// the same tasks.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "sheets/sheet.h"
#include "support/temp_files.h"
#include "tasks/task_excel.h"
#include "tasks/task_import.h"

namespace dh::tasks {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

using testing::ReadFile;
using testing::TempPath;

std::string Text(const sheets::Sheet& s, int excel_row, size_t col) {
  for (const sheets::SheetRow& r : s.rows)
    if (r.number == excel_row) return r.At(col) ? r.At(col)->text : "";
  return "<no row " + std::to_string(excel_row) + ">";
}

// ---- From a sheet to tasks --------------------------------------------------------------

class ParseSheetTest : public ::testing::Test {
 protected:
  ParseSheetTest()
      : graph_({{1, "MA", "Thành phố Minh An", "city", D("2020-01-01"), std::nullopt},
                {2, "MA.STC", "Sở Tài chính", "department", D("2020-01-01"), std::nullopt},
                {3, "MA.SXD", "Sở Xây dựng", "department", D("2020-01-01"), std::nullopt},
                {4, "MA.P.CU", "UBND phường Cũ", "ward", D("2020-01-01"), D("2025-06-30")},
                {5, "MA.P.A", "UBND phường An Bình", "ward", D("2020-01-01"), std::nullopt},
                {6, "MA.X.A", "UBND phường An Bình", "ward", D("2020-01-01"), std::nullopt}},
               {}, {}) {}

  Result<ParsedSheet> Parse(const std::string& csv) {
    auto s = sheets::ReadCsv(csv);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return ParseTaskSheet(*s, graph_, D("2026-01-15"));
  }

  static std::string Errors(const ParsedSheet& p) {
    std::string out;
    for (const auto& e : p.errors)
      out += std::to_string(e.row) + " " + e.column + ": " + e.message + "\n";
    return out;
  }

  units::UnitGraph graph_;
};

constexpr char kHeader[] =
    "STT,Nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Thời hạn,Tiến độ,Tình trạng,Ghi chú\n";

TEST_F(ParseSheetTest, FindsTheHeaderBelowTheTitleAndReadsEveryKindOfValue) {
  const std::string csv =
      std::string("DANH MỤC NHIỆM VỤ,,,,,,,\n") + "Số liệu đến ngày 15/01/2026,,,,,,,\n" +
      ",,,,,,,\n" +
      "stt,NHIEM VU,Don vi chu tri,\"Đơn vị\nphối hợp\",Thời hạn (ngày),Tiến độ (%),Tình trạng,\n" +
      "(1),(2),(3),(4),(5),(6),(7),(8)\n" +
      "1,Rà soát vốn,MA.STC,\"Sở Xây dựng; MA.P.A\",15/06/2026,45%,Quá hạn,ghi chú bỏ qua\n" +
      "2,Báo cáo tháng,sở tài chính,,Thường xuyên,\"45,5 %\",,\n" +
      "3,Chỉnh trang,so xay dung,\"MA.STC, MA.P.A\",2026-07-01,,,\n" +
      "4,Theo dõi,MA.SXD,,1-2-2026,100,,\n";
  auto p = Parse(csv);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_TRUE(p->errors.empty()) << Errors(*p);
  ASSERT_EQ(p->batch.items.size(), 4u);
  const auto& a = p->batch.items[0];
  EXPECT_EQ(a.row, 6);
  EXPECT_EQ(*a.input.title, "Rà soát vốn");
  EXPECT_EQ(*a.input.lead_unit_id, 2);
  EXPECT_EQ(*a.input.coordinator_ids, (std::vector<int64_t>{3, 5}));
  EXPECT_EQ(*a.input.deadline, D("2026-06-15"));
  EXPECT_EQ(a.progress_percent, 45);
  const auto& b = p->batch.items[1];
  EXPECT_EQ(*b.input.lead_unit_id, 2);  // by name, case aside
  EXPECT_FALSE(b.input.deadline);
  EXPECT_FALSE(b.input.coordinator_ids);
  EXPECT_EQ(b.progress_percent, 46);  // 45,5 % rounds
  const auto& c = p->batch.items[2];
  EXPECT_EQ(*c.input.lead_unit_id, 3);  // by name, diacritics aside
  EXPECT_EQ(*c.input.coordinator_ids, (std::vector<int64_t>{2, 5}));
  EXPECT_EQ(*c.input.deadline, D("2026-07-01"));
  EXPECT_EQ(c.progress_percent, 0);
  EXPECT_EQ(*p->batch.items[3].input.deadline, D("2026-02-01"));
  EXPECT_EQ(p->batch.items[3].progress_percent, 100);
}

TEST_F(ParseSheetTest, GroupHeadingsNest) {
  const std::string csv = std::string(kHeader) + "1,Không thuộc nhóm,MA.STC,,,,,\n" +
                          "I,Tăng cường giải ngân,,,,,,\n" + "2,Việc một,MA.STC,,,,,\n" +
                          "I.1,Nhóm con,,,,,,\n" + "3,Việc hai,MA.SXD,,,,,\n" +
                          "II.,Chuyển đổi số,,,,,,\n" + "4,Việc ba,MA.SXD,,,,,\n";
  auto p = Parse(csv);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_TRUE(p->errors.empty()) << Errors(*p);
  ASSERT_EQ(p->batch.headings.size(), 3u);
  EXPECT_EQ(p->batch.headings[0].title, "Tăng cường giải ngân");
  EXPECT_EQ(p->batch.headings[0].parent, -1);
  EXPECT_EQ(p->batch.headings[1].title, "Nhóm con");
  EXPECT_EQ(p->batch.headings[1].parent, 0);
  EXPECT_EQ(p->batch.headings[2].parent, -1);
  ASSERT_EQ(p->batch.items.size(), 4u);
  EXPECT_EQ(p->batch.items[0].heading, -1);
  EXPECT_EQ(p->batch.items[1].heading, 0);
  EXPECT_EQ(p->batch.items[2].heading, 1);
  EXPECT_EQ(p->batch.items[3].heading, 2);
}

TEST_F(ParseSheetTest, ReportsEveryBadCellWithItsRowAndColumn) {
  const std::string csv = std::string(kHeader) +                                // row 1
                          "1,Việc đúng,MA.STC,,15/06/2026,10,,\n" +             // row 2
                          "2,Đơn vị lạ,Sở Không Có,,,,,\n" +                    // row 3
                          "3,Ngày không có,MA.STC,,31/02/2026,,,\n" +           // row 4
                          "4,,MA.STC,,,,,\n" +                                  // row 5
                          "5,Quá trăm,MA.STC,,,150%,,\n" +                      // row 6
                          "6,Nhiều lỗi,,MA.STC; MA.STC,hôm qua,abc,,\n" +       // row 7
                          "7,Đơn vị đã giải thể,MA.P.CU,,,,,\n" +               // row 8
                          "8,Tên trùng,UBND phường An Bình,,13/13/2026,,,\n" +  // row 9
                          "9,Tự phối hợp,MA.STC,Sở Tài chính,,,,\n";            // row 10
  auto p = Parse(csv);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  std::vector<std::pair<int, std::string>> where;
  for (const auto& e : p->errors) where.push_back({e.row, e.column});
  const std::vector<std::pair<int, std::string>> want = {
      {3, "Đơn vị chủ trì"}, {4, "Thời hạn"},        {5, "Nhiệm vụ"}, {6, "Tiến độ"},
      {7, "Đơn vị chủ trì"}, {7, "Đơn vị phối hợp"}, {7, "Thời hạn"}, {7, "Tiến độ"},
      {8, "Đơn vị chủ trì"}, {9, "Đơn vị chủ trì"},  {9, "Thời hạn"}, {10, "Đơn vị phối hợp"}};
  EXPECT_EQ(where, want) << Errors(*p);
  auto message = [&](int row, const std::string& col) {
    for (const auto& e : p->errors)
      if (e.row == row && e.column == col) return e.message;
    return std::string();
  };
  EXPECT_NE(message(3, "Đơn vị chủ trì").find("Không tìm thấy đơn vị “Sở Không Có”"),
            std::string::npos);
  EXPECT_EQ(message(4, "Thời hạn"), "Ngày 31/02/2026 không có (tháng 2 năm 2026 có 28 ngày).");
  EXPECT_EQ(message(5, "Nhiệm vụ"), "Thiếu tên nhiệm vụ.");
  EXPECT_NE(message(6, "Tiến độ").find("ngoài khoảng 0–100%"), std::string::npos);
  EXPECT_NE(message(8, "Đơn vị chủ trì").find("đã kết thúc hoạt động từ 01/07/2025"),
            std::string::npos);
  EXPECT_NE(message(9, "Đơn vị chủ trì").find("Có 2 đơn vị cùng tên"), std::string::npos);
  EXPECT_NE(message(9, "Thời hạn").find("tháng phải từ 1 đến 12"), std::string::npos);
  ASSERT_EQ(p->batch.items.size(), 1u);  // only the good row became a task
  EXPECT_EQ(p->batch.items[0].row, 2);
}

TEST_F(ParseSheetTest, WithoutTheRequiredColumnsThereIsNoHeader) {
  auto p = Parse("STT,Tên,Ngày\n1,x,y\n");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().error_code(), "no_header_row");
}

// ---- Writing ----------------------------------------------------------------------------

// Three tasks, one outside any group, one under a heading and one under a sub-heading.
void WriteThreeTasks(const std::string& path) {
  auto w = TaskSheetWriter::Create(
      path,
      {"DANH MỤC NHIỆM VỤ", "Thực hiện Thông báo kết luận số 45/TB-UBND", D("2026-01-15"), 3});
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  ASSERT_TRUE((*w)->Row({1, "Việc không thuộc nhóm", "Sở Tài chính", "", "", std::nullopt, 0,
                         Timeliness::kNoDeadline})
                  .ok());
  ASSERT_TRUE((*w)->Heading("I", "Tăng cường giải ngân vốn đầu tư công").ok());
  ASSERT_TRUE((*w)->Row({2, "Rà soát, điều chuyển vốn \"chậm\" giải ngân", "Sở Tài chính",
                         "Sở Xây dựng; Thành phố Minh An", "Hạn ban đầu 15/12/2025, đã gia hạn.",
                         D("2026-02-14"), 45, Timeliness::kInTime, D("2026-01-05")})
                  .ok());
  ASSERT_TRUE((*w)->Heading("I.1", "Nhóm con").ok());
  ASSERT_TRUE(
      (*w)->Row({3, "Báo cáo", "Sở Xây dựng", "", "", D("2025-12-31"), 100, Timeliness::kDoneLate})
          .ok());
  ASSERT_TRUE((*w)->Finish().ok());
}

TEST(TaskSheetWriter, ReadsBackAsTheSameTasks) {
  const units::UnitGraph g(
      {{1, "MA", "Thành phố Minh An", "city", D("2020-01-01"), std::nullopt},
       {2, "MA.STC", "Sở Tài chính", "department", D("2020-01-01"), std::nullopt},
       {3, "MA.SXD", "Sở Xây dựng", "department", D("2020-01-01"), std::nullopt}},
      {}, {});
  const std::string path = TempPath("out.xlsx");
  WriteThreeTasks(path);
  ASSERT_FALSE(HasFatalFailure());
  const std::string bytes = ReadFile(path);
  std::remove(path.c_str());
  ASSERT_EQ(sheets::SniffUpload(bytes), sheets::UploadKind::kXlsx);
  auto sheet = sheets::ReadXlsx(bytes);
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  EXPECT_EQ(sheet->name, "Nhiệm vụ");
  EXPECT_EQ(Text(*sheet, 1, 0), "DANH MỤC NHIỆM VỤ");
  EXPECT_EQ(Text(*sheet, 3, 0), "Số liệu đến ngày 15/01/2026. Tổng số: 3 nhiệm vụ.");
  for (size_t c = 0; c < std::size(kExcelColumns); ++c)
    EXPECT_EQ(Text(*sheet, 5, c), kExcelColumns[c]);
  EXPECT_EQ(Text(*sheet, 6, 0), "(1)");
  EXPECT_EQ(Text(*sheet, 7, 5), "Thường xuyên");
  EXPECT_EQ(Text(*sheet, 8, 0), "I");
  const sheets::SheetRow* task = nullptr;
  for (const sheets::SheetRow& r : sheet->rows)
    if (r.number == 9) task = &r;
  ASSERT_TRUE(task);
  EXPECT_TRUE(task->At(4)->date);  // the start date (ngày giao)
  EXPECT_EQ(*task->At(4)->number, sheets::ExcelSerial(D("2026-01-05").days()));
  EXPECT_TRUE(task->At(5)->date);  // a real date, shown dd/mm/yyyy
  EXPECT_EQ(*task->At(5)->number, sheets::ExcelSerial(D("2026-02-14").days()));
  EXPECT_TRUE(task->At(6)->percent);
  EXPECT_DOUBLE_EQ(*task->At(6)->number, 0.45);
  EXPECT_EQ(task->At(7)->text, "Trong hạn");
  EXPECT_EQ(task->At(8)->text, "Hạn ban đầu 15/12/2025, đã gia hạn.");

  auto parsed = ParseTaskSheet(*sheet, g, D("2026-01-15"));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ASSERT_TRUE(parsed->errors.empty()) << parsed->errors[0].row << " " << parsed->errors[0].message;
  ASSERT_EQ(parsed->batch.headings.size(), 2u);
  EXPECT_EQ(parsed->batch.headings[1].parent, 0);
  ASSERT_EQ(parsed->batch.items.size(), 3u);
  const auto& it = parsed->batch.items[1];
  EXPECT_EQ(*it.input.title, "Rà soát, điều chuyển vốn \"chậm\" giải ngân");
  EXPECT_EQ(*it.input.lead_unit_id, 2);
  EXPECT_EQ(*it.input.coordinator_ids, (std::vector<int64_t>{3, 1}));
  EXPECT_EQ(*it.input.deadline, D("2026-02-14"));
  EXPECT_EQ(*it.input.start_on, D("2026-01-05"));
  EXPECT_FALSE(parsed->batch.items[0].input.start_on);  // empty cell: the day of the import
  EXPECT_EQ(it.progress_percent, 45);
  EXPECT_EQ(it.heading, 0);
  EXPECT_FALSE(parsed->batch.items[0].input.deadline);
  EXPECT_EQ(parsed->batch.items[0].heading, -1);
  EXPECT_EQ(parsed->batch.items[2].heading, 1);
  EXPECT_EQ(parsed->batch.items[2].progress_percent, 100);
}

// 100 000 rows go to disk as they come; the file reads back whole.
TEST(TaskSheetWriter, WritesAHundredThousandRows) {
  const std::string path = TempPath("big.xlsx");
  constexpr int kRows = 100000;
  {
    auto w =
        TaskSheetWriter::Create(path, {"DANH MỤC NHIỆM VỤ", "Toàn quốc", D("2026-01-15"), kRows});
    ASSERT_TRUE(w.ok());
    for (int i = 1; i <= kRows; ++i)
      ASSERT_TRUE((*w)->Row({i, "Nhiệm vụ số " + std::to_string(i), "Sở Tài chính", "", "",
                             D("2026-01-01").AddDays(i % 365), i % 101, Timeliness::kInTime})
                      .ok());
    ASSERT_TRUE((*w)->Finish().ok());
  }
  const std::string bytes = ReadFile(path);
  std::remove(path.c_str());
  auto sheet = sheets::ReadXlsx(bytes, sheets::ReadLimits{.max_rows = kRows + 10});
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  ASSERT_EQ(sheet->rows.size(), static_cast<size_t>(kRows + 5));
  EXPECT_EQ(sheet->rows.back().At(1)->text, "Nhiệm vụ số 100000");
  EXPECT_EQ(sheet->rows.back().number, kRows + 6);
}

TEST(TaskSheetWriter, AnUnfinishedFileIsRemoved) {
  const std::string path = TempPath("unfinished.xlsx");
  {
    auto w = TaskSheetWriter::Create(path, {"DANH MỤC NHIỆM VỤ", "", D("2026-01-15"), 0});
    ASSERT_TRUE(w.ok());
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(TimelinessLabel, InVietnamese) {
  EXPECT_EQ(TimelinessLabel(Timeliness::kInTime), "Trong hạn");
  EXPECT_EQ(TimelinessLabel(Timeliness::kDueSoon), "Sắp đến hạn");
  EXPECT_EQ(TimelinessLabel(Timeliness::kOverdue), "Quá hạn");
  EXPECT_EQ(TimelinessLabel(Timeliness::kDoneOnTime), "Hoàn thành đúng hạn");
  EXPECT_EQ(TimelinessLabel(Timeliness::kDoneLate), "Hoàn thành quá hạn");
  EXPECT_EQ(TimelinessLabel(Timeliness::kNoDeadline), "Thường xuyên");
}

}  // namespace
}  // namespace dh::tasks
