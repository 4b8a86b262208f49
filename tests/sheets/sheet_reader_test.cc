// The sheet readers on what offices send and what attackers send: .xlsx (shared and inline
// strings, numbers, dates, percentages, title rows) and CSV (BOM, separators, quotes,
// encodings), then hostile workbooks — a value in the last column, millions of cells, a
// sheet that inflates past its bound, entity expansion — each refused with its message and
// without holding more than the limits allow.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/date.h"
#include "sheets/sheet.h"
#include "support/temp_files.h"

namespace dh::sheets {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

using testing::ReadFile;
using testing::TempPath;

// A workbook written by libxlsxwriter as another program would: shared strings (or inline
// ones in constant-memory mode), a merged title, dates and percentages by number format.
struct Cell {
  int row, col;
  std::string text;
  std::optional<double> number;
  const char* format = nullptr;  // a number format
};
std::string MakeXlsx(const std::vector<Cell>& cells, bool constant_memory = false,
                     const char* sheet = "Sheet1") {
  const std::string path = TempPath("in.xlsx");
  lxw_workbook_options options{};
  options.constant_memory = constant_memory;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet);
  for (const Cell& c : cells) {
    lxw_format* f = nullptr;
    if (c.format) {
      f = workbook_add_format(wb);
      format_set_num_format(f, c.format);
    }
    if (c.number)
      worksheet_write_number(ws, c.row, c.col, *c.number, f);
    else if (c.text.rfind("merge:", 0) == 0)
      worksheet_merge_range(ws, c.row, 0, c.row, 7, c.text.substr(6).c_str(), nullptr);
    else
      worksheet_write_string(ws, c.row, c.col, c.text.c_str(), f);
  }
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::string bytes = ReadFile(path);
  std::remove(path.c_str());
  return bytes;
}

std::string Text(const Sheet& s, int excel_row, size_t col) {
  for (const SheetRow& r : s.rows)
    if (r.number == excel_row) return r.At(col) ? r.At(col)->text : "";
  return "<no row " + std::to_string(excel_row) + ">";
}

// ---- Sniffing ---------------------------------------------------------------------------

TEST(SniffUpload, TellsKindsByContentNotName) {
  EXPECT_EQ(SniffUpload(MakeXlsx({{0, 0, "x"}})), UploadKind::kXlsx);
  EXPECT_EQ(SniffUpload(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0", 11)),
            UploadKind::kXls);
  EXPECT_EQ(SniffUpload("STT,Nhiệm vụ,Đơn vị chủ trì\r\n1,Việc,MA.STC\r\n"), UploadKind::kCsv);
  EXPECT_EQ(SniffUpload("\xEF\xBB\xBFSTT;Nhiệm vụ\n"), UploadKind::kCsv);
  EXPECT_EQ(SniffUpload(std::string("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\0", 24)),
            UploadKind::kUnknown);
  EXPECT_EQ(SniffUpload(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)), UploadKind::kUnknown);
  EXPECT_EQ(SniffUpload("Nhi\xEAm v\xF9"), UploadKind::kCsv);  // 8-bit text: ReadCsv explains
  EXPECT_EQ(SniffUpload(""), UploadKind::kUnknown);
}

// ---- .xlsx ------------------------------------------------------------------------------

TEST(ReadXlsx, SharedStringsNumbersDatesPercentagesAndTitleRows) {
  const std::string bytes = MakeXlsx({
      {0, 0, "merge:DANH MỤC NHIỆM VỤ"},
      {3, 0, "STT"},
      {3, 1, "Nhiệm vụ"},
      {3, 4, "Thời hạn"},
      {4, 0, "", 1.0},
      {4, 1, "Rà soát, điều chuyển vốn"},
      {4, 4, "", 46188.0, "dd/mm/yyyy"},  // 15/06/2026
      {4, 5, "", 0.45, "0%"},
      {4, 6, "", 12.5},
      {6, 1, "  có khoảng trắng  "},
  });
  auto sheet = ReadXlsx(bytes);
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  EXPECT_EQ(sheet->name, "Sheet1");
  ASSERT_EQ(sheet->rows.size(), 4u);
  EXPECT_EQ(sheet->rows[0].number, 1);
  EXPECT_EQ(Text(*sheet, 1, 0), "DANH MỤC NHIỆM VỤ");
  EXPECT_EQ(Text(*sheet, 4, 1), "Nhiệm vụ");
  const SheetRow& r = sheet->rows[2];
  EXPECT_EQ(r.number, 5);  // blank rows 2, 3 and 6 are left out, numbers stay Excel's
  EXPECT_EQ(r.At(0)->text, "1");
  ASSERT_TRUE(r.At(4)->number);
  EXPECT_TRUE(r.At(4)->date);
  EXPECT_EQ(Date::FromSerial(*r.At(4)->number), D("2026-06-15"));
  EXPECT_TRUE(r.At(5)->percent);
  EXPECT_DOUBLE_EQ(*r.At(5)->number, 0.45);
  EXPECT_FALSE(r.At(6)->percent || r.At(6)->date);
  EXPECT_EQ(r.At(6)->text, "12.5");
  EXPECT_EQ(Text(*sheet, 7, 1), "  có khoảng trắng  ");
}

