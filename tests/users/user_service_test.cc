// UserService on both databases: the admin manages accounts, an office reads those of its
// scope, and what each would get wrong.
#include "users/user_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "auth/auth_service.h"
#include "support/test_db.h"

namespace dh::users {
namespace {

using auth::Principal;
using auth::Role;
using auth::RoleGrant;
using testing::BothDatabases;

constexpr const char* kPassword = "Mat-khau@2026";

Date D(const char* s) { return *Date::Parse(s); }

class UserServiceTest : public BothDatabases {
 protected:
  void SetUp() override {
    BothDatabases::SetUp();
    if (HasFatalFailure()) return;
    city_ = MakeUnit("MA", "Thành phố Minh An", "city", std::nullopt);
    stc_ = MakeUnit("MA.STC", "Sở Tài chính", "department", city_);
    stc_office_ = MakeUnit("MA.STC.VP", "Văn phòng Sở Tài chính", "other", stc_);
    sxd_ = MakeUnit("MA.SXD", "Sở Xây dựng", "department", city_);
    auto old = app().units().Create(nullptr, {.code = "MA.CU",
                                              .name = "Sở đã giải thể",
                                              .kind = "department",
                                              .parent_id = city_,
                                              .parent_given = true,
                                              .valid_from = D("2020-01-01"),
                                              .valid_to = D("2024-12-31")});
    ASSERT_TRUE(old.ok()) << old.status().ToString();
    ended_ = old->unit.id;
    auto admin =
        svc().Create(nullptr, Input("admin", "Quản trị hệ thống", {{Role::kAdmin, std::nullopt}}));
    ASSERT_TRUE(admin.ok()) << admin.status().ToString();
    admin_ = {admin->id, "admin", "Quản trị hệ thống", admin->roles};
  }

  int64_t MakeUnit(const std::string& code, const std::string& name, const std::string& kind,
                   std::optional<int64_t> parent) {
    auto r = app().units().Create(nullptr, {.code = code,
                                            .name = name,
                                            .kind = kind,
                                            .parent_id = parent,
                                            .parent_given = true,
                                            .valid_from = D("2020-01-01")});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->unit.id : 0;
  }
  static UserInput Input(const std::string& username, const std::string& full_name,
                         std::vector<RoleGrant> roles) {
    return {.username = username,
            .full_name = full_name,
            .email = username + "@minhan.gov.vn",
            .password = kPassword,
            .roles = std::move(roles)};
  }
  int64_t MakeUser(const std::string& username, const std::string& full_name, Role role,
                   std::optional<int64_t> unit) {
    auto u = svc().Create(&admin_, Input(username, full_name, {{role, unit}}));
    EXPECT_TRUE(u.ok()) << username << ": " << u.status().ToString();
    return u.ok() ? u->id : 0;
  }
  Principal As(int64_t user_id) {
    auto u = svc().Get(admin_, user_id);
    EXPECT_TRUE(u.ok());
    return {u->id, u->username, u->full_name, u->roles};
  }
  int64_t Scalar(const std::string& sql, const db::Params& params = {}) {
    int64_t v = -1;
    Status s = db::Read(db(), [&](db::Connection& c) -> Status {
      DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(sql, params));
      v = r.empty() ? 0 : r.Int(0, 0);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return v;
  }
  std::vector<std::string> Usernames(const Result<std::vector<User>>& users) {
    std::vector<std::string> out;
    if (users.ok())
      for (const auto& u : *users) out.push_back(u.username);
    return out;
  }

  UserService& svc() { return app().users(); }
  int64_t city_ = 0, stc_ = 0, stc_office_ = 0, sxd_ = 0, ended_ = 0;
  Principal admin_;
};

TEST_P(UserServiceTest, CreateStoresTheUserWithRolesAndAudit) {
  auto u = svc().Create(&admin_, Input("tran.thi.binh", "Trần Thị Bình",
                                       {{Role::kOfficer, stc_}, {Role::kViewer, city_}}));
  ASSERT_TRUE(u.ok()) << u.status().ToString();
  EXPECT_GT(u->id, 0);
  EXPECT_TRUE(u->active);
  EXPECT_EQ(u->created_at, clock().NowSeconds());
  auto got = svc().Get(admin_, u->id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->username, "tran.thi.binh");
  EXPECT_EQ(got->full_name, "Trần Thị Bình");
  EXPECT_EQ(got->email, "tran.thi.binh@minhan.gov.vn");
  ASSERT_EQ(got->roles.size(), 2u);
  EXPECT_EQ(got->roles[0].role, Role::kOfficer);
  EXPECT_EQ(got->roles[0].unit_id, stc_);
  EXPECT_EQ(got->roles[1].role, Role::kViewer);
  // The password is stored hashed, and the audit entry never carries it.
  EXPECT_EQ(got->password_hash.rfind("$argon2id$", 0), 0u);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'user.create' AND entity_id = ?",
                   {u->id}),
            1);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE after_json LIKE '%argon2%' OR "
                   "after_json LIKE '%Mat-khau%'"),
            0);
  // The user can sign in.
  EXPECT_TRUE(app().auth().Login("tran.thi.binh", kPassword, "192.0.2.1").ok());
}

