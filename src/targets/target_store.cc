#include "targets/target_store.h"

#include <algorithm>
#include <map>

#include "db/row_reader.h"
#include "db/sql_lists.h"
#include "db/sql_order.h"
#include "db/table_sql.h"
#include "targets/target_lists.h"
#include "targets/target_messages.h"

namespace dh::targets {
namespace {

using db::Params;
using db::Value;

// ---- The statements ---------------------------------------------------------------------

constexpr db::Table kIndicators{
    "indicators",
    "code, name, name_en, unit_of_measure, direction, aggregation, periodicity, "
    "responsible_unit_id, group_name, computed, created_at, updated_at"};
constexpr db::Table kTargets{"targets",
                             "indicator_id, unit_id, period, expression, comparator, value_low, "
                             "value_high, relative, unit_text, note, created_by, created_at, "
                             "updated_at"};
constexpr db::Table kValues{"indicator_values",
                            "indicator_id, unit_id, period, kind, value, source, note, state, "
                            "submitted_by, submitted_at, decided_by, decided_at, decision_note"};
constexpr db::Table kExplanations{
    "explanation_requests",
    "target_id, task_id, unit_id, question, due_on, state, round, asked_by, asked_at, causes, "
    "measures, expected_value, expected_on, answered_by, answered_on, decided_by, decided_at"};
constexpr db::Table kEvents{"explanation_events",
                            "request_id, kind, round, text, user_id, created_at"};

const std::string kIndicatorColumns = kIndicators.Select();
const std::string kInsertIndicatorSql = kIndicators.Insert();
const std::string kUpdateIndicatorSql = kIndicators.Update(
    "code, name, name_en, unit_of_measure, direction, aggregation, "
    "periodicity, responsible_unit_id, group_name, computed, updated_at");
const std::string kTargetColumns = kTargets.Select();
const std::string kInsertTargetSql = kTargets.Insert();
// The columns a row is written with (and read back in this order).
constexpr const char* kSplitFields = "target_id, period, share";
const std::string kInsertSplitSql = db::InsertSql("target_splits", kSplitFields);
const std::string kSplitColumns = db::SelectSql("target_splits", kSplitFields);
const std::string kValueColumns = kValues.Select();
const std::string kInsertValueSql = kValues.Insert();
const std::string kDecideValueSql = kValues.Update("state, decided_by, decided_at, decision_note");
const std::string kExplanationColumns = kExplanations.Select();
const std::string kInsertExplanationSql = kExplanations.Insert();
const std::string kUpdateExplanationSql = kExplanations.Update(
    "question, due_on, state, round, causes, measures, expected_value, "
    "expected_on, answered_by, answered_on, decided_by, decided_at");
const std::string kInsertEventSql = db::InsertSql(kEvents.name, kEvents.columns);
const std::string kEventsOfSql = kEvents.Select("WHERE request_id = ? ORDER BY id");
constexpr char kWhereId[] = " WHERE id = ?";
constexpr char kWhereIdIn[] = " WHERE id IN ";
constexpr char kWhereTargetIn[] = " WHERE target_id IN ";
constexpr char kWhereAll[] = " WHERE 1 = 1";
constexpr char kAndIndicator[] = " AND indicator_id = ?";
constexpr char kAndUnit[] = " AND unit_id = ?";
constexpr char kAndPeriod[] = " AND period = ?";
constexpr char kAndState[] = " AND state = ?";
constexpr char kAndTarget[] = " AND target_id = ?";
constexpr char kAndTask[] = " AND task_id = ?";
constexpr char kNewestFirst[] = " ORDER BY id DESC";
constexpr char kOldestFirst[] = " ORDER BY id";
constexpr char kApproved[] = " WHERE state = 'approved'";
constexpr char kAboutTarget[] = " AND target_id IS NOT NULL";
constexpr char kAboutTask[] = " AND task_id IS NOT NULL";

const char* AboutSql(ExplanationAbout about) {
  return about == ExplanationAbout::kTask ? kAboutTask : kAboutTarget;
}

// ---- Reading rows -----------------------------------------------------------------------

Value OptReal(const std::optional<double>& v) { return v ? Value(*v) : Value(); }
Result<Period> ParsePeriod(std::string_view text) { return Period::Parse(text); }

void IndicatorFields(db::RowCursor& row, Indicator& x) {
  row(x.id, x.code, x.name, x.name_en, x.unit_of_measure,
      db::As(x.direction, ParseDirection, Direction::kHigherBetter),
      db::As(x.aggregation, ParseAggregation, Aggregation::kNone),
      db::As(x.periodicity, ParsePeriodicity, Periodicity::kYear), x.responsible_unit_id, x.group,
      x.computed, x.created_at, x.updated_at);
}

void TargetFields(db::RowCursor& row, Target& t) {
  std::string comparator, unit_text;
  double low = 0;
  std::optional<double> high;
  bool relative = false;
  row(t.id, t.indicator_id, t.unit_id, db::As(t.period, ParsePeriod, Period{}), t.expression,
      comparator, low, high, relative, unit_text, t.note, t.created_by, t.created_at, t.updated_at);
  std::vector<double> values{low};
  if (high) values.push_back(*high);
  const auto parsed = MakeTargetExpression(ParseComparator(comparator).value_or(Comparator::kEqual),
                                           std::move(values), unit_text, relative);
  if (parsed.ok()) t.parsed = *parsed;
}

void ValueFields(db::RowCursor& row, IndicatorValue& v) {
  row(v.id, v.indicator_id, v.unit_id, db::As(v.period, ParsePeriod, Period{}),
      db::As(v.kind, ParseValueKind, ValueKind::kEstimate), v.value, v.source, v.note,
      db::As(v.state, ParseValueState, ValueState::kSubmitted), v.submitted_by, v.submitted_at,
      v.decided_by, v.decided_at, v.decision_note);
}

void ExplanationFields(db::RowCursor& row, ExplanationRequest& x) {
  row(x.id, x.target_id, x.task_id, x.unit_id, x.question, x.due_on,
      db::As(x.state, ParseExplanationState, ExplanationState::kOpen), x.round, x.asked_by,
      x.asked_at, x.causes, x.measures, x.expected_value, x.expected_on, x.answered_by,
      x.answered_on, x.decided_by, x.decided_at);
}

Status NameDuplicate(Status s, const char* field, const MessageText& message) {
  if (s.code() == StatusCode::kUniqueViolation) return Status::UniqueViolation(field, Say(message));
  return s;
}

Params IndicatorParams(const Indicator& i) {
  return {i.code,
          i.name,
          i.name_en,
          i.unit_of_measure,
          std::string(DirectionName(i.direction)),
          std::string(AggregationName(i.aggregation)),
          std::string(PeriodicityName(i.periodicity)),
          i.responsible_unit_id,
          i.group,
          i.computed};
}

Status AttachSplits(db::Connection& c, std::vector<Target>& targets) {
  if (targets.empty()) return Status::Ok();
  std::vector<int64_t> ids;
  for (Target& t : targets) ids.push_back(t.id);
  std::string sql = std::string(kSplitColumns) + kWhereTargetIn;
  Params p;
  db::AppendInList(ids, sql, p);
  using Split = std::pair<int64_t, SplitPart>;  // target, part
  DH_ASSIGN_OR_RETURN(db::ChildRows<SplitPart> parts,
                      db::ReadAll<Split>(c, sql, p, [](db::RowCursor& row, Split& s) {
                        row(s.first, db::As(s.second.period, ParsePeriod, Period{}),
                            s.second.share);
                      }));
  db::AttachById(targets, parts, [](Target& t, const SplitPart& s) { t.split.push_back(s); });
  return Status::Ok();
}

// The rows `columns` reads, all of them (no ids) or those of `ids`, oldest first.
template <typename T, typename Read>
Result<std::vector<T>> LoadSome(db::Connection& c, const std::string& columns,
                                const std::optional<std::vector<int64_t>>& ids, Read read) {
  std::string sql = columns;
  Params p;
  if (ids) {
    if (ids->empty()) return std::vector<T>{};
    sql += kWhereIdIn;
    db::AppendInList(*ids, sql, p);
  }
  return db::ReadAll<T>(c, sql + kOldestFirst, p, read);
}

// The WHERE clauses of a value filter, appended to `sql` with their parameters.
void AppendValueFilter(const ValueFilter& f, std::string& sql, Params& p) {
  if (f.indicator_id) sql += kAndIndicator, p.push_back(*f.indicator_id);
  if (f.unit_id) sql += kAndUnit, p.push_back(*f.unit_id);
  if (f.period) sql += kAndPeriod, p.push_back(*f.period);
  if (f.state) sql += kAndState, p.push_back(std::string(ValueStateName(*f.state)));
}

// The WHERE clauses of an explanation filter, appended to `sql` with their parameters.
void AppendExplanationFilter(const ExplanationFilter& f, std::string& sql, Params& p) {
  if (f.target_id) sql += kAndTarget, p.push_back(*f.target_id);
  if (f.task_id) sql += kAndTask, p.push_back(*f.task_id);
  if (f.unit_id) sql += kAndUnit, p.push_back(*f.unit_id);
  if (f.state) sql += kAndState, p.push_back(std::string(ExplanationStateName(*f.state)));
  if (f.about) sql += AboutSql(*f.about);
}

}  // namespace

Result<int64_t> InsertIndicator(db::Connection& c, const Indicator& i) {
  Params p = IndicatorParams(i);
  p.push_back(i.created_at);
  p.push_back(i.updated_at);
  auto id = db::ReadInt(c, kInsertIndicatorSql, p);
  if (!id.ok()) return NameDuplicate(id.status(), "code", msg::kDuplicateIndicatorCode);
  return id;
}

Status UpdateIndicator(db::Connection& c, const Indicator& i) {
  Params p = IndicatorParams(i);
  p.push_back(i.updated_at);
  p.push_back(i.id);
  return NameDuplicate(c.Exec(kUpdateIndicatorSql, p).status(), "code",
                       msg::kDuplicateIndicatorCode);
}

Result<std::optional<Indicator>> FindIndicator(db::Connection& c, int64_t id) {
  return db::ReadOne<Indicator>(c, std::string(kIndicatorColumns) + kWhereId, {id},
                                IndicatorFields);
}

Result<std::vector<Indicator>> LoadIndicators(db::Connection& c,
                                              const std::optional<std::vector<int64_t>>& ids) {
  return LoadSome<Indicator>(c, kIndicatorColumns, ids, IndicatorFields);
}

Result<int64_t> InsertTarget(db::Connection& c, const Target& t) {
  const TargetExpression& e = t.parsed;
  const Value high = e.values.size() > 1 ? Value(e.values[1]) : Value();
  auto r = db::ReadInt(
      c, kInsertTargetSql,
      {t.indicator_id, t.unit_id, t.period.ToString(), t.expression,
       std::string(ComparatorName(e.comparator)), e.values.at(0), high, int64_t{e.relative}, e.unit,
       t.note, db::OptId(t.created_by), t.created_at, t.updated_at});
  if (!r.ok()) return NameDuplicate(r.status(), "period", msg::kDuplicateTarget);
  const int64_t id = *r;
  for (const SplitPart& s : t.split)
    DH_RETURN_IF_ERROR(c.Exec(kInsertSplitSql, {id, s.period.ToString(), s.share}).status());
  return id;
}

Result<std::optional<Target>> FindTarget(db::Connection& c, int64_t id) {
  return db::First(LoadTargets(c, std::vector<int64_t>{id}));
}

Result<std::vector<Target>> LoadTargets(db::Connection& c,
                                        const std::optional<std::vector<int64_t>>& ids) {
  DH_ASSIGN_OR_RETURN(auto targets, LoadSome<Target>(c, kTargetColumns, ids, TargetFields));
  DH_RETURN_IF_ERROR(AttachSplits(c, targets));
  return targets;
}

Result<int64_t> InsertValue(db::Connection& c, const IndicatorValue& v) {
  return db::ReadInt(
      c, kInsertValueSql,
      {v.indicator_id, v.unit_id, v.period.ToString(), std::string(ValueKindName(v.kind)), v.value,
       v.source, v.note, std::string(ValueStateName(v.state)), db::OptId(v.submitted_by),
       v.submitted_at, db::OptId(v.decided_by), db::OptId(v.decided_at), v.decision_note});
}

Status DecideValue(db::Connection& c, int64_t id, ValueState state, int64_t user, int64_t at,
                   const std::string& note) {
  return c.Exec(kDecideValueSql, {std::string(ValueStateName(state)), user, at, note, id}).status();
}

Result<std::optional<IndicatorValue>> FindValue(db::Connection& c, int64_t id) {
  return db::ReadOne<IndicatorValue>(c, std::string(kValueColumns) + kWhereId, {id}, ValueFields);
}

Result<std::vector<IndicatorValue>> ListValues(db::Connection& c, const ValueFilter& f) {
  std::string sql = std::string(kValueColumns) + kWhereAll;
  Params p;
  AppendValueFilter(f, sql, p);
  return db::ReadAll<IndicatorValue>(c, sql + kNewestFirst, p, ValueFields);
}

Result<std::vector<IndicatorValue>> ApprovedValues(db::Connection& c,
                                                   std::optional<int64_t> indicator_id,
                                                   std::optional<int64_t> unit_id) {
  std::string sql = std::string(kValueColumns) + kApproved;
  Params p;
  ValueFilter f;
  f.indicator_id = indicator_id;
  f.unit_id = unit_id;
  AppendValueFilter(f, sql, p);
  return db::ReadAll<IndicatorValue>(c, sql + kOldestFirst, p, ValueFields);
}

namespace {
Params ExplanationParams(const ExplanationRequest& r) {
  return {r.question,
          r.due_on.ToString(),
          std::string(ExplanationStateName(r.state)),
          int64_t{r.round},
          r.causes,
          r.measures,
          OptReal(r.expected_value),
          db::OptDate(r.expected_on),
          db::OptId(r.answered_by),
          db::OptDate(r.answered_on),
          db::OptId(r.decided_by),
          db::OptId(r.decided_at)};
}
}  // namespace

Result<int64_t> InsertExplanation(db::Connection& c, const ExplanationRequest& r) {
  Params p = {db::OptId(r.target_id), db::OptId(r.task_id), r.unit_id};
  Params rest = ExplanationParams(r);
  rest.insert(rest.begin() + 4, {db::OptId(r.asked_by), r.asked_at});
  p.insert(p.end(), rest.begin(), rest.end());
  return db::ReadInt(c, kInsertExplanationSql, p);
}

Status UpdateExplanation(db::Connection& c, const ExplanationRequest& r) {
  Params p = ExplanationParams(r);
  p.push_back(r.id);
  return c.Exec(kUpdateExplanationSql, p).status();
}

Result<std::optional<ExplanationRequest>> FindExplanation(db::Connection& c, int64_t id) {
  return db::ReadOne<ExplanationRequest>(c, std::string(kExplanationColumns) + kWhereId, {id},
                                         ExplanationFields);
}

Result<std::vector<ExplanationRequest>> ListExplanations(db::Connection& c,
                                                         const ExplanationFilter& f) {
  std::string sql = std::string(kExplanationColumns) + kWhereAll;
  Params p;
  AppendExplanationFilter(f, sql, p);
  return db::ReadAll<ExplanationRequest>(c, sql + kNewestFirst, p, ExplanationFields);
}

Status InsertExplanationEvent(db::Connection& c, const ExplanationEvent& e) {
  return c
      .Exec(kInsertEventSql,
            {e.request_id, e.kind, int64_t{e.round}, e.text, db::OptId(e.user_id), e.created_at})
      .status();
}

Result<std::vector<ExplanationEvent>> EventsOf(db::Connection& c, int64_t request_id) {
  return db::ReadAll<ExplanationEvent>(
      c, kEventsOfSql, {request_id}, [](db::RowCursor& row, ExplanationEvent& e) {
        row(e.id, e.request_id, e.kind, e.round, e.text, e.user_id, e.created_at);
      });
}

}  // namespace dh::targets

