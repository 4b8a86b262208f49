#include "http/static_files.h"

#include <fstream>
#include <sstream>

#include "core/message.h"
#include "core/text.h"

namespace dh::http {
namespace {

constexpr MessageText kNoSuchFile{
    "http.no_such_file",
    "Không có tệp {path}.",
    "There is no file {path}.",
};
constexpr MessageText kNoSuchAddress{
    "http.static_no_such_address",
    "Không có địa chỉ {path}.",
    "There is no address {path}.",
};
constexpr MessageText kWebNotBuilt{
    "http.web_not_built",
    "Giao diện web chưa được dựng (web/dist). Chạy: make build",
    "The web interface has not been built (web/dist). Run: make build",
};

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

bool PlainSegment(std::string_view s) {
  if (s.empty() || s == "." || s == "..") return false;
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') return false;
  return true;
}

// `inner` is `root` or lies below it, compared segment by segment.
bool IsInside(const std::filesystem::path& root, const std::filesystem::path& inner) {
  auto r = root.begin();
  auto i = inner.begin();
  for (; r != root.end(); ++r, ++i)
    if (i == inner.end() || *r != *i) return false;
  return true;
}

Response NotFound(const Request& req) {
  return Response::Error(Status::NotFound(Say(kNoSuchFile, {{"path", req.path}})));
}

Response NotBuilt() {
  Response r;
  r.status = 503;
  r.content_type = "text/plain; charset=utf-8";
  r.body = Say(kWebNotBuilt) + "\n";
  return r;
}

}  // namespace

bool IsPlainRelativePath(std::string_view rel) {
  if (!text::IsValidUtf8(rel)) return false;
  size_t start = 0;
  for (;;) {
    const size_t slash = rel.find('/', start);
    const auto seg = rel.substr(start, slash == std::string_view::npos ? rel.npos : slash - start);
    if (!PlainSegment(seg)) return false;
    if (slash == std::string_view::npos) return true;
    start = slash + 1;
  }
}

StaticFiles::StaticFiles(const std::string& root, StaticLimits limits) : limits_(limits) {
  std::error_code ec;
  root_ = std::filesystem::weakly_canonical(std::filesystem::absolute(root, ec), ec);
}

std::optional<std::filesystem::path> StaticFiles::Resolve(const std::string& rel) const {
  if (!IsPlainRelativePath(rel)) return std::nullopt;
  std::error_code ec;
  const auto path = std::filesystem::canonical(root_ / rel, ec);  // links resolved
  if (ec || !IsInside(root_, path) || path == root_) return std::nullopt;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  return path;
}

std::optional<std::string> StaticFiles::Load(const std::string& rel) {
  {
    std::lock_guard lock(mu_);
    if (auto it = cache_.find(rel); it != cache_.end()) return it->second;
  }
  const auto path = Resolve(rel);
  if (!path) return std::nullopt;
  std::error_code ec;
  const auto size = std::filesystem::file_size(*path, ec);
  if (ec || size > limits_.max_file_bytes) return std::nullopt;
  std::ifstream in(*path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string body = ss.str();
  std::lock_guard lock(mu_);
  if (cached_bytes_ + body.size() <= limits_.max_cached_bytes && !cache_.contains(rel)) {
    cached_bytes_ += body.size();
    cache_.emplace(rel, body);
  }
  return body;
}

Response StaticFiles::Serve(const Request& req) {
  if (req.method != "GET" && req.method != "HEAD")
    return Response::Error(Status::NotFound(Say(kNoSuchAddress, {{"path", req.path}})));
  if (req.path.empty() || req.path[0] != '/') return NotFound(req);
  std::string rel = req.path.substr(1);
  // "/tasks/" is an app route like "/tasks": never a file, but checked all the same.
  const bool dir = !rel.empty() && rel.back() == '/';
  if (dir) rel.pop_back();
  if (!rel.empty() && !IsPlainRelativePath(rel)) return NotFound(req);
  std::optional<std::string> body = rel.empty() || dir ? std::nullopt : Load(rel);
  const bool asset = body.has_value();
  if (!body) {
    // Missing asset files are real 404s, and so is a name that exists but is not served
    // (a directory, a link out of the root); everything else is an app route.
    std::error_code ec;
    if (rel.rfind("assets/", 0) == 0 ||
        (!rel.empty() && std::filesystem::exists(std::filesystem::symlink_status(root_ / rel, ec))))
      return NotFound(req);
    rel = "index.html";
    body = Load(rel);
  }
  if (!body) return NotBuilt();
  Response r;
  r.content_type = ContentType(rel);
  r.body = std::move(*body);
  r.headers.emplace_back("Cache-Control", asset && rel.rfind("assets/", 0) == 0
                                              ? "public, max-age=31536000, immutable"
                                              : "no-cache");
  return r;
}

}  // namespace dh::http
