// The target-expression reader: targets as plans and resolutions write them, read into a
// comparison and numbers; what it cannot read is refused with a sentence naming "Chỉ tiêu".
// Table-driven: the refusals sit beside the readings.
#include "targets/target_expression.h"

#include <gtest/gtest.h>

namespace dh::targets {
namespace {

struct Case {
  const char* text;
  const char* comparator;  // nullptr: refused
  std::vector<double> values;
  bool relative;
  const char* unit;
  const char* reading_or_error;  // a part of the reading, or of the refusal
};

const Case kCases[] = {
    // Above / at least.
    {"trên 95%", ">", {95}, false, "%", "lớn hơn 95 %"},
    {"Trên 95 %", ">", {95}, false, "%", "lớn hơn 95 %"},
    {"> 95%", ">", {95}, false, "%", "lớn hơn 95 %"},
    {"đạt trên 95%", ">", {95}, false, "%", "lớn hơn 95 %"},
    {"phấn đấu đạt trên 95%", ">", {95}, false, "%", "lớn hơn 95 %"},
    {"tối thiểu 95%", ">=", {95}, false, "%", "ít nhất 95 %"},
    {"không dưới 95%", ">=", {95}, false, "%", "ít nhất 95 %"},
    {"Không dưới 95 %", ">=", {95}, false, "%", "ít nhất 95 %"},
    {"ít nhất 95%", ">=", {95}, false, "%", "ít nhất 95 %"},
    {"từ 95% trở lên", ">=", {95}, false, "%", "ít nhất 95 %"},
    {"95% trở lên", ">=", {95}, false, "%", "ít nhất 95 %"},
    {"≥ 1.000 căn", ">=", {1000}, false, "căn", "ít nhất 1.000 căn"},
    {"≥1.000 căn", ">=", {1000}, false, "căn", "ít nhất 1.000 căn"},
    {">= 1.000 căn hộ", ">=", {1000}, false, "căn hộ", "ít nhất 1.000 căn hộ"},
    {"không thấp hơn 70 điểm", ">=", {70}, false, "điểm", "ít nhất 70 điểm"},
    // Below / at most.
    {"tối đa 5%", "<=", {5}, false, "%", "không quá 5 %"},
    {"không quá 1,5 %", "<=", {1.5}, false, "%", "không quá 1,5 %"},
    {"không vượt quá 3.500 tỷ đồng", "<=", {3500}, false, "tỷ đồng", "không quá 3.500 tỷ đồng"},
    {"≤ 2%", "<=", {2}, false, "%", "không quá 2 %"},
    {"dưới 3%", "<", {3}, false, "%", "nhỏ hơn 3 %"},
    {"< 3%", "<", {3}, false, "%", "nhỏ hơn 3 %"},
    {"3% trở xuống", "<=", {3}, false, "%", "không quá 3 %"},
    // Equal, plain.
    {"bằng 100%", "=", {100}, false, "%", "bằng 100 %"},
    {"100%", "=", {100}, false, "%", "bằng 100 %"},
    {"45.000 việc làm", "=", {45000}, false, "việc làm", "bằng 45.000 việc làm"},
    {"1.234,5 tỷ đồng", "=", {1234.5}, false, "tỷ đồng", "bằng 1.234,5 tỷ đồng"},
    {"1.234.567", "=", {1234567}, false, "", "bằng 1.234.567."},
    {"đạt 70", "=", {70}, false, "", "bằng 70"},
    // Ranges.
    {"7,5-8%", "between", {7.5, 8}, false, "%", "từ 7,5 % đến 8 %"},
    {"7,5 – 8 %", "between", {7.5, 8}, false, "%", "từ 7,5 % đến 8 %"},
    {"7,5% - 8%", "between", {7.5, 8}, false, "%", "từ 7,5 % đến 8 %"},
    {"từ 7,5 đến 8%", "between", {7.5, 8}, false, "%", "từ 7,5 % đến 8 %"},
    {"Từ 7,5% đến 8%", "between", {7.5, 8}, false, "%", "từ 7,5 % đến 8 %"},
    {"tăng trưởng 7,5 – 8 %", "between", {7.5, 8}, false, "%", "từ 7,5 % đến 8 %"},
    {"trong khoảng 1.000 - 1.200 căn", "between", {1000, 1200}, false, "căn", "1.200 căn"},
    // Relative to the previous period's official value.
    {"giảm 10%", "<=", {-10}, true, "%", "giảm ít nhất 10 %"},
    {"giảm ít nhất 10%", "<=", {-10}, true, "%", "giảm ít nhất 10 %"},
    {"giảm trên 10%", "<", {-10}, true, "%", "giảm hơn 10 %"},
    {"giảm không quá 2%", ">=", {-2}, true, "%", "giảm không quá 2 %"},
    {"tăng 5% so với năm trước", ">=", {5}, true, "%", "tăng ít nhất 5 %"},
    {"tăng 5 % so với cùng kỳ năm 2023", ">=", {5}, true, "%", "so với giá trị chính thức"},
    {"tăng trên 5%", ">", {5}, true, "%", "tăng hơn 5 %"},
    {"tăng 200 căn", ">=", {200}, true, "căn", "tăng ít nhất 200 căn"},
    {"giảm 5-10%", "between", {-10, -5}, true, "%", "giảm từ 5 % đến 10 %"},
    // Refused, each with a sentence that says what to write.
    {"", nullptr, {}, false, "", "Chỉ tiêu đang trống"},
    {"   ", nullptr, {}, false, "", "Chỉ tiêu đang trống"},
    {"cao nhất có thể", nullptr, {}, false, "", "chưa có con số"},
    {"7.5%", nullptr, {}, false, "", "không đọc được số \"7.5\""},
    {"1,000.5 căn", nullptr, {}, false, "", "không đọc được số"},
    {"khoảng 8%", nullptr, {}, false, "", "không hiểu \"khoảng\""},
    {"8 - 7,5%", nullptr, {}, false, "", "số nhỏ trước"},
    {"7,5 và 8%", nullptr, {}, false, "", "không hiểu \"và\" giữa hai con số"},
    {"1, 2 hoặc 3 %", nullptr, {}, false, "", "quá hai con số"},
    {"trên 95% trở lên", nullptr, {}, false, "", "hai cách so sánh"},
    {"trên 7,5 - 8%", nullptr, {}, false, "", "một khoảng chỉ ghi"},
    {"95% so với năm trước", nullptr, {}, false, "", "chỉ dùng với \"tăng\" hoặc \"giảm\""},
    {"95% nếu được", nullptr, {}, false, "", "không hiểu \"nếu được\" sau con số"},
    {"trên 1.000.000.000.000.000 đồng", nullptr, {}, false, "", "lớn quá"},
    {"trên 95 phần trăm số hồ sơ được giải quyết đúng hạn và đúng quy định",
     nullptr,
     {},
     false,
     "",
     "dài quá 40 ký tự"},
    {"\xff\xfe 95%", nullptr, {}, false, "", "ký tự không đọc được"},
};

TEST(TargetExpressionTest, ReadsRealPhrasingsAndRefusesTheRest) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    const auto r = ReadTargetExpression(c.text);
    if (!c.comparator) {
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.status().field(), "expression");
      EXPECT_EQ(r.status().error_code(), "unreadable_expression");
      EXPECT_NE(r.status().message().find("Chỉ tiêu"), std::string::npos);
      EXPECT_NE(r.status().message().find(c.reading_or_error), std::string::npos)
          << r.status().message();
      continue;
    }
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(ComparatorName(r->comparator), c.comparator);
    EXPECT_EQ(r->values, c.values);
    EXPECT_EQ(r->relative, c.relative);
    EXPECT_EQ(r->unit, c.unit);
    EXPECT_NE(r->reading.find(c.reading_or_error), std::string::npos) << r->reading;
  }
}

