#include "petitions/petition_access.h"

#include <algorithm>

namespace dh::petitions {

using auth::Permission;
using S = PetitionState;

PetitionAccess AccessFor(const auth::Principal& who, const units::UnitGraph& g) {
  PetitionAccess a{units::ScopeFor(who, Permission::kPetitionsRead, g),
                   units::ScopeFor(who, Permission::kPetitionsWork, g),
                   units::ScopeFor(who, Permission::kPetitionsApprove, g),
                   units::ScopeFor(who, Permission::kPetitionsManage, g),
                   {}};
  for (const auth::RoleGrant& grant : who.grants)
    if (grant.role == auth::Role::kBusiness && grant.unit_id) a.businesses.insert(*grant.unit_id);
  return a;
}

bool CanSeePetition(const PetitionAccess& a, const Petition& p) {
  const auto in = [&](int64_t unit) { return a.read.Contains(unit); };
  if (in(p.business_unit_id)) return true;
  if (p.responsible_unit_id && in(*p.responsible_unit_id)) return true;
  if (p.forwarded_from_unit_id && in(*p.forwarded_from_unit_id)) return true;
  return std::any_of(p.coordinating_unit_ids.begin(), p.coordinating_unit_ids.end(), in);
}

bool CanSeeSession(const PetitionAccess& a, const DialogueSession& s) {
  return a.read.Contains(s.host_unit_id) || a.manage.Contains(s.host_unit_id);
}

bool IsPetitioner(const PetitionAccess& a, const Petition& p) {
  return a.businesses.count(p.business_unit_id) > 0;
}

bool MayManage(const PetitionAccess& a, const Petition& p) {
  return a.manage.Contains(p.business_unit_id);
}

bool MayWork(const PetitionAccess& a, const Petition& p) {
  return p.responsible_unit_id && a.work.Contains(*p.responsible_unit_id);
}

bool MayApprove(const PetitionAccess& a, const Petition& p) {
  return p.responsible_unit_id && a.approve.Contains(*p.responsible_unit_id);
}

bool MayFileFor(const PetitionAccess& a, const auth::Principal& who, int64_t business_unit_id) {
  if (!who.Can(Permission::kPetitionsFile)) return false;
  return a.businesses.count(business_unit_id) > 0 || a.manage.Contains(business_unit_id);
}

std::vector<std::string_view> AllowedActions(const PetitionAccess& a, const Petition& p, Date today,
                                             const calendar::WorkCalendar& cal,
                                             const PetitionSettings& settings) {
  std::vector<std::string_view> out;
  const bool manage = MayManage(a, p), work = MayWork(a, p);
  const bool answered = Answered(p.state);
  if (manage && p.state == S::kFiled) {
    out.push_back("route");
    out.push_back("return");
  }
  if (work && (p.state == S::kRouted || p.state == S::kForwarded) && p.received_on &&
      MayForwardOn(settings, *p.received_on, today, cal))
    out.push_back("forward");
  if (work && WithUnit(p.state)) out.push_back("answer");
  if (MayApprove(a, p) && p.state == S::kAnswerDrafted) out.push_back("approve-answer");
  if (work && p.state == S::kDirected) out.push_back("resolve");
  if (IsPetitioner(a, p) && (p.state == S::kDirected || p.state == S::kResolved))
    out.push_back("rate");
  if (IsPetitioner(a, p) && answered && p.reopen_count == 0) out.push_back("reopen");
  if (manage && answered && !p.published) out.push_back("publish");
  if (manage && !p.task_id && (WithUnit(p.state) || p.state == S::kDirected)) out.push_back("task");
  return out;
}

}  // namespace dh::petitions
