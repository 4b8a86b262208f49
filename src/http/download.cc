#include "http/download.h"

#include <cctype>

#include "core/text.h"

namespace dh::http {

std::string ContentDisposition(std::string_view filename) {
  std::string ascii;
  for (char c : text::FoldForSearch(filename)) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '.' || c == '-' || c == '_')
      ascii.push_back(c);
    else if (c == ' ')
      ascii.push_back('-');
    else
      ascii.push_back('_');
  }
  static const char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (char c : filename) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || std::string_view("!#$&+-.^_`|~").find(c) != std::string_view::npos) {
      encoded.push_back(c);
    } else {
      encoded.push_back('%');
      encoded.push_back(kHex[u >> 4]);
      encoded.push_back(kHex[u & 15]);
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

Response Download(std::string bytes, std::string content_type, std::string disposition) {
  Response r;
  r.content_type = std::move(content_type);
  r.headers.emplace_back("Content-Disposition", std::move(disposition));
  r.body = std::move(bytes);
  return r;
}

}  // namespace dh::http
