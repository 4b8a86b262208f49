#include "targets/target_store.h"

#include <algorithm>
#include <map>

#include "db/sql_lists.h"
#include "targets/target_lists.h"

namespace dh::targets {
namespace {

using db::Params;
using db::Rows;
using db::Value;

// ---- The statements ---------------------------------------------------------------------

constexpr char kIndicatorColumns[] =
    "SELECT id, code, name, name_en, unit_of_measure, direction, aggregation, periodicity, "
    "responsible_unit_id, group_name, computed, created_at, updated_at FROM indicators";
constexpr char kInsertIndicatorSql[] =
    "INSERT INTO indicators (code, name, name_en, unit_of_measure, direction, aggregation, "
    "periodicity, responsible_unit_id, group_name, computed, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr char kUpdateIndicatorSql[] =
    "UPDATE indicators SET code = ?, name = ?, name_en = ?, unit_of_measure = ?, direction = ?, "
    "aggregation = ?, periodicity = ?, responsible_unit_id = ?, group_name = ?, computed = ?, "
    "updated_at = ? WHERE id = ?";
constexpr char kTargetColumns[] =
    "SELECT id, indicator_id, unit_id, period, expression, comparator, value_low, value_high, "
    "relative, unit_text, note, created_by, created_at, updated_at FROM targets";
constexpr char kInsertTargetSql[] =
    "INSERT INTO targets (indicator_id, unit_id, period, expression, comparator, value_low, "
    "value_high, relative, unit_text, note, created_by, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr char kInsertSplitSql[] =
    "INSERT INTO target_splits (target_id, period, share) VALUES (?, ?, ?)";
constexpr char kSplitColumns[] = "SELECT target_id, period, share FROM target_splits";
constexpr char kValueColumns[] =
    "SELECT id, indicator_id, unit_id, period, kind, value, source, note, state, submitted_by, "
    "submitted_at, decided_by, decided_at, decision_note FROM indicator_values";
constexpr char kInsertValueSql[] =
    "INSERT INTO indicator_values (indicator_id, unit_id, period, kind, value, source, note, "
    "state, submitted_by, submitted_at, decided_by, decided_at, decision_note) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr char kDecideValueSql[] =
    "UPDATE indicator_values SET state = ?, decided_by = ?, decided_at = ?, decision_note = ? "
    "WHERE id = ?";
constexpr char kExplanationColumns[] =
    "SELECT id, target_id, task_id, unit_id, question, due_on, state, round, asked_by, asked_at, "
    "causes, measures, expected_value, expected_on, answered_by, answered_on, decided_by, "
    "decided_at FROM explanation_requests";
constexpr char kInsertExplanationSql[] =
    "INSERT INTO explanation_requests (target_id, task_id, unit_id, question, due_on, state, "
    "round, asked_by, asked_at, causes, measures, expected_value, expected_on, answered_by, "
    "answered_on, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?) RETURNING id";
constexpr char kUpdateExplanationSql[] =
    "UPDATE explanation_requests SET question = ?, due_on = ?, state = ?, round = ?, causes = ?, "
    "measures = ?, expected_value = ?, expected_on = ?, answered_by = ?, answered_on = ?, "
    "decided_by = ?, decided_at = ? WHERE id = ?";
constexpr char kInsertEventSql[] =
    "INSERT INTO explanation_events (request_id, kind, round, text, user_id, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?)";
constexpr char kEventsOfSql[] =
    "SELECT id, request_id, kind, round, text, user_id, created_at FROM explanation_events "
    "WHERE request_id = ? ORDER BY id";
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

// ---- Reading rows -----------------------------------------------------------------------

Value OptReal(const std::optional<double>& v) { return v ? Value(*v) : Value(); }
std::optional<double> ReadOptReal(const Rows& r, size_t i, size_t col) {
  return r.IsNull(i, col) ? std::nullopt : std::optional(r.Real(i, col));
}
Period ReadPeriod(const Rows& r, size_t i, size_t col) {
  auto p = Period::Parse(r.Text(i, col));
  return p.ok() ? *p : Period{};
}

Indicator ReadIndicator(const Rows& r, size_t i) {
  Indicator x;
  x.id = r.Int(i, 0);
  x.code = r.Text(i, 1);
  x.name = r.Text(i, 2);
  x.name_en = r.Text(i, 3);
  x.unit_of_measure = r.Text(i, 4);
  x.direction = ParseDirection(r.Text(i, 5)).value_or(Direction::kHigherBetter);
  x.aggregation = ParseAggregation(r.Text(i, 6)).value_or(Aggregation::kNone);
  x.periodicity = ParsePeriodicity(r.Text(i, 7)).value_or(Periodicity::kYear);
  x.responsible_unit_id = r.Int(i, 8);
  x.group = r.Text(i, 9);
  x.computed = r.Text(i, 10);
  x.created_at = r.Int(i, 11);
  x.updated_at = r.Int(i, 12);
  return x;
}

Target ReadTarget(const Rows& r, size_t i) {
  Target t;
  t.id = r.Int(i, 0);
  t.indicator_id = r.Int(i, 1);
  t.unit_id = r.Int(i, 2);
  t.period = ReadPeriod(r, i, 3);
  t.expression = r.Text(i, 4);
  std::vector<double> values{r.Real(i, 6)};
  if (!r.IsNull(i, 7)) values.push_back(r.Real(i, 7));
  const auto parsed =
      MakeTargetExpression(ParseComparator(r.Text(i, 5)).value_or(Comparator::kEqual),
                           std::move(values), r.Text(i, 9), r.Int(i, 8) != 0);
  if (parsed.ok()) t.parsed = *parsed;
  t.note = r.Text(i, 10);
  t.created_by = r.OptInt(i, 11);
  t.created_at = r.Int(i, 12);
  t.updated_at = r.Int(i, 13);
  return t;
}

IndicatorValue ReadValue(const Rows& r, size_t i) {
  IndicatorValue v;
  v.id = r.Int(i, 0);
  v.indicator_id = r.Int(i, 1);
  v.unit_id = r.Int(i, 2);
  v.period = ReadPeriod(r, i, 3);
  v.kind = ParseValueKind(r.Text(i, 4)).value_or(ValueKind::kEstimate);
  v.value = r.Real(i, 5);
  v.source = r.Text(i, 6);
  v.note = r.Text(i, 7);
  v.state = ParseValueState(r.Text(i, 8)).value_or(ValueState::kSubmitted);
  v.submitted_by = r.OptInt(i, 9);
  v.submitted_at = r.Int(i, 10);
  v.decided_by = r.OptInt(i, 11);
  v.decided_at = r.OptInt(i, 12);
  v.decision_note = r.Text(i, 13);
  return v;
}

ExplanationRequest ReadExplanation(const Rows& r, size_t i) {
  ExplanationRequest x;
  x.id = r.Int(i, 0);
  x.target_id = r.OptInt(i, 1);
  x.task_id = r.OptInt(i, 2);
  x.unit_id = r.Int(i, 3);
  x.question = r.Text(i, 4);
  x.due_on = db::ReadDate(r, i, 5).value_or(Date());
  x.state = ParseExplanationState(r.Text(i, 6)).value_or(ExplanationState::kOpen);
  x.round = static_cast<int>(r.Int(i, 7));
  x.asked_by = r.OptInt(i, 8);
  x.asked_at = r.Int(i, 9);
  x.causes = r.Text(i, 10);
  x.measures = r.Text(i, 11);
  x.expected_value = ReadOptReal(r, i, 12);
  x.expected_on = db::ReadDate(r, i, 13);
  x.answered_by = r.OptInt(i, 14);
  x.answered_on = db::ReadDate(r, i, 15);
  x.decided_by = r.OptInt(i, 16);
  x.decided_at = r.OptInt(i, 17);
  return x;
}

Status NameDuplicate(Status s, const char* field, const char* message) {
  if (s.code() == StatusCode::kUniqueViolation) return Status::UniqueViolation(field, message);
  return s;
}

constexpr char kDuplicateCode[] =
    "Mã chỉ tiêu này đã có trong danh mục; chọn mã khác hoặc sửa chỉ tiêu đã có.";

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

template <typename T, typename Read>
Result<std::vector<T>> Select(db::Connection& c, std::string sql, const Params& p, Read read) {
  DH_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, p));
  return db::ReadRows(rows, read);
}

