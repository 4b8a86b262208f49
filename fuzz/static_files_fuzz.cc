// The web app's files (http::StaticFiles behind the router's fallback): any request
// target, decoded by http::ParseTarget as the server does, against a web root of a few
// files with, beside it, a secret file and, inside it, a symbolic link to that secret.
//
// Check: whatever the path (double slashes, encoded slashes and dots, backslashes, NUL,
// overlong UTF-8 …), a 200 answer is the content of a regular file inside the root —
// never the secret, never any other file of the machine.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "fuzz_check.h"
#include "http/router.h"
#include "http/static_files.h"

namespace {

namespace fs = std::filesystem;
using dh::http::Request;
using dh::http::Response;

void Write(const fs::path& p, const std::string& content) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

struct Site {
  fs::path dir;
  std::set<std::string> served;  // what a 200 may carry
  std::unique_ptr<dh::http::StaticFiles> files;
  std::unique_ptr<dh::http::Router> router;

  Site() {
    std::string tmpl = (fs::temp_directory_path() / "dh-fuzz-static-XXXXXX").string();
    FUZZ_CHECK(mkdtemp(tmpl.data()) != nullptr);
    dir = tmpl;
    const fs::path root = dir / "dist";
    for (const auto& [rel, content] :
         {std::pair{"index.html", "<!doctype html><title>dieuhanh</title>"},
          {"assets/app.js", "console.log('app')"},
          {"assets/app.css", "body{}"},
          {"robots.txt", "User-agent: *"}}) {
      Write(root / rel, content);
      served.insert(content);
    }
    Write(dir / "secret.txt", "SECRET: the database and the SMTP password");
    fs::create_symlink(dir / "secret.txt", root / "assets" / "link.txt");
    files = std::make_unique<dh::http::StaticFiles>(root.string());
    router = std::make_unique<dh::http::Router>(nullptr);
    router->Fallback([this](const Request& r) { return files->Serve(r); });
  }
  ~Site() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Site site;
  Request req;
  req.method = "GET";
  dh::http::ParseTarget(dh::fuzz::Bytes(data, size), &req);
  std::string route;
  const Response resp = site.router->Dispatch(req, &route);
  if (resp.status == 200) {
    if (!site.served.count(resp.body))
      std::fprintf(stderr, "served from outside the root: path \"%s\"\n", req.path.c_str());
    FUZZ_CHECK(site.served.count(resp.body));
  }
  return 0;
}
