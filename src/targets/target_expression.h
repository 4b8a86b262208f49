// A target as people write it in a plan ("trên 95%", "7,5 – 8 %", "≥ 1.000 căn",
// "giảm 10%"), read into a comparison and one or two numbers. Pure; never throws on input.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace dh::targets {

enum class Comparator { kGreater, kGreaterEq, kLess, kLessEq, kEqual, kBetween };

// ">", ">=", "<", "<=", "=", "between": the API's names.
std::string_view ComparatorName(Comparator c);
std::optional<Comparator> ParseComparator(std::string_view name);

struct TargetExpression {
  Comparator comparator = Comparator::kEqual;
  std::vector<double> values;  // one, or two (low, high) for kBetween
  // The values are a change against the previous period's official value: a percent
  // change when `unit` is "%", a difference in `unit` otherwise. A decrease is negative.
  bool relative = false;
  std::string unit;        // as written after the number: "%", "căn", "tỷ đồng", "" for none
  std::string reading;     // how it was read, in Vietnamese: "Giá trị phải lớn hơn 95 %."
  std::string reading_en;  // the same for English readers
};

// The reading in the current language (core/message.h).
const std::string& ReadingIn(const TargetExpression& e);

// Reads `text`. InvalidInput on field "expression" with a sentence naming "Chỉ tiêu" that
// says what could not be read and how to write it.
Result<TargetExpression> ReadTargetExpression(std::string_view text);

// Checks a comparator and values given as such (not as text) and writes their reading.
Result<TargetExpression> MakeTargetExpression(Comparator c, std::vector<double> values,
                                              std::string unit, bool relative);

// A number as Vietnamese write it: "1.234,5", "7,5", "-10", at most two decimals.
std::string FormatNumber(double v);
// FormatNumber in the reader's language (core/message.h): 1.234,5 or 1,234.5.
std::string SayNumber(double v);
// "95 %", "1.000 căn", "8" (no unit).
std::string FormatWithUnit(double v, std::string_view unit);

}  // namespace dh::targets