template <typename T>
std::optional<T> First(std::vector<T> v) {
  return v.empty() ? std::nullopt : std::optional(std::move(v[0]));
}

Status AttachSplits(db::Connection& c, std::vector<Target>& targets) {
  if (targets.empty()) return Status::Ok();
  std::vector<int64_t> ids;
  std::map<int64_t, Target*> by_id;
  for (Target& t : targets) {
    ids.push_back(t.id);
    by_id[t.id] = &t;
  }
  std::string sql = std::string(kSplitColumns) + kWhereTargetIn;
  Params p;
  db::AppendInList(ids, sql, p);
  DH_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, p));
  for (size_t i = 0; i < rows.size(); ++i)
    by_id[rows.Int(i, 0)]->split.push_back({ReadPeriod(rows, i, 1), rows.Real(i, 2)});
  return Status::Ok();
}

}  // namespace

Result<int64_t> InsertIndicator(db::Connection& c, const Indicator& i) {
  Params p = IndicatorParams(i);
  p.push_back(i.created_at);
  p.push_back(i.updated_at);
  auto r = c.Query(kInsertIndicatorSql, p);
  if (!r.ok()) return NameDuplicate(r.status(), "code", kDuplicateCode);
  return r->Int(0, 0);
}

Status UpdateIndicator(db::Connection& c, const Indicator& i) {
  Params p = IndicatorParams(i);
  p.push_back(i.updated_at);
  p.push_back(i.id);
  return NameDuplicate(c.Exec(kUpdateIndicatorSql, p).status(), "code", kDuplicateCode);
}

