// Conferences and delegates: create, list, read; the views and counts they carry.
#include "conferences/conference_service.h"

#include <algorithm>
#include <set>

#include "audit/recorder.h"
#include "calendar/deadline.h"
#include "conferences/conference_json.h"
#include "conferences/conference_messages.h"
#include "conferences/conference_store.h"
#include "core/text.h"

namespace dh::conferences {
namespace {

Status ConferenceNotFound() { return Status::NotFound(Say(msg::kConferenceNotFound)); }

bool UnitUsable(const units::UnitGraph& g, int64_t id, Date day) {
  const units::Unit* u = g.Find(id);
  return u && u->ActiveOn(day);
}

Status CheckDocument(const DocumentInput& d, size_t i, const units::UnitGraph& g, Date today) {
  const std::string at = "documents[" + std::to_string(i) + "].";
  if (text::Trim(d.title).empty())
    return Status::InvalidInput(at + "title", Say(msg::kEnterDraftTitle), "required");
  if (d.kind != "resolution" && d.kind != "decision" && d.kind != "other")
    return Status::InvalidInput(at + "kind", Say(msg::kChooseDraftKind));
  if (!UnitUsable(g, d.drafting_unit_id, today))
    return Status::InvalidInput(at + "drafting_unit_id", Say(msg::kChooseDraftingUnit));
  for (const std::string& s : d.sections)
    if (text::Trim(s).empty())
      return Status::InvalidInput(at + "sections", Say(msg::kSectionEmpty));
  return Status::Ok();
}

Status CheckConference(const ConferenceInput& in, const units::UnitGraph& g, Date today) {
  if (text::Trim(in.name).empty())
    return Status::InvalidInput("name", Say(msg::kEnterName), "required");
  if (!UnitUsable(g, in.body_unit_id, today))
    return Status::InvalidInput("body_unit_id", Say(msg::kChooseBody));
  if (!in.starts_on) return Status::InvalidInput("starts_on", Say(msg::kEnterStartsOn), "required");
  if (!in.ends_on) return Status::InvalidInput("ends_on", Say(msg::kEnterEndsOn), "required");
  if (*in.ends_on < *in.starts_on)
    return Status::InvalidInput("ends_on", Say(msg::kEndsBeforeStart));
  if (in.documents.size() > 50)
    return Status::InvalidInput("documents", Say(msg::kTooManyDrafts, {{"max", int64_t{50}}}));
  for (size_t i = 0; i < in.documents.size(); ++i)
    DH_RETURN_IF_ERROR(CheckDocument(in.documents[i], i, g, today));
  return Status::Ok();
}

Conference NewConference(const ConferenceInput& in, const auth::Principal& who, int64_t now) {
  Conference c{0,
               text::Trim(in.name),
               in.body_unit_id,
               *in.starts_on,
               *in.ends_on,
               text::Trim(in.place),
               in.directive_id,
               who.user_id,
               now,
               {}};
  for (size_t i = 0; i < in.documents.size(); ++i) {
    const DocumentInput& d = in.documents[i];
    Document doc{0,
                 0,
                 text::Trim(d.title),
                 d.kind,
                 d.drafting_unit_id,
                 1,
                 d.answer_due_on,
                 static_cast<int>(i + 1),
                 {}};
    for (size_t j = 0; j < d.sections.size(); ++j)
      doc.sections.push_back({0, 0, text::Trim(d.sections[j]), static_cast<int>(j + 1)});
    c.documents.push_back(std::move(doc));
  }
  return c;
}

}  // namespace

ConferenceService::ConferenceService(db::Database& db, const Clock& clock,
                                     const units::UnitDirectory& units,
                                     calendar::CalendarService& calendar, tasks::TaskService& tasks,
                                     documents::TemplateShelf templates)
    : db_(db),
      clock_(clock),
      units_(units),
      calendar_(calendar),
      tasks_(tasks),
      templates_(std::move(templates)) {}

Result<Conference> ConferenceService::Visible(db::Connection& c, const ConferenceAccess& a,
                                              int64_t id) const {
  DH_ASSIGN_OR_RETURN(auto conf, FindConference(c, id));
  if (!conf || !CanSeeConference(a, *conf)) return ConferenceNotFound();
  return std::move(*conf);
}

Result<Conference> ConferenceService::ForManage(db::Connection& c, const auth::Principal& who,
                                                int64_t id) const {
  const ConferenceAccess a = AccessFor(who, *units_.Get());
  DH_ASSIGN_OR_RETURN(Conference conf, Visible(c, a, id));
  if (!MayManageConference(a, conf)) return Status::Forbidden(Say(msg::kSecretaryOnly));
  return conf;
}

bool ConferenceService::Overdue(const Document& d, const Opinion& o) const {
  if (o.answer || o.merged_into_id || !d.answer_due_on) return false;
  return calendar::OpenDueStatus(d.answer_due_on, clock_.Today(), *calendar_.Get(), 0) ==
         calendar::DueStatus::kOverdue;
}

ConferenceView ConferenceService::ViewOf(const ConferenceAccess& a, Conference conf, int delegates,
                                         const std::vector<Opinion>& opinions) const {
  ConferenceView v;
  v.delegates = delegates;
  std::set<int64_t> speeches;
  for (const Opinion& o : opinions) {
    if (o.merged_into_id) {
      ++v.counts.merged;
      continue;
    }
    ++v.counts.received;
    if (o.speech_no) speeches.insert(*o.speech_no);
    if (o.answer) {
      ++v.counts.answered;
      ++v.counts.by_kind[o.answer->kind];
      continue;
    }
    ++v.counts.unanswered;
    if (const Document* d = conf.FindDocument(o.document_id); d && Overdue(*d, o))
      ++v.counts.overdue_by_unit[d->drafting_unit_id];
  }
  v.counts.speeches = static_cast<int>(speeches.size());
  v.allowed_actions = AllowedActions(a, conf);
  for (const Document& d : conf.documents)
    if (MayAnswer(a, d)) v.answerable_documents.push_back(d.id);
  v.conference = std::move(conf);
  return v;
}

Result<ConferenceView> ConferenceService::Create(const auth::Principal& who,
                                                 const ConferenceInput& in) {
  auto g = units_.Get();
  const ConferenceAccess a = AccessFor(who, *g);
  DH_RETURN_IF_ERROR(CheckConference(in, *g, clock_.Today()));
  if (!a.manage.Contains(in.body_unit_id)) return Status::Forbidden(Say(msg::kNotForThisBody));
  if (in.directive_id) {
    auto d = tasks_.GetDirective(who, *in.directive_id);
    if (!d.ok()) return Status::InvalidInput("directive_id", Say(msg::kDirectiveOutOfScope));
  }
  Conference conf = NewConference(in, who, clock_.NowSeconds());
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(InsertConference(c, conf).status());
    return audit::Record(c, &who,
                         {"conference.create", "conference", conf.id, conf.body_unit_id, nullptr,
                          ConferenceJson(conf)},
                         conf.created_at);
  }));
  return ViewOf(a, std::move(conf), 0, {});
}

