// The provincial scoreboard at national scale (issue 11 "Speed"): the targets read model
// (src/targets/target_model.h, statuses computed in memory) against the same status counts
// computed by one SQL query on SQLite and PostgreSQL, on one generated country (fixed seed):
// BENCH_INDICATORS indicators (50 000) × the units that report each (BENCH_REPORTERS, 2) ×
// 12 monthly values of 2025, each target of 2025 for its unit; units spread over 63
// provinces. Prints (DESIGN §5):
//
//   bench: targets_scoreboard ours_ms=<median> judged_on_read_ms=<median, the baseline>
//          sqlite_ms=<median> postgres_ms=<median>
//          ratio=<faster SQL/ours> targets=<in the province> total_targets=<n> values=<n>
//
// Usage: targets_scoreboard --sqlite FILE [--pg URL] [--indicators N] [--reporters N]
//        [--repeat N] [--sql-repeat N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "db/database.h"
#include "db/migrations.h"
#include "targets/target_model.h"

namespace dh {
namespace {

using targets::Period;

constexpr int kProvinces = 63;
constexpr int kUnitsPerProvince = 20;
constexpr int64_t kUnits = kProvinces * kUnitsPerProvince;

struct Options {
  std::string sqlite, pg;
  int indicators = 50000, reporters = 2, repeat = 21, sql_repeat = 5;
};

// The generated country, the same for both databases and the model.
struct Country {
  std::vector<targets::Indicator> indicators;
  std::vector<targets::Target> targets;
  std::vector<targets::IndicatorValue> values;
};

Country Generate(const Options& o, int64_t first_unit) {
  std::mt19937_64 rng(20250101);
  Country c;
  const char* exprs[] = {"trên 95%", "tối thiểu 1.000 căn", "7,5 – 8 %", "không quá 400 vụ"};
  for (int i = 0; i < o.indicators; ++i) {
    targets::Indicator ind{i + 1, "I" + std::to_string(i + 1), "Chỉ số " + std::to_string(i + 1),
                           "Indicator", "%"};
    ind.aggregation = i % 2 ? targets::Aggregation::kSum : targets::Aggregation::kNone;
    ind.direction =
        i % 4 == 3 ? targets::Direction::kLowerBetter : targets::Direction::kHigherBetter;
    ind.periodicity = targets::Periodicity::kMonth;
    ind.responsible_unit_id = first_unit;
    c.indicators.push_back(ind);
    const int64_t base = static_cast<int64_t>(rng() % kUnits);
    for (int r = 0; r < o.reporters; ++r) {
      const int64_t unit = first_unit + (base + r * (kUnits / o.reporters)) % kUnits;
      targets::Target t{static_cast<int64_t>(c.targets.size() + 1), ind.id, unit,
                        Period::Year(2025)};
      t.expression = exprs[i % 4];
      t.parsed = *targets::ReadTargetExpression(t.expression);
      c.targets.push_back(t);
      const int months = 1 + static_cast<int>(rng() % 12);
      for (int m = 1; m <= months; ++m) {
        targets::IndicatorValue v{static_cast<int64_t>(c.values.size() + 1), ind.id, unit,
                                  Period::Month(2025, m)};
        v.kind = m == 12 ? targets::ValueKind::kOfficial : targets::ValueKind::kEstimate;
        v.value = t.parsed.values[0] * (0.5 + (rng() % 1000) / 1000.0) *
                  (ind.aggregation == targets::Aggregation::kSum ? m / 12.0 : 1);
        v.state = targets::ValueState::kApproved;
        c.values.push_back(v);
      }
    }
  }
  return c;
}

double Ms(std::chrono::steady_clock::time_point a) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace
}  // namespace dh

namespace dh {
namespace {

// ---- Loading a database ------------------------------------------------------------------

constexpr char kInsertUnitSql[] =
    "INSERT INTO units (code, name, name_folded, kind, valid_from, created_at) "
    "VALUES ";
constexpr char kUnitRow[] = "(?, ?, ?, 'department', '2020-01-01', 0)";
constexpr char kInsertIndicatorSql[] =
    "INSERT INTO indicators (code, name, name_en, unit_of_measure, direction, aggregation, "
    "periodicity, responsible_unit_id, group_name, computed, created_at, updated_at) VALUES ";
constexpr char kIndicatorRow[] = "(?, ?, '', '%', ?, ?, 'month', ?, '', '', 0, 0)";
constexpr char kInsertTargetSql[] =
    "INSERT INTO targets (indicator_id, unit_id, period, expression, comparator, value_low, "
    "value_high, relative, unit_text, note, created_at, updated_at) VALUES ";
constexpr char kTargetRow[] = "(?, ?, '2025', ?, ?, ?, ?, 0, ?, '', 0, 0)";
constexpr char kInsertValueSql[] =
    "INSERT INTO indicator_values (indicator_id, unit_id, period, kind, value, source, note, "
    "state, submitted_at, decision_note) VALUES ";
constexpr char kValueRow[] = "(?, ?, ?, ?, ?, '', '', 'approved', 0, '')";
constexpr char kFirstUnitSql[] = "SELECT MIN(id) FROM units";

// The scoreboard of one province by SQL: each target's latest approved value, judged as
// target_status.h does (whole year: met → achieved/on track, else missed/at risk; a part of
// the year of a volume: its share against the months elapsed).
constexpr char kScoreboardSql[] =
    "WITH latest AS (SELECT indicator_id, unit_id, period, value, kind, ROW_NUMBER() OVER "
    "(PARTITION BY indicator_id, unit_id ORDER BY period DESC, kind DESC) AS rn "
    "FROM indicator_values WHERE state = 'approved' AND unit_id BETWEEN ? AND ?) "
    "SELECT s, COUNT(*) FROM (SELECT CASE WHEN l.value IS NULL THEN 'not_reported' "
    "WHEN (CASE t.comparator WHEN '>' THEN l.value > t.value_low "
    "WHEN '>=' THEN l.value >= t.value_low WHEN '<' THEN l.value < t.value_low "
    "WHEN '<=' THEN l.value <= t.value_low "
    "WHEN 'between' THEN l.value >= t.value_low AND l.value <= t.value_high "
    "ELSE l.value >= t.value_low END) "
    "THEN CASE WHEN l.kind = 'official' THEN 'achieved' ELSE 'on_track' END "
    "WHEN i.aggregation = 'sum' AND SUBSTR(l.period, 6, 2) <> '12' AND t.comparator IN ('>', "
    "'>=', 'between', '=') AND l.value * 1200.0 >= t.value_low * "
    "CAST(SUBSTR(l.period, 6, 2) AS INTEGER) * 100.0 THEN 'on_track' "
    "WHEN l.kind = 'official' AND SUBSTR(l.period, 6, 2) = '12' THEN 'missed' "
    "ELSE 'at_risk' END AS s "
    "FROM targets t JOIN indicators i ON i.id = t.indicator_id LEFT JOIN latest l "
    "ON l.indicator_id = t.indicator_id AND l.unit_id = t.unit_id AND l.rn = 1 "
    "WHERE t.period = '2025' AND t.unit_id BETWEEN ? AND ?) x GROUP BY s";

// Runs "head (row),(row)…" for `n` rows, 200 at a time; `bind(i, params)` adds row i's.
template <typename Bind>
Status Bulk(db::Connection& c, const char* head, const char* row, size_t n, Bind bind) {
  for (size_t at = 0; at < n; at += 200) {
    std::string sql = head;
    db::Params p;
    for (size_t i = at; i < std::min(n, at + 200); ++i) {
      sql += (i == at ? "" : ", ") + std::string(row);
      bind(i, p);
    }
    DH_RETURN_IF_ERROR(c.Exec(sql, p).status());
  }
  return Status::Ok();
}

Status LoadUnits(db::Connection& c) {
  const size_t n = kProvinces * kUnitsPerProvince;
  return Bulk(c, kInsertUnitSql, kUnitRow, n, [](size_t i, db::Params& p) {
    const std::string code = "U" + std::to_string(i);
    p.insert(p.end(), {code, code, code});
  });
}

Status LoadCountry(db::Connection& c, const Country& k) {
  DH_RETURN_IF_ERROR(Bulk(
      c, kInsertIndicatorSql, kIndicatorRow, k.indicators.size(), [&](size_t i, db::Params& p) {
        const auto& x = k.indicators[i];
        p.insert(p.end(), {x.code, x.name, std::string(DirectionName(x.direction)),
                           std::string(AggregationName(x.aggregation)), x.responsible_unit_id});
      }));
  DH_RETURN_IF_ERROR(
      Bulk(c, kInsertTargetSql, kTargetRow, k.targets.size(), [&](size_t i, db::Params& p) {
        const auto& t = k.targets[i];
        const auto& e = t.parsed;
        p.insert(p.end(), {t.indicator_id, t.unit_id, t.expression,
                           std::string(ComparatorName(e.comparator)), e.values[0],
                           e.values.size() > 1 ? db::Value(e.values[1]) : db::Value(), e.unit});
      }));
  return Bulk(c, kInsertValueSql, kValueRow, k.values.size(), [&](size_t i, db::Params& p) {
    const auto& v = k.values[i];
    p.insert(p.end(), {v.indicator_id, v.unit_id, v.period.ToString(),
                       std::string(ValueKindName(v.kind)), v.value});
  });
}

Result<std::unique_ptr<db::Database>> Fill(const std::string& url, const Options& o, Country* k) {
  DH_ASSIGN_OR_RETURN(auto dbp, db::Database::Open(url, 2, db::DatabaseOptions::OldPath()));
  DH_RETURN_IF_ERROR(db::Migrate(*dbp).status());
  int64_t first = 0;
  DH_RETURN_IF_ERROR(db::InTransaction(*dbp, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(LoadUnits(c));
    DH_ASSIGN_OR_RETURN(auto r, c.Query(kFirstUnitSql));
    first = r.Int(0, 0);
    if (k->indicators.empty()) *k = Generate(o, first);
    return LoadCountry(c, *k);
  }));
  if (dbp->dialect() == db::Dialect::kPostgres) {
    DH_ASSIGN_OR_RETURN(auto conn, dbp->Acquire());
    DH_RETURN_IF_ERROR(conn->ExecScript("VACUUM ANALYZE"));
  }
  return dbp;
}

// ---- Measuring --------------------------------------------------------------------------

struct Province {
  int64_t first, last;
};

double TimeSql(db::Database& d, const Province& p, int repeat, int64_t* counted) {
  std::vector<double> ms;
  for (int i = 0; i < repeat; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    int64_t n = 0;
    const Status s = db::Read(d, [&](db::Connection& c) -> Status {
      DH_ASSIGN_OR_RETURN(auto r, c.Query(kScoreboardSql, {p.first, p.last, p.first, p.last}));
      for (size_t j = 0; j < r.size(); ++j) n += r.Int(j, 1);
      return Status::Ok();
    });
    ms.push_back(Ms(t0));
    if (!s.ok()) std::fprintf(stderr, "sql: %s\n", s.message().c_str());
    *counted = n;
  }
  return Median(ms);
}

// `judge_now`: every target judged on the read, its sentence built again (the baseline: how the
// model answered before it kept each target's verdict).
double TimeModel(const targets::TargetModel& m, const Province& p, int repeat, bool judge_now,
                 int64_t* counted) {
  std::vector<double> ms;
  for (int i = 0; i < repeat; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    targets::TargetQuery q;
    q.period = Period::Year(2025);
    q.judge_now = judge_now;
    q.in_scope = [&](int64_t u) { return u >= p.first && u <= p.last; };
    q.units.emplace();
    for (int64_t u = p.first; u <= p.last; ++u) q.units->push_back(u);
    int64_t by_status[5] = {};
    const auto rows = m.Query(q);
    for (const auto& r : rows) ++by_status[static_cast<int>(r.verdict.status)];
    ms.push_back(Ms(t0));
    *counted = static_cast<int64_t>(rows.size());
  }
  return Median(ms);
}

Options ParseArgs(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--sqlite") o.sqlite = v;
    if (k == "--pg") o.pg = v;
    if (k == "--indicators") o.indicators = std::stoi(v);
    if (k == "--reporters") o.reporters = std::stoi(v);
    if (k == "--repeat") o.repeat = std::stoi(v);
    if (k == "--sql-repeat") o.sql_repeat = std::stoi(v);
  }
  return o;
}

int Run(const Options& o) {
  Country k;
  auto lite = Fill("sqlite:" + o.sqlite, o, &k);
  if (!lite.ok()) return std::fprintf(stderr, "sqlite: %s\n", lite.status().message().c_str()), 1;
  std::unique_ptr<db::Database> pg;
  if (!o.pg.empty()) {
    auto r = Fill(o.pg, o, &k);
    if (!r.ok()) return std::fprintf(stderr, "postgres: %s\n", r.status().message().c_str()), 1;
    pg = std::move(*r);
  }
  targets::ComputedSources sources;
  targets::TargetModel model(sources);
  model.Replace(k.indicators, k.targets, k.values);
  // The province with the most targets' units: the 10th, a fixed choice.
  const int64_t first_unit = k.indicators[0].responsible_unit_id;
  const Province p{first_unit + 10 * kUnitsPerProvince, first_unit + 11 * kUnitsPerProvince - 1};
  int64_t ours_n = 0, lite_n = 0, pg_n = 0, judged_n = 0;
  const double ours = TimeModel(model, p, o.repeat, false, &ours_n);
  const double judged = TimeModel(model, p, o.repeat, true, &judged_n);
  const double lite_ms = TimeSql(**lite, p, o.sql_repeat, &lite_n);
  const double pg_ms = pg ? TimeSql(*pg, p, o.sql_repeat, &pg_n) : 0;
  const double best_sql = pg ? std::min(lite_ms, pg_ms) : lite_ms;
  std::printf(
      "bench: targets_scoreboard ours_ms=%.3f judged_on_read_ms=%.3f sqlite_ms=%.1f "
      "postgres_ms=%.1f ratio=%.0f "
      "targets=%lld sql_targets=%lld total_targets=%zu values=%zu\n",
      ours, judged, lite_ms, pg_ms, best_sql / std::max(ours, 1e-6), static_cast<long long>(ours_n),
      static_cast<long long>(lite_n), k.targets.size(), k.values.size());
  return 0;
}

}  // namespace
}  // namespace dh

int main(int argc, char** argv) {
  const dh::Options o = dh::ParseArgs(argc, argv);
  if (o.sqlite.empty()) {
    std::fprintf(stderr, "usage: targets_scoreboard --sqlite FILE [--pg URL] [--indicators N]\n");
    return 2;
  }
  return dh::Run(o);
}
