// A histogram of durations in microseconds, for the write queue's phases (issue 13: where a
// write's time goes: waiting for its batch, running, committing, syncing, rewinding the
// WAL). Not thread-safe: the queue adds under its lock. Read through /metrics as cumulative
// bucket counts, which the write bench subtracts before and after each run.
#pragma once

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>

namespace dh::db {

struct LatencyHistogram {
  // Upper bounds (µs) of the buckets; one more bucket holds what is above the last.
  static constexpr std::array<int64_t, 22> kBoundsUs = {
      50,   100,   200,   300,   500,   750,   1000,  1500,   2000,   3000,   5000,
      7500, 10000, 15000, 20000, 30000, 50000, 75000, 100000, 200000, 500000, 1000000};
  std::array<int64_t, kBoundsUs.size() + 1> counts{};
  int64_t count = 0, sum_us = 0, max_us = 0;

  void Add(int64_t us) {
    const auto at = std::lower_bound(kBoundsUs.begin(), kBoundsUs.end(), us) - kBoundsUs.begin();
    ++counts[static_cast<size_t>(at)];
    ++count, sum_us += us, max_us = std::max(max_us, us);
  }
};

inline int64_t Micros(std::chrono::steady_clock::duration d) {
  return std::chrono::duration_cast<std::chrono::microseconds>(d).count();
}
inline int64_t MicrosSince(std::chrono::steady_clock::time_point t) {
  return Micros(std::chrono::steady_clock::now() - t);
}

}  // namespace dh::db
