// JSON request bodies (src/core/json.h): ParseObject on any bytes, then every reader on
// every key of the object and of the objects nested in it (the shape of `milestones`,
// `parts`, `roles`, `new_units`), with the keys the routes read. No reader may throw; what
// a string reader gives back is NFC UTF-8 without control characters and within its
// length.
#include <array>
#include <cstdint>
#include <string>

#include "core/json.h"
#include "core/text.h"
#include "fuzz_check.h"

namespace {

namespace bj = boost::json;
namespace json = dh::json;
namespace text = dh::text;

// Keys the routes read, so that the mutator meets them even without a dictionary.
constexpr std::array<std::string_view, 12> kKeys = {
    "title",         "deadline", "lead_unit_id",    "coordinator_ids", "is_key", "parts",
    "share_percent", "note",     "expires_in_days", "position",        "roles",  "password"};

void CheckString(const dh::Result<std::optional<std::string>>& r, std::string_view key,
                 size_t max_chars) {
  if (!r.ok()) {
    FUZZ_CHECK(r.status().field() == key);  // the error names the field
    return;
  }
  if (!*r) return;
  const std::string& s = **r;
  FUZZ_CHECK(text::IsValidUtf8(s));
  FUZZ_CHECK(text::CodePointCount(s) <= max_chars);
  FUZZ_CHECK(text::ToNfc(s) == s);
  for (unsigned char c : s) FUZZ_CHECK(c >= 0x20 || c == '\t' || c == '\n' || c == '\r');
}

// The integer readers, apart: their signatures change with the range checks of the
// badinput branch (OptionalInt(o, key, min, max), IdArray).
void ReadInts(const bj::object& o, std::string_view key) {
  auto i = json::OptionalInt(o, key);
  if (i.ok() && *i) FUZZ_CHECK(o.at(key).is_number());
  (void)json::RequiredInt(o, key);
  (void)json::IntArray(o, key);
}

void ReadAll(const bj::object& o, std::string_view key, int depth) {
  (void)json::Has(o, key);
  CheckString(json::OptionalString(o, key, 5), key, 5);
  CheckString(json::OptionalString(o, key, 500), key, 500);
  (void)json::RequiredString(o, key, 20);
  ReadInts(o, key);
  auto d = json::OptionalDate(o, key);
  if (d.ok() && *d) FUZZ_CHECK((*d)->ToString() == std::string_view(o.at(key).as_string()));
  (void)json::RequiredDate(o, key);
  (void)json::OptionalBool(o, key);
  if (depth > 2 || !json::Has(o, key)) return;
  // Nested objects, directly or in an array, as the routes read them.
  const bj::value& v = o.at(key);
  if (v.is_object()) {
    for (const auto& kv : v.as_object()) ReadAll(v.as_object(), kv.key(), depth + 1);
  } else if (v.is_array()) {
    for (const bj::value& item : v.as_array())
      if (item.is_object())
        for (const auto& kv : item.as_object()) ReadAll(item.as_object(), kv.key(), depth + 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto o = json::ParseObject(dh::fuzz::Bytes(data, size));
  if (!o.ok()) {
    FUZZ_CHECK(o.status().error_code() == "invalid_json");
    return 0;
  }
  for (const auto& kv : *o) ReadAll(*o, kv.key(), 0);
  for (std::string_view key : kKeys) ReadAll(*o, key, 0);
  return 0;
}
