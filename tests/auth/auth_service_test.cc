// Signing in on both databases: sessions, throttling, API tokens, disabled users.
#include "auth/auth_service.h"

#include <gtest/gtest.h>

#include "auth/password.h"
#include "support/test_db.h"

namespace dh::auth {
namespace {

using std::chrono::hours;
using std::chrono::seconds;
using testing::BothDatabases;

constexpr const char* kPassword = "Mat-khau@2026";

class AuthServiceTest : public BothDatabases {
 protected:
  void SetUp() override {
    BothDatabases::SetUp();
    if (HasFatalFailure()) return;
    auto city = app().units().Create(nullptr, {.code = "MA",
                                               .name = "Thành phố Minh An",
                                               .kind = "city",
                                               .valid_from = Date::FromDays(0)});
    ASSERT_TRUE(city.ok()) << city.status().ToString();
    city_ = city->unit.id;
    auto admin = app().users().Create(
        nullptr, {.username = "admin",
                  .full_name = "Quản trị",
                  .password = kPassword,
                  .roles = std::vector<RoleGrant>{{Role::kAdmin, std::nullopt}}});
    ASSERT_TRUE(admin.ok()) << admin.status().ToString();
    admin_ = {admin->id, "admin", "Quản trị", admin->roles};
    auto user =
        app().users().Create(nullptr, {.username = "canbo.stc",
                                       .full_name = "Trần Thị Bình",
                                       .password = kPassword,
                                       .roles = std::vector<RoleGrant>{{Role::kOfficer, city_}}});
    ASSERT_TRUE(user.ok()) << user.status().ToString();
    user_id_ = user->id;
  }

  AuthService& auth() { return app().auth(); }
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
  LoginResult LoginOk(const std::string& username = "canbo.stc") {
    auto r = auth().Login(username, kPassword, "192.0.2.10");
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : LoginResult{};
  }

  int64_t city_ = 0, user_id_ = 0;
  Principal admin_;
};

TEST_P(AuthServiceTest, LoginGivesASessionThatResolvesToTheUser) {
  const int64_t now = clock().NowSeconds();
  LoginResult r = LoginOk();
  EXPECT_EQ(r.session_token.size(), 64u);
  EXPECT_EQ(r.csrf_token.size(), 64u);
  EXPECT_NE(r.session_token, r.csrf_token);
  EXPECT_EQ(r.expires_at, now + 12 * 3600);
  EXPECT_EQ(r.max_age, 12 * 3600);
  EXPECT_EQ(r.user.id, user_id_);
  EXPECT_EQ(r.user.username, "canbo.stc");

  auto p = auth().FromSession(r.session_token);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->user_id, user_id_);
  EXPECT_EQ(p->username, "canbo.stc");
  EXPECT_EQ(p->full_name, "Trần Thị Bình");
  EXPECT_TRUE(p->via_cookie);
  EXPECT_EQ(p->csrf_token, r.csrf_token);
  ASSERT_EQ(p->grants.size(), 1u);
  EXPECT_EQ(p->grants[0].role, Role::kOfficer);
  EXPECT_EQ(p->grants[0].unit_id, city_);

  // The database keeps only the hash: a copy of it does not let anyone in.
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM sessions WHERE token_hash = ?", {r.session_token}), 0);
  EXPECT_EQ(
      Scalar("SELECT COUNT(*) FROM sessions WHERE token_hash = ?", {Sha256Hex(r.session_token)}),
      1);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'session.login' AND user_id = ?",
                   {user_id_}),
            1);
  // A second login is a second session.
  LoginResult again = LoginOk();
  EXPECT_NE(again.session_token, r.session_token);
  EXPECT_TRUE(auth().FromSession(r.session_token).ok());
  EXPECT_TRUE(auth().FromSession(again.session_token).ok());
}

TEST_P(AuthServiceTest, LogoutEndsOnlyThatSession) {
  LoginResult a = LoginOk(), b = LoginOk();
  auto p = auth().FromSession(a.session_token);
  ASSERT_TRUE(p.ok());
  ASSERT_TRUE(auth().Logout(*p).ok());
  auto gone = auth().FromSession(a.session_token);
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.status().code(), StatusCode::kUnauthenticated);
  EXPECT_TRUE(auth().FromSession(b.session_token).ok());
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'session.logout'"), 1);
  // Logging out twice, or without a session (an API token), is harmless.
  EXPECT_TRUE(auth().Logout(*p).ok());
  Principal by_token{user_id_, "canbo.stc", "", {}};
  EXPECT_TRUE(auth().Logout(by_token).ok());
}

