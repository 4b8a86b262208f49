// InvestmentService: medium-term plans, annual plan versions, plan adjustments, the target
// trajectory and commitments.
#include <map>

#include "db/read_value.h"
#include "investment/investment_json.h"
#include "investment/investment_messages.h"
#include "investment/investment_notices.h"
#include "investment/investment_service.h"
#include "investment/investment_writes.h"
#include "investment/plan_rules.h"
#include "investment/plan_store.h"
#include "notifications/notice_text.h"

namespace dh::investment {
namespace {

Status CheckYear(int year, const char* field) {
  if (year < 2000 || year > 2100)
    return Status::InvalidInput(field, Say(msg::kPlanYearRange), "invalid_year");
  return Status::Ok();
}

Status CheckDecision(const std::string& number) {
  if (number.empty())
    return Status::InvalidInput("decision_number", Say(msg::kEnterDecision), "required");
  return Status::Ok();
}

// The limits of one (project, source) for the rules, with the project's own figures.
Result<PlanFigures> FiguresOf(db::Connection& c, const Project& p, int64_t source_id, int year,
                              PlanBasis basis) {
  DH_ASSIGN_OR_RETURN(PlanFigures f, PlanFiguresOf(c, p.id, source_id, year, basis));
  f.project.code = p.code;
  f.project.total_investment = p.total_investment;
  return f;
}

inline constexpr MessageText kPlanAdjusted{
    "investment.notice_plan_adjusted",
    "Kế hoạch vốn năm {year} được điều chỉnh theo {decision}",
    "The capital plan for {year} was adjusted by {decision}",
};
const notifications::NoticeTexts kRegistered{&kPlanAdjusted};

// Each investor whose project's plan changed hears of it, with the decision.
Status NoticeAdjusted(db::Connection& c, const PlanAdjustment& a,
                      const std::map<std::pair<int64_t, int64_t>, Money>& net) {
  std::map<int64_t, Label> lines;  // investor → its projects' changes, in both languages
  for (const auto& [key, amount] : net) {
    if (amount == 0) continue;
    DH_ASSIGN_OR_RETURN(auto p, investment::GetProject(c, key.first));
    if (!p) continue;
    const std::string project = "- " + p->code + " " + p->name + ": ";
    const Money size = amount > 0 ? amount : -amount;
    lines[p->investor_id].vi +=
        project + (amount > 0 ? "tăng " : "giảm ") + FormatDong(size) + " đồng\n";
    lines[p->investor_id].en +=
        project + (amount > 0 ? "up VND " : "down VND ") + FormatInt(size, Lang::kEn) + "\n";
  }
  for (const auto& [investor, body] : lines) {
    const Notice n{
        "investment.plan_adjusted",
        {&kPlanAdjusted,
         &notifications::msg::kText,
         {{"year", std::to_string(a.year)}, {"decision", a.decision_number}, {"text", body}}},
        "plan_adjustment:" + std::to_string(a.id)};
    DH_RETURN_IF_ERROR(NotifyUnit(c, investor, n, a.created_at).status());
  }
  return Status::Ok();
}

}  // namespace

// ---- Medium-term plans -------------------------------------------------------------------------
Result<MediumTermPlan> InvestmentService::SetMediumTermPlan(const auth::Principal* who,
                                                            MediumTermPlan in) {
  if (!IsMediumTermPeriod(in.period))
    return Status::InvalidInput("period", Say(msg::kPeriodForm), "invalid_period");
  if (in.amount < 0)
    return Status::InvalidInput("amount", Say(msg::kMediumTermNegative), "invalid_amount");
  in.created_by = who ? std::optional(who->user_id) : std::nullopt;
  in.created_at = in.updated_at = clock_.NowSeconds();
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(Project p, ForWrite(c, who, in.project_id, true));
    DH_RETURN_IF_ERROR(CheckSource(c, in.source_id, "source_id"));
    DH_ASSIGN_OR_RETURN(auto before, FindMediumTermPlan(c, in.period, p.id, in.source_id));
    DH_ASSIGN_OR_RETURN(in.id, SaveMediumTermPlan(c, in));
    return RecordChange(c, who,
                        {"medium_term_plan.set", "medium_term_plan", in.id, p.investor_id,
                         before ? boost::json::value(ToJson(*before)) : nullptr, ToJson(in)},
                        in.updated_at);
  }));
  return in;
}

