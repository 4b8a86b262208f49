// A download's Content-Disposition and response.
#include "http/download.h"

#include <gtest/gtest.h>

namespace dh::http {
namespace {

TEST(ContentDisposition, AsciiFallbackAndRfc5987) {
  EXPECT_EQ(ContentDisposition("Danh mục nhiệm vụ 45-TB-UBND.xlsx"),
            "attachment; filename=\"danh-muc-nhiem-vu-45-tb-ubnd.xlsx\"; "
            "filename*=UTF-8''Danh%20m%E1%BB%A5c%20nhi%E1%BB%87m%20v%E1%BB%A5%2045-TB-UBND.xlsx");
}

TEST(Download, CarriesTheBytesTypeAndName) {
  const Response r = Download("PK…", kXlsxType, "attachment; filename=\"a.xlsx\"");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "PK…");
  EXPECT_EQ(r.content_type, kXlsxType);
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].first, "Content-Disposition");
  EXPECT_EQ(r.headers[0].second, "attachment; filename=\"a.xlsx\"");
}

}  // namespace
}  // namespace dh::http