TEST_P(AuthServiceTest, WrongCredentialsLookAlike) {
  struct Case {
    const char* username;
    const char* password;
  } cases[] = {
      {"canbo.stc", "wrong-password"},
      {"canbo.stc", ""},
      {"canbo.stc", "mat-khau@2026"},
      {"CANBO.STC", kPassword},  // usernames are lower case
      {"canbo.stc ", kPassword},
      {"nobody", kPassword},
      {"", ""},
      {"canbo.stc' OR '1'='1", kPassword},
  };
  std::string message;
  int n = 0;
  for (const auto& c : cases) {
    auto r = auth().Login(c.username, c.password, "198.51.100." + std::to_string(++n));
    ASSERT_FALSE(r.ok()) << c.username;
    EXPECT_EQ(r.status().code(), StatusCode::kUnauthenticated);
    EXPECT_EQ(r.status().error_code(), "invalid_credentials");
    if (message.empty()) message = r.status().message();
    EXPECT_EQ(r.status().message(), message) << "the message must not tell which part was wrong";
  }
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM sessions"), 0);
}

TEST_P(AuthServiceTest, FiveFailuresLockTheAccountUntilTheWindowPasses) {
  for (int i = 0; i < 5; ++i) {
    auto r = auth().Login("canbo.stc", "sai-mat-khau", "192.0.2.10");
    EXPECT_EQ(r.status().code(), StatusCode::kUnauthenticated) << i;
  }
  // Now even the right password is refused, from any address.
  auto locked = auth().Login("canbo.stc", kPassword, "192.0.2.99");
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.status().code(), StatusCode::kTooManyRequests);
  EXPECT_EQ(locked.status().error_code(), "too_many_attempts");
  EXPECT_EQ(locked.status().retry_after(), 15 * 60);
  // Others can still sign in.
  LoginOk("admin");
  clock().Advance(seconds(15 * 60 - 1));
  EXPECT_EQ(auth().Login("canbo.stc", kPassword, "192.0.2.10").status().retry_after(), 1);
  clock().Advance(seconds(1));
  LoginResult ok = LoginOk();
  EXPECT_FALSE(ok.session_token.empty());
  // The success wiped the slate: four more failures do not lock.
  for (int i = 0; i < 4; ++i) (void)auth().Login("canbo.stc", "sai", "192.0.2.10");
  LoginOk();
}

TEST_P(AuthServiceTest, SessionsExpireAfterTwelveHours) {
  LoginResult r = LoginOk();
  clock().Advance(hours(12) - seconds(1));
  EXPECT_TRUE(auth().FromSession(r.session_token).ok());
  clock().Advance(seconds(1));
  auto expired = auth().FromSession(r.session_token);
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.status().code(), StatusCode::kUnauthenticated);
  // The next login sweeps expired sessions away.
  clock().Advance(seconds(1));
  LoginOk("admin");
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM sessions WHERE user_id = ?", {user_id_}), 0);
}

TEST_P(AuthServiceTest, MadeUpSessionTokensAreRefused) {
  LoginResult r = LoginOk();
  std::string flipped = r.session_token;
  flipped[0] = flipped[0] == 'a' ? 'b' : 'a';
  for (const std::string& bad :
       {std::string(), std::string("x"), std::string(64, '0'), flipped, r.session_token + "0",
        r.session_token.substr(1), Sha256Hex(r.session_token), r.csrf_token}) {
    auto p = auth().FromSession(bad);
    ASSERT_FALSE(p.ok()) << bad;
    EXPECT_EQ(p.status().code(), StatusCode::kUnauthenticated);
  }
  // A session token is not an API token.
  EXPECT_FALSE(auth().FromApiToken(r.session_token).ok());
}

TEST_P(AuthServiceTest, RolesAreReadAtEachRequest) {
  LoginResult r = LoginOk();
  auto changed = app().users().Update(admin_, user_id_,
                                      {.roles = std::vector<RoleGrant>{{Role::kLeader, city_}}});
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  auto p = auth().FromSession(r.session_token);
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->grants.size(), 1u);
  EXPECT_EQ(p->grants[0].role, Role::kLeader);
}

