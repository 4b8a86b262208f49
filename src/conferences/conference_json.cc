#include "conferences/conference_json.h"

#include "core/json.h"
#include "core/message.h"

namespace dh::conferences {
namespace {

namespace bj = boost::json;

bj::value UnitName(const units::UnitGraph& g, int64_t id) {
  const units::Unit* u = g.Find(id);
  return u ? bj::value(u->name) : bj::value(nullptr);
}

bj::object DocumentJson(const Document& d) {
  bj::array sections;
  for (const Section& s : d.sections)
    sections.push_back(bj::object{{"id", s.id}, {"title", s.title}, {"position", s.position}});
  return bj::object{{"id", d.id},
                    {"title", d.title},
                    {"kind", d.kind},
                    {"drafting_unit_id", d.drafting_unit_id},
                    {"round", d.round},
                    {"answer_due_on", json::DateOrNull(d.answer_due_on)},
                    {"position", d.position},
                    {"sections", std::move(sections)}};
}

bj::object CountsJson(const Counts& c) {
  bj::object by_kind;
  for (AnswerKind k : kAnswerKinds) {
    auto it = c.by_kind.find(k);
    by_kind[AnswerKindName(k)] = it == c.by_kind.end() ? 0 : it->second;
  }
  bj::array overdue;
  for (const auto& [unit, n] : c.overdue_by_unit)
    overdue.push_back(bj::object{{"unit_id", unit}, {"count", n}});
  return bj::object{{"received", c.received},
                    {"answered", c.answered},
                    {"unanswered", c.unanswered},
                    {"merged", c.merged},
                    {"speeches", c.speeches},
                    {"by_kind", std::move(by_kind)},
                    {"overdue_by_unit", std::move(overdue)}};
}

}  // namespace

bj::object ConferenceJson(const Conference& c) {
  bj::array docs;
  for (const Document& d : c.documents) docs.push_back(DocumentJson(d));
  return bj::object{{"id", c.id},
                    {"name", c.name},
                    {"body_unit_id", c.body_unit_id},
                    {"starts_on", c.starts_on.ToString()},
                    {"ends_on", c.ends_on.ToString()},
                    {"place", c.place},
                    {"directive_id", json::OrNull(c.directive_id)},
                    {"documents", std::move(docs)}};
}

bj::object DelegateJson(const Delegate& d) {
  return bj::object{{"id", d.id},
                    {"conference_id", d.conference_id},
                    {"full_name", d.full_name},
                    {"unit_id", json::OrNull(d.unit_id)},
                    {"delegation", d.delegation}};
}

bj::object AnswerJson(const Answer& a) {
  return bj::object{
      {"kind", AnswerKindName(a.kind)},
      {"label", LabelIn(AnswerKindLabel(a.kind), CurrentLang())},
      {"text", a.text},
      {"when_possible", a.when_possible},
      {"referred_unit_id", a.referred_unit_id ? bj::value(a.referred_unit_id) : nullptr},
      {"due_on", json::DateOrNull(a.due_on)}};
}

bj::object OpinionAuditJson(const Opinion& o) {
  bj::array delegates;
  for (int64_t d : o.delegate_ids) delegates.push_back(d);
  return bj::object{{"id", o.id},
                    {"conference_id", o.conference_id},
                    {"document_id", o.document_id},
                    {"section_id", json::OrNull(o.section_id)},
                    {"round", o.round},
                    {"content", o.content},
                    {"speech_no", json::OrNull(o.speech_no)},
                    {"delegate_ids", std::move(delegates)},
                    {"merged_into_id", json::OrNull(o.merged_into_id)},
                    {"answer", o.answer ? bj::value(AnswerJson(*o.answer)) : nullptr},
                    {"task_id", json::OrNull(o.task_id)}};
}

bj::object ConferenceViewJson(const ConferenceView& v, const units::UnitGraph& g) {
  bj::object o = ConferenceJson(v.conference);
  o["body_unit_name"] = UnitName(g, v.conference.body_unit_id);
  for (bj::value& d : o["documents"].as_array())
    d.as_object()["drafting_unit_name"] = UnitName(g, d.as_object()["drafting_unit_id"].as_int64());
  o["delegates"] = v.delegates;
  o["counts"] = CountsJson(v.counts);
  for (bj::value& u : o["counts"].as_object()["overdue_by_unit"].as_array())
    u.as_object()["unit_name"] = UnitName(g, u.as_object()["unit_id"].as_int64());
  bj::array actions, answerable;
  for (auto a : v.allowed_actions) actions.push_back(bj::string_view(a.data(), a.size()));
  for (int64_t d : v.answerable_documents) answerable.push_back(d);
  o["allowed_actions"] = std::move(actions);
  o["answerable_document_ids"] = std::move(answerable);
  return o;
}

bj::object OpinionViewJson(const OpinionView& v, const units::UnitGraph& g) {
  bj::object o = OpinionAuditJson(v.opinion);
  o["raisers"] = v.raisers;
  o["can_answer"] = v.can_answer;
  o["overdue"] = v.overdue;
  o["answered_on"] = json::DateOrNull(v.opinion.answered_on);
  if (v.opinion.answer && v.opinion.answer->referred_unit_id)
    o["answer"].as_object()["referred_unit_name"] = UnitName(g, v.opinion.answer->referred_unit_id);
  return o;
}

bj::object VoteViewJson(const VoteView& v) {
  const Vote& x = v.vote;
  return bj::object{{"id", x.id},
                    {"conference_id", x.conference_id},
                    {"document_id", json::OrNull(x.document_id)},
                    {"subject", x.subject},
                    {"rule", VoteRuleName(x.rule)},
                    {"delegates", x.tally.delegates},
                    {"in_favour", x.tally.in_favour},
                    {"against", x.tally.against},
                    {"abstain", x.tally.abstain},
                    {"by_delegate", x.by_delegate},
                    {"passed", x.passed},
                    {"needed", v.outcome.needed},
                    {"rule_text", v.outcome.rule},
                    {"outcome", v.outcome.outcome},
                    {"voted_on", x.voted_on.ToString()}};
}

}  // namespace dh::conferences
