// A target's status and the sentence that decided it ("7,17 % < 7,5 %: chưa đạt"; "quý II
// đạt 41 % kế hoạch năm, cần 50 %: có nguy cơ"). Pure: never stored, recomputed from the
// target, its split and the approved values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "targets/period.h"
#include "targets/target_expression.h"

namespace dh::targets {

enum class Direction { kHigherBetter, kLowerBetter, kInRange };
enum class TargetStatus { kAchieved, kOnTrack, kAtRisk, kMissed, kNotReported };
enum class ValueKind { kEstimate, kOfficial };

std::string_view DirectionName(Direction d);  // "higher_better", "lower_better", "in_range"
std::optional<Direction> ParseDirection(std::string_view name);
std::string_view StatusName(TargetStatus s);  // "achieved", "on_track", … "not_reported"
std::string_view ValueKindName(ValueKind k);  // "estimate", "official"
std::optional<ValueKind> ParseValueKind(std::string_view name);

// An approved value of the indicator for the target's unit.
struct Reading {
  Period period;
  double value = 0;
  ValueKind kind = ValueKind::kEstimate;
};

// The reading a target is judged on among `values` (any order): the whole period's
// official value, else its estimate, else the value of the latest part of the period
// (official before estimate). nullopt when none lies inside `target`.
std::optional<Reading> PickReading(const std::vector<Reading>& values, const Period& target);

// The readings a trend chart draws: periods of one size only (`kind`: a chart of months does
// not jump to a year's figure), each period once (official before estimate), those ending by
// `until`'s end, oldest first, at most the last `n`.
std::vector<Reading> TrendOf(const std::vector<Reading>& readings, PeriodKind kind,
                             const Period& until, size_t n);

// One part of a yearly (or quarterly) target: the share of it planned for `period`.
struct SplitPart {
  Period period;
  double share = 0;  // percent of the target's value, 0–100
};

// Percent of the target planned by the end of `part`: the shares of the split's parts that
// end by then, or, without a split, the share of the target's months elapsed (linear).
double PlannedShareBy(const std::vector<SplitPart>& split, const Period& part,
                      const Period& target);

struct StatusQuestion {
  Direction direction = Direction::kHigherBetter;
  // Values add up over time (aggregation "sum": housing units, jobs): a part of the period
  // is judged against its planned share. Rates and indices are judged as they stand.
  bool cumulative = false;
  TargetExpression target;
  Period period;
  std::vector<SplitPart> split;
  std::optional<double> previous_official;  // for a relative target
  std::optional<Reading> reading;           // PickReading's answer
};

struct StatusVerdict {
  TargetStatus status = TargetStatus::kNotReported;
  std::string reason;     // in Vietnamese, as the officials' review sheet prints it
  std::string reason_en;  // the same for English readers
};

// The status and why, said in both languages whatever the current one.
StatusVerdict JudgeTarget(const StatusQuestion& q);
// The reason in the current language (core/message.h).
const std::string& StatusReason(const StatusVerdict& v);

}  // namespace dh::targets
