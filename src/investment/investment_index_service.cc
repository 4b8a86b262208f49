#include "investment/investment_index_service.h"

#include <algorithm>
#include <set>

#include "db/write_generation.h"
#include "investment/investment_index_store.h"
#include "investment/investment_messages.h"
#include "investment/investment_store.h"
#include "tasks/task_access.h"
#include "units/unit_scope.h"

namespace dh::investment {
namespace {

constexpr int kShortfallProjects = 20;
constexpr int kBacktestYears = 10;

}  // namespace

InvestmentView::InvestmentView(db::Database& db, const Clock& clock,
                               const units::UnitDirectory& units, InvestmentIndex& index,
                               readmodel::ChangeFeed& feed)
    : db_(db), clock_(clock), units_(units), index_(index), feed_(feed) {
  // investment.h lists what each entity's change names.
  feed.Register({"investment",
                 {"project", "annual_plan", "plan_adjustment", "disbursement",
                  "disbursement_import", "commitment", "disbursement_target", "bottleneck", "task"},
                 [this] { return LoadModel(); },
                 [this](const std::vector<readmodel::Change>& c) { return ApplyChanges(c); }});
}

namespace {

Status LoadSmall(db::Connection& c, InvestmentIndex& index) {
  DH_ASSIGN_OR_RETURN(auto commitments, LoadCommitments(c, std::nullopt));
  for (const YearCommitments& y : commitments) index.SetCommitments(y.project_id, y.year, y.months);
  DH_ASSIGN_OR_RETURN(auto milestones, LoadMilestones(c));
  for (auto& [year, m] : milestones) index.SetTrajectory(year, std::move(m));
  DH_ASSIGN_OR_RETURN(auto open, OpenBottlenecks(c));
  index.ReplaceOpenBottlenecks(open);
  return Status::Ok();
}

}  // namespace

Status InvestmentView::LoadModel() {
  index_.Clear();
  return db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(ModelSize size, ModelSizeOf(c));
    index_.Reserve(size.projects, size.lines);
    DH_RETURN_IF_ERROR(ForEachProject(c, [&](const Project& p) { index_.PutProject(p); }));
    DH_RETURN_IF_ERROR(
        ForEachPlanVersion(c, [&](const PlanVersion& v) { index_.AddPlanVersion(v); }));
    DH_RETURN_IF_ERROR(
        ForEachDisbursement(c, [&](const Disbursement& d) { index_.AddDisbursement(d); }));
    return LoadSmall(c, index_);
  });
}

Status InvestmentView::ApplyChanges(const std::vector<readmodel::Change>& changes) {
  // A bulk write (the demo city's portfolio) names projects or plans but no one row: the
  // whole model is read again rather than left without them until the next start.
  for (const readmodel::Change& ch : changes)
    if (!ch.entity_id && (ch.entity == "project" || ch.entity == "annual_plan")) return LoadModel();
  return db::Read(db_, [&](db::Connection& c) { return Reread(c, changes); });
}

Status InvestmentView::Reread(db::Connection& c, const std::vector<readmodel::Change>& changes) {
  std::vector<int64_t> projects, versions, payments;
  std::set<int64_t> adjustments, imports, committed;
  bool milestones = false, bottlenecks = false;
  for (const readmodel::Change& ch : changes) {
    bottlenecks |= ch.entity == "bottleneck" || ch.entity == "task";
    milestones |= ch.entity == "disbursement_target";
    if (!ch.entity_id) continue;
    const int64_t id = *ch.entity_id;
    if (ch.entity == "project") projects.push_back(id);
    if (ch.entity == "annual_plan") versions.push_back(id);
    if (ch.entity == "plan_adjustment") adjustments.insert(id);
    if (ch.entity == "disbursement") payments.push_back(id);
    if (ch.entity == "disbursement_import") imports.insert(id);
    if (ch.entity == "commitment") committed.insert(id);
  }
  auto put = [&](const Project& p) { index_.PutProject(p); };
  auto plan = [&](const PlanVersion& v) { index_.AddPlanVersion(v); };
  auto pay = [&](const Disbursement& d) { index_.AddDisbursement(d); };
  if (!projects.empty()) DH_RETURN_IF_ERROR(ForEachOf<Project>(c, projects, put));
  if (!versions.empty()) DH_RETURN_IF_ERROR(ForEachOf<PlanVersion>(c, versions, plan));
  for (int64_t a : adjustments) DH_RETURN_IF_ERROR(ForEachPlanVersionOfAdjustment(c, a, plan));
  if (!payments.empty()) DH_RETURN_IF_ERROR(ForEachOf<Disbursement>(c, payments, pay));
  for (int64_t i : imports) DH_RETURN_IF_ERROR(ForEachDisbursementOfImport(c, i, pay));
  for (int64_t p : committed) {
    DH_ASSIGN_OR_RETURN(auto years, LoadCommitments(c, p));
    for (const YearCommitments& y : years) index_.SetCommitments(p, y.year, y.months);
  }
  if (milestones) {
    DH_ASSIGN_OR_RETURN(auto all, LoadMilestones(c));
    for (int y : index_.Years()) index_.SetTrajectory(y, {});
    for (auto& [year, m] : all) index_.SetTrajectory(year, std::move(m));
  }
  if (bottlenecks) {
    DH_ASSIGN_OR_RETURN(auto open, OpenBottlenecks(c));
    index_.ReplaceOpenBottlenecks(open);
  }
  return Status::Ok();
}

