// Dialogue conferences (hội nghị đối thoại doanh nghiệp): a dated session hosted by a unit,
// with the petitions raised at it.
#include <boost/json.hpp>

#include "audit/recorder.h"
#include "core/text.h"
#include "db/read_value.h"
#include "petitions/petition_messages.h"
#include "petitions/petition_service.h"
#include "petitions/petition_store.h"
#include "units/unit_rules.h"

namespace dh::petitions {

Result<DialogueSession> PetitionService::CreateSession(const auth::Principal& who,
                                                       const SessionInput& in) {
  if (!in.title || text::Trim(*in.title).empty())
    return Status::InvalidInput("title", Say(msg::kEnterSessionTitle));
  if (!in.held_on) return Status::InvalidInput("held_on", Say(msg::kEnterHeldOn));
  if (!in.host_unit_id) return Status::InvalidInput("host_unit_id", Say(msg::kChooseHost));
  if (!AccessOf(who).manage.Contains(*in.host_unit_id))
    return Status::Forbidden(Say(msg::kHostOfficeOnly));
  DialogueSession s{0,
                    text::Trim(*in.title),
                    *in.held_on,
                    *in.host_unit_id,
                    text::Trim(in.place.value_or("")),
                    who.user_id,
                    clock_.NowSeconds()};
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(
        units::CheckTakesWork(c, s.host_unit_id, s.held_on, "host_unit_id", "Đơn vị chủ trì"));
    DH_ASSIGN_OR_RETURN(s.id, InsertSession(c, s));
    return audit::Record(
        c, &who,
        {"petition_session.create", "petition_session", s.id, s.host_unit_id, nullptr,
         boost::json::object{
             {"title", s.title}, {"held_on", s.held_on.ToString()}, {"place", s.place}}},
        s.created_at);
  }));
  return s;
}

Result<std::vector<DialogueSession>> PetitionService::Sessions(const auth::Principal& who) const {
  if (!who.Can(auth::Permission::kPetitionsRead)) return Status::Forbidden(Say(msg::kCannotRead));
  const PetitionAccess a = AccessOf(who);
  DH_ASSIGN_OR_RETURN(std::vector<DialogueSession> all,
                      db::ReadValue(db_, [&](db::Connection& c) { return ListSessions(c); }));
  std::vector<DialogueSession> out;
  for (auto& s : all)
    if (CanSeeSession(a, s)) out.push_back(std::move(s));
  return out;
}

Result<DialogueSession> PetitionService::GetSession(const auth::Principal& who, int64_t id) const {
  DH_ASSIGN_OR_RETURN(std::optional<DialogueSession> s,
                      db::ReadValue(db_, [&](db::Connection& c) { return FindSession(c, id); }));
  if (!s || !who.Can(auth::Permission::kPetitionsRead) || !CanSeeSession(AccessOf(who), *s))
    return Status::NotFound(Say(msg::kSessionNotFound));
  return *s;
}

}  // namespace dh::petitions
