#include "targets/target_views.h"

#include "targets/target_json.h"
#include "tasks/task_service.h"

namespace dh::targets {

namespace bj = boost::json;

PeriodKind TrendKind(const TargetRow& row) {
  if (row.reading) return row.reading->period.kind;
  // Indexed as Periodicity is declared: month, quarter, year.
  static constexpr PeriodKind kKinds[] = {PeriodKind::kMonth, PeriodKind::kQuarter,
                                          PeriodKind::kYear};
  return kKinds[static_cast<int>(row.indicator.periodicity)];
}

TargetViews::TargetViews(TargetService& s, const auth::Principal& who)
    : s_(s), who_(who), graph_(s.units().Get()), access_(AccessFor(who, *graph_)) {}

std::string TargetViews::UnitName(int64_t id) const {
  const units::Unit* u = graph_->Find(id);
  return u ? u->name : "#" + std::to_string(id);
}

bj::object TargetViews::OfTarget(const TargetRow& row) const {
  bj::object o = TargetJson(row);
  const Indicator& i = row.indicator;
  o["unit_name"] = UnitName(row.target.unit_id);
  o["indicator"] = {{"id", i.id},
                    {"code", i.code},
                    {"name", i.name},
                    {"name_en", i.name_en},
                    {"unit_of_measure", i.unit_of_measure},
                    {"direction", DirectionName(i.direction)},
                    {"group", i.group}};
  const auto& r = row.reading;
  o["value"] = r ? bj::value(r->value) : bj::value(nullptr);
  o["value_kind"] = r ? bj::value(ValueKindName(r->kind)) : bj::value(nullptr);
  o["value_period"] = r ? bj::value(r->period.ToString()) : bj::value(nullptr);
  bj::array trend, actions;
  for (const Reading& x : TrendOf(s_.model().ReadingsOf(i.id, row.target.unit_id), TrendKind(row),
                                  row.target.period, kTrendPoints))
    trend.push_back(ReadingJson(x));
  o["trend"] = std::move(trend);
  if (i.computed.empty() && MaySubmitValue(access_, row.target.unit_id))
    actions.push_back("submit_value");
  if (MayAsk(access_, row.target.unit_id)) actions.push_back("ask_explanation");
  o["allowed_actions"] = std::move(actions);
  return o;
}

bj::object TargetViews::OfValue(const IndicatorValue& v) const {
  bj::object o = ValueJson(v);
  o["unit_name"] = UnitName(v.unit_id);
  bj::array actions;
  if (v.state == ValueState::kSubmitted && MayDecideValue(access_, v)) {
    actions.push_back("approve");
    actions.push_back("return");
  }
  o["allowed_actions"] = std::move(actions);
  return o;
}

bj::object TargetViews::OfExplanation(const ExplanationRequest& r) const {
  bj::object o = ExplanationRecordJson(r);
  const int late = s_.DaysLate(r);
  o["late"] = late > 0;
  o["days_late"] = late;
  o["unit_name"] = UnitName(r.unit_id);
  // The task by its title, not its number; only when the caller sees the task.
  if (r.task_id && s_.tasks())
    if (auto d = s_.tasks()->Get(who_, *r.task_id); d.ok())
      o["task"] = {{"id", *r.task_id}, {"title", d->view.task.title}};
  bj::array actions;
  if (r.state == ExplanationState::kOpen && MayAnswer(access_, r)) actions.push_back("answer");
  if (r.state == ExplanationState::kAnswered && MayAsk(access_, r.unit_id)) {
    actions.push_back("accept");
    actions.push_back("ask_again");
  }
  o["allowed_actions"] = std::move(actions);
  return o;
}

}  // namespace dh::targets
