// The unit directory for choosing a coordinator (tasks/task_unit_directory.h), as a table:
// any living unit, diacritics optional, an exact code first, bounded.
#include "tasks/task_unit_directory.h"

#include <gtest/gtest.h>

namespace dh::tasks {
namespace {

units::UnitGraph City() {
  const Date d = *Date::Parse("2020-01-01");
  const Date end = *Date::Parse("2025-06-30");
  return units::UnitGraph({{1, "MA", "Thành phố Minh An", "city", d, std::nullopt},
                           {10, "MA.STC", "Sở Tài chính", "department", d, std::nullopt},
                           {11, "MA.STC.VP", "Văn phòng Sở Tài chính", "other", d, std::nullopt},
                           {20, "MA.SXD", "Sở Xây dựng", "department", d, std::nullopt},
                           {30, "MA.Q1", "Quận Trung Tâm", "district", d, end},
                           {31, "MA.P.DX", "Phường Đông Xuyên", "ward", d, std::nullopt}},
                          {{1, 1, std::nullopt, d, std::nullopt},
                           {10, 10, 1, d, std::nullopt},
                           {11, 11, 10, d, std::nullopt},
                           {20, 20, 1, d, std::nullopt},
                           {30, 30, 1, d, end},
                           {31, 31, 1, d, std::nullopt}},
                          {});
}

TEST(TaskUnitDirectory, FindsAnyLivingUnit) {
  const units::UnitGraph g = City();
  const Date today = *Date::Parse("2026-01-15");
  struct Case {
    const char* q;
    size_t limit;
    std::vector<int64_t> ids;
    int64_t total;
  } cases[] = {
      {"tai chinh", 10, {10, 11}, 2},  // diacritics optional, name first by start
      {"Sở Tài", 10, {10, 11}, 2},     // with them
      {"ma.stc", 10, {10, 11}, 2},     // the exact code first
      {"dong xuyen", 10, {31}, 1},     // đ folds to d
      {"trung tam", 10, {}, 0},        // an ended unit is not offered
      {"so", 1, {10}, 3},              // bounded; the total counts every match
      {"xay dung so", 10, {20}, 1},    // every word, in any order
      {"không có", 10, {}, 0},
  };
  for (const Case& c : cases) {
    int64_t total = -1;
    std::vector<int64_t> got;
    for (const units::Unit* u : FindUnits(g, c.q, today, c.limit, &total)) got.push_back(u->id);
    EXPECT_EQ(got, c.ids) << c.q;
    EXPECT_EQ(total, c.total) << c.q;
  }
}

}  // namespace
}  // namespace dh::tasks