TEST(TargetExpressionTest, LongTextIsRefused) {
  const auto r = ReadTargetExpression("trên 95% " + std::string(300, 'a'));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("dài quá 200 ký tự"), std::string::npos);
}

TEST(TargetExpressionTest, ComparatorAndValuesGivenAsSuch) {
  const struct {
    Comparator c;
    std::vector<double> values;
    const char* field;  // nullptr: accepted
  } cases[] = {
      {Comparator::kGreater, {95}, nullptr},      {Comparator::kBetween, {7.5, 8}, nullptr},
      {Comparator::kBetween, {8}, "values"},      {Comparator::kGreater, {1, 2}, "values"},
      {Comparator::kBetween, {8, 7.5}, "values"}, {Comparator::kEqual, {}, "values"},
  };
  for (const auto& c : cases) {
    const auto r = MakeTargetExpression(c.c, c.values, "%", false);
    if (!c.field) {
      EXPECT_TRUE(r.ok()) << r.status().message();
    } else {
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.status().field(), c.field);
    }
  }
  for (const char* name : {">", ">=", "<", "<=", "=", "between"})
    EXPECT_EQ(ComparatorName(*ParseComparator(name)), name);
  EXPECT_FALSE(ParseComparator("≥").has_value());
}

TEST(TargetExpressionTest, NumbersInVietnameseFormat) {
  const struct {
    double v;
    const char* text;
  } cases[] = {{0, "0"},
               {7.5, "7,5"},
               {7.17, "7,17"},
               {1000, "1.000"},
               {1234.5, "1.234,5"},
               {-10, "-10"},
               {1234567.891, "1.234.567,89"},
               {0.004, "0"},
               {99.999, "100"},
               {41, "41"}};
  for (const auto& c : cases) EXPECT_EQ(FormatNumber(c.v), c.text) << c.v;
  EXPECT_EQ(FormatWithUnit(95, "%"), "95 %");
  EXPECT_EQ(FormatWithUnit(8, ""), "8");
}

}  // namespace
}  // namespace dh::targets
