// An enum's names written once, as a table of (value, name) pairs, and read both ways:
//
//   constexpr std::array<std::pair<TaskState, std::string_view>, 9> kStates = {{…}};
//   std::string_view StateName(TaskState s) { return NameIn(kStates, s); }
//   std::optional<TaskState> ParseState(std::string_view s) { return ValueIn(kStates, s); }
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace dh {

template <typename E, size_t N>
using NameTable = std::array<std::pair<E, std::string_view>, N>;

// The name of `value`; "" when the table has none.
template <typename E, size_t N>
constexpr std::string_view NameIn(const NameTable<E, N>& names, E value) {
  for (const auto& [k, v] : names)
    if (k == value) return v;
  return "";
}

// The value named `name`; nullopt for a name the table does not hold.
template <typename E, size_t N>
constexpr std::optional<E> ValueIn(const NameTable<E, N>& names, std::string_view name) {
  for (const auto& [k, v] : names)
    if (v == name) return k;
  return std::nullopt;
}

}  // namespace dh