Result<std::optional<Indicator>> FindIndicator(db::Connection& c, int64_t id) {
  DH_ASSIGN_OR_RETURN(
      auto v, Select<Indicator>(c, std::string(kIndicatorColumns) + kWhereId, {id}, ReadIndicator));
  return First(std::move(v));
}

Result<std::vector<Indicator>> LoadIndicators(db::Connection& c,
                                              const std::optional<std::vector<int64_t>>& ids) {
  std::string sql = kIndicatorColumns;
  Params p;
  if (ids) {
    if (ids->empty()) return std::vector<Indicator>{};
    sql += kWhereIdIn;
    db::AppendInList(*ids, sql, p);
  }
  return Select<Indicator>(c, sql + kOldestFirst, p, ReadIndicator);
}

Result<int64_t> InsertTarget(db::Connection& c, const Target& t) {
  const TargetExpression& e = t.parsed;
  const Value high = e.values.size() > 1 ? Value(e.values[1]) : Value();
  auto r = c.Query(kInsertTargetSql, {t.indicator_id, t.unit_id, t.period.ToString(), t.expression,
                                      std::string(ComparatorName(e.comparator)), e.values.at(0),
                                      high, int64_t{e.relative}, e.unit, t.note,
                                      db::OptId(t.created_by), t.created_at, t.updated_at});
  if (!r.ok())
    return NameDuplicate(r.status(), "period",
                         "Đơn vị này đã có chỉ tiêu cho chỉ số này trong kỳ này; hãy sửa chỉ "
                         "tiêu đã có.");
  const int64_t id = r->Int(0, 0);
  for (const SplitPart& s : t.split)
    DH_RETURN_IF_ERROR(c.Exec(kInsertSplitSql, {id, s.period.ToString(), s.share}).status());
  return id;
}

