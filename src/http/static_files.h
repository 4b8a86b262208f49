// Serves the built web app (web/dist): files by path, index.html for any other GET so
// the single-page app's own routes work on reload.
//
// Only regular files whose canonical path (symbolic links resolved) lies inside the
// canonical root are served. A path with an empty, "." or ".." segment, a backslash, a
// control character or invalid UTF-8 is refused with 404 before the file system is
// asked, so neither "//etc/passwd", "/%2F..%2Fdata", "/..\\x" nor a link out of the
// root reaches a file outside it. Files read are kept in memory up to a bound.
#pragma once

#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "http/request.h"

namespace dh::http {

struct StaticLimits {
  size_t max_cached_bytes = 64u << 20;  // all cached files together
  size_t max_file_bytes = 32u << 20;    // a larger file is never served
};

class StaticFiles {
 public:
  explicit StaticFiles(const std::string& root, StaticLimits limits = {});
  Response Serve(const Request& req);

  // The file inside the root that `rel` (a path below the root, "/"-separated, already
  // percent-decoded) names; nullopt when it is refused or is not a regular file inside.
  std::optional<std::filesystem::path> Resolve(const std::string& rel) const;

 private:
  std::optional<std::string> Load(const std::string& rel);

  std::filesystem::path root_;  // canonical
  StaticLimits limits_;
  std::mutex mu_;
  std::map<std::string, std::string> cache_;  // GUARDED_BY(mu_)
  size_t cached_bytes_ = 0;                   // GUARDED_BY(mu_)
};

// True when every "/"-separated segment of `rel` is a plain name: not empty, not "." or
// "..", no backslash, no control character, valid UTF-8.
bool IsPlainRelativePath(std::string_view rel);

}  // namespace dh::http