void InvestmentView::CatchUp() const {
  // Read before the catch-up: a commit made meanwhile moves it again, so the next answer
  // catches up once more.
  const uint64_t generation = db::WriteGeneration();
  if (caught_up_at_.load(std::memory_order_acquire) == generation) return;
  for (int i = 0; i < 100; ++i) {
    auto n = feed_.CatchUp();
    if (!n.ok()) return;
    if (*n < readmodel::ChangeFeed::kDefaultBatch) break;
  }
  caught_up_at_.store(generation, std::memory_order_release);
}

Date InvestmentView::AsOf(int year) const {
  const Date today = clock_.Today();
  const Date end = SlotEnd(year, 12);
  return today > end ? end : today;
}

int InvestmentView::CurrentYear() const { return clock_.Today().year(); }

std::unique_ptr<std::vector<bool>> InvestmentView::Scope(const auth::Principal& who) const {
  return tasks::ScopeBitmap(units::ScopeFor(who, auth::Permission::kInvestmentRead, *units_.Get()));
}

bool InvestmentView::Sees(const auth::Principal& who, int64_t project_id) const {
  if (!who.Can(auth::Permission::kInvestmentRead)) return false;
  CatchUp();
  auto bits = Scope(who);
  return index_.Sees(project_id, {.visible_units = bits.get()});
}

Result<RollupAnswer> InvestmentView::Rollup(const auth::Principal& who, RollupQuery q) const {
  if (!who.Can(auth::Permission::kInvestmentRead))
    return Status::Forbidden(Say(msg::kRoleCannotRead));
  CatchUp();
  auto bits = Scope(who);
  q.filter.visible_units = bits.get();
  RollupAnswer a;
  a.as_of = AsOf(q.year);
  a.milestones = index_.Trajectory(q.year);
  a.target = TargetAt(a.milestones, q.year, a.as_of);
  a.final_target = FinalTarget(a.milestones);
  a.total = index_.Total(q.year, q.basis, q.filter);
  if (q.by != RollupBy::kCity) a.rows = index_.Rollup(q.year, q.basis, q.by, q.filter);
  a.past = index_.PastYears(q.year, q.basis, kForecastYears, q.filter);
  a.same_date_average = SameDateAverage(a.past, q.year, a.as_of);
  return a;
}

std::vector<InvestorForecast> InvestmentView::InvestorForecasts(int year, PlanBasis basis,
                                                                const RollupFilter& f) const {
  const Date as_of = AsOf(year);
  const auto milestones = index_.Trajectory(year);
  const double final_target = FinalTarget(milestones);
  RollupFilter scope;
  scope.visible_units = f.visible_units;
  const auto past = index_.PastYears(year, basis, kForecastYears, scope);
  std::vector<InvestorForecast> out;
  for (const RollupRow& r : index_.Rollup(year, basis, RollupBy::kInvestor, f)) {
    if (r.sums.plan <= 0) continue;
    InvestorForecast x{r.key, r.sums.plan, CumulativeAt(r.sums.months, year, as_of, false)};
    x.forecast = ForecastRate({year, r.sums.plan, r.sums.months}, as_of, past, milestones);
    x.below_target = x.forecast.january && x.forecast.january->point + 1e-9 < final_target;
    out.push_back(std::move(x));
  }
  auto point = [](const InvestorForecast& x) {
    return x.forecast.january ? x.forecast.january->point : 0.0;
  };
  std::sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
    return point(a) != point(b) ? point(a) < point(b) : a.investor_id < b.investor_id;
  });
  return out;
}

Result<ForecastAnswer> InvestmentView::Forecast(const auth::Principal& who, int year,
                                                PlanBasis basis,
                                                std::optional<int64_t> investor_id) const {
  if (!who.Can(auth::Permission::kInvestmentRead))
    return Status::Forbidden(Say(msg::kRoleCannotRead));
  CatchUp();
  auto bits = Scope(who);
  RollupFilter scope, f;
  scope.visible_units = f.visible_units = bits.get();
  f.investor_id = investor_id;
  ForecastAnswer a;
  a.as_of = AsOf(year);
  const auto milestones = index_.Trajectory(year);
  a.final_target = FinalTarget(milestones);
  const Sums s = index_.Total(year, basis, f);
  a.plan = s.plan;
  a.disbursed = CumulativeAt(s.months, year, a.as_of, false);
  // The shape is the city's as the caller sees it: a scoped caller's own past years.
  a.past = index_.PastYears(year, basis, kForecastYears, scope);
  a.forecast = ForecastRate({year, s.plan, s.months}, a.as_of, a.past, milestones);
  a.shortfall = ExpectedShortfall(a.forecast, a.plan, a.final_target);
  a.projects = ShortfallProjects(index_.ProjectCurves(year, basis, f), year, a.as_of,
                                 a.forecast.multiplier, a.shortfall, kShortfallProjects);
  a.investors = InvestorForecasts(year, basis, f);
  a.backtest = Backtest(index_.PastYears(year, basis, kBacktestYears, scope));
  return a;
}

}  // namespace dh::investment
