// The investment part of the read model (DESIGN §3): every project's few dimensions and, per
// project × source × plan year (a "line"), its plan on both bases and what was paid per month
// slot, in columns, in memory. A roll-up at national scale (100 000 projects, 10 million
// disbursements) is one pass over the year's lines, never over the payments: a payment is
// added to its line's slot once, when it is loaded. Ids are held as 32 bits, money as int64.
//
// Plan versions and disbursements are only ever added (investment.h): adding one twice is
// harmless (each id is remembered), so the change feed may hand a change over again.
// Thread-safe: many readers, one writer at a time.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "investment/investment.h"
#include "investment/investment_forecast.h"
#include "investment/investment_rollup.h"
#include "readmodel/bitmap.h"

namespace dh::investment {

enum class RollupBy {
  kCity,
  kInvestor,
  kManager,
  kSector,
  kSource,
  kLocation,
  kGroup,
  kKey,
  kProject
};
// city | investor | manager | sector | source | location | group | key | project
std::string_view RollupByName(RollupBy b);
std::optional<RollupBy> ParseRollupBy(std::string_view s);

struct RollupFilter {
  std::optional<int64_t> investor_id, managing_unit_id, source_id, location_id, project_id;
  std::optional<std::string> sector;
  std::optional<ProjectGroup> group;
  std::optional<bool> is_key;
  // nullptr: every project. Otherwise a project is seen when its investor or its managing
  // unit is in the set (indexed by unit id).
  const std::vector<bool>* visible_units = nullptr;
};

// One row of a roll-up: its key is a unit id (investor, manager, location), a source id, a
// project id, 0/1 (key flag), the group's ordinal, or 0 (city); `code` names sectors and groups.
struct RollupRow {
  int64_t key = 0;
  std::string code;
  Sums sums;
};

// A project's dimensions as the roll-up holds them.
struct ProjectInfo {
  int64_t id = 0, investor_id = 0, managing_unit_id = 0;
  std::string code, name, sector;
  ProjectGroup group = ProjectGroup::kC;
  bool is_key = false;
  int open_bottlenecks = 0;
};

class InvestmentIndex {
 public:
  void Clear();
  // Adds or replaces a project's dimensions.
  void PutProject(const Project& p);
  // Adds a version or a payment (again: nothing happens).
  void AddPlanVersion(const PlanVersion& v);
  void AddDisbursement(const Disbursement& d);
  // Replaces a project's commitments of a year (12 months, not cumulative).
  void SetCommitments(int64_t project_id, int year, const std::array<Money, 12>& months);
  void SetOpenBottlenecks(int64_t project_id, int open);
  // Every project's open bottlenecks at once (those absent have none).
  void ReplaceOpenBottlenecks(const std::unordered_map<int64_t, int>& open);
  void SetTrajectory(int year, std::vector<TargetMilestone> milestones);
  // Room for this many projects and lines, before a load.
  void Reserve(size_t projects, size_t lines);

  // Sums of the year's lines that `f` selects, one row per key of `by`, ascending by key.
  std::vector<RollupRow> Rollup(int year, PlanBasis basis, RollupBy by,
                                const RollupFilter& f) const;
  // The single city row (all that `f` selects).
  Sums Total(int year, PlanBasis basis, const RollupFilter& f) const;
  // Each selected project of the year with a plan, with its previous year and bottlenecks.
  std::vector<ProjectCurve> ProjectCurves(int year, PlanBasis basis, const RollupFilter& f) const;
  // The city's own curve for each of the `n` years before `year` that has a plan.
  std::vector<YearCurve> PastYears(int year, PlanBasis basis, int n, const RollupFilter& f) const;
  // The year's milestones, or DefaultTrajectory when the city set none.
  std::vector<TargetMilestone> Trajectory(int year) const;
  std::optional<ProjectInfo> ProjectOf(int64_t id) const;
  // Whether `f`'s scope sees the project (false when unknown).
  bool Sees(int64_t project_id, const RollupFilter& f) const;
  std::vector<int> Years() const;
  size_t MemoryBytes() const;

 private:
  using Row = uint32_t;
  static constexpr Row kNoRow = 0xFFFFFFFF;
  static constexpr int kPlanCells = 4;  // basis × (decided until 30/09, after)
  Row ProjectRowLocked(int64_t id);     // creates an empty row when new
  Row LineLocked(Row project, int64_t source_id, int year);
  bool MatchesProject(Row p, const RollupFilter& f) const;
  void AddLine(Row line, int basis, Sums& s) const;
  std::vector<RollupRow> Collect(RollupBy by, std::vector<Sums>& buckets,
                                 const std::vector<bool>& used) const;
  size_t BucketCount(RollupBy by) const;
  template <typename F>
  void ForEachBucket(RollupBy by, Row p, Row line, F&& f) const;
  void AddCommitments(int year, RollupBy by, const RollupFilter& f, std::vector<Sums>& buckets,
                      std::vector<bool>& used) const;

  mutable std::shared_mutex mu_;
  // Projects (GUARDED_BY(mu_)), one entry per row.
  std::vector<Row> row_of_project_;  // by id
  std::vector<uint32_t> p_id_, investor_, manager_;
  std::vector<uint16_t> sector_, open_bottlenecks_;
  std::vector<uint8_t> group_, key_;
  std::vector<std::vector<uint32_t>> locations_;
  std::vector<std::string> code_, name_;
  std::vector<std::string> sectors_;  // dictionary
  std::unordered_map<std::string, uint16_t> sector_of_;
  uint32_t max_unit_ = 0, max_source_ = 0;
  // Lines (GUARDED_BY(mu_)).
  std::unordered_map<uint64_t, Row> line_of_;
  std::vector<Row> l_project_;
  std::vector<uint32_t> l_source_;
  std::vector<Money> l_plan_;    // kPlanCells per line
  std::vector<Money> l_months_;  // kMonthSlots per line
  std::unordered_map<int, std::vector<Row>> lines_of_year_;
  readmodel::Bitmap seen_versions_, seen_payments_;
  // Commitments by year, then project row (GUARDED_BY(mu_)).
  std::unordered_map<int, std::unordered_map<Row, std::array<Money, 12>>> commitments_;
  std::unordered_map<int, std::vector<TargetMilestone>> trajectory_;
};

}  // namespace dh::investment
