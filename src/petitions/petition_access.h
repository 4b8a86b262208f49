// Who may see a petition and what they may do with it now: one rule per kind of object,
// asked by every path that shows one (a list, a detail, attachments, exports, the board,
// notices). Out of scope is 404 for one petition and absent from lists.
//
//   petition   the business it came from is in the caller's petitions.read scope (a
//              business: its own organisation), or the responsible unit, a coordinating
//              unit or the unit that forwarded it is. The public sees only published answers,
//              through PublicView, never this rule.
//   attachment follows its petition.
//   session    a dialogue conference: whoever reads petitions and has its host unit in scope.
#pragma once

#include <string_view>
#include <unordered_set>
#include <vector>

#include "calendar/work_calendar.h"
#include "http/principal.h"
#include "petitions/petition.h"
#include "petitions/petition_record.h"
#include "units/unit_graph.h"
#include "units/unit_scope.h"

namespace dh::petitions {

// The scopes of one principal, computed once per request.
struct PetitionAccess {
  units::UnitScope read, work, approve, manage;
  std::unordered_set<int64_t> businesses;  // units the caller holds the business role on
};
PetitionAccess AccessFor(const auth::Principal& who, const units::UnitGraph& g);

bool CanSeePetition(const PetitionAccess& a, const Petition& p);
bool CanSeeSession(const PetitionAccess& a, const DialogueSession& s);
// The business itself (rate, reopen).
bool IsPetitioner(const PetitionAccess& a, const Petition& p);
// The office of the business's unit: route, return, publish, edit, spawn a task.
bool MayManage(const PetitionAccess& a, const Petition& p);
// The responsible unit's officers: forward, draft the answer, mark resolved.
bool MayWork(const PetitionAccess& a, const Petition& p);
// The responsible unit's leader: approve the answer.
bool MayApprove(const PetitionAccess& a, const Petition& p);
// File for `business_unit_id`: a business for itself, the office on a business's behalf.
bool MayFileFor(const PetitionAccess& a, const auth::Principal& who, int64_t business_unit_id);

// What a caller may do with `p` on `today`, by the names of the action routes: route,
// return, forward, answer, approve-answer, resolve, rate, reopen, publish, task.
std::vector<std::string_view> AllowedActions(const PetitionAccess& a, const Petition& p, Date today,
                                             const calendar::WorkCalendar& cal,
                                             const PetitionSettings& settings);

}  // namespace dh::petitions
