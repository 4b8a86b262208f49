// Reading request bodies: each reader names the field and says, in Vietnamese, what the
// caller should send instead. Boost.JSON rejects invalid UTF-8 and deep nesting.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/status.h"

namespace dh::json {

namespace bj = boost::json;

Result<bj::object> ParseObject(std::string_view body);

// A present key with JSON null counts as absent for the optional readers.
bool Has(const bj::object& o, std::string_view key);
Result<std::string> RequiredString(const bj::object& o, std::string_view key,
                                   size_t max_chars = 500);
Result<std::optional<std::string>> OptionalString(const bj::object& o, std::string_view key,
                                                  size_t max_chars = 500);
Result<int64_t> RequiredInt(const bj::object& o, std::string_view key);
Result<std::optional<int64_t>> OptionalInt(const bj::object& o, std::string_view key);
Result<Date> RequiredDate(const bj::object& o, std::string_view key);
Result<std::optional<Date>> OptionalDate(const bj::object& o, std::string_view key);
Result<std::optional<bool>> OptionalBool(const bj::object& o, std::string_view key);
// An array of integers (ids).
Result<std::vector<int64_t>> IntArray(const bj::object& o, std::string_view key);

// JSON null for nullopt.
template <typename T>
bj::value OrNull(const std::optional<T>& v) {
  return v ? bj::value(*v) : bj::value(nullptr);
}
inline bj::value DateOrNull(const std::optional<Date>& d) {
  return d ? bj::value(d->ToString()) : bj::value(nullptr);
}

}  // namespace dh::json
