#include "http/connection_limits.h"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

namespace dh::http {
namespace {

TEST(DefaultMaxConnections, LeavesAReserveOfDescriptors) {
  struct Case {
    int64_t fd_limit, expected;
    const char* why;
  };
  const std::vector<Case> cases = {
      {1024, 896, "an eighth kept back"},
      {256, 192, "at least 64 kept back"},
      {65536, 57344, "an eighth of a large limit"},
      {100, 36, "a small limit still keeps 64"},
      {64, 16, "never below 16, even if the limit is tiny"},
  };
  for (const Case& c : cases) EXPECT_EQ(DefaultMaxConnections(c.fd_limit), c.expected) << c.why;
}

TEST(AddressKey, CountsIpv6ByItsSlash64) {
  struct Case {
    const char* address;
    const char* key;
    const char* why;
  };
  const std::vector<Case> cases = {
      {"10.0.0.1", "10.0.0.1", "IPv4 as it is"},
      {"2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64", "IPv6 by its /64"},
      {"2001:db8:1:2:ffff::1", "2001:db8:1:2::/64", "another host of the same /64"},
      {"2001:db8:1:3::1", "2001:db8:1:3::/64", "the next /64 is another key"},
      {"::1", "::/64", "loopback"},
      {"", "", "no address (the peer had gone)"},
  };
  for (const Case& c : cases) EXPECT_EQ(AddressKey(c.address), c.key) << c.why;
}

TEST(ConnectionLimits, CapsEachAddressAndTheTotal) {
  ConnectionLimits limits(5, 3);
  struct Step {
    const char* address;
    bool admitted;
    const char* why;
  };
  const std::vector<Step> steps = {
      {"10.0.0.1", true, "first from .1"},
      {"10.0.0.1", true, "second from .1"},
      {"10.0.0.1", true, "third from .1"},
      {"10.0.0.1", false, "a fourth from .1 is over its cap"},
      {"10.0.0.2", true, "another address"},
      {"10.0.0.3", true, "the fifth in all"},
      {"10.0.0.4", false, "a sixth is over the total"},
  };
  for (const Step& s : steps) EXPECT_EQ(limits.Admit(s.address), s.admitted) << s.why;
  EXPECT_EQ(limits.open(), 5);
  EXPECT_EQ(limits.refused(), 2);
  limits.Release("10.0.0.1");
  EXPECT_TRUE(limits.Admit("10.0.0.4")) << "a closed connection makes room";
  EXPECT_FALSE(limits.Admit("10.0.0.1")) << "the total is full again";
  limits.Refuse();
  EXPECT_EQ(limits.refused(), 4);
}

TEST(ConnectionLimits, AProxyIsHeldOnlyToTheTotal) {
  ConnectionLimits limits(4, 1);
  EXPECT_TRUE(limits.Admit("10.0.0.9", false));
  EXPECT_TRUE(limits.Admit("10.0.0.9", false)) << "over the per-address cap, but a proxy";
  EXPECT_FALSE(limits.Admit("10.0.0.9")) << "the same address, capped";
  EXPECT_TRUE(limits.Admit("10.0.0.1"));
  EXPECT_TRUE(limits.Admit("10.0.0.9", false));
  EXPECT_FALSE(limits.Admit("10.0.0.9", false)) << "the total holds for a proxy too";
  EXPECT_EQ(limits.open(), 4);
}

TEST(Admission, ReleasesOnceWhenItGoesOutOfScope) {
  auto limits = std::make_shared<ConnectionLimits>(10, 1);
  ASSERT_TRUE(limits->Admit("a"));
  {
    Admission held(limits, "a");
    Admission moved(std::move(held));
    EXPECT_FALSE(limits->Admit("a"));
  }
  EXPECT_EQ(limits->open(), 0);
  EXPECT_TRUE(limits->Admit("a"));
}

TEST(Admission, KeepsTheLimitsAliveUntilItEnds) {
  auto limits = std::make_shared<ConnectionLimits>(10, 1);
  ASSERT_TRUE(limits->Admit("a"));
  Admission held(limits, "a");
  std::weak_ptr<ConnectionLimits> watch = limits;
  limits.reset();  // the server goes first
  EXPECT_FALSE(watch.expired());
}

}  // namespace
}  // namespace dh::http