Result<std::vector<ConferenceView>> ConferenceService::List(const auth::Principal& who,
                                                            int64_t limit, int64_t offset,
                                                            int64_t* total) const {
  const ConferenceAccess a = AccessFor(who, *units_.Get());
  std::vector<ConferenceView> out;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto all, ListConferences(c));
    std::vector<Conference> seen;
    for (Conference& conf : all)
      if (CanSeeConference(a, conf)) seen.push_back(std::move(conf));
    *total = static_cast<int64_t>(seen.size());
    for (int64_t i = offset; i < std::min<int64_t>(offset + limit, *total); ++i) {
      DH_ASSIGN_OR_RETURN(auto delegates, DelegatesOf(c, seen[i].id));
      DH_ASSIGN_OR_RETURN(auto opinions, OpinionsOf(c, seen[i].id));
      out.push_back(ViewOf(a, std::move(seen[i]), static_cast<int>(delegates.size()), opinions));
    }
    return Status::Ok();
  }));
  return out;
}

Result<ConferenceView> ConferenceService::Get(const auth::Principal& who, int64_t id) const {
  const ConferenceAccess a = AccessFor(who, *units_.Get());
  std::optional<ConferenceView> view;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(Conference conf, Visible(c, a, id));
    DH_ASSIGN_OR_RETURN(auto delegates, DelegatesOf(c, id));
    DH_ASSIGN_OR_RETURN(auto opinions, OpinionsOf(c, id));
    view = ViewOf(a, std::move(conf), static_cast<int>(delegates.size()), opinions);
    return Status::Ok();
  }));
  return std::move(*view);
}

Result<Delegate> ConferenceService::AddDelegate(const auth::Principal& who, int64_t conference_id,
                                                const DelegateInput& in) {
  if (text::Trim(in.full_name).empty())
    return Status::InvalidInput("full_name", Say(msg::kEnterDelegateName), "required");
  if (in.unit_id && !UnitUsable(*units_.Get(), *in.unit_id, clock_.Today()))
    return Status::InvalidInput("unit_id", Say(msg::kChooseDelegateUnit));
  Delegate d{0,
             conference_id,
             text::Trim(in.full_name),
             in.unit_id,
             text::Trim(in.delegation),
             clock_.NowSeconds()};
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(Conference conf, ForManage(c, who, conference_id));
    DH_ASSIGN_OR_RETURN(d.id, InsertDelegate(c, d));
    return audit::Record(c, &who,
                         {"conference.add_delegate", "conference", conf.id, conf.body_unit_id,
                          nullptr, DelegateJson(d)},
                         d.created_at);
  }));
  return d;
}

Result<std::vector<Delegate>> ConferenceService::Delegates(const auth::Principal& who,
                                                           int64_t conference_id) const {
  std::vector<Delegate> out;
  DH_RETURN_IF_ERROR(ReadVisible(who, conference_id, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(out, DelegatesOf(c, conference_id));
    return Status::Ok();
  }));
  return out;
}

Status ConferenceService::ReadVisible(const auth::Principal& who, int64_t conference_id,
                                      const std::function<Status(db::Connection&)>& read) const {
  const ConferenceAccess a = AccessFor(who, *units_.Get());
  return db::Read(db_, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(Visible(c, a, conference_id).status());
    return read(c);
  });
}

Status ConferenceService::ReadAll(int64_t conference_id, const auth::Principal& who,
                                  Conference& conf, std::vector<Delegate>& delegates,
                                  std::vector<Opinion>& opinions) const {
  const ConferenceAccess a = AccessFor(who, *units_.Get());
  return db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(conf, Visible(c, a, conference_id));
    DH_ASSIGN_OR_RETURN(delegates, DelegatesOf(c, conference_id));
    DH_ASSIGN_OR_RETURN(opinions, OpinionsOf(c, conference_id));
    return Status::Ok();
  });
}

}  // namespace dh::conferences
