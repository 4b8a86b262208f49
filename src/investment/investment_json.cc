#include "investment/investment_json.h"

#include "core/json.h"

namespace dh::investment {
namespace {

namespace bj = boost::json;
using json::DateOrNull;
using json::OrNull;

bj::value UnitName(const units::UnitGraph* g, std::optional<int64_t> id) {
  const units::Unit* u = g && id ? g->Find(*id) : nullptr;
  return u ? bj::value(u->name) : bj::value(nullptr);
}

}  // namespace

bj::object ToJson(const CapitalSource& s) {
  return {{"id", s.id},
          {"code", s.code},
          {"name", s.name},
          {"parent_id", OrNull(s.parent_id)},
          {"level", BudgetLevelName(s.level)},
          {"position", s.position}};
}

bj::object ToJson(const Project& p, const units::UnitGraph* g) {
  bj::array locations, location_names;
  for (int64_t id : p.location_unit_ids) {
    locations.push_back(id);
    location_names.push_back(UnitName(g, id));
  }
  return {{"id", p.id},
          {"code", p.code},
          {"name", p.name},
          {"investor_id", p.investor_id},
          {"investor_name", UnitName(g, p.investor_id)},
          {"managing_unit_id", OrNull(p.managing_unit_id)},
          {"managing_unit_name", UnitName(g, p.managing_unit_id)},
          {"sector", p.sector},
          {"location_unit_ids", std::move(locations)},
          {"location_names", std::move(location_names)},
          {"group", ProjectGroupName(p.group)},
          {"is_key", p.is_key},
          {"total_investment", p.total_investment},
          {"approval_number", p.approval_number},
          {"approval_date", DateOrNull(p.approval_date)},
          {"start_year", p.start_year},
          {"end_year", p.end_year},
          {"is_new", p.is_new},
          {"status", ProjectStatusName(p.status)},
          {"physical_percent", p.physical_percent},
          {"progress_updated_on", DateOrNull(p.progress_updated_on)},
          {"updated_at", p.updated_at}};
}

bj::object ToJson(const MediumTermPlan& m) {
  return {{"id", m.id},
          {"period", m.period},
          {"project_id", m.project_id},
          {"source_id", m.source_id},
          {"amount", m.amount},
          {"decision_number", m.decision_number},
          {"decision_date", DateOrNull(m.decision_date)}};
}

bj::object ToJson(const PlanVersion& v) {
  return {{"id", v.id},
          {"year", v.year},
          {"project_id", v.project_id},
          {"source_id", v.source_id},
          {"basis", PlanBasisName(v.basis)},
          {"version_kind", VersionKindName(v.kind)},
          {"amount", v.amount},
          {"decision_number", v.decision_number},
          {"decision_date", v.decision_date.ToString()},
          {"adjustment_id", OrNull(v.adjustment_id)},
          {"added_after_sep30", v.added_after_sep30},
          {"created_at", v.created_at}};
}

bj::object ToJson(const Disbursement& d) {
  return {{"id", d.id},
          {"project_id", d.project_id},
          {"source_id", d.source_id},
          {"plan_year", d.plan_year},
          {"paid_on", d.paid_on.ToString()},
          {"amount", d.amount},
          {"import_id", OrNull(d.import_id)},
          {"created_at", d.created_at}};
}

bj::object ToJson(const Move& m) {
  return {{"from_project_id", m.from_project_id},
          {"to_project_id", m.to_project_id},
          {"source_id", m.source_id},
          {"amount", m.amount}};
}

bj::object ToJson(const PlanAdjustment& a) {
  bj::array moves;
  for (const Move& m : a.moves) moves.push_back(ToJson(m));
  return {{"id", a.id},
          {"year", a.year},
          {"basis", PlanBasisName(a.basis)},
          {"decision_number", a.decision_number},
          {"decision_date", a.decision_date.ToString()},
          {"note", a.note},
          {"moves", std::move(moves)},
          {"created_at", a.created_at}};
}

bj::object ToJson(const Commitment& c) {
  return {{"project_id", c.project_id}, {"year", c.year}, {"month", c.month}, {"amount", c.amount}};
}

bj::object ToJson(const TargetMilestone& m) {
  return {{"year", m.year}, {"due_on", m.due_on.ToString()}, {"rate_bp", m.rate_bp}};
}

bj::object ToJson(const ProgressUpdate& u) {
  return {{"id", u.id},
          {"project_id", u.project_id},
          {"reported_on", u.reported_on.ToString()},
          {"physical_percent", u.physical_percent},
          {"note", u.note},
          {"user_id", OrNull(u.user_id)}};
}

bj::object ToJson(const ProjectMilestone& m) {
  return {{"id", m.id},
          {"project_id", m.project_id},
          {"label", m.label},
          {"due_on", m.due_on.ToString()},
          {"done_on", DateOrNull(m.done_on)}};
}

bj::object ToJson(const ProjectTask& t) {
  return {{"task_id", t.task_id},
          {"project_id", OrNull(t.project_id)},
          {"kind", ProjectTaskKindName(t.kind)},
          {"category",
           t.category ? bj::value(BottleneckCategoryName(*t.category)) : bj::value(nullptr)},
          {"within_own_control", t.within_own_control},
          {"inspection_id", OrNull(t.inspection_id)}};
}

bj::object ToJson(const InspectionPlan& p) {
  return {{"id", p.id},
          {"year", p.year},
          {"title", p.title},
          {"decision_number", p.decision_number},
          {"lead_unit_id", p.lead_unit_id}};
}

bj::object ToJson(const Inspection& i) {
  return {{"id", i.id},
          {"plan_id", i.plan_id},
          {"investor_id", i.investor_id},
          {"project_id", OrNull(i.project_id)},
          {"planned_on", i.planned_on.ToString()},
          {"visited_on", DateOrNull(i.visited_on)},
          {"findings", i.findings}};
}

}  // namespace dh::investment

// ---- Inspection plans' pages (appended) -------------------------------------------------------
namespace dh::investment {

bj::object ToJson(const InspectionPlanSummary& s, const units::UnitGraph* g) {
  bj::object o = ToJson(s.plan);
  o["lead_unit_name"] = UnitName(g, s.plan.lead_unit_id);
  o["status"] = InspectionStatusName(s.status);
  o["visits"] = s.visits;
  o["visited"] = s.visited;
  o["recommendations"] = s.recommendations;
  bj::array investors;
  for (int64_t id : s.investor_ids) investors.push_back({{"id", id}, {"name", UnitName(g, id)}});
  o["investors"] = std::move(investors);
  return o;
}

bj::object ToJson(const Inspection& i, const Project* p, const units::UnitGraph* g) {
  bj::object o = ToJson(i);
  o["investor_name"] = UnitName(g, i.investor_id);
  o["project_code"] = p ? bj::value(p->code) : bj::value(nullptr);
  o["project_name"] = p ? bj::value(p->name) : bj::value(nullptr);
  return o;
}

}  // namespace dh::investment
