// How many connections the server holds open, in all and per remote address. One client
// that opens connections and sends nothing must not take every file descriptor and lock
// everyone else out: a connection over either cap is closed as soon as it is accepted.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace dh::http {

// The cap on open connections that leaves `fd_limit` room for the database, attachments,
// static files and logs: an eighth of the limit, at least 64 descriptors. Never below 16.
int64_t DefaultMaxConnections(int64_t fd_limit);

// What the per-address cap counts by, from an address as text: an IPv4 address itself, an
// IPv6 address by its /64 ("2001:db8:1:2::/64"), as one host is usually given a whole /64
// and counting single IPv6 addresses would cap nothing. Text that is no address: itself.
std::string AddressKey(const std::string& address);

// Thread-safe.
class ConnectionLimits {
 public:
  ConnectionLimits(int64_t max_total, int64_t max_per_address)
      : max_total_(max_total), max_per_address_(max_per_address) {}

  // Counts a connection from `address` and returns true when the caps allow it (the one
  // per address only if `cap_address`); returns false and counts it as refused otherwise.
  bool Admit(const std::string& address, bool cap_address = true);
  // Counts a connection refused for another reason (no descriptor free).
  void Refuse();
  // Ends a connection Admit counted.
  void Release(const std::string& address);
  int64_t open() const;
  int64_t refused() const;

 private:
  const int64_t max_total_, max_per_address_;
  mutable std::mutex mu_;
  int64_t open_ = 0;                                     // GUARDED_BY(mu_)
  int64_t refused_ = 0;                                  // GUARDED_BY(mu_)
  std::unordered_map<std::string, int64_t> by_address_;  // GUARDED_BY(mu_)
};

// A connection Admit counted, released when this goes out of scope. Shares ownership of
// the limits: a session may end after the server that admitted it (when its io_context
// goes). Movable.
class Admission {
 public:
  Admission() = default;
  Admission(std::shared_ptr<ConnectionLimits> limits, std::string address)
      : limits_(std::move(limits)), address_(std::move(address)) {}
  Admission(Admission&& other) noexcept = default;  // leaves `other` without limits
  Admission& operator=(Admission&&) = delete;
  ~Admission() {
    if (limits_) limits_->Release(address_);
  }

 private:
  std::shared_ptr<ConnectionLimits> limits_;
  std::string address_;
};

}  // namespace dh::http
