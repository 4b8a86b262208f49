// The principals of recent cookie sessions, kept in memory so that a request with a known
// session reads nothing from the database.
//
// How fast a change reaches every process (the rule): a logout, a disabled user, a role
// change or a password change (which ends the user's other sessions) made by one process
// drops every cached entry of that process at once, since each entry is valid only while
// the write generation (db::WriteGeneration, moved by every write transaction this process
// commits) is the one it was read under. Every other process
// serving the same database sees the change within kEntrySeconds (2 s): an entry is read
// from the database again at most that long after it was put in the cache. An entry also
// never outlives its session's expiry.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "http/principal.h"

namespace dh::auth {

class SessionCache {
 public:
  static constexpr std::chrono::seconds kEntrySeconds{2};
  static constexpr size_t kMaxEntries = 100000;  // then the cache starts over

  // The principal of the session whose hash is `hash`, if cached, still fresh, read under
  // `generation`, and its session not expired at `now` (epoch seconds).
  std::optional<Principal> Find(const std::string& hash, uint64_t generation, int64_t now);
  // Keeps `p`, read from the database under `generation`, until its session expires at
  // `expires_at` (epoch seconds) or kEntrySeconds pass.
  void Put(const std::string& hash, const Principal& p, uint64_t generation, int64_t expires_at);

 private:
  struct Entry {
    Principal principal;
    uint64_t generation = 0;
    int64_t expires_at = 0;
    std::chrono::steady_clock::time_point read_at;
  };
  std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;  // GUARDED_BY(mu_)
};

}  // namespace dh::auth
