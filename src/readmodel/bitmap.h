// A set of small non-negative integers (unit ids in a scope, rows of a read model) as one
// bit each: a test is a shift, a union or a walk over the members is a pass over words.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace dh::readmodel {

class Bitmap {
 public:
  Bitmap() = default;
  explicit Bitmap(size_t bits) : words_((bits + 63) / 64), bits_(bits) {}
  // The members of `ids` (negative ones are left out).
  static Bitmap Of(const std::vector<int64_t>& ids);
  // Bit i set where v[i] is true.
  static Bitmap FromBools(const std::vector<bool>& v);

  size_t size() const { return bits_; }  // bits held (members are below)
  bool Test(int64_t i) const {
    return i >= 0 && static_cast<uint64_t>(i) < bits_ && ((words_[i >> 6] >> (i & 63)) & 1);
  }
  // Grows to hold `i` when needed.
  void Set(size_t i) {
    if (i >= bits_) Resize(i + 1);
    words_[i >> 6] |= uint64_t{1} << (i & 63);
  }
  void Reset(size_t i) {
    if (i < bits_) words_[i >> 6] &= ~(uint64_t{1} << (i & 63));
  }
  void Resize(size_t bits);
  size_t Count() const;
  // f(i) for every member, ascending.
  template <typename F>
  void ForEach(F&& f) const {
    for (size_t w = 0; w < words_.size(); ++w)
      for (uint64_t x = words_[w]; x != 0; x &= x - 1)
        f(w * 64 + static_cast<size_t>(std::countr_zero(x)));
  }
  bool operator==(const Bitmap& o) const = default;

 private:
  std::vector<uint64_t> words_;
  size_t bits_ = 0;
};

}  // namespace dh::readmodel