Result<std::vector<MediumTermPlan>> InvestmentService::ListMediumTermPlans(
    const auth::Principal& who, std::optional<int64_t> project_id,
    std::optional<std::string> period, int64_t limit, int64_t offset, int64_t* total) const {
  const auto scope = ScopeUnits(AccessOf(who).read);
  std::vector<MediumTermPlan> out;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(
        out, investment::ListMediumTermPlans(c, scope, project_id, period, limit, offset, total));
    return Status::Ok();
  }));
  return out;
}

// ---- Annual plan versions
// ------------------------------------------------------------------------
Result<PlanVersion> InvestmentService::AddPlanVersion(const auth::Principal* who, PlanVersion in) {
  DH_RETURN_IF_ERROR(CheckYear(in.year, "year"));
  DH_RETURN_IF_ERROR(CheckDecision(in.decision_number));
  if (in.kind != VersionKind::kAdjustment && in.amount <= 0)
    return Status::InvalidInput("amount", Say(msg::kAssignedAboveZero), "invalid_amount");
  if (in.amount == 0)
    return Status::InvalidInput("amount", Say(msg::kAdjustedNotZero), "invalid_amount");
  in.adjustment_id.reset();
  in.added_after_sep30 = AddedAfterSep30(in.year, in.decision_date, in.amount);
  in.created_by = who ? std::optional(who->user_id) : std::nullopt;
  in.created_at = clock_.NowSeconds();
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(Project p, ForWrite(c, who, in.project_id, true));
    DH_RETURN_IF_ERROR(CheckSource(c, in.source_id, "source_id"));
    DH_ASSIGN_OR_RETURN(PlanFigures f, FiguresOf(c, p, in.source_id, in.year, in.basis));
    DH_RETURN_IF_ERROR(CheckPlanChange(in.amount, f.project, f.funds, "amount"));
    DH_ASSIGN_OR_RETURN(in.id, InsertPlanVersion(c, in));
    return RecordChange(
        c, who, {"annual_plan.create", "annual_plan", in.id, p.investor_id, nullptr, ToJson(in)},
        in.created_at);
  }));
  return in;
}

// ---- Plan adjustments
// ------------------------------------------------------------------------------ Every project and
// (project, source) the moves touch, read inside the write's transaction. A project the caller may
// not manage is named as not found, in the move that names it.
Status InvestmentService::LoadAdjustmentState(db::Connection& c, const PlanAdjustment& a,
                                              AdjustmentState& s) const {
  DH_ASSIGN_OR_RETURN(auto sources, ListCapitalSources(c));
  for (const CapitalSource& src : sources) s.source_levels[src.id] = src.level;
  for (size_t i = 0; i < a.moves.size(); ++i) {
    const Move& m = a.moves[i];
    for (auto [id, field] : {std::pair{m.from_project_id, "from_project_id"},
                             std::pair{m.to_project_id, "to_project_id"}}) {
      DH_ASSIGN_OR_RETURN(auto p, investment::GetProject(c, id));
      if (!p)
        return Status::InvalidInput("moves[" + std::to_string(i) + "]." + field,
                                    Say(msg::kThisProjectNotFound), "unknown_project");
      if (!s.source_levels.count(m.source_id)) continue;  // CheckAdjustment names it
      DH_ASSIGN_OR_RETURN(PlanFigures f, FiguresOf(c, *p, m.source_id, a.year, a.basis));
      s.projects[id] = f.project;
      s.funds[{id, m.source_id}] = f.funds;
    }
  }
  return Status::Ok();
}

