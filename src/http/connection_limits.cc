#include "http/connection_limits.h"

#include <algorithm>
#include <boost/asio/ip/address.hpp>

namespace dh::http {

int64_t DefaultMaxConnections(int64_t fd_limit) {
  const int64_t reserve = std::max<int64_t>(64, fd_limit / 8);
  return std::max<int64_t>(16, fd_limit - reserve);
}

std::string AddressKey(const std::string& address) {
  boost::system::error_code ec;
  const auto a = boost::asio::ip::make_address(address, ec);
  if (ec || !a.is_v6() || a.to_v6().is_v4_mapped()) return address;
  auto bytes = a.to_v6().to_bytes();
  std::fill(bytes.begin() + 8, bytes.end(), 0);
  return boost::asio::ip::address_v6(bytes).to_string() + "/64";
}

bool ConnectionLimits::Admit(const std::string& address, bool cap_address) {
  std::lock_guard lock(mu_);
  auto it = by_address_.find(address);
  const int64_t from_address = it == by_address_.end() ? 0 : it->second;
  if (open_ >= max_total_ || (cap_address && from_address >= max_per_address_)) {
    ++refused_;
    return false;
  }
  ++open_;
  if (it == by_address_.end())
    by_address_.emplace(address, 1);
  else
    ++it->second;
  return true;
}

void ConnectionLimits::Refuse() {
  std::lock_guard lock(mu_);
  ++refused_;
}

void ConnectionLimits::Release(const std::string& address) {
  std::lock_guard lock(mu_);
  --open_;
  auto it = by_address_.find(address);
  if (it != by_address_.end() && --it->second <= 0) by_address_.erase(it);
}

int64_t ConnectionLimits::open() const {
  std::lock_guard lock(mu_);
  return open_;
}

int64_t ConnectionLimits::refused() const {
  std::lock_guard lock(mu_);
  return refused_;
}

}  // namespace dh::http
