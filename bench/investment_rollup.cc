// The investment roll-up (issue 10 "Speed"): disbursement by investor × month from the read
// model (InvestmentIndex) against the same aggregation in SQL on SQLite (and PostgreSQL when
// given), on a portfolio generated from a fixed seed. Prints (DESIGN §5):
//
//   bench: investment_rollup rows=<disbursements> ours_ms=<median> sqlite_ms=<median>
//          postgres_ms=<median|-> ratio=<fastest SQL / ours>
//   bench: investment_index_load rows=<n> ms=<build from rows> rows_per_s=<n> rss_mb=<added>
//          index_mb=<MemoryBytes> db_load_ms=<from SQLite through invest's stream>
//
//   investment_rollup --rows N [--sqlite PATH] [--pg URL] [--export DIR] [--repeat N]
//
// --export writes projects.csv and disbursements.csv for bench/duckdb/rollup.mjs (the same
// aggregation on DuckDB). bench/investment.sh drives it.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "db/database.h"
#include "db/migrations.h"
#include "investment/investment_index.h"
#include "investment/investment_store.h"
#include "units/unit_store.h"

namespace {

using namespace dh;
using namespace dh::investment;
using Steady = std::chrono::steady_clock;

constexpr int kYear = 2026, kSources = 3;

struct Portfolio {
  int investors = 0;
  std::vector<Project> projects;
  std::vector<PlanVersion> plans;
  std::vector<Disbursement> payments;
};

uint64_t Next(uint64_t& s) { return s = s * 6364136223846793005ULL + 1442695040888963407ULL; }

Portfolio Generate(int64_t rows) {
  Portfolio p;
  const int64_t projects = std::max<int64_t>(10, rows / 100);
  p.investors = static_cast<int>(std::clamp<int64_t>(projects / 200, 5, 2000));
  uint64_t seed = 20261206;
  for (int64_t i = 1; i <= projects; ++i) {
    Project x{.id = i,
              .code = "DA" + std::to_string(i),
              .name = "Dự án " + std::to_string(i),
              .investor_id = 1 + static_cast<int64_t>(Next(seed) >> 33) % p.investors,
              .sector = "transport"};
    p.projects.push_back(x);
    for (int s = 1; s <= kSources; ++s)
      p.plans.push_back({.id = static_cast<int64_t>(p.plans.size()) + 1,
                         .year = kYear,
                         .project_id = i,
                         .source_id = s,
                         .amount = 3'000'000'000});
  }
  const Date start = *Date::FromYmd(kYear, 1, 1);
  for (int64_t i = 1; i <= rows; ++i) {
    const uint64_t r = Next(seed) >> 20;
    p.payments.push_back({.id = i,
                          .project_id = 1 + static_cast<int64_t>(r % projects),
                          .source_id = 1 + static_cast<int64_t>((r >> 20) % kSources),
                          .plan_year = kYear,
                          .paid_on = start.AddDays(static_cast<int>((r >> 25) % 395)),
                          .amount = 1'000'000 + static_cast<Money>(r % 50'000'000)});
  }
  return p;
}

double Ms(Steady::time_point a) {
  return std::chrono::duration<double, std::milli>(Steady::now() - a).count();
}

double RssMb() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024;
  return 0;
}

template <typename F>
double Median(int repeat, F&& f) {
  std::vector<double> t;
  for (int i = 0; i < repeat; ++i) {
    const auto a = Steady::now();
    f();
    t.push_back(Ms(a));
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

Status Fill(db::Database& db, const Portfolio& p) {
  return db::InTransaction(db, [&](db::Connection& c) -> Status {
    for (int i = 1; i <= p.investors; ++i) {
      units::Unit u{.code = "CDT" + std::to_string(i),
                    .name = "Chủ đầu tư " + std::to_string(i),
                    .kind = "agency",
                    .valid_from = *Date::FromYmd(2020, 1, 1)};
      DH_RETURN_IF_ERROR(units::InsertUnit(c, u, std::nullopt, 1).status());
    }
    for (const Project& x : p.projects) DH_RETURN_IF_ERROR(InsertProject(c, x).status());
    return InsertDisbursements(c, p.payments);
  });
}

// The aggregation the board asks, in SQL: paid per investor and month of the year's window.
constexpr const char* kSql =
    "SELECT p.investor_id, substr(d.paid_on, 1, 7) AS m, SUM(d.amount) FROM disbursements d "
    "JOIN projects p ON p.id = d.project_id WHERE d.plan_year = ? AND d.paid_on <= ? "
    "GROUP BY p.investor_id, m";

double SqlMs(db::Database& db, int repeat) {
  return Median(repeat, [&] {
    (void)db::Read(db, [&](db::Connection& c) -> Status {
      DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kSql, {int64_t{kYear}, std::string("2027-01-31")}));
      if (r.empty()) std::fprintf(stderr, "empty SQL answer\n");
      return Status::Ok();
    });
  });
}

void Export(const Portfolio& p, const std::string& dir) {
  std::ofstream pr(dir + "/projects.csv"), d(dir + "/disbursements.csv");
  pr << "id,investor_id\n";
  for (const Project& x : p.projects) pr << x.id << ',' << x.investor_id << '\n';
  d << "project_id,plan_year,paid_on,amount\n";
  for (const Disbursement& x : p.payments)
    d << x.project_id << ',' << x.plan_year << ',' << x.paid_on.ToString() << ',' << x.amount
      << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> a;
  for (int i = 1; i + 1 < argc; i += 2) a[argv[i]] = argv[i + 1];
  const int64_t rows = a.count("--rows") ? std::stoll(a["--rows"]) : 1'000'000;
  const int repeat = a.count("--repeat") ? std::stoi(a["--repeat"]) : 21;
  const Portfolio p = Generate(rows);
  if (a.count("--export")) Export(p, a["--export"]);
  const double rss0 = RssMb();
  InvestmentIndex index;
  auto t = Steady::now();
  index.Reserve(p.projects.size(), p.plans.size());
  for (const Project& x : p.projects) index.PutProject(x);
  for (const PlanVersion& v : p.plans) index.AddPlanVersion(v);
  for (const Disbursement& d : p.payments) index.AddDisbursement(d);
  const double load_ms = Ms(t);
  const double rss = RssMb() - rss0;
  const double ours = Median(repeat, [&] {
    if (index.Rollup(kYear, PlanBasis::kCouncil, RollupBy::kInvestor, {}).empty())
      std::fprintf(stderr, "empty roll-up\n");
  });
  std::string sqlite_ms = "-", pg_ms = "-", db_load = "-";
  double fastest = 1e18;
  for (const char* kind : {"--sqlite", "--pg"}) {
    if (!a.count(kind)) continue;
    const std::string url = std::string(kind) == "--sqlite" ? "sqlite:" + a[kind] : a[kind];
    auto db = db::Database::Open(url, 2);
    if (!db.ok() || !db::Migrate(**db).ok() || !Fill(**db, p).ok()) {
      std::fprintf(stderr, "cannot fill %s\n", url.c_str());
      return 1;
    }
    const double ms = SqlMs(**db, std::max(3, repeat / 4));
    fastest = std::min(fastest, ms);
    (std::string(kind) == "--sqlite" ? sqlite_ms : pg_ms) = std::to_string(ms);
    if (std::string(kind) == "--sqlite") {
      InvestmentIndex from_db;
      t = Steady::now();
      (void)db::Read(**db, [&](db::Connection& c) {
        return ForEachDisbursement(c, [&](const Disbursement& d) { from_db.AddDisbursement(d); });
      });
      db_load = std::to_string(Ms(t));
    }
  }
  std::printf(
      "bench: investment_rollup rows=%lld ours_ms=%.3f sqlite_ms=%s postgres_ms=%s ratio=%s\n",
      static_cast<long long>(rows), ours, sqlite_ms.c_str(), pg_ms.c_str(),
      fastest < 1e18 ? std::to_string(fastest / ours).c_str() : "-");
  std::printf(
      "bench: investment_index_load rows=%lld ms=%.0f rows_per_s=%.0f rss_mb=%.0f index_mb=%.0f "
      "db_load_ms=%s\n",
      static_cast<long long>(rows), load_ms, rows / (load_ms / 1000), rss,
      index.MemoryBytes() / 1048576.0, db_load.c_str());
  return 0;
}
