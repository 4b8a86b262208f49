// The table writer in the officials' layout: a table declared by its columns (text, whole
// numbers, money, dates, percentages, a status in colour, totals) is written, unpacked and
// read back with our own reader: the title block, the headings and their numbers, each kind
// of cell with its number format, the totals row as formulas holding the exact sums, the
// frozen heading rows, A4 landscape, and no file left behind when unfinished.
#include "sheets/table_writer.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>

#include "sheets/sheet.h"
#include "support/temp_files.h"

namespace dh::sheets {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

// One part of the .xlsx as text; "" when it is not there.
std::string Part(const std::string& bytes, const char* name) {
  zip_error_t error;
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (!z) return "";
  std::string out;
  zip_stat_t st;
  if (zip_stat(z, name, 0, &st) == 0) {
    zip_file_t* f = zip_fopen(z, name, 0);
    out.resize(st.size);
    zip_fread(f, out.data(), st.size);
    zip_fclose(f);
  }
  zip_close(z);
  return out;
}

const SheetRow* RowNumbered(const Sheet& s, int number) {
  for (const SheetRow& r : s.rows)
    if (r.number == number) return &r;
  return nullptr;
}

std::vector<TableColumn> Columns() {
  return {{"STT", CellKind::kInteger, 5, true},
          {"Dự án", CellKind::kText, 40},
          {"Kế hoạch vốn (đồng)", CellKind::kMoney, 18, false, true},
          {"Đã giải ngân (đồng)", CellKind::kMoney, 18, false, true},
          {"Ngày", CellKind::kDate, 12, true},
          {"Tỷ lệ", CellKind::kPercent, 9, true, false, "0.0%"},
          {"Tình trạng", CellKind::kText, 14, true}};
}

// Two projects under one heading, the second with text in a date column and empty cells.
Result<std::string> TwoProjects() {
  const Colour late{0xF6D7D2, 0x8D1F0D};
  return TableBytes({"BÁO CÁO GIẢI NGÂN", "Vốn ngân sách tỉnh năm 2026",
                     "Số liệu đến ngày 15/06/2026.", "Giải ngân"},
                    Columns(), [&](TableWriter& w) -> Status {
                      DH_RETURN_IF_ERROR(w.Heading("I", "Giao thông"));
                      DH_RETURN_IF_ERROR(w.Row({{int64_t{1}},
                                                {std::string("Cầu Bắc Sơn")},
                                                {int64_t{12'000'000'000}},
                                                {int64_t{9'876'543'210}},
                                                {D("2026-06-15")},
                                                {0.823},
                                                {std::string("Chậm"), late}}));
                      return w.Row({{int64_t{2}},
                                    {std::string("Đường vành đai")},
                                    {int64_t{1'000'000'001}},
                                    {int64_t{0}},
                                    {std::string("Chưa có")},
                                    {},
                                    {std::string("")}});
                    });
}

// The totals as formulas, frozen headings, A4 landscape, widths, number formats, fills, and
// the headings repeated on each printed page.
void ExpectPrintLayout(const std::string& bytes) {
  const std::string xml = Part(bytes, "xl/worksheets/sheet1.xml");
  EXPECT_NE(xml.find("<f>SUM(C7:C9)</f>"), std::string::npos) << xml.substr(0, 400);
  EXPECT_NE(xml.find("ySplit=\"6\""), std::string::npos);     // headings frozen
  EXPECT_NE(xml.find("paperSize=\"9\""), std::string::npos);  // A4
  EXPECT_NE(xml.find("orientation=\"landscape\""), std::string::npos);
  EXPECT_NE(xml.find("<col min=\"2\" max=\"2\" width=\"40.7"), std::string::npos);
  const std::string styles = Part(bytes, "xl/styles.xml");
  for (const char* f : {"#,##0", "dd/mm/yyyy", "0.0%", "FFF6D7D2"})
    EXPECT_NE(styles.find(f), std::string::npos) << f;
  const std::string workbook = Part(bytes, "xl/workbook.xml");
  EXPECT_NE(workbook.find("_xlnm.Print_Titles"), std::string::npos);  // headings on each page
}

TEST(TableWriter, OfficialsLayoutReadsBack) {
  auto bytes = TwoProjects();
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  ASSERT_EQ(SniffUpload(*bytes), UploadKind::kXlsx);
  auto sheet = ReadXlsx(*bytes);
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  EXPECT_EQ(sheet->name, "Giải ngân");

  const SheetRow* r = RowNumbered(*sheet, 1);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->At(0)->text, "BÁO CÁO GIẢI NGÂN");
  EXPECT_EQ(RowNumbered(*sheet, 2)->At(0)->text, "Vốn ngân sách tỉnh năm 2026");
  EXPECT_EQ(RowNumbered(*sheet, 3)->At(0)->text, "Số liệu đến ngày 15/06/2026.");
  const auto columns = Columns();
  for (size_t c = 0; c < columns.size(); ++c) {
    EXPECT_EQ(RowNumbered(*sheet, 5)->At(c)->text, columns[c].heading);
    EXPECT_EQ(RowNumbered(*sheet, 6)->At(c)->text, "(" + std::to_string(c + 1) + ")");
  }
  EXPECT_EQ(RowNumbered(*sheet, 7)->At(0)->text, "I");
  EXPECT_EQ(RowNumbered(*sheet, 7)->At(1)->text, "Giao thông");

  r = RowNumbered(*sheet, 8);
  ASSERT_TRUE(r);
  EXPECT_EQ(*r->At(0)->number, 1);
  EXPECT_EQ(*r->At(2)->number, 12'000'000'000.0);
  EXPECT_TRUE(r->At(4)->date);
  EXPECT_EQ(*r->At(4)->number, ExcelSerial(D("2026-06-15").days()));
  EXPECT_TRUE(r->At(5)->percent);
  EXPECT_DOUBLE_EQ(*r->At(5)->number, 0.823);
  EXPECT_EQ(r->At(6)->text, "Chậm");
  r = RowNumbered(*sheet, 9);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->At(4)->text, "Chưa có");  // text where the column holds dates

  r = RowNumbered(*sheet, 10);  // totals: exact sums, kept as formulas
  ASSERT_TRUE(r);
  EXPECT_EQ(r->At(0)->text, "Tổng cộng");
  EXPECT_EQ(*r->At(2)->number, 13'000'000'001.0);
  EXPECT_EQ(*r->At(3)->number, 9'876'543'210.0);
  EXPECT_FALSE(r->At(4) && r->At(4)->number);

  ExpectPrintLayout(*bytes);
}

TEST(TableWriter, WithoutTotalsNoTotalsRowAndAnUnfinishedFileIsRemoved) {
  auto bytes = TableBytes({"DANH SÁCH", "", ""}, {{"Tên", CellKind::kText, 30}},
                          [](TableWriter& w) { return w.Row({{std::string("Một")}}); });
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto sheet = ReadXlsx(*bytes);
  ASSERT_TRUE(sheet.ok());
  EXPECT_EQ(sheet->rows.back().number, 7);
  EXPECT_EQ(sheet->rows.back().At(0)->text, "Một");

  const std::string path = testing::TempPath("unfinished-table.xlsx");
  {
    auto w = TableWriter::Create(path, {"DANH SÁCH", "", ""}, Columns());
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->Row({{int64_t{1}}}).ok());
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  // Whatever fails while filling leaves no temporary file and says why.
  auto failed = TableBytes({"X", "", ""}, Columns(),
                           [](TableWriter&) { return Status::Internal("stopped"); });
  EXPECT_EQ(failed.status().message(), "stopped");
}

}  // namespace
}  // namespace dh::sheets
