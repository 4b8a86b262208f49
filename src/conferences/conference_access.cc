#include "conferences/conference_access.h"

#include <algorithm>

namespace dh::conferences {

using auth::Permission;

ConferenceAccess AccessFor(const auth::Principal& who, const units::UnitGraph& g) {
  return {units::ScopeFor(who, Permission::kConferencesRead, g),
          units::ScopeFor(who, Permission::kConferencesAnswer, g),
          units::ScopeFor(who, Permission::kConferencesManage, g)};
}

bool CanSeeConference(const ConferenceAccess& a, const Conference& c) {
  if (a.read.Contains(c.body_unit_id)) return true;
  return std::any_of(c.documents.begin(), c.documents.end(), [&](const Document& d) {
    return a.read.Contains(d.drafting_unit_id) || a.answer.Contains(d.drafting_unit_id);
  });
}

bool MayManageConference(const ConferenceAccess& a, const Conference& c) {
  return a.manage.Contains(c.body_unit_id);
}

bool MayAnswer(const ConferenceAccess& a, const Document& d) {
  return a.answer.Contains(d.drafting_unit_id);
}

bool MayMerge(const ConferenceAccess& a, const Conference& c, const Document& d) {
  return MayManageConference(a, c) || MayAnswer(a, d);
}

std::vector<std::string_view> AllowedActions(const ConferenceAccess& a, const Conference& c) {
  std::vector<std::string_view> out;
  if (MayManageConference(a, c)) out.push_back("manage");
  if (std::any_of(c.documents.begin(), c.documents.end(),
                  [&](const Document& d) { return MayAnswer(a, d); }))
    out.push_back("answer");
  out.push_back("report");
  return out;
}

}  // namespace dh::conferences