// ---- Lists a page at a time (target_lists.h) ------------------------------------------------

namespace dh::targets {
namespace {

const std::string kCountValuesSql = db::CountSql("indicator_values");
const std::string kCountExplanationsSql = db::CountSql("explanation_requests");
constexpr char kNewestPage[] = " ORDER BY id DESC LIMIT ? OFFSET ?";
// The columns the list of explanation requests may be sorted by (ExplanationFilter::sort).
constexpr db::SqlOrder kExplanationOrders[] = {
    {"due_on", " ORDER BY due_on, id LIMIT ? OFFSET ?",
     " ORDER BY due_on DESC, id DESC LIMIT ? OFFSET ?"},
    {"state", " ORDER BY state, due_on, id LIMIT ? OFFSET ?",
     " ORDER BY state DESC, due_on, id LIMIT ? OFFSET ?"},
    {"unit",
     " ORDER BY (SELECT u.name_folded FROM units u WHERE u.id = unit_id), id LIMIT ? OFFSET ?",
     " ORDER BY (SELECT u.name_folded FROM units u WHERE u.id = unit_id) DESC, id LIMIT ? OFFSET "
     "?"},
    {"asked", " ORDER BY id LIMIT ? OFFSET ?", kNewestPage}};
constexpr char kAndUnitIn[] = " AND unit_id IN ";
constexpr char kAndAskedByOrUnitIn[] = " AND (asked_by = ? OR unit_id IN ";
constexpr char kAndAskedBy[] = " AND asked_by = ?";
constexpr char kAndOpenDueBefore[] = " AND state = 'open' AND due_on < ?";
constexpr char kCloseParen[] = ")";

std::vector<int64_t> Sorted(const std::vector<int64_t>& ids) {
  std::vector<int64_t> out = ids;
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

Result<std::vector<IndicatorValue>> PageValues(db::Connection& c, const ValueFilter& f,
                                               const UnitsFilter& units, int64_t limit,
                                               int64_t offset, int64_t* total) {
  std::string where = kWhereAll;
  Params p;
  AppendValueFilter(f, where, p);
  std::optional<std::string> scoped = where;
  if (units && units->empty()) scoped.reset();  // sees nothing
  if (units && !units->empty()) *scoped += kAndUnitIn, db::AppendInList(Sorted(*units), *scoped, p);
  return db::ReadPage<IndicatorValue>(c, {kCountValuesSql, kValueColumns, kNewestPage}, scoped, p,
                                      limit, offset, total, ValueFields);
}

Result<std::vector<ExplanationRequest>> PageExplanations(db::Connection& c,
                                                         const ExplanationPage& q, int64_t* total) {
  const ExplanationFilter& f = q.filter;
  std::string where = kWhereAll;
  Params p;
  AppendExplanationFilter(f, where, p);
  if (q.due_before) where += kAndOpenDueBefore, p.push_back(q.due_before->ToString());
  if (q.units && q.units->empty()) {
    where += kAndAskedBy, p.push_back(q.asker);
  } else if (q.units) {
    where += kAndAskedByOrUnitIn, p.push_back(q.asker);
    db::AppendInList(Sorted(*q.units), where, p);
    where += kCloseParen;
  }
  const std::string_view page =
      db::PageOrder(kExplanationOrders, f.sort, f.descending, kNewestPage);
  return db::ReadPage<ExplanationRequest>(c, {kCountExplanationsSql, kExplanationColumns, page},
                                          where, p, q.limit, q.offset, total, ExplanationFields);
}

}  // namespace dh::targets
