#include "http/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace dh::http {
namespace {

std::string ContentType(const std::string& path) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"}};
  const auto dot = path.rfind('.');
  if (dot != std::string::npos)
    if (auto it = kTypes.find(path.substr(dot)); it != kTypes.end()) return it->second;
  return "application/octet-stream";
}

}  // namespace

const std::string* StaticFiles::Load(const std::string& rel) {
  std::lock_guard lock(mu_);
  if (auto it = cache_.find(rel); it != cache_.end()) return &it->second;
  const std::filesystem::path p = std::filesystem::path(root_) / rel;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(p, ec)) return nullptr;
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return &cache_.emplace(rel, ss.str()).first->second;
}

Response StaticFiles::Serve(const Request& req) {
  if (req.method != "GET" && req.method != "HEAD")
    return Response::Error(Status::NotFound("Không có địa chỉ " + req.path + "."));
  std::string rel = req.path.empty() ? "" : req.path.substr(1);
  // Never step outside the root.
  if (rel.find("..") != std::string::npos || rel.find('\\') != std::string::npos) rel = "";
  const std::string* body = rel.empty() ? nullptr : Load(rel);
  const bool asset = body != nullptr;
  if (!body) {
    // Missing asset files are real 404s; everything else is an app route.
    if (rel.rfind("assets/", 0) == 0)
      return Response::Error(Status::NotFound("Không có tệp " + req.path + "."));
    rel = "index.html";
    body = Load(rel);
  }
  if (!body) {
    Response r;
    r.status = 503;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "Giao diện web chưa được dựng (web/dist). Chạy: make build\n";
    return r;
  }
  Response r;
  r.content_type = ContentType(rel);
  r.body = *body;
  r.headers.emplace_back("Cache-Control", asset && rel.rfind("assets/", 0) == 0
                                              ? "public, max-age=31536000, immutable"
                                              : "no-cache");
  return r;
}

}  // namespace dh::http
