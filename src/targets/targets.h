// The records of the targets room: the indicator catalogue, targets, reported values and
// explanation requests, as the store reads and writes them. Plain structs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "targets/period.h"
#include "targets/target_expression.h"
#include "targets/target_status.h"

namespace dh::targets {

enum class Aggregation { kSum, kAverage, kWeighted, kNone };
enum class Periodicity { kMonth, kQuarter, kYear };
enum class ValueState { kSubmitted, kApproved, kReturned };
enum class ExplanationState { kOpen, kAnswered, kAccepted };

std::string_view AggregationName(Aggregation a);  // "sum", "average", "weighted", "none"
std::optional<Aggregation> ParseAggregation(std::string_view s);
std::string_view PeriodicityName(Periodicity p);  // "month", "quarter", "year"
std::optional<Periodicity> ParsePeriodicity(std::string_view s);
std::string_view ValueStateName(ValueState s);  // "submitted", "approved", "returned"
std::optional<ValueState> ParseValueState(std::string_view s);
std::string_view ExplanationStateName(ExplanationState s);  // "open", "answered", "accepted"
std::optional<ExplanationState> ParseExplanationState(std::string_view s);

// The audit entities the change feed follows for this room.
inline constexpr char kIndicatorEntity[] = "indicator";
inline constexpr char kTargetEntity[] = "target";
inline constexpr char kValueEntity[] = "indicator_value";
inline constexpr char kExplanationEntity[] = "explanation_request";

struct Indicator {
  int64_t id = 0;
  std::string code, name, name_en, unit_of_measure;
  Direction direction = Direction::kHigherBetter;
  Aggregation aggregation = Aggregation::kSum;
  Periodicity periodicity = Periodicity::kYear;
  int64_t responsible_unit_id = 0;
  std::string group;
  std::string computed;  // "" typed by units; else the name of its computed source
  int64_t created_at = 0, updated_at = 0;
};

struct Target {
  int64_t id = 0, indicator_id = 0, unit_id = 0;
  Period period;
  std::string expression;  // as typed; "" when given as comparator and values
  TargetExpression parsed;
  std::vector<SplitPart> split;
  std::string note;
  std::optional<int64_t> created_by;
  int64_t created_at = 0, updated_at = 0;
};

struct IndicatorValue {
  int64_t id = 0, indicator_id = 0, unit_id = 0;
  Period period;
  ValueKind kind = ValueKind::kEstimate;
  double value = 0;
  std::string source, note;
  ValueState state = ValueState::kSubmitted;
  std::optional<int64_t> submitted_by;
  int64_t submitted_at = 0;
  std::optional<int64_t> decided_by;
  std::optional<int64_t> decided_at;
  std::string decision_note;
};

struct ExplanationRequest {
  int64_t id = 0;
  std::optional<int64_t> target_id, task_id;
  int64_t unit_id = 0;
  std::string question;
  Date due_on;
  ExplanationState state = ExplanationState::kOpen;
  int round = 1;
  std::optional<int64_t> asked_by;
  int64_t asked_at = 0;
  std::string causes, measures;
  std::optional<double> expected_value;
  std::optional<Date> expected_on;
  std::optional<int64_t> answered_by;
  std::optional<Date> answered_on;
  std::optional<int64_t> decided_by, decided_at;
};

struct ExplanationEvent {
  int64_t id = 0, request_id = 0;
  std::string kind;  // asked | answered | accepted | asked_again
  int round = 1;
  std::string text;
  std::optional<int64_t> user_id;
  int64_t created_at = 0;
};

}  // namespace dh::targets