TEST(ReadXlsx, InlineStringsOfConstantMemoryWriters) {
  auto sheet =
      ReadXlsx(MakeXlsx({{0, 0, "Thành phố"}, {0, 2, "Sở Tài chính"}, {2, 1, "", 3.0}}, true));
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  ASSERT_EQ(sheet->rows.size(), 2u);
  EXPECT_EQ(Text(*sheet, 1, 0), "Thành phố");
  EXPECT_EQ(Text(*sheet, 1, 1), "");
  EXPECT_EQ(Text(*sheet, 1, 2), "Sở Tài chính");
  EXPECT_EQ(Text(*sheet, 3, 1), "3");
}

TEST(ReadXlsx, RefusesWhatIsNotAWorkbook) {
  // A ZIP that is not a workbook (a Word file has word/document.xml instead).
  const std::string path = TempPath("not.zip");
  {
    lxw_workbook* wb = workbook_new(path.c_str());  // a real ZIP…
    workbook_add_worksheet(wb, nullptr);
    workbook_close(wb);
  }
  std::string zip = ReadFile(path);
  std::remove(path.c_str());
  for (size_t at = zip.find("xl/workbook.xml"); at != std::string::npos;
       at = zip.find("xl/workbook.xml", at))
    zip.replace(at, 15, "xl/wurkbook.xml");  // …without its workbook part
  auto r = ReadXlsx(zip);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnsupportedMediaType);

  auto garbage = ReadXlsx(std::string("PK\x03\x04") + "garbage that is not a zip");
  ASSERT_FALSE(garbage.ok());
  EXPECT_EQ(garbage.status().code(), StatusCode::kUnsupportedMediaType);
}

TEST(ReadXlsx, StopsAtTheRowLimit) {
  std::vector<Cell> cells;
  for (int i = 0; i < 12; ++i) cells.push_back({i, 0, "x"});
  auto r = ReadXlsx(MakeXlsx(cells), ReadLimits{.max_rows = 10});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kPayloadTooLarge);
}

// ---- CSV --------------------------------------------------------------------------------

TEST(ReadCsv, BomSemicolonsQuotesAndLinesInsideQuotes) {
  const std::string csv =
      "\xEF\xBB\xBF"
      "STT;Nhiệm vụ;Đơn vị chủ trì\r\n"
      "1;\"Rà soát; điều chuyển vốn\";MA.STC\r\n"
      "\r\n"
      "2;\"Báo cáo \"\"giải ngân\"\"\nhằng tháng\";Sở Tài chính\r\n"
      "3; Khoảng trắng ngoài ngoặc ;MA.SXD";
  auto s = ReadCsv(csv);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->rows.size(), 4u);
  EXPECT_EQ(Text(*s, 1, 0), "STT");  // the BOM is gone
  EXPECT_EQ(Text(*s, 2, 1), "Rà soát; điều chuyển vốn");
  EXPECT_EQ(Text(*s, 4, 1), "Báo cáo \"giải ngân\"\nhằng tháng");
  EXPECT_EQ(Text(*s, 4, 2), "Sở Tài chính");
  // One record per row, as a spreadsheet numbers them, whatever the lines inside quotes.
  EXPECT_EQ(Text(*s, 5, 1), "Khoảng trắng ngoài ngoặc");
  EXPECT_EQ(Text(*s, 5, 2), "MA.SXD");
}

TEST(ReadCsv, CommasAndLoneCarriageReturns) {
  auto s = ReadCsv("a,b,c\r1,\"x, y\",3\r");
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(s->rows.size(), 2u);
  EXPECT_EQ(Text(*s, 2, 1), "x, y");
  EXPECT_EQ(Text(*s, 2, 2), "3");
}

