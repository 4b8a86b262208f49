// Counts by key (a unit, a directive, a group…) of K kinds (timeliness, answer status…),
// with their totals and the keys worst first: what every board of every feature shows.
// KeyedCounts adds one item at a time without hashing when keys are small ids; SumOf and
// WorstFirst read a finished board, whatever its counts' type.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dh::readmodel {

template <size_t K>
class KeyedCounts {
 public:
  using Row = std::array<int64_t, K>;
  // Keys in [0, dense_reach) are counted in a flat array (ids are small and dense, so a
  // national board hashes nothing per item); others, negative or far, in a map.
  explicit KeyedCounts(uint64_t dense_reach = uint64_t{1} << 16)
      : reach_(dense_reach), dense_(std::min<uint64_t>(dense_reach, 1024)) {}

  void Add(int64_t key, size_t kind) {
    const auto k = static_cast<uint64_t>(key);
    if (k >= dense_.size()) {
      if (k >= reach_) {
        ++sparse_[key][kind];
        return;
      }
      dense_.resize(std::min<uint64_t>(reach_, std::max<uint64_t>(k + 1, 2 * dense_.size())));
    }
    ++dense_[k][kind];
  }

  // f(key, row) for every key counted at least once: the small keys ascending, then the
  // others in no order.
  template <typename F>
  void ForEach(F&& f) const {
    for (size_t k = 0; k < dense_.size(); ++k)
      if (dense_[k] != Slot{}) f(static_cast<int64_t>(k), Widen(dense_[k]));
    for (const auto& [k, s] : sparse_) f(k, Widen(s));
  }
  size_t keys() const {
    size_t n = sparse_.size();
    for (const Slot& s : dense_) n += s != Slot{};
    return n;
  }
  Row Totals() const {
    Row t{};
    ForEach([&](int64_t, const Row& r) {
      for (size_t i = 0; i < K; ++i) t[i] += r[i];
    });
    return t;
  }
  // Every key with its counts, the worst first: by the sum of weight × count, larger
  // first, then by key.
  std::vector<std::pair<int64_t, Row>> WorstFirst(const std::array<int64_t, K>& weight) const {
    std::vector<std::pair<int64_t, Row>> out;
    out.reserve(keys());
    ForEach([&](int64_t k, const Row& r) { out.emplace_back(k, r); });
    auto bad = [&](const Row& r) {
      int64_t b = 0;
      for (size_t i = 0; i < K; ++i) b += weight[i] * r[i];
      return b;
    };
    std::sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
      const int64_t x = bad(a.second), y = bad(b.second);
      return x != y ? x > y : a.first < b.first;
    });
    return out;
  }

 private:
  // 32-bit counters keep the flat array small enough to stay in cache.
  using Slot = std::array<uint32_t, K>;
  static Row Widen(const Slot& s) {
    Row r{};
    for (size_t i = 0; i < K; ++i) r[i] = s[i];
    return r;
  }
  uint64_t reach_;
  std::vector<Slot> dense_;
  std::unordered_map<int64_t, Slot> sparse_;
};

// The sum of a board's rows (Counts has +=).
template <typename Counts>
Counts SumOf(const std::unordered_map<int64_t, Counts>& board) {
  Counts total{};
  for (const auto& [key, c] : board) total += c;
  return total;
}

// A board's keys, the worst first: larger badness(counts) first, then by key.
template <typename Counts, typename Badness>
std::vector<int64_t> WorstFirst(const std::unordered_map<int64_t, Counts>& board, Badness badness) {
  std::vector<std::pair<int64_t, int64_t>> ranked;  // badness, key
  ranked.reserve(board.size());
  for (const auto& [key, c] : board) ranked.emplace_back(badness(c), key);
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<int64_t> keys;
  keys.reserve(ranked.size());
  for (const auto& r : ranked) keys.push_back(r.second);
  return keys;
}

}  // namespace dh::readmodel
