// InvestmentService: a project's page, physical progress, milestones, bottlenecks (tasks
// linked to the project) and inspections with their recommendations (tasks too).
#include "db/read_value.h"
#include "investment/investment_json.h"
#include "investment/investment_messages.h"
#include "investment/investment_service.h"
#include "investment/investment_writes.h"
#include "investment/key_project_store.h"
#include "investment/plan_store.h"
#include "investment/project_reminders.h"

namespace dh::investment {
namespace {

Status InspectionNotFound() { return Status::NotFound(Say(msg::kInspectionNotFound)); }

// Disbursed per plan year and source, from the project's rows.
std::vector<ProjectDetail::YearSource> SumDisbursed(const std::vector<Disbursement>& rows) {
  std::map<std::pair<int, int64_t>, Money> sums;
  for (const Disbursement& d : rows) sums[{d.plan_year, d.source_id}] += d.amount;
  std::vector<ProjectDetail::YearSource> out;
  for (const auto& [key, amount] : sums) out.push_back({key.first, key.second, amount});
  return out;
}

}  // namespace

Result<ProjectDetail> InvestmentService::GetProject(const auth::Principal& who, int64_t id) const {
  ProjectDetail d;
  std::vector<ProjectTask> links;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(d.project, VisibleProject(c, who, id));
    int64_t total = 0;
    DH_ASSIGN_OR_RETURN(
        d.medium_term_plans,
        investment::ListMediumTermPlans(c, std::nullopt, id, std::nullopt, 100, 0, &total));
    DH_ASSIGN_OR_RETURN(d.plan_versions, PlanVersionsOfProject(c, id, std::nullopt));
    DH_ASSIGN_OR_RETURN(auto paid, DisbursementsOfProject(c, id, std::nullopt));
    d.disbursed = SumDisbursed(paid);
    DH_ASSIGN_OR_RETURN(d.commitments, CommitmentsOf(c, id, clock_.Today().year()));
    DH_ASSIGN_OR_RETURN(d.progress, ProgressUpdatesOf(c, id));
    DH_ASSIGN_OR_RETURN(d.milestones, MilestonesOf(c, id));
    DH_ASSIGN_OR_RETURN(links, ProjectTasksOf(c, id, ProjectTaskKind::kBottleneck));
    return Status::Ok();
  }));
  d.bottlenecks = VisibleTasks(who, links);
  return d;
}

std::vector<ProjectDetail::LinkedTask> InvestmentService::VisibleTasks(
    const auth::Principal& who, const std::vector<ProjectTask>& links) const {
  std::vector<ProjectDetail::LinkedTask> out;
  std::map<int64_t, const ProjectTask*> by_task;
  std::vector<int64_t> ids;
  for (const ProjectTask& l : links) by_task[l.task_id] = &l, ids.push_back(l.task_id);
  // VisitTasks skips the tasks `who` may not see (tasks/task_access.h).
  const Status s = tasks_.VisitTasks(who, ids, [&](const tasks::TaskView& v) {
    out.push_back({*by_task.at(v.task.id), v});
    return Status::Ok();
  });
  if (!s.ok()) out.clear();
  return out;
}

Result<ProgressUpdate> InvestmentService::ReportProgress(const auth::Principal* who,
                                                         ProgressUpdate in) {
  if (in.physical_percent < 0 || in.physical_percent > 100)
    return Status::InvalidInput("physical_percent", Say(msg::kPercentRange));
  if (in.reported_on > clock_.Today())
    return Status::InvalidInput("reported_on", Say(msg::kReportedInFuture));
  in.user_id = who ? std::optional(who->user_id) : std::nullopt;
  in.created_at = clock_.NowSeconds();
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(Project p, ForWrite(c, who, in.project_id, false));
    DH_ASSIGN_OR_RETURN(in.id, InsertProgressUpdate(c, in));
    DH_RETURN_IF_ERROR(
        ResolveUpdateReminders(c, p.id, in.reported_on, clock_.Today(), in.created_at));
    return RecordChange(
        c, who,
        {"progress_update.create", "progress_update", in.id, p.investor_id, nullptr, ToJson(in)},
        in.created_at);
  }));
  return in;
}

