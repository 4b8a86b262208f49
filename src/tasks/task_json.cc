#include "tasks/task_json.h"

#include "core/json.h"
#include "core/text.h"
#include "tasks/task_error_messages.h"
#include "tasks/task_messages.h"

namespace dh::tasks {
namespace {

namespace bj = boost::json;

bj::value UnitRef(std::optional<int64_t> id, const units::UnitGraph& g) {
  if (!id) return nullptr;
  const units::Unit* u = g.Find(*id);
  return bj::object{{"id", *id}, {"code", u ? u->code : ""}, {"name", u ? u->name : ""}};
}

}  // namespace

bj::object ToJson(const TaskView& v, const units::UnitGraph& g) {
  const TaskRecord& t = v.task;
  bj::array coordinators, milestones, actions;
  for (int64_t id : t.coordinator_ids) coordinators.push_back(UnitRef(id, g));
  for (std::string_view a : v.allowed_actions) actions.push_back(bj::string(a));
  for (const Milestone& m : t.milestones)
    milestones.push_back({{"label", m.label},
                          {"due_on", m.due_on.ToString()},
                          {"planned_percent", m.planned_percent}});
  return {{"id", t.id},
          {"directive_id", json::OrNull(t.directive_id)},
          {"group_id", json::OrNull(t.group_id)},
          {"parent_task_id", json::OrNull(t.parent_task_id)},
          {"share_percent", t.share_percent},
          {"title", t.title},
          {"description", t.description},
          {"lead_unit_id", t.lead_unit_id},
          {"lead_unit", UnitRef(t.lead_unit_id, g)},
          {"coordinator_ids", bj::value_from(t.coordinator_ids)},
          {"coordinators", std::move(coordinators)},
          {"assignee_id", json::OrNull(t.assignee_id)},
          {"output_kind", t.output_kind},
          {"original_deadline", json::DateOrNull(t.original_deadline)},
          {"deadline", json::DateOrNull(t.deadline)},
          {"start_on", json::DateOrNull(t.start_on)},
          {"recurrence", RecurrenceText(t.recurrence)},
          {"is_key", t.is_key},
          {"state", StateName(t.state)},
          {"progress_percent", t.progress_percent},
          {"finished_on", json::DateOrNull(t.finished_on)},
          {"output_text", t.output_text},
          {"last_report_on", json::DateOrNull(t.last_report_on)},
          {"timeliness", TimelinessName(v.timeliness)},
          {"timeliness_reason", v.timeliness_reason},
          {"effective_deadline", json::DateOrNull(v.effective_deadline)},
          {"working_days_left", json::OrNull(v.working_days_left)},
          {"working_days_late", json::OrNull(v.working_days_late)},
          {"extensions_approved", v.extensions_approved},
          {"extension_pending", v.task.extension_pending},
          {"milestones", std::move(milestones)},
          {"can_work", v.can_work},
          {"can_manage", v.can_manage},
          {"allowed_actions", std::move(actions)}};
}

bj::object ToJson(const Directive& d, const units::UnitGraph& g) {
  return {{"id", d.id},
          {"kind", d.kind},
          {"number", d.number},
          {"issued_on", d.issued_on.ToString()},
          {"issuer_unit_id", d.issuer_unit_id},
          {"issuer_unit", UnitRef(d.issuer_unit_id, g)},
          {"title", d.title},
          {"body", d.body},
          {"created_at", FormatTimestamp(d.created_at)}};
}

bj::object ToJson(const TaskGroup& g) {
  return {{"id", g.id},
          {"directive_id", g.directive_id},
          {"parent_id", json::OrNull(g.parent_id)},
          {"title", g.title},
          {"position", g.position}};
}

bj::object ToJson(const Extension& e) {
  return {
      {"id", e.id},
      {"task_id", e.task_id},
      {"previous_deadline", json::DateOrNull(e.previous_deadline)},
      {"requested_deadline", e.requested_deadline.ToString()},
      {"reason", e.reason},
      {"status", ExtensionStatusName(e.status)},
      {"requested_by", json::OrNull(e.requested_by)},
      {"requested_at", FormatTimestamp(e.requested_at)},
      {"decided_by", json::OrNull(e.decided_by)},
      {"decided_at", e.decided_at ? bj::value(FormatTimestamp(*e.decided_at)) : bj::value(nullptr)},
      {"decision_note", e.decision_note}};
}

bj::object ToJson(const CoordinationRequest& r, const units::UnitGraph& g, Date today,
                  const calendar::WorkCalendar& cal) {
  return {{"id", r.id},
          {"task_id", r.task_id},
          {"from_unit", UnitRef(r.from_unit_id, g)},
          {"to_unit", UnitRef(r.to_unit_id, g)},
          {"from_unit_id", r.from_unit_id},
          {"to_unit_id", r.to_unit_id},
          {"body", r.body},
          {"due_on", r.due_on.ToString()},
          {"answered_on", json::DateOrNull(r.answered_on)},
          {"answer", r.answer},
          {"status", AnswerStatusName(AnswerStatusOf(r, today, cal))}};
}

bj::object ToJson(const TaskDetail& d, const units::UnitGraph& g, Date today,
                  const calendar::WorkCalendar& cal) {
  bj::object o = ToJson(d.view, g);
  bj::array reports, extensions, coordination, events, occurrences, parts;
  for (const auto& r : d.reports)
    reports.push_back({{"id", r.id},
                       {"reported_on", r.reported_on.ToString()},
                       {"percent", r.percent},
                       {"body", r.body},
                       {"user_id", json::OrNull(r.user_id)}});
  for (const auto& e : d.extensions) extensions.push_back(ToJson(e));
  for (const auto& r : d.coordination) {
    bj::object one = ToJson(r, g, today, cal);
    bj::array allowed;
    if (d.answerable.count(r.id)) allowed.push_back("answer");
    one["allowed_actions"] = std::move(allowed);  // what the caller may do with it now
    coordination.push_back(std::move(one));
  }
  for (const auto& e : d.events)
    events.push_back({{"kind", e.kind},
                      {"happened_on", e.happened_on.ToString()},
                      {"note", e.note},
                      {"from_unit", UnitRef(e.from_unit_id, g)},
                      {"to_unit", UnitRef(e.to_unit_id, g)},
                      {"user_id", json::OrNull(e.user_id)}});
  for (const auto& oc : d.occurrences)
    occurrences.push_back(
        {{"deadline", oc.deadline.ToString()},
         {"finished_on", oc.finished_on.ToString()},
         {"on_time", calendar::FinishedDueStatus(oc.deadline, oc.finished_on, cal) ==
                         calendar::DueStatus::kDoneOnTime},
         {"note", oc.note}});
  for (const auto& p : d.parts) parts.push_back(ToJson(p, g));
  o["reports"] = std::move(reports);
  o["extensions"] = std::move(extensions);
  o["coordination_requests"] = std::move(coordination);
  o["events"] = std::move(events);
  o["occurrences"] = std::move(occurrences);
  o["parts"] = std::move(parts);
  return o;
}

Result<TaskFilter> FilterFromQuery(const http::Request& req) {
  TaskFilter f;
  for (auto [name, field] : {std::pair{"unit_id", &f.unit_id},
                             {"lead_unit_id", &f.lead_unit_id},
                             {"assignee_id", &f.assignee_id},
                             {"directive_id", &f.directive_id},
                             {"group_id", &f.group_id},
                             {"parent_id", &f.parent_id}}) {
    DH_ASSIGN_OR_RETURN(*field, http::QueryInt(req, name));
  }
  if (auto t = req.Query("timeliness")) {
    f.timeliness = ParseTimeliness(*t);
    if (!f.timeliness)
      return Status::InvalidInput("timeliness", Say(msg::kTimelinessOneTimeDueSoon));
  }
  if (auto s = req.Query("state")) {
    f.state = ParseState(*s);
    if (!f.state) return Status::InvalidInput("state", Say(msg::kStateOneStartedProgressAwaiting));
  }
  DH_ASSIGN_OR_RETURN(f.due_before, http::QueryDate(req, "due_before"));
  // "is_key=1" must not quietly list the tasks that are not key ones.
  auto flag = [&](const char* name) -> Result<std::optional<bool>> {
    const auto v = req.Query(name);
    if (!v) return std::optional<bool>();
    if (*v != "true" && *v != "false")
      return Status::InvalidInput(name, Say(msg::kFlagTrueFalse, {{"name", std::string(name)}}));
    return std::optional<bool>(*v == "true");
  };
  DH_ASSIGN_OR_RETURN(f.is_key, flag("is_key"));
  DH_ASSIGN_OR_RETURN(f.extension_pending, flag("extension_pending"));
  DH_ASSIGN_OR_RETURN(auto top_level, flag("top_level"));
  f.top_level_only = top_level.value_or(false);
  f.q = text::FoldForSearch(req.Query("q").value_or(""));
  return f;
}

}  // namespace dh::tasks
