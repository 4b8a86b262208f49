#include "petitions/petition_json.h"

#include <cmath>

#include "core/json.h"
#include "core/message.h"

namespace dh::petitions {
namespace {

namespace bj = boost::json;
using json::DateOrNull;
using json::OrNull;

bj::value UnitName(const units::UnitGraph& g, const std::optional<int64_t>& id) {
  if (!id) return nullptr;
  const units::Unit* u = g.Find(*id);
  return u ? bj::value(u->name) : bj::value("");
}

// A category's or a state's label in the reader's language (registered in petition_routes.cc).
std::string Said(std::string_view label) { return LabelIn(label, CurrentLang()); }

// A percentage to one decimal, or null without petitions.
bj::value Rate(const std::optional<double>& r) {
  return r ? bj::value(std::round(*r * 10) / 10) : bj::value(nullptr);
}

void AddRouting(bj::object& o, const Petition& p, const units::UnitGraph& g) {
  o["responsible_unit_id"] = OrNull(p.responsible_unit_id);
  o["responsible_unit_name"] = UnitName(g, p.responsible_unit_id);
  bj::array co;
  for (int64_t u : p.coordinating_unit_ids) co.push_back({{"id", u}, {"name", UnitName(g, u)}});
  o["coordinating_units"] = std::move(co);
  o["coordinating_unit_ids"] = bj::value_from(p.coordinating_unit_ids);
  o["received_on"] = DateOrNull(p.received_on);
  o["due_on"] = DateOrNull(p.due_on);
  o["forwarded_from_unit_id"] = OrNull(p.forwarded_from_unit_id);
  o["forwarded_from_unit_name"] = UnitName(g, p.forwarded_from_unit_id);
  o["forwarded_on"] = DateOrNull(p.forwarded_on);
}

void AddOutcome(bj::object& o, const Petition& p) {
  o["answer_text"] = p.answer_text;
  o["outcome"] = p.outcome;
  o["answered_on"] = DateOrNull(p.answered_on);
  o["satisfied"] = p.satisfied ? bj::value(*p.satisfied) : bj::value(nullptr);
  o["rating_reason"] = p.rating_reason;
  o["rated_on"] = DateOrNull(p.rated_on);
  o["reopen_count"] = p.reopen_count;
  o["return_reason"] = p.return_reason;
  o["return_note"] = p.return_note;
  o["duplicate_of_id"] = OrNull(p.duplicate_of_id);
  o["authority"] = p.authority;
  o["published"] = p.published;
  o["published_on"] = DateOrNull(p.published_on);
  o["task_id"] = OrNull(p.task_id);
}

}  // namespace

bj::object ToJson(const PetitionView& v, const units::UnitGraph& g) {
  const Petition& p = v.p;
  bj::object o{{"id", p.id},
               {"business_unit_id", p.business_unit_id},
               {"business_name", UnitName(g, p.business_unit_id)},
               {"title", p.title},
               {"content", p.content},
               {"category", p.category},
               {"category_label", Said(CategoryLabel(p.category).value_or(""))},
               {"publishable", p.publishable},
               {"channel", p.channel},
               {"session_id", OrNull(p.session_id)},
               {"state", StateName(p.state)},
               {"state_label", Said(StateLabel(p.state))},
               {"filed_on", p.filed_on.ToString()},
               {"timeliness", calendar::DueStatusName(v.timeliness)},
               {"effective_deadline", DateOrNull(v.effective_deadline)},
               {"working_days_left", OrNull(v.working_days_left)},
               {"working_days_late", OrNull(v.working_days_late)}};
  AddRouting(o, p, g);
  AddOutcome(o, p);
  bj::array actions;
  for (auto a : v.allowed_actions) actions.push_back(bj::string(a));
  o["allowed_actions"] = std::move(actions);
  return o;
}

bj::object ToJson(const PetitionDetail& d, const units::UnitGraph& g) {
  bj::object o = ToJson(d.view, g);
  bj::array events;
  for (const auto& e : d.events)
    events.push_back({{"id", e.id},
                      {"kind", e.kind},
                      {"happened_on", e.happened_on.ToString()},
                      {"note", e.note},
                      {"unit_id", OrNull(e.unit_id)},
                      {"unit_name", UnitName(g, e.unit_id)}});
  o["events"] = std::move(events);
  if (d.task) {
    bj::object t{{"id", d.task->id},
                 {"visible", d.task->visible},
                 {"progress_percent", d.task->progress_percent},
                 {"state", d.task->state},
                 {"timeliness", calendar::DueStatusName(d.task->timeliness)}};
    if (d.task->visible) t["title"] = d.task->title;
    o["task"] = std::move(t);
  } else {
    o["task"] = nullptr;
  }
  return o;
}

bj::object ToJson(const PublicPetition& p, const units::UnitGraph& g) {
  auto state = ParseState(p.state);
  return {{"id", p.id},
          {"title", p.title},
          {"content", p.content},
          {"category", p.category},
          {"category_label", Said(CategoryLabel(p.category).value_or(""))},
          {"business_name", UnitName(g, p.business_unit_id)},
          {"responsible_unit_name", UnitName(g, p.responsible_unit_id)},
          {"state", p.state},
          {"state_label", state ? Said(StateLabel(*state)) : ""},
          {"answer_text", p.answer_text},
          {"filed_on", DateOrNull(p.filed_on)},
          {"answered_on", DateOrNull(p.answered_on)},
          {"published_on", DateOrNull(p.published_on)}};
}

bj::object ToJson(const DialogueSession& s, const units::UnitGraph& g) {
  return {{"id", s.id},
          {"title", s.title},
          {"held_on", s.held_on.ToString()},
          {"host_unit_id", s.host_unit_id},
          {"host_unit_name", UnitName(g, s.host_unit_id)},
          {"place", s.place}};
}

bj::object ToJson(const AnswerTemplate& t) {
  return {{"id", t.id}, {"category", t.category}, {"title", t.title}, {"body", t.body}};
}

bj::object ToJson(const BoardRow& r, const units::UnitGraph& g, Date from, Date to) {
  const IndexCounts& c = r.counts;
  const std::string base = "unit_id=" + std::to_string(r.unit_id) + "&from=" + from.ToString() +
                           "&to=" + to.ToString() + "&bucket=";
  return {{"unit_id", r.unit_id},
          {"name", UnitName(g, r.unit_id)},
          {"total", c.total},
          {"on_time", c.on_time},
          {"overdue", c.overdue},
          {"unsatisfied", c.unsatisfied},
          {"pending", c.pending},
          {"on_time_rate", Rate(c.OnTimeRate())},
          {"satisfaction_rate", Rate(c.SatisfactionRate())},
          {"filters",
           {{"total", base + "total"},
            {"on_time", base + "on_time"},
            {"overdue", base + "overdue"},
            {"unsatisfied", base + "unsatisfied"},
            {"pending", base + "pending"}}}};
}

}  // namespace dh::petitions
