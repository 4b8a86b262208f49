// Opinions: recorded, listed, answered (a referred one becomes a task), merged; rounds.
#include <algorithm>
#include <unordered_map>

#include "audit/recorder.h"
#include "conferences/conference_json.h"
#include "conferences/conference_messages.h"
#include "conferences/conference_service.h"
#include "conferences/conference_store.h"
#include "core/text.h"

namespace dh::conferences {
namespace {

constexpr size_t kMaxOpinionChars = 10000;

Status OpinionNotFound() { return Status::NotFound(Say(msg::kOpinionNotFound)); }

std::vector<Raiser> RaisersOf(const Opinion& o,
                              const std::unordered_map<int64_t, const Delegate*>& by_id) {
  std::vector<Raiser> out;
  for (int64_t id : o.delegate_ids)
    if (auto it = by_id.find(id); it != by_id.end())
      out.push_back({it->second->full_name, it->second->delegation});
  return out;
}

}  // namespace

std::vector<OpinionView> ConferenceService::OpinionViews(const ConferenceAccess& a,
                                                         const Conference& conf,
                                                         const std::vector<Delegate>& delegates,
                                                         std::vector<Opinion> opinions) const {
  std::unordered_map<int64_t, const Delegate*> by_id;
  for (const Delegate& d : delegates) by_id[d.id] = &d;
  std::vector<OpinionView> out;
  for (Opinion& o : opinions) {
    const Document* doc = conf.FindDocument(o.document_id);
    OpinionView v;
    v.raisers = RaisersText(RaisersOf(o, by_id));
    v.can_answer = doc && MayAnswer(a, *doc) && !o.merged_into_id;
    v.overdue = doc && Overdue(*doc, o);
    v.opinion = std::move(o);
    out.push_back(std::move(v));
  }
  return out;
}

Status ConferenceService::CheckOpinion(const Conference& conf,
                                       const std::vector<Delegate>& delegates,
                                       const OpinionInput& in) const {
  if (text::Trim(in.content).empty())
    return Status::InvalidInput("content", Say(msg::kEnterOpinion), "required");
  if (text::CodePointCount(in.content) > kMaxOpinionChars)
    return Status::InvalidInput(
        "content", Say(msg::kOpinionTooLong, {{"max", static_cast<int64_t>(kMaxOpinionChars)}}),
        "too_long");
  const Document* doc = conf.FindDocument(in.document_id);
  if (!doc) return Status::InvalidInput("document_id", Say(msg::kChooseDocument));
  if (in.section_id && std::none_of(doc->sections.begin(), doc->sections.end(),
                                    [&](const Section& s) { return s.id == *in.section_id; }))
    return Status::InvalidInput("section_id", Say(msg::kChooseSection));
  if (in.delegate_ids.empty())
    return Status::InvalidInput("delegate_ids", Say(msg::kChooseRaisers), "required");
  for (int64_t id : in.delegate_ids)
    if (std::none_of(delegates.begin(), delegates.end(),
                     [&](const Delegate& d) { return d.id == id; }))
      return Status::InvalidInput("delegate_ids", Say(msg::kNotADelegateRaiser), "not_a_delegate");
  return Status::Ok();
}

Result<OpinionView> ConferenceService::AddOpinion(const auth::Principal& who, int64_t conference_id,
                                                  const OpinionInput& in) {
  const ConferenceAccess a = AccessFor(who, *units_.Get());
  Opinion o;
  Conference conf;
  std::vector<Delegate> delegates;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(conf, ForManage(c, who, conference_id));
    DH_ASSIGN_OR_RETURN(delegates, DelegatesOf(c, conference_id));
    DH_RETURN_IF_ERROR(CheckOpinion(conf, delegates, in));
    std::vector<int64_t> ids;
    for (int64_t id : in.delegate_ids)
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    o = Opinion{.conference_id = conference_id,
                .document_id = in.document_id,
                .section_id = in.section_id,
                .round = conf.FindDocument(in.document_id)->round,
                .content = text::Trim(in.content),
                .speech_no = in.speech_no,
                .delegate_ids = ids,
                .created_by = who.user_id,
                .created_at = clock_.NowSeconds()};
    DH_ASSIGN_OR_RETURN(o.id, InsertOpinion(c, o));
    return audit::Record(c, &who,
                         {"conference_opinion.create", "conference_opinion", o.id,
                          conf.body_unit_id, nullptr, OpinionAuditJson(o)},
                         o.created_at);
  }));
  return std::move(OpinionViews(a, conf, delegates, {o}).front());
}