Result<ProjectMilestone> InvestmentService::AddMilestone(const auth::Principal* who,
                                                         ProjectMilestone in) {
  if (in.label.empty())
    return Status::InvalidInput("label", Say(msg::kEnterMilestoneName), "required");
  const int64_t now = clock_.NowSeconds();
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(Project p, ForWrite(c, who, in.project_id, true));
    DH_ASSIGN_OR_RETURN(in.id, InsertProjectMilestone(c, in));
    return RecordChange(
        c, who, {"project.milestone", "project", p.id, p.investor_id, nullptr, ToJson(in)}, now);
  }));
  return in;
}

// ---- Bottlenecks and recommendations: tasks linked to a project ----------------------------
Result<ProjectDetail::LinkedTask> InvestmentService::LinkTask(const auth::Principal* who,
                                                              tasks::TaskInput in, ProjectTask link,
                                                              const std::string& action) {
  link.created_at = clock_.NowSeconds();
  const std::string entity = std::string(ProjectTaskKindName(link.kind));
  auto view = tasks_.Create(who, in, [&](db::Connection& c, const tasks::TaskRecord& t) {
    link.task_id = t.id;
    DH_RETURN_IF_ERROR(InsertProjectTask(c, link));
    return RecordChange(c, who, {action, entity, t.id, t.lead_unit_id, nullptr, ToJson(link)},
                        link.created_at);
  });
  if (!view.ok()) return view.status();
  return ProjectDetail::LinkedTask{link, *view};
}

Result<ProjectDetail::LinkedTask> InvestmentService::OpenBottleneck(const auth::Principal* who,
                                                                    int64_t project_id,
                                                                    const BottleneckInput& in) {
  const auto category = ParseBottleneckCategory(in.category.value_or("other"));
  if (!category)
    return Status::InvalidInput("category", Say(msg::kBottleneckKinds), "invalid_category");
  DH_ASSIGN_OR_RETURN(Project p, db::ReadValue(db_, [&](db::Connection& c) {
                        return ForWrite(c, who, project_id, true);
                      }));
  tasks::TaskInput task = in.task;
  if (!task.lead_unit_id) task.lead_unit_id = p.investor_id;
  if (!task.is_key) task.is_key = p.is_key;
  ProjectTask link{.project_id = p.id,
                   .kind = ProjectTaskKind::kBottleneck,
                   .category = category,
                   .within_own_control = in.within_own_control};
  return LinkTask(who, std::move(task), link, "bottleneck.create");
}

Result<std::vector<ProjectDetail::LinkedTask>> InvestmentService::Bottlenecks(
    const auth::Principal& who, int64_t project_id) const {
  std::vector<ProjectTask> links;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(VisibleProject(c, who, project_id).status());
    DH_ASSIGN_OR_RETURN(links, ProjectTasksOf(c, project_id, ProjectTaskKind::kBottleneck));
    return Status::Ok();
  }));
  return VisibleTasks(who, links);
}

// ---- Inspections -------------------------------------------------------------------------------
Result<InspectionPlan> InvestmentService::CreateInspectionPlan(const auth::Principal* who,
                                                               InspectionPlan in) {
  if (in.title.empty())
    return Status::InvalidInput("title", Say(msg::kEnterInspectionPlanName), "required");
  if (!units_.Get()->Find(in.lead_unit_id))
    return Status::InvalidInput("lead_unit_id", Say(msg::kNoLeadUnit));
  if (who && !AccessOf(*who).manage.Contains(in.lead_unit_id))
    return Status::Forbidden(Say(msg::kCannotPlanForUnit));
  in.created_by = who ? std::optional(who->user_id) : std::nullopt;
  in.created_at = clock_.NowSeconds();
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(in.id, InsertInspectionPlan(c, in));
    return RecordChange(
        c, who,
        {"inspection_plan.create", "inspection_plan", in.id, in.lead_unit_id, nullptr, ToJson(in)},
        in.created_at);
  }));
  return in;
}

