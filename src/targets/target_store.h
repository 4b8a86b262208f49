// The targets room's SQL: indicators, targets and their splits, reported values and
// explanation requests, on SQLite and PostgreSQL alike. Every function runs on the caller's
// connection (the service's transaction). A duplicate indicator code or target key comes
// back as UniqueViolation naming the field.
#pragma once

#include <optional>
#include <vector>

#include "db/connection.h"
#include "targets/targets.h"

namespace dh::targets {

Result<int64_t> InsertIndicator(db::Connection& c, const Indicator& i);
Status UpdateIndicator(db::Connection& c, const Indicator& i);
Result<std::optional<Indicator>> FindIndicator(db::Connection& c, int64_t id);
// Every indicator, or those of `ids`.
Result<std::vector<Indicator>> LoadIndicators(db::Connection& c,
                                              const std::optional<std::vector<int64_t>>& ids);

// Inserts the target and its split.
Result<int64_t> InsertTarget(db::Connection& c, const Target& t);
Result<std::optional<Target>> FindTarget(db::Connection& c, int64_t id);
// Every target with its split, or those of `ids`.
Result<std::vector<Target>> LoadTargets(db::Connection& c,
                                        const std::optional<std::vector<int64_t>>& ids);

Result<int64_t> InsertValue(db::Connection& c, const IndicatorValue& v);
Status DecideValue(db::Connection& c, int64_t id, ValueState state, int64_t user, int64_t at,
                   const std::string& note);
Result<std::optional<IndicatorValue>> FindValue(db::Connection& c, int64_t id);

struct ValueFilter {
  std::optional<int64_t> indicator_id, unit_id;
  std::optional<std::string> period;
  std::optional<ValueState> state;
};
// Newest first.
Result<std::vector<IndicatorValue>> ListValues(db::Connection& c, const ValueFilter& f);
// The approved values, oldest first: every one, or those of one indicator and unit.
Result<std::vector<IndicatorValue>> ApprovedValues(db::Connection& c,
                                                   std::optional<int64_t> indicator_id,
                                                   std::optional<int64_t> unit_id);

Result<int64_t> InsertExplanation(db::Connection& c, const ExplanationRequest& r);
Status UpdateExplanation(db::Connection& c, const ExplanationRequest& r);
Result<std::optional<ExplanationRequest>> FindExplanation(db::Connection& c, int64_t id);
// What a request is about: a target, or a task (the task boards count these).
enum class ExplanationAbout { kTarget, kTask };
struct ExplanationFilter {
  std::optional<int64_t> target_id, task_id, unit_id;
  std::optional<ExplanationState> state;
  std::optional<ExplanationAbout> about;
  // PageExplanations' order: a column of the list ("" for newest first).
  std::string sort;
  bool descending = false;
};
// Newest first.
Result<std::vector<ExplanationRequest>> ListExplanations(db::Connection& c,
                                                         const ExplanationFilter& f);
Status InsertExplanationEvent(db::Connection& c, const ExplanationEvent& e);
Result<std::vector<ExplanationEvent>> EventsOf(db::Connection& c, int64_t request_id);

}  // namespace dh::targets
