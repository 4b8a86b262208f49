// Who may see and do what with conferences. One rule per kind of object; every path that
// shows one (a list, a page, an opinion, a report, a vote) asks it. Out of scope is 404 for
// one object and absent from lists.
//
//   conference  the body that holds it is in the caller's conferences.read scope, or the
//               caller's scope holds the drafting unit of one of its drafts (that unit must
//               answer). Its drafts, delegates, opinions, votes and reports go with it.
//   manage      the body is in the conferences.manage scope (the secretariat): delegates,
//               opinions typed or imported, merging, votes, a new round.
//   answer      an opinion is answered by its draft's drafting unit: in the caller's
//               conferences.answer scope. Merging duplicates is for them too.
#pragma once

#include "conferences/conference.h"
#include "units/unit_scope.h"

namespace dh::conferences {

struct ConferenceAccess {
  units::UnitScope read, answer, manage;
};
ConferenceAccess AccessFor(const auth::Principal& who, const units::UnitGraph& g);

bool CanSeeConference(const ConferenceAccess& a, const Conference& c);
bool MayManageConference(const ConferenceAccess& a, const Conference& c);
bool MayAnswer(const ConferenceAccess& a, const Document& d);
// Merge duplicates on a draft: the secretariat or the drafting unit.
bool MayMerge(const ConferenceAccess& a, const Conference& c, const Document& d);

// What `who` may do with the conference now, by the names its page gives them: manage,
// answer (some draft is theirs to answer), report.
std::vector<std::string_view> AllowedActions(const ConferenceAccess& a, const Conference& c);

}  // namespace dh::conferences
