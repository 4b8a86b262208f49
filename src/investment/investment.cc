#include "investment/investment.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace dh::investment {
namespace {

// The name of enum value `v` in `names`, listed in the enum's order.
template <typename E, size_t N>
std::string_view NameOf(const std::array<std::string_view, N>& names, E v) {
  const auto i = static_cast<size_t>(v);
  return i < N ? names[i] : std::string_view();
}

template <typename E, size_t N>
std::optional<E> Parse(const std::array<std::string_view, N>& names, std::string_view s) {
  const auto it = std::find(names.begin(), names.end(), s);
  if (it == names.end()) return std::nullopt;
  return static_cast<E>(it - names.begin());
}

constexpr std::array<std::string_view, 2> kLevels = {"central", "local"};
constexpr std::array<std::string_view, 4> kGroups = {"national", "A", "B", "C"};
constexpr std::array<std::string_view, 4> kStatuses = {"preparing", "in_progress", "completed",
                                                       "suspended"};
constexpr std::array<std::string_view, 2> kBases = {"prime_minister", "council"};
constexpr std::array<std::string_view, 3> kKinds = {"initial", "adjustment", "carry_over"};
constexpr std::array<std::string_view, 7> kCategories = {
    "site_clearance", "procedures", "capital", "contractor", "materials", "planning", "other"};
constexpr std::array<std::string_view, 2> kTaskKinds = {"bottleneck", "inspection_recommendation"};
constexpr std::array<std::string_view, 3> kInspectionStatuses = {"planned", "in_progress", "done"};

// Medium-term periods are five years from 2021: 2021-2025, 2026-2030, …
constexpr int kFirstPeriodYear = 2021;

}  // namespace

// Each enum's name and parser, from its table of names in the enum's order.
#define DH_ENUM_NAMES(Type, names, NameFn, ParseFn)            \
  std::string_view NameFn(Type v) { return NameOf(names, v); } \
  std::optional<Type> ParseFn(std::string_view s) { return Parse<Type>(names, s); }

DH_ENUM_NAMES(BudgetLevel, kLevels, BudgetLevelName, ParseBudgetLevel)
DH_ENUM_NAMES(ProjectGroup, kGroups, ProjectGroupName, ParseProjectGroup)
DH_ENUM_NAMES(ProjectStatus, kStatuses, ProjectStatusName, ParseProjectStatus)
DH_ENUM_NAMES(PlanBasis, kBases, PlanBasisName, ParsePlanBasis)
DH_ENUM_NAMES(VersionKind, kKinds, VersionKindName, ParseVersionKind)
DH_ENUM_NAMES(BottleneckCategory, kCategories, BottleneckCategoryName, ParseBottleneckCategory)
DH_ENUM_NAMES(ProjectTaskKind, kTaskKinds, ProjectTaskKindName, ParseProjectTaskKind)
DH_ENUM_NAMES(InspectionStatus, kInspectionStatuses, InspectionStatusName, ParseInspectionStatus)

#undef DH_ENUM_NAMES

std::string MediumTermPeriodOf(int year) {
  const int first = kFirstPeriodYear + ((year - kFirstPeriodYear) / 5) * 5 -
                    ((year - kFirstPeriodYear) % 5 < 0 ? 5 : 0);
  return std::to_string(first) + "-" + std::to_string(first + 4);
}

int FirstYearOf(std::string_view period) {
  int year = 0;
  std::from_chars(period.data(), period.data() + std::min<size_t>(4, period.size()), year);
  return year;
}

bool IsMediumTermPeriod(std::string_view period) {
  if (period.size() != 9 || period[4] != '-') return false;
  const int first = FirstYearOf(period);
  if (first < kFirstPeriodYear - 50 || first > 2200) return false;
  return MediumTermPeriodOf(first) == period;
}

InspectionPlanSummary SummarizeInspectionPlan(const InspectionPlan& plan,
                                              const std::vector<const Inspection*>& visits,
                                              int recommendations) {
  InspectionPlanSummary s{.plan = plan, .recommendations = recommendations};
  for (const Inspection* x : visits) {
    ++s.visits;
    if (x->visited_on) ++s.visited;
    s.investor_ids.push_back(x->investor_id);
  }
  std::sort(s.investor_ids.begin(), s.investor_ids.end());
  s.investor_ids.erase(std::unique(s.investor_ids.begin(), s.investor_ids.end()),
                       s.investor_ids.end());
  s.status = s.visited == 0         ? InspectionStatus::kPlanned
             : s.visited < s.visits ? InspectionStatus::kInProgress
                                    : InspectionStatus::kDone;
  return s;
}

}  // namespace dh::investment