TEST(ReadCsv, RefusesUnclosedQuotesAndOtherEncodings) {
  auto open = ReadCsv("STT,Nhiệm vụ\n1,\"chưa đóng\n2,x\n");
  ASSERT_FALSE(open.ok());
  EXPECT_EQ(open.status().error_code(), "bad_csv");
  EXPECT_NE(open.status().message().find("Dòng 2"), std::string::npos) << open.status().message();
  auto latin = ReadCsv("STT,Nhi\xEAm v\xF9\n");
  ASSERT_FALSE(latin.ok());
  EXPECT_EQ(latin.status().error_code(), "not_utf8");
}

// ---- Hostile workbooks ------------------------------------------------------------------

// A ZIP of the given parts (name → bytes), deflated, as an attacker builds it by hand.
std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& parts) {
  const std::string path = TempPath("hostile.zip");
  std::remove(path.c_str());
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, bytes] : parts) {
    zip_source_t* src = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
    EXPECT_GE(zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8), 0);
  }
  EXPECT_EQ(zip_close(z), 0);
  std::string out = ReadFile(path);
  std::remove(path.c_str());
  return out;
}

constexpr char kWorkbook[] =
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

std::string Workbook(const std::string& sheet_data, const std::string& shared = "") {
  std::vector<std::pair<std::string, std::string>> parts = {
      {"xl/workbook.xml", kWorkbook},
      {"xl/worksheets/sheet1.xml",
       "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
       "<sheetData>" +
           sheet_data + "</sheetData></worksheet>"}};
  if (!shared.empty()) parts.push_back({"xl/sharedStrings.xml", shared});
  return MakeZip(parts);
}

std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Hostile or broken workbooks, each with the code, error code and a word of the message it
// is refused with under small limits.
struct HostileCase {
  const char* why;
  std::string bytes;
  StatusCode code;
  std::string error_code;
  std::string message_has;
};
std::vector<HostileCase> HostileWorkbooks() {
  return {
      {"a value in the last column (XFD) is not expanded into 16 384 cells",
       Workbook("<row r=\"1\"><c r=\"XFD1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"),
       StatusCode::kInvalidInput, "too_many_columns", "XFD1"},
      {"a value just past the last column allowed (IW = 257th)",
       Workbook("<row r=\"1\"><c r=\"IW1\"><v>1</v></c></row>"), StatusCode::kInvalidInput,
       "too_many_columns", "IW1"},
      {"a reference past Excel's last column",
       Workbook("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>"), StatusCode::kInvalidInput,
       "bad_xlsx", "XFE1"},
      {"more cells than the limit, empty ones before values counted",
       Workbook(Repeat("<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c><c><v>4</v></c>"
                       "<c><v>5</v></c><c><v>6</v></c></row>",
                       900)),
       StatusCode::kPayloadTooLarge, "payload_too_large", "5.000"},
      {"more rows than the limit", Workbook(Repeat("<row><c><v>1</v></c></row>", 1001)),
       StatusCode::kPayloadTooLarge, "payload_too_large", "1.000"},
      {"a sheet that inflates past its bound", Workbook(Repeat("<row><c s=\"1\"/></row>", 300000)),
       StatusCode::kPayloadTooLarge, "payload_too_large", "MiB"},
      {"shared strings over the text budget",
       Workbook(
           "<row><c t=\"s\"><v>0</v></c></row>",
           "<sst>" + Repeat("<si><t>" + std::string(1000, 'a') + "</t></si>", 1100) + "</sst>"),
       StatusCode::kPayloadTooLarge, "payload_too_large", "chữ"},
      {"one shared string used by many cells counts each time",
       Workbook(Repeat("<row><c t=\"s\"><v>0</v></c></row>", 900),
                "<sst><si><t>" + std::string(2000, 'b') + "</t></si></sst>"),
       StatusCode::kPayloadTooLarge, "payload_too_large", "chữ"},
      {"entity expansion (a DOCTYPE) is refused before it starts",
       MakeZip({{"xl/workbook.xml", kWorkbook},
                {"xl/worksheets/sheet1.xml",
                 "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
                 "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                 "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol2;</t></is>"
                 "</c></row></sheetData></worksheet>"}}),
       StatusCode::kInvalidInput, "bad_xlsx", "DOCTYPE"},
      {"a number cell that is no number", Workbook("<row><c r=\"B1\"><v>12abc</v></c></row>"),
       StatusCode::kInvalidInput, "bad_xlsx", "B1"},
      {"a shared string index out of range", Workbook("<row><c t=\"s\"><v>7</v></c></row>"),
       StatusCode::kInvalidInput, "bad_xlsx", "A1"},
      {"rows out of order", Workbook("<row r=\"5\"><c><v>1</v></c></row><row r=\"2\"/>"),
       StatusCode::kInvalidInput, "bad_xlsx", "dòng 2"},
      {"a sheet name that is not UTF-8 (it is quoted in messages)",
       MakeZip(
           {{"xl/workbook.xml",
             "<workbook><sheets><sheet name=\"Trang \xD6\" sheetId=\"1\"/></sheets></workbook>"},
            {"xl/worksheets/sheet9.xml", "<worksheet/>"}}),
       StatusCode::kInvalidInput, "bad_xlsx", "UTF-8"},
      {"broken XML", Workbook("<row><c><v>1</v></row>"), StatusCode::kInvalidInput, "bad_xlsx",
       "XML"},
  };
}