TEST_P(AuthServiceTest, ApiTokensWorkUntilRevoked) {
  auto me = auth().FromSession(LoginOk().session_token);
  ASSERT_TRUE(me.ok());
  auto t = auth().CreateToken(*me, "Đồng bộ Kho bạc", 30);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->secret.size(), 64u);
  EXPECT_GT(t->token.id, 0);
  EXPECT_EQ(t->token.name, "Đồng bộ Kho bạc");
  EXPECT_EQ(t->token.expires_at, clock().NowSeconds() + 30 * 86400);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM api_tokens WHERE token_hash = ?", {t->secret}), 0);

  auto p = auth().FromApiToken(t->secret);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->user_id, user_id_);
  EXPECT_FALSE(p->via_cookie);  // no CSRF header needed
  EXPECT_TRUE(p->session_hash.empty());

  auto list = auth().Tokens(*me);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].name, "Đồng bộ Kho bạc");
  EXPECT_FALSE((*list)[0].revoked_at.has_value());
  // Someone else's tokens are not listed and cannot be revoked: they do not exist for him.
  EXPECT_TRUE(auth().Tokens(admin_)->empty());
  EXPECT_EQ(auth().RevokeToken(admin_, t->token.id).code(), StatusCode::kNotFound);
  EXPECT_TRUE(auth().FromApiToken(t->secret).ok());

  ASSERT_TRUE(auth().RevokeToken(*me, t->token.id).ok());
  auto revoked = auth().FromApiToken(t->secret);
  ASSERT_FALSE(revoked.ok());
  EXPECT_EQ(revoked.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(revoked.status().error_code(), "invalid_token");
  EXPECT_EQ(auth().RevokeToken(*me, t->token.id).code(), StatusCode::kNotFound);
  EXPECT_EQ(auth().RevokeToken(*me, 987654).code(), StatusCode::kNotFound);
  list = auth().Tokens(*me);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_TRUE((*list)[0].revoked_at.has_value());
  EXPECT_EQ(
      Scalar("SELECT COUNT(*) FROM audit_log WHERE action IN ('token.create', 'token.revoke')"), 2);
}

TEST_P(AuthServiceTest, ApiTokensExpire) {
  auto t = auth().CreateToken(admin_, "Tích hợp", 1);
  ASSERT_TRUE(t.ok());
  clock().Advance(hours(24) - seconds(1));
  EXPECT_TRUE(auth().FromApiToken(t->secret).ok());
  clock().Advance(seconds(1));
  auto expired = auth().FromApiToken(t->secret);
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.status().error_code(), "invalid_token");
  for (const std::string& bad :
       {std::string(), std::string(64, 'f'), std::string("Bearer ") + t->secret})
    EXPECT_EQ(auth().FromApiToken(bad).status().code(), StatusCode::kUnauthenticated);
}

TEST_P(AuthServiceTest, ApiTokenInputIsChecked) {
  struct Case {
    const char* name;
    int days;
    const char* field;
  } cases[] = {
      {"", 30, "name"},
      {"x", 0, "expires_in_days"},
      {"x", -1, "expires_in_days"},
      {"x", 367, "expires_in_days"},
  };
  for (const auto& c : cases) {
    auto t = auth().CreateToken(admin_, c.name, c.days);
    ASSERT_FALSE(t.ok()) << c.name << " " << c.days;
    EXPECT_EQ(t.status().code(), StatusCode::kInvalidInput);
    EXPECT_EQ(t.status().field(), c.field);
  }
  EXPECT_TRUE(auth().CreateToken(admin_, "x", 1).ok());
  EXPECT_TRUE(auth().CreateToken(admin_, "y", 366).ok());
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM api_tokens"), 2);
}

TEST_P(AuthServiceTest, ADisabledUserCannotAuthenticate) {
  LoginResult session = LoginOk();
  auto me = auth().FromSession(session.session_token);
  ASSERT_TRUE(me.ok());
  auto token = auth().CreateToken(*me, "Đồng bộ", 30);
  ASSERT_TRUE(token.ok());

  auto off = app().users().Update(admin_, user_id_, {.active = false});
  ASSERT_TRUE(off.ok()) << off.status().ToString();
  EXPECT_EQ(auth().FromSession(session.session_token).status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(auth().FromApiToken(token->secret).status().code(), StatusCode::kUnauthenticated);
  auto login = auth().Login("canbo.stc", kPassword, "192.0.2.10");
  ASSERT_FALSE(login.ok());
  EXPECT_EQ(login.status().error_code(), "invalid_credentials");
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM sessions WHERE user_id = ?", {user_id_}), 0);

  // Enabled again, the user signs in with a new session; the old one stays gone.
  ASSERT_TRUE(app().users().Update(admin_, user_id_, {.active = true}).ok());
  LoginOk();
  EXPECT_FALSE(auth().FromSession(session.session_token).ok());
}

INSTANTIATE_BOTH(AuthServiceTest);

}  // namespace
}  // namespace dh::auth
