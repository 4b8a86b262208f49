// The investment store on both databases, directly: the seeded capital sources, a project
// with its locations, plan versions and disbursements written and streamed back (also in
// more than one insert chunk), the ones of an adjustment or an import, the trajectory.
#include "investment/investment_store.h"

#include <gtest/gtest.h>

#include "support/store_test.h"
#include "units/unit_store.h"

namespace dh::investment {
namespace {

STORE_TEST_SUITE(InvestmentStoreTest);

Date D(const char* s) { return *Date::Parse(s); }

int64_t AddUnit(db::Connection& c, const char* code) {
  units::Unit u{.code = code, .name = code, .kind = "department", .valid_from = D("2020-01-01")};
  return InsertUnit(c, u, std::nullopt, 1).value();
}

// An import's write of `rows`: SetBulkCache around InsertDisbursementsBulk.
Status WriteBulk(db::Connection& c, const std::vector<Disbursement>& rows) {
  DH_RETURN_IF_ERROR(SetBulkCache(c, true));
  DH_RETURN_IF_ERROR(InsertDisbursementsBulk(c, rows));
  return SetBulkCache(c, false);
}

Project MakeProject(int64_t investor, std::vector<int64_t> locations) {
  return Project{.code = "DA-001",
                 .name = "Đường vành đai 2 (đoạn Nguyễn Văn Linh)",
                 .investor_id = investor,
                 .sector = "transport",
                 .location_unit_ids = std::move(locations),
                 .group = ProjectGroup::kA,
                 .is_key = true,
                 .total_investment = 1'200'000'000'000,
                 .approval_number = "1234/QĐ-UBND",
                 .approval_date = D("2022-03-01"),
                 .start_year = 2023,
                 .end_year = 2027,
                 .created_at = 5,
                 .updated_at = 5};
}

TEST_P(InvestmentStoreTest, SeedsTheCapitalSourceTree) {
  auto sources =
      MustRead<std::vector<CapitalSource>>([](db::Connection& c) { return ListCapitalSources(c); });
  ASSERT_EQ(sources.size(), 8u);
  EXPECT_EQ(sources[0].code, "NSTW");
  EXPECT_EQ(sources[0].level, BudgetLevel::kCentral);
  EXPECT_FALSE(sources[0].parent_id);
  auto land = MustRead<std::optional<CapitalSource>>(
      [](db::Connection& c) { return FindCapitalSourceByCode(c, "NSDP-SDD"); });
  ASSERT_TRUE(land);
  EXPECT_EQ(land->level, BudgetLevel::kLocal);
  EXPECT_EQ(land->parent_id, sources[1].id);
}

TEST_P(InvestmentStoreTest, ProjectsRoundTripWithTheirLocations) {
  const int64_t id = MustWrite<int64_t>([](db::Connection& c) -> Result<int64_t> {
    const int64_t investor = AddUnit(c, "BQL"), d1 = AddUnit(c, "Q1"), d2 = AddUnit(c, "Q2");
    return InsertProject(c, MakeProject(investor, {d2, d1}));
  });
  auto p = MustRead<std::optional<Project>>([&](db::Connection& c) { return GetProject(c, id); });
  ASSERT_TRUE(p);
  EXPECT_EQ(p->name, "Đường vành đai 2 (đoạn Nguyễn Văn Linh)");
  EXPECT_EQ(p->total_investment, 1'200'000'000'000);
  EXPECT_EQ(p->group, ProjectGroup::kA);
  EXPECT_EQ(p->approval_date, D("2022-03-01"));
  EXPECT_EQ(p->location_unit_ids.size(), 2u);
  p->location_unit_ids.pop_back();
  p->physical_percent = 40;
  ASSERT_TRUE(Write([&](db::Connection& c) { return UpdateProject(c, *p); }).ok());
  int seen = 0;
  ASSERT_TRUE(Read([&](db::Connection& c) {
                return ForEachProject(c, [&](const Project& q) {
                  ++seen;
                  EXPECT_EQ(q.physical_percent, 40);
                  EXPECT_EQ(q.location_unit_ids.size(), 1u);
                });
              }).ok());
  EXPECT_EQ(seen, 1);
}

TEST_P(InvestmentStoreTest, VersionsAndDisbursementsStreamBackInOrder) {
  std::vector<Disbursement> rows;
  int64_t project = 0, source = 0;
  ASSERT_TRUE(Write([&](db::Connection& c) -> Status {
                project = InsertProject(c, MakeProject(AddUnit(c, "BQL"), {})).value();
                source = FindCapitalSourceByCode(c, "NSDP-TT").value()->id;
                PlanVersion v{.year = 2026,
                              .project_id = project,
                              .source_id = source,
                              .amount = 50'000'000'000,
                              .decision_number = "10/QĐ-UBND",
                              .decision_date = D("2025-12-20")};
                DH_RETURN_IF_ERROR(InsertPlanVersion(c, v).status());
                v.kind = VersionKind::kCarryOver, v.amount = 7;
                DH_RETURN_IF_ERROR(InsertPlanVersion(c, v).status());
                for (int i = 0; i < 1203; ++i)
                  rows.push_back(
                      {.project_id = project,
                       .source_id = source,
                       .plan_year = 2026,
                       .paid_on = D("2026-03-01").AddDays(i % 200),
                       .amount = i + 1,
                       .import_id = i < 1000 ? std::optional<int64_t>(9) : std::nullopt});
                return InsertDisbursements(c, rows);
              }).ok());
  std::vector<PlanVersion> versions;
  int64_t count = 0, sum = 0, last_id = 0, of_import = 0;
  ASSERT_TRUE(Read([&](db::Connection& c) -> Status {
                DH_RETURN_IF_ERROR(
                    ForEachPlanVersion(c, [&](const PlanVersion& v) { versions.push_back(v); }));
                DH_RETURN_IF_ERROR(ForEachDisbursement(c, [&](const Disbursement& d) {
                  EXPECT_GT(d.id, last_id);
                  last_id = d.id, ++count, sum += d.amount;
                }));
                return ForEachDisbursementOfImport(c, 9, [&](const Disbursement&) { ++of_import; });
              }).ok());
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].amount, 50'000'000'000);
  EXPECT_EQ(versions[0].decision_date, D("2025-12-20"));
  EXPECT_EQ(versions[1].kind, VersionKind::kCarryOver);
  EXPECT_EQ(count, 1203);
  EXPECT_EQ(sum, 1203 * 1204 / 2);
  EXPECT_EQ(of_import, 1000);
}

// An import's rows (InsertDisbursementsBulk): on SQLite statements of 100 rows and then one
// a row for what is left (257 = 2 × 100 + 57), each row whole and in the file's order; a row
// that breaks a foreign key in the middle of the second statement fails the call, and the
// transaction writes nothing.
TEST_P(InvestmentStoreTest, BulkRowsComeBackWholeInOrderAndABadOneWritesNothing) {
  int64_t project = 0, source = 0;
  std::vector<Disbursement> rows;
  ASSERT_TRUE(Write([&](db::Connection& c) -> Status {
                project = InsertProject(c, MakeProject(AddUnit(c, "BQL"), {})).value();
                source = FindCapitalSourceByCode(c, "NSDP-TT").value()->id;
                return Status::Ok();
              }).ok());
  for (int i = 0; i < 257; ++i)
    rows.push_back({.project_id = project,
                    .source_id = source,
                    .plan_year = 2020 + i % 7,
                    .paid_on = D("2026-01-01").AddDays(i),
                    .amount = 1000 + i,
                    .import_id = i % 2 ? std::optional<int64_t>(i) : std::nullopt,
                    .created_at = 5000 + i});
  std::vector<Disbursement> bad = rows;
  bad[150].project_id = project + 1000;  // no such project
  EXPECT_FALSE(Write([&](db::Connection& c) { return WriteBulk(c, bad); }).ok());
  ASSERT_TRUE(Write([&](db::Connection& c) { return WriteBulk(c, rows); }).ok());
  std::vector<Disbursement> back;
  ASSERT_TRUE(Read([&](db::Connection& c) {
                return ForEachDisbursement(c, [&](const Disbursement& d) { back.push_back(d); });
              }).ok());
  ASSERT_EQ(back.size(), rows.size()) << "the bad call wrote nothing";
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i) EXPECT_GT(back[i].id, back[i - 1].id);
    EXPECT_EQ(back[i].project_id, project);
    EXPECT_EQ(back[i].source_id, source);
    EXPECT_EQ(back[i].plan_year, rows[i].plan_year) << i;
    EXPECT_EQ(back[i].paid_on, rows[i].paid_on) << i;
    EXPECT_EQ(back[i].amount, rows[i].amount) << i;
    EXPECT_EQ(back[i].import_id, rows[i].import_id) << i;
    EXPECT_EQ(back[i].created_at, rows[i].created_at) << i;
  }
}