TEST_P(UserServiceTest, CreateRefusesBadInput) {
  auto with = [&](auto change) {
    UserInput in = Input("nguyen.van.a", "Nguyễn Văn A", {{Role::kOfficer, stc_}});
    change(in);
    return in;
  };
  struct Case {
    const char* what;
    UserInput in;
    const char* field;
  } cases[] = {
      {"no username", with([](UserInput& i) { i.username.reset(); }), "username"},
      {"username too short", with([](UserInput& i) { i.username = "ab"; }), "username"},
      {"username too long", with([](UserInput& i) { i.username = std::string(51, 'a'); }),
       "username"},
      {"upper case", with([](UserInput& i) { i.username = "Nguyen.Van.A"; }), "username"},
      {"diacritics", with([](UserInput& i) { i.username = "nguyễn.văn.a"; }), "username"},
      {"space", with([](UserInput& i) { i.username = "nguyen van a"; }), "username"},
      {"e-mail as username", with([](UserInput& i) { i.username = "a@minhan.gov.vn"; }),
       "username"},
      {"quote", with([](UserInput& i) { i.username = "a'--"; }), "username"},
      {"no full name", with([](UserInput& i) { i.full_name.reset(); }), "full_name"},
      {"empty full name", with([](UserInput& i) { i.full_name = ""; }), "full_name"},
      {"e-mail without @", with([](UserInput& i) { i.email = "nguyen.minhan.gov.vn"; }), "email"},
      {"no password", with([](UserInput& i) { i.password.reset(); }), "password"},
      {"short password", with([](UserInput& i) { i.password = "Ab1@xyz"; }), "password"},
      {"seven Vietnamese letters", with([](UserInput& i) { i.password = "Mậtkhẩu"; }), "password"},
      {"only digits", with([](UserInput& i) { i.password = "0123456789"; }), "password"},
      {"password too long", with([](UserInput& i) { i.password = std::string(201, 'a'); }),
       "password"},
      {"no roles", with([](UserInput& i) { i.roles.reset(); }), "roles"},
      {"empty roles", with([](UserInput& i) { i.roles = std::vector<RoleGrant>{}; }), "roles"},
      {"officer without unit", with([](UserInput& i) {
         i.roles = std::vector<RoleGrant>{{Role::kOfficer, std::nullopt}};
       }),
       "roles"},
      {"office without unit", with([](UserInput& i) {
         i.roles = std::vector<RoleGrant>{{Role::kOffice, std::nullopt}};
       }),
       "roles"},
      {"unknown unit", with([](UserInput& i) {
         i.roles = std::vector<RoleGrant>{{Role::kOfficer, 98765}};
       }),
       "roles"},
      {"ended unit", with([&](UserInput& i) {
         i.roles = std::vector<RoleGrant>{{Role::kOfficer, ended_}};
       }),
       "roles"},
      {"one good role, one bad", with([&](UserInput& i) {
         i.roles = std::vector<RoleGrant>{{Role::kOfficer, stc_}, {Role::kViewer, std::nullopt}};
       }),
       "roles"},
  };
  const int64_t users = Scalar("SELECT COUNT(*) FROM users");
  const int64_t audit = Scalar("SELECT COUNT(*) FROM audit_log");
  for (const auto& c : cases) {
    auto u = svc().Create(&admin_, c.in);
    ASSERT_FALSE(u.ok()) << c.what;
    EXPECT_EQ(u.status().code(), StatusCode::kInvalidInput) << c.what;
    EXPECT_EQ(u.status().field(), c.field) << c.what << ": " << u.status().message();
    EXPECT_FALSE(u.status().message().empty());
  }
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM users"), users);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM user_roles WHERE user_id <> ?", {admin_.user_id}), 0);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log"), audit);
}

