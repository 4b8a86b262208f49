#include "investment/investment_service.h"

#include <type_traits>

#include "audit/recorder.h"
#include "db/read_value.h"
#include "investment/investment_json.h"
#include "investment/investment_messages.h"
#include "investment/investment_writes.h"

namespace dh::investment {
namespace {

constexpr size_t kMaxCode = 50, kMaxName = 500;

Status CheckText(const std::optional<std::string>& v, const char* field, const char* label,
                 size_t max) {
  if (v && v->empty())
    return Status::InvalidInput(field, Say(msg::kEnterField, {{"name", Label{label, ""}}}),
                                "required");
  if (v && v->size() > max * 4)
    return Status::InvalidInput(field, Say(msg::kFieldTooLong, {{"name", Label{label, ""}}}),
                                "too_long");
  return Status::Ok();
}

// The fields of `in` that are given, onto `p`.
Status ApplyEnums(const ProjectInput& in, Project& p) {
  if (in.group) {
    auto g = ParseProjectGroup(*in.group);
    if (!g) return Status::InvalidInput("group", Say(msg::kGroups), "invalid_group");
    p.group = *g;
  }
  if (in.status) {
    auto s = ParseProjectStatus(*in.status);
    if (!s) return Status::InvalidInput("status", Say(msg::kStatuses), "invalid_status");
    p.status = *s;
  }
  return Status::Ok();
}

void ApplyPlain(const ProjectInput& in, Project& p) {
  if (in.code) p.code = *in.code;
  if (in.name) p.name = *in.name;
  if (in.sector) p.sector = *in.sector;
  if (in.approval_number) p.approval_number = *in.approval_number;
  if (in.investor_id) p.investor_id = *in.investor_id;
  if (in.managing_unit_given || in.managing_unit_id) p.managing_unit_id = in.managing_unit_id;
  if (in.total_investment) p.total_investment = *in.total_investment;
  if (in.location_unit_ids) p.location_unit_ids = *in.location_unit_ids;
  if (in.is_key) p.is_key = *in.is_key;
  if (in.is_new) p.is_new = *in.is_new;
  if (in.start_year) p.start_year = *in.start_year;
  if (in.end_year) p.end_year = *in.end_year;
  if (in.physical_percent) p.physical_percent = *in.physical_percent;
  if (in.approval_date) p.approval_date = in.approval_date;
}

// A project's code names one project only.
Status CheckCodeFree(db::Connection& c, const std::string& code) {
  DH_ASSIGN_OR_RETURN(auto same, FindProjectByCode(c, code));
  if (same) return Status::UniqueViolation("code", Say(msg::kProjectCodeTaken, {{"code", code}}));
  return Status::Ok();
}

Status CheckProjectValues(const Project& p) {
  if (p.total_investment <= 0)
    return Status::InvalidInput("total_investment", Say(msg::kTotalAboveZero), "invalid_amount");
  if (p.start_year < 2000 || p.start_year > 2100)
    return Status::InvalidInput("start_year", Say(msg::kStartYearRange));
  if (p.end_year < p.start_year || p.end_year > 2100)
    return Status::InvalidInput("end_year", Say(msg::kEndBeforeStart));
  if (p.physical_percent < 0 || p.physical_percent > 100)
    return Status::InvalidInput("physical_percent", Say(msg::kPercentRange));
  return Status::Ok();
}

}  // namespace

InvestmentService::InvestmentService(db::Database& db, const Clock& clock,
                                     const units::UnitDirectory& units, tasks::TaskService& tasks)
    : db_(db), clock_(clock), units_(units), tasks_(tasks) {}

InvestmentAccess InvestmentService::AccessOf(const auth::Principal& who) const {
  return AccessFor(who, *units_.Get());
}

// ---- Capital sources -------------------------------------------------------------------------
Result<std::vector<CapitalSource>> InvestmentService::Sources(const auth::Principal& who) const {
  if (!who.Can(auth::Permission::kInvestmentRead)) return Status::Forbidden(Say(msg::kCannotRead));
  return db::ReadValue(db_, [&](db::Connection& c) { return ListCapitalSources(c); });
}

Result<CapitalSource> InvestmentService::CreateSource(const auth::Principal& who,
                                                      CapitalSource in) {
  if (!who.Can(auth::Permission::kInvestmentManage))
    return Status::Forbidden(Say(msg::kCannotEditSources));
  DH_RETURN_IF_ERROR(CheckText(in.code, "code", "Mã nguồn vốn", kMaxCode));
  DH_RETURN_IF_ERROR(CheckText(in.name, "name", "Tên nguồn vốn", kMaxName));
  in.created_at = clock_.NowSeconds();
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto same, FindCapitalSourceByCode(c, in.code));
    if (same)
      return Status::UniqueViolation("code", Say(msg::kSourceCodeTaken, {{"code", in.code}}));
    if (in.parent_id) {
      DH_ASSIGN_OR_RETURN(auto parent, GetCapitalSource(c, *in.parent_id));
      if (!parent) return Status::InvalidInput("parent_id", Say(msg::kNoParentSource));
      if (parent->level != in.level)
        return Status::InvalidInput("level", Say(msg::kChildSameLevel));
    }
    DH_ASSIGN_OR_RETURN(in.id, InsertCapitalSource(c, in));
    return RecordChange(
        c, &who,
        {"capital_source.create", "capital_source", in.id, std::nullopt, nullptr, ToJson(in)},
        in.created_at);
  }));
  return in;
}

