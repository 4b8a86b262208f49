// Who is asking: the principal each request carries, with its roles and what each may do.
// A role is granted on a unit and covers that unit's subtree (see units/unit_scope.h);
// `admin` is granted on everything. It sits in http/ because every request carries one
// (http/router.h) and every layer above reads it; its names stay in namespace auth, whose
// vocabulary they are.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dh::auth {

enum class Role { kAdmin, kOffice, kLeader, kOfficer, kInvestor, kBusiness, kViewer };

enum class Permission {
  kUnitsRead,
  kUnitsWrite,  // create, edit, end, restructure units
  kUsersRead,
  kUsersWrite,
  kAuditRead,
  kAuditVerify,
  kCalendarWrite,
  kTasksRead,    // see tasks, directives, boards
  kTasksWork,    // report, ask for extensions, delegate, submit, refuse (own unit's tasks)
  kTasksManage,  // create directives and tasks, decide extensions, confirm, reassign
  // Public investment (issue 10).
  kInvestmentRead,    // projects, plans, disbursement, roll-ups and forecasts in scope
  kInvestmentReport,  // an investor's own updates: disbursement, progress, commitments
  kInvestmentManage,  // sources, projects, plans, adjustments, inspections
  // Targets and indicators (issue 11).
  kTargetsRead,      // catalogue, targets, values, scoreboard, reviews
  kTargetsReport,    // enter and submit a unit's values; answer explanation requests
  kTargetsManage,    // catalogue, targets, approve or return values
  kExplanationsAsk,  // ask a unit to explain a lagging target or a late task; accept an answer
  // Business petitions (issue 12, part 1).
  kPetitionsFile,     // file a petition (a business for itself; the office on its behalf)
  kPetitionsRead,     // petitions in scope (a business: its own)
  kPetitionsWork,     // draft a unit's answer, forward one outside the unit's authority
  kPetitionsApprove,  // a unit leader approves an answer before it reaches the business
  kPetitionsManage,   // route, return, publish; record paper petitions
  // Conferences and delegates' opinions (issue 12, part 2).
  kConferencesRead,
  kConferencesAnswer,  // the drafting unit answers opinions on its drafts
  kConferencesManage,  // the secretariat: conferences, delegates, opinions, votes
};

std::optional<Role> ParseRole(std::string_view name);
std::string_view RoleName(Role role);
std::string_view PermissionName(Permission p);
const std::vector<Permission>& AllPermissions();
// The role matrix: which permissions a role carries (within its scope).
bool RoleGrants(Role role, Permission permission);

struct RoleGrant {
  Role role;
  std::optional<int64_t> unit_id;  // nullopt: everything (admin only)
};

// Who is asking. Built by the authenticator for each request.
struct Principal {
  int64_t user_id = 0;
  std::string username;
  std::string full_name;
  std::vector<RoleGrant> grants;
  bool via_cookie = false;   // cookie sessions must send the CSRF header on writes
  std::string csrf_token;    // of the cookie session
  std::string session_hash;  // of the cookie session, for logout

  bool Can(Permission p) const;
  bool IsAdmin() const;
};

}  // namespace dh::auth
