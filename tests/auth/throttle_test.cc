#include "auth/throttle.h"

#include <gtest/gtest.h>

namespace dh::auth {
namespace {

using std::chrono::seconds;

class ThrottleTest : public ::testing::Test {
 protected:
  FakeClock clock_{std::chrono::system_clock::time_point(seconds(1768442400))};
  LoginThrottle throttle_{clock_};

  void Fail(const std::string& user, const std::string& addr, int times = 1) {
    for (int i = 0; i < times; ++i) throttle_.RecordFailure(user, addr);
  }
};

TEST_F(ThrottleTest, FiveFailuresLockTheAccount) {
  EXPECT_EQ(throttle_.RetryAfter("admin", "10.0.0.1"), 0);
  Fail("admin", "10.0.0.1", 4);
  EXPECT_EQ(throttle_.RetryAfter("admin", "10.0.0.1"), 0);  // a fifth try is allowed
  Fail("admin", "10.0.0.1");
  EXPECT_EQ(throttle_.RetryAfter("admin", "10.0.0.1"), 15 * 60);
  // From another address too: the account is what is locked.
  EXPECT_EQ(throttle_.RetryAfter("admin", "10.0.0.2"), 15 * 60);
  // Other accounts are not.
  EXPECT_EQ(throttle_.RetryAfter("vanphong", "10.0.0.2"), 0);
}

TEST_F(ThrottleTest, TheLockEndsWhenTheWindowPasses) {
  Fail("admin", "a", 5);
  clock_.Advance(seconds(60));
  EXPECT_EQ(throttle_.RetryAfter("admin", "a"), 14 * 60);
  clock_.Advance(seconds(14 * 60 - 1));
  EXPECT_EQ(throttle_.RetryAfter("admin", "a"), 1);
  clock_.Advance(seconds(1));
  EXPECT_EQ(throttle_.RetryAfter("admin", "a"), 0);
}

TEST_F(ThrottleTest, SpreadFailuresCountOnlyWithinTheWindow) {
  // One failure every five minutes: at most three in any 15-minute window.
  for (int i = 0; i < 10; ++i) {
    Fail("admin", "a");
    EXPECT_EQ(throttle_.RetryAfter("admin", "a"), 0) << i;
    clock_.Advance(seconds(5 * 60));
  }
}

TEST_F(ThrottleTest, WaitFollowsTheOldestFailureThatStillCounts) {
  Fail("admin", "a", 3);
  clock_.Advance(seconds(600));
  Fail("admin", "a", 2);  // five in the window: locked until the first three leave it
  EXPECT_EQ(throttle_.RetryAfter("admin", "a"), 300);
  clock_.Advance(seconds(300));
  EXPECT_EQ(throttle_.RetryAfter("admin", "a"), 0);
  Fail("admin", "a", 3);  // the two from t=600 and three now
  EXPECT_EQ(throttle_.RetryAfter("admin", "a"), 600);
}

TEST_F(ThrottleTest, SuccessResetsTheAccount) {
  Fail("admin", "a", 4);
  throttle_.RecordSuccess("admin");
  Fail("admin", "a", 4);
  EXPECT_EQ(throttle_.RetryAfter("admin", "a"), 0);
  Fail("admin", "a");
  EXPECT_GT(throttle_.RetryAfter("admin", "a"), 0);
}

TEST_F(ThrottleTest, OneAddressTryingManyAccountsIsLimited) {
  // Password spraying: one guess per account, many accounts, from one address.
  for (int i = 0; i < 19; ++i) Fail("user" + std::to_string(i), "203.0.113.9");
  EXPECT_EQ(throttle_.RetryAfter("someone", "203.0.113.9"), 0);
  Fail("user19", "203.0.113.9");
  EXPECT_EQ(throttle_.RetryAfter("someone", "203.0.113.9"), 15 * 60);
  EXPECT_EQ(throttle_.RetryAfter("admin", "203.0.113.9"), 15 * 60);
  // Other addresses are not affected, nor is the address's count reset by a success.
  EXPECT_EQ(throttle_.RetryAfter("someone", "198.51.100.1"), 0);
  throttle_.RecordSuccess("someone");
  EXPECT_EQ(throttle_.RetryAfter("someone", "203.0.113.9"), 15 * 60);
  clock_.Advance(seconds(15 * 60));
  EXPECT_EQ(throttle_.RetryAfter("someone", "203.0.113.9"), 0);
}

TEST_F(ThrottleTest, LimitsCanBeSet) {
  LoginThrottle strict(clock_, {.per_account = 2, .per_address = 3, .window_seconds = 60});
  strict.RecordFailure("a", "x");
  EXPECT_EQ(strict.RetryAfter("a", "x"), 0);
  strict.RecordFailure("a", "x");
  EXPECT_EQ(strict.RetryAfter("a", "x"), 60);
  strict.RecordFailure("b", "x");
  EXPECT_EQ(strict.RetryAfter("c", "x"), 60);
  clock_.Advance(seconds(60));
  EXPECT_EQ(strict.RetryAfter("a", "x"), 0);
}

TEST_F(ThrottleTest, ManyMadeUpUsernamesDoNotBreakIt) {
  // Far more distinct usernames than the throttle keeps; old ones are forgotten once out of
  // the window, recent ones still count.
  for (int i = 0; i < 100050; ++i) {
    if (i == 100000) clock_.Advance(seconds(16 * 60));
    throttle_.RecordFailure("u" + std::to_string(i), "10.1." + std::to_string(i % 250));
  }
  throttle_.RecordFailure("target", "10.9.9.9");
  EXPECT_EQ(throttle_.RetryAfter("target", "10.9.9.9"), 0);
  Fail("target", "10.9.9.9", 4);
  EXPECT_EQ(throttle_.RetryAfter("target", "10.9.9.9"), 15 * 60);
}

}  // namespace
}  // namespace dh::auth