Result<Inspection> InvestmentService::CreateInspection(const auth::Principal* who, Inspection in) {
  if (!units_.Get()->Find(in.investor_id))
    return Status::InvalidInput("investor_id", Say(msg::kNoInvestorUnit));
  in.created_by = who ? std::optional(who->user_id) : std::nullopt;
  in.created_at = in.updated_at = clock_.NowSeconds();
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto plan, GetInspectionPlan(c, in.plan_id));
    if (!plan) return Status::InvalidInput("plan_id", Say(msg::kNoInspectionPlan));
    if (who && !AccessOf(*who).manage.Contains(plan->lead_unit_id))
      return Status::Forbidden(Say(msg::kCannotAddToPlan));
    if (in.project_id) {
      DH_ASSIGN_OR_RETURN(Project p, ForWrite(c, who, *in.project_id, false));
      if (p.investor_id != in.investor_id)
        return Status::InvalidInput("project_id", Say(msg::kProjectNotOfInvestor));
    }
    DH_ASSIGN_OR_RETURN(in.id, InsertInspection(c, in));
    return RecordChange(
        c, who, {"inspection.create", "inspection", in.id, in.investor_id, nullptr, ToJson(in)},
        in.created_at);
  }));
  return in;
}

Result<Inspection> InvestmentService::RecordVisit(const auth::Principal& who, int64_t id,
                                                  Date visited_on, const std::string& findings) {
  Inspection after;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto x, GetInspection(c, id));
    if (!x) return InspectionNotFound();
    DH_ASSIGN_OR_RETURN(auto plan, GetInspectionPlan(c, x->plan_id));
    const InvestmentAccess a = AccessOf(who);
    if (!CanSeeInspection(a, *x, plan->lead_unit_id)) return InspectionNotFound();
    if (!a.manage.Contains(plan->lead_unit_id))
      return Status::Forbidden(Say(msg::kOnlyLeadRecords));
    after = *x;
    after.visited_on = visited_on, after.findings = findings;
    after.updated_at = clock_.NowSeconds();
    DH_RETURN_IF_ERROR(UpdateInspection(c, after));
    return RecordChange(
        c, &who, {"inspection.visit", "inspection", id, x->investor_id, ToJson(*x), ToJson(after)},
        after.updated_at);
  }));
  return after;
}

Result<std::vector<Inspection>> InvestmentService::ListInspections(
    const auth::Principal& who, std::optional<int64_t> plan_id) const {
  const InvestmentAccess a = AccessOf(who);
  std::vector<Inspection> out;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto all, investment::ListInspections(c, std::nullopt, plan_id));
    std::map<int64_t, int64_t> lead;  // plan → lead unit
    for (const Inspection& x : all) {
      if (!lead.count(x.plan_id)) {
        DH_ASSIGN_OR_RETURN(auto plan, GetInspectionPlan(c, x.plan_id));
        lead[x.plan_id] = plan ? plan->lead_unit_id : 0;
      }
      if (CanSeeInspection(a, x, lead[x.plan_id])) out.push_back(x);
    }
    return Status::Ok();
  }));
  return out;
}

Result<ProjectDetail::LinkedTask> InvestmentService::Recommend(const auth::Principal* who,
                                                               int64_t inspection_id,
                                                               tasks::TaskInput in) {
  Inspection x;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto found, GetInspection(c, inspection_id));
    if (!found) return InspectionNotFound();
    DH_ASSIGN_OR_RETURN(auto plan, GetInspectionPlan(c, found->plan_id));
    if (who && !CanSeeInspection(AccessOf(*who), *found, plan->lead_unit_id))
      return InspectionNotFound();
    if (who && !AccessOf(*who).manage.Contains(plan->lead_unit_id))
      return Status::Forbidden(Say(msg::kOnlyLeadRecommends));
    x = *found;
    return Status::Ok();
  }));
  if (!in.lead_unit_id) in.lead_unit_id = x.investor_id;
  ProjectTask link{.project_id = x.project_id,
                   .kind = ProjectTaskKind::kInspectionRecommendation,
                   .inspection_id = x.id};
  return LinkTask(who, std::move(in), link, "inspection_recommendation.create");
}

}  // namespace dh::investment
