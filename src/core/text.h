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
// At most `max_chars` code points from the start of `s`, never cutting inside one.
std::string TruncateCodePoints(std::string_view s, size_t max_chars);

// An uploaded file's name made safe to keep and to show, the one function every upload
// uses: the last path component only; bytes that are not UTF-8, control characters (C0,
// DEL, C1) and bidirectional marks, overrides and isolates (U+200E, U+200F, U+061C,
// U+202A–U+202E, U+2066–U+2069) removed, so that "hoa-don\u202Etxt.exe" cannot show as
// "hoa-donexe.txt"; NFC; trimmed; at most `max_chars` code points, cut on a code point
// and keeping a short extension. Empty when nothing usable is left ("", ".", "..").
std::string SafeFileName(std::string_view name, size_t max_chars = 200);

}  // namespace dh::text
