#include "investment/investment_index.h"

#include <algorithm>
#include <mutex>

namespace dh::investment {
namespace {

constexpr std::string_view kByNames[] = {"city",     "investor", "manager", "sector", "source",
                                         "location", "group",    "key",     "project"};

uint32_t Id32(int64_t id) { return id > 0 && id < 0xFFFFFFFF ? static_cast<uint32_t>(id) : 0; }

uint64_t LineKey(uint32_t project, int64_t source, int year) {
  return (uint64_t{project} << 32) | (static_cast<uint64_t>(source & 0xFFFFF) << 12) |
         static_cast<uint64_t>(year & 0xFFF);
}

bool In(const std::vector<bool>& set, uint32_t id) { return id != 0 && id < set.size() && set[id]; }

}  // namespace

std::string_view RollupByName(RollupBy b) { return kByNames[static_cast<int>(b)]; }

std::optional<RollupBy> ParseRollupBy(std::string_view s) {
  for (size_t i = 0; i < std::size(kByNames); ++i)
    if (kByNames[i] == s) return static_cast<RollupBy>(i);
  return std::nullopt;
}

void InvestmentIndex::Clear() {
  std::unique_lock lock(mu_);
  row_of_project_.clear(), p_id_.clear(), investor_.clear(), manager_.clear();
  sector_.clear(), open_bottlenecks_.clear(), group_.clear(), key_.clear();
  locations_.clear(), code_.clear(), name_.clear(), sectors_.clear(), sector_of_.clear();
  max_unit_ = max_source_ = 0;
  line_of_.clear(), l_project_.clear(), l_source_.clear(), l_plan_.clear(), l_months_.clear();
  lines_of_year_.clear(), commitments_.clear(), trajectory_.clear();
  seen_versions_ = readmodel::Bitmap(), seen_payments_ = readmodel::Bitmap();
}

void InvestmentIndex::Reserve(size_t projects, size_t lines) {
  std::unique_lock lock(mu_);
  p_id_.reserve(projects), investor_.reserve(projects), manager_.reserve(projects);
  sector_.reserve(projects), open_bottlenecks_.reserve(projects), group_.reserve(projects);
  key_.reserve(projects), locations_.reserve(projects), code_.reserve(projects);
  name_.reserve(projects);
  line_of_.reserve(lines), l_project_.reserve(lines), l_source_.reserve(lines);
  l_plan_.reserve(lines * kPlanCells), l_months_.reserve(lines * kMonthSlots);
}

InvestmentIndex::Row InvestmentIndex::ProjectRowLocked(int64_t id) {
  const uint32_t id32 = Id32(id);
  if (id32 >= row_of_project_.size()) row_of_project_.resize(id32 + 1, kNoRow);
  Row& r = row_of_project_[id32];
  if (r != kNoRow) return r;
  r = static_cast<Row>(p_id_.size());
  p_id_.push_back(id32), investor_.push_back(0), manager_.push_back(0);
  sector_.push_back(0), open_bottlenecks_.push_back(0), group_.push_back(0), key_.push_back(0);
  locations_.emplace_back(), code_.emplace_back(), name_.emplace_back();
  return r;
}

void InvestmentIndex::PutProject(const Project& p) {
  std::unique_lock lock(mu_);
  const Row r = ProjectRowLocked(p.id);
  investor_[r] = Id32(p.investor_id);
  manager_[r] = Id32(p.managing_unit_id.value_or(0));
  max_unit_ = std::max({max_unit_, investor_[r], manager_[r]});
  auto [it, added] = sector_of_.try_emplace(p.sector, static_cast<uint16_t>(sectors_.size()));
  if (added) sectors_.push_back(p.sector);
  sector_[r] = it->second;
  group_[r] = static_cast<uint8_t>(p.group), key_[r] = p.is_key;
  locations_[r].clear();
  for (int64_t u : p.location_unit_ids) {
    locations_[r].push_back(Id32(u));
    max_unit_ = std::max(max_unit_, Id32(u));
  }
  code_[r] = p.code, name_[r] = p.name;
}

InvestmentIndex::Row InvestmentIndex::LineLocked(Row project, int64_t source_id, int year) {
  auto [it, added] =
      line_of_.try_emplace(LineKey(project, source_id, year), static_cast<Row>(l_project_.size()));
  if (!added) return it->second;
  l_project_.push_back(project), l_source_.push_back(Id32(source_id));
  max_source_ = std::max(max_source_, Id32(source_id));
  l_plan_.resize(l_plan_.size() + kPlanCells, 0);
  l_months_.resize(l_months_.size() + kMonthSlots, 0);
  lines_of_year_[year].push_back(it->second);
  return it->second;
}

void InvestmentIndex::AddPlanVersion(const PlanVersion& v) {
  std::unique_lock lock(mu_);
  if (seen_versions_.Test(v.id)) return;
  seen_versions_.Set(v.id);
  const Row line = LineLocked(ProjectRowLocked(v.project_id), v.source_id, v.year);
  // Decided after 30/09: the capital shown apart (plan_rules.h CurrentPlan).
  const int after = v.decision_date > Sep30(v.year) ? 1 : 0;
  l_plan_[size_t{line} * kPlanCells + static_cast<int>(v.basis) * 2 + after] += v.amount;
}

void InvestmentIndex::AddDisbursement(const Disbursement& d) {
  const std::optional<int> slot = MonthSlotOf(d.plan_year, d.paid_on);
  std::unique_lock lock(mu_);
  if (seen_payments_.Test(d.id)) return;
  seen_payments_.Set(d.id);
  if (!slot) return;  // outside every window: counts nowhere
  const Row line = LineLocked(ProjectRowLocked(d.project_id), d.source_id, d.plan_year);
  l_months_[size_t{line} * kMonthSlots + *slot] += d.amount;
}

void InvestmentIndex::SetCommitments(int64_t project_id, int year,
                                     const std::array<Money, 12>& months) {
  std::unique_lock lock(mu_);
  commitments_[year][ProjectRowLocked(project_id)] = months;
}

void InvestmentIndex::SetOpenBottlenecks(int64_t project_id, int open) {
  std::unique_lock lock(mu_);
  open_bottlenecks_[ProjectRowLocked(project_id)] =
      static_cast<uint16_t>(std::clamp(open, 0, 65535));
}

void InvestmentIndex::ReplaceOpenBottlenecks(const std::unordered_map<int64_t, int>& open) {
  std::unique_lock lock(mu_);
  std::fill(open_bottlenecks_.begin(), open_bottlenecks_.end(), 0);
  for (const auto& [id, n] : open)
    open_bottlenecks_[ProjectRowLocked(id)] = static_cast<uint16_t>(std::clamp(n, 0, 65535));
}

void InvestmentIndex::SetTrajectory(int year, std::vector<TargetMilestone> milestones) {
  std::unique_lock lock(mu_);
  if (milestones.empty())
    trajectory_.erase(year);
  else
    trajectory_[year] = std::move(milestones);
}

std::vector<TargetMilestone> InvestmentIndex::Trajectory(int year) const {
  std::shared_lock lock(mu_);
  auto it = trajectory_.find(year);
  return it == trajectory_.end() ? DefaultTrajectory(year) : it->second;
}

bool InvestmentIndex::MatchesProject(Row p, const RollupFilter& f) const {
  if (f.visible_units && !In(*f.visible_units, investor_[p]) && !In(*f.visible_units, manager_[p]))
    return false;
  if (f.investor_id && investor_[p] != Id32(*f.investor_id)) return false;
  if (f.managing_unit_id && manager_[p] != Id32(*f.managing_unit_id)) return false;
  if (f.project_id && p_id_[p] != Id32(*f.project_id)) return false;
  if (f.group && group_[p] != static_cast<uint8_t>(*f.group)) return false;
  if (f.is_key && key_[p] != *f.is_key) return false;
  if (f.sector && sectors_[sector_[p]] != *f.sector) return false;
  if (f.location_id) {
    const auto& l = locations_[p];
    if (std::find(l.begin(), l.end(), Id32(*f.location_id)) == l.end()) return false;
  }
  return true;
}

void InvestmentIndex::AddLine(Row line, int basis, Sums& s) const {
  const Money* plan = &l_plan_[size_t{line} * kPlanCells + basis * 2];
  const Money* months = &l_months_[size_t{line} * kMonthSlots];
  // What the decisions after 30/09 added, when they added (plan_rules.h CurrentPlan).
  const Money late = std::max<Money>(0, plan[1]);
  s.plan += plan[0] + plan[1] - late, s.late_plan += late;
  Money paid = 0;
  for (int i = 0; i < kCurveSlots; ++i) {
    s.months[i] += months[i];
    paid += months[i];
  }
  s.disbursed += paid;
  // Paid after 31/01 of Y+1 counts only where capital was added after 30/09.
  if (late > 0) {
    s.months[kLateSlot] += months[kLateSlot];
    s.late_disbursed += months[kLateSlot];
  }
}

}  // namespace dh::investment
