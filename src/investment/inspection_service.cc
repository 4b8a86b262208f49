// InvestmentService: the inspection plans' list and one plan's page, each plan and visit
// filtered by its rule (investment_access.h): an investor sees the plans that visit it and
// only its own visits; out of scope is absent from the list and 404 for one plan.
#include <map>

#include "core/text.h"
#include "investment/investment_messages.h"
#include "investment/investment_service.h"
#include "investment/investment_store.h"
#include "investment/key_project_store.h"

namespace dh::investment {
namespace {

// What the plans' list reads: one page of plans, their visits and the recommendations per visit.
struct PlanRecords {
  std::vector<InspectionPlan> plans;
  std::map<int64_t, std::vector<Inspection>> visits;            // plan → its visits
  std::map<int64_t, std::vector<ProjectTask>> recommendations;  // inspection → its links
};

// The plans whose title or decision number holds the words of `q` (diacritics ignored).
Result<std::vector<int64_t>> PlansWithWords(db::Connection& c, std::optional<int> year,
                                            const std::string& q) {
  DH_ASSIGN_OR_RETURN(auto plans, ListInspectionPlans(c, year));
  const std::string needle = text::FoldForSearch(q);
  std::vector<int64_t> ids;
  for (const InspectionPlan& p : plans)
    if (text::FoldForSearch(p.title).find(needle) != std::string::npos ||
        text::FoldForSearch(p.decision_number).find(needle) != std::string::npos)
      ids.push_back(p.id);
  return ids;
}

Result<PlanRecords> LoadPlanPage(db::Connection& c, const InspectionPlanFilter& f, int64_t limit,
                                 int64_t offset, int64_t* total) {
  PlanRecords r;
  DH_ASSIGN_OR_RETURN(r.plans, PageInspectionPlans(c, f, limit, offset, total));
  std::vector<int64_t> plan_ids, visit_ids;
  for (const InspectionPlan& p : r.plans) plan_ids.push_back(p.id);
  DH_ASSIGN_OR_RETURN(auto visits, InspectionsOfPlans(c, plan_ids));
  for (const Inspection& x : visits) visit_ids.push_back(x.id);
  for (Inspection& x : visits) r.visits[x.plan_id].push_back(std::move(x));
  DH_ASSIGN_OR_RETURN(auto links, RecommendationsOfInspections(c, visit_ids));
  for (ProjectTask& l : links) r.recommendations[*l.inspection_id].push_back(std::move(l));
  return r;
}

// The plan's summary over the visits `a` may see; none when `a` may not see the plan.
std::optional<InspectionPlanSummary> VisibleSummary(const InvestmentAccess& a,
                                                    const InspectionPlan& plan,
                                                    const PlanRecords& r) {
  std::vector<const Inspection*> seen;
  int recommendations = 0;
  const auto visits = r.visits.find(plan.id);
  if (visits != r.visits.end()) {
    for (const Inspection& x : visits->second) {
      if (!CanSeeInspection(a, x, plan.lead_unit_id)) continue;
      seen.push_back(&x);
      const auto links = r.recommendations.find(x.id);
      if (links != r.recommendations.end()) recommendations += links->second.size();
    }
  }
  if (!CanSeeInspectionPlan(a, plan, seen.size())) return std::nullopt;
  return SummarizeInspectionPlan(plan, seen, recommendations);
}

}  // namespace

// Paged and counted in SQL (PageInspectionPlans, which states the access rules for the list);
// each row's summary then goes through the rules themselves (VisibleSummary).
Result<std::vector<InspectionPlanSummary>> InvestmentService::InspectionPlans(
    const auth::Principal& who, const InspectionPlanQuery& q, int64_t limit, int64_t offset,
    int64_t* total) const {
  const InvestmentAccess a = AccessOf(who);
  InspectionPlanFilter f{.year = q.year,
                         .lead_unit_id = q.lead_unit_id,
                         .investor_id = q.investor_id,
                         .status = q.status,
                         .scope = ScopeUnits(a.read)};
  PlanRecords r;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    if (q.q && !q.q->empty()) {
      DH_ASSIGN_OR_RETURN(f.ids, PlansWithWords(c, q.year, *q.q));
    }
    DH_ASSIGN_OR_RETURN(r, LoadPlanPage(c, f, limit, offset, total));
    return Status::Ok();
  }));
  std::vector<InspectionPlanSummary> page;
  for (const InspectionPlan& plan : r.plans)
    if (auto s = VisibleSummary(a, plan, r)) page.push_back(std::move(*s));
  return page;
}

Result<InspectionPlanDetail> InvestmentService::InspectionPlanPage(const auth::Principal& who,
                                                                   int64_t id) const {
  const InvestmentAccess a = AccessOf(who);
  InspectionPlanDetail d;
  std::vector<ProjectTask> links;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto plan, investment::GetInspectionPlan(c, id));
    const Status not_found = Status::NotFound(Say(msg::kInspectionPlanNotFound));
    if (!plan) return not_found;
    DH_ASSIGN_OR_RETURN(auto visits, investment::ListInspections(c, std::nullopt, id));
    std::vector<const Inspection*> seen;
    for (const Inspection& x : visits) {
      if (!CanSeeInspection(a, x, plan->lead_unit_id)) continue;
      seen.push_back(&x);
      InspectionPlanDetail::Visit v{.inspection = x};
      if (x.project_id) {
        DH_ASSIGN_OR_RETURN(auto p, investment::GetProject(c, *x.project_id));
        if (p && CanSeeProject(a, *p)) v.project = std::move(*p);
      }
      DH_ASSIGN_OR_RETURN(auto mine, RecommendationsOf(c, x.id));
      links.insert(links.end(), mine.begin(), mine.end());
      d.visits.push_back(std::move(v));
    }
    if (!CanSeeInspectionPlan(a, *plan, seen.size())) return not_found;
    d.summary = SummarizeInspectionPlan(*plan, seen, static_cast<int>(links.size()));
    d.may_manage = a.manage.Contains(plan->lead_unit_id);
    return Status::Ok();
  }));
  for (ProjectDetail::LinkedTask& t : VisibleTasks(who, links))
    for (InspectionPlanDetail::Visit& v : d.visits)
      if (v.inspection.id == *t.link.inspection_id) v.recommendations.push_back(std::move(t));
  return d;
}

}  // namespace dh::investment