Result<std::vector<OpinionView>> ConferenceService::Opinions(const auth::Principal& who,
                                                             int64_t conference_id) const {
  Conference conf;
  std::vector<Delegate> delegates;
  std::vector<Opinion> opinions;
  DH_RETURN_IF_ERROR(ReadAll(conference_id, who, conf, delegates, opinions));
  return OpinionViews(AccessFor(who, *units_.Get()), conf, delegates, std::move(opinions));
}

Result<tasks::TaskInput> ConferenceService::ReferralTask(const Conference& conf,
                                                         const Document& doc, const Opinion& o,
                                                         const Answer& a) const {
  const units::Unit* unit = units_.Get()->Find(a.referred_unit_id);
  if (!unit || !unit->ActiveOn(clock_.Today()))
    return Status::InvalidInput("referred_unit_id", Say(msg::kReferActiveUnit));
  if (!conf.directive_id)
    return Status::InvalidInput("referred_unit_id", Say(msg::kNoDirectiveToRefer), "no_directive");
  tasks::TaskInput t;
  t.directive_id = conf.directive_id;
  t.lead_unit_id = a.referred_unit_id;
  t.title = "Xử lý ý kiến đại biểu: " + text::TruncateCodePoints(o.content, 200);
  t.description = "Ý kiến tại " + conf.name + ", về dự thảo «" + doc.title + "»:\n" + o.content +
                  (a.text.empty() ? "" : "\n\nĐơn vị soạn thảo: " + a.text);
  t.deadline = a.due_on;
  return t;
}

Status ConferenceService::SaveOpinionAnswer(db::Connection& c, const auth::Principal& who,
                                            int64_t opinion_id, const Document& doc,
                                            const Answer& answer,
                                            std::optional<int64_t> task_id) const {
  DH_ASSIGN_OR_RETURN(auto before, FindOpinion(c, opinion_id));
  if (!before) return OpinionNotFound();
  if (before->answer && before->answer->kind == AnswerKind::kReferred)
    return Status::Conflict(Say(msg::kJustReferred), "already_referred");
  Opinion o = *before;
  o.answer = answer;
  o.task_id = task_id;
  o.answered_on = clock_.Today();
  o.answered_by = who.user_id;
  DH_RETURN_IF_ERROR(SaveAnswer(c, o));
  return audit::Record(c, &who,
                       {"conference_opinion.answer", "conference_opinion", o.id,
                        doc.drafting_unit_id, OpinionAuditJson(*before), OpinionAuditJson(o)},
                       clock_.NowSeconds());
}

Result<OpinionView> ConferenceService::AnswerOpinion(const auth::Principal& who, int64_t opinion_id,
                                                     const AnswerInput& in) {
  const ConferenceAccess a = AccessFor(who, *units_.Get());
  Conference conf;
  std::optional<Opinion> found;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(found, FindOpinion(c, opinion_id));
    if (!found) return OpinionNotFound();
    auto visible = Visible(c, a, found->conference_id);
    if (!visible.ok()) return OpinionNotFound();
    conf = std::move(*visible);
    return Status::Ok();
  }));
  const Document& doc = *conf.FindDocument(found->document_id);
  if (!MayAnswer(a, doc)) return Status::Forbidden(Say(msg::kDraftingUnitAnswers));
  if (found->merged_into_id)
    return Status::Conflict(
        Say(msg::kMergedAnswerThere, {{"id", std::to_string(*found->merged_into_id)}}), "merged");
  if (found->answer && found->answer->kind == AnswerKind::kReferred)
    return Status::Conflict(Say(msg::kReferredFollowTask), "already_referred");
  DH_ASSIGN_OR_RETURN(Answer answer, CheckAnswer(in, clock_.Today()));
  if (answer.kind == AnswerKind::kReferred) {
    DH_ASSIGN_OR_RETURN(tasks::TaskInput t, ReferralTask(conf, doc, *found, answer));
    // The conference gives the work (system), not the officer who answers for the draft;
    // the task and the answer are written in one transaction, or neither.
    DH_RETURN_IF_ERROR(tasks_
                           .Create(nullptr, t,
                                   [&](db::Connection& c, const tasks::TaskRecord& task) {
                                     return SaveOpinionAnswer(c, who, opinion_id, doc, answer,
                                                              task.id);
                                   })
                           .status());
  } else {
    DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) {
      return SaveOpinionAnswer(c, who, opinion_id, doc, answer, std::nullopt);
    }));
  }
  auto views = Opinions(who, conf.id);
  if (!views.ok()) return views.status();
  for (OpinionView& v : *views)
    if (v.opinion.id == opinion_id) return std::move(v);
  return OpinionNotFound();
}

