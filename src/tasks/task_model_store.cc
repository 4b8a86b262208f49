#include "tasks/task_model_store.h"

#include <algorithm>

#include "db/row_stream.h"
#include "db/sql_lists.h"
#include "tasks/task_index.h"
#include "tasks/task_model_baseline.h"

namespace dh::tasks {
namespace {

const std::string kModelColumns =
    "SELECT id, lead_unit_id, directive_id, group_id, parent_task_id, assignee_id, deadline, "
    "finished_on, last_report_on, created_at, state, is_key, title_folded, progress_percent FROM "
    "tasks ";
constexpr const char* kBatchAfter = "WHERE id > ? ORDER BY id LIMIT ?";
constexpr const char* kIdsInRange = "WHERE id > ? AND id <= ? ORDER BY id";
constexpr const char* kMaxId = "SELECT COALESCE(MAX(id), 0) FROM tasks";
constexpr const char* kCoordinatorsInRange =
    "SELECT task_id, unit_id FROM task_coordinators WHERE task_id > ? AND task_id <= ? "
    "ORDER BY task_id, unit_id";
constexpr const char* kPendingInRange =
    "SELECT DISTINCT task_id FROM task_extensions WHERE status = 'pending' AND task_id > ? AND "
    "task_id <= ? ORDER BY task_id";
// Followed by a list of ids "(?,?,…)" and the order.
const std::string kWhereIdIn = "WHERE id IN ";
const std::string kById = " ORDER BY id";
const std::string kCoordinatorsOf =
    "SELECT task_id, unit_id FROM task_coordinators WHERE task_id IN ";
const std::string kPendingOf =
    "SELECT DISTINCT task_id FROM task_extensions WHERE status = 'pending' AND task_id IN ";
const std::string kByTask = " ORDER BY task_id";
constexpr const char* kPendingExtensions =
    "SELECT id, task_id, requested_deadline FROM task_extensions WHERE status = 'pending' "
    "ORDER BY id";
constexpr const char* kTableSize = "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM tasks";
constexpr int64_t kBatch = 20000;

using db::InList;

std::optional<Date> DateAt(const db::Rows& r, size_t i, size_t col) {
  const db::Value& v = r.At(i, col);
  const auto* s = std::get_if<std::string>(&v);
  return s ? Date::Parse(*s) : std::nullopt;
}

// Rows of kModelColumns (ids ascending), with their coordinators (task_id, unit_id) and
// the tasks with an extension pending (task_id), both by task_id.
void VisitRows(const db::Rows& r, const db::Rows& co, const db::Rows& pending,
               const ModelRowVisitor& visit) {
  size_t j = 0, p = 0;
  ModelRow m;
  for (size_t i = 0; i < r.size(); ++i) {
    m.id = r.Int(i, 0), m.lead_unit_id = r.Int(i, 1), m.directive_id = r.Int(i, 2);
    m.group_id = r.Int(i, 3), m.parent_id = r.Int(i, 4), m.assignee_id = r.Int(i, 5);
    m.deadline = DateAt(r, i, 6), m.finished_on = DateAt(r, i, 7);
    m.last_report_on = DateAt(r, i, 8), m.created_at = r.Int(i, 9);
    const auto* state = std::get_if<std::string>(&r.At(i, 10));
    m.state = state ? ParseState(*state).value_or(TaskState::kNotStarted) : TaskState::kNotStarted;
    m.is_key = r.Int(i, 11) != 0;
    const auto* title = std::get_if<std::string>(&r.At(i, 12));
    m.title_folded = title ? std::string_view(*title) : std::string_view();
    m.progress_percent = static_cast<int>(r.Int(i, 13));
    m.coordinator_ids.clear();
    while (j < co.size() && co.Int(j, 0) < m.id) ++j;
    while (j < co.size() && co.Int(j, 0) == m.id) m.coordinator_ids.push_back(co.Int(j++, 1));
    while (p < pending.size() && pending.Int(p, 0) < m.id) ++p;
    m.extension_pending = p < pending.size() && pending.Int(p, 0) == m.id;
    visit(m);
  }
}

// NULL reads as "" (no date): one call into the database per column, not two.
std::optional<Date> DateIn(const db::RowView& r, int col) { return Date::Parse(r.Text(col)); }

// One row of kModelColumns read in place; coordinators and the pending flag come apart.
void ReadModelRow(const db::RowView& r, ModelRow& m) {
  m.id = r.Int(0), m.lead_unit_id = r.Int(1), m.directive_id = r.Int(2);
  m.group_id = r.Int(3), m.parent_id = r.Int(4), m.assignee_id = r.Int(5);
  m.deadline = DateIn(r, 6), m.finished_on = DateIn(r, 7), m.last_report_on = DateIn(r, 8);
  m.created_at = r.Int(9);
  m.state = ParseState(r.Text(10)).value_or(TaskState::kNotStarted);
  m.is_key = r.Int(11) != 0;
  m.title_folded = r.Text(12);
  m.progress_percent = static_cast<int>(r.Int(13));
}

// The coordinators (task_id, unit_id) and the tasks with an extension pending (task_id,
// 0) of one range of ids, both by task_id.
using TaskPairs = std::vector<std::pair<int64_t, int64_t>>;
Status ReadPairs(db::Connection& c, const char* sql, const db::Params& range, bool second,
                 TaskPairs& out) {
  out.clear();
  return db::QueryEach(c, sql, range, [&](const db::RowView& r) {
    out.emplace_back(r.Int(0), second ? r.Int(1) : 0);
    return Status::Ok();
  });
}

// The tasks of ids (range[0], range[1]], streamed from the database into `visit`.
Status StreamRange(db::Connection& c, const db::Params& range, const ModelRowVisitor& visit) {
  static const std::string sql = kModelColumns + kIdsInRange;
  TaskPairs co, pending;
  DH_RETURN_IF_ERROR(ReadPairs(c, kCoordinatorsInRange, range, true, co));
  DH_RETURN_IF_ERROR(ReadPairs(c, kPendingInRange, range, false, pending));
  size_t j = 0, p = 0;
  ModelRow m;
  return db::QueryEach(c, sql, range, [&](const db::RowView& r) {
    ReadModelRow(r, m);
    m.coordinator_ids.clear();
    while (j < co.size() && co[j].first < m.id) ++j;
    while (j < co.size() && co[j].first == m.id) m.coordinator_ids.push_back(co[j++].second);
    while (p < pending.size() && pending[p].first < m.id) ++p;
    m.extension_pending = p < pending.size() && pending[p].first == m.id;
    visit(m);
    return Status::Ok();
  });
}

}  // namespace

// Ranges of kBatch ids, each row read in place (no db::Rows): the load of the read model.
Status ForEachModelRow(db::Connection& c, const ModelRowVisitor& visit) {
  int64_t max_id = 0;
  DH_RETURN_IF_ERROR(db::QueryEach(c, kMaxId, {}, [&](const db::RowView& r) {
    max_id = r.Int(0);
    return Status::Ok();
  }));
  for (int64_t after = 0; after < max_id; after += kBatch)
    DH_RETURN_IF_ERROR(StreamRange(c, {after, after + kBatch}, visit));
  return Status::Ok();
}

Status ForEachModelRowThroughRows(db::Connection& c, const ModelRowVisitor& visit) {
  const std::string sql = kModelColumns + kBatchAfter;
  for (int64_t after = 0;;) {
    DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(sql, {after, kBatch}));
    if (r.empty()) return Status::Ok();
    const db::Params range{after, r.Int(r.size() - 1, 0)};
    DH_ASSIGN_OR_RETURN(db::Rows co, c.Query(kCoordinatorsInRange, range));
    DH_ASSIGN_OR_RETURN(db::Rows pending, c.Query(kPendingInRange, range));
    VisitRows(r, co, pending, visit);
    if (static_cast<int64_t>(r.size()) < kBatch) return Status::Ok();
    after = r.Int(r.size() - 1, 0);
  }
}