// ---- Projects ----------------------------------------------------------------------------------
Result<Project> InvestmentService::BuildProject(const ProjectInput& in, Project p,
                                                bool creating) const {
  if (creating) {
    if (!in.code) return Status::InvalidInput("code", Say(msg::kEnterProjectCode), "required");
    if (!in.name) return Status::InvalidInput("name", Say(msg::kEnterProjectName), "required");
    if (!in.investor_id)
      return Status::InvalidInput("investor_id", Say(msg::kChooseInvestor), "required");
    if (!in.total_investment)
      return Status::InvalidInput("total_investment", Say(msg::kEnterTotalInvestment), "required");
    if (!in.start_year || !in.end_year)
      return Status::InvalidInput(in.start_year ? "end_year" : "start_year", Say(msg::kEnterYears),
                                  "required");
  }
  DH_RETURN_IF_ERROR(CheckText(in.code, "code", "Mã dự án", kMaxCode));
  DH_RETURN_IF_ERROR(CheckText(in.name, "name", "Tên dự án", kMaxName));
  ApplyPlain(in, p);
  DH_RETURN_IF_ERROR(ApplyEnums(in, p));
  DH_RETURN_IF_ERROR(CheckProjectValues(p));
  DH_RETURN_IF_ERROR(CheckUnits(p));
  return p;
}

Status InvestmentService::CheckUnits(const Project& p) const {
  auto g = units_.Get();
  if (!g->Find(p.investor_id))
    return Status::InvalidInput("investor_id", Say(msg::kNoInvestorUnit));
  if (p.managing_unit_id && !g->Find(*p.managing_unit_id))
    return Status::InvalidInput("managing_unit_id", Say(msg::kNoManagingUnit));
  for (int64_t id : p.location_unit_ids)
    if (!g->Find(id))
      return Status::InvalidInput("location_unit_ids",
                                  Say(msg::kNoLocationUnit, {{"id", std::to_string(id)}}));
  return Status::Ok();
}

Result<Project> InvestmentService::CreateProject(const auth::Principal* who,
                                                 const ProjectInput& in) {
  Project base;
  base.start_year = base.end_year = clock_.Today().year();
  DH_ASSIGN_OR_RETURN(Project p, BuildProject(in, base, true));
  if (who && !MayManageProject(AccessOf(*who), p))
    return Status::Forbidden(Say(msg::kCannotAddForInvestor));
  p.created_by = who ? std::optional(who->user_id) : std::nullopt;
  p.created_at = p.updated_at = clock_.NowSeconds();
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(CheckCodeFree(c, p.code));
    DH_ASSIGN_OR_RETURN(p.id, InsertProject(c, p));
    return RecordChange(c, who,
                        {"project.create", "project", p.id, p.investor_id, nullptr, ToJson(p)},
                        p.created_at);
  }));
  return p;
}

