// The row reader on both databases: what each kind of field reads, NULLs, an empty result,
// and a SELECT that no longer matches its struct (a column too many or too few, text where a
// number or a date belongs) coming back as an error value.
#include "db/row_reader.h"

#include <gtest/gtest.h>

#include "support/store_test.h"

namespace dh::db {
namespace {

STORE_TEST_SUITE(RowReaderTest);

enum class Colour { kRed, kBlue, kUnknown };
std::optional<Colour> ParseColour(std::string_view s) {
  if (s == "red") return Colour::kRed;
  if (s == "blue") return Colour::kBlue;
  return std::nullopt;
}

struct Thing {
  int64_t id = -1;
  std::string name;
  std::optional<int64_t> n;
  double x = -1;
  std::optional<Date> on;
  bool flag = false;
  Colour colour = Colour::kRed;
  int small = -1;
};

void Fields(RowCursor& row, Thing& t) {
  row(t.id, t.name, t.n, t.x, t.on, t.flag, As(t.colour, ParseColour, Colour::kUnknown), t.small);
}

TEST_P(RowReaderTest, ReadsEachKindOfFieldAndNulls) {
  struct Case {
    const char* what;
    const char* sql;
    Thing want;
  } cases[] = {
      {"every column set",
       "SELECT 7, 'seven', 3, 1.5, '2025-03-04', 1, 'blue', 12",
       {7, "seven", 3, 1.5, Date::FromYmd(2025, 3, 4), true, Colour::kBlue, 12}},
      {"NULLs: nullopt, or the plain field's zero",
       "SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL",
       {0, "", std::nullopt, 0, std::nullopt, false, Colour::kUnknown, 0}},
      {"an integer into a real, a name no parse knows",
       "SELECT 8, '', NULL, 2, NULL, 0, 'green', 0",
       {8, "", std::nullopt, 2, std::nullopt, false, Colour::kUnknown, 0}},
  };
  for (const Case& k : cases) {
    SCOPED_TRACE(k.what);
    auto got = MustRead<std::vector<Thing>>(
        [&](Connection& c) { return ReadAll<Thing>(c, k.sql, {}, Fields); });
    ASSERT_EQ(got.size(), 1u);
    const Thing& t = got[0];
    EXPECT_EQ(t.id, k.want.id);
    EXPECT_EQ(t.name, k.want.name);
    EXPECT_EQ(t.n, k.want.n);
    EXPECT_DOUBLE_EQ(t.x, k.want.x);
    EXPECT_EQ(t.on, k.want.on);
    EXPECT_EQ(t.flag, k.want.flag);
    EXPECT_EQ(t.colour, k.want.colour);
    EXPECT_EQ(t.small, k.want.small);
  }
}

TEST_P(RowReaderTest, AStatementThatDoesNotMatchItsStructIsAnError) {
  struct Case {
    const char* what;
    const char* sql;
    const char* message;  // a part of the error's message
  } cases[] = {
      {"a column too few", "SELECT 7, 'seven', 3, 1.5, '2025-03-04', 1, 'blue'", "only 7 columns"},
      {"a column too many", "SELECT 7, 'seven', 3, 1.5, '2025-03-04', 1, 'blue', 12, 13",
       "9 columns, 8 read"},
      {"text where an integer belongs", "SELECT 'seven', 'seven', 3, 1.5, NULL, 1, 'blue', 12",
       "column 0"},
      {"text where an optional integer belongs", "SELECT 7, 'seven', 'x', 1.5, NULL, 1, 'blue', 12",
       "an integer expected, text found"},
      {"text where a real belongs", "SELECT 7, 'seven', 3, 'x', NULL, 1, 'blue', 12",
       "a number expected"},
      {"a date that is no date", "SELECT 7, 'seven', 3, 1.5, '4/3/2025', 1, 'blue', 12",
       "a date (YYYY-MM-DD) expected"},
      {"a number where a date belongs", "SELECT 7, 'seven', 3, 1.5, 20250304, 1, 'blue', 12",
       "an integer found"},
  };
  for (const Case& k : cases) {
    SCOPED_TRACE(k.what);
    Status s = Read([&](Connection& c) { return ReadAll<Thing>(c, k.sql, {}, Fields).status(); });
    EXPECT_EQ(s.code(), StatusCode::kInternal) << s.ToString();
    EXPECT_NE(s.message().find(k.message), std::string::npos) << s.message();
    s = Read([&](Connection& c) { return ReadOne<Thing>(c, k.sql, {}, Fields).status(); });
    EXPECT_EQ(s.code(), StatusCode::kInternal) << s.ToString();
  }
}

TEST_P(RowReaderTest, AnEmptyResult) {
  constexpr const char* kNone = "SELECT 7, 'seven', 3, 1.5, NULL, 1, 'blue', 12 WHERE 1 = 0";
  EXPECT_TRUE(MustRead<std::vector<Thing>>([&](Connection& c) {
                return ReadAll<Thing>(c, kNone, {}, Fields);
              }).empty());
  EXPECT_FALSE(MustRead<std::optional<Thing>>([&](Connection& c) {
                 return ReadOne<Thing>(c, kNone, {}, Fields);
               }).has_value());
  const Status s = Read([&](Connection& c) { return ReadInt(c, "SELECT 1 WHERE 1 = 0").status(); });
  EXPECT_EQ(s.code(), StatusCode::kInternal);
}

TEST_P(RowReaderTest, ReadsLoneValuesPairsAndParameters) {
  EXPECT_EQ(
      MustRead<int64_t>([&](Connection& c) { return ReadInt(c, "SELECT ? + 1", {int64_t{41}}); }),
      42);
  using Pair = std::pair<int64_t, std::string>;
  const auto pairs = MustRead<std::vector<Pair>>([&](Connection& c) {
    return ReadAll<Pair>(c, "SELECT 1, 'a' UNION ALL SELECT 2, 'b' ORDER BY 1", {});
  });
  EXPECT_EQ(pairs, (std::vector<Pair>{{1, "a"}, {2, "b"}}));
  const auto first = MustRead<std::optional<std::string>>(
      [&](Connection& c) { return ReadOne<std::string>(c, "SELECT ?", {std::string("x")}); });
  EXPECT_EQ(first, "x");
}

}  // namespace
}  // namespace dh::db
