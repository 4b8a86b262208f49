// The catalogue, targets and the review (values in target_values.cc, explanations in
// target_explanations.cc).
#include "targets/target_service.h"

#include <algorithm>

#include "audit/recorder.h"
#include "core/text.h"
#include "targets/target_json.h"
#include "targets/target_messages.h"
#include "targets/target_views.h"

namespace dh::targets {

TargetService::TargetService(db::Database& db, const Clock& clock,
                             const units::UnitDirectory& units, calendar::CalendarService& calendar,
                             TargetModel& model, const ComputedSources& sources,
                             readmodel::ChangeFeed* feed, tasks::TaskService* tasks)
    : db_(db),
      clock_(clock),
      units_(units),
      calendar_(calendar),
      model_(model),
      sources_(sources),
      tasks_(tasks) {
  if (feed)
    feed->Register({"targets",
                    {kIndicatorEntity, kTargetEntity, kValueEntity},
                    [this] { return model_.Load(db_); },
                    [this](const std::vector<readmodel::Change>& c) { return ApplyChanges(c); }});
}

Status TargetService::ApplyChanges(const std::vector<readmodel::Change>& changes) {
  for (const readmodel::Change& c : changes) {
    if (!c.entity_id) continue;
    if (c.entity == kIndicatorEntity)
      DH_RETURN_IF_ERROR(model_.RefreshIndicator(db_, *c.entity_id));
    if (c.entity == kTargetEntity) DH_RETURN_IF_ERROR(model_.RefreshTarget(db_, *c.entity_id));
    if (c.entity != kValueEntity) continue;
    std::optional<IndicatorValue> v;
    DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& conn) -> Status {
      DH_ASSIGN_OR_RETURN(v, FindValue(conn, *c.entity_id));
      return Status::Ok();
    }));
    if (v) DH_RETURN_IF_ERROR(model_.RefreshValues(db_, v->indicator_id, v->unit_id));
  }
  return Status::Ok();
}

TargetAccess TargetService::AccessOf(const auth::Principal& who) const {
  return AccessFor(who, *units_.Get());
}

Status TargetService::CheckUnit(int64_t unit_id, const char* field) const {
  if (units_.Get()->Find(unit_id)) return Status::Ok();
  return Status::InvalidInput(field, Say(msg::kUnknownUnit), "unknown_unit");
}

Result<std::vector<Indicator>> TargetService::ListIndicators(const auth::Principal& who) const {
  if (!SeesCatalogue(AccessOf(who))) return Status::Forbidden(Say(msg::kCannotSeeCatalogue));
  return model_.Indicators();
}

Result<Indicator> TargetService::GetIndicator(const auth::Principal& who, int64_t id) const {
  auto i = model_.FindIndicator(id);
  if (!i || !SeesCatalogue(AccessOf(who))) return Status::NotFound(Say(msg::kIndicatorNotFound));
  return *i;
}

namespace {

Status CheckIndicator(const Indicator& in, const ComputedSources& sources) {
  if (!in.computed.empty() && in.computed != kTaskOnTimeSource &&
      in.computed != kDisbursementSource && !sources.Has(in.computed))
    return Status::InvalidInput("computed", Say(msg::kNoSuchComputation, {{"name", in.computed}}));
  return Status::Ok();
}

}  // namespace

Result<Indicator> TargetService::CreateIndicator(const auth::Principal& who, Indicator in) {
  DH_RETURN_IF_ERROR(CheckUnit(in.responsible_unit_id, "responsible_unit_id"));
  DH_RETURN_IF_ERROR(CheckIndicator(in, sources_));
  if (!MayManageIndicator(AccessOf(who), in))
    return Status::Forbidden(Say(msg::kOnlyOfficeAddsIndicator));
  in.created_at = in.updated_at = clock_.NowSeconds();
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(in.id, InsertIndicator(c, in));
    return audit::Record(c, &who,
                         {"indicator.create", kIndicatorEntity, in.id, in.responsible_unit_id,
                          nullptr, IndicatorJson(in)},
                         in.created_at);
  }));
  DH_RETURN_IF_ERROR(model_.RefreshIndicator(db_, in.id));
  return in;
}

Result<Indicator> TargetService::UpdateIndicator(const auth::Principal& who, Indicator in) {
  DH_ASSIGN_OR_RETURN(const Indicator before, GetIndicator(who, in.id));
  DH_RETURN_IF_ERROR(CheckUnit(in.responsible_unit_id, "responsible_unit_id"));
  DH_RETURN_IF_ERROR(CheckIndicator(in, sources_));
  const TargetAccess a = AccessOf(who);
  if (!MayManageIndicator(a, before) || !MayManageIndicator(a, in))
    return Status::Forbidden(Say(msg::kOnlyOfficeEditsIndicator));
  in.created_at = before.created_at;
  in.updated_at = clock_.NowSeconds();
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(targets::UpdateIndicator(c, in));
    return audit::Record(c, &who,
                         {"indicator.update", kIndicatorEntity, in.id, in.responsible_unit_id,
                          IndicatorJson(before), IndicatorJson(in)},
                         in.updated_at);
  }));
  DH_RETURN_IF_ERROR(model_.RefreshIndicator(db_, in.id));
  return in;
}