Result<OpinionView> ConferenceService::Merge(const auth::Principal& who, int64_t kept_id,
                                             const std::vector<int64_t>& others) {
  const ConferenceAccess a = AccessFor(who, *units_.Get());
  int64_t conference_id = 0;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto kept, FindOpinion(c, kept_id));
    if (!kept) return OpinionNotFound();
    auto conf = Visible(c, a, kept->conference_id);
    if (!conf.ok()) return OpinionNotFound();
    conference_id = conf->id;
    if (!MayMerge(a, *conf, *conf->FindDocument(kept->document_id)))
      return Status::Forbidden(Say(msg::kMergeNotAllowed));
    std::vector<Opinion> merged;
    std::vector<OpinionHead> heads;
    for (int64_t id : others) {
      DH_ASSIGN_OR_RETURN(auto o, FindOpinion(c, id));
      if (!o || o->conference_id != kept->conference_id)
        return Status::InvalidInput(
            "opinion_ids", Say(msg::kOpinionNotInConference, {{"id", std::to_string(id)}}));
      heads.push_back(
          {o->id, o->document_id, o->answer.has_value(), o->merged_into_id.has_value()});
      merged.push_back(std::move(*o));
    }
    DH_RETURN_IF_ERROR(CheckMerge(
        {kept->id, kept->document_id, kept->answer.has_value(), kept->merged_into_id.has_value()},
        heads));
    Opinion after = *kept;
    for (const Opinion& o : merged) {
      DH_RETURN_IF_ERROR(SetMergedInto(c, o.id, kept->id));
      for (int64_t d : o.delegate_ids)
        if (std::find(after.delegate_ids.begin(), after.delegate_ids.end(), d) ==
            after.delegate_ids.end()) {
          DH_RETURN_IF_ERROR(
              AddOpinionDelegate(c, kept->id, d, static_cast<int>(after.delegate_ids.size())));
          after.delegate_ids.push_back(d);
        }
    }
    boost::json::object audit_after = OpinionAuditJson(after);
    boost::json::array ids;
    for (int64_t id : others) ids.push_back(id);
    audit_after["merged_ids"] = std::move(ids);
    return audit::Record(c, &who,
                         {"conference_opinion.merge", "conference_opinion", kept->id,
                          conf->body_unit_id, OpinionAuditJson(*kept), std::move(audit_after)},
                         clock_.NowSeconds());
  }));
  auto views = Opinions(who, conference_id);
  if (!views.ok()) return views.status();
  for (OpinionView& v : *views)
    if (v.opinion.id == kept_id) return std::move(v);
  return OpinionNotFound();
}

Result<Document> ConferenceService::NextRound(const auth::Principal& who, int64_t conference_id,
                                              int64_t document_id) {
  Document doc;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(Conference conf, ForManage(c, who, conference_id));
    const Document* d = conf.FindDocument(document_id);
    if (!d) return Status::NotFound(Say(msg::kNoSuchDraft));
    DH_ASSIGN_OR_RETURN(auto opinions, OpinionsOf(c, conference_id));
    const int unanswered =
        static_cast<int>(std::count_if(opinions.begin(), opinions.end(), [&](const Opinion& o) {
          return o.document_id == d->id && o.round == d->round && !o.answer && !o.merged_into_id;
        }));
    DH_RETURN_IF_ERROR(CheckNewRound(d->round, unanswered));
    doc = *d;
    doc.round = d->round + 1;
    DH_RETURN_IF_ERROR(SetDocumentRound(c, doc.id, doc.round));
    return audit::Record(c, &who,
                         {"conference.next_round", "conference", conf.id, conf.body_unit_id,
                          boost::json::object{{"document_id", doc.id}, {"round", d->round}},
                          boost::json::object{{"document_id", doc.id}, {"round", doc.round}}},
                         clock_.NowSeconds());
  }));
  return doc;
}

}  // namespace dh::conferences
