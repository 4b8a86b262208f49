// A download's Content-Disposition.
#include "http/download.h"

#include <gtest/gtest.h>

namespace dh::http {
namespace {

TEST(ContentDisposition, AsciiFallbackAndRfc5987) {
  EXPECT_EQ(ContentDisposition("Danh mục nhiệm vụ 45-TB-UBND.xlsx"),
            "attachment; filename=\"danh-muc-nhiem-vu-45-tb-ubnd.xlsx\"; "
            "filename*=UTF-8''Danh%20m%E1%BB%A5c%20nhi%E1%BB%87m%20v%E1%BB%A5%2045-TB-UBND.xlsx");
}

}  // namespace
}  // namespace dh::http