namespace {

Status CheckSplit(const TargetInput& in) {
  double total = 0;
  for (const SplitPart& s : in.split) {
    if (!s.period.Within(in.period) || s.period == in.period)
      return Status::InvalidInput(
          "split",
          Say(msg::kSplitOutside, {{"part", s.period.Named()}, {"period", in.period.Named()}}));
    if (s.share < 0 || s.share > 100)
      return Status::InvalidInput("split", Say(msg::kSplitShareRange));
    total += s.share;
  }
  if (total > 100 + 1e-6)
    return Status::InvalidInput("split", Say(msg::kSplitOver, {{"total", SayNumber(total)}}));
  return Status::Ok();
}

}  // namespace

Result<TargetRow> TargetService::CreateTarget(const auth::Principal& who, const TargetInput& in) {
  const auto indicator = model_.FindIndicator(in.indicator_id);
  if (!indicator)
    return Status::InvalidInput("indicator_id", Say(msg::kUnknownIndicator), "unknown_indicator");
  DH_RETURN_IF_ERROR(CheckUnit(in.unit_id, "unit_id"));
  DH_RETURN_IF_ERROR(CheckSplit(in));
  if (!MaySetTarget(AccessOf(who), in.unit_id))
    return Status::Forbidden(Say(msg::kOnlyOfficeSetsTarget));
  Target t{
      0,        in.indicator_id, in.unit_id,  in.period,           in.expression,      in.parsed,
      in.split, in.note,         who.user_id, clock_.NowSeconds(), clock_.NowSeconds()};
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(t.id, InsertTarget(c, t));
    return audit::Record(
        c, &who, {"target.create", kTargetEntity, t.id, t.unit_id, nullptr, TargetRecordJson(t)},
        t.created_at);
  }));
  DH_RETURN_IF_ERROR(model_.RefreshTarget(db_, t.id));
  return GetTarget(who, t.id);
}

Result<TargetRow> TargetService::GetTarget(const auth::Principal& who, int64_t id) const {
  auto row = model_.Find(id);
  if (!row || !SeesTarget(AccessOf(who), row->target))
    return Status::NotFound(Say(msg::kTargetNotFound));
  return *row;
}

Result<std::vector<TargetRow>> TargetService::ListTargets(const auth::Principal& who,
                                                          TargetQuery q) const {
  const TargetAccess a = AccessOf(who);
  if (a.read.empty()) return std::vector<TargetRow>{};
  if (!a.read.all()) {
    q.in_scope = [scope = a.read](int64_t unit) { return scope.Contains(unit); };
    q.units = std::vector<int64_t>(a.read.ids().begin(), a.read.ids().end());
  }
  return model_.Query(q);
}

Result<std::vector<ReviewLine>> TargetService::Review(const auth::Principal& who,
                                                      const Period& p) const {
  TargetQuery q;
  q.period = p;
  q.as_of = p;
  DH_ASSIGN_OR_RETURN(auto rows, ListTargets(who, q));
  return ReviewLines(AccessOf(who), std::move(rows));
}

std::vector<ReviewLine> TargetService::ReviewLines(const TargetAccess& a,
                                                   std::vector<TargetRow> rows) const {
  // The lagging units of a line: the other targets of the same indicator and period.
  std::sort(rows.begin(), rows.end(), [](const TargetRow& x, const TargetRow& y) {
    return std::tie(x.indicator.code, x.target.period, x.target.unit_id) <
           std::tie(y.indicator.code, y.target.period, y.target.unit_id);
  });
  std::vector<ReviewLine> out;
  for (const TargetRow& r : rows) {
    // One size of period in a trend (a year's figure beside months misleads).
    ReviewLine line{r,
                    TrendOf(model_.ReadingsOf(r.target.indicator_id, r.target.unit_id),
                            TrendKind(r), r.target.period, kTrendPoints),
                    {}};
    for (const TargetRow& o : rows)
      if (o.target.id != r.target.id && o.target.indicator_id == r.target.indicator_id &&
          o.target.period == r.target.period &&
          (o.verdict.status == TargetStatus::kAtRisk || o.verdict.status == TargetStatus::kMissed))
        line.lagging.push_back(o);
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace dh::targets