TEST_P(UserServiceTest, CreateAcceptsWhatTheRulesAllow) {
  struct Case {
    const char* username;
    const char* password;
  } cases[] = {
      {"abc", "12345678a"},
      {"nguyen_van-b.2", "mật khẩu"},  // eight letters, spaces allowed
      {"a.b", "Mậtkhẩu!"},
      {"x23456789012345678901234567890123456789012345678c", "........"},
  };
  for (const auto& c : cases) {
    UserInput in = Input(c.username, "Người dùng", {{Role::kViewer, city_}});
    in.password = c.password;
    in.email.reset();  // e-mail is optional
    auto u = svc().Create(&admin_, in);
    EXPECT_TRUE(u.ok()) << c.username << ": " << u.status().ToString();
  }
  // A long Vietnamese passphrase: 150 letters are 450 bytes.
  UserInput long_pass = Input("passphrase", "Người dùng", {{Role::kViewer, city_}});
  std::string phrase;
  for (int i = 0; i < 150; ++i) phrase += "ệ";
  long_pass.password = phrase;
  auto lp = svc().Create(&admin_, long_pass);
  ASSERT_TRUE(lp.ok()) << lp.status().ToString();
  EXPECT_TRUE(app().auth().Login("passphrase", phrase, "192.0.2.1").ok());
  // An admin needs no unit.
  auto second_admin =
      svc().Create(&admin_, Input("admin2", "Quản trị 2", {{Role::kAdmin, std::nullopt}}));
  EXPECT_TRUE(second_admin.ok()) << second_admin.status().ToString();
}

TEST_P(UserServiceTest, UsernamesAreUnique) {
  MakeUser("nguyen.van.a", "Nguyễn Văn A", Role::kOfficer, stc_);
  const int64_t audit = Scalar("SELECT COUNT(*) FROM audit_log");
  auto again = svc().Create(&admin_, Input("nguyen.van.a", "Người khác", {{Role::kViewer, sxd_}}));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kUniqueViolation);
  EXPECT_EQ(again.status().field(), "username");
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM users WHERE username = 'nguyen.van.a'"), 1);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log"), audit);
}

TEST_P(UserServiceTest, OnlyTheAdminWritesUsers) {
  const int64_t office = MakeUser("vanphong", "Văn phòng", Role::kOffice, city_);
  const int64_t officer = MakeUser("canbo", "Cán bộ", Role::kOfficer, stc_);
  const Principal office_p = As(office), officer_p = As(officer);
  EXPECT_EQ(svc().Create(&office_p, Input("moi", "Mới", {{Role::kViewer, stc_}})).status().code(),
            StatusCode::kForbidden);
  EXPECT_EQ(svc().Update(office_p, officer, {.full_name = "Đổi tên"}).status().code(),
            StatusCode::kForbidden);
  // A user may read himself but not change himself (only the admin writes accounts).
  EXPECT_TRUE(svc().Get(officer_p, officer).ok());
  EXPECT_EQ(svc().Update(officer_p, officer, {.full_name = "Đổi tên"}).status().code(),
            StatusCode::kForbidden);
  EXPECT_EQ(svc().Get(admin_, officer)->full_name, "Cán bộ");
}

