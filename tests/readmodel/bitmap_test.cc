// The scope bitmap (readmodel/bitmap.h), as tables of cases.
#include "readmodel/bitmap.h"

#include <gtest/gtest.h>

#include <functional>

namespace dh::readmodel {
namespace {

std::vector<int64_t> Members(const Bitmap& b) {
  std::vector<int64_t> out;
  b.ForEach([&](size_t i) { out.push_back(static_cast<int64_t>(i)); });
  return out;
}

TEST(Bitmap, OfIds) {
  struct Case {
    std::string name;
    std::vector<int64_t> ids;
    std::vector<int64_t> members;  // ascending, once each
    size_t size;
  };
  const std::vector<Case> cases = {
      {"none", {}, {}, 0},
      {"one", {5}, {5}, 6},
      {"zero is a member", {0}, {0}, 1},
      {"unsorted, repeated", {9, 2, 9, 2, 7}, {2, 7, 9}, 10},
      {"negative ids are left out", {-3, 4, -1}, {4}, 5},
      {"across words", {63, 64, 127, 128, 1000}, {63, 64, 127, 128, 1000}, 1001},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const Bitmap b = Bitmap::Of(c.ids);
    EXPECT_EQ(Members(b), c.members);
    EXPECT_EQ(b.Count(), c.members.size());
    EXPECT_EQ(b.size(), c.size);
  }
}

TEST(Bitmap, Test) {
  const Bitmap b = Bitmap::Of({1, 64, 200});
  struct Case {
    int64_t i;
    bool in;
  };
  for (const Case& c : std::vector<Case>{{1, true},
                                         {64, true},
                                         {200, true},
                                         {0, false},
                                         {63, false},
                                         {65, false},
                                         {199, false},
                                         {201, false},  // beyond the size
                                         {100000, false},
                                         {-1, false}}) {  // negative
    EXPECT_EQ(b.Test(c.i), c.in) << c.i;
  }
}

TEST(Bitmap, Changes) {
  struct Case {
    std::string name;
    std::function<void(Bitmap&)> change;
    std::vector<int64_t> members;
  };
  const std::vector<Case> cases = {
      {"set grows the map", [](Bitmap& b) { b.Set(300); }, {3, 70, 300}},
      {"set twice", [](Bitmap& b) { b.Set(3), b.Set(3); }, {3, 70}},
      {"reset", [](Bitmap& b) { b.Reset(70); }, {3}},
      {"reset beyond the size", [](Bitmap& b) { b.Reset(5000); }, {3, 70}},
      {"shrink drops the bits beyond", [](Bitmap& b) { b.Resize(70), b.Resize(200); }, {3}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Bitmap b = Bitmap::Of({3, 70});
    c.change(b);
    EXPECT_EQ(Members(b), c.members);
  }
}

TEST(Bitmap, FromBools) {
  EXPECT_EQ(Members(Bitmap::FromBools({false, true, false, true})), (std::vector<int64_t>{1, 3}));
  EXPECT_EQ(Bitmap::FromBools({}).Count(), 0u);
  EXPECT_EQ(Bitmap::FromBools({false, true}), Bitmap::Of({1}));
}

}  // namespace
}  // namespace dh::readmodel
