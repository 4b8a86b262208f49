// http::ParseTarget: the request target as the server decodes it (and as the fuzz targets
// http_request and static_files decode it, so that they try what the server would serve).
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "http/request.h"

namespace dh::http {
namespace {

struct TargetCase {
  const char* target;
  bool ok;
  std::string path;
  std::map<std::string, std::string> query;
};

class ParseTargetTest : public ::testing::TestWithParam<TargetCase> {};

INSTANTIATE_TEST_SUITE_P(
    Targets, ParseTargetTest,
    ::testing::Values(
        TargetCase{"/", true, "/", {}},
        TargetCase{"/api/v1/tasks?limit=20&q=gi%E1%BA%A3i+ng%C3%A2n",
                   true,
                   "/api/v1/tasks",
                   {{"limit", "20"}, {"q", "giải ngân"}}},
        TargetCase{"/a?x=1&x=2&flag", true, "/a", {{"x", "2"}, {"flag", ""}}},
        // Decoded: an encoded slash or dot is a slash or dot to whoever reads the path.
        TargetCase{"/%2F..%2Fdata/x%2e%2edb", true, "//../data/x..db", {}},
        TargetCase{"//etc/passwd", true, "//etc/passwd", {}},
        TargetCase{"/a%00b", true, std::string("/a\0b", 4), {}},
        // Not an origin-form target: an empty path, which the router answers with 400.
        TargetCase{"/a%zz", false, "", {}}, TargetCase{"*", false, "", {}},
        TargetCase{"http://example.com/a", false, "", {}}, TargetCase{"", false, "", {}}));

TEST_P(ParseTargetTest, PathAndQueryDecoded) {
  const TargetCase& c = GetParam();
  Request req;
  req.query["stale"] = "from an earlier target";
  EXPECT_EQ(ParseTarget(c.target, &req), c.ok) << c.target;
  EXPECT_EQ(req.path, c.path) << c.target;
  EXPECT_EQ(req.query, c.query) << c.target;
}

}  // namespace
}  // namespace dh::http
