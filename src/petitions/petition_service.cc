#include "petitions/petition_service.h"

#include <algorithm>

#include "core/text.h"
#include "db/read_value.h"
#include "petitions/petition_messages.h"
#include "petitions/petition_notices.h"
#include "petitions/petition_store.h"
#include "tasks/task_store.h"
#include "units/unit_rules.h"

namespace dh::petitions {

PetitionService::PetitionService(db::Database& db, const Clock& clock,
                                 const units::UnitDirectory& units,
                                 calendar::CalendarService& calendar, tasks::TaskService& tasks,
                                 readmodel::ChangeFeed& feed, PetitionSettings settings)
    : db_(db),
      clock_(clock),
      units_(units),
      calendar_(calendar),
      tasks_(tasks),
      feed_(feed),
      settings_(std::move(settings)) {
  feed_.Register({"petitions",
                  {"petition"},
                  [this] { return index_.Load(db_); },
                  [this](const std::vector<readmodel::Change>& c) { return ApplyChanges(c); }});
}

Status PetitionService::ApplyChanges(const std::vector<readmodel::Change>& changes) {
  std::vector<int64_t> ids;
  for (const readmodel::Change& c : changes)
    if (c.entity == "petition" && c.entity_id) ids.push_back(*c.entity_id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return index_.Refresh(db_, ids);
}

PetitionAccess PetitionService::AccessOf(const auth::Principal& who) const {
  return AccessFor(who, *units_.Get());
}

PetitionView PetitionService::View(const Petition& p, const PetitionAccess* a) const {
  auto cal = calendar_.Get();
  const Date today = clock_.Today();
  PetitionView v;
  v.p = p;
  v.timeliness =
      TimelinessOf(p.state, p.due_on, p.answered_on, today, *cal, settings_.due_soon_days);
  if (p.due_on && v.timeliness != calendar::DueStatus::kNoDeadline) {
    const bool answered = Answered(p.state) && p.answered_on;
    v.effective_deadline = calendar::EffectiveDeadline(*p.due_on, *cal);
    v.working_days_left = calendar::WorkingDaysLeft(*p.due_on, today, *cal);
    v.working_days_late =
        calendar::WorkingDaysLate(*p.due_on, answered ? *p.answered_on : today, *cal);
  }
  if (a) v.allowed_actions = AllowedActions(*a, p, today, *cal, settings_);
  return v;
}

Result<Petition> PetitionService::ForWrite(db::Connection& c, const auth::Principal& who,
                                           int64_t id,
                                           bool (*allowed)(const PetitionAccess&,
                                                           const Petition&)) const {
  DH_ASSIGN_OR_RETURN(auto p, FindPetition(c, id));
  const PetitionAccess a = AccessOf(who);
  if (!p || !CanSeePetition(a, *p)) return Status::NotFound(Say(msg::kPetitionNotFound));
  if (!allowed(a, *p)) return Status::Forbidden(Say(msg::kNotAllowed));
  return *p;
}

Status PetitionService::StepIn(db::Connection& c, const auth::Principal& who, int64_t id,
                               const char* action,
                               bool (*allowed)(const PetitionAccess&, const Petition&),
                               const Change& change) {
  DH_ASSIGN_OR_RETURN(Petition before, ForWrite(c, who, id, allowed));
  Petition p = before;
  const int64_t now = clock_.NowSeconds();
  PetitionEventRecord e{0, id, "", clock_.Today(), "", std::nullopt, who.user_id, now};
  DH_RETURN_IF_ERROR(change(c, p, e));
  p.updated_at = now;
  DH_RETURN_IF_ERROR(UpdatePetition(c, p));
  if (!e.kind.empty()) DH_RETURN_IF_ERROR(InsertPetitionEvent(c, e).status());
  return RecordAudit(c, &who, std::string("petition.") + action, &before, p, now);
}

Result<PetitionView> PetitionService::Step(const auth::Principal& who, int64_t id,
                                           const char* action,
                                           bool (*allowed)(const PetitionAccess&, const Petition&),
                                           const Change& change) {
  DH_RETURN_IF_ERROR(db::InTransaction(
      db_, [&](db::Connection& c) { return StepIn(c, who, id, action, allowed, change); }));
  DH_RETURN_IF_ERROR(index_.Refresh(db_, {id}));
  return Load(who, id);
}

Result<PetitionView> PetitionService::Load(const auth::Principal& who, int64_t id) const {
  DH_ASSIGN_OR_RETURN(PetitionDetail d, Get(who, id));
  return d.view;
}

Status PetitionService::Validate(const PetitionInput& in, bool creating) const {
  if (creating && (!in.title || text::Trim(*in.title).empty()))
    return Status::InvalidInput("title", Say(msg::kEnterTitle));
  if (in.title && text::Trim(*in.title).empty())
    return Status::InvalidInput("title", Say(msg::kTitleEmpty));
  if ((creating && !in.content) || (in.content && text::Trim(*in.content).empty()))
    return Status::InvalidInput("content", Say(msg::kEnterContent));
  if (creating && !in.category) return Status::InvalidInput("category", Say(msg::kChooseCategory));
  if (in.category && !CategoryLabel(*in.category))
    return Status::InvalidInput("category", Say(msg::kCategoryNotListed), "unknown_category");
  if (in.channel && *in.channel != "online" && *in.channel != "paper" &&
      *in.channel != "conference")
    return Status::InvalidInput("channel", Say(msg::kChannel));
  return Status::Ok();
}

// The business a new petition comes from: the caller's own when it is one business, else
// the one the office names.
Result<PetitionView> PetitionService::File(const auth::Principal& who, const PetitionInput& in) {
  DH_RETURN_IF_ERROR(Validate(in, true));
  const PetitionAccess a = AccessOf(who);
  std::optional<int64_t> business = in.business_unit_id;
  if (!business && a.businesses.size() == 1) business = *a.businesses.begin();
  if (!business) return Status::InvalidInput("business_unit_id", Say(msg::kChooseBusiness));
  if (!MayFileFor(a, who, *business)) return Status::Forbidden(Say(msg::kOwnBusinessOnly));
  Petition p;
  p.business_unit_id = *business;
  p.title = text::Trim(*in.title);
  p.content = text::Trim(*in.content);
  p.category = *in.category;
  p.publishable = in.publishable.value_or(false);
  p.channel = in.channel.value_or(a.businesses.count(*business) ? "online" : "paper");
  p.session_id = in.session_id;
  if (p.session_id) p.channel = "conference";
  p.filed_by = who.user_id;
  p.filed_on = clock_.Today();
  p.created_at = p.updated_at = clock_.NowSeconds();
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(units::CheckTakesWork(c, p.business_unit_id, p.filed_on, "business_unit_id",
                                             "Doanh nghiệp"));
    if (p.session_id) {
      DH_ASSIGN_OR_RETURN(auto s, FindSession(c, *p.session_id));
      if (!s) return Status::InvalidInput("session_id", Say(msg::kNoSuchSession));
    }
    DH_ASSIGN_OR_RETURN(p.id, InsertPetition(c, p));
    DH_RETURN_IF_ERROR(InsertPetitionEvent(c, {0, p.id, "filed", p.filed_on, "", std::nullopt,
                                               who.user_id, p.created_at})
                           .status());
    return RecordAudit(c, &who, "petition.file", nullptr, p, p.created_at);
  }));
  DH_RETURN_IF_ERROR(index_.Refresh(db_, {p.id}));
  return Load(who, p.id);
}

