#include <gtest/gtest.h>

#include <set>

#include "http/principal.h"
#include "units/unit_scope.h"

namespace dh::auth {
using units::ScopeFor;
using units::UnitScope;
namespace {

TEST(RolesTest, NamesRoundTrip) {
  for (const char* name :
       {"admin", "office", "leader", "officer", "investor", "business", "viewer"}) {
    auto r = ParseRole(name);
    ASSERT_TRUE(r) << name;
    EXPECT_EQ(RoleName(*r), name);
  }
  for (const char* bad : {"", "Admin", "ADMIN", "root", "quản trị", " admin", "admin "})
    EXPECT_FALSE(ParseRole(bad)) << bad;
}

TEST(RolesTest, PermissionNamesAreDistinct) {
  std::set<std::string_view> names;
  for (Permission p : AllPermissions()) {
    EXPECT_FALSE(PermissionName(p).empty());
    EXPECT_TRUE(names.insert(PermissionName(p)).second) << PermissionName(p);
  }
  EXPECT_EQ(PermissionName(Permission::kUnitsWrite), "units.write");
  EXPECT_EQ(PermissionName(Permission::kAuditRead), "audit.read");
}

TEST(RolesTest, RoleMatrix) {
  // The matrix of docs/api-contract.md: every role reads units in its scope; admin and office
  // write units; admin manages users and office reads them; admin, office and leader read
  // the audit log; only admin verifies the chain and edits the calendar.
  using P = Permission;
  struct Row {
    Role role;
    bool units_read, units_write, users_read, users_write, audit_read, audit_verify, calendar;
  } rows[] = {
      {Role::kAdmin, true, true, true, true, true, true, true},
      {Role::kOffice, true, true, true, false, true, false, false},
      {Role::kLeader, true, false, false, false, true, false, false},
      {Role::kOfficer, true, false, false, false, false, false, false},
      {Role::kInvestor, true, false, false, false, false, false, false},
      {Role::kBusiness, true, false, false, false, false, false, false},
      {Role::kViewer, true, false, false, false, false, false, false},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(RoleName(r.role));
    EXPECT_EQ(RoleGrants(r.role, P::kUnitsRead), r.units_read);
    EXPECT_EQ(RoleGrants(r.role, P::kUnitsWrite), r.units_write);
    EXPECT_EQ(RoleGrants(r.role, P::kUsersRead), r.users_read);
    EXPECT_EQ(RoleGrants(r.role, P::kUsersWrite), r.users_write);
    EXPECT_EQ(RoleGrants(r.role, P::kAuditRead), r.audit_read);
    EXPECT_EQ(RoleGrants(r.role, P::kAuditVerify), r.audit_verify);
    EXPECT_EQ(RoleGrants(r.role, P::kCalendarWrite), r.calendar);
  }
}

TEST(RolesTest, FeatureMatrix) {
  // Investment, targets, petitions and conferences: who may do what (within scope). A
  // business files and reads its own petitions and nothing else of the city's work; a
  // leader approves a unit's answer and asks for explanations; the office manages.
  using P = Permission;

  struct Row {
    P permission;
    const char* granted;  // one letter per role, in the order above: y or .
  } rows[] = {
      {P::kInvestmentRead, "yyyyy.y"},    {P::kInvestmentReport, "yy.yy.."},
      {P::kInvestmentManage, "yy....."},  {P::kTargetsRead, "yyyyy.y"},
      {P::kTargetsReport, "yyyy..."},     {P::kTargetsManage, "yy....."},
      {P::kExplanationsAsk, "yyy...."},   {P::kPetitionsFile, "yy...y."},
      {P::kPetitionsRead, "yyyyyyy"},     {P::kPetitionsWork, "yyyy..."},
      {P::kPetitionsApprove, "y.y...."},  {P::kPetitionsManage, "yy....."},
      {P::kConferencesRead, "yyyyy.y"},   {P::kConferencesAnswer, "yyyy..."},
      {P::kConferencesManage, "yy....."},
  };

  const Role order[] = {Role::kAdmin,    Role::kOffice,   Role::kLeader, Role::kOfficer,
                        Role::kInvestor, Role::kBusiness, Role::kViewer};
  for (const Row& r : rows)
    for (int i = 0; i < 7; ++i)
      EXPECT_EQ(RoleGrants(order[i], r.permission), r.granted[i] == 'y')
          << PermissionName(r.permission) << " for " << RoleName(order[i]);
}

TEST(RolesTest, APrincipalHasTheUnionOfItsRoles) {
  Principal p{7, "nguyen.a", "Nguyễn A", {{Role::kViewer, 1}, {Role::kLeader, 2}}};
  EXPECT_TRUE(p.Can(Permission::kUnitsRead));
  EXPECT_TRUE(p.Can(Permission::kAuditRead));  // from leader
  EXPECT_FALSE(p.Can(Permission::kUnitsWrite));
  EXPECT_FALSE(p.IsAdmin());
  Principal nobody{8, "x", "X", {}};
  EXPECT_FALSE(nobody.Can(Permission::kUnitsRead));
  Principal admin{1, "admin", "Quản trị", {{Role::kAdmin, std::nullopt}}};
  EXPECT_TRUE(admin.IsAdmin());
  for (Permission perm : {Permission::kUnitsRead, Permission::kUnitsWrite, Permission::kUsersRead,
                          Permission::kUsersWrite, Permission::kAuditRead, Permission::kAuditVerify,
                          Permission::kCalendarWrite})
    EXPECT_TRUE(admin.Can(perm)) << PermissionName(perm);
}

// 1 city ─┬─ 2 department ── 4 its office
//         └─ 3 department
// 5 another city
class ScopeTest : public ::testing::Test {
 protected:
  static Date D(const char* s) { return *Date::Parse(s); }
  units::UnitGraph graph_{
      {{1, "MA", "Thành phố", "city", D("2020-01-01"), std::nullopt},
       {2, "MA.STC", "Sở Tài chính", "department", D("2020-01-01"), std::nullopt},
       {3, "MA.SXD", "Sở Xây dựng", "department", D("2020-01-01"), std::nullopt},
       {4, "MA.STC.VP", "Văn phòng Sở", "other", D("2020-01-01"), std::nullopt},
       {5, "HN", "Hà Nội", "city", D("2020-01-01"), std::nullopt}},
      {{1, 1, std::nullopt, D("2020-01-01"), std::nullopt},
       {2, 2, 1, D("2020-01-01"), std::nullopt},
       {3, 3, 1, D("2020-01-01"), std::nullopt},
       {4, 4, 2, D("2020-01-01"), std::nullopt},
       {5, 5, std::nullopt, D("2020-01-01"), std::nullopt}},
      {}};

