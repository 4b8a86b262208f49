#include "auth/session_cache.h"

namespace dh::auth {

std::optional<Principal> SessionCache::Find(const std::string& hash, uint64_t generation,
                                            int64_t now) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(hash);
  if (it == entries_.end()) return std::nullopt;
  const Entry& e = it->second;
  if (e.generation != generation || e.expires_at <= now ||
      std::chrono::steady_clock::now() - e.read_at >= kEntrySeconds) {
    entries_.erase(it);
    return std::nullopt;
  }
  return e.principal;
}

void SessionCache::Put(const std::string& hash, const Principal& p, uint64_t generation,
                       int64_t expires_at) {
  const auto read_at = std::chrono::steady_clock::now();
  std::lock_guard lock(mu_);
  if (entries_.size() >= kMaxEntries) entries_.clear();
  entries_[hash] = Entry{p, generation, expires_at, read_at};
}

}  // namespace dh::auth
