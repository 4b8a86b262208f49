#include "core/text.h"

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>

namespace dh::text {
namespace {

// Transliterators are costly to build and not thread-safe to share: one per thread.
icu::Transliterator& Folder() {
  thread_local std::unique_ptr<icu::Transliterator> folder = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; Lower; NFC", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  return *folder;
}

icu::Collator* VietnameseCollator() {
  thread_local std::unique_ptr<icu::Collator> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale("vi"), status));
    return U_SUCCESS(status) ? std::move(c) : nullptr;
  }();
  return collator.get();
}

}  // namespace

std::string CollationKey(std::string_view s) {
  icu::Collator* c = VietnameseCollator();
  if (!c) return std::string(s);
  const auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  std::string key(64, '\0');
  int32_t n =
      c->getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), static_cast<int32_t>(key.size()));
  if (n > static_cast<int32_t>(key.size())) {
    key.resize(static_cast<size_t>(n));
    n = c->getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), n);
  }
  key.resize(n > 0 ? static_cast<size_t>(n - 1) : 0);  // without the terminating zero
  return key;
}

bool IsValidUtf8(std::string_view s) {
  int32_t i = 0;
  const auto len = static_cast<int32_t>(s.size());
  while (i < len) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, len, c);
    if (c < 0) return false;
  }
  return true;
}

std::string ToNfc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(s);
  const auto in = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  icu::UnicodeString out = nfc->normalize(in, status);
  if (U_FAILURE(status)) return std::string(s);
  std::string result;
  out.toUTF8String(result);
  return result;
}

std::string FoldForSearch(std::string_view s) {
  auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  Folder().transliterate(u);
  // đ/Đ is a letter of its own, not d with a mark, so NFD leaves it: map it by hand.
  u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x0111)), icu::UnicodeString("d"));
  u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x0110)), icu::UnicodeString("d"));
  // Text pasted from Word carries no-break and other Unicode spaces: all count as a space.
  for (int32_t i = 0; i < u.length(); ++i)
    if (u_isUWhiteSpace(u.charAt(i))) u.setCharAt(i, u' ');
  std::string raw;
  u.toUTF8String(raw);
  std::string out;
  bool space = false;
  for (char c : raw) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string Trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string TruncateCodePoints(std::string_view s, size_t max_chars) {
  size_t cut = 0, count = 0;
  while (cut < s.size() && count < max_chars) {
    ++count;
    ++cut;
    while (cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) ++cut;
  }
  return std::string(s.substr(0, cut));
}

namespace {

// Characters that reorder or hide what a name shows: bidirectional marks, embeddings,
// overrides and isolates.
bool IsBidiControl(UChar32 c) {
  return c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

// The code points of `s` that may stay in a file name, as UTF-8; invalid bytes dropped.
std::string KeepPrintable(std::string_view s) {
  std::string out;
  int32_t i = 0;
  const auto len = static_cast<int32_t>(s.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  while (i < len) {
    UChar32 c;
    const int32_t start = i;
    U8_NEXT(bytes, i, len, c);
    // Other invisible format characters (U+200B, U+FEFF, U+2060 …) go too; the joiners
    // U+200C/U+200D stay, as some scripts and emoji need them.
    const bool format = u_charType(c) == U_FORMAT_CHAR && c != 0x200C && c != 0x200D;
    if (c < 0 || u_iscntrl(c) || c == 0x7F || (c >= 0x80 && c <= 0x9F) || IsBidiControl(c) ||
        format)
      continue;
    out.append(s.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
  }
  return out;
}

}  // namespace

std::string SafeFileName(std::string_view name, size_t max_chars) {
  std::string clean = KeepPrintable(name);
  const auto slash = clean.find_last_of("/\\");
  if (slash != std::string::npos) clean.erase(0, slash + 1);
  clean = Trim(ToNfc(clean));
  if (clean == "." || clean == "..") return "";
  if (CodePointCount(clean) <= max_chars) return clean;
  // Too long: shorten the stem and keep the extension (".docx") so the file still opens.
  const auto dot = clean.find_last_of('.');
  const size_t ext_chars = dot == std::string::npos ? 0 : CodePointCount(clean.substr(dot));
  if (dot == std::string::npos || dot == 0 || ext_chars > 16 || ext_chars >= max_chars)
    return Trim(TruncateCodePoints(clean, max_chars));
  return Trim(TruncateCodePoints(clean.substr(0, dot), max_chars - ext_chars)) + clean.substr(dot);
}

}  // namespace dh::text
