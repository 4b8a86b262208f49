// http::ListQuery: a list route's declared filters and paging, read from the query string, as
// a table of cases (the errors beside the happy rows).
#include "http/list_query.h"

#include <gtest/gtest.h>

namespace dh::http {
namespace {

const ListSpec& Spec() {
  using T = ListFilter::Type;
  static const ListSpec spec{
      {{"unit_id", T::kId, "Đơn vị"}, {"q", T::kText, "Tìm kiếm"}, {"from", T::kDate, "Từ ngày"}},
      20,
      100};
  return spec;
}

TEST(ListQuery, FiltersAndPaging) {
  struct Case {
    const char* target;
    std::string error_field;  // empty: it parses
    int64_t limit = 0, offset = 0;
    std::optional<int64_t> unit;
    std::optional<std::string> q;
    std::optional<Date> from;
  } cases[] = {
      {"/l", "", 20, 0, std::nullopt, std::nullopt},
      {"/l?limit=100&offset=40", "", 100, 40, std::nullopt, std::nullopt},
      {"/l?unit_id=12&q=gi%E1%BA%A3i+ng%C3%A2n", "", 20, 0, 12, "giải ngân"},
      {"/l?other=1", "", 20, 0, std::nullopt, std::nullopt},  // undeclared: not read
      {"/l?from=2025-07-01", "", 20, 0, std::nullopt, std::nullopt, Date::Parse("2025-07-01")},
      {"/l?unit_id=abc", "unit_id"},
      {"/l?unit_id=1.5", "unit_id"},
      {"/l?limit=0", "limit"},
      {"/l?limit=101", "limit"},
      {"/l?limit=x", "limit"},
      {"/l?offset=-1", "offset"},
      {"/l?from=2025-13-01", "from"},
      {"/l?from=01%2F07%2F2025", "from"},
  };
  for (const Case& c : cases) {
    Request req;
    ASSERT_TRUE(ParseTarget(c.target, &req)) << c.target;
    auto q = ListQuery::Parse(req, Spec());
    if (!c.error_field.empty()) {
      ASSERT_FALSE(q.ok()) << c.target;
      EXPECT_EQ(q.status().code(), StatusCode::kInvalidInput) << c.target;
      EXPECT_EQ(q.status().field(), c.error_field) << c.target;
      continue;
    }
    ASSERT_TRUE(q.ok()) << c.target << ": " << q.status().message();
    EXPECT_EQ(q->limit(), c.limit) << c.target;
    EXPECT_EQ(q->offset(), c.offset) << c.target;
    EXPECT_EQ(q->Id("unit_id"), c.unit) << c.target;
    EXPECT_EQ(q->Text("q"), c.q) << c.target;
    EXPECT_EQ(q->Day("from"), c.from) << c.target;
  }
}

TEST(ListQuery, AnErrorNamesTheFieldAsTheFormLabelsIt) {
  Request req;
  ASSERT_TRUE(ParseTarget("/l?unit_id=abc", &req));
  auto q = ListQuery::Parse(req, Spec());
  ASSERT_FALSE(q.ok());
  EXPECT_NE(q.status().message().find("Đơn vị (unit_id)"), std::string::npos)
      << q.status().message();
}

}  // namespace
}  // namespace dh::http
