// Slows password guessing: a username or an address that failed too often in the last
// window must wait. In memory, per process: a multi-process deployment divides the
// limits by nothing worse than the number of processes.
#pragma once

#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/date.h"

namespace dh::auth {

struct ThrottleLimits {
  int per_account = 5;   // failures per window for one username
  int per_address = 20;  // failures per window from one address
  int64_t window_seconds = 15 * 60;
};

class LoginThrottle {
 public:
  LoginThrottle(const Clock& clock, ThrottleLimits limits = {}) : clock_(clock), limits_(limits) {}
  // Seconds to wait before trying again; 0 when a try is allowed now.
  int64_t RetryAfter(const std::string& username, const std::string& address);
  void RecordFailure(const std::string& username, const std::string& address);
  void RecordSuccess(const std::string& username);

 private:
  int64_t Wait(std::deque<int64_t>& fails, int limit, int64_t now);
  const Clock& clock_;
  ThrottleLimits limits_;
  std::mutex mu_;
  std::unordered_map<std::string, std::deque<int64_t>> by_account_;  // GUARDED_BY(mu_)
  std::unordered_map<std::string, std::deque<int64_t>> by_address_;  // GUARDED_BY(mu_)
};

}  // namespace dh::auth
