// The investment view through a whole App on both databases: the read model loaded from
// invest's streams and kept current through the change feed (a write is in the next answer),
// scope (an investor sees its own projects, a department those it manages), the forecast
// with its shortfall projects, and the warning through the notification job — once a week.
#include "investment/investment_index_service.h"

#include <gtest/gtest.h>

#include "audit/recorder.h"
#include "investment/investment_service.h"
#include "investment/investment_store.h"
#include "support/test_db.h"
#include "users/user_service.h"

namespace dh::investment {
namespace {

using auth::Principal;
using auth::Role;

Date D(const char* s) { return *Date::Parse(s); }
constexpr Money kM = 1'000'000;  // a million đồng

class InvestmentViewTest : public testing::BothDatabases {
 protected:
  void SetUp() override {
    BothDatabases::SetUp();
    if (HasFatalFailure()) return;
    SetToday("2025-07-10");
    city_ = MakeUnit("MA", "Thành phố Minh An", "city", std::nullopt);
    a_ = MakeUnit("MA.BQLGT", "Ban QLDA Giao thông", "agency", city_);
    b_ = MakeUnit("MA.BQLDD", "Ban QLDA Dân dụng", "agency", city_);
    health_ = MakeUnit("MA.SYT", "Sở Y tế", "department", city_);
    admin_ = Person("admin", Role::kAdmin, std::nullopt);
    office_ = Person("vanphong", Role::kOffice, city_);
    investor_a_ = Person("chudautu.gt", Role::kInvestor, a_);
    investor_b_ = Person("chudautu.dd", Role::kInvestor, b_);
    health_officer_ = Person("canbo.syt", Role::kOfficer, health_);
    source_ = Source("NSDP-TT");
    p1_ = AddProject("DA-01", a_, std::nullopt);
    p2_ = AddProject("DA-02", b_, health_);
    // Three past years, back-loaded: 20 % by June, 85 % by December, 95 % by 31 January.
    for (int y = 2022; y <= 2024; ++y)
      for (int64_t p : {p1_, p2_}) PastYear(p, y);
    Plan(p1_, 2025, 1000 * kM);
    Plan(p2_, 2025, 1000 * kM);
    Pay(p1_, 2025, "2025-03-15", 120 * kM);
    Pay(p1_, 2025, "2025-06-20", 100 * kM);
    Pay(p2_, 2025, "2025-02-10", 60 * kM);  // then nothing: far behind
  }