Status InvestmentService::WriteAdjustment(db::Connection& c, const auth::Principal* who,
                                          PlanAdjustment& a) {
  DH_ASSIGN_OR_RETURN(a.id, InsertAdjustment(c, a));
  std::map<std::pair<int64_t, int64_t>, Money> net;
  for (const Move& m : a.moves) {
    net[{m.from_project_id, m.source_id}] -= m.amount;
    net[{m.to_project_id, m.source_id}] += m.amount;
  }
  for (const auto& [key, amount] : net) {
    if (amount == 0) continue;
    PlanVersion v{.year = a.year,
                  .project_id = key.first,
                  .source_id = key.second,
                  .basis = a.basis,
                  .kind = VersionKind::kAdjustment,
                  .amount = amount,
                  .decision_number = a.decision_number,
                  .decision_date = a.decision_date,
                  .adjustment_id = a.id,
                  .added_after_sep30 = AddedAfterSep30(a.year, a.decision_date, amount),
                  .created_by = a.created_by,
                  .created_at = a.created_at};
    DH_RETURN_IF_ERROR(InsertPlanVersion(c, v).status());
  }
  DH_RETURN_IF_ERROR(RecordChange(
      c, who, {"plan_adjustment.create", "plan_adjustment", a.id, std::nullopt, nullptr, ToJson(a)},
      a.created_at));
  return NoticeAdjusted(c, a, net);
}

Result<PlanAdjustment> InvestmentService::Adjust(const auth::Principal* who, PlanAdjustment a) {
  DH_RETURN_IF_ERROR(CheckYear(a.year, "year"));
  DH_RETURN_IF_ERROR(CheckDecision(a.decision_number));
  if (a.moves.empty()) return Status::InvalidInput("moves", Say(msg::kAtLeastOneMove), "required");
  a.created_by = who ? std::optional(who->user_id) : std::nullopt;
  a.created_at = clock_.NowSeconds();
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    for (size_t i = 0; i < a.moves.size(); ++i)
      for (auto [id, field] : {std::pair{a.moves[i].from_project_id, "from_project_id"},
                               std::pair{a.moves[i].to_project_id, "to_project_id"}}) {
        auto p = ForWrite(c, who, id, true);
        if (!p.ok() && p.status().code() != StatusCode::kForbidden)
          return Status::InvalidInput("moves[" + std::to_string(i) + "]." + field,
                                      Say(msg::kThisProjectNotFound), "unknown_project");
        if (!p.ok()) return p.status();
      }
    AdjustmentState state;
    DH_RETURN_IF_ERROR(LoadAdjustmentState(c, a, state));
    DH_RETURN_IF_ERROR(CheckAdjustment(a.moves, state));
    return WriteAdjustment(c, who, a);
  }));
  return a;
}

Result<std::pair<PlanAdjustment, std::vector<PlanVersion>>> InvestmentService::GetAdjustment(
    const auth::Principal& who, int64_t id) const {
  if (!who.Can(auth::Permission::kInvestmentRead))
    return Status::NotFound(Say(msg::kAdjustmentNotFound));
  std::pair<PlanAdjustment, std::vector<PlanVersion>> out;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto a, investment::GetAdjustment(c, id));
    if (!a) return Status::NotFound(Say(msg::kAdjustmentNotFound));
    std::vector<Move> seen;
    for (const Move& m : a->moves) {
      const bool from = VisibleProject(c, who, m.from_project_id).ok();
      const bool to = VisibleProject(c, who, m.to_project_id).ok();
      if (from && to) seen.push_back(m);
    }
    if (seen.empty()) return Status::NotFound(Say(msg::kAdjustmentNotFound));
    a->moves = std::move(seen);
    out.first = std::move(*a);
    return ForEachPlanVersionOfAdjustment(c, id, [&](const PlanVersion& v) {
      if (VisibleProject(c, who, v.project_id).ok()) out.second.push_back(v);
    });
  }));
  return out;
}