TEST_P(UserServiceTest, OfficeSeesOnlyUsersInItsScope) {
  const int64_t office = MakeUser("vanphong.stc", "Văn phòng Sở Tài chính", Role::kOffice, stc_);
  const int64_t a = MakeUser("canbo.stc", "Trần Thị Bình", Role::kOfficer, stc_);
  const int64_t b = MakeUser("canbo.vp", "Lê Văn Cường", Role::kOfficer, stc_office_);
  const int64_t c = MakeUser("canbo.sxd", "Phạm Văn Dũng", Role::kOfficer, sxd_);
  const int64_t leader = MakeUser("lanhdao", "Lãnh đạo Thành phố", Role::kLeader, city_);
  const Principal p = As(office);

  int64_t total = 0;
  auto list = svc().List(p, {}, &total);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(Usernames(list), (std::vector<std::string>{"canbo.stc", "canbo.vp", "vanphong.stc"}));
  EXPECT_EQ(total, 3);
  EXPECT_TRUE(svc().Get(p, a).ok());
  EXPECT_TRUE(svc().Get(p, b).ok());
  // Outside the scope a user does not exist: 404, not 403.
  for (int64_t id : {c, leader, admin_.user_id, int64_t{987654}}) {
    auto u = svc().Get(p, id);
    ASSERT_FALSE(u.ok()) << id;
    EXPECT_EQ(u.status().code(), StatusCode::kNotFound);
  }
  // Filters cannot widen the scope.
  UserFilter other;
  other.unit_id = sxd_;
  EXPECT_TRUE(svc().List(p, other, &total)->empty());
  EXPECT_EQ(total, 0);

  // The admin sees everyone.
  auto all = svc().List(admin_, {}, &total);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(total, 6);

  // A role without users.read sees no list, and only himself by id.
  const Principal officer = As(a);
  EXPECT_EQ(svc().List(officer, {}, &total).status().code(), StatusCode::kForbidden);
  EXPECT_TRUE(svc().Get(officer, a).ok());
  EXPECT_EQ(svc().Get(officer, b).status().code(), StatusCode::kNotFound);
  // An office scoped to a unit cannot update users either (users.write is the admin's).
  EXPECT_EQ(svc().Update(p, c, {.full_name = "X"}).status().code(), StatusCode::kNotFound);
}

TEST_P(UserServiceTest, ListFiltersAndPages) {
  MakeUser("tran.thi.binh", "Trần Thị Bình", Role::kOfficer, stc_);
  MakeUser("le_van_cuong", "Lê Văn Cường", Role::kOffice, sxd_);
  MakeUser("pham.dung", "Phạm Văn Dũng", Role::kOfficer, sxd_);
  int64_t total = 0;
  UserFilter f;
  f.q = "tran thi";  // folded, as the route passes it
  EXPECT_EQ(Usernames(svc().List(admin_, f, &total)), (std::vector<std::string>{"tran.thi.binh"}));
  f.q = "van";
  EXPECT_EQ(Usernames(svc().List(admin_, f, &total)),
            (std::vector<std::string>{"le_van_cuong", "pham.dung"}));
  // LIKE wildcards in the query are plain characters.
  f.q = "_";
  EXPECT_EQ(Usernames(svc().List(admin_, f, &total)), (std::vector<std::string>{"le_van_cuong"}));
  f.q = "%";
  EXPECT_TRUE(svc().List(admin_, f, &total)->empty());
  f = {};
  f.role = "officer";
  EXPECT_EQ(Usernames(svc().List(admin_, f, &total)),
            (std::vector<std::string>{"pham.dung", "tran.thi.binh"}));
  f = {};
  f.unit_id = sxd_;
  EXPECT_EQ(Usernames(svc().List(admin_, f, &total)),
            (std::vector<std::string>{"le_van_cuong", "pham.dung"}));
  f = {};
  f.limit = 2;
  f.offset = 1;
  auto page = svc().List(admin_, f, &total);
  EXPECT_EQ(total, 4);
  EXPECT_EQ(Usernames(page), (std::vector<std::string>{"le_van_cuong", "pham.dung"}));
}

