// The investment read model's questions (InvestmentIndex): one pass over a year's lines,
// summed into a flat array of buckets indexed by the dimension's small key.
#include <algorithm>
#include <mutex>

#include "investment/investment_index.h"

namespace dh::investment {
namespace {

uint32_t Id32(int64_t id) { return id > 0 && id < 0xFFFFFFFF ? static_cast<uint32_t>(id) : 0; }

}  // namespace

size_t InvestmentIndex::BucketCount(RollupBy by) const {
  switch (by) {
    case RollupBy::kCity:
      return 1;
    case RollupBy::kInvestor:
    case RollupBy::kManager:
    case RollupBy::kLocation:
      return size_t{max_unit_} + 1;
    case RollupBy::kSource:
      return size_t{max_source_} + 1;
    case RollupBy::kSector:
      return std::max<size_t>(1, sectors_.size());
    case RollupBy::kGroup:
      return 4;
    case RollupBy::kKey:
      return 2;
    case RollupBy::kProject:
      return p_id_.size();
  }
  return 1;
}

template <typename F>
void InvestmentIndex::ForEachBucket(RollupBy by, Row p, Row line, F&& f) const {
  switch (by) {
    case RollupBy::kCity:
      return f(0);
    case RollupBy::kInvestor:
      return f(investor_[p]);
    case RollupBy::kManager:
      return f(manager_[p]);
    case RollupBy::kLocation:  // once: its place, or key 0 for several places (or none)
      return f(locations_[p].size() == 1 ? locations_[p][0] : 0);
    case RollupBy::kSource:
      return f(line == kNoRow ? 0 : l_source_[line]);
    case RollupBy::kSector:
      return f(sector_[p]);
    case RollupBy::kGroup:
      return f(group_[p]);
    case RollupBy::kKey:
      return f(key_[p]);
    case RollupBy::kProject:
      return f(p);
  }
}

void InvestmentIndex::AddCommitments(int year, RollupBy by, const RollupFilter& f,
                                     std::vector<Sums>& buckets, std::vector<bool>& used) const {
  auto it = commitments_.find(year);
  if (it == commitments_.end()) return;
  for (const auto& [p, months] : it->second) {
    if (!MatchesProject(p, f)) continue;
    ForEachBucket(by, p, kNoRow, [&](size_t k) {
      for (int m = 0; m < 12; ++m) buckets[k].committed[m] += months[m];
      used[k] = true;
    });
  }
}

std::vector<RollupRow> InvestmentIndex::Collect(RollupBy by, std::vector<Sums>& buckets,
                                                const std::vector<bool>& used) const {
  std::vector<RollupRow> rows;
  for (size_t k = 0; k < buckets.size(); ++k) {
    if (!used[k]) continue;
    RollupRow r{static_cast<int64_t>(k), "", buckets[k]};
    if (by == RollupBy::kProject) r.key = p_id_[k];
    if (by == RollupBy::kSector) r.code = sectors_[k];
    if (by == RollupBy::kGroup) r.code = ProjectGroupName(static_cast<ProjectGroup>(k));
    rows.push_back(std::move(r));
  }
  if (by == RollupBy::kProject)
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
  return rows;
}

std::vector<RollupRow> InvestmentIndex::Rollup(int year, PlanBasis basis, RollupBy by,
                                               const RollupFilter& f) const {
  std::shared_lock lock(mu_);
  std::vector<Sums> buckets(BucketCount(by));
  std::vector<bool> used(buckets.size());
  const int b = static_cast<int>(basis);
  const uint32_t source = f.source_id ? Id32(*f.source_id) : 0;
  if (auto it = lines_of_year_.find(year); it != lines_of_year_.end()) {
    for (Row line : it->second) {
      if (f.source_id && l_source_[line] != source) continue;
      const Row p = l_project_[line];
      if (!MatchesProject(p, f)) continue;
      ForEachBucket(by, p, line, [&](size_t k) {
        AddLine(line, b, buckets[k]);
        used[k] = true;
      });
    }
  }
  // Commitments are per project, not per source.
  if (!f.source_id && by != RollupBy::kSource) AddCommitments(year, by, f, buckets, used);
  return Collect(by, buckets, used);
}

Sums InvestmentIndex::Total(int year, PlanBasis basis, const RollupFilter& f) const {
  const std::vector<RollupRow> rows = Rollup(year, basis, RollupBy::kCity, f);
  return rows.empty() ? Sums{} : rows.front().sums;
}

std::vector<ProjectCurve> InvestmentIndex::ProjectCurves(int year, PlanBasis basis,
                                                         const RollupFilter& f) const {
  const auto now = Rollup(year, basis, RollupBy::kProject, f);
  std::unordered_map<int64_t, Money> before;
  for (const RollupRow& r : Rollup(year - 1, basis, RollupBy::kProject, f))
    before[r.key] = r.sums.disbursed;
  std::vector<ProjectCurve> out;
  std::shared_lock lock(mu_);
  for (const RollupRow& r : now) {
    if (r.sums.plan <= 0) continue;
    ProjectCurve c{r.key, r.sums.plan, r.sums.months};
    if (auto it = before.find(r.key); it != before.end()) c.previous_year_disbursed = it->second;
    c.open_bottlenecks = open_bottlenecks_[row_of_project_[Id32(r.key)]];
    out.push_back(c);
  }
  return out;
}

std::vector<YearCurve> InvestmentIndex::PastYears(int year, PlanBasis basis, int n,
                                                  const RollupFilter& f) const {
  std::vector<YearCurve> out;
  for (int y = year - n; y < year; ++y) {
    const Sums s = Total(y, basis, f);
    if (s.plan > 0) out.push_back({y, s.plan, s.months});
  }
  return out;
}

std::optional<ProjectInfo> InvestmentIndex::ProjectOf(int64_t id) const {
  std::shared_lock lock(mu_);
  const uint32_t id32 = Id32(id);
  if (id32 == 0 || id32 >= row_of_project_.size() || row_of_project_[id32] == kNoRow)
    return std::nullopt;
  const Row r = row_of_project_[id32];
  return ProjectInfo{p_id_[r],
                     investor_[r],
                     manager_[r],
                     code_[r],
                     name_[r],
                     sectors_.empty() ? "" : sectors_[sector_[r]],
                     static_cast<ProjectGroup>(group_[r]),
                     key_[r] != 0,
                     open_bottlenecks_[r]};
}

bool InvestmentIndex::Sees(int64_t project_id, const RollupFilter& f) const {
  std::shared_lock lock(mu_);
  const uint32_t id32 = Id32(project_id);
  if (id32 == 0 || id32 >= row_of_project_.size() || row_of_project_[id32] == kNoRow) return false;
  RollupFilter scope;
  scope.visible_units = f.visible_units;
  return MatchesProject(row_of_project_[id32], scope);
}

std::vector<int> InvestmentIndex::Years() const {
  std::shared_lock lock(mu_);
  std::vector<int> years;
  for (const auto& [y, lines] : lines_of_year_) years.push_back(y);
  std::sort(years.begin(), years.end());
  return years;
}

size_t InvestmentIndex::MemoryBytes() const {
  std::shared_lock lock(mu_);
  size_t bytes = row_of_project_.capacity() * 4 + p_id_.capacity() * 12 + sector_.capacity() * 4 +
                 group_.capacity() * 2 + locations_.capacity() * sizeof(locations_[0]);
  for (size_t i = 0; i < code_.size(); ++i) bytes += code_[i].capacity() + name_[i].capacity() + 64;
  bytes += line_of_.size() * 32 + l_project_.capacity() * 8;
  bytes += l_plan_.capacity() * 8 + l_months_.capacity() * 8;
  bytes += (seen_versions_.size() + seen_payments_.size()) / 8;
  return bytes;
}

}  // namespace dh::investment
