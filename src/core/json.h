// Reading request bodies: each reader names the field and says, in Vietnamese, what the
// caller should send instead. Boost.JSON rejects invalid UTF-8 and deep nesting.
//
// No reader drops or truncates what it was given: a present field of the wrong type, a
// string over its length (counted in code points) or an integer outside the range of
// its destination is an error naming the field. A present key with JSON null counts as
// absent for the optional readers and as missing for the required ones.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace dh::json {

namespace bj = boost::json;

// A field of a request body: its key, and the label the form shows for it ("Ghi chú" for
// "note"). Errors carry the key in `field` (or `path`, "parts[2].title", for an item of a
// list) and the label in the message; without a label the message says "Trường <key>".
struct Field {
  Field(const char* k) : key(k) {}       // NOLINT: implicit by design
  Field(std::string_view k) : key(k) {}  // NOLINT
  Field(std::string_view k, std::string_view l, std::string_view p = {})
      : key(k), label(l), path(p) {}
  std::string_view key;
  std::string_view label;
  std::string_view path;
};

Result<bj::object> ParseObject(std::string_view body);

// Refuses a key that is not in `known` (code unknown_field, `field` the key after `at`,
// "parts[0]." for an item of a list), so that a misspelt field is not silently ignored.
Status OnlyFields(const bj::object& o, std::initializer_list<std::string_view> known,
                  std::string_view at = {});

bool Has(const bj::object& o, std::string_view key);
// Trimmed and NFC-normalised; tab and line breaks are the only control characters taken.
Result<std::string> RequiredString(const bj::object& o, Field f, size_t max_chars = 500);
Result<std::optional<std::string>> OptionalString(const bj::object& o, Field f,
                                                  size_t max_chars = 500);
// An integer in [min, max], the range of the value's destination; 1.0 and "1" are not
// integers.
Result<int64_t> RequiredInt(const bj::object& o, Field f, int64_t min, int64_t max);
Result<std::optional<int64_t>> OptionalInt(const bj::object& o, Field f, int64_t min, int64_t max);
// An id: an integer from 1 up.
inline constexpr int64_t kMaxId = std::numeric_limits<int64_t>::max();
Result<int64_t> RequiredId(const bj::object& o, Field f);
Result<std::optional<int64_t>> OptionalId(const bj::object& o, Field f);
Result<Date> RequiredDate(const bj::object& o, Field f);
Result<std::optional<Date>> OptionalDate(const bj::object& o, Field f);
Result<std::optional<bool>> OptionalBool(const bj::object& o, Field f);
// An array of at most `max_items` ids; absent or null is empty.
Result<std::vector<int64_t>> IdArray(const bj::object& o, Field f, size_t max_items = 1000);

// JSON null for nullopt.
template <typename T>
bj::value OrNull(const std::optional<T>& v) {
  return v ? bj::value(*v) : bj::value(nullptr);
}
inline bj::value DateOrNull(const std::optional<Date>& d) {
  return d ? bj::value(d->ToString()) : bj::value(nullptr);
}

}  // namespace dh::json
