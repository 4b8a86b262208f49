// Vietnamese text: Unicode normalisation and the folding that lets "giai ngan" find
// "Giải ngân". All functions take and return UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace dh::text {

bool IsValidUtf8(std::string_view s);
// NFC: one code point per accented letter, as Vietnamese keyboards do not all agree.
std::string ToNfc(std::string_view s);
// Lower case, diacritics removed, đ → d, runs of white space collapsed, trimmed.
std::string FoldForSearch(std::string_view s);

// A key whose byte order is Vietnamese alphabetical order (ICU's "vi" collation: a ă â b c
// d đ e ê …), so that "Sở Đ…" sorts after "Sở D…", not after "Sở Y…" as bytes would.
std::string CollationKey(std::string_view s);
// Leading and trailing white space removed.
std::string Trim(std::string_view s);
// Number of code points (what a person calls the length).
size_t CodePointCount(std::string_view s);

}  // namespace dh::text