// ---- Target trajectory
// -------------------------------------------------------------------------------
Result<std::vector<TargetMilestone>> InvestmentService::Trajectory(const auth::Principal& who,
                                                                   int year) const {
  if (!who.Can(auth::Permission::kInvestmentRead)) return Status::Forbidden(Say(msg::kCannotRead));
  return db::ReadValue(db_, [&](db::Connection& c) { return TargetTrajectory(c, year); });
}

Result<std::vector<TargetMilestone>> InvestmentService::SetTrajectory(
    const auth::Principal* who, int year, std::vector<TargetMilestone> milestones) {
  if (who && !who->Can(auth::Permission::kInvestmentManage))
    return Status::Forbidden(Say(msg::kCannotSetTarget));
  DH_RETURN_IF_ERROR(CheckYear(year, "year"));
  for (size_t i = 0; i < milestones.size(); ++i) {
    TargetMilestone& m = milestones[i];
    m.year = year;
    const std::string at = "milestones[" + std::to_string(i) + "].";
    if (m.rate_bp < 0 || m.rate_bp > 10000)
      return Status::InvalidInput(at + "rate_bp", Say(msg::kTargetRateRange));
    if (i > 0 && !(milestones[i - 1].due_on < m.due_on && milestones[i - 1].rate_bp <= m.rate_bp))
      return Status::InvalidInput(at + "due_on", Say(msg::kMilestonesOrder));
  }
  const int64_t now = clock_.NowSeconds();
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    boost::json::array after;
    for (const auto& m : milestones) after.push_back(ToJson(m));
    DH_RETURN_IF_ERROR(ReplaceTargetTrajectory(
        c, year, milestones, who ? std::optional(who->user_id) : std::nullopt, now));
    return RecordChange(
        c, who,
        {"disbursement_target.set", "disbursement_target", year, std::nullopt, nullptr, after},
        now);
  }));
  return milestones;
}

// ---- Commitments
// --------------------------------------------------------------------------------------
Result<std::vector<Commitment>> InvestmentService::Commitments(const auth::Principal& who,
                                                               int64_t project_id, int year) const {
  std::vector<Commitment> out;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(VisibleProject(c, who, project_id).status());
    DH_ASSIGN_OR_RETURN(out, CommitmentsOf(c, project_id, year));
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<Commitment>> InvestmentService::SetCommitments(const auth::Principal* who,
                                                                  int64_t project_id, int year,
                                                                  std::vector<Commitment> months) {
  DH_RETURN_IF_ERROR(CheckYear(year, "year"));
  for (size_t i = 0; i < months.size(); ++i) {
    const std::string at = "months[" + std::to_string(i) + "].";
    if (months[i].month < 1 || months[i].month > 12)
      return Status::InvalidInput(at + "month", Say(msg::kMonthRange));
    if (i > 0 && months[i - 1].month >= months[i].month)
      return Status::InvalidInput(at + "month", Say(msg::kMonthsOrder));
    if (months[i].amount < 0)
      return Status::InvalidInput(at + "amount", Say(msg::kCommitmentNegative));
    months[i].project_id = project_id, months[i].year = year;
  }
  const int64_t now = clock_.NowSeconds();
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(Project p, ForWrite(c, who, project_id, false));
    boost::json::array after;
    for (const auto& m : months) after.push_back(ToJson(m));
    DH_RETURN_IF_ERROR(ReplaceCommitments(c, project_id, year, months,
                                          who ? std::optional(who->user_id) : std::nullopt, now));
    return RecordChange(c, who,
                        {"commitment.set", "commitment", project_id, p.investor_id, nullptr,
                         boost::json::object{{"year", year}, {"months", after}}},
                        now);
  }));
  return months;
}

}  // namespace dh::investment
