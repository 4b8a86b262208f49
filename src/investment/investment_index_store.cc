#include "investment/investment_index_store.h"

#include "db/sql_lists.h"
#include "db/table_sql.h"

namespace dh::investment {
namespace {

constexpr const char* kCommitments =
    "SELECT project_id, year, month, amount FROM disbursement_commitments "
    "ORDER BY project_id, year, month";
constexpr const char* kCommitmentsOf =
    "SELECT project_id, year, month, amount FROM disbursement_commitments WHERE project_id = ? "
    "ORDER BY year, month";
constexpr const char* kMilestones =
    "SELECT year, due_on, rate_bp FROM disbursement_milestones ORDER BY year, due_on";
// A bottleneck is open while its task is (tasks/task.h IsOpen): not done, suspended,
// cancelled or deleted.
constexpr const char* kOpenBottlenecks =
    "SELECT pt.project_id, COUNT(*) FROM project_tasks pt JOIN tasks t ON t.id = pt.task_id "
    "WHERE pt.kind = 'bottleneck' AND pt.project_id IS NOT NULL "
    "AND t.state NOT IN ('done', 'suspended', 'cancelled', 'deleted') GROUP BY pt.project_id";
const std::string kProjectCount = db::CountSql("projects");
constexpr const char* kLineCount =
    "SELECT COUNT(*) FROM (SELECT DISTINCT year, project_id, source_id FROM annual_plan_versions) "
    "l";

}  // namespace

Result<std::vector<YearCommitments>> LoadCommitments(db::Connection& c,
                                                     std::optional<int64_t> project_id) {
  DH_ASSIGN_OR_RETURN(db::Rows r,
                      project_id ? c.Query(kCommitmentsOf, {*project_id}) : c.Query(kCommitments));
  std::vector<YearCommitments> out;
  for (size_t i = 0; i < r.size(); ++i) {
    const int64_t project = r.Int(i, 0);
    const int year = static_cast<int>(r.Int(i, 1)), month = static_cast<int>(r.Int(i, 2));
    if (out.empty() || out.back().project_id != project || out.back().year != year)
      out.push_back({project, year, {}});
    if (month >= 1 && month <= 12) out.back().months[month - 1] = r.Int(i, 3);
  }
  return out;
}

Result<std::unordered_map<int, std::vector<TargetMilestone>>> LoadMilestones(db::Connection& c) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kMilestones));
  std::unordered_map<int, std::vector<TargetMilestone>> out;
  for (size_t i = 0; i < r.size(); ++i) {
    const int year = static_cast<int>(r.Int(i, 0));
    const std::optional<Date> due = db::ReadDate(r, i, 1);
    if (due) out[year].push_back({year, *due, static_cast<int>(r.Int(i, 2))});
  }
  return out;
}

Result<std::unordered_map<int64_t, int>> OpenBottlenecks(db::Connection& c) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kOpenBottlenecks));
  std::unordered_map<int64_t, int> out;
  for (size_t i = 0; i < r.size(); ++i) out[r.Int(i, 0)] = static_cast<int>(r.Int(i, 1));
  return out;
}

Result<ModelSize> ModelSizeOf(db::Connection& c) {
  DH_ASSIGN_OR_RETURN(db::Rows p, c.Query(kProjectCount));
  DH_ASSIGN_OR_RETURN(db::Rows l, c.Query(kLineCount));
  return ModelSize{p.Int(0, 0), l.Int(0, 0)};
}

}  // namespace dh::investment