TEST_P(InvestmentStoreTest, TheTrajectoryOfAYearIsReplacedWhole) {
  const std::vector<TargetMilestone> first = {{2026, D("2026-06-30"), 4000},
                                              {2026, D("2026-12-31"), 9500}};
  const std::vector<TargetMilestone> second = {{2026, D("2026-09-30"), 6500}};
  ASSERT_TRUE(Write([&](db::Connection& c) -> Status {
                DH_RETURN_IF_ERROR(ReplaceTargetTrajectory(c, 2026, first, std::nullopt, 1));
                return ReplaceTargetTrajectory(c, 2026, second, std::nullopt, 2);
              }).ok());
  auto got = MustRead<std::vector<TargetMilestone>>(
      [](db::Connection& c) { return TargetTrajectory(c, 2026); });
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].due_on, D("2026-09-30"));
  EXPECT_EQ(got[0].rate_bp, 6500);
}

}  // namespace
}  // namespace dh::investment

namespace dh::investment {
namespace {

// An import's write path (InsertDisbursementsBulk under SetBulkCache) on both databases:
// every row in, in file order, with its fields, more than one PostgreSQL chunk long; a row
// citing no project fails the write.
TEST_P(InvestmentStoreTest, BulkInsertWritesEveryRowInOrder) {
  std::vector<Disbursement> rows;
  ASSERT_TRUE(Write([&](db::Connection& c) -> Status {
                const int64_t project =
                    InsertProject(c, MakeProject(AddUnit(c, "BQL"), {})).value();
                const int64_t source = FindCapitalSourceByCode(c, "NSDP-TT").value()->id;
                for (int i = 0; i < 1234; ++i)
                  rows.push_back({.project_id = project,
                                  .source_id = source,
                                  .plan_year = 2026,
                                  .paid_on = D("2026-02-01").AddDays(i % 300),
                                  .amount = 1000 + i,
                                  .import_id = 4,
                                  .created_at = 77});
                return WriteBulk(c, rows);
              }).ok());
  std::vector<Disbursement> back;
  ASSERT_TRUE(Read([&](db::Connection& c) {
                return ForEachDisbursementOfImport(
                    c, 4, [&](const Disbursement& d) { back.push_back(d); });
              }).ok());
  ASSERT_EQ(back.size(), rows.size());
  for (size_t i = 0; i < rows.size(); i += 97) {
    EXPECT_EQ(back[i].amount, rows[i].amount);
    EXPECT_EQ(back[i].paid_on, rows[i].paid_on);
    EXPECT_EQ(back[i].created_at, 77);
  }
  rows.resize(1);
  rows[0].project_id = 999999;
  EXPECT_FALSE(Write([&](db::Connection& c) { return InsertDisbursementsBulk(c, rows); }).ok());
}

}  // namespace
}  // namespace dh::investment