TEST_P(UserServiceTest, UpdateChangesAndAudits) {
  const int64_t id = MakeUser("canbo", "Cán bộ", Role::kOfficer, stc_);
  auto u = svc().Update(admin_, id,
                        {.full_name = "Nguyễn Thị Cán Bộ",
                         .email = "canbo@minhan.gov.vn",
                         .roles = std::vector<RoleGrant>{{Role::kLeader, sxd_}}});
  ASSERT_TRUE(u.ok()) << u.status().ToString();
  auto got = svc().Get(admin_, id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->full_name, "Nguyễn Thị Cán Bộ");
  EXPECT_EQ(got->email, "canbo@minhan.gov.vn");
  ASSERT_EQ(got->roles.size(), 1u);
  EXPECT_EQ(got->roles[0].role, Role::kLeader);
  EXPECT_EQ(got->roles[0].unit_id, sxd_);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM user_roles WHERE user_id = ?", {id}), 1);
  EXPECT_EQ(
      Scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'user.update' AND entity_id = ?", {id}),
      1);
  // Sending the same username is not a change.
  EXPECT_TRUE(svc().Update(admin_, id, {.username = "canbo"}).ok());
  // An empty e-mail clears it.
  auto cleared = svc().Update(admin_, id, {.email = ""});
  ASSERT_TRUE(cleared.ok()) << cleared.status().ToString();
  EXPECT_EQ(svc().Get(admin_, id)->email, "");
}

TEST_P(UserServiceTest, UpdateRefusesBadInput) {
  const int64_t id = MakeUser("canbo", "Cán bộ", Role::kOfficer, stc_);
  struct Case {
    const char* what;
    UserInput in;
    StatusCode code;
    const char* field;
  } cases[] = {
      {"rename the login", {.username = "canbo2"}, StatusCode::kInvalidInput, "username"},
      {"empty full name", {.full_name = ""}, StatusCode::kInvalidInput, "full_name"},
      {"e-mail without @", {.email = "canbo.minhan.gov.vn"}, StatusCode::kInvalidInput, "email"},
      {"short password", {.password = "1234567"}, StatusCode::kInvalidInput, "password"},
      {"digits only", {.password = "12345678"}, StatusCode::kInvalidInput, "password"},
      {"no roles", {.roles = std::vector<RoleGrant>{}}, StatusCode::kInvalidInput, "roles"},
      {"role on an ended unit",
       {.roles = std::vector<RoleGrant>{{Role::kOfficer, ended_}}},
       StatusCode::kInvalidInput,
       "roles"},
  };
  const int64_t audit = Scalar("SELECT COUNT(*) FROM audit_log");
  for (const auto& c : cases) {
    auto u = svc().Update(admin_, id, c.in);
    ASSERT_FALSE(u.ok()) << c.what;
    EXPECT_EQ(u.status().code(), c.code) << c.what;
    EXPECT_EQ(u.status().field(), c.field) << c.what << ": " << u.status().message();
  }
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log"), audit);
  auto got = svc().Get(admin_, id);
  EXPECT_EQ(got->full_name, "Cán bộ");
  EXPECT_EQ(got->email, "canbo@minhan.gov.vn");
  EXPECT_EQ(got->roles[0].unit_id, stc_);
  EXPECT_EQ(svc().Update(admin_, 987654, {.full_name = "X"}).status().code(),
            StatusCode::kNotFound);
}