Result<std::optional<Target>> FindTarget(db::Connection& c, int64_t id) {
  DH_ASSIGN_OR_RETURN(auto v, LoadTargets(c, std::vector<int64_t>{id}));
  return First(std::move(v));
}

Result<std::vector<Target>> LoadTargets(db::Connection& c,
                                        const std::optional<std::vector<int64_t>>& ids) {
  std::string sql = kTargetColumns;
  Params p;
  if (ids) {
    if (ids->empty()) return std::vector<Target>{};
    sql += kWhereIdIn;
    db::AppendInList(*ids, sql, p);
  }
  DH_ASSIGN_OR_RETURN(auto targets, Select<Target>(c, sql + kOldestFirst, p, ReadTarget));
  DH_RETURN_IF_ERROR(AttachSplits(c, targets));
  return targets;
}

Result<int64_t> InsertValue(db::Connection& c, const IndicatorValue& v) {
  DH_ASSIGN_OR_RETURN(
      Rows r,
      c.Query(kInsertValueSql,
              {v.indicator_id, v.unit_id, v.period.ToString(), std::string(ValueKindName(v.kind)),
               v.value, v.source, v.note, std::string(ValueStateName(v.state)),
               db::OptId(v.submitted_by), v.submitted_at, db::OptId(v.decided_by),
               db::OptId(v.decided_at), v.decision_note}));
  return r.Int(0, 0);
}

Status DecideValue(db::Connection& c, int64_t id, ValueState state, int64_t user, int64_t at,
                   const std::string& note) {
  return c.Exec(kDecideValueSql, {std::string(ValueStateName(state)), user, at, note, id}).status();
}

Result<std::optional<IndicatorValue>> FindValue(db::Connection& c, int64_t id) {
  DH_ASSIGN_OR_RETURN(
      auto v, Select<IndicatorValue>(c, std::string(kValueColumns) + kWhereId, {id}, ReadValue));
  return First(std::move(v));
}

Result<std::vector<IndicatorValue>> ListValues(db::Connection& c, const ValueFilter& f) {
  std::string sql = std::string(kValueColumns) + kWhereAll;
  Params p;
  if (f.indicator_id) sql += kAndIndicator, p.push_back(*f.indicator_id);
  if (f.unit_id) sql += kAndUnit, p.push_back(*f.unit_id);
  if (f.period) sql += kAndPeriod, p.push_back(*f.period);
  if (f.state) sql += kAndState, p.push_back(std::string(ValueStateName(*f.state)));
  return Select<IndicatorValue>(c, sql + kNewestFirst, p, ReadValue);
}

Result<std::vector<IndicatorValue>> ApprovedValues(db::Connection& c,
                                                   std::optional<int64_t> indicator_id,
                                                   std::optional<int64_t> unit_id) {
  std::string sql = std::string(kValueColumns) + kApproved;
  Params p;
  if (indicator_id) sql += kAndIndicator, p.push_back(*indicator_id);
  if (unit_id) sql += kAndUnit, p.push_back(*unit_id);
  return Select<IndicatorValue>(c, sql + kOldestFirst, p, ReadValue);
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
  DH_ASSIGN_OR_RETURN(Rows rows, c.Query(kInsertExplanationSql, p));
  return rows.Int(0, 0);
}

Status UpdateExplanation(db::Connection& c, const ExplanationRequest& r) {
  Params p = ExplanationParams(r);
  p.push_back(r.id);
  return c.Exec(kUpdateExplanationSql, p).status();
}

Result<std::optional<ExplanationRequest>> FindExplanation(db::Connection& c, int64_t id) {
  DH_ASSIGN_OR_RETURN(
      auto v, Select<ExplanationRequest>(c, std::string(kExplanationColumns) + kWhereId, {id},
                                         ReadExplanation));
  return First(std::move(v));
}

