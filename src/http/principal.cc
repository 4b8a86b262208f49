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
  }
  return "";
}

const std::vector<Permission>& AllPermissions() {
  static const std::vector<Permission> kAll = {
      Permission::kUnitsRead,     Permission::kUnitsWrite, Permission::kUsersRead,
      Permission::kUsersWrite,    Permission::kAuditRead,  Permission::kAuditVerify,
      Permission::kCalendarWrite, Permission::kTasksRead,  Permission::kTasksWork,
      Permission::kTasksManage};
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
      return role == Role::kAdmin || role == Role::kOffice;
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