TEST(HostileXlsx, EachIsRefusedWithItsReason) {
  const ReadLimits small{
      .max_part_bytes = 4u << 20, .max_rows = 1000, .max_cells = 5000, .max_text_bytes = 1u << 20};
  for (const auto& c : HostileWorkbooks()) {
    auto r = ReadXlsx(c.bytes, small);
    ASSERT_FALSE(r.ok()) << c.why;
    EXPECT_EQ(r.status().code(), c.code) << c.why << ": " << r.status().ToString();
    EXPECT_EQ(r.status().error_code(), c.error_code) << c.why << ": " << r.status().ToString();
    EXPECT_NE(r.status().message().find(c.message_has), std::string::npos)
        << c.why << ": " << r.status().message();
  }
}

TEST(HostileXlsx, NonFiniteNumbersBecomeTheirTextForTheImporterToReport) {
  auto r = ReadXlsx(Workbook("<row><c><v>nan</v></c><c><v>-inf</v></c><c><v>1e300</v></c></row>"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const SheetRow& row = r->rows[0];
  EXPECT_FALSE(row.At(0)->number);
  EXPECT_EQ(row.At(0)->text, "nan");
  EXPECT_FALSE(row.At(1)->number);
  EXPECT_EQ(row.At(1)->text, "-inf");
  ASSERT_TRUE(row.At(2)->number);  // finite, however far from any date
}

TEST(HostileXlsx, FormattingWithoutValuesHoldsNothing) {
  // A styled but empty cell in XFD (a border dragged across the sheet) is not a value.
  auto r = ReadXlsx(Workbook("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"XFD1\" s=\"3\"/></row>" +
                             Repeat("<row><c r=\"XFD2\" s=\"1\"/></row>", 1)));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->rows.size(), 1u);
  EXPECT_EQ(r->rows[0].cells.size(), 1u);
}

TEST(HostileXlsx, PrefixedNamespacesAndPhoneticRunsAreRead) {
  // Some writers (the .NET SDK) prefix every element; phonetic hints are not text.
  auto r = ReadXlsx(MakeZip(
      {{"xl/workbook.xml", kWorkbook},
       {"xl/worksheets/sheet1.xml",
        "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<x:sheetData><x:row r=\"2\"><x:c r=\"B2\" t=\"inlineStr\"><x:is><x:r><x:t>Sở </x:t></x:r>"
        "<x:r><x:t>Tài chính</x:t></x:r><x:rPh><x:t>ignored</x:t></x:rPh></x:is></x:c>"
        "</x:row></x:sheetData></x:worksheet>"}}));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Text(*r, 2, 1), "Sở Tài chính");
  // Namespace declarations are no attributes: xmlns:r is not the row's number, xmlns:t not
  // the cell's type (the reader strips prefixes itself, without expat's namespace pass).
  auto declared = ReadXlsx(Workbook(
      "<row xmlns:r=\"urn:r\" r=\"3\"><c xmlns:t=\"urn:t\" xmlns:s=\"urn:s\" r=\"A3\"><v>5</v>"
      "</c></row>"));
  ASSERT_TRUE(declared.ok()) << declared.status().ToString();
  EXPECT_EQ(Text(*declared, 3, 0), "5");
}

TEST(HostileXlsx, TheBoundCoversTheDefaults) {
  // The number the README states: what a read may hold beside the upload.
  EXPECT_LT(HeldBytesBound(ReadLimits{}), size_t{400} << 20);
}

// ---- CSV: bounded, and encodings explained ----------------------------------------------

TEST(HostileCsv, EmptyFieldsDoNotExplodeAndFarColumnsAreRefused) {
  const ReadLimits small{.max_rows = 1000, .max_cells = 5000, .max_text_bytes = 1u << 20};
  // A megabyte of separators is no cells at all.
  auto commas = ReadCsv("a\n" + std::string(1u << 20, ','), small);
  ASSERT_TRUE(commas.ok()) << commas.status().ToString();
  EXPECT_EQ(commas->rows.size(), 1u);
  auto far = ReadCsv(std::string(300, ',') + "x\n", small);
  ASSERT_FALSE(far.ok());
  EXPECT_EQ(far.status().error_code(), "too_many_columns");
  auto many = ReadCsv(Repeat("1,2,3,4,5,6,7,8,9,10\n", 600), small);
  ASSERT_FALSE(many.ok());
  EXPECT_EQ(many.status().code(), StatusCode::kPayloadTooLarge);
}