  int64_t MakeUnit(const std::string& code, const std::string& name, const std::string& kind,
                   std::optional<int64_t> parent) {
    units::UnitInput in{.code = code,
                        .name = name,
                        .kind = kind,
                        .parent_id = parent,
                        .parent_given = true,
                        .valid_from = D("2020-01-01")};
    auto r = app().units().Create(nullptr, in);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->unit.id : 0;
  }
  Principal Person(const std::string& username, Role role, std::optional<int64_t> unit) {
    users::UserInput in{.username = username,
                        .full_name = "Nguyễn Văn " + username,
                        .password = "mat-khau-2026",
                        .roles = std::vector<auth::RoleGrant>{{role, unit}}};
    auto u = app().users().Create(nullptr, in);
    EXPECT_TRUE(u.ok()) << u.status().ToString();
    return Principal{u.ok() ? u->id : 0, username, username, {{role, unit}}};
  }
  void SetToday(const char* day) {
    clock().Set(std::chrono::system_clock::time_point(
        std::chrono::seconds(int64_t{D(day).days()} * 86400 + 2 * 3600)));
  }
  int64_t Source(const char* code) {
    int64_t id = 0;
    EXPECT_TRUE(db::Read(db(), [&](db::Connection& c) -> Status {
                  DH_ASSIGN_OR_RETURN(auto s, FindCapitalSourceByCode(c, code));
                  id = s ? s->id : 0;
                  return Status::Ok();
                }).ok());
    return id;
  }
  // A write and its audit entry, as invest's services make them.
  void Write(const char* entity, const std::function<Result<int64_t>(db::Connection&)>& insert) {
    const Status s = db::InTransaction(db(), [&](db::Connection& c) -> Status {
      DH_ASSIGN_OR_RETURN(int64_t id, insert(c));
      return audit::Record(c, nullptr, {std::string(entity) + ".create", entity, id},
                           clock().NowSeconds());
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  int64_t AddProject(const char* code, int64_t investor, std::optional<int64_t> manager) {
    int64_t id = 0;
    Write("project", [&](db::Connection& c) -> Result<int64_t> {
      Project p{.code = code,
                .name = std::string("Dự án ") + code,
                .investor_id = investor,
                .managing_unit_id = manager,
                .sector = "transport",
                .total_investment = 100'000 * kM,
                .approval_number = "1/QĐ-UBND",
                .start_year = 2020,
                .end_year = 2027};
      DH_ASSIGN_OR_RETURN(id, InsertProject(c, p));
      return id;
    });
    return id;
  }
  void Plan(int64_t project, int year, Money amount) {
    Write("annual_plan", [&](db::Connection& c) {
      PlanVersion v{.year = year,
                    .project_id = project,
                    .source_id = source_,
                    .basis = PlanBasis::kCouncil,
                    .amount = amount,
                    .decision_number = "1/NQ",
                    .decision_date = *Date::FromYmd(year - 1, 12, 10)};
      return InsertPlanVersion(c, v);
    });
  }
  void Pay(int64_t project, int year, const char* day, Money amount) {
    Write("disbursement", [&](db::Connection& c) {
      Disbursement d{.project_id = project,
                     .source_id = source_,
                     .plan_year = year,
                     .paid_on = D(day),
                     .amount = amount};
      return InsertDisbursement(c, d);
    });
  }
  void PastYear(int64_t p, int y) {
    Plan(p, y, 1000 * kM);
    const std::string year = std::to_string(y), next = std::to_string(y + 1);
    Pay(p, y, (year + "-06-15").c_str(), 200 * kM);
    Pay(p, y, (year + "-12-15").c_str(), 650 * kM);
    Pay(p, y, (next + "-01-20").c_str(), 100 * kM);
  }
  std::map<int64_t, Money> ByInvestor(const Principal& who) {
    auto a = app().investment_view().Rollup(who, {2025, PlanBasis::kCouncil, RollupBy::kInvestor});
    EXPECT_TRUE(a.ok()) << a.status().ToString();
    std::map<int64_t, Money> out;
    if (a.ok())
      for (const RollupRow& r : a->rows) out[r.key] = r.sums.disbursed;
    return out;
  }
  // The import of `file`, refused for its one wrong row (`row`, in `column`).
  void ExpectOneWrongRow(const std::string& file, int row, const char* column) {
    sheets::RowErrors errors;
    auto r = app().investment().ImportDisbursements(nullptr, file, "text/csv", "bad.csv", &errors);
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].row, row);
    EXPECT_EQ(errors[0].column, column);
  }
  // The one number `sql` counts, straight from the database.
  int64_t Count(const char* sql) {
    int64_t n = -1;
    EXPECT_TRUE(db::Read(db(), [&](db::Connection& c) -> Status {
                  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(sql));
                  n = r.Int(0, 0);
                  return Status::Ok();
                }).ok());
    return n;
  }