TEST_P(UserServiceTest, TheAdminCannotDisableHimself) {
  auto self = svc().Update(admin_, admin_.user_id, {.active = false});
  ASSERT_FALSE(self.ok());
  EXPECT_EQ(self.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(self.status().field(), "active");
  EXPECT_TRUE(svc().Get(admin_, admin_.user_id)->active);
  // Another admin can.
  const int64_t other = MakeUser("admin2", "Quản trị 2", Role::kAdmin, std::nullopt);
  const Principal other_p = As(other);
  auto off = svc().Update(other_p, admin_.user_id, {.active = false});
  ASSERT_TRUE(off.ok()) << off.status().ToString();
  EXPECT_FALSE(svc().Get(other_p, admin_.user_id)->active);
}

TEST_P(UserServiceTest, ChangingThePasswordEndsTheUsersSessions) {
  const int64_t id = MakeUser("canbo", "Cán bộ", Role::kOfficer, stc_);
  auto s1 = app().auth().Login("canbo", kPassword, "192.0.2.1");
  auto s2 = app().auth().Login("canbo", kPassword, "192.0.2.2");
  ASSERT_TRUE(s1.ok() && s2.ok());
  auto admin_session = app().auth().Login("admin", kPassword, "192.0.2.3");
  ASSERT_TRUE(admin_session.ok());

  auto changed = svc().Update(admin_, id, {.password = "Mat-khau-moi@2026"});
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  EXPECT_FALSE(app().auth().FromSession(s1->session_token).ok());
  EXPECT_FALSE(app().auth().FromSession(s2->session_token).ok());
  EXPECT_TRUE(app().auth().FromSession(admin_session->session_token).ok());
  EXPECT_EQ(app().auth().Login("canbo", kPassword, "192.0.2.1").status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_TRUE(app().auth().Login("canbo", "Mat-khau-moi@2026", "192.0.2.1").ok());
  // The audit entry says the password changed, never what to.
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'user.update' AND "
                   "after_json LIKE '%password_changed%'"),
            1);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE after_json LIKE '%moi@2026%'"), 0);
  // A change that does not touch the password leaves sessions alone.
  auto s3 = app().auth().Login("canbo", "Mat-khau-moi@2026", "192.0.2.1");
  ASSERT_TRUE(s3.ok());
  ASSERT_TRUE(svc().Update(admin_, id, {.full_name = "Cán bộ Sở"}).ok());
  EXPECT_TRUE(app().auth().FromSession(s3->session_token).ok());
}

TEST_P(UserServiceTest, ChangingOnesOwnPasswordEndsOnlyOnesOtherSessions) {
  auto here = app().auth().Login("admin", kPassword, "192.0.2.1");
  auto elsewhere = app().auth().Login("admin", kPassword, "192.0.2.2");
  ASSERT_TRUE(here.ok() && elsewhere.ok());
  auto who = app().auth().FromSession(here->session_token);
  ASSERT_TRUE(who.ok()) << who.status().ToString();

  auto changed = svc().Update(*who, admin_.user_id, {.password = "Mat-khau-moi@2026"});
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  EXPECT_TRUE(app().auth().FromSession(here->session_token).ok()) << "the session that set it";
  EXPECT_FALSE(app().auth().FromSession(elsewhere->session_token).ok()) << "any other session";

  // Set without a session (an API token): no session of the user is kept.
  auto later = app().auth().Login("admin", "Mat-khau-moi@2026", "192.0.2.1");
  ASSERT_TRUE(later.ok());
  ASSERT_TRUE(svc().Update(admin_, admin_.user_id, {.password = "Mat-khau-ba@2026"}).ok());
  EXPECT_FALSE(app().auth().FromSession(here->session_token).ok());
  EXPECT_FALSE(app().auth().FromSession(later->session_token).ok());
}

TEST_P(UserServiceTest, TheLastActiveAdminStays) {
  const std::vector<RoleGrant> viewer = {{Role::kViewer, city_}};
  const int64_t other = MakeUser("admin2", "Quản trị 2", Role::kAdmin, std::nullopt);
  ASSERT_TRUE(svc().Update(admin_, other, {.active = false}).ok());
  struct Case {
    UserInput change;
    const char* field;
    const char* why;
  };
  const std::vector<Case> cases = {
      {{.roles = viewer}, "roles", "the only active admin drops the role (admin2 is disabled)"},
      {{.roles = std::vector<RoleGrant>{{Role::kViewer, city_}, {Role::kOffice, stc_}}},
       "roles",
       "several roles, none of them admin"},
      {{.full_name = "Tên mới", .roles = viewer}, "roles", "nothing of the change is kept"},
  };
  for (const Case& c : cases) {
    auto r = svc().Update(admin_, admin_.user_id, c.change);
    ASSERT_FALSE(r.ok()) << c.why;
    EXPECT_EQ(r.status().code(), StatusCode::kConflict) << c.why;
    EXPECT_EQ(r.status().error_code(), "last_admin") << c.why;
    EXPECT_EQ(r.status().field(), c.field) << c.why;
    EXPECT_NE(r.status().message().find("quản trị hệ thống cuối cùng"), std::string::npos);
    auto now = svc().Get(admin_, admin_.user_id);
    EXPECT_EQ(now->roles[0].role, Role::kAdmin) << c.why;
    EXPECT_EQ(now->full_name, "Quản trị hệ thống") << c.why;
  }
  // With a second active admin the role can go; then that one is the last.
  ASSERT_TRUE(svc().Update(admin_, other, {.active = true}).ok());
  auto dropped = svc().Update(admin_, admin_.user_id, {.roles = viewer});
  ASSERT_TRUE(dropped.ok()) << dropped.status().ToString();
  const Principal second = As(other);
  auto last = svc().Update(second, other, {.roles = viewer});
  EXPECT_EQ(last.status().error_code(), "last_admin");
  EXPECT_EQ(last.status().field(), "roles");
  // Changes that keep an admin are not held up by the check.
  EXPECT_TRUE(svc().Update(second, other, {.full_name = "Quản trị Hai", .active = true}).ok());
  EXPECT_TRUE(svc().Update(second, admin_.user_id, {.active = false}).ok());
}