Status ForEachModelRowOf(db::Connection& c, const std::vector<int64_t>& ids,
                         const ModelRowVisitor& visit) {
  std::vector<int64_t> sorted(ids);
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  for (size_t from = 0; from < sorted.size(); from += 500) {
    const size_t n = std::min<size_t>(500, sorted.size() - from);
    db::Params params(sorted.begin() + from, sorted.begin() + from + n);
    const std::string in = InList(n);
    DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kModelColumns + kWhereIdIn + in + kById, params));
    DH_ASSIGN_OR_RETURN(db::Rows co, c.Query(kCoordinatorsOf + in + kByTask, params));
    DH_ASSIGN_OR_RETURN(db::Rows pending, c.Query(kPendingOf + in + kByTask, params));
    VisitRows(r, co, pending, visit);
  }
  return Status::Ok();
}

Result<TaskTableSize> TaskTableSizeOf(db::Connection& c) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kTableSize));
  return TaskTableSize{r.Int(0, 0), r.Int(0, 1)};
}

Result<std::vector<PendingExtension>> PendingExtensions(db::Connection& c) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kPendingExtensions));
  std::vector<PendingExtension> out;
  for (size_t i = 0; i < r.size(); ++i)
    if (auto d = Date::Parse(r.Text(i, 2))) out.push_back({r.Int(i, 0), r.Int(i, 1), *d});
  return out;
}

}  // namespace dh::tasks
