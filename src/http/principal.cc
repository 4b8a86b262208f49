#include "http/principal.h"

#include <array>

namespace dh::auth {
namespace {

struct RoleInfo {
  Role role;
  std::string_view name;
};
constexpr std::array<RoleInfo, 7> kRoles = {{{Role::kAdmin, "admin"},
                                             {Role::kOffice, "office"},
                                             {Role::kLeader, "leader"},
                                             {Role::kOfficer, "officer"},
                                             {Role::kInvestor, "investor"},
                                             {Role::kBusiness, "business"},
                                             {Role::kViewer, "viewer"}}};

}  // namespace

std::optional<Role> ParseRole(std::string_view name) {
  for (const auto& r : kRoles)
    if (r.name == name) return r.role;
  return std::nullopt;
}

std::string_view RoleName(Role role) {
  for (const auto& r : kRoles)
    if (r.role == role) return r.name;
  return "viewer";
}

std::string_view PermissionName(Permission p) {
  switch (p) {
    case Permission::kUnitsRead:
      return "units.read";
    case Permission::kUnitsWrite:
      return "units.write";
    case Permission::kUsersRead:
      return "users.read";
    case Permission::kUsersWrite:
      return "users.write";
    case Permission::kAuditRead:
      return "audit.read";
    case Permission::kAuditVerify:
      return "audit.verify";
    case Permission::kCalendarWrite:
      return "calendar.write";
    case Permission::kTasksRead:
      return "tasks.read";
    case Permission::kTasksWork:
      return "tasks.work";
    case Permission::kTasksManage:
      return "tasks.manage";
    case Permission::kInvestmentRead:
      return "investment.read";
    case Permission::kInvestmentReport:
      return "investment.report";
    case Permission::kInvestmentManage:
      return "investment.manage";
    case Permission::kTargetsRead:
      return "targets.read";
    case Permission::kTargetsReport:
      return "targets.report";
    case Permission::kTargetsManage:
      return "targets.manage";
    case Permission::kExplanationsAsk:
      return "explanations.ask";
    case Permission::kPetitionsFile:
      return "petitions.file";
    case Permission::kPetitionsRead:
      return "petitions.read";
    case Permission::kPetitionsWork:
      return "petitions.work";
    case Permission::kPetitionsApprove:
      return "petitions.approve";
    case Permission::kPetitionsManage:
      return "petitions.manage";
    case Permission::kConferencesRead:
      return "conferences.read";
    case Permission::kConferencesAnswer:
      return "conferences.answer";
    case Permission::kConferencesManage:
      return "conferences.manage";
  }
  return "";
}

const std::vector<Permission>& AllPermissions() {
  static const std::vector<Permission> kAll = {
      Permission::kUnitsRead,        Permission::kUnitsWrite,      Permission::kUsersRead,
      Permission::kUsersWrite,       Permission::kAuditRead,       Permission::kAuditVerify,
      Permission::kCalendarWrite,    Permission::kTasksRead,       Permission::kTasksWork,
      Permission::kTasksManage,      Permission::kInvestmentRead,  Permission::kInvestmentReport,
      Permission::kInvestmentManage, Permission::kTargetsRead,     Permission::kTargetsReport,
      Permission::kTargetsManage,    Permission::kExplanationsAsk, Permission::kPetitionsFile,
      Permission::kPetitionsRead,    Permission::kPetitionsWork,   Permission::kPetitionsApprove,
      Permission::kPetitionsManage,  Permission::kConferencesRead, Permission::kConferencesAnswer,
      Permission::kConferencesManage};
  return kAll;
}

bool RoleGrants(Role role, Permission p) {
  switch (p) {
    case Permission::kUnitsRead:
      return true;
    case Permission::kUnitsWrite:
      return role == Role::kAdmin || role == Role::kOffice;
    case Permission::kUsersRead:
      return role == Role::kAdmin || role == Role::kOffice;
    case Permission::kUsersWrite:
    case Permission::kAuditVerify:
    case Permission::kCalendarWrite:
      return role == Role::kAdmin;
    case Permission::kAuditRead:
      return role == Role::kAdmin || role == Role::kOffice || role == Role::kLeader;
    case Permission::kTasksRead:
      return role != Role::kBusiness;
    case Permission::kTasksWork:
      return role == Role::kAdmin || role == Role::kOffice || role == Role::kOfficer ||
             role == Role::kInvestor;
    case Permission::kTasksManage:
    case Permission::kInvestmentManage:
    case Permission::kTargetsManage:
    case Permission::kPetitionsManage:
    case Permission::kConferencesManage:
      return role == Role::kAdmin || role == Role::kOffice;
    case Permission::kInvestmentRead:
    case Permission::kTargetsRead:
    case Permission::kConferencesRead:
      return role != Role::kBusiness;
    case Permission::kInvestmentReport:
      return role == Role::kAdmin || role == Role::kOffice || role == Role::kInvestor ||
             role == Role::kOfficer;
    case Permission::kTargetsReport:
    case Permission::kPetitionsWork:
    case Permission::kConferencesAnswer:
      return role == Role::kAdmin || role == Role::kOffice || role == Role::kOfficer ||
             role == Role::kLeader;
    case Permission::kExplanationsAsk:
      return role == Role::kAdmin || role == Role::kOffice || role == Role::kLeader;
    case Permission::kPetitionsFile:
      return role == Role::kAdmin || role == Role::kOffice || role == Role::kBusiness;
    case Permission::kPetitionsRead:
      return true;  // a business reads its own only: its scope is its organisation
    case Permission::kPetitionsApprove:
      return role == Role::kAdmin || role == Role::kLeader;
  }
  return false;
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
