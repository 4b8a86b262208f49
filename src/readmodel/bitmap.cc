#include "readmodel/bitmap.h"

#include <algorithm>

namespace dh::readmodel {

Bitmap Bitmap::Of(const std::vector<int64_t>& ids) {
  int64_t max = -1;
  for (int64_t id : ids) max = std::max(max, id);
  Bitmap b(static_cast<size_t>(max + 1));
  for (int64_t id : ids)
    if (id >= 0) b.Set(static_cast<size_t>(id));
  return b;
}

Bitmap Bitmap::FromBools(const std::vector<bool>& v) {
  Bitmap b(v.size());
  for (size_t i = 0; i < v.size(); ++i)
    if (v[i]) b.Set(i);
  return b;
}

void Bitmap::Resize(size_t bits) {
  words_.resize((bits + 63) / 64);
  // Bits beyond the new size (when shrinking) are dropped from the last word.
  if (bits % 64 != 0 && !words_.empty()) words_.back() &= (uint64_t{1} << (bits % 64)) - 1;
  bits_ = bits;
}

size_t Bitmap::Count() const {
  size_t n = 0;
  for (uint64_t w : words_) n += static_cast<size_t>(std::popcount(w));
  return n;
}

}  // namespace dh::readmodel