Result<Project> InvestmentService::UpdateProject(const auth::Principal& who, int64_t id,
                                                 const ProjectInput& in) {
  Project after;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(Project before, ForWrite(c, &who, id, true));
    DH_ASSIGN_OR_RETURN(after, BuildProject(in, before, false));
    if (!MayManageProject(AccessOf(who), after))
      return Status::Forbidden(Say(msg::kCannotMoveToInvestor));
    if (after.code != before.code) DH_RETURN_IF_ERROR(CheckCodeFree(c, after.code));
    after.updated_at = clock_.NowSeconds();
    DH_RETURN_IF_ERROR(investment::UpdateProject(c, after));
    return RecordChange(
        c, &who,
        {"project.update", "project", id, after.investor_id, ToJson(before), ToJson(after)},
        after.updated_at);
  }));
  return after;
}

Result<Project> InvestmentService::VisibleProject(db::Connection& c, const auth::Principal& who,
                                                  int64_t id) const {
  DH_ASSIGN_OR_RETURN(auto p, investment::GetProject(c, id));
  if (!p || !CanSeeProject(AccessOf(who), *p)) return ProjectNotFound();
  return *p;
}

std::unordered_set<int64_t> InvestmentService::VisibleProjects(
    const auth::Principal& who, const std::vector<int64_t>& ids) const {
  std::unordered_set<int64_t> out;
  const Status s = db::Read(db_, [&](db::Connection& c) -> Status {
    for (int64_t id : ids)
      if (VisibleProject(c, who, id).ok()) out.insert(id);
    return Status::Ok();
  });
  if (!s.ok()) out.clear();
  return out;
}

Result<Project> InvestmentService::ForWrite(db::Connection& c, const auth::Principal* who,
                                            int64_t id, bool manage) const {
  DH_ASSIGN_OR_RETURN(auto p, investment::GetProject(c, id));
  if (!p) return ProjectNotFound();
  if (!who) return *p;
  const InvestmentAccess a = AccessOf(*who);
  if (!CanSeeProject(a, *p)) return ProjectNotFound();
  if (manage ? !MayManageProject(a, *p) : !MayReportProject(a, *p))
    return Status::Forbidden(Say(manage ? msg::kCannotManageProject : msg::kCannotReportProject));
  return *p;
}

Result<std::vector<Project>> InvestmentService::ListProjects(const auth::Principal& who,
                                                             ProjectQuery q, int64_t limit,
                                                             int64_t offset, int64_t* total) const {
  q.scope = ScopeUnits(AccessOf(who).read);
  return db::ReadValue(
      db_, [&](db::Connection& c) { return investment::ListProjects(c, q, limit, offset, total); });
}

template <typename T>
Result<std::vector<T>> InvestmentService::ListRecords(const auth::Principal& who, RecordQuery q,
                                                      int64_t limit, int64_t offset,
                                                      int64_t* total) const {
  q.scope = ScopeUnits(AccessOf(who).read);
  return db::ReadValue(db_, [&](db::Connection& c) {
    if constexpr (std::is_same_v<T, PlanVersion>)
      return investment::ListPlanVersions(c, q, limit, offset, total);
    else
      return investment::ListDisbursements(c, q, limit, offset, total);
  });
}
template Result<std::vector<PlanVersion>> InvestmentService::ListRecords<PlanVersion>(
    const auth::Principal&, RecordQuery, int64_t, int64_t, int64_t*) const;
template Result<std::vector<Disbursement>> InvestmentService::ListRecords<Disbursement>(
    const auth::Principal&, RecordQuery, int64_t, int64_t, int64_t*) const;

Status InvestmentService::CheckSource(db::Connection& c, int64_t source_id,
                                      const std::string& field) const {
  DH_ASSIGN_OR_RETURN(auto s, GetCapitalSource(c, source_id));
  if (!s) return Status::InvalidInput(field, Say(msg::kNoSource), "unknown_source");
  return Status::Ok();
}

}  // namespace dh::investment
