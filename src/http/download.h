// A file the browser saves rather than shows: its bytes, its type and its name.
#pragma once

#include <string>
#include <string_view>

#include "http/request.h"

namespace dh::http {

inline constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
inline constexpr const char* kDocxType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// The Content-Disposition of a download: an ASCII filename for old clients and the
// UTF-8 one as RFC 5987 filename*.
std::string ContentDisposition(std::string_view filename);

// `bytes` as `content_type`, with `disposition` as its Content-Disposition header.
Response Download(std::string bytes, std::string content_type, std::string disposition);

}  // namespace dh::http