TEST_P(UserServiceTest, TheLastAdminCannotBeDisabledByAnother) {
  const int64_t other = MakeUser("admin2", "Quản trị 2", Role::kAdmin, std::nullopt);
  // admin2 loses its role, yet still acts with the grants it signed in with.
  const Principal stale = As(other);
  ASSERT_TRUE(
      svc().Update(admin_, other, {.roles = std::vector<RoleGrant>{{Role::kViewer, city_}}}).ok());
  auto r = svc().Update(stale, admin_.user_id, {.active = false});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kConflict);
  EXPECT_EQ(r.status().field(), "active");
  EXPECT_TRUE(svc().Get(admin_, admin_.user_id)->active);
}

TEST_P(UserServiceTest, TwoAdminsDroppingTheirRolesAtOnceLeaveOne) {
  const int64_t other = MakeUser("admin2", "Quản trị 2", Role::kAdmin, std::nullopt);
  const Principal second = As(other);
  const std::vector<RoleGrant> viewer = {{Role::kViewer, city_}};
  for (int round = 0; round < 5; ++round) {
    Status a, b;
    std::thread ta([&] { a = svc().Update(admin_, admin_.user_id, {.roles = viewer}).status(); });
    std::thread tb([&] { b = svc().Update(second, other, {.roles = viewer}).status(); });
    ta.join();
    tb.join();
    EXPECT_NE(a.ok(), b.ok()) << "round " << round << ": " << a.ToString() << " / " << b.ToString();
    EXPECT_EQ(Scalar("SELECT COUNT(*) FROM user_roles WHERE role = 'admin'"), 1);
    // Give the role back to whoever lost it, for the next round.
    const int64_t lost = a.ok() ? admin_.user_id : other;
    const std::vector<RoleGrant> admin = {{Role::kAdmin, std::nullopt}};
    ASSERT_TRUE(svc().Update(a.ok() ? second : admin_, lost, {.roles = admin}).ok());
  }
}

TEST_P(UserServiceTest, RolesFollowARestructuredUnit) {
  const int64_t id = MakeUser("canbo.sxd", "Cán bộ", Role::kOfficer, sxd_);
  const int64_t kept = MakeUser("canbo.stc", "Cán bộ", Role::kOfficer, stc_);
  units::RestructureRequest merge{"merge", D("2026-01-01"), {sxd_}, {stc_}, {}, ""};
  auto out = app().units().Restructure(&admin_, merge);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->moved["roles"], 1);
  EXPECT_EQ(svc().Get(admin_, id)->roles[0].unit_id, stc_);
  EXPECT_EQ(svc().Get(admin_, kept)->roles[0].unit_id, stc_);
  // A role can no longer be granted on the ended unit.
  auto late = svc().Create(&admin_, Input("moi", "Mới", {{Role::kViewer, sxd_}}));
  EXPECT_EQ(late.status().field(), "roles");
}

INSTANTIATE_BOTH(UserServiceTest);

}  // namespace
}  // namespace dh::users
