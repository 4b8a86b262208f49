#include "http/static_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace dh::http {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

// A web root with an app, a secret beside it, and links that point in and out.
class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("dh-static-" + std::to_string(::getpid()));
    fs::remove_all(base_);
    root_ = base_ / "dist";
    Write(root_ / "index.html", "<html>app</html>");
    Write(root_ / "assets" / "app.js", "console.log(1)");
    Write(root_ / "assets" / "tên tệp.js", "vi");
    Write(base_ / "secret.db", "SECRET-DATABASE");
    Write(base_ / "dist-evil" / "x.js", "SECRET-SIBLING");
    fs::create_symlink(base_ / "secret.db", root_ / "assets" / "link-out.js");
    fs::create_directory_symlink(base_, root_ / "up");
    fs::create_symlink(root_ / "assets" / "app.js", root_ / "assets" / "link-in.js");
  }
  void TearDown() override { fs::remove_all(base_); }

  Response Get(const std::string& path) {
    StaticFiles files(root_.string());
    return files.Serve(Request{.method = "GET", .path = path});
  }

  fs::path base_, root_;
};

TEST_F(StaticFilesTest, ServesFilesInsideTheRootAndTheAppForOtherRoutes) {
  struct Case {
    std::string path;
    std::string body;
    const char* why;
  } cases[] = {
      {"/assets/app.js", "console.log(1)", "a file of the app"},
      {"/assets/tên tệp.js", "vi", "a Vietnamese name (decoded)"},
      {"/assets/link-in.js", "console.log(1)", "a link that stays inside the root"},
      {"/", "<html>app</html>", "the root is the app"},
      {"/tasks/12", "<html>app</html>", "an app route"},
      {"/tasks/", "<html>app</html>", "an app route with a trailing slash"},
      {"/etc/passwd", "<html>app</html>", "an absolute-looking app route stays in the root"},
  };
  for (const auto& c : cases) {
    const Response r = Get(c.path);
    EXPECT_EQ(r.status, 200) << c.why;
    EXPECT_EQ(r.body, c.body) << c.why;
  }
}

TEST_F(StaticFilesTest, RefusesEveryWayOutOfTheRoot) {
  const std::string up = "/" + std::string(200, 'x');
  struct Case {
    std::string path;
    const char* why;
  } cases[] = {
      {"//etc/passwd", "double slash: joined as an absolute path before"},
      {"/" + (base_ / "secret.db").string(), "an absolute path after the first slash"},
      {"//proc/self/environ", "the environment of the process"},
      {"/../secret.db", "dot dot"},
      {"/assets/../../secret.db", "dot dot inside"},
      {"/./index.html", "a dot segment"},
      {"/assets//app.js", "an empty segment"},
      {"/..\\secret.db", "backslash"},
      {"/assets\\..\\..\\secret.db", "backslashes"},
      {"/assets/link-out.js", "a link out of the root"},
      {"/up/secret.db", "a directory link out of the root"},
      {"/../dist-evil/x.js", "a sibling whose name starts like the root"},
      {std::string("/index.html\0.js", 15), "NUL"},
      {"/\xC0\xAE\xC0\xAE/secret.db", "overlong UTF-8 dots"},
      {"/\xE0\x80\xAE/x", "overlong three-byte dot"},
      {"/assets/\x01.js", "a control character"},
      {"C:/secret.db", "no leading slash"},
      {"/c:/secret.db", "a drive letter"},
  };
  for (const auto& c : cases) {
    const Response r = Get(c.path);
    EXPECT_EQ(r.status, 404) << c.why;
    EXPECT_EQ(r.body.find("SECRET"), std::string::npos) << c.why;
  }
}

TEST_F(StaticFilesTest, CachesOnlyUpToItsBound) {
  Write(root_ / "assets" / "big.js", std::string(2000, 'b'));
  StaticFiles files(root_.string(), StaticLimits{.max_cached_bytes = 1000, .max_file_bytes = 4000});
  const Request req{.method = "GET", .path = "/assets/big.js"};
  EXPECT_EQ(files.Serve(req).body.size(), 2000u);
  // Not cached: a change on disk shows at once.
  Write(root_ / "assets" / "big.js", std::string(1500, 'c'));
  EXPECT_EQ(files.Serve(req).body, std::string(1500, 'c'));
  Write(root_ / "assets" / "huge.js", std::string(5000, 'h'));
  EXPECT_EQ(files.Serve(Request{.method = "GET", .path = "/assets/huge.js"}).status, 404);
}

TEST(PlainRelativePath, Cases) {
  struct Case {
    std::string rel;
    bool ok;
  } cases[] = {
      {"a", true},     {"assets/app.js", true}, {"tên.js", true},  {"", false},
      {"a//b", false}, {"a/./b", false},        {"a/../b", false}, {"..", false},
      {"a\\b", false}, {"a/", false},           {"/a", false},     {std::string("a\0b", 3), false},
      {"\xFF", false}, {"a\x7F", false},
  };
  for (const auto& c : cases) EXPECT_EQ(IsPlainRelativePath(c.rel), c.ok) << c.rel;
}

}  // namespace
}  // namespace dh::http
