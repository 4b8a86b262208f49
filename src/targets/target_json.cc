#include "targets/target_json.h"

#include "core/json.h"

namespace dh::targets {

namespace bj = boost::json;

bj::object IndicatorJson(const Indicator& i) {
  return {{"id", i.id},
          {"code", i.code},
          {"name", i.name},
          {"name_en", i.name_en},
          {"unit_of_measure", i.unit_of_measure},
          {"direction", DirectionName(i.direction)},
          {"aggregation", AggregationName(i.aggregation)},
          {"periodicity", PeriodicityName(i.periodicity)},
          {"responsible_unit_id", i.responsible_unit_id},
          {"group", i.group},
          {"computed", i.computed.empty() ? bj::value(nullptr) : bj::value(i.computed)}};
}

bj::object ExpressionJson(const TargetExpression& e) {
  bj::array values;
  for (double v : e.values) values.push_back(v);
  return {{"comparator", ComparatorName(e.comparator)},
          {"values", std::move(values)},
          {"relative", e.relative},
          {"unit", e.unit},
          {"reading", ReadingIn(e)}};
}

namespace {
bj::array SplitJson(const std::vector<SplitPart>& split) {
  bj::array out;
  for (const SplitPart& s : split)
    out.push_back({{"period", s.period.ToString()}, {"share", s.share}});
  return out;
}
}  // namespace

bj::object TargetRecordJson(const Target& t) {
  bj::object o = ExpressionJson(t.parsed);
  o["id"] = t.id;
  o["indicator_id"] = t.indicator_id;
  o["unit_id"] = t.unit_id;
  o["period"] = t.period.ToString();
  o["expression"] = t.expression;
  o["split"] = SplitJson(t.split);
  o["note"] = t.note;
  return o;
}

bj::object ReadingJson(const Reading& r) {
  return {{"period", r.period.ToString()}, {"value", r.value}, {"kind", ValueKindName(r.kind)}};
}

bj::object TargetJson(const TargetRow& row) {
  bj::object o = TargetRecordJson(row.target);
  o["period_label"] = row.target.period.Label();
  o["indicator_code"] = row.indicator.code;
  o["indicator_name"] = row.indicator.name;
  o["indicator_name_en"] = row.indicator.name_en;
  o["unit_of_measure"] = row.indicator.unit_of_measure;
  o["direction"] = DirectionName(row.indicator.direction);
  o["group"] = row.indicator.group;
  o["computed"] = !row.indicator.computed.empty();
  o["status"] = StatusName(row.verdict.status);
  o["status_reason"] = StatusReason(row.verdict);
  o["latest"] = row.reading ? bj::value(ReadingJson(*row.reading)) : bj::value(nullptr);
  return o;
}

bj::object ValueJson(const IndicatorValue& v) {
  return {{"id", v.id},
          {"indicator_id", v.indicator_id},
          {"unit_id", v.unit_id},
          {"period", v.period.ToString()},
          {"kind", ValueKindName(v.kind)},
          {"value", v.value},
          {"source", v.source},
          {"note", v.note},
          {"state", ValueStateName(v.state)},
          {"submitted_by", json::OrNull(v.submitted_by)},
          {"submitted_at", FormatTimestamp(v.submitted_at)},
          {"decided_by", json::OrNull(v.decided_by)},
          {"decided_at", v.decided_at ? bj::value(FormatTimestamp(*v.decided_at)) : nullptr},
          {"decision_note", v.decision_note}};
}

bj::object ExplanationRecordJson(const ExplanationRequest& r) {
  return {{"id", r.id},
          {"target_id", json::OrNull(r.target_id)},
          {"task_id", json::OrNull(r.task_id)},
          {"unit_id", r.unit_id},
          {"question", r.question},
          {"due_on", r.due_on.ToString()},
          {"state", ExplanationStateName(r.state)},
          {"round", r.round},
          {"asked_by", json::OrNull(r.asked_by)},
          {"asked_at", FormatTimestamp(r.asked_at)},
          {"causes", r.causes},
          {"measures", r.measures},
          {"expected_value", json::OrNull(r.expected_value)},
          {"expected_on", json::DateOrNull(r.expected_on)},
          {"answered_by", json::OrNull(r.answered_by)},
          {"answered_on", json::DateOrNull(r.answered_on)}};
}

bj::object EventJson(const ExplanationEvent& e) {
  return {{"kind", e.kind},
          {"round", e.round},
          {"text", e.text},
          {"user_id", json::OrNull(e.user_id)},
          {"at", FormatTimestamp(e.created_at)}};
}

}  // namespace dh::targets
