#include "http/principal.h"

#include <array>

#include "core/names.h"

namespace dh::auth {
namespace {

constexpr NameTable<Role, 7> kRoles = {{{Role::kAdmin, "admin"},
                                        {Role::kOffice, "office"},
                                        {Role::kLeader, "leader"},
                                        {Role::kOfficer, "officer"},
                                        {Role::kInvestor, "investor"},
                                        {Role::kBusiness, "business"},
                                        {Role::kViewer, "viewer"}}};

// A set of roles as bits, one a role.
using RoleSet = unsigned;
constexpr RoleSet Of(std::initializer_list<Role> roles) {
  RoleSet set = 0;
  for (Role r : roles) set |= 1u << static_cast<unsigned>(r);
  return set;
}

using P = Permission;
using R = Role;
constexpr RoleSet kEveryone =
    Of({R::kAdmin, R::kOffice, R::kLeader, R::kOfficer, R::kInvestor, R::kBusiness, R::kViewer});
constexpr RoleSet kAllButBusiness = kEveryone & ~Of({R::kBusiness});
constexpr RoleSet kAdmin = Of({R::kAdmin});
constexpr RoleSet kOffice = Of({R::kAdmin, R::kOffice});
constexpr RoleSet kOfficeAndLeaders = Of({R::kAdmin, R::kOffice, R::kLeader});
constexpr RoleSet kUnitsAtWork = Of({R::kAdmin, R::kOffice, R::kOfficer, R::kLeader});

// The role matrix, one row a permission in the order of the enum: its name and the roles
// that carry it (within their scope).
struct PermissionRow {
  Permission permission;
  std::string_view name;
  RoleSet roles;
};
constexpr std::array<PermissionRow, 25> kMatrix = {{
    {P::kUnitsRead, "units.read", kEveryone},
    {P::kUnitsWrite, "units.write", kOffice},
    {P::kUsersRead, "users.read", kOffice},
    {P::kUsersWrite, "users.write", kAdmin},
    {P::kAuditRead, "audit.read", kOfficeAndLeaders},
    {P::kAuditVerify, "audit.verify", kAdmin},
    {P::kCalendarWrite, "calendar.write", kAdmin},
    {P::kTasksRead, "tasks.read", kAllButBusiness},
    {P::kTasksWork, "tasks.work", Of({R::kAdmin, R::kOffice, R::kOfficer, R::kInvestor})},
    {P::kTasksManage, "tasks.manage", kOffice},
    {P::kInvestmentRead, "investment.read", kAllButBusiness},
    {P::kInvestmentReport, "investment.report",
     Of({R::kAdmin, R::kOffice, R::kInvestor, R::kOfficer})},
    {P::kInvestmentManage, "investment.manage", kOffice},
    {P::kTargetsRead, "targets.read", kAllButBusiness},
    {P::kTargetsReport, "targets.report", kUnitsAtWork},
    {P::kTargetsManage, "targets.manage", kOffice},
    {P::kExplanationsAsk, "explanations.ask", kOfficeAndLeaders},
    {P::kPetitionsFile, "petitions.file", Of({R::kAdmin, R::kOffice, R::kBusiness})},
    // A business reads its own only: its scope is its organisation.
    {P::kPetitionsRead, "petitions.read", kEveryone},
    {P::kPetitionsWork, "petitions.work", kUnitsAtWork},
    {P::kPetitionsApprove, "petitions.approve", Of({R::kAdmin, R::kLeader})},
    {P::kPetitionsManage, "petitions.manage", kOffice},
    {P::kConferencesRead, "conferences.read", kAllButBusiness},
    {P::kConferencesAnswer, "conferences.answer", kUnitsAtWork},
    {P::kConferencesManage, "conferences.manage", kOffice},
}};

const PermissionRow* RowOf(Permission p) {
  for (const auto& row : kMatrix)
    if (row.permission == p) return &row;
  return nullptr;
}

}  // namespace

std::optional<Role> ParseRole(std::string_view name) { return ValueIn(kRoles, name); }

std::string_view RoleName(Role role) {
  const std::string_view name = NameIn(kRoles, role);
  return name.empty() ? "viewer" : name;
}

std::string_view PermissionName(Permission p) {
  const PermissionRow* row = RowOf(p);
  return row ? row->name : "";
}

const std::vector<Permission>& AllPermissions() {
  static const std::vector<Permission> kAll = [] {
    std::vector<Permission> all;
    for (const auto& row : kMatrix) all.push_back(row.permission);
    return all;
  }();
  return kAll;
}

bool RoleGrants(Role role, Permission p) {
  const PermissionRow* row = RowOf(p);
  return row && (row->roles & Of({role})) != 0;
}

bool Principal::Can(Permission p) const {
  for (const auto& g : grants)
    if (RoleGrants(g.role, p)) return true;
  return false;
}

bool Principal::IsAdmin() const {
  for (const auto& g : grants)
    if (g.role == Role::kAdmin) return true;
  return false;
}

}  // namespace dh::auth
