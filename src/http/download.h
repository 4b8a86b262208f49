// A file the browser saves rather than shows: its bytes, its type and its name.
#pragma once

#include <string>
#include <string_view>

namespace dh::http {

// The Content-Disposition of a download: an ASCII filename for old clients and the
// UTF-8 one as RFC 5987 filename*.
std::string ContentDisposition(std::string_view filename);

}  // namespace dh::http