  static std::set<int64_t> Ids(const UnitScope& s) { return {s.ids().begin(), s.ids().end()}; }
};

TEST_F(ScopeTest, AdminSeesEverything) {
  Principal admin{1, "admin", "Quản trị", {{Role::kAdmin, std::nullopt}}};
  for (Permission p : {Permission::kUnitsRead, Permission::kUsersWrite, Permission::kAuditRead}) {
    auto s = ScopeFor(admin, p, graph_);
    EXPECT_TRUE(s.all());
    EXPECT_TRUE(s.Contains(5));
    EXPECT_TRUE(s.Contains(123456));  // even units created after the scope was computed
    EXPECT_FALSE(s.AsFilter().has_value());
    EXPECT_FALSE(s.empty());
  }
}

TEST_F(ScopeTest, OfficeOnTheCityCoversItsSubtree) {
  Principal office{2, "vanphong", "Văn phòng", {{Role::kOffice, 1}}};
  auto s = ScopeFor(office, Permission::kUnitsWrite, graph_);
  EXPECT_FALSE(s.all());
  EXPECT_EQ(Ids(s), (std::set<int64_t>{1, 2, 3, 4}));
  EXPECT_FALSE(s.Contains(5));
  ASSERT_TRUE(s.AsFilter().has_value());
  EXPECT_EQ(s.AsFilter()->size(), 4u);
}

TEST_F(ScopeTest, OfficerOnADepartmentDoesNotSeeASibling) {
  Principal officer{3, "canbo.stc", "Cán bộ", {{Role::kOfficer, 2}}};
  auto s = ScopeFor(officer, Permission::kUnitsRead, graph_);
  EXPECT_EQ(Ids(s), (std::set<int64_t>{2, 4}));
  EXPECT_FALSE(s.Contains(3));
  EXPECT_FALSE(s.Contains(1));  // nor its parent
}

TEST_F(ScopeTest, ARoleWithoutThePermissionGivesNoScope) {
  Principal officer{3, "canbo.stc", "Cán bộ", {{Role::kOfficer, 1}}};
  auto s = ScopeFor(officer, Permission::kUnitsWrite, graph_);
  EXPECT_TRUE(s.empty());
  EXPECT_FALSE(s.Contains(1));
  ASSERT_TRUE(s.AsFilter().has_value());
  EXPECT_TRUE(s.AsFilter()->empty());  // an empty filter matches nothing, not everything
}

TEST_F(ScopeTest, ScopesOfSeveralRolesAddUp) {
  Principal p{4, "p", "P", {{Role::kOffice, 3}, {Role::kViewer, 5}, {Role::kLeader, 2}}};
  EXPECT_EQ(Ids(ScopeFor(p, Permission::kUnitsRead, graph_)), (std::set<int64_t>{2, 3, 4, 5}));
  EXPECT_EQ(Ids(ScopeFor(p, Permission::kUnitsWrite, graph_)), (std::set<int64_t>{3}));
  EXPECT_EQ(Ids(ScopeFor(p, Permission::kAuditRead, graph_)), (std::set<int64_t>{2, 3, 4}));
}

}  // namespace
}  // namespace dh::auth