TEST(HostileCsv, SaysWhichEncodingAndHowToSaveAsUtf8) {
  struct Case {
    std::string bytes;
    const char* names;
  } cases[] = {
      // "Nhiệm vụ" as Excel saves it on a Vietnamese Windows (Windows-1258).
      {"STT,Nhi\xEA\xF2m vu\xF2\r\n1,Vi\xEA\xF2"
       "c\r\n",
       "Windows-1258"},
      {std::string("\xFF\xFES\0T\0T\0", 8), "UTF-16"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(SniffUpload(c.bytes), UploadKind::kCsv) << c.names;
    auto r = ReadCsv(c.bytes);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().error_code(), "not_utf8");
    EXPECT_NE(r.status().message().find(c.names), std::string::npos) << r.status().message();
    EXPECT_NE(r.status().message().find("CSV UTF-8"), std::string::npos) << r.status().message();
  }
}

TEST(ReadUpload, KindsAndTheirStatuses) {
  EXPECT_EQ(ReadUpload("%PDF-1.4\n\x01", "application/pdf", "STT").status().code(),
            StatusCode::kUnsupportedMediaType);
  EXPECT_EQ(ReadUpload("a,b\n", "application/json", "").status().code(),
            StatusCode::kUnsupportedMediaType);
  EXPECT_TRUE(ReadUpload("a,b\n", "text/csv; charset=utf-8", "").ok());
  EXPECT_EQ(ReadUpload(std::string("PK\x03\x04xx", 6), "", "").status().code(),
            StatusCode::kUnsupportedMediaType);
}

// ---- Streaming ------------------------------------------------------------------------------

// StreamUpload hands each row over and keeps none: the cell and text limits bound one row,
// so a file far longer than ReadUpload may hold streams whole, in order, while a single row
// past the limits is still refused.
TEST(StreamUpload, HoldsOneRowAtATimeWhateverTheLength) {
  std::string csv = "Mã,Số tiền\n";
  std::vector<Cell> cells{{0, 0, "Mã"}, {0, 1, "Số tiền"}};
  for (int i = 1; i <= 3000; ++i) {
    csv += "DA" + std::to_string(i) + "," + std::to_string(i) + "\n";
    cells.push_back({i, 0, "DA" + std::to_string(i)});
    cells.push_back({i, 1, "", double(i)});
  }
  const ReadLimits tight{.max_rows = 5000, .max_cells = 100, .max_text_bytes = 1000};
  const std::string xlsx = MakeXlsx(cells, true);
  for (const auto& [bytes, type] : {std::pair{csv, "text/csv"}, std::pair{xlsx, ""}}) {
    EXPECT_EQ(ReadUpload(bytes, type, "", tight).status().code(), StatusCode::kPayloadTooLarge)
        << "held whole, the file is past the limits";
    std::vector<int> numbers;
    const Status s = StreamUpload(bytes, type, "", tight, [&](SheetRow&& r) {
      numbers.push_back(r.number);
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.message();
    ASSERT_EQ(numbers.size(), 3001u);
    EXPECT_EQ(numbers.back(), 3001);
  }
  const std::string wide = "a,b,c,d,e,f,g,h,i,j,k,l\n";
  EXPECT_EQ(StreamUpload(wide, "text/csv", "", ReadLimits{.max_cells = 10},
                         [](SheetRow&&) { return Status::Ok(); })
                .code(),
            StatusCode::kPayloadTooLarge)
      << "one row past the cell limit";
  EXPECT_EQ(StreamUpload(csv, "text/csv", "", ReadLimits{.max_rows = 100},
                         [](SheetRow&&) { return Status::Ok(); })
                .code(),
            StatusCode::kPayloadTooLarge)
      << "max_rows still counts the rows handed over";
  int seen = 0;
  const Status stop = StreamUpload(csv, "text/csv", "", tight, [&](SheetRow&&) {
    return ++seen == 10 ? Status::Conflict("enough") : Status::Ok();
  });
  EXPECT_EQ(stop.code(), StatusCode::kConflict) << "the sink's error stops the read";
  EXPECT_EQ(seen, 10);
}

}  // namespace
}  // namespace dh::sheets
