// Directives as officials cite them (src/tasks/directive_citation.h), as a table.
#include "tasks/directive_citation.h"

#include <gtest/gtest.h>

namespace dh::tasks {
namespace {

TEST(DirectiveCitation, AsOfficialsCiteThem) {
  const units::UnitGraph g(
      {{7, "MA", "Ủy ban nhân dân thành phố", "city", *Date::Parse("2020-01-01")}}, {}, {});
  const struct {
    const char* kind;
    const char* number;
    int64_t issuer;
    const char* short_form;
    const char* long_form;
  } cases[] = {
      {"conclusion", "45/TB-UBND", 7, "Thông báo kết luận số 45/TB-UBND",
       "Thông báo kết luận số 45/TB-UBND ngày 10/01/2026 của Ủy ban nhân dân thành phố"},
      {"conclusion", "31-KL/TU", 7, "Kết luận số 31-KL/TU",
       "Kết luận số 31-KL/TU ngày 10/01/2026 của Ủy ban nhân dân thành phố"},
      {"resolution", "12/NQ-HĐND", 7, "Nghị quyết số 12/NQ-HĐND",
       "Nghị quyết số 12/NQ-HĐND ngày 10/01/2026 của Ủy ban nhân dân thành phố"},
      {"plan", "88/KH-UBND", 99, "Kế hoạch số 88/KH-UBND",
       "Kế hoạch số 88/KH-UBND ngày 10/01/2026"},
      {"other", "1", 7, "Văn bản số 1",
       "Văn bản số 1 ngày 10/01/2026 của Ủy ban nhân dân thành phố"},
  };
  for (const auto& c : cases) {
    Directive d;
    d.kind = c.kind;
    d.number = c.number;
    d.issuer_unit_id = c.issuer;
    d.issued_on = *Date::Parse("2026-01-10");
    EXPECT_EQ(ShortCitation(d), c.short_form);
    EXPECT_EQ(Citation(d, g), c.long_form);
  }
}

}  // namespace
}  // namespace dh::tasks