  int64_t city_ = 0, a_ = 0, b_ = 0, health_ = 0, source_ = 0, p1_ = 0, p2_ = 0;
  Principal admin_, office_, investor_a_, investor_b_, health_officer_;
};
INSTANTIATE_BOTH(InvestmentViewTest);

TEST_P(InvestmentViewTest, RollsUpInScopeAndSeesEachWriteAtOnce) {
  EXPECT_EQ(ByInvestor(admin_), (std::map<int64_t, Money>{{a_, 220 * kM}, {b_, 60 * kM}}));
  EXPECT_EQ(ByInvestor(investor_a_), (std::map<int64_t, Money>{{a_, 220 * kM}}))
      << "an investor sees only its projects";
  EXPECT_EQ(ByInvestor(health_officer_), (std::map<int64_t, Money>{{b_, 60 * kM}}))
      << "a department sees the projects it manages";
  Pay(p2_, 2025, "2025-07-05", 40 * kM);
  EXPECT_EQ(ByInvestor(admin_)[b_], 100 * kM) << "the write is in the next answer";
  auto a = app().investment_view().Rollup(admin_, {2025, PlanBasis::kCouncil, RollupBy::kCity});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->total.plan, 2000 * kM);
  EXPECT_EQ(a->past.size(), 3u);
  ASSERT_TRUE(a->same_date_average);
  EXPECT_NEAR(*a->same_date_average, 0.2, 0.01) << "20 % by June in each past year";
  EXPECT_FALSE(app().investment_view().Sees(investor_a_, p2_));
  EXPECT_TRUE(app().investment_view().Sees(health_officer_, p2_));
  Principal nobody{1, "x", "x", {{Role::kBusiness, city_}}};
  EXPECT_EQ(app().investment_view().Rollup(nobody, {2025}).status().code(), StatusCode::kForbidden);
}

TEST_P(InvestmentViewTest, ForecastsAndNamesTheProjectsBehindTheShortfall) {
  auto f = app().investment_view().Forecast(admin_, 2025, PlanBasis::kCouncil, std::nullopt);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  ASSERT_TRUE(f->forecast.january);
  EXPECT_LT(f->forecast.january->point, 0.95);
  EXPECT_EQ(f->forecast.years_used, 3);
  ASSERT_EQ(f->investors.size(), 2u);
  EXPECT_EQ(f->investors[0].investor_id, b_) << "the worst first";
  EXPECT_TRUE(f->investors[0].below_target);
  EXPECT_FALSE(f->investors[1].below_target);
  ASSERT_FALSE(f->projects.empty());
  EXPECT_EQ(f->projects[0].project_id, p2_);
  EXPECT_EQ(f->projects[0].reasons[0].code, "no_disbursement");
  EXPECT_EQ(f->backtest.size(), 3u);
  auto mine = app().investment_view().Forecast(investor_a_, 2025, PlanBasis::kCouncil, b_);
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->plan, 0) << "another investor's projects are not there";
}

TEST_P(InvestmentViewTest, WarnsTheInvestorAndTheOfficeOnceAWeek) {
  auto count = [&](int64_t user) {
    int64_t n = 0;
    EXPECT_TRUE(db::Read(db(), [&](db::Connection& c) -> Status {
                  DH_ASSIGN_OR_RETURN(
                      db::Rows r, c.Query("SELECT COUNT(*) FROM notifications WHERE user_id = ? "
                                          "AND kind = 'investment_forecast'",
                                          {user}));
                  n = r.Int(0, 0);
                  return Status::Ok();
                }).ok());
    return n;
  };
  auto pass = app().notification_job().RunOnce();
  EXPECT_GE(pass.written["investment_forecast"], 2) << "investor B and the office";
  EXPECT_EQ(count(investor_b_.user_id), 1);
  EXPECT_EQ(count(office_.user_id), 1);
  EXPECT_EQ(count(investor_a_.user_id), 0) << "on its way to the target";
  EXPECT_EQ(app().notification_job().RunOnce().written["investment_forecast"], 0)
      << "the same week: nothing again";
  SetToday("2025-07-17");
  app().notification_job().RunOnce();
  EXPECT_EQ(count(investor_b_.user_id), 2) << "a week later, still below: again";
}

}  // namespace
}  // namespace dh::investment