namespace {
bool MayEdit(const PetitionAccess& a, const Petition& p) {
  return MayManage(a, p) || (IsPetitioner(a, p) && p.state == PetitionState::kFiled);
}
}  // namespace

Result<PetitionView> PetitionService::Update(const auth::Principal& who, int64_t id,
                                             const PetitionInput& in) {
  DH_RETURN_IF_ERROR(Validate(in, false));
  return Step(who, id, "update", MayEdit,
              [&](db::Connection&, Petition& p, PetitionEventRecord& e) {
                if (in.due_on) {
                  if (!MayManage(AccessOf(who), p))
                    return Status::Forbidden(Say(msg::kOfficeChangesDue));
                  if (!WithUnit(p.state))
                    return Status::Conflict(Say(msg::kDueOnlyWithUnit), "invalid_state", "due_on");
                  e.kind = "due_changed";
                  e.note = p.due_on ? "Hạn cũ " + p.due_on->ToVietnamese() : "";
                  p.due_on = in.due_on;
                }
                if (in.title) p.title = text::Trim(*in.title);
                if (in.content) p.content = text::Trim(*in.content);
                if (in.category) p.category = *in.category;
                if (in.publishable) p.publishable = *in.publishable;
                return Status::Ok();
              });
}

Result<int64_t> PetitionService::CheckAccess(const auth::Principal& who, int64_t id,
                                             bool write) const {
  DH_ASSIGN_OR_RETURN(std::optional<Petition> p,
                      db::ReadValue(db_, [&](db::Connection& c) { return FindPetition(c, id); }));
  const PetitionAccess a = AccessOf(who);
  if (!p || !CanSeePetition(a, *p)) return Status::NotFound(Say(msg::kPetitionNotFound));
  if (write && !IsPetitioner(a, *p) && !MayManage(a, *p) && !MayWork(a, *p))
    return Status::Forbidden(Say(msg::kNoAttaching));
  return p->responsible_unit_id.value_or(p->business_unit_id);
}

std::unordered_set<int64_t> PetitionService::VisiblePetitions(
    const auth::Principal& who, const std::vector<int64_t>& ids) const {
  const PetitionAccess a = AccessOf(who);
  std::unordered_set<int64_t> seen;
  index_.Each(ids, [&](const IndexedPetition& e) {
    if (CanSeePetition(a, e.p)) seen.insert(e.p.id);
  });
  return seen;
}

Result<std::vector<AnswerTemplate>> PetitionService::Templates(const auth::Principal& who,
                                                               int64_t id) const {
  DH_ASSIGN_OR_RETURN(PetitionDetail d, Get(who, id));
  return db::ReadValue(db_, [&](db::Connection& c) { return TemplatesFor(c, d.view.p.category); });
}

}  // namespace dh::petitions
