// The pieces every importer is built from, as tables of cases: headings matched to
// declared columns (aliases, case, diacritics, brackets, line breaks), the heading row
// found below a title block or reported with the columns it lacks, and cells read as
// text, integers, dates, percentages and money — each wrong value beside the right ones,
// with the sentence a person reads. Then rows: errors beside happy rows, blank rows left
// out, the row limit, and the one JSON shape of a report.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "sheets/rows.h"

namespace dh::sheets {
namespace {

SheetCell Text(std::string t) { return SheetCell{std::move(t), std::nullopt, false, false}; }
SheetCell Number(double v, std::string shown, bool percent = false, bool date = false) {
  return SheetCell{std::move(shown), v, percent, date};
}
SheetRow Row(int number, std::vector<std::string> texts) {
  SheetRow r{number, {}};
  for (auto& t : texts) r.cells.push_back(Text(std::move(t)));
  return r;
}

const ColumnMap& Disbursements() {
  static const ColumnMap kMap(
      {{.key = "project", .heading = "Dự án", .aliases = {"Tên dự án"}, .required = true},
       {.key = "amount",
        .heading = "Số tiền giải ngân",
        .aliases = {"Giá trị giải ngân", "Số giải ngân"},
        .required = true,
        .noun = "Số tiền"},
       {.key = "date", .heading = "Ngày giải ngân", .aliases = {"Ngày"}},
       {.key = "rate", .heading = "Tỷ lệ", .aliases = {"Tỷ lệ giải ngân"}},
       {.key = "count", .heading = "Số chứng từ"},
       {.key = "note", .heading = "Ghi chú", .ignored = true}},
      "tải mẫu tại trang Nhập giải ngân");
  return kMap;
}

TEST(ColumnMap, MatchesHeadingsAndAliasesWithoutCaseDiacriticsOrSpacing) {
  const struct {
    const char* heading;
    const char* key;  // nullptr: no column
  } kCases[] = {
      {"Dự án", "project"},
      {"TÊN DỰ ÁN", "project"},
      {"ten du an", "project"},
      {"  Tên   dự\nán ", "project"},
      {"Số tiền giải ngân (đồng)", "amount"},
      {"Giá trị giải ngân", "amount"},
      {"Số giải\r\nngân", "amount"},
      {"Ngày giải ngân (dd/mm/yyyy)", "date"},
      {"Ngày", "date"},
      {"Tỷ lệ giải ngân (%)", "rate"},
      {"Ghi chú", "note"},
      {"Dự án đầu tư", nullptr},
      {"Tiền", nullptr},
      {"", nullptr},
      {"(%)", nullptr},
  };
  const ColumnMap& map = Disbursements();
  for (const auto& c : kCases) {
    const auto at = map.Match(c.heading);
    if (!c.key) {
      EXPECT_FALSE(at) << c.heading;
      continue;
    }
    ASSERT_TRUE(at) << c.heading;
    EXPECT_EQ(map.columns()[*at].key, c.key) << c.heading;
  }
  EXPECT_EQ(map.Names(), "Dự án, Số tiền giải ngân, Ngày giải ngân, Tỷ lệ, Số chứng từ");
  EXPECT_EQ(LowerFirst("Đơn vị chủ trì"), "đơn vị chủ trì");
  EXPECT_EQ(LowerFirst("Thời hạn"), "thời hạn");
  EXPECT_EQ(LowerFirst(""), "");
}

TEST(FindHeader, BelowATitleBlockPastTheColumnNumbers) {
  Sheet sheet{"S",
              {Row(1, {"BÁO CÁO GIẢI NGÂN"}), Row(2, {"Đến ngày 15/06/2026"}),
               Row(4, {"STT", "Tên dự án", "Giá trị giải ngân", "Cột lạ", "Ghi chú"}),
               Row(5, {"(1)", "(2)", "(3)", "(4)", "(5)"}), Row(6, {"1", "Cầu A", "1.000"})}};
  auto h = FindHeader(sheet, Disbursements());
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  EXPECT_EQ(h->heading_row, 2u);
  EXPECT_EQ(h->first_row, 4u);
  EXPECT_EQ(h->sheet_column[0], 1u);
  EXPECT_EQ(h->sheet_column[1], 2u);
  EXPECT_FALSE(h->sheet_column[2]);
  EXPECT_EQ(h->sheet_column[5], 4u);
  EXPECT_EQ(h->unknown, (std::vector<std::string>{"STT", "Cột lạ"}));
}

TEST(FindHeader, MissingRequiredColumnsAreNamedByTheirHeadings) {
  const struct {
    std::vector<SheetRow> rows;
    std::vector<std::string> says;  // the message holds each
  } kCases[] = {
      {{}, {"cần ít nhất các cột “Dự án” và “Số tiền giải ngân” (tải mẫu tại trang Nhập"}},
      {{Row(1, {"Tên", "Ngày"})}, {"“Dự án” và “Số tiền giải ngân”"}},
      {{Row(1, {"Tiêu đề"}), Row(3, {"Dự án", "Ngày giải ngân"})},
       {"Dòng 3 giống dòng tiêu đề nhưng thiếu cột “Số tiền giải ngân”."}},
  };
  for (const auto& c : kCases) {
    auto h = FindHeader(Sheet{"S", c.rows}, Disbursements());
    ASSERT_FALSE(h.ok());
    EXPECT_EQ(h.status().error_code(), "no_header_row");
    EXPECT_EQ(h.status().field(), "file");
    for (const std::string& s : c.says)
      EXPECT_NE(h.status().message().find(s), std::string::npos) << h.status().message();
  }
}

const ColumnSpec& Col(const char* key) { return *Disbursements().Find(key); }

// One row of a table of cells: the value read, and the error (a part of it) or none.
template <class T>
void Expect(const Parsed<T>& got, const std::optional<T>& value, const char* error,
            const SheetCell& cell) {
  EXPECT_EQ(got.value, value) << cell.text;
  if (error)
    EXPECT_NE(got.error.find(error), std::string::npos) << cell.text << ": " << got.error;
  else
    EXPECT_TRUE(got.ok()) << cell.text << ": " << got.error;
}

TEST(ReadMoney, VietnameseAmountsIntoWholeDong) {
  const struct {
    SheetCell cell;
    MoneyRule rule;
    std::optional<Money> value;
    const char* error;  // part of the message; nullptr when read
  } kCases[] = {
      {Text("1.234.567"), {}, 1234567, nullptr},
      {Text("1234567"), {}, 1234567, nullptr},
      {Text(" 1.234.567 đ"), {}, 1234567, nullptr},
      {Text("1.234.567 đồng"), {}, 1234567, nullptr},
      {Text("1.234.567VNĐ"), {}, 1234567, nullptr},
      {Text("0"), {}, 0, nullptr},
      {Text("1.234.567,0"), {}, 1234567, nullptr},
      {Text("1.234.567,5"), {.scale = 1000}, 1234567500, nullptr},
      {Text("1.234,5"), {.scale = 1000000}, 1234500000, nullptr},
      {Text("0,000001"), {.scale = 1000000}, 1, nullptr},
      {Text("-1.000"), {.negative = true}, -1000, nullptr},
      {Text("9.223.372.036.854.775.807"), {}, INT64_MAX, nullptr},
      {Number(1234567, "1234567"), {}, 1234567, nullptr},
      {Number(1234.5, "1234.5"), {.scale = 1000}, 1234500, nullptr},
      {Number(0.1, "0.1"), {.scale = 1000}, 100, nullptr},
      {Number(1e16, "1e+16"), {}, 10000000000000000, nullptr},
      {Text(""), {}, std::nullopt, nullptr},
      {Text("1.234.567,5"), {}, std::nullopt, "có phần lẻ dưới 1 đồng"},
      {Text("1,234"), {}, std::nullopt, "Dấu chấm ngăn cách hàng nghìn"},
      {Text("0,0000001"), {.scale = 1000000}, std::nullopt, "phần lẻ dưới 1 đồng"},
      {Number(1234.5, "1234.5"), {}, std::nullopt, "phần lẻ dưới 1 đồng"},
      {Text("1.23.567"), {}, std::nullopt, "Số tiền “1.23.567” không đọc được. Ghi số tiền như"},
      {Text("1.2345"), {}, std::nullopt, "không đọc được"},
      {Text("1,234,567"), {}, std::nullopt, "không đọc được"},
      {Text("12a"), {}, std::nullopt, "không đọc được"},
      {Text("-"), {}, std::nullopt, "không đọc được"},
      {Text("1e5"), {}, std::nullopt, "không đọc được"},
      {Text("-5"), {}, std::nullopt, "không được là số âm"},
      {Text("9.223.372.036.854.775.808"), {}, std::nullopt, "lớn quá"},
      {Text("99999999999999999999999"), {}, std::nullopt, "lớn quá"},
      {Text("10.000.000.000.000"), {.scale = 1000000}, std::nullopt, "lớn quá"},
  };
  for (const auto& c : kCases) {
    Expect(ReadMoney(&c.cell, Col("amount"), c.rule), c.value, c.error, c.cell);
  }
  EXPECT_TRUE(ReadMoney(nullptr, Col("amount")).ok());
}

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

TEST(ReadDate, DayMonthYearTextOrExcelSerials) {
  const struct {
    SheetCell cell;
    std::optional<Date> value;
    const char* error;
  } kCases[] = {
      {Text("15/06/2026"), D(2026, 6, 15), nullptr},
      {Text("5/6/2026"), D(2026, 6, 5), nullptr},
      {Text("05-06-2026"), D(2026, 6, 5), nullptr},
      {Text("5.6.2026"), D(2026, 6, 5), nullptr},
      {Text("2026-06-15"), D(2026, 6, 15), nullptr},
      {Text(" 29/02/2028 "), D(2028, 2, 29), nullptr},
      {Number(46188, "46188", false, true), D(2026, 6, 15), nullptr},
      {Number(46188.75, "46188.75"), D(2026, 6, 15), nullptr},
      {Text(""), std::nullopt, nullptr},
      {Text("31/02/2026"), std::nullopt, "Ngày 31/02/2026 không có (tháng 2 năm 2026 có 28 ngày)."},
      {Text("1/13/2026"), std::nullopt, "tháng phải từ 1 đến 12"},
      {Text("15/06/26"), std::nullopt, "Ngày giải ngân “15/06/26” không đọc được. Ghi ngày"},
      {Text("15/06/2026x"), std::nullopt, "không đọc được"},
      {Text("15//2026"), std::nullopt, "không đọc được"},
      {Text("15/06-2026"), std::nullopt, "không đọc được"},
      {Text("+1/06/2026"), std::nullopt, "không đọc được"},
      {Text("ngày mai"), std::nullopt, "không đọc được"},
      {Text("15/06/1890"), std::nullopt, "Năm 1890 của ngày giải ngân không hợp lý."},
      {Text("2200-01-01"), std::nullopt, "Năm 2200"},
      {Number(5, "5"), std::nullopt,
       "không phải ngày hợp lệ (“5”); ngày giải ngân phải từ năm 1990"},
      {Number(1e300, "1e+300"), std::nullopt, "không phải ngày hợp lệ"},
  };
  for (const auto& c : kCases) {
    Expect(ReadDate(&c.cell, Col("date")), c.value, c.error, c.cell);
  }
}

TEST(ReadPercent, InPercentPoints) {
  const struct {
    SheetCell cell;
    std::optional<double> value;
    const char* error;
  } kCases[] = {
      {Text("95"), 95, nullptr},
      {Text("95%"), 95, nullptr},
      {Text("95,5 %"), 95.5, nullptr},
      {Text("95.5"), 95.5, nullptr},
      {Text("0"), 0, nullptr},
      {Text("100%"), 100, nullptr},
      {Number(0.955, "0.955", true), 95.5, nullptr},  // Excel's 95,5 %
      {Number(95.5, "95.5"), 95.5, nullptr},          // a plain number is percent points
      {Text(""), std::nullopt, nullptr},
      {Text("%"), std::nullopt, "không đọc được"},
      {Text("chín mươi"), std::nullopt, "Tỷ lệ “chín mươi” không đọc được. Ghi tỷ lệ"},
      {Text("95,5,1"), std::nullopt, "không đọc được"},
      {Text("1e2"), std::nullopt, "không đọc được"},
      {Text("101"), std::nullopt, "Tỷ lệ “101” ngoài khoảng 0–100%."},
      {Text("-1"), std::nullopt, "ngoài khoảng"},
      {Number(1.5, "1.5", true), std::nullopt, "ngoài khoảng"},
  };
  for (const auto& c : kCases) {
    Parsed<double> got = ReadPercent(&c.cell, Col("rate"));
    if (got.value && c.value && std::fabs(*got.value - *c.value) < 1e-9) got.value = c.value;
    Expect(got, c.value, c.error, c.cell);
  }
}

TEST(ReadIntegerAndText, WholeNumbersAndBoundedText) {
  const struct {
    SheetCell cell;
    std::optional<int64_t> value;
    const char* error;
  } kInts[] = {
      {Text("12"), 12, nullptr},
      {Text("1.200"), 1200, nullptr},
      {Number(7, "7"), 7, nullptr},
      {Text(""), std::nullopt, nullptr},
      {Text("1,5"), std::nullopt, "Số chứng từ “1,5” không phải số nguyên."},
      {Number(7.5, "7.5"), std::nullopt, "không phải số nguyên"},
      {Text("1.000.001"), std::nullopt, "phải là số nguyên từ 0 đến 1.000.000."},
      {Text("-1"), std::nullopt, "phải là số nguyên từ 0"},
  };
  for (const auto& c : kInts) {
    Expect(ReadInteger(&c.cell, Col("count"), 0, 1000000), c.value, c.error, c.cell);
  }
  const SheetCell padded = Text("  Cầu Bắc Sơn \n");
  EXPECT_EQ(ReadText(&padded, Col("project"), 20).value, "Cầu Bắc Sơn");
  const SheetCell exact = Text("ẩẩẩẩẩ"), longer = Text("ẩẩẩẩẩẩ");
  EXPECT_EQ(ReadText(&exact, Col("project"), 5).value, "ẩẩẩẩẩ");
  EXPECT_EQ(ReadText(&longer, Col("project"), 5).error, "Dự án dài quá 5 ký tự; hãy rút gọn.");
  EXPECT_EQ(ReadText(&longer, Col("project"), 5, "ghi tên ngắn").error,
            "Dự án dài quá 5 ký tự; ghi tên ngắn.");
}

// A feature's row parser on the pieces: right rows kept, each wrong cell reported with its
// row and heading, blank rows left out, required cells named when empty.
TEST(ForEachRow, ErrorsBesideHappyRows) {
  Sheet sheet{
      "S",
      {Row(1, {"Dự án", "Số tiền giải ngân", "Ngày", "Tỷ lệ", "Ghi chú"}),
       Row(2, {"Cầu A", "1.000.000", "15/06/2026", "50%"}), Row(3, {"", "", "", "", "chỉ ghi chú"}),
       Row(4, {"Cầu B", "1.000,5", "31/02/2026", "95"}), Row(5, {"", "2.000"}),
       Row(7, {"Cầu C", "3.000", "", ""})}};
  const ColumnMap& map = Disbursements();
  auto header = FindHeader(sheet, map);
  ASSERT_TRUE(header.ok());
  RowErrors errors;
  std::vector<std::pair<std::string, Money>> kept;
  Status s = ForEachRow(sheet, *header, map, 10, "khoản giải ngân", errors, [&](RowReader& r) {
    auto project = r.Text("project", 200);
    auto amount = r.MoneyOf("amount");
    r.DateOf("date");
    r.Percent("rate");
    if (r.ok()) kept.emplace_back(*project, *amount);
    return true;
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(kept,
            (std::vector<std::pair<std::string, Money>>{{"Cầu A", 1000000}, {"Cầu C", 3000}}));
  std::vector<std::string> got;
  for (const RowError& e : errors) got.push_back(std::to_string(e.row) + " " + e.column);
  EXPECT_EQ(got, (std::vector<std::string>{"4 Số tiền giải ngân", "4 Ngày giải ngân", "5 Dự án"}));
  EXPECT_EQ(errors[2].message, "Thiếu dự án.");

  RowErrors more;
  s = ForEachRow(sheet, *header, map, 2, "khoản giải ngân", more, [](RowReader&) { return true; });
  EXPECT_EQ(s.code(), StatusCode::kPayloadTooLarge);
  EXPECT_NE(s.message().find("tối đa 2 khoản giải ngân"), std::string::npos);
}

TEST(ParseRows, TheHeadingRowThenEveryRow) {
  const ColumnMap& map = Disbursements();
  int rows = 0;
  auto count = [&](RowReader&) { return ++rows > 0; };
  auto none = ParseRows(Sheet{"S", {Row(1, {"Tên", "Tiền"})}}, map, 10, "khoản", count);
  EXPECT_EQ(none.status().error_code(), "no_header_row");
  auto some = ParseRows(
      Sheet{"S", {Row(1, {"Dự án", "Số giải ngân"}), Row(2, {"A", "x"}), Row(3, {"B", "1"})}}, map,
      10, "khoản", [&](RowReader& r) {
        r.MoneyOf("amount");
        return count(r);
      });
  ASSERT_TRUE(some.ok());
  EXPECT_EQ(rows, 2);
  ASSERT_EQ(some->size(), 1u);
  EXPECT_EQ((*some)[0].row, 2);
  EXPECT_EQ((*some)[0].column, "Số tiền giải ngân");
}

TEST(ColumnHelp, WhatTheImportPageShows) {
  const boost::json::array help = ColumnHelp(Disbursements());
  ASSERT_EQ(help.size(), 5u);  // "Ghi chú" is recognised but not read
  EXPECT_EQ(boost::json::serialize(help[0]),
            R"({"heading":"Dự án","aliases":["Tên dự án"],"required":true,"help":""})");
}

TEST(RowErrorsBody, OneShapeForEveryImporter) {
  RowErrors errors = {{7, "Thời hạn", "b"}, {3, "", "a"}, {7, "Tiến độ", "c"}};
  SortByRow(errors);
  EXPECT_EQ(boost::json::serialize(RowErrorsBody(errors, "nhiệm vụ")),
            R"({"ok":false,"errors":[{"row":3,"column":"","message":"a"},)"
            R"({"row":7,"column":"Thời hạn","message":"b"},)"
            R"({"row":7,"column":"Tiến độ","message":"c"}],)"
            R"("error":{"code":"invalid_rows","message":"3 lỗi trong tệp; chưa nhập nhiệm vụ )"
            R"(nào. Sửa các dòng được nêu rồi gửi lại."}})");
}

}  // namespace
}  // namespace dh::sheets
