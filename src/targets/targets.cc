#include "targets/targets.h"

namespace dh::targets {
namespace {

template <size_t N>
std::optional<int> IndexOf(const char* const (&names)[N], std::string_view s) {
  for (size_t i = 0; i < N; ++i)
    if (s == names[i]) return static_cast<int>(i);
  return std::nullopt;
}

template <typename E, size_t N>
std::optional<E> ParseEnum(const char* const (&names)[N], std::string_view s) {
  const auto i = IndexOf(names, s);
  return i ? std::optional(static_cast<E>(*i)) : std::nullopt;
}

const char* const kAggregations[] = {"sum", "average", "weighted", "none"};
const char* const kPeriodicities[] = {"month", "quarter", "year"};
const char* const kValueStates[] = {"submitted", "approved", "returned"};
const char* const kExplanationStates[] = {"open", "answered", "accepted"};

}  // namespace

std::string_view AggregationName(Aggregation a) { return kAggregations[static_cast<int>(a)]; }
std::optional<Aggregation> ParseAggregation(std::string_view s) {
  return ParseEnum<Aggregation>(kAggregations, s);
}
std::string_view PeriodicityName(Periodicity p) { return kPeriodicities[static_cast<int>(p)]; }
std::optional<Periodicity> ParsePeriodicity(std::string_view s) {
  return ParseEnum<Periodicity>(kPeriodicities, s);
}
std::string_view ValueStateName(ValueState s) { return kValueStates[static_cast<int>(s)]; }
std::optional<ValueState> ParseValueState(std::string_view s) {
  return ParseEnum<ValueState>(kValueStates, s);
}
std::string_view ExplanationStateName(ExplanationState s) {
  return kExplanationStates[static_cast<int>(s)];
}
std::optional<ExplanationState> ParseExplanationState(std::string_view s) {
  return ParseEnum<ExplanationState>(kExplanationStates, s);
}

}  // namespace dh::targets