namespace dh::investment {
namespace {

// The Treasury's file is read once, its rows written as they are read: a wrong row after the
// first chunks have gone in (20 000 rows each) still leaves nothing behind, not even the
// ledger's record; the good file goes in whole, is in the read model's next answer, and the
// same file again changes nothing.
TEST_P(InvestmentViewTest, ImportsAFileWholeOrNotAtAll) {
  auto count = [&](const char* sql) { return Count(sql); };
  const char* kRows = "SELECT COUNT(*) FROM disbursements";
  const char* kLedger = "SELECT COALESCE(SUM(row_count), 0) FROM sheet_imports";
  const int64_t rows = count(kRows), ledger = count(kLedger);
  std::string good = "project_code,source_code,plan_year,paid_on,amount\n";
  for (int i = 0; i < 25000; ++i)
    good += std::string(i % 2 ? "DA-01" : "DA-02") + ",NSDP-TT,2025,15/05/2025,1.000\n";
  const std::string bad = good + "DA-01,NSDP-TT,2025,01/03/2026,1.000\n";  // past 31/01/2026
  ExpectOneWrongRow(bad, 25002, "Ngày giải ngân");
  EXPECT_EQ(count(kRows), rows) << "nothing imported when a row is wrong";
  EXPECT_EQ(count(kLedger), ledger);
  EXPECT_EQ(ByInvestor(admin_), (std::map<int64_t, Money>{{a_, 220 * kM}, {b_, 60 * kM}}));

  sheets::RowErrors errors;
  auto r =
      app().investment().ImportDisbursements(nullptr, good, "text/csv", "kho-bac.csv", &errors);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(r->imported, 25000);
  EXPECT_EQ(r->total, 25000 * 1000);
  EXPECT_EQ(count(kRows), rows + 25000);
  EXPECT_EQ(count(kLedger), ledger + 25000) << "the ledger counts the rows read";
  EXPECT_EQ(ByInvestor(admin_),
            (std::map<int64_t, Money>{{a_, 220 * kM + 12'500'000}, {b_, 60 * kM + 12'500'000}}));

  r = app().investment().ImportDisbursements(nullptr, good, "text/csv", "lai.csv", &errors);
  EXPECT_EQ(r.status().code(), StatusCode::kConflict);
  EXPECT_EQ(count(kRows), rows + 25000) << "the same file twice changes nothing";
}

// An import written in chunks of 20.000 rows, and on SQLite in statements of 100 rows: a
// file whose length is a multiple of neither (20.257 rows) comes in whole; a wrong row in
// the middle of the second chunk leaves nothing of the first written.
TEST_P(InvestmentViewTest, ImportsRowsPastTheChunksWholeOrNotAtAll) {
  auto rows = [&] { return Count("SELECT COUNT(*) FROM disbursements"); };
  const int64_t before = rows();
  std::string good = "project_code,source_code,plan_year,paid_on,amount\n", bad = good;
  for (int i = 0; i < 20257; ++i) {
    const std::string line = std::string(i % 2 ? "DA-01" : "DA-02") + ",NSDP-TT,2025,15/05/2025," +
                             std::to_string(1000 + i) + "\n";
    good += line;
    bad += i == 20100 ? "DA-99,NSDP-TT,2025,15/05/2025,1000\n" : line;
  }
  ExpectOneWrongRow(bad, 20102, "Mã dự án");
  EXPECT_EQ(rows(), before) << "nothing of the first chunk stays";
  sheets::RowErrors errors;
  auto r =
      app().investment().ImportDisbursements(nullptr, good, "text/csv", "kho-bac.csv", &errors);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->imported, 20257);
  EXPECT_EQ(r->total, int64_t{20257} * 1000 + int64_t{20256} * 20257 / 2);
  EXPECT_EQ(rows(), before + 20257);
  EXPECT_EQ(ByInvestor(admin_)[a_] + ByInvestor(admin_)[b_], 280 * kM + r->total);
}

// An answer asks the database nothing while this process has committed nothing: a change
// another process commits (here straight on a connection, past this process's write path) is
// not looked for by the request, and comes in when the shared feed catches up (the App's
// refresher does every second); a write of this process is in the next answer at once.
TEST_P(InvestmentViewTest, AsksTheDatabaseOnlyAfterACommitOfItsOwn) {
  EXPECT_EQ(ByInvestor(admin_)[b_], 60 * kM);
  {
    auto c = db().Acquire();
    ASSERT_TRUE(c.ok());
    ASSERT_TRUE((*c)->Begin(true).ok());
    Disbursement d{.project_id = p2_,
                   .source_id = source_,
                   .plan_year = 2025,
                   .paid_on = D("2025-07-01"),
                   .amount = 40 * kM};
    auto id = InsertDisbursement(**c, d);
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(audit::Record(**c, nullptr, {"disbursement.create", "disbursement", *id},
                              clock().NowSeconds())
                    .ok());
    ASSERT_TRUE((*c)->Commit().ok());
  }
  EXPECT_EQ(ByInvestor(admin_)[b_], 60 * kM) << "no query while nothing was committed here";
  ASSERT_TRUE(app().tasks().CatchUp().ok());  // what the refresher does
  EXPECT_EQ(ByInvestor(admin_)[b_], 100 * kM);
  Pay(p2_, 2025, "2025-07-08", 5 * kM);
  EXPECT_EQ(ByInvestor(admin_)[b_], 105 * kM) << "a write of this process, at once";
}

}  // namespace
}  // namespace dh::investment
