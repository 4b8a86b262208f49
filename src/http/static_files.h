// Serves the built web app (web/dist): files by path, index.html for any other GET so
// the single-page app's own routes work on reload. Files are read once and kept.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "http/request.h"

namespace dh::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}
  Response Serve(const Request& req);

 private:
  const std::string* Load(const std::string& rel);
  std::string root_;
  std::mutex mu_;
  std::map<std::string, std::string> cache_;  // GUARDED_BY(mu_)
};

}  // namespace dh::http
