// The targets room's use cases: keep the indicator catalogue, set targets, report values
// and decide on them, ask for explanations and answer them, run the review. Each write is
// one transaction with its audit entry (and its notices, through target_notices.h); the
// read model (target_model.h) is refreshed after the commit.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "calendar/calendar_service.h"
#include "core/date.h"
#include "db/database.h"
#include "readmodel/change_feed.h"
#include "sheets/rows.h"
#include "targets/computed_source.h"
#include "targets/target_access.h"
#include "targets/target_model.h"
#include "targets/target_store.h"
#include "units/unit_directory.h"

namespace dh::tasks {
class TaskService;
}

namespace dh::targets {

struct TargetInput {
  int64_t indicator_id = 0, unit_id = 0;
  Period period;
  std::string expression;  // as typed; "" when given as comparator and values
  TargetExpression parsed;
  std::vector<SplitPart> split;
  std::string note;
};

struct ValueInput {
  int64_t indicator_id = 0, unit_id = 0;
  Period period;
  double value = 0;
  ValueKind kind = ValueKind::kEstimate;
  std::string source, note;
};

struct AskInput {
  std::optional<int64_t> target_id, task_id;
  std::optional<Date> due_on;
  std::optional<int> due_in_days;  // working days from today, through the calendar
  std::string question;
};

struct AnswerInput {
  std::string causes, measures;
  std::optional<double> expected_value;
  std::optional<Date> expected_on;
};

// An upload of values (.xlsx or .csv): the bytes, their type, the file's name; a dry run
// only checks the rows (the import page's first step).
struct ValueUpload {
  std::string bytes, content_type, file_name;
  bool dry_run = false;
};

struct ValueImportOutcome {
  std::vector<sheets::RowError> errors;  // when any: nothing was imported
  int64_t valid_rows = 0;
  int64_t imported = 0;
};

struct ExplanationDetail {
  ExplanationRequest request;
  std::vector<ExplanationEvent> events;
};

// One line of the review: a target judged on what was reported by the end of the period,
// its readings over time and the units of the same indicator that lag.
struct ReviewLine {
  TargetRow row;
  std::vector<Reading> trend;
  std::vector<TargetRow> lagging;
};

class TargetService {
 public:
  TargetService(db::Database& db, const Clock& clock, const units::UnitDirectory& units,
                calendar::CalendarService& calendar, TargetModel& model,
                const ComputedSources& sources, readmodel::ChangeFeed* feed,
                tasks::TaskService* tasks);

  // Catalogue.
  Result<std::vector<Indicator>> ListIndicators(const auth::Principal& who) const;
  Result<Indicator> GetIndicator(const auth::Principal& who, int64_t id) const;
  Result<Indicator> CreateIndicator(const auth::Principal& who, Indicator in);
  Result<Indicator> UpdateIndicator(const auth::Principal& who, Indicator in);

  // Targets, with their status.
  Result<TargetRow> CreateTarget(const auth::Principal& who, const TargetInput& in);
  Result<TargetRow> GetTarget(const auth::Principal& who, int64_t id) const;
  Result<std::vector<TargetRow>> ListTargets(const auth::Principal& who, TargetQuery q) const;

  // Values: a unit submits, the office approves or returns.
  Result<IndicatorValue> SubmitValue(const auth::Principal& who, const ValueInput& in);
  Result<IndicatorValue> DecideValue(const auth::Principal& who, int64_t id, bool approve,
                                     const std::string& note);
  Result<std::vector<IndicatorValue>> ListValues(const auth::Principal& who,
                                                 const ValueFilter& f) const;
  Result<IndicatorValue> GetValue(const auth::Principal& who, int64_t id) const;
  // One page of the values in scope, read in SQL (newest first); *total counts them all.
  Result<std::vector<IndicatorValue>> PageValues(const auth::Principal& who, const ValueFilter& f,
                                                 int64_t limit, int64_t offset,
                                                 int64_t* total) const;
  // Values from a sheet, submitted as the unit's (target_import.cc): every row or none;
  // the same file twice changes nothing (Conflict already_imported).
  Result<ValueImportOutcome> ImportValues(const auth::Principal& who, const ValueUpload& up);

  // Explanations (giải trình).
  Result<ExplanationRequest> Ask(const auth::Principal& who, const AskInput& in);
  Result<ExplanationRequest> Answer(const auth::Principal& who, int64_t id, const AnswerInput& in);
  Result<ExplanationRequest> Accept(const auth::Principal& who, int64_t id);
  Result<ExplanationRequest> AskAgain(const auth::Principal& who, int64_t id,
                                      const std::string& question, std::optional<Date> due_on,
                                      std::optional<int> due_in_days);
  Result<ExplanationDetail> GetExplanation(const auth::Principal& who, int64_t id) const;
  Result<std::vector<ExplanationRequest>> ListExplanations(const auth::Principal& who,
                                                           const ExplanationFilter& f) const;
  // One page of the requests in scope, read in SQL (newest first); *total counts them all.
  // `late_only`: the open ones past their date (by working days).
  Result<std::vector<ExplanationRequest>> PageExplanations(const auth::Principal& who,
                                                           const ExplanationFilter& f,
                                                           bool late_only, int64_t limit,
                                                           int64_t offset, int64_t* total) const;
  // Working days late of an open request today (0: not late).
  int DaysLate(const ExplanationRequest& r) const;

  // The review of a period: every target of that period, and the targets of a longer
  // period containing it judged on what was reported by its end.
  Result<std::vector<ReviewLine>> Review(const auth::Principal& who, const Period& p) const;

  Date Today() const { return clock_.Today(); }
  const units::UnitDirectory& units() const { return units_; }
  TargetModel& model() { return model_; }
  // The tasks an explanation may be about (nullptr when not wired).
  const tasks::TaskService* tasks() const { return tasks_; }

 private:
  TargetAccess AccessOf(const auth::Principal& who) const;
  Status ApplyChanges(const std::vector<readmodel::Change>& changes);
  Status CheckUnit(int64_t unit_id, const char* field) const;
  Result<Indicator> TypedIndicator(int64_t id) const;
  Result<Date> DueOn(std::optional<Date> due_on, std::optional<int> due_in_days) const;
  Result<int64_t> UnitToExplain(const auth::Principal& who, const TargetAccess& a,
                                const AskInput& in) const;
  Result<ExplanationRequest> ExplanationForWrite(db::Connection& c, const TargetAccess& a,
                                                 int64_t id) const;
  Result<ExplanationRequest> WriteExplanation(
      const auth::Principal& who, int64_t id, const char* action,
      const std::function<Status(ExplanationRequest&, ExplanationEvent&)>& change);
  Result<std::vector<IndicatorValue>> ParseValueRows(const TargetAccess& a, const ValueUpload& up,
                                                     std::vector<sheets::RowError>* errors) const;
  std::vector<ReviewLine> ReviewLines(const TargetAccess& a, std::vector<TargetRow> rows) const;

  db::Database& db_;
  const Clock& clock_;
  const units::UnitDirectory& units_;
  calendar::CalendarService& calendar_;
  TargetModel& model_;
  const ComputedSources& sources_;
  tasks::TaskService* tasks_;
};

}  // namespace dh::targets
