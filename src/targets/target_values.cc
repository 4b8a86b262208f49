// Values: a unit officer submits (estimate or official, with source and note), the office
// approves or returns; every submission is kept. Only approved values count for status.
// The values' and the explanation requests' lists a page at a time, in SQL.
#include "audit/recorder.h"
#include "db/read_value.h"
#include "targets/target_json.h"
#include "targets/target_lists.h"
#include "targets/target_messages.h"
#include "targets/target_service.h"

namespace dh::targets {

Result<Indicator> TargetService::TypedIndicator(int64_t id) const {
  const auto indicator = model_.FindIndicator(id);
  if (!indicator)
    return Status::InvalidInput("indicator_id", Say(msg::kUnknownIndicator), "unknown_indicator");
  if (!indicator->computed.empty())
    return Status::InvalidInput("indicator_id",
                                Say(msg::kComputedIndicator, {{"name", indicator->name}}),
                                "computed_indicator");
  return *indicator;
}

Result<IndicatorValue> TargetService::SubmitValue(const auth::Principal& who,
                                                  const ValueInput& in) {
  DH_RETURN_IF_ERROR(TypedIndicator(in.indicator_id).status());
  DH_RETURN_IF_ERROR(CheckUnit(in.unit_id, "unit_id"));
  if (!MaySubmitValue(AccessOf(who), in.unit_id))
    return Status::NotFound(Say(msg::kUnitNotInScope));
  IndicatorValue v{0,
                   in.indicator_id,
                   in.unit_id,
                   in.period,
                   in.kind,
                   in.value,
                   in.source,
                   in.note,
                   ValueState::kSubmitted,
                   who.user_id,
                   clock_.NowSeconds()};
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(v.id, InsertValue(c, v));
    return audit::Record(
        c, &who, {"indicator_value.submit", kValueEntity, v.id, v.unit_id, nullptr, ValueJson(v)},
        v.submitted_at);
  }));
  return v;
}

Result<IndicatorValue> TargetService::DecideValue(const auth::Principal& who, int64_t id,
                                                  bool approve, const std::string& note) {
  const TargetAccess a = AccessOf(who);
  if (!approve && note.empty())
    return Status::InvalidInput("note", Say(msg::kReturnReason), "required");
  IndicatorValue after;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto v, FindValue(c, id));
    if (!v || !SeesValue(a, *v)) return Status::NotFound(Say(msg::kValueNotFound));
    if (!MayDecideValue(a, *v)) return Status::Forbidden(Say(msg::kOnlyOfficeDecidesValue));
    if (v->state != ValueState::kSubmitted)
      return Status::Conflict(
          Say(msg::kValueAlreadyDecided,
              {{"decision",
                v->state == ValueState::kApproved ? &msg::kApprovedWord : &msg::kReturnedWord}}),
          "already_decided");
    after = *v;
    after.state = approve ? ValueState::kApproved : ValueState::kReturned;
    after.decided_by = who.user_id;
    after.decided_at = clock_.NowSeconds();
    after.decision_note = note;
    DH_RETURN_IF_ERROR(
        targets::DecideValue(c, id, after.state, who.user_id, *after.decided_at, note));
    return audit::Record(c, &who,
                         {approve ? "indicator_value.approve" : "indicator_value.return",
                          kValueEntity, id, v->unit_id, ValueJson(*v), ValueJson(after)},
                         *after.decided_at);
  }));
  if (approve) DH_RETURN_IF_ERROR(model_.RefreshValues(db_, after.indicator_id, after.unit_id));
  return after;
}

Result<std::vector<IndicatorValue>> TargetService::ListValues(const auth::Principal& who,
                                                              const ValueFilter& f) const {
  const TargetAccess a = AccessOf(who);
  DH_ASSIGN_OR_RETURN(std::vector<IndicatorValue> rows, db::ReadValue(db_, [&](db::Connection& c) {
                        return targets::ListValues(c, f);
                      }));
  std::erase_if(rows, [&](const IndicatorValue& v) { return !SeesValue(a, v); });
  return rows;
}

namespace {

// The units of a scope as the lists filter them (nullopt: every unit).
UnitsFilter UnitsOf(const units::UnitScope& s) {
  if (s.all()) return std::nullopt;
  return std::vector<int64_t>(s.ids().begin(), s.ids().end());
}

}  // namespace

Result<std::vector<IndicatorValue>> TargetService::PageValues(const auth::Principal& who,
                                                              const ValueFilter& f, int64_t limit,
                                                              int64_t offset,
                                                              int64_t* total) const {
  const TargetAccess a = AccessOf(who);
  return db::ReadValue(db_, [&](db::Connection& c) {
    return targets::PageValues(c, f, UnitsOf(a.read), limit, offset, total);
  });
}

Result<std::vector<ExplanationRequest>> TargetService::PageExplanations(
    const auth::Principal& who, const ExplanationFilter& f, bool late_only, int64_t limit,
    int64_t offset, int64_t* total) const {
  const TargetAccess a = AccessOf(who);
  ExplanationPage q{f, UnitsOf(a.read), who.user_id, std::nullopt, limit, offset};
  if (late_only) {
    // Late: a working day has passed since the date, i.e. the date is before the last
    // working day up to today (calendar/deadline.h's WorkingDaysLate > 0).
    const auto cal = calendar_.Get();
    Date last = clock_.Today();
    while (!cal->IsWorkingDay(last)) last = last.AddDays(-1);
    q.due_before = last;
  }
  return db::ReadValue(db_,
                       [&](db::Connection& c) { return targets::PageExplanations(c, q, total); });
}

Result<IndicatorValue> TargetService::GetValue(const auth::Principal& who, int64_t id) const {
  DH_ASSIGN_OR_RETURN(std::optional<IndicatorValue> v,
                      db::ReadValue(db_, [&](db::Connection& c) { return FindValue(c, id); }));
  if (!v || !SeesValue(AccessOf(who), *v)) return Status::NotFound(Say(msg::kValueNotFound));
  return *v;
}

}  // namespace dh::targets