Result<std::vector<ExplanationRequest>> ListExplanations(db::Connection& c,
                                                         const ExplanationFilter& f) {
  std::string sql = std::string(kExplanationColumns) + kWhereAll;
  Params p;
  if (f.target_id) sql += kAndTarget, p.push_back(*f.target_id);
  if (f.task_id) sql += kAndTask, p.push_back(*f.task_id);
  if (f.unit_id) sql += kAndUnit, p.push_back(*f.unit_id);
  if (f.state) sql += kAndState, p.push_back(std::string(ExplanationStateName(*f.state)));
  return Select<ExplanationRequest>(c, sql + kNewestFirst, p, ReadExplanation);
}

Status InsertExplanationEvent(db::Connection& c, const ExplanationEvent& e) {
  return c
      .Exec(kInsertEventSql,
            {e.request_id, e.kind, int64_t{e.round}, e.text, db::OptId(e.user_id), e.created_at})
      .status();
}

Result<std::vector<ExplanationEvent>> EventsOf(db::Connection& c, int64_t request_id) {
  return Select<ExplanationEvent>(c, kEventsOfSql, {request_id}, [](const Rows& r, size_t i) {
    return ExplanationEvent{
        r.Int(i, 0),  r.Int(i, 1),    r.Text(i, 2), static_cast<int>(r.Int(i, 3)),
        r.Text(i, 4), r.OptInt(i, 5), r.Int(i, 6)};
  });
}

}  // namespace dh::targets

// ---- Lists a page at a time (target_lists.h) ------------------------------------------------

namespace dh::targets {
namespace {

constexpr char kCountValuesSql[] = "SELECT COUNT(*) FROM indicator_values";
constexpr char kCountExplanationsSql[] = "SELECT COUNT(*) FROM explanation_requests";
constexpr char kNewestPage[] = " ORDER BY id DESC LIMIT ? OFFSET ?";
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
  if (f.indicator_id) where += kAndIndicator, p.push_back(*f.indicator_id);
  if (f.unit_id) where += kAndUnit, p.push_back(*f.unit_id);
  if (f.period) where += kAndPeriod, p.push_back(*f.period);
  if (f.state) where += kAndState, p.push_back(std::string(ValueStateName(*f.state)));
  std::optional<std::string> scoped = where;
  if (units && units->empty()) scoped.reset();  // sees nothing
  if (units && !units->empty()) *scoped += kAndUnitIn, db::AppendInList(Sorted(*units), *scoped, p);
  DH_ASSIGN_OR_RETURN(Rows rows, db::CountAndPage(c, {kCountValuesSql, kValueColumns, kNewestPage},
                                                  scoped, p, limit, offset, total));
  return db::ReadRows(rows, ReadValue);
}

Result<std::vector<ExplanationRequest>> PageExplanations(db::Connection& c,
                                                         const ExplanationPage& q, int64_t* total) {
  const ExplanationFilter& f = q.filter;
  std::string where = kWhereAll;
  Params p;
  if (f.target_id) where += kAndTarget, p.push_back(*f.target_id);
  if (f.task_id) where += kAndTask, p.push_back(*f.task_id);
  if (f.unit_id) where += kAndUnit, p.push_back(*f.unit_id);
  if (f.state) where += kAndState, p.push_back(std::string(ExplanationStateName(*f.state)));
  if (q.due_before) where += kAndOpenDueBefore, p.push_back(q.due_before->ToString());
  if (q.units && q.units->empty()) {
    where += kAndAskedBy, p.push_back(q.asker);
  } else if (q.units) {
    where += kAndAskedByOrUnitIn, p.push_back(q.asker);
    db::AppendInList(Sorted(*q.units), where, p);
    where += kCloseParen;
  }
  DH_ASSIGN_OR_RETURN(Rows rows,
                      db::CountAndPage(c, {kCountExplanationsSql, kExplanationColumns, kNewestPage},
                                       where, p, q.limit, q.offset, total));
  return db::ReadRows(rows, ReadExplanation);
}

}  // namespace dh::targets
