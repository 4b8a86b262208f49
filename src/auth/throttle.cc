#include "auth/throttle.h"

namespace dh::auth {

int64_t LoginThrottle::Wait(std::deque<int64_t>& fails, int limit, int64_t now) {
  while (!fails.empty() && fails.front() <= now - limits_.window_seconds) fails.pop_front();
  if (static_cast<int>(fails.size()) < limit) return 0;
  // Wait until the oldest failure that counts leaves the window.
  return fails[fails.size() - limit] + limits_.window_seconds - now;
}

int64_t LoginThrottle::RetryAfter(const std::string& username, const std::string& address) {
  std::lock_guard lock(mu_);
  const int64_t now = clock_.NowSeconds();
  return std::max(Wait(by_account_[username], limits_.per_account, now),
                  Wait(by_address_[address], limits_.per_address, now));
}

void LoginThrottle::RecordFailure(const std::string& username, const std::string& address) {
  std::lock_guard lock(mu_);
  const int64_t now = clock_.NowSeconds();
  // Guessing with endless made-up usernames must not grow memory without bound.
  constexpr size_t kMaxKeys = 100000;
  for (auto* map : {&by_account_, &by_address_}) {
    if (map->size() < kMaxKeys) continue;
    std::erase_if(*map, [&](auto& kv) {
      return kv.second.empty() || kv.second.back() <= now - limits_.window_seconds;
    });
  }
  by_account_[username].push_back(now);
  by_address_[address].push_back(now);
}

void LoginThrottle::RecordSuccess(const std::string& username) {
  std::lock_guard lock(mu_);
  by_account_.erase(username);
}

}  // namespace dh::auth
